// One size cap for a saved report at every door: the CLI's reader, the web bridge and the IPC.
// A real report is well under 1 MB; 20 MB leaves room for a crowded one and stops a file that
// only wants to exhaust memory.
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

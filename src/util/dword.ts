// One way to write a registry DWORD for people: eight hex digits and the decimal value
// ("0x00000A00 (2560)"), the same in the console, the reports, the UI and the .reg comments.
export function formatDword(n: number): string {
  return `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, '0')} (${n >>> 0})`;
}

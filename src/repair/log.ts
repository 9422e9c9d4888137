// The log a repair writes to: the app's log (src/log) in the CLI and the app; a list in tests.
import type { LogFields } from '../log/index';

export interface RepairLog {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  fileWritten(file: string, fields?: LogFields): void;
}

/** A log that keeps its lines in memory (tests, and the result shown to the user). */
export function memoryLog(): RepairLog & { lines: { level: string; event: string; fields?: LogFields }[] } {
  const lines: { level: string; event: string; fields?: LogFields }[] = [];
  return {
    lines,
    info: (event, fields) => lines.push({ level: 'info', event, fields }),
    warn: (event, fields) => lines.push({ level: 'warn', event, fields }),
    error: (event, fields) => lines.push({ level: 'error', event, fields }),
    fileWritten: (file, fields) => lines.push({ level: 'info', event: 'file.written', fields: { path: file, ...fields } }),
  };
}

// The app's log (issue #21): one file per day in `<app data>/logs`, 14 days kept. Used by the
// desktop app (errors, each diagnosis's start and end, every file written) and by the CLI.
// Writing never throws: a log that cannot be written must not stop a diagnosis or a repair.
import * as fs from 'fs';
import * as path from 'path';
import { appDataDir, type HistoryEnv } from '../history/paths';
import { formatLogLine, type LogFields, type LogLevel } from './format';
import { KEEP_DAYS, logFileName, pruneLogs } from './files';

export type { LogFields, LogLevel, LogValue } from './format';
export { formatLogLine } from './format';
export { expiredLogs, logFileName, pruneLogs, KEEP_DAYS } from './files';

export interface Log {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** `file.written` with the path: every file the app writes is named in the log. */
  fileWritten(file: string, fields?: LogFields): void;
  /** Today's file (it may not exist yet). */
  file(): string;
  readonly dir: string;
}

export interface LogOptions {
  dir: string;
  keepDays?: number;
  /** The clock (tests). */
  now?: () => Date;
}

/** `<app data>/logs`: next to the history, in the one data folder of the app. */
export function logDir(options: HistoryEnv = {}): string {
  const base = appDataDir(options);
  const platform = options.platform ?? process.platform;
  return (platform === 'win32' && !(options.env ?? process.env).PEC_DOCTOR_HOME ? path.win32 : path).join(base, 'logs');
}

export function createLog(options: LogOptions): Log {
  const now = options.now ?? (() => new Date());
  const keepDays = options.keepDays ?? KEEP_DAYS;
  let currentName = '';

  const write = (level: LogLevel, event: string, fields?: LogFields): void => {
    const time = now();
    const name = logFileName(time);
    try {
      if (name !== currentName) {
        // First line of the process, or a new day: make sure the folder exists, drop old days.
        fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
        pruneLogs(options.dir, time, keepDays);
        currentName = name;
      }
      fs.appendFileSync(path.join(options.dir, name), formatLogLine(time, level, event, fields), { mode: 0o600 });
    } catch {
      currentName = '';
    }
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    fileWritten: (file, fields) => write('info', 'file.written', { path: file, ...fields }),
    file: () => path.join(options.dir, logFileName(now())),
    dir: options.dir,
  };
}

let defaultLog: Log | null = null;

/** The log of this user's app data folder, created at first use (PEC_DOCTOR_HOME respected). */
export const log: Log = {
  info: (event, fields) => getDefault().info(event, fields),
  warn: (event, fields) => getDefault().warn(event, fields),
  error: (event, fields) => getDefault().error(event, fields),
  fileWritten: (file, fields) => getDefault().fileWritten(file, fields),
  file: () => getDefault().file(),
  get dir() {
    return getDefault().dir;
  },
};

function getDefault(): Log {
  defaultLog ??= createLog({ dir: logDir() });
  return defaultLog;
}

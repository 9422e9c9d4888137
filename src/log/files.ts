// Daily log files and their rotation: `pec-doctor-YYYY-MM-DD.log` in the log folder, named by the
// local date (what the person on the phone calls "today"), the last 14 days kept.
import * as fs from 'fs';
import * as path from 'path';

export const KEEP_DAYS = 14;
const NAME = /^pec-doctor-(\d{4})-(\d{2})-(\d{2})\.log$/;

export function logFileName(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `pec-doctor-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}.log`;
}

/** The names (of ours only) that are older than the `keepDays` days ending with `today`. */
export function expiredLogs(names: readonly string[], today: Date, keepDays = KEEP_DAYS): string[] {
  const oldestKept = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (keepDays - 1));
  return names.filter((name) => {
    const m = NAME.exec(name);
    if (!m) return false;
    return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) < oldestKept;
  });
}

/** Deletes the expired daily files in `dir`; other files there are never touched. */
export function pruneLogs(dir: string, today: Date, keepDays = KEEP_DAYS): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of expiredLogs(names, today, keepDays)) {
    try {
      fs.unlinkSync(path.join(dir, name));
      removed.push(name);
    } catch {
      // in use or already gone: tried again tomorrow
    }
  }
  return removed;
}

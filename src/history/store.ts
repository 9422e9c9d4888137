// The local run history (issue #12): one file per finished diagnosis (the report JSON, as
// saved), the newest 20 kept. Written atomically (temporary file, then rename), so a crash
// leaves either the old set or the new one, never half a file; the oldest runs are pruned only
// after the new one is safely in place. A damaged file is skipped with a note, never deleted
// behind the user's back (only the bound of 20 and "delete"/"delete all" remove files).
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { RunSummary } from '../api';
import type { Report, Severity } from '../diagnosis/types';
import { SEVERITY_ORDER } from '../diagnosis/types';
import { readReportFile, ReportReadError } from '../report/read';
import { caseCodeOf } from '../report/case-code';
import type { Text } from '../util/text';
import { text } from '../util/text';
import { errorMessage } from '../util/errors';
import { historyDir, type HistoryEnv } from './paths';

export const HISTORY_LIMIT = 20;

/** `20261123-100000-7kq4mz`: sorts by time; only these characters, so an id is never a path. */
const ID_RE = /^\d{8}-\d{6}-[a-z0-9]{6}$/;
const FILE_RE = /^(\d{8}-\d{6}-[a-z0-9]{6})\.json$/;

export class HistoryError extends Error {
  override name = 'HistoryError';
  constructor(readonly text: Text) {
    super(`${text.it} / ${text.en}`);
  }
}

export interface HistoryOptions extends HistoryEnv {
  /** The history folder itself (tests); otherwise from the environment. */
  dir?: string;
  limit?: number;
}

export interface RunList {
  runs: RunSummary[];
  /** Files that could not be read, with why: listed, not deleted. */
  skipped: { file: string; reason: Text }[];
}

const dirOf = (o: HistoryOptions) => o.dir ?? historyDir(o);

export const isRunId = (id: string): boolean => ID_RE.test(id);

function newRunId(createdAt: string): string {
  const d = new Date(createdAt);
  const when = Number.isNaN(d.getTime()) ? new Date() : d;
  const stamp = when.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const rand = crypto
    .randomBytes(6)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase()
    .padEnd(6, '0')
    .slice(0, 6);
  return `${stamp}-${rand}`;
}

export function summaryOf(id: string, report: Report): RunSummary {
  const counts = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of report.findings) if (f.severity in counts) counts[f.severity]++;
  return {
    id,
    createdAt: report.createdAt,
    caseCode: report.caseCode ?? caseCodeOf(report),
    status: report.verdict.status,
    title: report.verdict.title,
    counts,
  };
}

/** Writes `file` so that it is either absent or complete: temporary file in the same folder, then rename. */
function writeAtomic(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(tmp, content, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

function runFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new HistoryError(
      text(`non riesco a leggere la cronologia (${dir}): ${errorMessage(err)}`, `cannot read the history (${dir}): ${errorMessage(err)}`),
    );
  }
  // Newest first: ids start with the time.
  return names
    .filter((n) => FILE_RE.test(n))
    .sort()
    .reverse();
}

/** Saves a finished run; returns its summary. The oldest runs beyond the limit are removed afterwards. */
export function saveRun(report: Report, options: HistoryOptions = {}): RunSummary {
  const dir = dirOf(options);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new HistoryError(
      text(
        `non riesco a creare la cartella della cronologia (${dir}): ${errorMessage(err)}`,
        `cannot create the history folder (${dir}): ${errorMessage(err)}`,
      ),
    );
  }
  let id = newRunId(report.createdAt);
  while (fs.existsSync(path.join(dir, `${id}.json`))) id = newRunId(report.createdAt);
  const stored: Report = { ...report, caseCode: report.caseCode ?? caseCodeOf(report) };
  try {
    writeAtomic(path.join(dir, `${id}.json`), JSON.stringify(stored, null, 1) + '\n');
  } catch (err) {
    throw new HistoryError(
      text(
        `non riesco a salvare il controllo nella cronologia: ${errorMessage(err)}`,
        `cannot save the run in the history: ${errorMessage(err)}`,
      ),
    );
  }
  prune(dir, options.limit ?? HISTORY_LIMIT);
  return summaryOf(id, stored);
}

/** Keeps the newest `limit` files (the bound); a damaged file among them stays listed with a note. */
function prune(dir: string, limit: number): void {
  const files = runFiles(dir);
  for (const name of files.slice(limit)) {
    try {
      fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // A file that cannot be removed now is removed by a later run; never fatal.
    }
  }
}

export async function listRuns(options: HistoryOptions = {}): Promise<RunList> {
  const dir = dirOf(options);
  const runs: RunSummary[] = [];
  const skipped: RunList['skipped'] = [];
  for (const name of runFiles(dir)) {
    const id = (FILE_RE.exec(name) as RegExpExecArray)[1];
    try {
      runs.push(summaryOf(id, await readReportFile(path.join(dir, name))));
    } catch (err) {
      const why = err instanceof ReportReadError ? err.text : text(errorMessage(err), errorMessage(err));
      skipped.push({
        file: name,
        reason: text(`controllo ${id} non leggibile, saltato: ${why.it}`, `run ${id} unreadable, skipped: ${why.en}`),
      });
    }
  }
  return { runs, skipped };
}

export async function getRun(id: string, options: HistoryOptions = {}): Promise<Report> {
  if (!isRunId(id))
    throw new HistoryError(text(`"${id}" non è il codice di un controllo della cronologia`, `"${id}" is not a history run id`));
  const file = path.join(dirOf(options), `${id}.json`);
  if (!fs.existsSync(file))
    throw new HistoryError(
      text(`il controllo ${id} non è nella cronologia (forse è stato cancellato)`, `run ${id} is not in the history (deleted?)`),
    );
  try {
    return await readReportFile(file);
  } catch (err) {
    const why = err instanceof ReportReadError ? err.text : text(errorMessage(err), errorMessage(err));
    throw new HistoryError(text(`il controllo ${id} è danneggiato: ${why.it}`, `run ${id} is damaged: ${why.en}`));
  }
}

/** Deletes one run, or all of them (damaged files included) with 'all'. */
export function deleteRuns(id: string | 'all', options: HistoryOptions = {}): { deleted: number } {
  const dir = dirOf(options);
  if (id !== 'all' && !isRunId(id))
    throw new HistoryError(text(`"${id}" non è il codice di un controllo della cronologia`, `"${id}" is not a history run id`));
  const names = id === 'all' ? runFiles(dir) : runFiles(dir).filter((n) => n === `${id}.json`);
  if (id !== 'all' && names.length === 0)
    throw new HistoryError(text(`il controllo ${id} non è nella cronologia`, `run ${id} is not in the history`));
  let deleted = 0;
  for (const n of names) {
    try {
      fs.rmSync(path.join(dir, n));
      deleted++;
    } catch (err) {
      throw new HistoryError(text(`non riesco a cancellare ${n}: ${errorMessage(err)}`, `cannot delete ${n}: ${errorMessage(err)}`));
    }
  }
  return { deleted };
}

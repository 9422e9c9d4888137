// The local run history (issue #12): one file per finished diagnosis (the report JSON, as
// saved), the newest 20 kept. Written atomically (temporary file, then rename), so a crash
// leaves either the old set or the new one, never half a file; the oldest runs are pruned only
// after the new one is safely in place. A damaged file is skipped with a note, never deleted
// behind the user's back (only the bound of 20 and "delete"/"delete all" remove files).
// Hardened (issue #20.6): the folder is created and checked as a real folder (a history folder
// that is a link is refused, never written or pruned through); runs dated in the future do not
// push the new run out (their dates are not trusted for pruning, and the run just saved is never
// pruned); a reopened run goes through the same re-derivation as a reopened file.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { RunSummary } from '../api';
import type { Report, Severity } from '../diagnosis/types';
import { SEVERITY_ORDER } from '../diagnosis/types';
import { evaluateSavedReport, readReportFile, ReportReadError, trustedCaseCode } from '../report/read';
import { caseCodeOf } from '../report/case-code';
import { safeWriteFileSync } from '../platform/safe-write';
import { checkedOf } from './compare';
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
  constructor(
    readonly text: Text,
    /** The run's file is there but cannot be used (damaged, of another version): the CLI's EXIT_BAD_REPORT. */
    readonly damaged = false,
  ) {
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

/** A run dated more than a day after now is "from the future": a wrong clock, or a planted file. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** The time in an id (UTC), or NaN. */
function idTime(id: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(id);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

function newRunId(createdAt: string, now = Date.now()): string {
  const d = new Date(createdAt);
  // Named by the evidence's time, unless that is unreadable or in the future: then by now.
  const when = Number.isNaN(d.getTime()) || d.getTime() > now + FUTURE_TOLERANCE_MS ? new Date(now) : d;
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

export function summaryOf(id: string, stored: Report): RunSummary {
  // Findings and verdict are not read back from a file (the schema leaves them out): a run stored
  // without them (an older version's file) is summarised from its evidence, judged again.
  const report =
    Array.isArray(stored.findings) && typeof stored.verdict === 'object' && stored.verdict !== null ? stored : evaluateSavedReport(stored);
  const counts = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of report.findings) if (f.severity in counts) counts[f.severity]++;
  return {
    id,
    createdAt: report.createdAt,
    // Only a code of our form; otherwise the one computed from the evidence (a file never prints its own).
    caseCode: trustedCaseCode(report) ?? caseCodeOf(report),
    status: report.verdict.status,
    title: report.verdict.title,
    counts,
    checked: checkedOf(report),
  };
}

/**
 * The history folder as it is now: absent (null), or a real folder. A link (or a junction) in its
 * place is refused: pruning through it deleted look-alike files in the linked folder.
 */
function realFolder(dir: string): 'absent' | 'ok' {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw new HistoryError(
      text(`non riesco a leggere la cronologia (${dir}): ${errorMessage(err)}`, `cannot read the history (${dir}): ${errorMessage(err)}`),
    );
  }
  if (st.isSymbolicLink() || !st.isDirectory()) {
    throw new HistoryError(
      text(
        `la cartella della cronologia (${dir}) non è una cartella vera (è un collegamento o un file): non la uso. Cancellala o spostala, e PEC Doctor ne creerà una nuova`,
        `the history folder (${dir}) is not a real folder (a link or a file): not used. Remove or move it and PEC Doctor creates a new one`,
      ),
    );
  }
  return 'ok';
}

function runFiles(dir: string): string[] {
  if (realFolder(dir) === 'absent') return [];
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
    // The app-data folder as needed, then the history folder itself created here (never through a link).
    fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
    if (realFolder(dir) === 'absent') fs.mkdirSync(dir, { mode: 0o700 });
    realFolder(dir);
  } catch (err) {
    if (err instanceof HistoryError) throw err;
    throw new HistoryError(
      text(
        `non riesco a creare la cartella della cronologia (${dir}): ${errorMessage(err)}`,
        `cannot create the history folder (${dir}): ${errorMessage(err)}`,
      ),
    );
  }
  let id = newRunId(report.createdAt);
  while (fs.existsSync(path.join(dir, `${id}.json`))) id = newRunId(report.createdAt);
  const stored: Report = { ...report, caseCode: trustedCaseCode(report) ?? caseCodeOf(report) };
  try {
    // Exclusive, no link followed, complete or absent (src/platform/safe-write.ts); private to the user.
    safeWriteFileSync(path.join(dir, `${id}.json`), JSON.stringify(stored, null, 1) + '\n', { mode: 0o600 });
  } catch (err) {
    throw new HistoryError(
      text(
        `non riesco a salvare il controllo nella cronologia: ${errorMessage(err)}`,
        `cannot save the run in the history: ${errorMessage(err)}`,
      ),
    );
  }
  prune(dir, options.limit ?? HISTORY_LIMIT, `${id}.json`);
  return summaryOf(id, stored);
}

/**
 * Keeps the newest `limit` files (the bound); a damaged file among them stays listed with a note.
 * Runs dated in the future count as the oldest (their date is not trusted), and `keep`, the run
 * just saved, is never removed: 20 runs dated 2099 cannot make every new run vanish at once.
 */
function prune(dir: string, limit: number, keep: string, now = Date.now()): void {
  const trusted = (name: string) => {
    const t = idTime(name);
    return Number.isNaN(t) || t > now + FUTURE_TOLERANCE_MS ? -Infinity : t;
  };
  const files = runFiles(dir)
    .filter((name) => name !== keep)
    .sort((a, b) => trusted(b) - trusted(a) || (a < b ? 1 : a > b ? -1 : 0));
  for (const name of files.slice(Math.max(0, limit - 1))) {
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

/**
 * A reopened run ("Apri" in the history, `history show`): re-derived as a reopened file is (this
 * version's rules; provider names, webmail and links from our catalogue, never the file's).
 */
export async function getRun(id: string, options: HistoryOptions = {}): Promise<Report> {
  return evaluateSavedReport(await readRun(id, options));
}

/**
 * A run as it was stored (checked against the schema, not re-judged): what the before/after
 * compares, the findings each run had at the time. Its texts are data, shown escaped.
 */
export async function readRun(id: string, options: HistoryOptions = {}): Promise<Report> {
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
    throw new HistoryError(text(`il controllo ${id} è danneggiato: ${why.it}`, `run ${id} is damaged: ${why.en}`), true);
  }
}

/** Deletes one run, or all of them (damaged files included) with 'all'. */
export function deleteRuns(id: string | 'all', options: HistoryOptions = {}): { deleted: number } {
  const dir = dirOf(options);
  if (id !== 'all' && !isRunId(id))
    throw new HistoryError(text(`"${id}" non è il codice di un controllo della cronologia`, `"${id}" is not a history run id`));
  const names = id === 'all' ? runFiles(dir) : runFiles(dir).filter((n) => n === `${id}.json`); // runFiles refuses a linked folder
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

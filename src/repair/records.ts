// The repairs this app made, kept in the app-data folder next to the history (`repairs.json`):
// which history run each repair started from (the "before" of the re-check after the restart)
// and the undo file it saved first (the history's "Annulla la riparazione"). Written by the
// desktop app's own (not elevated) process, read back strictly: a record that does not have
// exactly the expected shape is dropped, never trusted.
import * as fs from 'fs';
import * as path from 'path';
import { FIX_KEYS } from '../fix/registry-fix';
import { appDataDir, type HistoryEnv } from '../history/paths';
import { text } from '../util/text';
import { labelOf, showValue } from './plan';
import { parseUndoFile, UndoFileError } from './reg-file';
import type { RepairRecordView } from './contract';

export interface RepairRecord {
  /** History id of the run the repair started from; null when that run was not kept. */
  runId: string | null;
  /** When the repair ended (ISO). */
  at: string;
  undoFile: string;
  undoneAt: string | null;
}

/** Kept: the last repairs only (a machine is repaired once or twice). */
export const RECORDS_LIMIT = 20;
const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_UNDO_BYTES = 64 * 1024;

export const recordsFile = (options: HistoryEnv = {}): string => path.join(appDataDir(options), 'repairs.json');

export const isRunIdLike = (id: unknown): id is string => typeof id === 'string' && RUN_ID.test(id);

function isRecord(r: unknown): r is RepairRecord {
  if (!r || typeof r !== 'object') return false;
  const o = r as Record<string, unknown>;
  return (
    Object.keys(o).length === 4 &&
    (o.runId === null || isRunIdLike(o.runId)) &&
    typeof o.at === 'string' &&
    !Number.isNaN(Date.parse(o.at)) &&
    typeof o.undoFile === 'string' &&
    path.isAbsolute(o.undoFile) &&
    /\.reg$/i.test(o.undoFile) &&
    (o.undoneAt === null || (typeof o.undoneAt === 'string' && !Number.isNaN(Date.parse(o.undoneAt))))
  );
}

/** The records, newest first; a missing or damaged file is an empty list. */
export function readRecords(file: string): RepairRecord[] {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(data) ? data.filter(isRecord).slice(0, RECORDS_LIMIT) : [];
  } catch {
    return [];
  }
}

function writeRecords(file: string, records: RepairRecord[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(records.slice(0, RECORDS_LIMIT), null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Adds a repair that saved an undo file (newest first). */
export function addRecord(file: string, record: Omit<RepairRecord, 'undoneAt'>): RepairRecord {
  const full: RepairRecord = {
    runId: isRunIdLike(record.runId) ? record.runId : null,
    at: record.at,
    undoFile: record.undoFile,
    undoneAt: null,
  };
  writeRecords(file, [full, ...readRecords(file)]);
  return full;
}

/** The record "Annulla la riparazione" acts on: the newest one of that run not undone yet. */
export function recordOfRun(records: readonly RepairRecord[], runId: string): RepairRecord | null {
  return records.find((r) => r.runId === runId && r.undoneAt === null) ?? null;
}

export function markUndone(file: string, undoFile: string, at: string): void {
  writeRecords(
    file,
    readRecords(file).map((r) => (r.undoFile === undoFile && r.undoneAt === null ? { ...r, undoneAt: at } : r)),
  );
}

/** The undo file read strictly (parseUndoFile): its values, or why it cannot be used. */
export function readUndoFile(file: string): { values: ReturnType<typeof parseUndoFile> } | { problem: RepairRecordView['problem'] } {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_UNDO_BYTES) throw new Error('not a small regular file');
    return { values: parseUndoFile(fs.readFileSync(file)) };
  } catch (err) {
    if (err instanceof UndoFileError)
      return { problem: text(`Il file di annullamento non è valido: ${err.text.it}`, `The undo file is not valid: ${err.text.en}`) };
    return {
      problem: text(
        `Il file di annullamento non si trova più o non si può leggere (${file}).`,
        `The undo file is no longer there or cannot be read (${file}).`,
      ),
    };
  }
}

/** A record as the history screen shows it: what its undo file would put back, read now. */
export function recordView(r: RepairRecord): RepairRecordView {
  const read = readUndoFile(r.undoFile);
  return {
    runId: r.runId,
    at: r.at,
    undoFile: r.undoFile,
    undoneAt: r.undoneAt,
    values:
      'values' in read
        ? read.values.map((v) => ({ label: labelOf(v, null), path: FIX_KEYS[v.key], name: v.name, value: showValue(v.value) }))
        : null,
    problem: 'problem' in read ? read.problem : null,
  };
}

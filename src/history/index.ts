// The run history as the core and the CLI use it: save each finished run, list, read, delete,
// compare. `recordRun` never throws: a full disk or a read-only profile must not turn a finished
// diagnosis into a failure, it only loses the history entry (and says so to whoever asks).
import type { RunComparison, RunSummary } from '../api';
import type { Report } from '../diagnosis/types';
import { compareReports } from './compare';
import { readRun, saveRun, summaryOf, type HistoryOptions } from './store';
import { errorMessage } from '../util/errors';

export { HISTORY_LIMIT, HistoryError, deleteRuns, getRun, isRunId, listRuns, saveRun } from './store';
export type { HistoryOptions, RunList } from './store';
export { appDataDir, historyDir } from './paths';

/** Stores a finished run; returns its summary, or the reason it could not be stored. */
export function recordRun(report: Report, options: HistoryOptions = {}): { saved: RunSummary } | { error: string } {
  if (process.env.PEC_DOCTOR_NO_HISTORY === '1' && !options.dir) return { error: 'PEC_DOCTOR_NO_HISTORY=1' };
  try {
    return { saved: saveRun(report, options) };
  } catch (err) {
    return { error: errorMessage(err) };
  }
}

/** Before/after of two stored runs: the findings each had then; runs of different servers are said to be different checks. */
export async function compareRuns(beforeId: string, afterId: string, options: HistoryOptions = {}): Promise<RunComparison> {
  const [b, a] = await Promise.all([readRun(beforeId, options), readRun(afterId, options)]);
  return compareReports({ summary: summaryOf(beforeId, b), report: b }, { summary: summaryOf(afterId, a), report: a });
}

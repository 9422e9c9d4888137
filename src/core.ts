// The core side of the API contract: the same object serves the Electron IPC handlers and the
// web bridge. Diagnosis runs are tracked here so they can be cancelled and so that their
// progress reaches the host through one `emit` callback.
import * as crypto from 'crypto';
import * as os from 'os';
import type { AddressLookup, AppInfo, CoreApi, DiagnosisEvent, DiagnosisRequest } from './api';
import { APP_NAME, APP_VERSION } from './version';
import { collectInventory } from './inventory/index';
import { discoverAccounts } from './accounts/index';
import { lookupAddress } from './accounts/lookup';
import { runDiagnosis } from './diagnosis/run';
import { renderReportFile } from './report/render';
import { evaluateSavedContent } from './report/read';
import { renderRegFixFiles } from './report/reg-fix';
import { technicianModel } from './report/technician/model';
import { compareRuns, deleteRuns, getRun, listRuns, recordRun, type HistoryOptions } from './history/index';
import { text } from './util/text';
import { errorMessage } from './util/errors';

export interface CoreOptions {
  host: AppInfo['host'];
  emit: (event: DiagnosisEvent) => void;
  /** Where the run history is kept (tests); the user's app-data folder otherwise. */
  history?: HistoryOptions;
}

export function createCore(options: CoreOptions): CoreApi {
  const runs = new Map<string, AbortController>();

  return {
    async getAppInfo() {
      return { name: APP_NAME, version: APP_VERSION, host: options.host, platform: `${process.platform} ${os.release()}` };
    },
    getInventory: () => collectInventory(),
    findAccounts: () => discoverAccounts(),
    lookupAddress: (email: string): Promise<AddressLookup> => lookupAddress(email),
    async startDiagnosis(request: DiagnosisRequest) {
      const runId = crypto.randomBytes(8).toString('hex');
      const controller = new AbortController();
      runs.set(runId, controller);
      // Not awaited: the caller gets the run id at once and follows the events.
      runDiagnosis(request, {
        signal: controller.signal,
        onProgress: (item, fraction) => options.emit({ runId, kind: 'progress', item, fraction }),
      })
        .then((report) => {
          // Kept before the UI hears of it; the UI is told the entry's id, so a before/after compares
          // exactly this run with the one it repeats (not whatever is newest in the history).
          const kept = recordRun(report, options.history);
          if ('saved' in kept) options.emit({ runId, kind: 'done', report, historyId: kept.saved.id });
          else {
            const off = process.env.PEC_DOCTOR_NO_HISTORY === '1' && !options.history?.dir;
            options.emit({ runId, kind: 'done', report, historyNotKept: { reason: off ? 'off' : 'failed', detail: kept.error } });
          }
        })
        .catch((err: unknown) =>
          options.emit({
            runId,
            kind: 'failed',
            message: text(`La diagnosi si è interrotta: ${errorMessage(err)}`, `The diagnosis stopped: ${errorMessage(err)}`),
          }),
        )
        .finally(() => runs.delete(runId));
      return { runId };
    },
    async cancelDiagnosis(runId: string) {
      runs.get(runId)?.abort();
    },
    // JSON or our HTML page; size-checked before parsing (src/report/read.ts).
    evaluateReport: async (content: string) => evaluateSavedContent(content),
    async renderReport(report, format, redact) {
      return renderReportFile(report, format, redact);
    },
    async renderRegFix(report) {
      return renderRegFixFiles(report);
    },
    technicianView: async (report) => technicianModel(report),
    listRuns: async () => (await listRuns(options.history)).runs,
    getRun: (id: string) => getRun(id, options.history),
    deleteRuns: async (id: string | 'all') => deleteRuns(id, options.history),
    compareRuns: (beforeId: string, afterId: string) => compareRuns(beforeId, afterId, options.history),
  };
}

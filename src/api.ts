// The one typed contract between the UI and the core. The Electron preload, the IPC handlers
// (main/) and the web bridge (src/web/) are all derived from `API_METHODS` and
// `DIAGNOSIS_EVENT_CHANNEL` below: no channel name is written anywhere else.
import type { Text } from './util/text';
import type { Inventory } from './inventory/types';
import type { AccountsResult } from './accounts/types';
import type { Endpoint, EndpointResult, StepResult } from './probe/types';
import type { Finding, FixLink, FixPlan, PlanStep, Report, Severity, Verdict, VerdictStatus } from './diagnosis/types';
import type { Account, AddressLookup } from './accounts/types';
import type { TechnicianModel } from './report/technician/types';
import type {
  RepairOffer,
  RepairRecordView,
  RepairRequest,
  RepairResult,
  RestartChoice,
  RestartResult,
  StartupIntent,
  UndoResult,
} from './repair/contract';

export type {
  Text,
  Inventory,
  AccountsResult,
  Account,
  AddressLookup,
  Endpoint,
  EndpointResult,
  Report,
  Finding,
  FixLink,
  FixPlan,
  PlanStep,
  Severity,
  Verdict,
  VerdictStatus,
};
/** The repair with consent (issue #18): offer, request, result, restart. */
export type {
  RepairOffer,
  RepairRequest,
  RepairResult,
  RestartChoice,
  RestartResult,
  RepairChangeView,
  RepairReadBack,
  StartupIntent,
  RepairRecordView,
  UndoValueView,
  UndoResult,
} from './repair/contract';
/** The technician's labels (Text), shared by the HTML report and the UI's technician view (issue #12). */
export { TECH_LABELS } from './report/labels';
export type { TechLabels } from './report/labels';
/** The technician's view of a report as data (issue #22): the HTML report, the UI and the console draw it. */
export type * from './report/technician/types';
/** What a redacted report still shows (Text), said where redaction is offered and on a redacted report (issue #15). */
export { REDACTION_NOTE } from './report/redaction-note';
/** Pure before/after of two reports: the UI's fallback when a run is not in the history (issue #12). */
export { checkedOf, compareReports } from './history/compare';
/** The re-check after a repair's restart (issue #18): the same check again, and what it says. */
export { recheckRequest, recheckOutcome } from './repair/recheck';
export { nothingChanged } from './repair/contract';
/** Invisible/bidi characters shown as <U+XXXX> (issue #20.7): for every screen that shows report or certificate text. */
export { showInvisibles, showInvisiblesInline } from './util/invisible';

export interface AppInfo {
  name: string;
  version: string;
  /** `electron` in the desktop app, `web` through `pec-doctor ui`. */
  host: 'electron' | 'web';
  platform: string;
  /** Today's log file of the desktop app, for the technician (issue #21); absent where there is none. */
  logFile?: string;
}

/** What the user asks to check: found accounts are included unless `skipDiscovery`. */
export interface DiagnosisRequest {
  /** PEC addresses typed by the user; their provider's servers are probed. */
  emails?: string[];
  /** Extra endpoints as URLs: imaps://host[:port], smtp://host:587, ... */
  servers?: string[];
  skipDiscovery?: boolean;
  /** Overall deadline per endpoint in seconds. */
  timeoutSeconds?: number;
}

export type ProgressState = 'pending' | 'running' | 'ok' | 'warning' | 'error' | 'skipped';

/** One line of the live checklist. */
export interface ProgressItem {
  id: string;
  /** Group the line belongs to: system, clients, accounts, or a server URL. */
  group: string;
  label: Text;
  state: ProgressState;
  detail?: Text | null;
  step?: StepResult;
}

export type DiagnosisEvent =
  | { runId: string; kind: 'progress'; item: ProgressItem; fraction: number }
  | {
      runId: string;
      kind: 'done';
      report: Report;
      /** This run's id in the local history (getRun, compareRuns); absent when it was not kept. */
      historyId?: string;
      /** Why it was not kept: the history is switched off, or writing it failed (with the reason). */
      historyNotKept?: { reason: 'off' | 'failed'; detail: string };
    }
  | { runId: string; kind: 'failed'; message: Text };

export type ReportFormat = 'json' | 'html' | 'pdf';

export interface ReportFile {
  fileName: string;
  mimeType: string;
  content: string;
  /** `base64` for binary content (the UTF-16LE .reg files); text otherwise. */
  encoding?: 'utf8' | 'base64';
}

export type SaveResult =
  /** `also`: further files written next to `path` (the .reg undo file). */
  | { status: 'saved'; path: string; also?: string[] }
  | { status: 'cancelled' }
  /** The host cannot write files itself (web bridge): the UI offers the content as a download. */
  | { status: 'download'; file: ReportFile; also?: ReportFile[] }
  /** PDF on the web bridge: the report to open in a new tab (a path on the bridge), whose print dialog saves the PDF. */
  | { status: 'print'; url: string };

/** The .reg fix for the machine of a report, with its undo file (issue #12). Never applied by us. */
export type RegFixResult =
  | { status: 'ready'; fix: ReportFile; undo: ReportFile; notes: Text[] }
  /** Nothing to fix in the registry (not Windows, or already configured): says why. */
  | { status: 'not-needed'; reason: Text };

/** One diagnosis kept in the local history (the user's app-data folder, the last 20). */
export interface RunSummary {
  id: string;
  createdAt: string;
  caseCode: string;
  status: VerdictStatus;
  title: Text;
  /** Findings by severity, for the list. */
  counts: Record<Severity, number>;
  /** What was checked: the PEC addresses, then the servers (host:port), as the run recorded them (issue #19). */
  checked?: string[];
}

export interface FindingRef {
  id: string;
  subject?: string;
  severity: Severity;
  title: Text;
}

/** Before/after between two runs, matched by finding id and subject. */
export interface RunComparison {
  before: RunSummary;
  after: RunSummary;
  /** In `before`, gone in `after`. */
  fixed: FindingRef[];
  /** In both (with the severity of `after`). */
  remaining: FindingRef[];
  /** Only in `after`. */
  added: FindingRef[];
  /**
   * false when the two runs did not check the same servers (or addresses): then nothing can be
   * called fixed or new, the three lists stay empty and the UI says they are different checks.
   */
  sameChecks: boolean;
}

export type OpenExternalResult = { status: 'opened' } | { status: 'refused'; reason: string } | { status: 'use-browser' };

/** Implemented by the core (src/core.ts), the same in every host. */
export interface CoreApi {
  getAppInfo(): Promise<AppInfo>;
  getInventory(): Promise<Inventory>;
  findAccounts(): Promise<AccountsResult>;
  lookupAddress(email: string): Promise<AddressLookup>;
  /** Starts a diagnosis; results arrive as DiagnosisEvent with this run id. */
  startDiagnosis(request: DiagnosisRequest): Promise<{ runId: string }>;
  cancelDiagnosis(runId: string): Promise<void>;
  /**
   * Re-evaluates a saved report with this version's rules (a technician reopening it): the
   * content of a JSON or of our HTML report (which embeds the JSON). The file is data: provider
   * names, webmail and links are re-derived from our own catalogue.
   */
  evaluateReport(content: string): Promise<Report>;
  renderReport(report: Report, format: Exclude<ReportFormat, 'pdf'>, redact: boolean): Promise<ReportFile>;
  /** The .reg fix and its undo, written for the report's machine from its evidence. */
  renderRegFix(report: Report): Promise<RegFixResult>;
  /** The technician's view of a report (sections, rows, values, decisive marks), built by the core. */
  technicianView(report: Report): Promise<TechnicianModel>;
  /** The local history, newest first. */
  listRuns(): Promise<RunSummary[]>;
  getRun(id: string): Promise<Report>;
  /** Deletes one run, or every run with `'all'`. */
  deleteRuns(id: string | 'all'): Promise<{ deleted: number }>;
  compareRuns(beforeId: string, afterId: string): Promise<RunComparison>;
}

/** Implemented by each host: the Electron main process, or the web bridge. */
export interface HostApi {
  saveReport(report: Report, format: ReportFormat, redact: boolean): Promise<SaveResult>;
  /** Saves the .reg fix and `<name>-annulla.reg` next to it (save dialog, or downloads on the web bridge). */
  saveRegFix(report: Report): Promise<SaveResult>;
  openExternal(url: string): Promise<OpenExternalResult>;
  /** The repair this machine can have, read live and compared with the report's diagnosis (issue #18). */
  planRepair(report: Report): Promise<RepairOffer>;
  /** Runs the consented repair with one elevation (UAC) for the whole batch. */
  startRepair(request: RepairRequest): Promise<RepairResult>;
  /** After a repair: restart now (with a delay) or later; both register the one-time re-check. */
  restartAfterRepair(choice: RestartChoice): Promise<RestartResult>;
  /** How the app was started: after a repair's restart (the one-time re-check) it diagnoses again and shows before/after. */
  getStartupIntent(): Promise<StartupIntent>;
  /** The repairs made here, with what each undo file would put back (the history's "Annulla la riparazione"). */
  listRepairs(): Promise<RepairRecordView[]>;
  /** Imports the undo file of the repair that started from this history run, with one elevation. */
  undoRepair(runId: string): Promise<UndoResult>;
}

export type PecDoctorApi = CoreApi & HostApi;
export type ApiMethod = keyof PecDoctorApi;
export type ApiArgs<M extends ApiMethod> = Parameters<PecDoctorApi[M]>;
export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<PecDoctorApi[M]>>;

// A record keyed by every method: the compiler fails here when the interface and the list
// drift apart, so the runtime list below is always complete.
const METHOD_TABLE: Record<ApiMethod, 'core' | 'host'> = {
  getAppInfo: 'core',
  getInventory: 'core',
  findAccounts: 'core',
  lookupAddress: 'core',
  startDiagnosis: 'core',
  cancelDiagnosis: 'core',
  evaluateReport: 'core',
  renderReport: 'core',
  renderRegFix: 'core',
  technicianView: 'core',
  listRuns: 'core',
  getRun: 'core',
  deleteRuns: 'core',
  compareRuns: 'core',
  saveReport: 'host',
  saveRegFix: 'host',
  openExternal: 'host',
  planRepair: 'host',
  startRepair: 'host',
  restartAfterRepair: 'host',
  getStartupIntent: 'host',
  listRepairs: 'host',
  undoRepair: 'host',
};

export const API_METHODS = Object.keys(METHOD_TABLE) as ApiMethod[];
export const CORE_METHODS = API_METHODS.filter((m) => METHOD_TABLE[m] === 'core') as (keyof CoreApi)[];
export const HOST_METHODS = API_METHODS.filter((m) => METHOD_TABLE[m] === 'host') as (keyof HostApi)[];

export const isApiMethod = (name: string): name is ApiMethod => Object.prototype.hasOwnProperty.call(METHOD_TABLE, name);

/** IPC channel of a method (Electron) — also the path segment of the web bridge. */
export const channelOf = (method: ApiMethod): string => `pec-doctor:${method}`;
export const DIAGNOSIS_EVENT_CHANNEL = 'pec-doctor:diagnosis-event';

/** What the preload exposes on `window.pecDoctor`, and what the web client implements. */
export interface BridgeApi extends PecDoctorApi {
  onDiagnosisEvent(listener: (event: DiagnosisEvent) => void): () => void;
}

/** Name of the global the preload defines in the renderer. */
export const BRIDGE_GLOBAL = 'pecDoctor';

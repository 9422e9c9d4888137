// The one typed contract between the UI and the core. The Electron preload, the IPC handlers
// (main/) and the web bridge (src/web/) are all derived from `API_METHODS` and
// `DIAGNOSIS_EVENT_CHANNEL` below: no channel name is written anywhere else.
import type { Text } from './util/text';
import type { Inventory } from './inventory/types';
import type { AccountsResult } from './accounts/types';
import type { Endpoint, EndpointResult, StepResult } from './probe/types';
import type { Finding, FixLink, Report, Severity } from './diagnosis/types';
import type { Account } from './accounts/types';

export type { Text, Inventory, AccountsResult, Account, Endpoint, EndpointResult, Report, Finding, FixLink, Severity };

export interface AppInfo {
  name: string;
  version: string;
  /** `electron` in the desktop app, `web` through `pec-doctor ui`. */
  host: 'electron' | 'web';
  platform: string;
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

export interface AddressLookup {
  email: string;
  provider: { id: string; name: string; webmail: string | null } | null;
  /** Endpoints the provider publishes; empty when the provider is unknown. */
  endpoints: Endpoint[];
  message: Text | null;
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
  | { runId: string; kind: 'done'; report: Report }
  | { runId: string; kind: 'failed'; message: Text };

export type ReportFormat = 'json' | 'html' | 'pdf';

export interface ReportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

export type SaveResult =
  | { status: 'saved'; path: string }
  | { status: 'cancelled' }
  /** The host cannot write files itself (web bridge): the UI offers the content as a download. */
  | { status: 'download'; file: ReportFile };

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
  /** Re-evaluates a saved JSON report with this version's rules (a technician reopening it). */
  evaluateReport(json: string): Promise<Report>;
  renderReport(report: Report, format: Exclude<ReportFormat, 'pdf'>, redact: boolean): Promise<ReportFile>;
}

/** Implemented by each host: the Electron main process, or the web bridge. */
export interface HostApi {
  saveReport(report: Report, format: ReportFormat, redact: boolean): Promise<SaveResult>;
  openExternal(url: string): Promise<OpenExternalResult>;
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
  saveReport: 'host',
  openExternal: 'host',
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

// Orchestrates a whole diagnosis: collects the evidence (inventory, accounts, typed addresses,
// probes of every endpoint), reports progress line by line, and turns the evidence into findings
// and a verdict with the pure rules. A failed check never kills the run: it becomes a
// `check-failed` finding. Cancellation (signal) stops the run with an AbortError.
import type { AddressLookup, DiagnosisRequest, ProgressItem, ProgressState } from '../api';
import type { Inventory } from '../inventory/types';
import type { AccountsResult } from '../accounts/types';
import type { Endpoint, EndpointResult, ProbeOptions, StepName, StepResult } from '../probe/types';
import type { CheckFailure, Finding, FixPlan, Report, ReportContext, RuleInput, Severity, Verdict } from './types';
import { REPORT_SCHEMA_VERSION } from './types';
import { collectInventory } from '../inventory/index';
import { accountEndpoints, discoverAccounts } from '../accounts/index';
import { lookupAddress } from '../accounts/lookup';
import { probeEndpoint } from '../probe/index';
import { endpointUrl, parseEndpointUrl } from '../probe/url';
import { APP_NAME, APP_VERSION } from '../version';
import { RULES, evaluateRules } from './rules/index';
import { deriveFacts } from './derived';
import { decideVerdict, sortFindings } from './verdict';
import { buildPlans } from './plans';
import { providerById } from '../accounts/providers';
import { domainOf, providerByDomain } from '../accounts/provider-match';
import type { AddressLookup as Lookup } from '../accounts/types';
import { CATALOGUE_BY_ID } from './catalogue';
import type { Text } from '../util/text';
import { text } from '../util/text';
import { errorMessage } from '../util/errors';
import { caseCodeOf } from '../report/case-code';
import { withStrayErrorGuard } from '../util/last-resort';

export interface RunDeps {
  collectInventory: (options: { signal?: AbortSignal }) => Promise<Inventory>;
  discoverAccounts: () => Promise<AccountsResult>;
  lookupAddress: (email: string) => Promise<AddressLookup>;
  probeEndpoint: (endpoint: Endpoint, options: ProbeOptions) => Promise<EndpointResult>;
  now: () => Date;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (item: ProgressItem, fraction: number) => void;
  /** Replaces collectors (tests); the real ones otherwise. */
  deps?: Partial<RunDeps>;
  /** Endpoints probed at the same time. */
  concurrency?: number;
  /** Extra trusted CA certificates (PEM) for the probes: a company CA, a test CA (CLI --ca). */
  ca?: string[];
}

const DEFAULT_DEPS: RunDeps = {
  collectInventory: (o) => collectInventory(o),
  discoverAccounts: () => discoverAccounts(),
  lookupAddress: (e) => lookupAddress(e),
  probeEndpoint: (e, o) => probeEndpoint(e, o),
  now: () => new Date(),
};

export class DiagnosisCancelled extends Error {
  override name = 'AbortError';
  constructor() {
    super('diagnosi annullata / diagnosis cancelled');
  }
}

// ---------------------------------------------------------------------------------------------
// Pure part: evidence → findings and verdict.

export function assess(input: RuleInput): { findings: Finding[]; plans: FixPlan[]; verdict: Verdict } {
  // The derived facts (Windows family, providers, ...) once, for the rules, the plans and the verdict.
  const facts = deriveFacts(input);
  const built = buildPlans(input, evaluateRules(input, RULES, facts), facts);
  const findings = sortFindings(built.findings);
  return { findings, plans: built.plans, verdict: decideVerdict(input, findings, built.plans, facts) };
}

export function buildReport(input: RuleInput): Report {
  const { findings, plans, verdict } = assess(input);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    app: { name: APP_NAME, version: APP_VERSION },
    createdAt: input.now,
    redacted: false,
    inventory: input.inventory,
    accounts: input.accounts,
    endpoints: input.endpoints,
    findings,
    plans,
    verdict,
    caseCode: caseCodeOf({ createdAt: input.now, inventory: input.inventory }),
    context: input.context,
  };
}

// ---------------------------------------------------------------------------------------------
// Endpoints to probe.

export function endpointKey(e: Endpoint): string {
  return `${e.protocol}:${e.security}:${e.host.toLowerCase()}:${e.port}`;
}

export function dedupEndpoints(list: readonly Endpoint[]): Endpoint[] {
  const seen = new Map<string, Endpoint>();
  for (const e of list)
    if (!seen.has(endpointKey(e)))
      seen.set(endpointKey(e), { host: e.host.toLowerCase(), port: e.port, protocol: e.protocol, security: e.security });
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------
// Progress lines.

const SERVER_LINES: { key: string; steps: StepName[]; label: Text }[] = [
  { key: 'dns', steps: ['dns'], label: text('Ricerca del server (DNS)', 'Finding the server (DNS)') },
  { key: 'connect', steps: ['connect', 'starttls', 'banner'], label: text('Connessione', 'Connection') },
  { key: 'tls12', steps: ['versions', 'ciphers'], label: text('Protezione TLS 1.2', 'TLS 1.2 protection') },
  { key: 'certificate', steps: ['certificate'], label: text('Certificato del server', 'Server certificate') },
  { key: 'simulation', steps: ['simulation'], label: text('Simulazione dei programmi di posta', 'Mail program simulation') },
];

const AREA_OF_ITEM: Record<string, string> = { 'system:os': 'system', 'clients:programs': 'clients', 'accounts:discovery': 'accounts' };

function worstState(findings: readonly Finding[]): ProgressState {
  const sev: Severity[] = findings.map((f) => f.severity);
  return sev.includes('error') ? 'error' : sev.includes('warning') ? 'warning' : 'ok';
}

/** Sets the system, clients and accounts lines to the worst finding of their area (a failed collector stays a warning). */
function settleMachineLines(progress: Progress, findings: readonly Finding[]): void {
  for (const [id, area] of Object.entries(AREA_OF_ITEM)) {
    const item = progress.get(id);
    if (!item || item.state === 'skipped') continue;
    const mine = findings.filter((f) => CATALOGUE_BY_ID.get(f.id)?.area === area);
    const state = item.state === 'warning' && item.detail ? 'warning' : worstState(mine);
    if (state !== item.state) progress.update(id, { state });
  }
}

const MACHINE_GROUPS = new Set(['system', 'clients', 'accounts']);
/** Share of the bar for the machine checks; the server probes take the rest. */
const MACHINE_SHARE = 0.2;

class Progress {
  private items = new Map<string, ProgressItem>();
  private fraction = 0;
  /** False until the server lines are known (after discovery): the bar must not run ahead. */
  private serversPlanned = false;
  constructor(private readonly emit?: (item: ProgressItem, fraction: number) => void) {}

  set(item: ProgressItem): void {
    this.items.set(item.id, item);
    const all = [...this.items.values()];
    const isDone = (i: ProgressItem) => i.state !== 'pending' && i.state !== 'running';
    const machine = all.filter((i) => MACHINE_GROUPS.has(i.group));
    const servers = all.filter((i) => !MACHINE_GROUPS.has(i.group));
    const machineDone = machine.filter(isDone).length / Math.max(machine.length, 1);
    let f = MACHINE_SHARE * machineDone;
    if (this.serversPlanned) {
      f = servers.length === 0 ? 0.99 : MACHINE_SHARE + (1 - MACHINE_SHARE) * (servers.filter(isDone).length / servers.length);
    }
    // Never go backwards; 1 is kept for the end.
    this.fraction = Math.max(this.fraction, Math.min(0.99, f));
    this.emit?.(item, this.fraction);
  }

  /** Called once the server lines exist: from now on they carry the bar. */
  planServers(): void {
    this.serversPlanned = true;
  }

  update(id: string, patch: Partial<ProgressItem>): void {
    const cur = this.items.get(id);
    if (cur) this.set({ ...cur, ...patch });
  }

  get(id: string): ProgressItem | undefined {
    return this.items.get(id);
  }

  finish(id: string): void {
    const cur = this.items.get(id);
    if (cur) {
      this.fraction = 1;
      this.emit?.(cur, 1);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The orchestrator.

async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function runDiagnosis(request: DiagnosisRequest, options: RunOptions = {}): Promise<Report> {
  // A helper program's stray pipe error during the run (systeminformation's PowerShell on old
  // Windows) becomes a check-failed finding instead of ending the process with no report.
  const failures: CheckFailure[] = [];
  return withStrayErrorGuard(
    () => diagnose(request, options, failures),
    (s) => failures.push({ check: s.check, message: s.message }),
  );
}

/** The request's addresses and servers, trimmed; typed servers parsed first so bad input is reported before any slow work. */
function readRequest(request: DiagnosisRequest, failures: CheckFailure[]) {
  const emails = (request.emails ?? []).map((e) => e.trim()).filter(Boolean);
  const servers = (request.servers ?? []).map((s) => s.trim()).filter(Boolean);
  const typed: Endpoint[] = [];
  for (const s of servers) {
    try {
      typed.push(parseEndpointUrl(s));
    } catch (err) {
      failures.push({ check: `server ${s}`, message: errorMessage(err) });
    }
  }
  return { emails, servers, typed, skipDiscovery: request.skipDiscovery === true };
}

function planMachineLines(progress: Progress, emails: readonly string[], skipDiscovery: boolean): void {
  progress.set({
    id: 'system:os',
    group: 'system',
    label: text('Sistema operativo e impostazioni TLS', 'Operating system and TLS settings'),
    state: 'running',
  });
  progress.set({
    id: 'clients:programs',
    group: 'clients',
    label: text('Programmi di posta, browser e componenti', 'Mail programs, browsers and components'),
    state: 'running',
  });
  progress.set({
    id: 'accounts:discovery',
    group: 'accounts',
    label: text('Account di posta configurati', 'Configured mail accounts'),
    state: skipDiscovery ? 'skipped' : 'running',
  });
  for (const email of emails) {
    progress.set({
      id: `accounts:lookup:${email}`,
      group: 'accounts',
      label: text(`Gestore di ${email}`, `Provider of ${email}`),
      state: 'running',
    });
  }
}

const failedText = (err: unknown): Text => text(`Non riuscito: ${errorMessage(err)}`, `Failed: ${errorMessage(err)}`);

/** Inventory, accounts and the typed addresses' providers, at the same time; a failure becomes a check-failed finding. */
async function collectMachine(
  deps: RunDeps,
  signal: AbortSignal | undefined,
  progress: Progress,
  emails: readonly string[],
  skipDiscovery: boolean,
  failures: CheckFailure[],
): Promise<[Inventory | null, AccountsResult | null, AddressLookup[]]> {
  const inventoryP = deps.collectInventory({ signal }).then(
    (inv) => inv,
    (err: unknown) => {
      failures.push({ check: 'inventory', message: errorMessage(err) });
      progress.update('system:os', { state: 'warning', detail: failedText(err) });
      progress.update('clients:programs', { state: 'warning', detail: failedText(err) });
      return null;
    },
  );
  const accountsP: Promise<AccountsResult | null> = skipDiscovery
    ? Promise.resolve(null)
    : deps.discoverAccounts().then(
        (r) => {
          const n = r.accounts.length;
          progress.update('accounts:discovery', {
            detail:
              n === 0
                ? text('nessun account trovato', 'no account found')
                : text(`${n} ${n === 1 ? 'account trovato' : 'account trovati'}`, `${n} account${n === 1 ? '' : 's'} found`),
          });
          return r;
        },
        (err: unknown) => {
          failures.push({ check: 'accounts', message: errorMessage(err) });
          progress.update('accounts:discovery', { state: 'warning', detail: failedText(err) });
          return null;
        },
      );
  const lookupsP = Promise.all(emails.map((email) => lookupOne(deps, progress, email, failures)));
  return Promise.all([inventoryP, accountsP, lookupsP]);
}

function lookupOne(deps: RunDeps, progress: Progress, email: string, failures: CheckFailure[]): Promise<AddressLookup> {
  return deps.lookupAddress(email).then(
    (l) => {
      progress.update(`accounts:lookup:${email}`, {
        state: l.provider ? 'ok' : 'warning',
        detail: l.provider ? text(l.provider.name, l.provider.name) : l.message,
      });
      return l;
    },
    (err: unknown) => {
      failures.push({ check: `lookup ${email}`, message: errorMessage(err) });
      progress.update(`accounts:lookup:${email}`, { state: 'warning', detail: text(errorMessage(err), errorMessage(err)) });
      return { email, provider: null, endpoints: [], message: null } as AddressLookup;
    },
  );
}

/** A server line's state after one probe step: a line with several steps stays failed once one step failed. */
function lineState(step: StepResult, prev: ProgressState | undefined): ProgressState {
  if (step.status === 'ok') return prev === 'error' ? 'error' : 'ok';
  if (step.status === 'skipped') return prev === 'ok' || prev === 'error' ? prev : 'skipped';
  return 'error';
}

/** Lines the probe never reached (it stopped earlier, or failed) end as skipped. */
function skipUnfinishedLines(progress: Progress, url: string): void {
  for (const line of SERVER_LINES) {
    const st = progress.get(`${url}#${line.key}`)?.state;
    if (st === 'pending' || st === 'running') progress.update(`${url}#${line.key}`, { state: 'skipped' });
  }
}

/** Probes one endpoint, turning its steps into progress lines; a thrown probe becomes a check-failed finding. */
async function probeOne(
  e: Endpoint,
  deps: RunDeps,
  progress: Progress,
  request: DiagnosisRequest,
  options: RunOptions,
  failures: CheckFailure[],
): Promise<EndpointResult | null> {
  const url = endpointUrl(e);
  const signal = options.signal;
  if (signal?.aborted) return null;
  progress.update(`${url}#dns`, { state: 'running' });
  const onStep = (_ep: Endpoint, step: StepResult) => {
    const line = SERVER_LINES.find((l) => l.steps.includes(step.step));
    if (!line) return;
    const id = `${url}#${line.key}`;
    progress.update(id, {
      state: lineState(step, progress.get(id)?.state),
      step,
      detail: step.detail ? text(step.detail, step.detail) : null,
    });
    const next = SERVER_LINES[SERVER_LINES.indexOf(line) + 1];
    if (next && progress.get(`${url}#${next.key}`)?.state === 'pending') progress.update(`${url}#${next.key}`, { state: 'running' });
  };
  try {
    const probeOptions: ProbeOptions = { timeoutMs: request.timeoutSeconds ? request.timeoutSeconds * 1000 : undefined, signal, onStep };
    if (options.ca && options.ca.length) probeOptions.ca = options.ca;
    return await deps.probeEndpoint(e, probeOptions);
  } catch (err) {
    failures.push({ check: `probe ${url}`, message: errorMessage(err) });
    return null;
  } finally {
    skipUnfinishedLines(progress, url);
  }
}

async function diagnose(request: DiagnosisRequest, options: RunOptions, failures: CheckFailure[]): Promise<Report> {
  const deps: RunDeps = { ...DEFAULT_DEPS, ...options.deps };
  const signal = options.signal;
  const progress = new Progress(options.onProgress);
  const checkAbort = () => {
    if (signal?.aborted) throw new DiagnosisCancelled();
  };
  checkAbort();
  const { emails, servers, typed, skipDiscovery } = readRequest(request, failures);
  planMachineLines(progress, emails, skipDiscovery);
  const [inventory, accounts, lookups] = await collectMachine(deps, signal, progress, emails, skipDiscovery, failures);
  checkAbort();
  const context: ReportContext = { emails, servers, skipDiscovery, lookups, failures };
  // The machine lines get their state now, from the rules on what is known before any probe.
  settleMachineLines(progress, assess({ inventory, accounts, endpoints: [], context, now: deps.now().toISOString() }).findings);

  // Plain-text servers are left out by accountEndpoints (account-plaintext reports them).
  const fromAccounts: Endpoint[] = accounts ? accountEndpoints(accounts).map((x) => x.endpoint) : [];
  const endpoints = dedupEndpoints([...typed, ...lookups.flatMap((l) => l.endpoints), ...fromAccounts]);
  for (const e of endpoints) {
    const url = endpointUrl(e);
    for (const line of SERVER_LINES) progress.set({ id: `${url}#${line.key}`, group: url, label: line.label, state: 'pending' });
  }
  progress.planServers();
  const results = await mapBounded(endpoints, options.concurrency ?? 4, (e) => probeOne(e, deps, progress, request, options, failures));
  checkAbort();

  const report = buildReport({
    inventory,
    accounts,
    endpoints: results.filter((r): r is EndpointResult => r !== null),
    context,
    now: deps.now().toISOString(),
  });
  // Final state of the machine lines (an antivirus seen in a certificate can change it).
  settleMachineLines(progress, report.findings);
  progress.finish('system:os');
  return report;
}

// ---------------------------------------------------------------------------------------------
// Re-evaluating a saved report.

export class ReportFormatError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the shape of a saved report enough for the rules to read it safely. */
export function parseReportJson(json: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new ReportFormatError(`il file non è un JSON valido (${errorMessage(err)}) / not valid JSON`);
  }
  if (!isObject(data)) throw new ReportFormatError('il file non contiene un rapporto di PEC Doctor / not a PEC Doctor report');
  if (typeof data.schemaVersion !== 'number')
    throw new ReportFormatError('manca schemaVersion: non è un rapporto di PEC Doctor / missing schemaVersion');
  if (data.schemaVersion > REPORT_SCHEMA_VERSION) {
    throw new ReportFormatError(
      `il rapporto usa lo schema ${data.schemaVersion}, questa versione conosce fino al ${REPORT_SCHEMA_VERSION}: aggiorna PEC Doctor / report schema is newer than this version`,
    );
  }
  if (typeof data.createdAt !== 'string' || Number.isNaN(Date.parse(data.createdAt)))
    throw new ReportFormatError('createdAt mancante o non valido / invalid createdAt');
  if (!Array.isArray(data.endpoints)) throw new ReportFormatError('endpoints deve essere una lista / endpoints must be an array');
  for (const e of data.endpoints) {
    if (!isObject(e) || typeof e.url !== 'string' || typeof e.verdict !== 'string' || !isObject(e.tls) || !Array.isArray(e.simulations)) {
      throw new ReportFormatError('un elemento di endpoints non ha la forma attesa (url, verdict, tls, simulations) / malformed endpoint');
    }
  }
  if (data.inventory !== null && !(isObject(data.inventory) && isObject(data.inventory.os) && Array.isArray(data.inventory.clients))) {
    throw new ReportFormatError('inventory non ha la forma attesa / malformed inventory');
  }
  if (data.accounts !== null && !(isObject(data.accounts) && Array.isArray(data.accounts.accounts))) {
    throw new ReportFormatError('accounts non ha la forma attesa / malformed accounts');
  }
  return data as unknown as Report;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * A saved lookup re-derived from OUR catalogue (issue #15 item 3): only the address and the
 * provider id are read from the file; name, webmail and endpoints come from providers.ts. An id we
 * do not know (or a name/URL that does not match ours) gives an unknown provider, never the file's.
 */
export function trustedLookup(l: unknown): Lookup | null {
  if (!isObject(l) || typeof l.email !== 'string') return null;
  const claimed = isObject(l.provider) && typeof l.provider.id === 'string' ? l.provider.id : null;
  const p = providerById(claimed) ?? providerByDomain(domainOf(l.email));
  return {
    email: l.email,
    provider: p ? { id: p.id, name: p.name, webmail: p.webmail } : null,
    endpoints: p ? [...p.incoming, ...p.outgoing] : [],
    message: null,
  };
}

export function contextOf(report: Report): ReportContext {
  const c = (isObject(report.context) ? report.context : {}) as Partial<Record<keyof ReportContext, unknown>>;
  const failures = Array.isArray(c.failures)
    ? c.failures
        .filter((f): f is CheckFailure => isObject(f) && typeof f.check === 'string' && typeof f.message === 'string')
        .map((f) => ({ check: f.check, message: f.message }))
    : [];
  return {
    emails: strings(c.emails),
    servers: strings(c.servers),
    skipDiscovery: typeof c.skipDiscovery === 'boolean' ? c.skipDiscovery : report.accounts === null,
    lookups: Array.isArray(c.lookups) ? c.lookups.map(trustedLookup).filter((x): x is Lookup => x !== null) : [],
    failures,
  };
}

/** Re-runs this version's rules on the evidence of a saved report. */
export function reevaluate(saved: Report): Report {
  const report = buildReport({
    inventory: saved.inventory,
    accounts: saved.accounts,
    endpoints: saved.endpoints,
    context: contextOf(saved),
    now: saved.createdAt,
  });
  report.redacted = saved.redacted === true;
  // The case code names the case, so it survives re-evaluation (when it has our form).
  if (typeof saved.caseCode === 'string' && /^[A-Z0-9-]{4,32}$/.test(saved.caseCode)) report.caseCode = saved.caseCode;
  return report;
}

// One endpoint, start to finish: DNS, TCP, STARTTLS, TLS versions (one ClientHello each), cipher
// suites by elimination, client simulations (every client's own hello replayed), then real
// handshakes for every certificate the server presents, judged per client, and the service
// banner. Every step reports its own verdict; the endpoint's verdict is the first failure that
// decides what the user sees. Only the named endpoint is ever contacted (and, when the server
// leaves out its intermediate certificate, the address that certificate names for it).
import { lookup } from 'dns';
import { isIP } from 'net';
import type { Endpoint, EndpointResult, ProbeOptions } from './types';
import { endpointUrl } from './url';
import { Session, type Timeouts } from './session';
import { Budget, ProbeError } from './wire';
import { asProbeError, emptyResult, recorders, type Ctx } from './context';
import { versionsStep } from './versions-step';
import { ciphersStep } from './ciphers-step';
import { simulationsStep } from './simulate-step';
import { certificateStep } from './certificate-step';
import { bannerStep } from './banner-step';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_STEPS: Timeouts = { connectMs: 5_000, starttlsMs: 5_000, handshakeMs: 5_000, bannerMs: 5_000 };

function resolve(host: string, ms: number, budget: Budget): Promise<string[]> {
  if (isIP(host)) return Promise.resolve([host]);
  const allowed = budget.allow(ms);
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new ProbeError('dns-failed', `nessuna risposta DNS per ${host} entro ${allowed} ms`)), allowed);
    lookup(host, { all: true }, (err, addresses) => {
      clearTimeout(timer);
      if (err || addresses.length === 0)
        reject(new ProbeError('dns-failed', `il nome ${host} non esiste nel DNS (${err?.code ?? 'nessun indirizzo'})`));
      else resolvePromise(addresses.map((a) => a.address));
    });
  });
}

/** Probes one endpoint; never throws (every failure is a verdict in the result). */
export async function probeEndpoint(endpoint: Endpoint, options: ProbeOptions = {}): Promise<EndpointResult> {
  const started = Date.now();
  const budget = new Budget(started + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS), options.signal);
  const timeouts: Timeouts = { ...DEFAULT_STEPS, ...options.stepTimeouts };
  const result = emptyResult(endpoint, endpointUrl(endpoint));
  const rec = recorders(endpoint, options, result);
  let session: Session | null = null;
  try {
    const t0 = Date.now();
    try {
      result.addresses = await resolve(endpoint.host, timeouts.connectMs, budget);
      rec.step('dns', 'ok', t0, undefined, result.addresses.join(', '));
    } catch (e) {
      const pe = asProbeError(e);
      rec.step('dns', 'failed', t0, pe.verdict, pe.detail);
      rec.fail(pe.verdict, pe.detail);
      return result;
    }
    session = new Session(endpoint, result.addresses[0], budget, timeouts, options.maxConnections ?? 120);
    const s = session;
    // Progress only (the step itself is recorded with the first answer): a silent server is then
    // shown as "collegato, attendo…", not as still waiting for the connection.
    s.onFirstConnect = (ms) =>
      options.onStep?.(endpoint, { step: 'connect', status: 'ok', ms, detail: `${s.address}:${endpoint.port} in ${ms} ms` });
    const ctx: Ctx = { endpoint, options, result, session, budget, started, ...rec };
    await runSteps(ctx);
  } catch (e) {
    const pe = asProbeError(e);
    rec.fail(pe.verdict, pe.detail);
  } finally {
    result.connections = session?.connections ?? 0;
    result.timings.total = Date.now() - started;
  }
  return result;
}

/** The steps after DNS, each stopping the probe when the server can no longer be asked. */
async function runSteps(ctx: Ctx): Promise<void> {
  const versions = await versionsStep(ctx);
  if (!versions) return;
  if (!(await ciphersStep(ctx, versions))) return;
  if (!(await simulationsStep(ctx))) return;
  const main = await certificateStep(ctx, versions.rawChain, versions.dheBroken);
  if (main) await bannerStep(ctx, main);
}

/** Probes several endpoints, a few at a time, results in the order given. */
export async function probeEndpoints(endpoints: Endpoint[], options: ProbeOptions = {}): Promise<EndpointResult[]> {
  const limit = Math.max(1, options.concurrency ?? 4);
  const results: EndpointResult[] = new Array(endpoints.length);
  let next = 0;
  const worker = async () => {
    while (next < endpoints.length) {
      const i = next++;
      results[i] = await probeEndpoint(endpoints[i], options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, endpoints.length) }, worker));
  return results;
}

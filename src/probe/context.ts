// What the steps of one endpoint's probe share: the result being filled, the session, the deadline,
// and the small helpers that record a step or the endpoint's first failure.
import type { Endpoint, EndpointResult, ProbeOptions, ProbeVerdict, StepName, StepResult, TlsVersionName } from './types';
import type { HelloSpec } from './client-hello';
import type { HelloOutcome, Session } from './session';
import { ALL_GROUPS, ALL_SIGALGS } from './tls-constants';
import { suitesFor } from './cipher-suites';
import { ProbeError, type Budget } from './wire';

export type StepFn = (
  name: StepName,
  status: StepResult['status'],
  t0: number,
  verdict?: ProbeVerdict,
  detail?: string,
  technical?: string,
) => void;

export interface Ctx {
  endpoint: Endpoint;
  options: ProbeOptions;
  result: EndpointResult;
  session: Session;
  budget: Budget;
  started: number;
  step: StepFn;
  /** Records the endpoint's verdict unless an earlier failure already decided it. */
  fail: (verdict: ProbeVerdict, detail: string) => void;
  /** Marks the steps not yet reported as skipped. */
  skipRest: (names: StepName[], why: string) => void;
}

/** Failures after which nothing more is asked of the server. */
export const STOPPERS = new Set<ProbeVerdict>(['throttled', 'deadline-exceeded', 'cancelled']);

export const LABEL: Record<TlsVersionName, string> = { TLSv1: 'TLS 1.0', 'TLSv1.1': 'TLS 1.1', 'TLSv1.2': 'TLS 1.2', 'TLSv1.3': 'TLS 1.3' };

/** TLS 1.2 first: it answers the question users ask, and its hello carries the certificate. */
export const VERSION_ORDER: TlsVersionName[] = ['TLSv1.2', 'TLSv1.3', 'TLSv1.1', 'TLSv1'];

export function helloFor(version: TlsVersionName, ciphers?: number[]): HelloSpec {
  return { versions: [version], ciphers: ciphers ?? suitesFor(version), groups: ALL_GROUPS, sigalgs: ALL_SIGALGS };
}

export const accepted = (o: HelloOutcome, v: TlsVersionName): boolean => o.kind === 'server-hello' && o.version === v;

export function fmtBool(b: boolean | null): string {
  return b === null ? 'non noto' : b ? 'sì' : 'no';
}

export function asProbeError(e: unknown): ProbeError {
  if (e instanceof ProbeError) return e;
  return new ProbeError('not-tls', `errore interno della verifica: ${(e as Error)?.message ?? String(e)}`);
}

/** A fresh result for an endpoint, every field present (the JSON schema requires them). */
export function emptyResult(endpoint: Endpoint, url: string): EndpointResult {
  return {
    ...endpoint,
    url,
    verdict: 'ok',
    addresses: [],
    steps: [],
    tls: { versions: { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null }, ciphers: {} },
    certificate: null,
    banner: null,
    simulations: [],
    timings: {},
    connections: 0,
    negotiated: null,
  };
}

/** The step recorder and the first-failure rule, bound to one result. */
export function recorders(endpoint: Endpoint, options: ProbeOptions, result: EndpointResult): Pick<Ctx, 'step' | 'fail' | 'skipRest'> {
  const step: StepFn = (name, status, t0, verdict, detail, technical) => {
    const s: StepResult = { step: name, status, ms: Date.now() - t0 };
    if (verdict) s.verdict = verdict;
    if (detail) s.detail = detail;
    if (technical) s.technical = technical;
    result.steps.push(s);
    result.timings[name] = s.ms;
    options.onStep?.(endpoint, s);
  };
  const fail = (verdict: ProbeVerdict, detail: string) => {
    if (result.verdict === 'ok') {
      result.verdict = verdict;
      result.detail = detail;
    }
  };
  const skipRest = (names: StepName[], why: string) => {
    for (const n of names) if (!result.steps.some((s) => s.step === n)) step(n, 'skipped', Date.now(), undefined, why);
  };
  return { step, fail, skipRest };
}

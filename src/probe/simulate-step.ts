// The simulation step: every distinct client hello is replayed against the server (a server-side
// failure on one suite condemns only the clients that would get that suite), then the server's
// ephemeral keys: the curves seen and the DH prime of every accepted DHE suite (a server may use a
// different size per suite: OpenSSL's automatic DH picks by the suite's strength for anonymous suites).
import type { EndpointResult, Simulation, TlsVersionName } from './types';
import type { HelloOutcome, Session } from './session';
import { ALL_GROUPS, ALL_SIGALGS } from './tls-constants';
import { suiteByName, suiteName } from './cipher-suites';
import { CLIENT_PROFILES, deviceResults, offline, profileCodes, simulationResult, type Learned } from './simulate';
import { STOPPERS, VERSION_ORDER, asProbeError, helloFor, type Ctx } from './context';
import { checkThrottle } from './versions-step';

/** Share of the endpoint's deadline the simulations and DH probes may use; the rest is for the certificate. */
const SIMULATION_TIME_SHARE = 0.85;
/** Most single-suite hellos spent on reading DH sizes. */
const MAX_DH_PROBES = 24;

/** Runs the step; returns false when the probe must stop. */
export async function simulationsStep(ctx: Ctx): Promise<boolean> {
  const { result, session, budget, started } = ctx;
  const t0 = Date.now();
  if (ctx.options.simulate === false) {
    ctx.step('simulation', 'skipped', t0, undefined, 'simulazione disattivata');
    return true;
  }
  const until = started + SIMULATION_TIME_SHARE * (budget.deadline - started);
  try {
    result.simulations = await simulateClients(session, result, until);
    result.keyExchange = await keyExchangeSummary(session, result, until);
  } catch (e) {
    const pe = asProbeError(e);
    ctx.step('simulation', 'failed', t0, pe.verdict, pe.detail);
    ctx.fail(pe.verdict, pe.detail);
    ctx.skipRest(['certificate', 'banner'], 'non eseguito: verifica interrotta');
    return false;
  }
  result.devices = deviceResults(result.simulations);
  const bad = result.simulations.filter((s) => !s.ok).map((s) => s.client);
  ctx.step('simulation', 'ok', t0, undefined, bad.length ? `non si collegano: ${bad.join(', ')}` : 'tutti i client si collegano');
  return true;
}

async function replay(session: Session, result: EndpointResult, p: (typeof CLIENT_PROFILES)[number]): Promise<HelloOutcome | string> {
  const spec = { versions: p.versions, ciphers: profileCodes(p), groups: p.groups, sigalgs: p.sigalgs };
  try {
    let got: HelloOutcome | string = await session.hello(spec, { keyExchange: true });
    // Dropped without a word after earlier answers: a limit, unless a known-good hello works.
    if (got.kind === 'closed') {
      const control = VERSION_ORDER.find((v) => result.tls.versions[v]);
      if (control) await checkThrottle(session, control);
    }
    // Version and suites match but the server refuses: find out whether the client's curves
    // or its signature algorithms are the reason (one more hello each, only in this case).
    if (got.kind === 'alert' && offline(p, result.tls).verdict === 'possible') {
      const wider = await session.hello({ ...spec, groups: ALL_GROUPS });
      if (wider.kind === 'server-hello') got = 'no-common-curve';
      else if ((await session.hello({ ...spec, sigalgs: ALL_SIGALGS })).kind === 'server-hello') got = 'no-common-signature';
    }
    return got;
  } catch (e) {
    const pe = asProbeError(e);
    if (STOPPERS.has(pe.verdict)) throw pe;
    return pe.verdict;
  }
}

async function simulateClients(session: Session, result: EndpointResult, until: number): Promise<Simulation[]> {
  const learned: Learned = { versions: result.tls.versions, ciphers: result.tls.ciphers };
  const cache = new Map<string, HelloOutcome | string>();
  const out: Simulation[] = [];
  for (const p of CLIENT_PROFILES) {
    // Profiles with identical hellos (Windows 7 with TLS 1.2 and Windows 8.1) share one connection.
    const key = JSON.stringify([p.versions, p.ciphers, p.groups, p.sigalgs]);
    let got = cache.get(key);
    if (got === undefined && Date.now() >= until) {
      // Time is kept for the certificate: this client stays undecided rather than the probe failing.
      out.push({ ...simulationResult(p, learned, null, 'unknown'), detail: 'non simulato: tempo della verifica quasi esaurito' });
      continue;
    }
    if (got === undefined) {
      got = await replay(session, result, p);
      cache.set(key, got);
    }
    out.push(typeof got === 'string' ? simulationResult(p, learned, null, got) : simulationResult(p, learned, got));
  }
  return out;
}

type KexSummary = NonNullable<EndpointResult['keyExchange']>;

/**
 * The server's ephemeral keys: the curves the simulations saw, and the DH prime of each accepted
 * DHE suite (one hello offering only that suite, at the highest version ≤ 1.2 accepting it).
 */
async function keyExchangeSummary(session: Session, result: EndpointResult, until: number): Promise<KexSummary> {
  const seen = result.simulations.map((s) => s.keyExchange).filter((k): k is NonNullable<typeof k> => !!k);
  const curves = [...new Set(seen.filter((k) => k.kind === 'ecdh' && k.group).map((k) => k.group as string))];
  const dhSuites: { cipher: string; bits: number | null }[] = [];
  const legacy: TlsVersionName[] = ['TLSv1.2', 'TLSv1.1', 'TLSv1'];
  const done = new Set<string>();
  for (const v of legacy) {
    for (const name of (result.tls.ciphers[v] ?? []).filter((n) => /^TLS_(DHE|DH_anon)_/.test(n))) {
      if (done.has(name) || done.size >= MAX_DH_PROBES) continue;
      if (Date.now() >= until || session.connections >= session.maxConnections - 4) break;
      done.add(name);
      const code = suiteByName(name)?.code;
      if (code === undefined) continue;
      try {
        const o = await session.hello(helloFor(v, [code]), { keyExchange: true });
        if (o.kind === 'server-hello' && o.keyExchange?.kind === 'dh')
          dhSuites.push({ cipher: suiteName(o.cipher), bits: o.keyExchange.bits });
      } catch (e) {
        const pe = asProbeError(e);
        if (STOPPERS.has(pe.verdict)) throw pe;
      }
    }
  }
  const sizes = [...dhSuites.map((d) => d.bits), ...seen.filter((k) => k.kind === 'dh').map((k) => k.bits)].filter(
    (b): b is number => b !== null,
  );
  return { dhBits: sizes.length ? Math.max(...sizes) : null, curves, dhSizes: [...new Set(sizes)].sort((a, b) => a - b), dhSuites };
}

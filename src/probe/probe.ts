// One endpoint, start to finish: DNS, TCP, STARTTLS, TLS versions (one ClientHello each), cipher
// suites by elimination, client simulations, then one real handshake for the certificate and the
// service banner. Every step reports its own verdict; the endpoint's verdict is the first failure
// that decides what the user sees. Only the named endpoint is ever contacted.
import { lookup } from 'dns';
import { isIP } from 'net';
import * as tls from 'tls';
import type {
  CertificateInfo,
  Endpoint,
  EndpointResult,
  ProbeOptions,
  ProbeVerdict,
  Simulation,
  StepName,
  StepResult,
  TlsVersionName,
} from './types';
import { TLS_VERSION_NAMES } from './types';
import { endpointUrl } from './url';
import { ALL_GROUPS, ALL_SIGALGS } from './tls-constants';
import { suiteName, suitesFor } from './cipher-suites';
import { Session, type HelloOutcome, type Timeouts } from './session';
import { Budget, ProbeError, SocketReader, write } from './wire';
import { analyzeChain, certificateVerdict, describePeer, parseCaOption, peerChain, pemText } from './certificate';
import { bannerLooksRight, postTlsCommand } from './starttls';
import { CLIENT_PROFILES, deviceResults, offline, profileCodes, simulationResult, type Learned } from './simulate';
import { kexKind } from './server-hello';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_STEPS: Timeouts = { connectMs: 5_000, starttlsMs: 5_000, handshakeMs: 5_000, bannerMs: 5_000 };
/** Suites per version are found by elimination; a server accepting more than this is rare. */
const MAX_CIPHER_ROUNDS = 64;
/** TLS 1.2 first: it answers the question users ask, and its hello carries the certificate. */
const VERSION_ORDER: TlsVersionName[] = ['TLSv1.2', 'TLSv1.3', 'TLSv1.1', 'TLSv1'];
/** Alerts that only mean "not this version / not these suites". */
const REFUSAL_ALERTS = new Set(['protocol_version', 'handshake_failure', 'insufficient_security']);

const LABEL: Record<TlsVersionName, string> = { TLSv1: 'TLS 1.0', 'TLSv1.1': 'TLS 1.1', 'TLSv1.2': 'TLS 1.2', 'TLSv1.3': 'TLS 1.3' };

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

function helloFor(version: TlsVersionName, ciphers?: number[]) {
  return { versions: [version], ciphers: ciphers ?? suitesFor(version), groups: ALL_GROUPS, sigalgs: ALL_SIGALGS };
}

const accepted = (o: HelloOutcome, v: TlsVersionName) => o.kind === 'server-hello' && o.version === v;

/** Probes one endpoint; never throws (every failure is a verdict in the result). */
export async function probeEndpoint(endpoint: Endpoint, options: ProbeOptions = {}): Promise<EndpointResult> {
  const started = Date.now();
  const budget = new Budget(started + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS), options.signal);
  const timeouts: Timeouts = { ...DEFAULT_STEPS, ...options.stepTimeouts };
  const result: EndpointResult = {
    ...endpoint,
    url: endpointUrl(endpoint),
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
  const step = (name: StepName, status: StepResult['status'], t0: number, verdict?: ProbeVerdict, detail?: string) => {
    const s: StepResult = { step: name, status, ms: Date.now() - t0 };
    if (verdict) s.verdict = verdict;
    if (detail) s.detail = detail;
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

  let session: Session | null = null;
  try {
    // DNS
    let t0 = Date.now();
    try {
      result.addresses = await resolve(endpoint.host, timeouts.connectMs, budget);
      step('dns', 'ok', t0, undefined, result.addresses.join(', '));
    } catch (e) {
      const pe = asProbeError(e);
      step('dns', 'failed', t0, pe.verdict, pe.detail);
      fail(pe.verdict, pe.detail);
      return result;
    }
    session = new Session(endpoint, result.addresses[0], budget, timeouts, options.maxConnections ?? 120);

    // Versions: one ClientHello each. The first connection also gives the connect/STARTTLS steps.
    t0 = Date.now();
    const outcomes: Partial<Record<TlsVersionName, HelloOutcome>> = {};
    let rawChain: Buffer[] | null = null;
    let stop: ProbeError | null = null;
    /** A version the server accepted: its hello is the control when a later one gets dropped. */
    let control: TlsVersionName | null = null;
    for (const v of VERSION_ORDER) {
      const first = session.connections === 0;
      try {
        const o = first ? await firstHello(session, result.addresses, v) : await session.hello(helloFor(v), v !== 'TLSv1.3');
        outcomes[v] = o;
        if (first) connectSteps(session, step, t0);
        if (o.kind === 'not-tls') {
          stop = new ProbeError('not-tls', o.detail);
          break;
        }
        if (o.kind === 'closed' && control) await checkThrottle(session, control);
        result.tls.versions[v] = accepted(o, v);
        if (accepted(o, v)) control ??= v;
        if (o.kind === 'server-hello' && o.certificates?.length && accepted(o, v)) rawChain ??= o.certificates;
      } catch (e) {
        const pe = asProbeError(e);
        if (first) connectSteps(session, step, t0, pe);
        // A silent server on a later version may just ignore that version: note it and go on.
        if (!first && pe.verdict === 'handshake-timeout') {
          result.tls.versions[v] = false;
          continue;
        }
        stop = pe;
        break;
      }
    }
    const versionDetail = TLS_VERSION_NAMES.map((v) => `${LABEL[v]}: ${fmtBool(result.tls.versions[v])}`).join(', ');
    if (stop && !isConnectFailure(stop, result)) {
      step('versions', 'failed', t0, stop.verdict, `${stop.detail} (${versionDetail})`);
      fail(stop.verdict, stop.detail);
    } else if (stop) {
      fail(stop.verdict, stop.detail);
    } else {
      const any = TLS_VERSION_NAMES.some((v) => result.tls.versions[v]);
      if (!any) {
        const [verdict, detail] = noVersionVerdict(outcomes);
        step('versions', 'failed', t0, verdict, `${detail} (${versionDetail})`);
        fail(verdict, detail);
      } else if (!result.tls.versions['TLSv1.2'] && !result.tls.versions['TLSv1.3']) {
        step('versions', 'failed', t0, 'no-tls12', versionDetail);
        fail('no-tls12', `il server non accetta TLS 1.2 né TLS 1.3 (${versionDetail})`);
      } else {
        step('versions', 'ok', t0, undefined, versionDetail);
      }
    }
    const anyVersion = TLS_VERSION_NAMES.some((v) => result.tls.versions[v]);
    if (!anyVersion || (stop && ['throttled', 'deadline-exceeded', 'cancelled'].includes(stop.verdict))) {
      skipRest(
        ['versions', 'ciphers', 'simulation', 'certificate', 'banner'],
        'non eseguito: nessuna versione TLS accettata o verifica interrotta',
      );
      return result;
    }

    // Cipher suites by elimination: offer all, drop the one chosen, repeat.
    t0 = Date.now();
    if (options.ciphers === false) {
      step('ciphers', 'skipped', t0, undefined, 'enumerazione disattivata');
    } else {
      let cipherError: ProbeError | null = null;
      const partial: TlsVersionName[] = [];
      for (const v of [...VERSION_ORDER].filter((x) => result.tls.versions[x])) {
        try {
          const got = await enumerateCiphers(session, v, outcomes[v], started + CIPHER_TIME_SHARE * (budget.deadline - started));
          result.tls.ciphers[v] = got.names;
          if (!got.complete) partial.push(v);
        } catch (e) {
          cipherError = asProbeError(e);
          break;
        }
      }
      const summary = TLS_VERSION_NAMES.filter((v) => result.tls.ciphers[v])
        .map(
          (v) =>
            `${LABEL[v]}: ${result.tls.ciphers[v]?.length}${partial.includes(v) ? ' (elenco incompleto: limite di connessioni o di tempo)' : ''}`,
        )
        .join(', ');
      if (cipherError) {
        step('ciphers', 'failed', t0, cipherError.verdict, `${cipherError.detail}${summary ? ` (parziale: ${summary})` : ''}`);
        fail(cipherError.verdict, cipherError.detail);
        if (['throttled', 'deadline-exceeded', 'cancelled'].includes(cipherError.verdict)) {
          skipRest(['simulation', 'certificate', 'banner'], 'non eseguito: verifica interrotta');
          return result;
        }
      } else step('ciphers', 'ok', t0, undefined, summary);
    }

    // Client simulations.
    t0 = Date.now();
    if (options.simulate === false) step('simulation', 'skipped', t0, undefined, 'simulazione disattivata');
    else {
      try {
        result.simulations = await simulateClients(session, result, started + 0.85 * (budget.deadline - started));
      } catch (e) {
        const pe = asProbeError(e);
        step('simulation', 'failed', t0, pe.verdict, pe.detail);
        fail(pe.verdict, pe.detail);
        skipRest(['certificate', 'banner'], 'non eseguito: verifica interrotta');
        return result;
      }
      result.devices = deviceResults(result.simulations);
      result.keyExchange = await keyExchangeSummary(session, result, started + 0.85 * (budget.deadline - started));
      const bad = result.simulations.filter((s) => !s.ok).map((s) => s.client);
      step('simulation', 'ok', t0, undefined, bad.length ? `non si collegano: ${bad.join(', ')}` : 'tutti i client si collegano');
    }

    // Certificate and banner: one real handshake with this process's TLS library.
    await certificateAndBanner(session, endpoint, options, result, rawChain, step, fail);
  } catch (e) {
    const pe = asProbeError(e);
    fail(pe.verdict, pe.detail);
  } finally {
    result.connections = session?.connections ?? 0;
    result.timings.total = Date.now() - started;
  }
  return result;
}

/**
 * The first connection tries each address in turn while the TCP connect itself fails (an AAAA
 * record with no working IPv6 here, as mail clients fall back too); the probe then keeps the
 * address that answered.
 */
async function firstHello(session: Session, addresses: string[], v: TlsVersionName): Promise<HelloOutcome> {
  for (let i = 0; ; i++) {
    try {
      return await session.hello(helloFor(v), v !== 'TLSv1.3');
    } catch (e) {
      const pe = asProbeError(e);
      if (session.connectMs !== null || !CONNECT_VERDICTS.has(pe.verdict) || i + 1 >= Math.min(addresses.length, 4)) throw pe;
      session.address = addresses[i + 1];
    }
  }
}

function fmtBool(b: boolean | null): string {
  return b === null ? '?' : b ? 'sì' : 'no';
}

function asProbeError(e: unknown): ProbeError {
  if (e instanceof ProbeError) return e;
  return new ProbeError('not-tls', `errore interno della verifica: ${(e as Error)?.message ?? String(e)}`);
}

const CONNECT_VERDICTS = new Set<ProbeVerdict>(['connect-refused', 'connect-timeout', 'connect-reset']);
const STARTTLS_VERDICTS = new Set<ProbeVerdict>(['starttls-not-offered', 'starttls-refused', 'banner-unexpected', 'throttled']);

function isConnectFailure(e: ProbeError, r: EndpointResult): boolean {
  return r.steps.some((s) => (s.step === 'connect' || s.step === 'starttls') && s.status === 'failed' && s.verdict === e.verdict);
}

type StepFn = (name: StepName, status: StepResult['status'], t0: number, verdict?: ProbeVerdict, detail?: string) => void;

/** Connect and STARTTLS steps, from the first connection of the session. */
function connectSteps(session: Session, step: StepFn, t0: number, error?: ProbeError): void {
  const connected = session.connectMs !== null;
  if (!connected) {
    step('connect', 'failed', t0, error?.verdict, error?.detail);
    if (session.endpoint.security === 'starttls') step('starttls', 'skipped', Date.now(), undefined, 'connessione non riuscita');
    return;
  }
  // Report the time of the TCP connect and of the dialogue themselves, not of the whole hello.
  step(
    'connect',
    'ok',
    Date.now() - (session.connectMs ?? 0),
    undefined,
    `${session.address}:${session.endpoint.port} in ${session.connectMs} ms`,
  );
  if (session.endpoint.security !== 'starttls') return;
  if (session.dialogue) step('starttls', 'ok', Date.now() - (session.starttlsMs ?? 0), undefined, session.dialogue.greeting.slice(0, 120));
  else if (error && STARTTLS_VERDICTS.has(error.verdict)) step('starttls', 'failed', t0, error.verdict, error.detail);
  else if (error && CONNECT_VERDICTS.has(error.verdict)) step('starttls', 'failed', t0, error.verdict, error.detail);
  else step('starttls', 'failed', t0, error?.verdict ?? 'banner-unexpected', error?.detail ?? 'dialogo STARTTLS non completato');
}

function noVersionVerdict(outcomes: Partial<Record<TlsVersionName, HelloOutcome>>): [ProbeVerdict, string] {
  const list = Object.values(outcomes).filter((o): o is HelloOutcome => !!o);
  const odd = list.find((o) => o.kind === 'alert' && !REFUSAL_ALERTS.has(o.alert));
  if (odd && odd.kind === 'alert') return [`handshake-alert(${odd.alert})`, `il server interrompe l'handshake con l'alert ${odd.alert}`];
  if (list.length > 0 && list.every((o) => o.kind === 'closed' && o.reset))
    return ['connect-reset', 'il server chiude di forza ogni connessione TLS'];
  if (list.length > 0 && list.every((o) => o.kind === 'closed'))
    return ['no-common-version', 'il server chiude la connessione senza rispondere a nessun ClientHello (TLS 1.0-1.3)'];
  return ['no-common-version', 'il server non accetta nessuna versione TLS da 1.0 a 1.3'];
}

/**
 * A connection closed without a byte after others were answered is ambiguous: a refusal, or a
 * server (or firewall) that stopped talking to us. Re-sending a hello that worked tells them apart.
 */
async function checkThrottle(session: Session, control: TlsVersionName): Promise<void> {
  const again = await session.hello(helloFor(control));
  if (!accepted(again, control)) {
    throw new ProbeError(
      'throttled',
      `il server ha smesso di rispondere dopo ${session.connections - 2} connessioni riuscite (limite di connessioni o blocco anti-scansione)`,
    );
  }
}

/**
 * Connections kept after cipher enumeration: one per distinct simulated hello, plus the
 * certificate handshake, the DH size probe and a few curve/signature follow-ups.
 */
const RESERVED_CONNECTIONS = new Set(CLIENT_PROFILES.map((p) => JSON.stringify([p.versions, p.ciphers, p.groups, p.sigalgs]))).size + 6;

/** Share of the endpoint's deadline cipher enumeration may use; the rest is for later steps. */
const CIPHER_TIME_SHARE = 0.6;

async function enumerateCiphers(
  session: Session,
  v: TlsVersionName,
  first: HelloOutcome | undefined,
  until: number,
): Promise<{ names: string[]; complete: boolean }> {
  let remaining = suitesFor(v);
  const found: number[] = [];
  let next: HelloOutcome | undefined = first;
  for (let round = 0; round < MAX_CIPHER_ROUNDS && remaining.length > 0; round++) {
    const outOfBudget = session.connections >= session.maxConnections - RESERVED_CONNECTIONS || Date.now() >= until;
    if (!next && outOfBudget) return { names: found.map(suiteName), complete: false };
    // The version probe already told us the first choice: reuse it.
    const o = next ?? (await session.hello(helloFor(v, remaining)));
    next = undefined;
    if (o.kind === 'closed' && found.length > 0) await checkThrottle(session, v);
    if (o.kind !== 'server-hello' || o.version !== v || !remaining.includes(o.cipher))
      return { names: found.map(suiteName), complete: true };
    found.push(o.cipher);
    remaining = remaining.filter((c) => c !== o.cipher);
  }
  return { names: found.map(suiteName), complete: remaining.length === 0 };
}

async function simulateClients(session: Session, result: EndpointResult, until: number): Promise<Simulation[]> {
  const learned: Learned = { versions: result.tls.versions, ciphers: result.tls.ciphers };
  const cache = new Map<string, HelloOutcome | string>();
  const out: Simulation[] = [];
  for (const p of CLIENT_PROFILES) {
    const o = offline(p, learned);
    if (o.verdict !== 'possible') {
      out.push(simulationResult(p, learned, null));
      continue;
    }
    // Profiles with identical hellos (Windows 7 with TLS 1.2 and Windows 8.1) share one connection.
    const key = JSON.stringify([p.versions, p.ciphers, p.groups, p.sigalgs]);
    let got = cache.get(key);
    if (got === undefined && Date.now() >= until) {
      // Time is kept for the certificate: this client stays undecided rather than the probe failing.
      out.push({ ...simulationResult(p, learned, null, 'unknown'), detail: 'non simulato: tempo della verifica quasi esaurito' });
      continue;
    }
    if (got === undefined) {
      const spec = { versions: p.versions, ciphers: profileCodes(p), groups: p.groups, sigalgs: p.sigalgs };
      try {
        got = await session.hello(spec, { keyExchange: true });
        // Dropped without a word after earlier answers: a limit, unless a known-good hello works.
        if (got.kind === 'closed') {
          const control = [...VERSION_ORDER].find((v) => result.tls.versions[v]);
          if (control) await checkThrottle(session, control);
        }
        // Version and suites match but the server refuses: find out whether the client's curves
        // or its signature algorithms are the reason (one more hello each, only in this case).
        if (got.kind === 'alert') {
          const wider = await session.hello({ ...spec, groups: ALL_GROUPS });
          if (wider.kind === 'server-hello') got = 'no-common-curve';
          else if ((await session.hello({ ...spec, sigalgs: ALL_SIGALGS })).kind === 'server-hello') got = 'no-common-signature';
        }
      } catch (e) {
        const pe = asProbeError(e);
        if (['throttled', 'deadline-exceeded', 'cancelled'].includes(pe.verdict)) throw pe;
        got = pe.verdict;
      }
      cache.set(key, got);
    }
    out.push(typeof got === 'string' ? simulationResult(p, learned, null, got) : simulationResult(p, learned, got));
  }
  return out;
}

/**
 * The server's ephemeral keys as the simulations saw them. When the server accepts DHE suites but
 * no simulated client got one, one more hello offering only those reads the DH prime's size.
 */
async function keyExchangeSummary(
  session: Session,
  result: EndpointResult,
  until: number,
): Promise<{ dhBits: number | null; curves: string[] }> {
  const seen = result.simulations.map((s) => s.keyExchange).filter((k): k is NonNullable<typeof k> => !!k);
  let dhBits = seen
    .filter((k) => k.kind === 'dh' && k.bits !== null)
    .reduce<number | null>((m, k) => Math.max(m ?? 0, k.bits as number), null);
  const curves = [...new Set(seen.filter((k) => k.kind === 'ecdh' && k.group).map((k) => k.group as string))];
  if (dhBits === null && Date.now() < until && session.connections < session.maxConnections - 2) {
    const v = (['TLSv1.2', 'TLSv1.1', 'TLSv1'] as TlsVersionName[]).find((x) =>
      (result.tls.ciphers[x] ?? []).some((n) => /^TLS_DHE_/.test(n)),
    );
    const dhe = v ? suitesFor(v).filter((c) => kexKind(c) === 'dh' && (result.tls.ciphers[v] ?? []).includes(suiteName(c))) : [];
    if (v && dhe.length) {
      try {
        const o = await session.hello({ ...helloFor(v, dhe) }, { keyExchange: true });
        if (o.kind === 'server-hello' && o.keyExchange?.kind === 'dh') dhBits = o.keyExchange.bits;
      } catch (e) {
        const pe = asProbeError(e);
        if (['throttled', 'deadline-exceeded', 'cancelled'].includes(pe.verdict)) throw pe;
      }
    }
  }
  return { dhBits, curves };
}

async function certificateAndBanner(
  session: Session,
  endpoint: Endpoint,
  options: ProbeOptions,
  result: EndpointResult,
  rawChain: Buffer[] | null,
  step: StepFn,
  fail: (v: ProbeVerdict, d: string) => void,
): Promise<void> {
  const t0 = Date.now();
  let extraCa: ReturnType<typeof parseCaOption> = [];
  try {
    extraCa = parseCaOption(options.ca);
  } catch {
    /* unreadable extra CA: the local TLS library still gets it as PEM below */
  }
  let chain: Buffer[] | null = null;
  let socket: tls.TLSSocket | null = null;
  let tlsError: string | null = null;
  try {
    const reader = await session.open();
    reader.detach();
    // The TLS layer reports errors from here on; a late one on the raw socket must not crash.
    reader.socket.on('error', () => undefined);
    socket = await handshake(reader, endpoint, options, session);
    chain = peerChain(socket);
    const proto = socket.getProtocol();
    const cipher = socket.getCipher();
    result.negotiated = { version: proto ?? '?', cipher: cipher?.standardName ?? cipher?.name ?? '?' };
  } catch (e) {
    if (e instanceof ProbeError && ['throttled', 'deadline-exceeded', 'cancelled'].includes(e.verdict)) {
      step('certificate', 'failed', t0, e.verdict, e.detail);
      step('banner', 'skipped', Date.now(), undefined, 'verifica interrotta');
      fail(e.verdict, e.detail);
      return;
    }
    tlsError = e instanceof ProbeError ? e.detail : (e as Error).message;
  }
  if ((!chain || chain.length === 0) && rawChain) chain = rawChain;
  let info: CertificateInfo | null = null;
  if (chain && chain.length) {
    try {
      info = analyzeChain(chain, endpoint.host, extraCa);
    } catch (e) {
      tlsError = `certificato illeggibile: ${(e as Error).message}`;
      if (socket) info = describePeer(socket, endpoint.host);
    }
  }
  result.certificate = info;
  if (info) {
    const v = certificateVerdict(info);
    const via = socket ? '' : " (dal probe grezzo: la libreria TLS locale non completa l'handshake)";
    step(
      'certificate',
      v === 'ok' ? 'ok' : 'failed',
      t0,
      v === 'ok' ? undefined : v,
      `${info.subject} — emesso da ${info.issuer}, scade ${info.validTo.slice(0, 10)}${via}`,
    );
    if (v !== 'ok') fail(v, certDetail(v, info));
  } else {
    step('certificate', 'failed', t0, 'not-tls', tlsError ?? 'nessun certificato ricevuto');
    fail('not-tls', tlsError ?? 'nessun certificato ricevuto');
  }

  // Banner: over TLS on implicit ports; on STARTTLS ports the greeting was read in clear, so a
  // command checks that the service keeps talking once encrypted.
  const t1 = Date.now();
  if (!socket) {
    result.banner = session.dialogue?.greeting ?? null;
    step('banner', 'skipped', t1, undefined, `handshake con la libreria TLS locale non riuscito: ${tlsError ?? '?'}`);
    return;
  }
  const reader = new SocketReader(socket);
  try {
    if (endpoint.security === 'tls') {
      const line = await reader.readLine(session.timeouts.bannerMs, session.budget, 'banner del servizio');
      result.banner = line;
      if (!bannerLooksRight(endpoint.protocol, line))
        throw new ProbeError('banner-unexpected', `banner inatteso per ${endpoint.protocol.toUpperCase()}: "${line.slice(0, 120)}"`);
      if (endpoint.protocol === 'smtp') {
        for (let i = 0; i < 50 && /^220-/.test(line); i++) await reader.readLine(session.timeouts.bannerMs, session.budget, 'banner SMTP');
      }
      step('banner', 'ok', t1, undefined, line.slice(0, 120));
    } else {
      result.banner = session.dialogue?.greeting ?? null;
      const cmd = postTlsCommand(endpoint.protocol);
      write(socket, cmd.command);
      let ok = false;
      let last = '';
      for (let i = 0; i < 100; i++) {
        last = await reader.readLine(session.timeouts.bannerMs, session.budget, 'risposta dopo STARTTLS');
        if (cmd.ok.test(last)) {
          ok = true;
          break;
        }
        if (cmd.last.test(last) && !/^250-/.test(last)) break;
      }
      if (!ok) throw new ProbeError('banner-unexpected', `dopo STARTTLS il server risponde "${last.slice(0, 120)}"`);
      step('banner', 'ok', t1, undefined, `${result.banner?.slice(0, 100) ?? ''} (risponde anche cifrato)`);
    }
  } catch (e) {
    const pe = asProbeError(e);
    const verdict: ProbeVerdict = pe.verdict === 'connect-reset' || pe.verdict === 'handshake-timeout' ? 'banner-unexpected' : pe.verdict;
    step('banner', 'failed', t1, verdict, pe.detail);
    fail(verdict, pe.detail);
  } finally {
    reader.detach();
    socket.on('error', () => undefined);
    socket.destroy();
  }
}

function certDetail(v: ProbeVerdict, c: CertificateInfo): string {
  if (v.startsWith('tls-intercepted'))
    return `il certificato è emesso da "${c.issuer}": un antivirus (${c.interceptedBy}) intercetta la connessione`;
  if (v === 'cert-expired') return `certificato scaduto il ${c.validTo.slice(0, 10)}`;
  if (v === 'cert-not-yet-valid') return `certificato valido solo dal ${c.validFrom.slice(0, 10)} (controllare data e ora del PC)`;
  if (v === 'cert-hostname-mismatch') return `il certificato non è per questo nome (vale per ${c.san.join(', ') || c.subject})`;
  return `certificato non attendibile (${c.trustError ?? 'catena non verificata'}), emesso da "${c.issuer}"`;
}

/** Completes a real handshake on an already connected (and STARTTLS-upgraded) socket. */
function handshake(reader: SocketReader, endpoint: Endpoint, options: ProbeOptions, session: Session): Promise<tls.TLSSocket> {
  const ms = session.budget.allow(session.timeouts.handshakeMs);
  const extra = options.ca ? (Array.isArray(options.ca) ? options.ca : [options.ca]) : [];
  return new Promise((resolvePromise, reject) => {
    const socket = tls.connect({
      socket: reader.socket,
      servername: isIP(endpoint.host) ? undefined : endpoint.host,
      rejectUnauthorized: false,
      // Widest range the local library allows: the certificate is wanted even from old servers.
      minVersion: 'TLSv1',
      ca: extra.length ? [...tls.rootCertificates, ...extra.map(pemText)] : undefined,
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ProbeError(session.budget.timeoutVerdict('handshake-timeout'), `handshake TLS non completato entro ${ms} ms`));
    }, ms);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      resolvePromise(socket);
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new ProbeError('not-tls', `handshake con la libreria TLS locale fallito: ${e.message}`));
    });
  });
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

// The versions step: one ClientHello per TLS version (the first connection also gives the connect
// and STARTTLS steps). A version is "not known" rather than "no" when the server never answered a
// ClientHello at all after accepting STARTTLS: the upgrade failed, the versions were never asked.
import type { ProbeVerdict, TlsVersionName } from './types';
import { TLS_VERSION_NAMES } from './types';
import type { HelloOutcome, Session } from './session';
import { suitesFor } from './cipher-suites';
import { kexKind } from './server-hello';
import { ProbeError } from './wire';
import { LABEL, STOPPERS, VERSION_ORDER, accepted, asProbeError, fmtBool, helloFor, type Ctx, type StepFn } from './context';

/** Alerts that only mean "not this version / not these suites". */
const REFUSAL_ALERTS = new Set(['protocol_version', 'handshake_failure', 'insufficient_security']);
const CONNECT_VERDICTS = new Set<ProbeVerdict>(['connect-refused', 'connect-timeout', 'connect-reset']);
const STARTTLS_VERDICTS = new Set<ProbeVerdict>(['starttls-not-offered', 'starttls-refused', 'banner-unexpected', 'throttled']);

export interface VersionsOutcome {
  outcomes: Partial<Record<TlsVersionName, HelloOutcome>>;
  /** The certificate chain read from the first accepted TLS ≤ 1.2 hello (fallback for the report). */
  rawChain: Buffer[] | null;
  /** The server closes or fails when it picks a DHE suite but answers without them (no DH parameters). */
  dheBroken: boolean;
}

/** Runs the step; returns null when nothing more can be asked of the server. */
export async function versionsStep(ctx: Ctx): Promise<VersionsOutcome | null> {
  const { session, result } = ctx;
  const t0 = Date.now();
  const out: VersionsOutcome = { outcomes: {}, rawChain: null, dheBroken: false };
  let stop: ProbeError | null = null;
  /** A version the server accepted: its hello is the control when a later one gets dropped. */
  let control: TlsVersionName | null = null;
  for (const v of VERSION_ORDER) {
    const first = session.connections === 0;
    try {
      const o = first ? await firstHello(session, result.addresses, v, out) : await probeVersion(session, v, control, out);
      out.outcomes[v] = o;
      if (first) connectSteps(session, ctx.step, t0);
      if (o.kind === 'not-tls') {
        stop = new ProbeError('not-tls', o.detail);
        break;
      }
      result.tls.versions[v] = accepted(o, v);
      if (accepted(o, v)) control ??= v;
      if (o.kind === 'server-hello' && o.certificates?.length && accepted(o, v)) out.rawChain ??= o.certificates;
    } catch (e) {
      const pe = asProbeError(e);
      if (first) connectSteps(session, ctx.step, t0, pe);
      // A silent server on a later version may just ignore that version: note it and go on.
      if (!first && pe.verdict === 'handshake-timeout') {
        result.tls.versions[v] = false;
        continue;
      }
      stop = pe;
      break;
    }
  }
  judgeVersions(ctx, t0, stop, out);
  const any = TLS_VERSION_NAMES.some((v) => result.tls.versions[v]);
  if (!any || (stop && STOPPERS.has(stop.verdict))) {
    ctx.skipRest(
      ['versions', 'ciphers', 'simulation', 'certificate', 'banner'],
      'non eseguito: nessuna versione TLS accettata o verifica interrotta',
    );
    return null;
  }
  return out;
}

function judgeVersions(ctx: Ctx, t0: number, stop: ProbeError | null, out: VersionsOutcome): void {
  const { result } = ctx;
  const line = () => TLS_VERSION_NAMES.map((v) => `${LABEL[v]}: ${fmtBool(result.tls.versions[v])}`).join(', ');
  const dhe = out.dheBroken ? '; le suite DHE fanno fallire il server (parametri DH mancanti?)' : '';
  if (stop && !isConnectFailure(stop, ctx)) {
    ctx.step('versions', 'failed', t0, stop.verdict, `${stop.detail} (${line()})`);
    ctx.fail(stop.verdict, stop.detail);
  } else if (stop) {
    ctx.fail(stop.verdict, stop.detail);
  } else if (!TLS_VERSION_NAMES.some((v) => result.tls.versions[v])) {
    const upgrade = starttlsFailure(ctx.session, out.outcomes);
    if (upgrade) {
      // Nothing was learned about the versions: say "not known", and mark the upgrade as the failure.
      for (const v of TLS_VERSION_NAMES) result.tls.versions[v] = null;
      const s = result.steps.find((x) => x.step === 'starttls');
      if (s) Object.assign(s, { status: 'failed', verdict: 'starttls-failed', detail: upgrade });
    }
    const [verdict, detail] = upgrade ? (['starttls-failed', upgrade] as [ProbeVerdict, string]) : noVersionVerdict(out.outcomes);
    ctx.step('versions', 'failed', t0, verdict, `${detail} (${line()})`);
    ctx.fail(verdict, detail);
  } else if (!result.tls.versions['TLSv1.2'] && !result.tls.versions['TLSv1.3']) {
    ctx.step('versions', 'failed', t0, 'no-tls12', line());
    ctx.fail('no-tls12', `il server non accetta TLS 1.2 né TLS 1.3 (${line()})`);
  } else {
    ctx.step('versions', 'ok', t0, undefined, line() + dhe);
  }
}

/** After the server said yes to STARTTLS, every ClientHello met a closed connection: the upgrade failed. */
function starttlsFailure(session: Session, outcomes: VersionsOutcome['outcomes']): string | null {
  const list = Object.values(outcomes).filter((o): o is HelloOutcome => !!o);
  if (session.endpoint.security !== 'starttls' || !session.dialogue || list.length === 0) return null;
  if (!list.every((o) => o.kind === 'closed')) return null;
  return `il server accetta il comando STARTTLS (risponde "${session.dialogue.reply.slice(0, 80)}") ma poi chiude la connessione senza avviare la protezione (0 byte TLS ricevuti)`;
}

/**
 * One version's hello. A close or an unexpected alert may come from a suite the server picks but
 * cannot use (DHE without DH parameters): the same hello without DHE suites tells them apart.
 */
async function probeVersion(
  session: Session,
  v: TlsVersionName,
  control: TlsVersionName | null,
  out: VersionsOutcome,
): Promise<HelloOutcome> {
  const wantCert = v !== 'TLSv1.3';
  const o = await session.hello(helloFor(v), wantCert);
  const odd = o.kind === 'closed' || (o.kind === 'alert' && o.alert !== 'protocol_version');
  const noDhe = suitesFor(v).filter((c) => kexKind(c) !== 'dh');
  if (odd && noDhe.length < suitesFor(v).length) {
    const again = await session.hello(helloFor(v, noDhe), wantCert);
    if (accepted(again, v)) {
      out.dheBroken = true;
      session.dheBroken = true;
      return again;
    }
  }
  if (o.kind === 'closed' && control) await checkThrottle(session, control);
  return o;
}

/**
 * The first connection tries each address in turn while the TCP connect itself fails (an AAAA
 * record with no working IPv6 here, as mail clients fall back too); the probe then keeps the
 * address that answered.
 */
async function firstHello(session: Session, addresses: string[], v: TlsVersionName, out: VersionsOutcome): Promise<HelloOutcome> {
  for (let i = 0; ; i++) {
    try {
      return await probeVersion(session, v, null, out);
    } catch (e) {
      const pe = asProbeError(e);
      if (session.connectMs !== null || !CONNECT_VERDICTS.has(pe.verdict) || i + 1 >= Math.min(addresses.length, 4)) throw pe;
      session.address = addresses[i + 1];
    }
  }
}

function isConnectFailure(e: ProbeError, ctx: Ctx): boolean {
  return ctx.result.steps.some((s) => (s.step === 'connect' || s.step === 'starttls') && s.status === 'failed' && s.verdict === e.verdict);
}

/** Connect and STARTTLS steps, from the first connection of the session. */
function connectSteps(session: Session, step: StepFn, t0: number, error?: ProbeError): void {
  if (session.connectMs === null) {
    step('connect', 'failed', t0, error?.verdict, error?.detail);
    if (session.endpoint.security === 'starttls') step('starttls', 'skipped', Date.now(), undefined, 'connessione non riuscita');
    return;
  }
  // Report the time of the TCP connect and of the dialogue themselves, not of the whole hello.
  step(
    'connect',
    'ok',
    Date.now() - session.connectMs,
    undefined,
    `${session.address}:${session.endpoint.port} in ${session.connectMs} ms`,
  );
  if (session.endpoint.security !== 'starttls') return;
  if (session.dialogue) step('starttls', 'ok', Date.now() - (session.starttlsMs ?? 0), undefined, session.dialogue.greeting.slice(0, 120));
  else if (error && (STARTTLS_VERDICTS.has(error.verdict) || CONNECT_VERDICTS.has(error.verdict)))
    step('starttls', 'failed', t0, error.verdict, error.detail);
  else step('starttls', 'failed', t0, error?.verdict ?? 'banner-unexpected', error?.detail ?? 'dialogo STARTTLS non completato');
}

function noVersionVerdict(outcomes: VersionsOutcome['outcomes']): [ProbeVerdict, string] {
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
export async function checkThrottle(session: Session, control: TlsVersionName): Promise<void> {
  const suites = suitesFor(control).filter((c) => !session.dheBroken || kexKind(c) !== 'dh');
  const again = await session.hello(helloFor(control, suites));
  if (!accepted(again, control)) {
    throw new ProbeError(
      'throttled',
      `il server ha smesso di rispondere dopo ${session.connections - 2} connessioni riuscite (limite di connessioni o blocco anti-scansione)`,
    );
  }
}

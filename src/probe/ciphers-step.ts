// The cipher step: per accepted version, offer every suite, drop the one the server chose, repeat.
// A suite the server picks but cannot complete (DHE without DH parameters: it closes or alerts) is
// not "accepted": the remaining suites are offered again without the DHE ones.
import type { TlsVersionName } from './types';
import { TLS_VERSION_NAMES } from './types';
import type { HelloOutcome, Session } from './session';
import { suiteName, suitesFor } from './cipher-suites';
import { kexKind } from './server-hello';
import { CLIENT_PROFILES } from './client-profiles';
import { LABEL, STOPPERS, VERSION_ORDER, asProbeError, helloFor, type Ctx } from './context';
import { checkThrottle, type VersionsOutcome } from './versions-step';
import type { ProbeError } from './wire';

/** Suites per version are found by elimination; a server accepting more than this is rare. */
const MAX_CIPHER_ROUNDS = 64;
/** Share of the endpoint's deadline cipher enumeration may use; the rest is for later steps. */
const CIPHER_TIME_SHARE = 0.6;
/**
 * Connections kept after cipher enumeration: one per distinct simulated hello, plus the
 * certificate handshakes, the DH size probes and a few curve/signature follow-ups.
 */
const RESERVED_CONNECTIONS = new Set(CLIENT_PROFILES.map((p) => JSON.stringify([p.versions, p.ciphers, p.groups, p.sigalgs]))).size + 10;

/** Runs the step; returns false when the probe must stop. */
export async function ciphersStep(ctx: Ctx, versions: VersionsOutcome): Promise<boolean> {
  const { result, session, budget, started } = ctx;
  const t0 = Date.now();
  if (ctx.options.ciphers === false) {
    ctx.step('ciphers', 'skipped', t0, undefined, 'enumerazione disattivata');
    return true;
  }
  let cipherError: ProbeError | null = null;
  const partial: TlsVersionName[] = [];
  const until = started + CIPHER_TIME_SHARE * (budget.deadline - started);
  for (const v of VERSION_ORDER.filter((x) => result.tls.versions[x])) {
    try {
      const got = await enumerateCiphers(session, v, versions.outcomes[v], until, versions.dheBroken);
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
  if (!cipherError) {
    ctx.step('ciphers', 'ok', t0, undefined, summary);
    return true;
  }
  ctx.step('ciphers', 'failed', t0, cipherError.verdict, `${cipherError.detail}${summary ? ` (parziale: ${summary})` : ''}`);
  ctx.fail(cipherError.verdict, cipherError.detail);
  if (!STOPPERS.has(cipherError.verdict)) return true;
  ctx.skipRest(['simulation', 'certificate', 'banner'], 'non eseguito: verifica interrotta');
  return false;
}

async function enumerateCiphers(
  session: Session,
  v: TlsVersionName,
  first: HelloOutcome | undefined,
  until: number,
  dheBroken: boolean,
): Promise<{ names: string[]; complete: boolean }> {
  let remaining = suitesFor(v).filter((c) => !dheBroken || kexKind(c) !== 'dh');
  const found: number[] = [];
  // The version probe already told us the first choice: reuse it (unless it offered DHE the server cannot do).
  let next: HelloOutcome | undefined = dheBroken && first?.kind === 'server-hello' && kexKind(first.cipher) === 'dh' ? undefined : first;
  let dheDropped = dheBroken;
  for (let round = 0; round < MAX_CIPHER_ROUNDS && remaining.length > 0; round++) {
    const outOfBudget = session.connections >= session.maxConnections - RESERVED_CONNECTIONS || Date.now() >= until;
    if (!next && outOfBudget) return { names: found.map(suiteName), complete: false };
    let o = next ?? (await session.hello(helloFor(v, remaining)));
    next = undefined;
    const refused = o.kind === 'closed' || (o.kind === 'alert' && o.alert !== 'handshake_failure' && o.alert !== 'protocol_version');
    if (refused && !dheDropped && remaining.some((c) => kexKind(c) === 'dh')) {
      dheDropped = true;
      remaining = remaining.filter((c) => kexKind(c) !== 'dh');
      if (remaining.length === 0) break;
      o = await session.hello(helloFor(v, remaining));
    }
    if (o.kind === 'closed' && found.length > 0) await checkThrottle(session, v);
    if (o.kind !== 'server-hello' || o.version !== v || !remaining.includes(o.cipher))
      return { names: found.map(suiteName), complete: true };
    found.push(o.cipher);
    remaining = remaining.filter((c) => c !== o.cipher);
  }
  return { names: found.map(suiteName), complete: remaining.length === 0 };
}

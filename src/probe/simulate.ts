// Client simulation: would this mail client's TLS stack agree with the server? First decided from
// what the probe already learned (versions, accepted suites); only when a handshake looks
// possible is one ClientHello with the client's exact lists sent, because the server's own
// preference order, groups and signature algorithms decide the rest.
import type { DeviceResult, KeyExchange, Simulation, TlsVersionName } from './types';
import { TLS_VERSION_NAMES } from './types';
import { CLIENT_PROFILES, DEVICES, type ClientProfile } from './client-profiles';
import { suiteByName, suiteName, suiteUsableAt } from './cipher-suites';
import type { HelloOutcome } from './session';

export interface Learned {
  versions: Record<TlsVersionName, boolean | null>;
  ciphers: Partial<Record<TlsVersionName, string[]>>;
}

export function profileCodes(p: ClientProfile): number[] {
  return p.ciphers.map((n) => suiteByName(n)?.code).filter((c): c is number => c !== undefined);
}

/** The version a server that knows `learned.versions` would pick with this client, or why none. */
export function offline(
  p: ClientProfile,
  learned: Learned,
): { verdict: 'no-common-version' | 'no-common-cipher' | 'unknown' | 'possible'; version?: TlsVersionName; common?: string[] } {
  const byHigh = [...TLS_VERSION_NAMES].reverse();
  const common = byHigh.filter((v) => p.versions.includes(v) && learned.versions[v] === true);
  const unknown = byHigh.some((v) => p.versions.includes(v) && learned.versions[v] === null);
  if (common.length === 0) return { verdict: unknown ? 'unknown' : 'no-common-version' };
  const v = common[0];
  const serverSuites = learned.ciphers[v];
  if (!serverSuites) return { verdict: 'possible', version: v };
  const mine = p.ciphers.filter((n) => {
    const s = suiteByName(n);
    return s !== undefined && suiteUsableAt(s, v);
  });
  const both = mine.filter((n) => serverSuites.includes(n));
  if (both.length === 0) return { verdict: 'no-common-cipher', version: v };
  return { verdict: 'possible', version: v, common: both };
}

const VERSION_LABEL: Record<TlsVersionName, string> = {
  TLSv1: 'TLS 1.0',
  'TLSv1.1': 'TLS 1.1',
  'TLSv1.2': 'TLS 1.2',
  'TLSv1.3': 'TLS 1.3',
};
const list = (vs: TlsVersionName[]) => vs.map((v) => VERSION_LABEL[v]).join(', ');

/** Result of a profile decided without a connection (or after one, from its outcome). */
export function simulationResult(p: ClientProfile, learned: Learned, outcome: HelloOutcome | null, error?: string): Simulation {
  const base = { client: p.id, name: p.name };
  // The client's own hello decides when the server answered it; what the probe learned explains refusals.
  if (outcome?.kind === 'server-hello') return fromServerHello(p, outcome);
  const o = offline(p, learned);
  if (o.verdict === 'no-common-version') {
    const server = TLS_VERSION_NAMES.filter((v) => learned.versions[v] === true);
    return {
      ...base,
      ok: false,
      reason: 'no-common-version',
      detail: `il client usa ${list(p.versions)}, il server accetta solo ${list(server) || 'nessuna versione'}`,
    };
  }
  if (o.verdict === 'no-common-cipher') {
    return {
      ...base,
      ok: false,
      reason: 'no-common-cipher',
      version: o.version,
      detail: `nessuna cipher suite in comune in ${VERSION_LABEL[o.version as TlsVersionName]}`,
    };
  }
  if (error === 'no-common-curve')
    return {
      ...base,
      ok: false,
      reason: error,
      version: o.version,
      detail: 'nessuna curva ellittica (gruppo) in comune: il server rifiuta quelle del client',
    };
  if (error === 'no-common-signature')
    return {
      ...base,
      ok: false,
      reason: error,
      version: o.version,
      detail: 'nessun algoritmo di firma in comune con il certificato del server',
    };
  if (error) return { ...base, ok: false, reason: error, detail: 'simulazione non completata' };
  if (!outcome) return { ...base, ok: false, reason: 'unknown', detail: 'versioni del server non determinate' };
  if (outcome.kind === 'alert') {
    // Version and cipher would match: the alert comes from groups or signature algorithms.
    return {
      ...base,
      ok: false,
      reason: `handshake-alert(${outcome.alert})`,
      version: o.version,
      detail: 'versione e cipher in comune, ma il server rifiuta (curve o algoritmi di firma del client)',
    };
  }
  if (outcome.kind === 'closed')
    return {
      ...base,
      ok: false,
      reason: outcome.reset ? 'connect-reset' : 'handshake-alert(closed)',
      detail: 'il server chiude la connessione',
    };
  return { ...base, ok: false, reason: 'not-tls', detail: outcome.detail };
}

function fromServerHello(p: ClientProfile, outcome: Extract<HelloOutcome, { kind: 'server-hello' }>): Simulation {
  const base = { client: p.id, name: p.name };
  const v = outcome.version;
  const cipher = suiteName(outcome.cipher);
  if (!v || !p.versions.includes(v))
    return { ...base, ok: false, reason: 'no-common-version', detail: `il server risponde con ${v ?? 'una versione sconosciuta'}` };
  if (!p.ciphers.includes(cipher))
    return { ...base, ok: false, reason: 'no-common-cipher', version: v, detail: `il server sceglie ${cipher}, che il client non offre` };
  const kx = outcome.keyExchange ?? undefined;
  const ok: Simulation = { ...base, ok: true, reason: 'ok', version: v, cipher };
  if (kx) ok.keyExchange = kx;
  const refused = kx ? keyExchangeRefusal(p, kx) : null;
  return refused ? { ...ok, ok: false, ...refused } : ok;
}

/**
 * The client's own limits on the server's ephemeral key: a DH prime outside [minDhBits, maxDhBits]
 * (Java 8 stops at 2048 bits, SChannel at 4096, NSS wants at least 1023), or a curve it never offered.
 */
export function keyExchangeRefusal(p: ClientProfile, kx: KeyExchange): { reason: string; detail: string } | null {
  if (kx.kind === 'dh' && kx.bits !== null) {
    if (p.maxDhBits !== null && kx.bits > p.maxDhBits) {
      return {
        reason: 'dh-too-large',
        detail: `il server usa un gruppo Diffie-Hellman di ${kx.bits} bit, il client ne accetta al massimo ${p.maxDhBits}`,
      };
    }
    if (p.minDhBits !== null && kx.bits < p.minDhBits) {
      return {
        reason: 'dh-too-small',
        detail: `il server usa un gruppo Diffie-Hellman di ${kx.bits} bit, il client ne esige almeno ${p.minDhBits}`,
      };
    }
  }
  if (kx.kind === 'ecdh' && kx.group && !(p.groups as string[]).includes(kx.group)) {
    return { reason: 'no-common-curve', detail: `il server usa la curva ${kx.group}, che il client non offre` };
  }
  return null;
}

/** Per kind of office device: do the clients that stand for it connect? */
export function deviceResults(simulations: Simulation[]): DeviceResult[] {
  const out: DeviceResult[] = [];
  for (const d of DEVICES) {
    const ids = CLIENT_PROFILES.filter((p) => p.device === d.id).map((p) => p.id);
    const sims = simulations.filter((s) => ids.includes(s.client));
    if (sims.length === 0) continue;
    // A client connects when its handshake works and its stack accepts the certificate it gets.
    const connects = (s: Simulation) => s.ok && s.certificate?.ok !== false;
    const clients = sims.map((s) => ({
      client: s.client,
      ok: connects(s),
      reason: s.ok ? (s.certificate?.ok === false ? s.certificate.reason : s.reason) : s.reason,
    }));
    const decided = sims.filter((s) => s.ok || s.reason !== 'unknown');
    let status: DeviceResult['status'];
    if (sims.every(connects)) status = 'ok';
    else if (sims.some(connects)) status = 'partial';
    else status = decided.length === sims.length ? 'fails' : 'unknown';
    out.push({ device: d.id, label: d.label, status, clients });
  }
  return out;
}

export { CLIENT_PROFILES };

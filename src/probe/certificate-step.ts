// The certificate step: one real handshake with this process's TLS library (OpenSSL in Node) for
// the server's preferred certificate and OpenSSL's own verdict on it, then one more hello per other
// key type the server accepts suites for (a host may serve an RSA and an ECDSA certificate, and
// clients get one or the other). Each chain is validated (chain.ts), completed from its AIA address
// when the server left out the intermediate, and judged per simulated client (client-trust.ts).
import { isIP } from 'net';
import * as tls from 'tls';
import type { X509Certificate } from 'crypto';
import type { CertificateInfo, TlsVersionName } from './types';
import { checkChain, certificateVerdict, parseCaOption, peerChain, pemText } from './certificate';
import { fetchIssuer } from './aia';
import { certificateFor, judgeCertificate, type CertificateCheck } from './client-trust';
import { trustRulesOf } from './trust-rules';
import { profileById } from './client-profiles';
import { deviceResults } from './simulate';
import { suitesFor, suiteName } from './cipher-suites';
import { kexKind } from './server-hello';
import { libraryError, type LibraryError } from './library-errors';
import { STOPPERS, asProbeError, helloFor, type Ctx } from './context';
import { ProbeError, type SocketReader } from './wire';
import type { Session } from './session';

export interface MainHandshake {
  socket: tls.TLSSocket | null;
  error: LibraryError | null;
}

const AIA_TIMEOUT_MS = 3_000;
type KeyType = 'rsa' | 'ec';
/** Suites whose certificate is of each key type (TLS ≤ 1.2). */
const AUTH: Record<KeyType, RegExp> = { rsa: /^TLS_(ECDHE_RSA|DHE_RSA|RSA)_WITH_/, ec: /^TLS_ECDHE_ECDSA_WITH_/ };

/** Runs the step; returns the TLS socket of the main handshake (for the banner), or null. */
export async function certificateStep(ctx: Ctx, rawChain: Buffer[] | null, dheBroken: boolean): Promise<MainHandshake | null> {
  const t0 = Date.now();
  const main: MainHandshake = { socket: null, error: null };
  let chain: Buffer[] | null = null;
  let alternates: Buffer[][] = [];
  try {
    // Before the main handshake, whose connection stays open for the banner (a one-connection
    // server such as s_server would make the next ones wait).
    alternates = await keyTypeChains(ctx, dheBroken);
    main.socket = await handshake(ctx);
    chain = peerChain(main.socket);
    const cipher = main.socket.getCipher();
    ctx.result.negotiated = { version: main.socket.getProtocol() ?? '?', cipher: cipher?.standardName ?? cipher?.name ?? '?' };
  } catch (e) {
    if (e instanceof ProbeError && STOPPERS.has(e.verdict)) {
      ctx.step('certificate', 'failed', t0, e.verdict, e.detail);
      ctx.step('banner', 'skipped', Date.now(), undefined, 'verifica interrotta');
      ctx.fail(e.verdict, e.detail);
      return null;
    }
    main.error = e instanceof ProbeError ? { plain: e.detail, technical: e.detail } : libraryError(e);
  }
  if ((!chain || chain.length === 0) && rawChain) chain = rawChain;
  const opensslError = main.socket ? (main.socket.authorizationError ? String(main.socket.authorizationError) : null) : undefined;
  const first = chain;
  const chains = first?.length ? [first, ...alternates.filter((c) => !c[0].equals(first[0]))] : [];
  const checks: CertificateCheck[] = [];
  for (const c of chains) {
    const check = await validated(ctx, c);
    if (check) checks.push(check);
  }
  if (checks.length && opensslError !== undefined) checks[0].info.opensslError = opensslError;
  recordCertificates(ctx, t0, checks, main);
  judgeClients(ctx, checks);
  return main;
}

function recordCertificates(ctx: Ctx, t0: number, checks: CertificateCheck[], main: MainHandshake): void {
  const infos = checks.map((c) => c.info);
  if (infos.length === 0) {
    const why = main.error?.plain ?? 'nessun certificato ricevuto';
    ctx.step('certificate', 'failed', t0, 'not-tls', why, main.error?.technical);
    ctx.fail('not-tls', why);
    return;
  }
  // The certificate that decides is the first one with a problem: clients that get it fail.
  const decisive = infos.find((i) => certificateVerdict(i) !== 'ok') ?? infos[0];
  ctx.result.certificate = decisive;
  ctx.result.certificates = infos;
  const v = certificateVerdict(decisive);
  const via = main.socket ? '' : " (dal probe grezzo: la libreria TLS locale non completa l'handshake)";
  const others = infos.length > 1 ? `; il server ha ${infos.length} certificati (${infos.map((i) => i.keyType).join(', ')})` : '';
  const line = `${decisive.subject} — emesso da ${decisive.issuer}, scade ${decisive.validTo.slice(0, 10)}${via}${others}`;
  ctx.step('certificate', v === 'ok' ? 'ok' : 'failed', t0, v === 'ok' ? undefined : v, line);
  if (v !== 'ok') ctx.fail(v, certDetail(v, decisive));
}

/** Reads, validates and (when the intermediate is missing and allowed) completes one chain. */
async function validated(ctx: Ctx, ders: Buffer[]): Promise<CertificateCheck | null> {
  let extra: X509Certificate[] = [];
  try {
    extra = parseCaOption(ctx.options.ca);
  } catch {
    /* unreadable extra CA: the local TLS library still gets it as PEM */
  }
  try {
    const check = checkChain(ders, ctx.endpoint.host, extra);
    const url = check.plain.missingIssuer?.url;
    if (!url || ctx.options.aia === false || ctx.budget.deadline - Date.now() < 1_000) return check;
    const fetched = await fetchIssuer(url, Math.min(AIA_TIMEOUT_MS, ctx.budget.deadline - Date.now() - 500));
    return fetched ? checkChain(ders, ctx.endpoint.host, extra, new Date(), fetched) : check;
  } catch {
    return null;
  }
}

/** A chain per key type the server accepts suites for, when it may have more than one. */
async function keyTypeChains(ctx: Ctx, dheBroken: boolean): Promise<Buffer[][]> {
  const { result, session } = ctx;
  const v = (['TLSv1.2', 'TLSv1.1', 'TLSv1'] as TlsVersionName[]).find((x) => result.tls.versions[x]);
  const known = v ? result.tls.ciphers[v] : undefined;
  const types = (['rsa', 'ec'] as KeyType[]).filter((t) => !known || known.some((n) => AUTH[t].test(n)));
  // One key type for sure: the main handshake gets its certificate.
  if (types.length < 2) return [];
  const out: Buffer[][] = [];
  for (const type of types) {
    if (session.connections >= session.maxConnections - 2) break;
    try {
      const ders = v ? await rawChainOf(session, v, type, dheBroken) : await nodeChainOf(ctx, type);
      if (ders?.length && !out.some((c) => c[0].equals(ders[0]))) out.push(ders);
    } catch (e) {
      if (STOPPERS.has(asProbeError(e).verdict)) throw e;
    }
  }
  return out;
}

/** TLS ≤ 1.2 sends the certificate in clear: a hello offering only that key type's suites reads it. */
async function rawChainOf(session: Session, v: TlsVersionName, type: KeyType, dheBroken: boolean): Promise<Buffer[] | null> {
  const suites = suitesFor(v).filter((c) => AUTH[type].test(suiteName(c)) && !(dheBroken && kexKind(c) === 'dh'));
  if (!suites.length) return null;
  const o = await session.hello(helloFor(v, suites), true);
  return o.kind === 'server-hello' && o.certificates?.length ? o.certificates : null;
}

/** TLS 1.3 only: the certificate is encrypted, so this process's TLS library asks with that key type's signatures. */
async function nodeChainOf(ctx: Ctx, type: KeyType): Promise<Buffer[] | null> {
  const sigalgs =
    type === 'ec' ? 'ECDSA+SHA256:ECDSA+SHA384:ECDSA+SHA512' : 'RSA-PSS+SHA256:RSA-PSS+SHA384:RSA-PSS+SHA512:RSA+SHA256:RSA+SHA384';
  const socket = await handshake(ctx, { sigalgs });
  try {
    return peerChain(socket);
  } finally {
    socket.destroy();
  }
}

/** Each simulated client that completes its handshake: does its stack accept the certificate it gets? */
function judgeClients(ctx: Ctx, checks: CertificateCheck[]): void {
  if (!checks.length || !ctx.result.simulations.length) return;
  for (const sim of ctx.result.simulations) {
    if (!sim.ok) continue;
    const profile = profileById(sim.client);
    const check = certificateFor(sim, profile?.sigalgs ?? [], checks);
    if (check) sim.certificate = judgeCertificate(trustRulesOf(sim.client), check, ctx.endpoint.host);
  }
  ctx.result.devices = deviceResults(ctx.result.simulations);
}

export function certDetail(v: string, c: CertificateInfo): string {
  if (v.startsWith('tls-intercepted'))
    return `il certificato è emesso da "${c.issuer}": un antivirus (${c.interceptedBy}) intercetta la connessione`;
  if (v === 'cert-expired') return `certificato scaduto il ${c.validTo.slice(0, 10)}`;
  if (v === 'cert-not-yet-valid') return `certificato valido solo dal ${c.validFrom.slice(0, 10)} (controllare data e ora del PC)`;
  if (v === 'cert-hostname-mismatch') return `il certificato non è per questo nome (vale per ${c.san.join(', ') || c.subject})`;
  if (v === 'cert-chain-incomplete')
    return 'il server non invia il certificato intermedio della sua catena: Windows e Apple lo scaricano da sé, Thunderbird, Android e Java no (va corretto sul server del gestore)';
  return `certificato non attendibile (${c.trustError ?? 'catena non verificata'}), emesso da "${c.issuer}"`;
}

/** Completes a real handshake on a fresh connection (after STARTTLS on plaintext ports). */
export async function handshake(ctx: Ctx, limit?: { sigalgs: string }): Promise<tls.TLSSocket> {
  const reader: SocketReader = await ctx.session.open();
  reader.detach();
  // The TLS layer reports errors from here on; a late one on the raw socket must not crash.
  reader.socket.on('error', () => undefined);
  const { session, endpoint, options } = ctx;
  const ms = session.budget.allow(session.timeouts.handshakeMs);
  const extra = options.ca ? (Array.isArray(options.ca) ? options.ca : [options.ca]) : [];
  return new Promise((resolvePromise, reject) => {
    const socket = tls.connect({
      socket: reader.socket,
      // SNI as mail clients send it: the host name, never an IP literal (RFC 6066 §3).
      servername: isIP(endpoint.host) ? undefined : endpoint.host,
      rejectUnauthorized: false,
      // Widest range the local library allows: the certificate is wanted even from old servers.
      minVersion: 'TLSv1',
      ca: extra.length ? [...tls.rootCertificates, ...extra.map(pemText)] : undefined,
      ...(limit ? { sigalgs: limit.sigalgs } : {}),
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
      reject(e);
    });
  });
}

// Rules on the probed servers: DNS, connection, STARTTLS, TLS versions, certificate, and the
// handshake simulation of the clients this machine actually uses.
import type { Finding, RuleInput } from '../types';
import type { EndpointResult, TlsVersionName } from '../../probe/types';
import { atLeast, majorOf } from '../versions';
import { win7CommonCiphers } from '../windows-ciphers';
import { makeFinding } from './make';
import type { DerivedFacts } from '../derived';
import { deriveFacts } from '../derived';
import { clockRules } from './system';
import { handshakeReason, trustCode, trustReason } from '../plain-reasons';
import { text } from '../../util/text';
import type { Text } from '../../util/text';

const VERSION_LABEL: Record<TlsVersionName, string> = {
  TLSv1: 'TLS 1.0',
  'TLSv1.1': 'TLS 1.1',
  'TLSv1.2': 'TLS 1.2',
  'TLSv1.3': 'TLS 1.3',
};

function acceptedVersions(e: EndpointResult): TlsVersionName[] {
  return (Object.keys(VERSION_LABEL) as TlsVersionName[]).filter((v) => e.tls.versions[v] === true);
}

export function speaksModernTls(e: EndpointResult): boolean {
  return e.tls.versions['TLSv1.2'] === true || e.tls.versions['TLSv1.3'] === true;
}

function stepDetail(e: EndpointResult, ...steps: string[]): string {
  const s = e.steps.find((x) => steps.includes(x.step) && x.status === 'failed');
  return s?.detail ?? e.verdict;
}

const UNREACHABLE: Record<string, Text> = {
  'connect-refused': text('connessione rifiutata', 'connection refused'),
  'connect-timeout': text('nessuna risposta entro il tempo massimo', 'no answer in time'),
  'connect-reset': text('connessione interrotta dal server o dalla rete', 'connection reset'),
  throttled: text('il server limita i tentativi: troppe connessioni', 'the server is throttling connections'),
  'deadline-exceeded': text('tempo massimo scaduto', 'deadline exceeded'),
};

/** The probe's simulation reasons in words (an unknown reason gets a generic sentence; the code stays in the evidence). */
const SIMULATION_REASONS: Record<string, Text> = {
  'no-common-cipher': text('nessun cifrario in comune con il server', 'no cipher suite in common with the server'),
  'no-common-version': text('nessuna versione di TLS in comune con il server', 'no TLS version in common with the server'),
  'no-common-curve': text('nessuna curva ellittica in comune con il server', 'no elliptic curve in common with the server'),
  'no-common-signature': text('nessun algoritmo di firma in comune con il server', 'no signature algorithm in common with the server'),
  'not-tls': text('il server non ha risposto con TLS', 'the server did not answer with TLS'),
  unknown: text('esito della prova non determinato', 'the outcome of the test could not be determined'),
  // The probe reads the server's ServerKeyExchange and applies each client's DH limits (issue #14).
  'dh-too-large': text(
    'il server usa un gruppo Diffie-Hellman più grande di quanto il programma accetti',
    'the server’s Diffie-Hellman group is larger than the client accepts',
  ),
  'dh-too-small': text(
    'il server usa un gruppo Diffie-Hellman troppo piccolo, che il programma rifiuta',
    'the server’s Diffie-Hellman group is too small for the client',
  ),
  // The client's own certificate rules (src/probe/trust-rules.ts, issue #23).
  'cert-chain-incomplete': text(
    'il server non invia il certificato intermedio e questo programma non lo va a cercare',
    'the server does not send its intermediate certificate and this program does not fetch it',
  ),
  'cert-no-san': text(
    'il certificato porta il nome del server solo nel campo che questo programma non considera più',
    'the certificate has the server name only in the field this program no longer reads',
  ),
  'cert-key-too-small': text(
    'il certificato del server usa una chiave troppo corta per questo programma',
    'the server certificate’s key is too short for this program',
  ),
  'cert-untrusted': text(
    'il programma non considera affidabile il certificato del server',
    'the program does not trust the server certificate',
  ),
  'cert-expired': text('il certificato del server è scaduto', 'the server certificate has expired'),
  'cert-hostname-mismatch': text('il certificato non è intestato al nome del server', 'the certificate is not issued to the server name'),
  'cert-sha1': text(
    'il certificato è firmato con un algoritmo che il programma non accetta più',
    'the certificate is signed with an algorithm the program no longer accepts',
  ),
  'cert-eku-missing': text(
    'il certificato non dichiara l’uso per server, che il programma esige',
    'the certificate does not declare server use, which the program requires',
  ),
  'cert-validity-too-long': text(
    'il certificato dura più a lungo di quanto il programma accetti',
    'the certificate is valid for longer than the program accepts',
  ),
};

const SIMULATION_UNKNOWN = text(
  'il programma e il server non riescono a concordare una connessione protetta',
  'the program and the server cannot agree on a secure connection',
);

export function simulationReason(reason: string): Text {
  return SIMULATION_REASONS[reason] ?? SIMULATION_UNKNOWN;
}

/** A simulated client that stands for a program of this machine. */
interface RelevantClient {
  simulation: string;
  label: Text;
  severity: 'error' | 'warning';
}

/** Which of the probe's simulated clients stand for programs on this machine (probe/types Simulation.client). */
export function relevantClients(input: RuleInput, facts: DerivedFacts = deriveFacts(input)): RelevantClient[] {
  const inv = input.inventory;
  if (!inv) return [];
  const out: RelevantClient[] = [];
  const rel = facts.windows?.release;
  const schannel = facts.schannelMailClients;
  // Server 2008 (KB4019276) has no recorded hello of its own: its mail program stays "not verified".
  if (rel && schannel.length) {
    const who = `${schannel.join(' / ')} (${facts.windowsName})`;
    const label = text(who, who);
    if (rel === '7') {
      // TLS 1.2 off is its own finding (win7-tls12-client-disabled); judge the fixed state.
      if (facts.tls12Client === 'on') out.push({ simulation: 'windows7-tls12', label, severity: 'error' });
    } else if (rel === '8.0' || rel === '8.1') out.push({ simulation: 'windows81', label, severity: 'error' });
    else if (rel === '10') out.push({ simulation: 'windows10', label, severity: 'error' });
    else if (rel === '11') out.push({ simulation: 'windows11', label, severity: 'error' });
  }
  for (const c of inv.clients) {
    if (c.id === 'thunderbird' && atLeast(c.version, '45.6') === true) {
      const major = majorOf(c.version);
      const sim = major !== null && major < 60 ? 'thunderbird-45.6' : 'thunderbird-current';
      out.push({ simulation: sim, label: text(`Thunderbird ${c.version}`, `Thunderbird ${c.version}`), severity: 'error' });
    }
    if (c.id === 'applemail' && atLeast(facts.macosVersion, '10.12') === true) {
      // Apple Mail 16 (macOS 12) is the recorded current hello; older releases keep the 10.12 one.
      const sim = atLeast(facts.macosVersion, '12') === true ? 'applemail-current' : 'applemail-10.12';
      out.push({ simulation: sim, label: text('Apple Mail', 'Apple Mail'), severity: 'error' });
    }
    if (c.id === 'outlook-mac' && atLeast(c.version, '16') === true) {
      out.push({
        simulation: 'outlook-mac',
        label: text(`Outlook per Mac ${c.version}`, `Outlook for Mac ${c.version}`),
        severity: 'error',
      });
    }
  }
  // Integration runtimes at the providers' minimum line: the simulation of that minimum applies.
  for (const r of inv.runtimes) {
    // Every Java 8 release: the providers' minimum "8b132" is build 132 of Java 8's first release
    // (1.8.0, March 2014), whose recorded hello the `java-8u132` simulation replays (issue #14).
    if (r.id === 'java' && majorOf(r.version, 'java') === 8) {
      out.push({ simulation: 'java-8u132', label: text(`Java ${r.version}`, `Java ${r.version}`), severity: 'warning' });
    }
    if (r.id === 'openssl' && /^1\.0\./.test(r.version ?? '') && atLeast(r.version, '1.0.1h', 'openssl')) {
      out.push({ simulation: 'openssl-1.0.1h', label: text(`OpenSSL ${r.version}`, `OpenSSL ${r.version}`), severity: 'warning' });
    }
    if (r.id === 'dotnet' && /^4\.[67]/.test(r.version ?? '')) {
      out.push({
        simulation: 'dotnet-4.6',
        label: text(`.NET Framework ${r.version}`, `.NET Framework ${r.version}`),
        severity: 'warning',
      });
    }
  }
  const seen = new Set<string>();
  return out.filter((c) => (seen.has(c.simulation + c.label.it) ? false : (seen.add(c.simulation + c.label.it), true)));
}

/** Trust errors the server causes (its own certificate, a missing intermediate): root-certificate updates here do not help. */
const SERVER_SIDE_TRUST = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']);
const SERVER_CERT_STEPS: Text[] = [
  text(
    'Controlla che il nome del server nelle impostazioni sia quello indicato dal gestore PEC: il server di un gestore PEC ha un certificato rilasciato da un’autorità.',
    'Check that the server name in the settings is the one your PEC provider publishes: a PEC provider’s server has a certificate issued by an authority.',
  ),
  text(
    'Se il nome è giusto, segnala il problema al gestore PEC: dipende dal server, non da questo computer.',
    'If the name is right, report the problem to the PEC provider: it depends on the server, not on this computer.',
  ),
];

function certificateFindings(input: RuleInput, e: EndpointResult, host: string): Finding[] {
  const out: Finding[] = [];
  const cert = e.certificate;
  const base = { url: e.url, host };
  const intercepted = !!cert?.interceptedBy || e.verdict.startsWith('tls-intercepted(');
  const now = input.now;
  const t = Date.parse(now);
  const outside = cert !== null && (Date.parse(cert.validTo) < t || Date.parse(cert.validFrom) > t);
  const expired = e.verdict === 'cert-expired' || e.verdict === 'cert-not-yet-valid' || outside;
  if (expired) {
    const clockWrong = clockRules(input).length > 0;
    const clockHint = clockWrong
      ? text(
          'Su questo computer data e ora sono sbagliate: probabilmente è questa la causa.',
          'This computer’s date and time are wrong: that is probably the cause.',
        )
      : text('', '');
    out.push(
      makeFinding(
        'cert-expired',
        { ...base, validFrom: cert?.validFrom.slice(0, 10) ?? '?', validTo: cert?.validTo.slice(0, 10) ?? '?', clockHint },
        [{ url: e.url, verdict: e.verdict, certificate: cert, now }],
        {
          subject: e.url,
        },
      ),
    );
  }
  if (e.verdict === 'cert-hostname-mismatch' || (cert !== null && cert.hostnameMatches === false)) {
    const names = cert ? (cert.san.length ? cert.san.join(', ') : cert.subject) : '?';
    out.push(
      makeFinding('cert-hostname-mismatch', { ...base, names }, [{ url: e.url, verdict: e.verdict, certificate: cert }], {
        subject: e.url,
      }),
    );
  }
  // The server leaves out its intermediate (issue #23): the provider's server is at fault, and only some clients fail.
  const incomplete = e.verdict === 'cert-chain-incomplete';
  if (!intercepted && incomplete) {
    const evidence = [{ url: e.url, verdict: e.verdict, technical: cert?.trustError ?? null, certificate: cert }];
    out.push(makeFinding('cert-chain-incomplete', { ...base, issuer: cert?.issuer ?? '?' }, evidence, { subject: e.url }));
  }
  if (!intercepted && !incomplete && (e.verdict === 'cert-untrusted' || (cert !== null && cert.trusted === false))) {
    // The raw trust error (DEPTH_ZERO_SELF_SIGNED_CERT...) is for the technician: evidence only.
    const technical = cert?.trustError ?? stepDetail(e, 'certificate');
    out.push(
      makeFinding(
        'cert-untrusted',
        { ...base, issuer: cert?.issuer ?? '?', reason: trustReason(technical) },
        [{ url: e.url, verdict: e.verdict, technical, certificate: cert }],
        // The advice follows the cause: a server's own certificate is not fixed by updating this computer (issue #19).
        { subject: e.url, steps: SERVER_SIDE_TRUST.has(trustCode(technical) ?? '') ? SERVER_CERT_STEPS : undefined },
      ),
    );
  }
  return out;
}

export function serverRules(input: RuleInput, facts: DerivedFacts = deriveFacts(input)): Finding[] {
  const out: Finding[] = [];
  if (facts.offline) {
    const failed = input.endpoints.filter((e) => e.verdict !== 'cancelled');
    const hosts = [...new Set(failed.map((e) => e.host))].join(', ');
    out.push(
      makeFinding(
        'network-offline',
        { hosts },
        failed.map((e) => ({ url: e.url, verdict: e.verdict, steps: e.steps })),
        { subject: 'network' },
      ),
    );
  }
  const clients = relevantClients(input, facts);
  for (const e of input.endpoints) {
    if (e.verdict === 'cancelled') continue;
    const mine = [...connectionFindings(e)];
    if (speaksModernTls(e) || e.verdict.startsWith('cert-')) mine.push(...certificateFindings(input, e, e.host));
    if (speaksModernTls(e)) mine.push(...legacyFindings(e), ...simulationFindings(e, clients, facts));
    if (e.verdict === 'ok' && !mine.some((f) => f.severity === 'error' || f.severity === 'warning')) mine.push(serverOk(e));
    out.push(...mine);
  }
  return out;
}

/** What the probe's verdict says about reaching the server: DNS, connect, STARTTLS, no TLS 1.2, a broken handshake. */
function connectionFindings(e: EndpointResult): Finding[] {
  const base = { url: e.url, host: e.host, port: e.port };
  const ev = [{ url: e.url, verdict: e.verdict, addresses: e.addresses, steps: e.steps }];
  const v = e.verdict;
  if (v === 'dns-failed') return [makeFinding('server-dns-failed', base, ev, { subject: e.url })];
  if (UNREACHABLE[v]) {
    const technical = stepDetail(e, 'dns', 'connect', 'starttls', 'banner');
    return [makeFinding('server-unreachable', { ...base, reason: UNREACHABLE[v] }, [{ ...ev[0], technical }], { subject: e.url })];
  }
  if (v === 'starttls-not-offered' || v === 'starttls-refused')
    return [makeFinding('server-starttls-missing', base, [...ev, { banner: e.banner }], { subject: e.url })];
  if (v === 'starttls-failed') {
    // The server's own answer to STARTTLS, quoted (it is in the probe's step detail).
    const reply = /"([^"]{1,80})"/.exec(e.detail ?? '')?.[1] ?? 'OK';
    return [makeFinding('server-starttls-failed', { ...base, reply: `«${reply}»` }, [{ ...ev[0], banner: e.banner }], { subject: e.url })];
  }
  if (v === 'no-tls12' || (v === 'no-common-version' && !speaksModernTls(e) && acceptedVersions(e).length > 0)) {
    const versions =
      acceptedVersions(e)
        .map((x) => VERSION_LABEL[x])
        .join(', ') || '?';
    const evidence = [{ url: e.url, verdict: v, versions: e.tls.versions, ciphers: e.tls.ciphers }];
    return [makeFinding('server-no-tls12', { ...base, versions }, evidence, { subject: e.url })];
  }
  if (/^(handshake-|no-common-|not-tls|banner-unexpected)/.test(v)) {
    // The probe's own line ("risposta al ClientHello: ... entro 5000 ms") goes to the technician.
    const technical = stepDetail(e, 'versions', 'ciphers', 'banner', 'connect', 'starttls');
    return [makeFinding('server-handshake-failed', { ...base, reason: handshakeReason(v) }, [{ ...ev[0], technical }], { subject: e.url })];
  }
  return [];
}

function legacyFindings(e: EndpointResult): Finding[] {
  const legacy = acceptedVersions(e).filter((x) => x === 'TLSv1' || x === 'TLSv1.1');
  if (!legacy.length) return [];
  const params = { url: e.url, host: e.host, port: e.port, versions: legacy.map((x) => VERSION_LABEL[x]).join(', ') };
  return [makeFinding('server-legacy-tls-accepted', params, [{ url: e.url, versions: e.tls.versions }], { subject: e.url })];
}

/** The handshake simulation of each program of this machine against this server. */
function simulationFindings(e: EndpointResult, clients: readonly RelevantClient[], facts: DerivedFacts): Finding[] {
  const out: Finding[] = [];
  const base = { url: e.url, host: e.host, port: e.port };
  const webmail = facts.webmails;
  for (const c of clients) {
    const sim = e.simulations.find((s) => s.client === c.simulation);
    const simEvidence = {
      url: e.url,
      simulation: sim ?? null,
      technical: sim && !sim.ok ? sim.reason : null,
      ciphersTls12: e.tls.ciphers['TLSv1.2'] ?? null,
    };
    if (c.simulation === 'windows7-tls12') {
      const common = win7CommonCiphers(e.tls.ciphers['TLSv1.2']);
      const fails = sim ? !sim.ok : common !== null && common.length === 0 && e.tls.versions['TLSv1.2'] === true;
      if (fails && facts.windowsName)
        out.push(makeFinding('win7-ciphers-incompatible', { ...base, os: facts.windowsName }, [simEvidence], { webmail, subject: e.url }));
      continue;
    }
    // A completed handshake still fails when this client's stack refuses the certificate it gets (issue #23).
    const certRefused = sim?.ok === true && sim.certificate?.ok === false;
    if (sim && (!sim.ok || certRefused)) {
      const code = certRefused && sim.certificate ? sim.certificate.reason : sim.reason;
      out.push(
        makeFinding('client-handshake-would-fail', { ...base, client: c.label, reason: simulationReason(code) }, [simEvidence], {
          severity: c.severity,
          webmail,
          subject: `${e.url}#${c.simulation}`,
        }),
      );
    }
  }
  return out;
}

function serverOk(e: EndpointResult): Finding {
  const versions = acceptedVersions(e)
    .filter((x) => x === 'TLSv1.2' || x === 'TLSv1.3')
    .map((x) => VERSION_LABEL[x])
    .join(', ');
  const evidence = [{ url: e.url, versions: e.tls.versions, certificate: e.certificate?.subject ?? null }];
  return makeFinding('server-ok', { url: e.url, host: e.host, port: e.port, versions }, evidence, { subject: e.url });
}

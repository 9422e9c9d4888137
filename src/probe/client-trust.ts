// One client's verdict on the certificate it would get: the validated path (with the AIA-fetched
// intermediate for stacks that fetch it), then its stack's own rules (trust-rules.ts): host name
// with or without the CN, smallest RSA key, SHA-1, Apple's 2019 rules. Pure: the handshakes and the
// fetch happen in certificate-step.ts.
import type { X509Certificate } from 'crypto';
import { isIP } from 'net';
import type { CertificateInfo, CertificateJudgement, Simulation } from './types';
import type { PathResult } from './chain';
import { signatureAlgorithm } from './certificate';
import type { TrustRules } from './trust-rules';

export interface CertificateCheck {
  info: CertificateInfo;
  /** As the server sent it, leaf first. */
  chain: X509Certificate[];
  /** The path from what the server sent alone. */
  plain: PathResult;
  /** The path with the intermediate fetched from the AIA address; null when nothing was fetched. */
  withAia: PathResult | null;
}

const APPLE_2019 = Date.parse('2019-07-01T00:00:00Z');
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const DAY = 86_400_000;

function rsaBits(c: X509Certificate): number | null {
  const d = (c.publicKey as unknown as { asymmetricKeyDetails?: { modulusLength?: number } }).asymmetricKeyDetails;
  return c.publicKey.asymmetricKeyType === 'rsa' ? (d?.modulusLength ?? null) : null;
}

function hostMatches(leaf: X509Certificate, host: string, cnFallback: boolean): boolean {
  if (isIP(host)) return leaf.checkIP(host) !== undefined;
  return leaf.checkHost(host, { subject: cnFallback ? 'default' : 'never' }) !== undefined;
}

type Verdict = Omit<CertificateJudgement, 'fingerprintSha256'>;
const no = (reason: string, detail: string): Verdict => ({ ok: false, reason, detail });

function pathVerdict(rules: TrustRules, check: CertificateCheck): { verdict: Verdict | null; path: PathResult } {
  const { plain, withAia } = check;
  if (plain.trusted) return { verdict: null, path: plain };
  // Without an AIA address, or when what it gives does not help, the authority is just unknown.
  const intermediate = plain.missingIssuer?.url && (withAia === null || withAia.trusted);
  if (intermediate) {
    if (rules.fetchesAia && withAia?.trusted) return { verdict: null, path: withAia };
    const how = rules.fetchesAia
      ? 'il server non invia il certificato intermedio e non si riesce a scaricarlo dall’indirizzo indicato nel certificato'
      : 'il server non invia il certificato intermedio, e questo programma non lo va a cercare da sé';
    return { verdict: no('cert-chain-incomplete', how), path: plain };
  }
  const depth = plain.errorDepth ?? 0;
  const which = depth === 0 ? 'il certificato del server' : 'un certificato intermedio della catena';
  const detail: Record<string, string> = {
    CERT_HAS_EXPIRED: `${which} è scaduto`,
    CERT_NOT_YET_VALID: `${which} non è ancora valido`,
    INVALID_CA: 'la catena passa per un certificato che non è di un’autorità (non può firmarne altri)',
    PATH_LENGTH_EXCEEDED: 'la catena è più lunga di quanto un’autorità permette',
    INVALID_PURPOSE: `${which} non è fatto per proteggere un server`,
  };
  return {
    verdict: no('cert-untrusted', detail[plain.error ?? ''] ?? 'il certificato non risulta rilasciato da un’autorità riconosciuta'),
    path: plain,
  };
}

/** Apple's rules for TLS server certificates in iOS 13 / macOS 10.15 that go beyond the path. */
function appleVerdict(leaf: X509Certificate): Verdict | null {
  const from = Date.parse(leaf.validFrom);
  if (from < APPLE_2019) return null;
  const eku = leaf.keyUsage ?? [];
  if (!eku.includes(SERVER_AUTH))
    return no('cert-eku-missing', 'il certificato non dichiara l’uso per server (richiesto da iOS 13 e macOS 10.15)');
  if (Date.parse(leaf.validTo) - from > 825 * DAY)
    return no('cert-validity-too-long', 'il certificato dura più di 825 giorni (iOS 13 e macOS 10.15 lo rifiutano)');
  return null;
}

/** How the client with these rules judges one certificate of `host`. */
export function judgeCertificate(rules: TrustRules, check: CertificateCheck, host: string, now = new Date()): CertificateJudgement {
  const fingerprintSha256 = check.info.fingerprintSha256;
  const leaf = check.chain[0];
  const v = ((): Verdict => {
    if (now > new Date(leaf.validTo))
      return no('cert-expired', `il certificato del server è scaduto il ${new Date(leaf.validTo).toISOString().slice(0, 10)}`);
    if (now < new Date(leaf.validFrom)) return no('cert-not-yet-valid', 'il certificato del server non è ancora valido');
    const { verdict, path } = pathVerdict(rules, check);
    if (verdict) return verdict;
    if (!hostMatches(leaf, host, rules.cnFallback)) {
      const cnOnly = !rules.cnFallback && hostMatches(leaf, host, true);
      return cnOnly
        ? no('cert-no-san', 'il nome del server è solo nel "Common Name" del certificato, che questo programma non considera più')
        : no('cert-hostname-mismatch', 'il certificato non è intestato al nome del server');
    }
    const issued = path.path.slice(0, path.path.length > 1 ? -1 : undefined);
    const small = issued.find((c) => (rsaBits(c) ?? Infinity) < rules.minRsaBits);
    if (small)
      return no(
        'cert-key-too-small',
        `il certificato usa una chiave RSA di ${rsaBits(small)} bit, questo programma ne esige almeno ${rules.minRsaBits}`,
      );
    if (rules.noSha1 && issued.some((c) => /sha1/i.test(signatureAlgorithm(Buffer.from(c.raw)) ?? '')))
      return no('cert-sha1', 'il certificato è firmato con SHA-1, che questo programma non accetta più');
    const apple = rules.apple2019 ? appleVerdict(leaf) : null;
    if (apple) return apple;
    return {
      ok: true,
      reason: 'ok',
      detail:
        path === check.withAia ? 'certificato accettato (l’intermedio mancante viene scaricato dal programma)' : 'certificato accettato',
    };
  })();
  return { ...v, fingerprintSha256 };
}

/**
 * The certificate a simulated client gets from a server with several: TLS ≤ 1.2 by the suite's
 * authentication (ECDSA suites get the EC certificate), TLS 1.3 by the first signature algorithm
 * of the client that one of the server's keys can make.
 */
export function certificateFor(sim: Simulation, sigalgs: readonly string[], checks: CertificateCheck[]): CertificateCheck | null {
  if (checks.length <= 1) return checks[0] ?? null;
  const byType = (ec: boolean) => checks.find((c) => c.chain[0].publicKey.asymmetricKeyType === (ec ? 'ec' : 'rsa')) ?? null;
  if (sim.version !== 'TLSv1.3') return byType(/_ECDSA_/.test(sim.cipher ?? ''));
  for (const s of sigalgs) {
    const hit = s.startsWith('ecdsa_') ? byType(true) : s.startsWith('rsa_') ? byType(false) : null;
    if (hit) return hit;
  }
  return checks[0];
}

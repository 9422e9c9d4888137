// The server certificate as this machine sees it: a real handshake with Node's `tls` (the same
// code path a mail client's library takes; its OpenSSL verdict is kept), then the chain validated
// with OpenSSL's signature checks and OpenSSL's path rules (chain.ts), so the result reads the same
// under OpenSSL (Node) and BoringSSL (Electron). When the local library cannot complete a
// handshake (a TLS 1.0-only server), the chain captured from the raw probe is used.
import { X509Certificate } from 'crypto';
import * as fs from 'fs';
import { isIP } from 'net';
import * as tls from 'tls';
import type { CertificateInfo, PemInput, ProbeVerdict } from './types';
import { interceptorOf } from './av-issuers';
import { validatePath } from './chain';
import type { CertificateCheck } from './client-trust';
import { oidText, readExtensions } from './x509';

let storeCache: { key: string; roots: X509Certificate[] } | null = null;
/**
 * The roots this runtime trusts: its bundled store plus NODE_EXTRA_CA_CERTS, which Node and
 * Electron add to their own default store (a company CA set by the technician), so "trusted"
 * here means what a client on this machine built on the same runtime would trust.
 */
function systemRoots(): X509Certificate[] {
  const extraFile = process.env.NODE_EXTRA_CA_CERTS ?? '';
  if (!storeCache || storeCache.key !== extraFile) {
    const roots: X509Certificate[] = [];
    for (const pem of tls.rootCertificates) {
      try {
        roots.push(new X509Certificate(pem));
      } catch {
        /* skip a root this runtime cannot parse */
      }
    }
    if (extraFile) {
      try {
        roots.push(...parseCaOption(fs.readFileSync(extraFile, 'utf8')));
      } catch {
        /* unreadable: Node itself only warns about it too */
      }
    }
    storeCache = { key: extraFile, roots };
  }
  return storeCache.roots;
}

/** Extra trusted roots (PEM, one or more) as given in the probe options. */
/** PEM text of a CA option item (bytes are read as UTF-8, never as a list of numbers). */
export function pemText(item: PemInput): string {
  return typeof item === 'string' ? item : Buffer.from(item.buffer, item.byteOffset, item.byteLength).toString('utf8');
}

export function parseCaOption(ca: PemInput | PemInput[] | undefined): X509Certificate[] {
  if (!ca) return [];
  const list = Array.isArray(ca) ? ca : [ca];
  const out: X509Certificate[] = [];
  for (const item of list) {
    const text = pemText(item);
    const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    for (const pem of pems) out.push(new X509Certificate(pem));
  }
  return out;
}

const SIG_OIDS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

/** signatureAlgorithm of a DER certificate (X509Certificate does not expose it on Node 16). */
export function signatureAlgorithm(der: Buffer): string | null {
  try {
    const hdr = (o: number): { len: number; body: number } => {
      const b = der[o + 1];
      if (b < 0x80) return { len: b, body: o + 2 };
      const n = b & 0x7f;
      return { len: der.readUIntBE(o + 2, n), body: o + 2 + n };
    };
    const cert = hdr(0);
    const tbs = hdr(cert.body);
    const algo = tbs.body + tbs.len; // AlgorithmIdentifier SEQUENCE
    const seq = hdr(algo);
    const oid = hdr(seq.body);
    const dotted = oidText(der.subarray(oid.body, oid.body + oid.len));
    return SIG_OIDS[dotted] ?? dotted;
  } catch {
    return null;
  }
}

const oneLine = (dn: string) => dn.split('\n').filter(Boolean).join(', ');

function keyInfo(c: X509Certificate): { keyType: string; keyBits: number | null } {
  const k = c.publicKey;
  const type = k.asymmetricKeyType ?? 'unknown';
  const d = (k as unknown as { asymmetricKeyDetails?: { modulusLength?: number; namedCurve?: string } }).asymmetricKeyDetails;
  if (d?.modulusLength) return { keyType: type.toUpperCase(), keyBits: d.modulusLength };
  if (d?.namedCurve) {
    const bits = /(\d{3})/.exec(d.namedCurve);
    return { keyType: `EC ${d.namedCurve}`, keyBits: bits ? Number(bits[1]) : null };
  }
  if (type === 'ed25519') return { keyType: 'Ed25519', keyBits: 256 };
  return { keyType: type, keyBits: null };
}

/** The roots a chain is checked against: the extra CAs given to the probe, then this runtime's. */
export function trustedRoots(extra: X509Certificate[]): X509Certificate[] {
  return [...extra, ...systemRoots()];
}

/**
 * Reads and validates a chain (leaf first, DER) with OpenSSL's checks (chain.ts): as sent, and
 * again with the intermediate fetched from the AIA address when one was.
 */
export function checkChain(
  ders: Buffer[],
  host: string,
  extraCa: X509Certificate[],
  now = new Date(),
  fetched: X509Certificate | null = null,
): CertificateCheck {
  const chain = ders.map((d) => new X509Certificate(d));
  const leaf = chain[0];
  const roots = trustedRoots(extraCa);
  const plain = validatePath(chain, roots, now);
  const withAia = fetched && plain.missingIssuer ? validatePath([...chain, fetched], roots, now) : null;
  const hostnameMatches = isIP(host) ? leaf.checkIP(host) !== undefined : leaf.checkHost(host) !== undefined;
  const san = (leaf.subjectAltName ?? '')
    .split(/,\s*/)
    .filter(Boolean)
    .map((s) => s.replace(/^IP Address:/, 'IP:'));
  const validFrom = new Date(leaf.validFrom);
  const validTo = new Date(leaf.validTo);
  let trustError = plain.error;
  if (plain.trusted && now > validTo) trustError = 'CERT_HAS_EXPIRED';
  else if (plain.trusted && now < validFrom) trustError = 'CERT_NOT_YET_VALID';
  const info: CertificateInfo = {
    subject: oneLine(leaf.subject),
    issuer: oneLine(leaf.issuer),
    san,
    validFrom: validFrom.toISOString(),
    validTo: validTo.toISOString(),
    ...keyInfo(leaf),
    signatureAlgorithm: signatureAlgorithm(ders[0]),
    fingerprintSha256: leaf.fingerprint256,
    trusted: plain.trusted,
    trustError,
    hostnameMatches,
    interceptedBy: interceptorOf(chain.map((c) => oneLine(c.issuer))),
    chain: chain.map((c) => ({ subject: oneLine(c.subject), issuer: oneLine(c.issuer), validTo: new Date(c.validTo).toISOString() })),
    errorDepth: plain.trusted ? (trustError ? 0 : null) : plain.errorDepth,
    missingIssuer: plain.missingIssuer ? { url: plain.missingIssuer.url, fetched: withAia ? withAia.trusted : null } : null,
    hasSan: readExtensions(Buffer.from(leaf.raw)).hasSan,
  };
  return { info, chain, plain, withAia };
}

/** Describes and checks a chain (leaf first, DER). */
export function analyzeChain(ders: Buffer[], host: string, extraCa: X509Certificate[], now = new Date()): CertificateInfo {
  return checkChain(ders, host, extraCa, now).info;
}

/**
 * The issuer the server left out is an intermediate (the server's fault) when its AIA address gave
 * a certificate that completes the chain, or names one that could not be fetched; without an AIA
 * address, or when the fetched one does not help, the authority is simply unknown here.
 */
export function missingIntermediate(c: CertificateInfo): boolean {
  const m = c.missingIssuer;
  return !!m && (m.fetched === true || (m.fetched === null && m.url !== null));
}

/** The certificate verdict, in the order a user must fix things. */
export function certificateVerdict(c: CertificateInfo, now = new Date()): ProbeVerdict {
  if (c.interceptedBy) return `tls-intercepted(${c.interceptedBy})`;
  if (now > new Date(c.validTo)) return 'cert-expired';
  if (now < new Date(c.validFrom)) return 'cert-not-yet-valid';
  if (!c.hostnameMatches) return 'cert-hostname-mismatch';
  // The server's fault, not this computer's: it must send its intermediate (some clients fetch it, others cannot).
  if (!c.trusted && missingIntermediate(c)) return 'cert-chain-incomplete';
  if (!c.trusted) return 'cert-untrusted';
  return 'ok';
}

/**
 * Fallback when X509Certificate cannot parse the chain (a runtime whose crypto lacks it): the
 * same fields from `getPeerCertificate`, trust as the local TLS library judged it.
 */
export function describePeer(socket: tls.TLSSocket, host: string): CertificateInfo {
  const leaf = socket.getPeerCertificate(true) as tls.DetailedPeerCertificate;
  const dn = (o: Record<string, unknown> | undefined) =>
    Object.entries(o ?? {})
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
  const chain: CertificateInfo['chain'] = [];
  const seen = new Set<string>();
  for (
    let c: tls.DetailedPeerCertificate | undefined = leaf;
    c && c.raw && !seen.has(c.fingerprint256) && chain.length < 20;
    c = c.issuerCertificate
  ) {
    seen.add(c.fingerprint256);
    chain.push({
      subject: dn(c.subject as unknown as Record<string, unknown>),
      issuer: dn(c.issuer as unknown as Record<string, unknown>),
      validTo: new Date(c.valid_to).toISOString(),
    });
  }
  const error = socket.authorizationError ? String(socket.authorizationError) : null;
  const dateErrors = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
  const info: CertificateInfo = {
    subject: dn(leaf.subject as unknown as Record<string, unknown>),
    issuer: dn(leaf.issuer as unknown as Record<string, unknown>),
    san: (leaf.subjectaltname ?? '')
      .split(/,\s*/)
      .filter(Boolean)
      .map((x) => x.replace(/^IP Address:/, 'IP:')),
    validFrom: new Date(leaf.valid_from).toISOString(),
    validTo: new Date(leaf.valid_to).toISOString(),
    keyType: leaf.asn1Curve ? `EC ${leaf.asn1Curve}` : leaf.modulus ? 'RSA' : 'unknown',
    keyBits: leaf.bits ?? null,
    signatureAlgorithm: leaf.raw ? signatureAlgorithm(leaf.raw) : null,
    fingerprintSha256: leaf.fingerprint256,
    trusted: socket.authorized || (error !== null && dateErrors.has(error)),
    trustError: error,
    hostnameMatches: tls.checkServerIdentity(host, leaf) === undefined,
    interceptedBy: null,
    chain,
  };
  info.interceptedBy = interceptorOf(chain.map((c) => c.issuer));
  return info;
}

/** DER chain (leaf first) of a completed Node TLS connection. */
export function peerChain(socket: tls.TLSSocket): Buffer[] {
  const out: Buffer[] = [];
  let c = socket.getPeerCertificate(true) as tls.DetailedPeerCertificate | undefined;
  const seen = new Set<string>();
  while (c && c.raw && !seen.has(c.fingerprint256) && out.length < 20) {
    seen.add(c.fingerprint256);
    out.push(c.raw);
    c = c.issuerCertificate;
  }
  return out;
}

// Certificate path validation with the checks OpenSSL's verifier applies (crypto/x509/x509_vfy.c,
// RFC 5280 §6): the path is built from the leaf through the certificates the server sent to a
// trusted root (trusted roots first, as OpenSSL's default X509_V_FLAG_TRUSTED_FIRST), every
// signature is checked by OpenSSL itself (X509Certificate.verify), every issuer must be a CA
// (basic constraints CA:TRUE, key usage keyCertSign when present), path lengths are honoured, the
// leaf must be usable by a TLS server (key usage and extended key usage), and every certificate of
// the path, intermediates and root included, must be within its dates. The error names are
// OpenSSL's X509_V_ERR_* names as Node reports them in `authorizationError`.
import type { X509Certificate } from 'crypto';
import { readExtensions, type Extensions } from './x509';

export interface PathResult {
  /** A path to a trusted root exists and every check passed (the leaf's own dates excepted: see leafDates). */
  trusted: boolean;
  /** OpenSSL's name for the first failure (CERT_HAS_EXPIRED, INVALID_CA, ...), null when trusted. */
  error: string | null;
  /** Position in the path of the certificate the error is about (0 = the server's own). */
  errorDepth: number | null;
  /** The path built, leaf first (ends at the root when one was found). */
  path: X509Certificate[];
  /** The path stops at a certificate whose issuer was not sent: the issuer's AIA address, when it has one. */
  missingIssuer: { url: string | null } | null;
}

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const MAX_DEPTH = 10;

/**
 * Names and signature, as OpenSSL's chain building matches an issuer (checkIssued would also refuse
 * an issuer without keyCertSign, which OpenSSL reports later, as INVALID_CA, not as a missing issuer).
 */
function signs(parent: X509Certificate, child: X509Certificate): boolean {
  try {
    return child.issuer === parent.subject && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

const selfSigned = (c: X509Certificate) => signs(c, c);

/** The AIA "CA Issuers" http(s) address of a certificate (RFC 5280 §4.2.2.1), if any. */
export function caIssuersUrl(c: X509Certificate): string | null {
  const m = /CA Issuers - URI:(https?:\/\/[^\s\n]+)/.exec(c.infoAccess ?? '');
  return m ? m[1] : null;
}

/** Builds the path: returns it, whether it ends at a trusted root, and why not. */
function build(
  chain: X509Certificate[],
  roots: X509Certificate[],
): { path: X509Certificate[]; rooted: boolean; error: string | null; missing: boolean } {
  const path = [chain[0]];
  const isRoot = (c: X509Certificate) => roots.some((r) => r.fingerprint256 === c.fingerprint256);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const current = path[path.length - 1];
    if (isRoot(current)) return { path, rooted: true, error: null, missing: false };
    const root = roots.find((r) => signs(r, current));
    if (root) {
      path.push(root);
      return { path, rooted: true, error: null, missing: false };
    }
    const next = chain.find((c) => !path.includes(c) && signs(c, current));
    if (next) {
      path.push(next);
      continue;
    }
    if (selfSigned(current)) {
      return { path, rooted: false, error: depth === 0 ? 'DEPTH_ZERO_SELF_SIGNED_CERT' : 'SELF_SIGNED_CERT_IN_CHAIN', missing: false };
    }
    // OpenSSL: a lone leaf whose issuer is unknown is "unable to verify the first certificate".
    const error = path.length === 1 && chain.length === 1 ? 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' : 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY';
    return { path, rooted: false, error, missing: true };
  }
  return { path, rooted: false, error: 'CERT_CHAIN_TOO_LONG', missing: false };
}

/** An issuer is a CA as OpenSSL's check_ca() decides: CA:TRUE, and keyCertSign when key usage is present. */
function isCa(c: X509Certificate, ext: Extensions): boolean {
  if (ext.keyUsage && !ext.keyUsage.includes('keyCertSign')) return false;
  if (ext.basicConstraints) return ext.basicConstraints.ca;
  // A version 1 self-signed root (no extensions at all) is accepted as a CA.
  return selfSigned(c) && ext.keyUsage === null && !c.toLegacyObject().ext_key_usage;
}

/** Extended key usage must allow a TLS server when present (X509_PURPOSE_SSL_SERVER). */
function ekuAllowsServer(c: X509Certificate): boolean {
  const eku = c.keyUsage;
  return !eku || eku.length === 0 || eku.includes(SERVER_AUTH);
}

/** check_chain_extensions(): CA flags, path lengths, purposes. */
function extensionsError(path: X509Certificate[]): { error: string; depth: number } | null {
  let intermediates = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    const ext = readExtensions(Buffer.from(c.raw));
    if (i === 0) {
      const ku = ext.keyUsage;
      const usable = !ku || ku.some((u) => ['digitalSignature', 'keyEncipherment', 'keyAgreement'].includes(u));
      if (!usable || !ekuAllowsServer(c)) return { error: 'INVALID_PURPOSE', depth: 0 };
      continue;
    }
    if (!isCa(c, ext)) return { error: 'INVALID_CA', depth: i };
    if (!ekuAllowsServer(c)) return { error: 'INVALID_PURPOSE', depth: i };
    const pathLen = ext.basicConstraints?.pathLen ?? null;
    if (i > 1 && pathLen !== null && intermediates > pathLen) return { error: 'PATH_LENGTH_EXCEEDED', depth: i };
    // A self-issued certificate does not count towards the limit (RFC 5280 §6.1.4 (l)).
    if (c.subject !== c.issuer) intermediates++;
  }
  return null;
}

/** internal_verify(): dates from the root down, so an expired intermediate is named before the leaf. */
function datesError(path: X509Certificate[], now: Date, withLeaf: boolean): { error: string; depth: number } | null {
  for (let i = path.length - 1; i >= (withLeaf ? 0 : 1); i--) {
    if (now < new Date(path[i].validFrom)) return { error: 'CERT_NOT_YET_VALID', depth: i };
    if (now > new Date(path[i].validTo)) return { error: 'CERT_HAS_EXPIRED', depth: i };
  }
  return null;
}

/**
 * Validates `chain` (leaf first, as the server sent it, plus any intermediates fetched from AIA)
 * against `roots`. The leaf's own dates are left to the caller (they have their own verdict), so
 * `trusted` answers "does the path hold"; `leafDates` adds them for a full OpenSSL-like answer.
 */
export function validatePath(chain: X509Certificate[], roots: X509Certificate[], now = new Date(), leafDates = false): PathResult {
  const built = build(chain, roots);
  const fail = (error: string, depth: number, missing = false): PathResult => ({
    trusted: false,
    error,
    errorDepth: depth,
    path: built.path,
    missingIssuer: missing ? { url: caIssuersUrl(built.path[built.path.length - 1]) } : null,
  });
  if (!built.rooted) return fail(built.error ?? 'UNABLE_TO_GET_ISSUER_CERT', built.path.length - 1, built.missing);
  const ext = extensionsError(built.path);
  if (ext) return fail(ext.error, ext.depth);
  const dates = datesError(built.path, now, leafDates);
  if (dates) return fail(dates.error, dates.depth);
  return { trusted: true, error: null, errorDepth: null, path: built.path, missingIssuer: null };
}

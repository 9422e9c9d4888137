// TLS registry values the probe writes and reads: protocol versions (RFC 2246/4346/5246/8446),
// alert descriptions (RFC 8446 §6 and RFC 5246 §7.2), named groups and signature schemes
// (IANA "TLS Supported Groups" and "TLS SignatureScheme" registries).
import type { TlsVersionName } from './types';

export const VERSION_CODES: Record<TlsVersionName, number> = {
  TLSv1: 0x0301,
  'TLSv1.1': 0x0302,
  'TLSv1.2': 0x0303,
  'TLSv1.3': 0x0304,
};

export function versionName(code: number): TlsVersionName | null {
  const e = Object.entries(VERSION_CODES).find(([, c]) => c === code);
  return e ? (e[0] as TlsVersionName) : null;
}

export const ALERTS: Record<number, string> = {
  0: 'close_notify',
  10: 'unexpected_message',
  20: 'bad_record_mac',
  21: 'decryption_failed',
  22: 'record_overflow',
  30: 'decompression_failure',
  40: 'handshake_failure',
  41: 'no_certificate',
  42: 'bad_certificate',
  43: 'unsupported_certificate',
  44: 'certificate_revoked',
  45: 'certificate_expired',
  46: 'certificate_unknown',
  47: 'illegal_parameter',
  48: 'unknown_ca',
  49: 'access_denied',
  50: 'decode_error',
  51: 'decrypt_error',
  60: 'export_restriction',
  70: 'protocol_version',
  71: 'insufficient_security',
  80: 'internal_error',
  86: 'inappropriate_fallback',
  90: 'user_canceled',
  100: 'no_renegotiation',
  109: 'missing_extension',
  110: 'unsupported_extension',
  112: 'unrecognized_name',
  113: 'bad_certificate_status_response',
  115: 'unknown_psk_identity',
  116: 'certificate_required',
  120: 'no_application_protocol',
};

export function alertName(code: number): string {
  return ALERTS[code] ?? `alert_${code}`;
}

/** Named groups (IANA "TLS Supported Groups"). */
export const GROUPS = {
  sect163k1: 1,
  sect163r1: 2,
  sect163r2: 3,
  sect193r1: 4,
  sect193r2: 5,
  sect233k1: 6,
  sect233r1: 7,
  sect239k1: 8,
  sect283k1: 9,
  sect283r1: 10,
  sect409k1: 11,
  sect409r1: 12,
  sect571k1: 13,
  sect571r1: 14,
  secp160k1: 15,
  secp160r1: 16,
  secp160r2: 17,
  secp192k1: 18,
  secp192r1: 19,
  secp224k1: 20,
  secp224r1: 21,
  secp256k1: 22,
  secp256r1: 23,
  secp384r1: 24,
  secp521r1: 25,
  brainpoolP256r1: 26,
  brainpoolP384r1: 27,
  brainpoolP512r1: 28,
  x25519: 29,
  x448: 30,
  ffdhe2048: 256,
  ffdhe3072: 257,
  ffdhe4096: 258,
  ffdhe6144: 259,
  ffdhe8192: 260,
} as const;
export type GroupName = keyof typeof GROUPS;

/** Signature schemes (IANA "TLS SignatureScheme"; the 0xHH01-0xHH03 ones are TLS 1.2 hash/sig pairs). */
export const SIGALGS = {
  rsa_pkcs1_md5: 0x0101,
  rsa_pkcs1_sha1: 0x0201,
  dsa_sha1: 0x0202,
  ecdsa_sha1: 0x0203,
  rsa_pkcs1_sha224: 0x0301,
  dsa_sha224: 0x0302,
  ecdsa_sha224: 0x0303,
  rsa_pkcs1_sha256: 0x0401,
  dsa_sha256: 0x0402,
  ecdsa_secp256r1_sha256: 0x0403,
  rsa_pkcs1_sha384: 0x0501,
  dsa_sha384: 0x0502,
  ecdsa_secp384r1_sha384: 0x0503,
  rsa_pkcs1_sha512: 0x0601,
  dsa_sha512: 0x0602,
  ecdsa_secp521r1_sha512: 0x0603,
  rsa_pss_rsae_sha256: 0x0804,
  rsa_pss_rsae_sha384: 0x0805,
  rsa_pss_rsae_sha512: 0x0806,
  ed25519: 0x0807,
  ed448: 0x0808,
  rsa_pss_pss_sha256: 0x0809,
  rsa_pss_pss_sha384: 0x080a,
  rsa_pss_pss_sha512: 0x080b,
} as const;
export type SigalgName = keyof typeof SIGALGS;

/** Every group the scanner offers: the server must find its own among them. */
export const ALL_GROUPS: GroupName[] = [
  'x25519',
  'secp256r1',
  'secp384r1',
  'secp521r1',
  'x448',
  'brainpoolP256r1',
  'brainpoolP384r1',
  'brainpoolP512r1',
  'secp256k1',
  'sect571r1',
  'sect571k1',
  'sect409r1',
  'sect409k1',
  'sect283r1',
  'sect283k1',
  'secp224r1',
  'ffdhe2048',
  'ffdhe3072',
  'ffdhe4096',
  'ffdhe6144',
  'ffdhe8192',
];

/** Every signature scheme the scanner offers, SHA-1 included (old servers have only that). */
export const ALL_SIGALGS: SigalgName[] = [
  'ecdsa_secp256r1_sha256',
  'ecdsa_secp384r1_sha384',
  'ecdsa_secp521r1_sha512',
  'ed25519',
  'ed448',
  'rsa_pss_rsae_sha256',
  'rsa_pss_rsae_sha384',
  'rsa_pss_rsae_sha512',
  'rsa_pss_pss_sha256',
  'rsa_pss_pss_sha384',
  'rsa_pss_pss_sha512',
  'rsa_pkcs1_sha256',
  'rsa_pkcs1_sha384',
  'rsa_pkcs1_sha512',
  'ecdsa_sha224',
  'rsa_pkcs1_sha224',
  'dsa_sha256',
  'dsa_sha384',
  'dsa_sha512',
  'dsa_sha224',
  'ecdsa_sha1',
  'rsa_pkcs1_sha1',
  'dsa_sha1',
];

/** ServerHello.random of a HelloRetryRequest (RFC 8446 §4.1.3): SHA-256("HelloRetryRequest"). */
export const HRR_RANDOM = Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex');

export const TLS_EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;

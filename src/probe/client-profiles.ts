// Mail clients the PEC providers name as minimums, described by what their TLS stack offers in a
// ClientHello: versions, cipher suites (IANA names, in the client's order), groups and signature
// algorithms. Each profile names its source. Where a list could not be taken from a primary
// source it says so ([inference]); the simulation is only as exact as these lists.
import type { TlsVersionName } from './types';
import type { GroupName, SigalgName } from './tls-constants';

export interface ClientProfile {
  id: string;
  name: string;
  versions: TlsVersionName[];
  /** TLS ≤ 1.2 suites then TLS 1.3 suites, IANA names, client preference order. */
  ciphers: string[];
  groups: GroupName[];
  sigalgs: SigalgName[];
  source: string;
}

// Windows 7 / 2008 R2 SChannel default order after update 3042058, from Microsoft's "TLS Cipher
// Suites in Windows 7" (MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-7.md).
// Windows 8.1 (tls-cipher-suites-in-windows-8-1.md, update 2919355) documents the same list.
// It has no TLS_ECDHE_RSA_WITH_AES_*_GCM_*.
const SCHANNEL_WIN7: string[] = [
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA256',
  'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_DHE_DSS_WITH_AES_256_CBC_SHA256',
  'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256',
  'TLS_DHE_DSS_WITH_AES_256_CBC_SHA',
  'TLS_DHE_DSS_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA',
  'TLS_RSA_WITH_RC4_128_SHA',
  'TLS_RSA_WITH_RC4_128_MD5',
];

// SChannel before Windows 10 has no RSA-PSS, no SHA-224/512 with ECDSA and curves P-256/P-384
// only (the _P256/_P384 suffixes in the same Microsoft pages; SSL Labs' "IE 11 / Win 7" client
// as kept in testssl.sh etc/client-simulation.txt lists curves prime256v1:secp384r1).
const SCHANNEL_WIN7_SIGALGS: SigalgName[] = [
  'rsa_pkcs1_sha256', 'rsa_pkcs1_sha384', 'rsa_pkcs1_sha1', 'ecdsa_secp256r1_sha256', 'ecdsa_secp384r1_sha384',
  'ecdsa_sha1', 'dsa_sha1', 'rsa_pkcs1_sha512',
];

// Windows 10 v1607 default order (MicrosoftDocs/win32 tls-cipher-suites-in-windows-10-v1607.md):
// ECDHE_ECDSA/ECDHE_RSA AES-GCM first, then DHE_RSA GCM, then CBC suites.
const SCHANNEL_WIN10: string[] = [
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA256',
  'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
];

const SHA1_TO_SHA512_SIGALGS: SigalgName[] = [
  'rsa_pkcs1_sha256', 'rsa_pkcs1_sha384', 'rsa_pkcs1_sha512', 'ecdsa_secp256r1_sha256', 'ecdsa_secp384r1_sha384',
  'ecdsa_secp521r1_sha512', 'rsa_pkcs1_sha1', 'ecdsa_sha1',
];

const MODERN_SIGALGS: SigalgName[] = [
  'ecdsa_secp256r1_sha256', 'ecdsa_secp384r1_sha384', 'ecdsa_secp521r1_sha512', 'rsa_pss_rsae_sha256', 'rsa_pss_rsae_sha384',
  'rsa_pss_rsae_sha512', 'rsa_pkcs1_sha256', 'rsa_pkcs1_sha384', 'rsa_pkcs1_sha512', 'ecdsa_sha1', 'rsa_pkcs1_sha1',
];

const TLS10_USABLE = (list: string[]) => list.filter((n) => !/_GCM_|_SHA256$|_SHA384$|CHACHA20/.test(n));

export const CLIENT_PROFILES: readonly ClientProfile[] = [
  {
    id: 'windows7-default',
    name: 'Outlook su Windows 7 (SChannel, TLS 1.2 non abilitato)',
    versions: ['TLSv1'],
    ciphers: TLS10_USABLE(SCHANNEL_WIN7),
    groups: ['secp256r1', 'secp384r1'],
    sigalgs: SCHANNEL_WIN7_SIGALGS,
    source:
      'SChannel defaults "Protocols in TLS/SSL (Schannel SSP)" (TLS 1.1/1.2 client disabled on Windows 7) + "TLS Cipher Suites in Windows 7" (suites usable at TLS 1.0)',
  },
  {
    id: 'windows7-tls12',
    name: 'Outlook su Windows 7 con TLS 1.2 abilitato (KB3140245 + DisabledByDefault=0)',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: SCHANNEL_WIN7,
    groups: ['secp256r1', 'secp384r1'],
    sigalgs: SCHANNEL_WIN7_SIGALGS,
    source: 'Microsoft "TLS Cipher Suites in Windows 7" (after update 3042058): no ECDHE_RSA AES-GCM',
  },
  {
    id: 'windows81',
    name: 'Outlook su Windows 8.1 (SChannel)',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: SCHANNEL_WIN7,
    groups: ['secp256r1', 'secp384r1'],
    sigalgs: SCHANNEL_WIN7_SIGALGS,
    source: 'Microsoft "TLS Cipher Suites in Windows 8.1" (after update 2919355): same list as Windows 7 (a later ECDHE_RSA GCM update is unconfirmed)',
  },
  {
    id: 'windows10',
    name: 'Outlook su Windows 10/11 (SChannel, TLS 1.2)',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: SCHANNEL_WIN10,
    groups: ['x25519', 'secp256r1', 'secp384r1'],
    sigalgs: ['rsa_pss_rsae_sha256', 'rsa_pss_rsae_sha384', 'rsa_pss_rsae_sha512', ...SHA1_TO_SHA512_SIGALGS],
    source: 'Microsoft "TLS Cipher Suites in Windows 10 v1607"; TLS 1.3 (Windows 11 only) not modelled [inference: conservative]',
  },
  {
    id: 'thunderbird-45.6',
    name: 'Thunderbird 45.6',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: [
      'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
      'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
      'TLS_RSA_WITH_AES_128_CBC_SHA',
      'TLS_RSA_WITH_AES_256_CBC_SHA',
      'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
    ],
    groups: ['secp256r1', 'secp384r1', 'secp521r1'],
    sigalgs: [...SHA1_TO_SHA512_SIGALGS, 'dsa_sha256', 'dsa_sha1'],
    source: 'Gecko 45 / NSS 3.21 default suites (SSL Labs "Firefox 45" client) [inference: Thunderbird 45 shares Gecko\'s NSS defaults]',
  },
  {
    id: 'thunderbird-current',
    name: 'Thunderbird attuale (ESR)',
    versions: ['TLSv1.2', 'TLSv1.3'],
    ciphers: [
      'TLS_AES_128_GCM_SHA256',
      'TLS_CHACHA20_POLY1305_SHA256',
      'TLS_AES_256_GCM_SHA384',
      'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
      'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
      'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
      'TLS_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_RSA_WITH_AES_128_CBC_SHA',
      'TLS_RSA_WITH_AES_256_CBC_SHA',
    ],
    groups: ['x25519', 'secp256r1', 'secp384r1', 'secp521r1', 'ffdhe2048', 'ffdhe3072'],
    sigalgs: MODERN_SIGALGS,
    source: 'NSS defaults of current Gecko (SSL Labs "Firefox" / testssl.sh "Thunderbird 91.9" rows); TLS 1.0/1.1 off since Thunderbird 78 (security.tls.version.min = 3)',
  },
  {
    id: 'applemail-10.12',
    name: 'Apple Mail su macOS 10.12 Sierra',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: [
      'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
      'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
      'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
      'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_RSA_WITH_AES_256_CBC_SHA256',
      'TLS_RSA_WITH_AES_128_CBC_SHA256',
      'TLS_RSA_WITH_AES_256_CBC_SHA',
      'TLS_RSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
    ],
    groups: ['secp256r1', 'secp384r1', 'secp521r1'],
    sigalgs: SHA1_TO_SHA512_SIGALGS,
    source: 'SecureTransport on macOS 10.12 (SSL Labs "Safari 10 / OS X 10.12" client) [inference: Mail uses the same system stack]',
  },
  {
    id: 'java-8u132',
    name: 'Java 8u132 (JSSE)',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    // Before 8u161 the JDK shipped the limited crypto policy: AES-256 suites are not offered.
    ciphers: [
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
      'TLS_RSA_WITH_AES_128_CBC_SHA256',
      'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256',
      'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256',
      'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256',
      'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256',
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_RSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA',
      'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_DHE_DSS_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_DHE_DSS_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA',
    ],
    groups: ['secp256r1', 'sect283k1', 'sect283r1', 'secp384r1', 'sect409k1', 'sect409r1', 'secp521r1', 'sect571k1', 'sect571r1', 'secp256k1'],
    sigalgs: ['ecdsa_secp521r1_sha512', 'rsa_pkcs1_sha512', 'ecdsa_secp384r1_sha384', 'rsa_pkcs1_sha384', 'ecdsa_secp256r1_sha256', 'rsa_pkcs1_sha256', 'dsa_sha256', 'ecdsa_sha224', 'rsa_pkcs1_sha224', 'dsa_sha224', 'ecdsa_sha1', 'rsa_pkcs1_sha1', 'dsa_sha1'],
    source: 'JDK 8 SunJSSE default suites (SSL Labs "Java 8u31" client) minus AES-256 (limited policy before 8u161) [inference]',
  },
  {
    id: 'dotnet-4.6',
    name: '.NET Framework 4.6 (SChannel, Windows 7)',
    // SchUseStrongCrypto defaults to 1 for apps targeting 4.6: TLS 1.0-1.2 requested explicitly,
    // so Windows 7's "disabled by default" TLS 1.2 is used; the suites are SChannel's.
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: SCHANNEL_WIN7.filter((n) => !n.includes('RC4')),
    groups: ['secp256r1', 'secp384r1'],
    sigalgs: SCHANNEL_WIN7_SIGALGS,
    source: 'MicrosoftDocs dotnet/docs framework/network-programming/tls.md (SchUseStrongCrypto) + "TLS Cipher Suites in Windows 7"',
  },
  {
    id: 'openssl-1.0.1h',
    name: 'OpenSSL 1.0.1h',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: [
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
      'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
      'TLS_DHE_DSS_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA256',
      'TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA',
      'TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA', 'TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA', 'TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384', 'TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384',
      'TLS_ECDH_RSA_WITH_AES_256_CBC_SHA', 'TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA', 'TLS_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_RSA_WITH_AES_256_CBC_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA', 'TLS_RSA_WITH_CAMELLIA_256_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA', 'TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_DHE_DSS_WITH_AES_128_GCM_SHA256', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_DHE_DSS_WITH_AES_128_CBC_SHA', 'TLS_DHE_RSA_WITH_SEED_CBC_SHA', 'TLS_DHE_DSS_WITH_SEED_CBC_SHA',
      'TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA', 'TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA', 'TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256',
      'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_RSA_WITH_AES_128_CBC_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_SEED_CBC_SHA',
      'TLS_RSA_WITH_CAMELLIA_128_CBC_SHA', 'TLS_RSA_WITH_IDEA_CBC_SHA', 'TLS_ECDHE_RSA_WITH_RC4_128_SHA',
      'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_RC4_128_MD5',
      'TLS_DHE_RSA_WITH_DES_CBC_SHA', 'TLS_DHE_DSS_WITH_DES_CBC_SHA', 'TLS_RSA_WITH_DES_CBC_SHA',
    ],
    groups: [
      'sect571r1', 'sect571k1', 'secp521r1', 'sect409k1', 'sect409r1', 'secp384r1', 'sect283k1', 'sect283r1', 'secp256k1',
      'secp256r1', 'sect239k1', 'sect233k1', 'sect233r1', 'secp224k1', 'secp224r1', 'sect193r1', 'sect193r2', 'secp192k1',
      'secp192r1', 'sect163k1', 'sect163r1', 'sect163r2', 'secp160k1', 'secp160r1', 'secp160r2',
    ],
    sigalgs: [
      'rsa_pkcs1_sha512', 'dsa_sha512', 'ecdsa_secp521r1_sha512', 'rsa_pkcs1_sha384', 'dsa_sha384', 'ecdsa_secp384r1_sha384',
      'rsa_pkcs1_sha256', 'dsa_sha256', 'ecdsa_secp256r1_sha256', 'rsa_pkcs1_sha224', 'dsa_sha224', 'ecdsa_sha224',
      'rsa_pkcs1_sha1', 'dsa_sha1', 'ecdsa_sha1', 'rsa_pkcs1_md5',
    ],
    source: 'OpenSSL 1.0.1 default list "ALL:!aNULL:!eNULL:!SSLv2" in @STRENGTH order and its 25 named curves (SSL Labs "OpenSSL 1.0.1l" client) [inference for 1.0.1h]',
  },
];

export function profileById(id: string): ClientProfile | undefined {
  return CLIENT_PROFILES.find((p) => p.id === id);
}

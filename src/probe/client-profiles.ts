// Mail clients the PEC providers name as minimums, described by what their TLS stack offers in a
// ClientHello: versions, cipher suites (IANA names, in the client's order), groups, signature
// algorithms, and the Diffie-Hellman sizes it accepts. Wherever a real captured ClientHello exists
// the lists are that hello: testssl.sh's etc/client-simulation.txt (records collected by SSL Labs
// and testssl.sh; the date is the hello's gmt_unix_time where the client still sends the time —
// NSS and newer stacks send random bytes there, so Firefox/Thunderbird records have no date). test/unit/probe/client-profiles.test.ts
// parses those bytes and compares them with this table; every difference is listed there with its
// reason. Where no recording exists the profile says so ([inference]) and names its source.
import type { TlsVersionName } from './types';
import type { GroupName, SigalgName } from './tls-constants';

/** Office devices the server section reports on (EndpointResult.devices). */
export type DeviceId = 'windows7' | 'windows81' | 'windows10' | 'windows11' | 'mac' | 'iphone' | 'android' | 'thunderbird';

export interface ClientProfile {
  id: string;
  name: string;
  versions: TlsVersionName[];
  /** TLS ≤ 1.2 suites then TLS 1.3 suites, IANA names, client preference order. */
  ciphers: string[];
  groups: GroupName[];
  sigalgs: SigalgName[];
  /** Smallest / largest finite-field DH prime (bits) the client accepts in DHE; null = no limit known. */
  minDhBits: number | null;
  maxDhBits: number | null;
  /** The record of client-simulation.txt this profile follows, or null when there is none. */
  recording: string | null;
  /** Office device this client stands for (null: a library, not a device). */
  device: DeviceId | null;
  source: string;
}

// Windows 7 SChannel with update 3042058 (2015, new priority order): "IE 11 Win 7" record,
// ClientHello of 2017-06-29. No DHE_RSA CBC suites (0x0033/0x0039: Windows 8.1 got them with
// KB3161639, Windows 7 never did) and no ECDHE_RSA GCM. RC4 is appended: it is still in SChannel's
// default list on Windows 7 ("TLS Cipher Suites in Windows 7"); IE 11 removes it for itself only.
const IE11_WIN7: string[] = [
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA256',
  'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA', 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA',
];
const SCHANNEL_RC4 = ['TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_RC4_128_MD5'];
const IE11_WIN7_SIGALGS: SigalgName[] = [
  'rsa_pkcs1_sha512', 'ecdsa_secp521r1_sha512', 'rsa_pkcs1_sha256', 'rsa_pkcs1_sha384', 'rsa_pkcs1_sha1', 'ecdsa_secp256r1_sha256',
  'ecdsa_secp384r1_sha384', 'ecdsa_sha1', 'dsa_sha1',
];

// Windows 8.1 after KB3161639 (June 2016): "IE 11 Win 8.1" record, hello of 2016-06-23.
const IE11_WIN81: string[] = [
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_DHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA',
  'TLS_DHE_DSS_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA',
];
const IE11_WIN81_SIGALGS: SigalgName[] = [
  'rsa_pkcs1_sha256', 'rsa_pkcs1_sha384', 'rsa_pkcs1_sha512', 'rsa_pkcs1_sha1', 'ecdsa_secp256r1_sha256', 'ecdsa_secp384r1_sha384',
  'ecdsa_secp521r1_sha512', 'ecdsa_sha1', 'dsa_sha1',
];

// Windows 10 SChannel: "IE 11 Win 10" record (hello of 2016-06-23). Its signature algorithms
// have no RSA-PSS, and neither have "Edge 15 Win 10" (2018-02, v1703) nor "Edge 17 (Win 10)"
// (2019-04, v1803): the build that first offers PSS in TLS 1.2 is not documented in any source we
// hold, so Windows 10 is modelled without it (Windows 11, with TLS 1.3, has it).
const IE11_WIN10: string[] = [
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA256',
  'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA', 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA', 'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA',
];
const WIN10_SIGALGS: SigalgName[] = [
  'rsa_pkcs1_sha256', 'rsa_pkcs1_sha384', 'rsa_pkcs1_sha1', 'ecdsa_secp256r1_sha256', 'ecdsa_secp384r1_sha384', 'ecdsa_sha1', 'dsa_sha1',
  'rsa_pkcs1_sha512', 'ecdsa_secp521r1_sha512',
];

// Windows 11: Microsoft "TLS Cipher Suites in Windows 11" (MicrosoftDocs/win32
// desktop-src/SecAuthN/tls-cipher-suites-in-windows-11.md, 2021-09-01), default enabled list in
// its order, NULL suites left out (only on explicit request). TLS 1.3 on by default ("Protocols in
// TLS/SSL (Schannel SSP)"). No recording of Windows 11 exists in the data file.
const SCHANNEL_WIN11: string[] = [
  'TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
];

// SecureTransport (Apple): "Safari 10 OS X 10.12" and "Safari 10 iOS 10" carry the same hello.
const SECURETRANSPORT_10: string[] = [
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
];
const SECURETRANSPORT_SIGALGS: SigalgName[] = [
  'rsa_pkcs1_sha256', 'rsa_pkcs1_sha1', 'rsa_pkcs1_sha384', 'rsa_pkcs1_sha512', 'ecdsa_secp256r1_sha256', 'ecdsa_sha1', 'ecdsa_secp384r1_sha384',
  'ecdsa_secp521r1_sha512',
];

// OpenSSL 1.0.1 based stacks (Android 4.4-5 and OpenSSL itself) offer all 16 hash/signature pairs.
const OPENSSL_101_SIGALGS: SigalgName[] = [
  'rsa_pkcs1_sha512', 'dsa_sha512', 'ecdsa_secp521r1_sha512', 'rsa_pkcs1_sha384', 'dsa_sha384', 'ecdsa_secp384r1_sha384',
  'rsa_pkcs1_sha256', 'dsa_sha256', 'ecdsa_secp256r1_sha256', 'rsa_pkcs1_sha224', 'dsa_sha224', 'ecdsa_sha224',
  'rsa_pkcs1_sha1', 'dsa_sha1', 'ecdsa_sha1', 'rsa_pkcs1_md5',
];

const NSS_MODERN_SIGALGS: SigalgName[] = [
  'ecdsa_secp256r1_sha256', 'ecdsa_secp384r1_sha384', 'ecdsa_secp521r1_sha512', 'rsa_pss_rsae_sha256', 'rsa_pss_rsae_sha384',
  'rsa_pss_rsae_sha512', 'rsa_pkcs1_sha256', 'rsa_pkcs1_sha384', 'rsa_pkcs1_sha512', 'ecdsa_sha1', 'rsa_pkcs1_sha1',
];

/** Suites SChannel still offers when the hello says TLS 1.0 (no AEAD, no SHA-256/384 MAC). */
const TLS10_USABLE = (list: string[]) => list.filter((n) => !/_GCM_|_SHA256$|_SHA384$|CHACHA20/.test(n));

/** SChannel (Windows 7 to 10) accepts DH primes of 1024 to 4096 bits: the IE 11 records' minDhBits/maxDhBits. */
const SCHANNEL_DH = { minDhBits: 1024, maxDhBits: 4096 };

export const CLIENT_PROFILES: readonly ClientProfile[] = [
  {
    id: 'windows7-default',
    name: 'Outlook su Windows 7 (SChannel, TLS 1.2 non abilitato)',
    versions: ['TLSv1'],
    ciphers: [...TLS10_USABLE(IE11_WIN7), ...SCHANNEL_RC4],
    groups: ['secp256r1', 'secp384r1'],
    sigalgs: [],
    ...SCHANNEL_DH,
    recording: 'IE 8 Win 7',
    device: 'windows7',
    source:
      'Record "IE 8 Win 7" (hello of 2013-08-01: Windows 7 SChannel as shipped, TLS 1.0 only; "Protocols in TLS/SSL (Schannel SSP)": TLS 1.1/1.2 client off by default on Windows 7); ' +
      'suite order of "IE 11 Win 7" (2017, after update 3042058) for the suites usable at TLS 1.0',
  },
  {
    id: 'windows7-tls12',
    name: 'Outlook su Windows 7 con TLS 1.2 abilitato (KB3140245 + DisabledByDefault=0)',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: [...IE11_WIN7, ...SCHANNEL_RC4],
    groups: ['secp256r1', 'secp384r1'],
    sigalgs: IE11_WIN7_SIGALGS,
    ...SCHANNEL_DH,
    recording: 'IE 11 Win 7',
    device: 'windows7',
    source: 'Record "IE 11 Win 7" (ClientHello of 2017-06-29, Windows 7 SChannel after update 3042058) + RC4 from Microsoft "TLS Cipher Suites in Windows 7"',
  },
  {
    id: 'windows81',
    name: 'Outlook su Windows 8.1 (SChannel)',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: [...IE11_WIN81, ...SCHANNEL_RC4],
    groups: ['secp256r1', 'secp384r1'],
    sigalgs: IE11_WIN81_SIGALGS,
    ...SCHANNEL_DH,
    recording: 'IE 11 Win 8.1',
    device: 'windows81',
    source: 'Record "IE 11 Win 8.1" (ClientHello of 2016-06-23, after KB3161639) + RC4 from Microsoft "TLS Cipher Suites in Windows 8.1"',
  },
  {
    id: 'windows10',
    name: 'Outlook su Windows 10 (SChannel, TLS 1.2)',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: IE11_WIN10,
    groups: ['x25519', 'secp256r1', 'secp384r1'],
    sigalgs: WIN10_SIGALGS,
    ...SCHANNEL_DH,
    recording: 'IE 11 Win 10',
    device: 'windows10',
    source:
      'Record "IE 11 Win 10" (ClientHello of 2016-06-23); X25519 first as in "Edge 15 Win 10" (v1703) and "Edge 17 (Win 10)" (v1803); ' +
      'no RSA-PSS in any Windows 10 record (the build adding it is not documented in our sources)',
  },
  {
    id: 'windows11',
    name: 'Outlook su Windows 11 (SChannel, TLS 1.3)',
    versions: ['TLSv1.2', 'TLSv1.3'],
    ciphers: SCHANNEL_WIN11,
    groups: ['x25519', 'secp256r1', 'secp384r1'],
    // TLS 1.3 requires RSA-PSS for RSA keys (RFC 8446 §4.2.3); the rest as Windows 10 [inference].
    sigalgs: ['rsa_pss_rsae_sha256', 'rsa_pss_rsae_sha384', 'rsa_pss_rsae_sha512', ...WIN10_SIGALGS.filter((s) => s !== 'dsa_sha1')],
    ...SCHANNEL_DH,
    recording: null,
    device: 'windows11',
    source:
      'Microsoft "TLS Cipher Suites in Windows 11" (2021-09-01, default order) + "Protocols in TLS/SSL (Schannel SSP)" (TLS 1.3 on, TLS 1.0/1.1 ' +
      'deprecated); signature algorithms and curves [inference: Windows 10 records + RFC 8446 PSS]; no recording exists',
  },
  {
    id: 'thunderbird-45.6',
    name: 'Thunderbird 45.6',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: [
      'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
      'TLS_DHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_256_CBC_SHA',
      'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
    ],
    groups: ['secp256r1', 'secp384r1', 'secp521r1'],
    sigalgs: [
      'rsa_pkcs1_sha256', 'rsa_pkcs1_sha384', 'rsa_pkcs1_sha512', 'rsa_pkcs1_sha1', 'ecdsa_secp256r1_sha256', 'ecdsa_secp384r1_sha384',
      'ecdsa_secp521r1_sha512', 'ecdsa_sha1', 'dsa_sha256', 'dsa_sha1',
    ],
    minDhBits: 1023,
    maxDhBits: null,
    recording: 'Firefox 45 Win 7',
    device: null,
    source: 'Record "Firefox 45 Win 7" (Gecko 45 / NSS; minDhBits 1023) [inference: Thunderbird 45 shares Gecko 45\'s NSS defaults]',
  },
  {
    id: 'thunderbird-current',
    name: 'Thunderbird attuale (ESR)',
    versions: ['TLSv1.2', 'TLSv1.3'],
    ciphers: [
      'TLS_AES_128_GCM_SHA256', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
      'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
      'TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_256_CBC_SHA',
    ],
    groups: ['x25519', 'secp256r1', 'secp384r1', 'secp521r1', 'ffdhe2048', 'ffdhe3072'],
    sigalgs: NSS_MODERN_SIGALGS,
    // No DHE suites in the list: DH sizes never matter.
    minDhBits: null,
    maxDhBits: null,
    recording: 'Thunderbird (91.9)',
    device: 'thunderbird',
    source:
      'Record "Thunderbird (91.9)" (2022) minus 3DES (off in Gecko since Firefox 93, so in Thunderbird ESR 102 and later); ' +
      'TLS 1.0/1.1 off since Thunderbird 78 (security.tls.version.min = 3)',
  },
  {
    id: 'applemail-10.12',
    name: 'Apple Mail su macOS 10.12 Sierra',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: SECURETRANSPORT_10,
    groups: ['secp256r1', 'secp384r1', 'secp521r1'],
    sigalgs: SECURETRANSPORT_SIGALGS,
    minDhBits: 768,
    maxDhBits: null,
    recording: 'Safari 10 OS X 10.12',
    device: null,
    source: 'Record "Safari 10 OS X 10.12" (hello of 2016-10-12, SecureTransport; minDhBits 768) [inference: Mail uses the same system stack]',
  },
  {
    id: 'applemail-current',
    name: 'Apple Mail su macOS attuale',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: SECURETRANSPORT_10,
    groups: ['secp256r1', 'secp384r1', 'secp521r1'],
    sigalgs: SECURETRANSPORT_SIGALGS,
    minDhBits: null,
    maxDhBits: null,
    recording: 'Apple Mail (16.0)',
    device: 'mac',
    source: 'Record "Apple Mail (16.0)" (hello of 2022-05-31, Apple Mail itself, service SMTP/POP/IMAP: TLS 1.0-1.2, no TLS 1.3 on mail connections)',
  },
  {
    id: 'outlook-mac',
    name: 'Outlook per Mac',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: SECURETRANSPORT_10,
    groups: ['secp256r1', 'secp384r1', 'secp521r1'],
    sigalgs: SECURETRANSPORT_SIGALGS,
    minDhBits: null,
    maxDhBits: null,
    recording: 'Apple Mail (16.0)',
    device: 'mac',
    source: 'No recording of Outlook for Mac: [inference] it uses macOS\'s system TLS like Apple Mail, so the "Apple Mail (16.0)" record stands for it',
  },
  {
    id: 'ios-mail',
    name: 'Mail su iPhone/iPad (iOS 11 e successivi)',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: SECURETRANSPORT_10,
    groups: ['secp256r1', 'secp384r1', 'secp521r1'],
    sigalgs: SECURETRANSPORT_SIGALGS,
    minDhBits: 768,
    maxDhBits: null,
    recording: 'Safari 10 iOS 10',
    device: 'iphone',
    source:
      'Record "Safari 10 iOS 10" (hello of 2016-10-03, SecureTransport; no iOS 11 record exists; "Safari 12.1 (iOS 12.2)" adds TLS 1.3) [inference: the oldest stack ' +
      'of the "iOS 11+" range is the one that decides; Mail uses the system stack]',
  },
  {
    id: 'android-5',
    name: 'App di posta su Android 5 e successivi',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: [
      'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA',
      'TLS_RSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA', 'TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_DHE_DSS_WITH_AES_128_GCM_SHA256', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_DHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_RC4_128_SHA', 'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_RC4_128_MD5',
    ],
    groups: ['secp521r1', 'secp384r1', 'secp256r1'],
    sigalgs: OPENSSL_101_SIGALGS,
    minDhBits: null,
    maxDhBits: null,
    recording: 'Android 5.0.0',
    device: 'android',
    source: 'Record "Android 5.0.0" (hello of 2015-01-23, platform TLS, the oldest of "Android 5+") [inference: mail apps use the platform stack]',
  },
  {
    id: 'java-8u132',
    name: 'Java 8 (build 132, prima versione del 2014; JSSE)',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    // The first Java 8 release shipped the limited crypto policy: no AES-256 suites.
    ciphers: [
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA256',
      'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256', 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256',
      'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA', 'TLS_ECDHE_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_RC4_128_SHA',
      'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_DHE_DSS_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_RC4_128_MD5',
    ],
    groups: [
      'secp256r1', 'sect163k1', 'sect163r2', 'secp192r1', 'secp224r1', 'sect233k1', 'sect233r1', 'sect283k1', 'sect283r1', 'secp384r1',
      'sect409k1', 'sect409r1', 'secp521r1', 'sect571k1', 'sect571r1', 'secp160k1', 'secp160r1', 'secp160r2', 'sect163r1', 'secp192k1',
      'sect193r1', 'sect193r2', 'secp224k1', 'sect239k1', 'secp256k1',
    ],
    sigalgs: [
      'ecdsa_secp521r1_sha512', 'rsa_pkcs1_sha512', 'ecdsa_secp384r1_sha384', 'rsa_pkcs1_sha384', 'ecdsa_secp256r1_sha256', 'rsa_pkcs1_sha256',
      'ecdsa_sha224', 'rsa_pkcs1_sha224', 'ecdsa_sha1', 'rsa_pkcs1_sha1', 'dsa_sha1', 'rsa_pkcs1_md5',
    ],
    minDhBits: null,
    // SunJCE's DH key pair generator stops at 2048 bits in Java 8 (the record's maxDhBits=2048).
    maxDhBits: 2048,
    recording: 'Java 8b132',
    device: null,
    source: 'Record "Java 8b132" (hello of 2014-03-07; build 132 = Java 8 GA, March 2014, not update 132; maxDhBits 2048)',
  },
  {
    id: 'dotnet-4.6',
    name: '.NET Framework 4.6 (SChannel, Windows 7)',
    // SchUseStrongCrypto defaults to 1 for apps targeting 4.6: TLS 1.0-1.2 requested explicitly,
    // so Windows 7's "disabled by default" TLS 1.2 is used; strong crypto filters RC4 out.
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: IE11_WIN7,
    groups: ['secp256r1', 'secp384r1'],
    sigalgs: IE11_WIN7_SIGALGS,
    ...SCHANNEL_DH,
    recording: 'IE 11 Win 7',
    device: null,
    source: 'Record "IE 11 Win 7" (the same SChannel) + MicrosoftDocs dotnet/docs framework/network-programming/tls.md (SchUseStrongCrypto: no RC4)',
  },
  {
    id: 'openssl-1.0.1h',
    name: 'OpenSSL 1.0.1h',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: [
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
      'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
      'TLS_SRP_SHA_DSS_WITH_AES_256_CBC_SHA', 'TLS_SRP_SHA_RSA_WITH_AES_256_CBC_SHA',
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
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA', 'TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA',
      'TLS_DHE_DSS_WITH_AES_128_GCM_SHA256', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_DHE_DSS_WITH_AES_128_CBC_SHA', 'TLS_DHE_RSA_WITH_SEED_CBC_SHA', 'TLS_DHE_DSS_WITH_SEED_CBC_SHA',
      'TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA', 'TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA', 'TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256',
      'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_RSA_WITH_AES_128_CBC_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_SEED_CBC_SHA',
      'TLS_RSA_WITH_CAMELLIA_128_CBC_SHA', 'TLS_RSA_WITH_IDEA_CBC_SHA', 'TLS_ECDHE_RSA_WITH_RC4_128_SHA',
      'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_RC4_128_MD5',
      'TLS_DHE_RSA_WITH_DES_CBC_SHA', 'TLS_DHE_DSS_WITH_DES_CBC_SHA', 'TLS_RSA_WITH_DES_CBC_SHA',
      'TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA', 'TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA', 'TLS_RSA_EXPORT_WITH_DES40_CBC_SHA',
      'TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5', 'TLS_RSA_EXPORT_WITH_RC4_40_MD5',
    ],
    groups: [
      'sect571r1', 'sect571k1', 'secp521r1', 'sect409k1', 'sect409r1', 'secp384r1', 'sect283k1', 'sect283r1', 'secp256k1',
      'secp256r1', 'sect239k1', 'sect233k1', 'sect233r1', 'secp224k1', 'secp224r1', 'sect193r1', 'sect193r2', 'secp192k1',
      'secp192r1', 'sect163k1', 'sect163r1', 'sect163r2', 'secp160k1', 'secp160r1', 'secp160r2',
    ],
    sigalgs: OPENSSL_101_SIGALGS,
    minDhBits: null,
    maxDhBits: null,
    recording: 'OpenSSL 1.0.1h',
    device: null,
    source: 'Record "OpenSSL 1.0.1h" (default list "ALL:!aNULL:!eNULL:!SSLv2" and its 25 named curves)',
  },
];

export function profileById(id: string): ClientProfile | undefined {
  return CLIENT_PROFILES.find((p) => p.id === id);
}

/** The office devices, in the order the server section lists them. */
export const DEVICES: readonly { id: DeviceId; label: { it: string; en: string } }[] = [
  { id: 'windows7', label: { it: 'PC con Windows 7 (Outlook)', en: 'Windows 7 PC (Outlook)' } },
  { id: 'windows81', label: { it: 'PC con Windows 8.1 (Outlook)', en: 'Windows 8.1 PC (Outlook)' } },
  { id: 'windows10', label: { it: 'PC con Windows 10 (Outlook)', en: 'Windows 10 PC (Outlook)' } },
  { id: 'windows11', label: { it: 'PC con Windows 11 (Outlook)', en: 'Windows 11 PC (Outlook)' } },
  { id: 'thunderbird', label: { it: 'Thunderbird aggiornato', en: 'Up-to-date Thunderbird' } },
  { id: 'mac', label: { it: 'Mac (Mail o Outlook)', en: 'Mac (Mail or Outlook)' } },
  { id: 'iphone', label: { it: 'iPhone e iPad (iOS 11 e successivi)', en: 'iPhone and iPad (iOS 11 and later)' } },
  { id: 'android', label: { it: 'Telefoni Android (5 e successivi)', en: 'Android phones (5 and later)' } },
];

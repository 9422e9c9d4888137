// How each simulated client's stack judges a server certificate, beyond the TLS handshake: does it
// fetch a missing intermediate from the certificate's AIA address, does it still accept a host name
// found only in the subject's CN, and what it refuses outright (Apple's 2019 rules). Data, each row
// with its public source; docs/certificate-trust.md explains them. Every simulated profile has a row
// (client-profiles.test.ts checks it).

export type TrustStack = 'schannel' | 'nss' | 'nss-legacy' | 'apple' | 'apple-legacy' | 'java' | 'openssl' | 'android';

export interface TrustRules {
  stack: TrustStack;
  /** Downloads a missing issuer from the AIA "CA Issuers" URL while building the chain. */
  fetchesAia: boolean;
  /** Matches the host name against the subject CN when the certificate has no DNS name in a subjectAltName. */
  cnFallback: boolean;
  /** Smallest RSA key (bits) accepted in the server's certificate and its issuing CAs. */
  minRsaBits: number;
  /** Apple (iOS 13, macOS 10.15): certificates issued from 1 July 2019 need serverAuth EKU and ≤ 825 days. */
  apple2019: boolean;
  /** Refuses SHA-1 signatures on the server certificate and issuing CAs. */
  noSha1: boolean;
  source: string;
}

const SCHANNEL: TrustRules = {
  stack: 'schannel',
  fetchesAia: true,
  cnFallback: true,
  minRsaBits: 1024,
  apple2019: false,
  noSha1: false,
  source:
    'Microsoft Learn, X509ChainPolicy.DisableCertificateDownloads (default false: the Windows chain engine uses AIA to find unknown issuers); CryptoAPI SSL policy matches the CN when there is no DNS subjectAltName',
};
const APPLE: TrustRules = {
  stack: 'apple',
  fetchesAia: true,
  cnFallback: false,
  minRsaBits: 2048,
  apple2019: true,
  noSha1: true,
  source:
    'Apple Support HT210176 "Requirements for trusted certificates in iOS 13 and macOS 10.15" (RSA ≥ 2048, SHA-2, DNS name in SAN, serverAuth EKU and ≤ 825 days after 1 July 2019); Apple\'s trust evaluation fetches missing intermediates (SecTrust network fetch, allowed by default)',
};
const APPLE_LEGACY: TrustRules = { ...APPLE, stack: 'apple-legacy', cnFallback: true, minRsaBits: 1024, apple2019: false, noSha1: false };
const NSS: TrustRules = {
  stack: 'nss',
  fetchesAia: false,
  cnFallback: false,
  minRsaBits: 1024,
  apple2019: false,
  noSha1: true,
  source:
    'Mozilla bug 399324 (NSS/Firefox do not fetch AIA issuers); Gecko security/manager/ssl BRNameMatchingPolicy and the pref security.pki.name_matching_mode (CN fallback off: SSL_ERROR_BAD_CERT_DOMAIN, seen with Thunderbird 153); mozilla::pkix minimum RSA 1024 outside EV',
};
const NSS_LEGACY: TrustRules = { ...NSS, stack: 'nss-legacy', cnFallback: true, noSha1: false };
const JAVA: TrustRules = {
  stack: 'java',
  fetchesAia: false,
  cnFallback: true,
  minRsaBits: 1024,
  apple2019: false,
  noSha1: false,
  source:
    'Oracle "Java PKI Programmer\'s Guide", com.sun.security.enableAIAcaIssuers (default false); sun.security.util.HostnameChecker uses the most specific CN when no DNS subjectAltName exists',
};
const OPENSSL: TrustRules = {
  stack: 'openssl',
  fetchesAia: false,
  cnFallback: true,
  minRsaBits: 1024,
  apple2019: false,
  noSha1: false,
  source:
    'OpenSSL X509_check_host(3): the subject CN is checked only when no DNS subjectAltName is present; OpenSSL never fetches AIA issuers itself',
};
const ANDROID: TrustRules = {
  ...OPENSSL,
  stack: 'android',
  source:
    "Android 5 HttpsURLConnection (OkHttp OkHostnameVerifier: CN only without DNS subjectAltName); Conscrypt's TrustManagerImpl builds chains from the sent certificates and the system store, no AIA fetching",
};

/** Per simulated profile (client-profiles.ts ids). */
export const CLIENT_TRUST: Readonly<Record<string, TrustRules>> = {
  'windows7-default': SCHANNEL,
  'windows7-tls12': SCHANNEL,
  windows81: SCHANNEL,
  windows10: SCHANNEL,
  windows11: SCHANNEL,
  'dotnet-4.6': SCHANNEL,
  'thunderbird-45.6': NSS_LEGACY,
  'thunderbird-current': NSS,
  'applemail-10.12': APPLE_LEGACY,
  'applemail-current': APPLE,
  'outlook-mac': APPLE,
  'ios-mail': APPLE,
  'android-5': ANDROID,
  'java-8u132': JAVA,
  'openssl-1.0.1h': OPENSSL,
};

/** The rules of a profile; an unknown id gets OpenSSL's (what this process itself does). */
export function trustRulesOf(profileId: string): TrustRules {
  return CLIENT_TRUST[profileId] ?? OPENSSL;
}

// Result shapes of the TLS probe engine (issue #3). The JSON form is documented in
// docs/probe.schema.json; technicians script against it, so change it only additively.

export type MailProtocol = 'imap' | 'pop3' | 'smtp';
/** `tls` = implicit TLS (993/995/465), `starttls` = upgrade on the plain port (143/110/587). */
export type Security = 'tls' | 'starttls';
export type TlsVersionName = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
export const TLS_VERSION_NAMES: readonly TlsVersionName[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

export interface Endpoint {
  host: string;
  port: number;
  protocol: MailProtocol;
  security: Security;
}

/** `ok`, or the class of the first failure that decides what the user sees. */
export type ProbeVerdict =
  | 'ok'
  | 'dns-failed'
  | 'connect-refused'
  | 'connect-timeout'
  | 'connect-reset'
  | 'throttled'
  | 'starttls-not-offered'
  | 'starttls-refused'
  /** The server accepted STARTTLS, then closed instead of starting TLS: versions not known. */
  | 'starttls-failed'
  | 'no-common-version'
  | 'no-common-cipher'
  | 'no-tls12'
  | `handshake-alert(${string})`
  | 'handshake-timeout'
  | 'not-tls'
  | 'cert-expired'
  | 'cert-not-yet-valid'
  | 'cert-hostname-mismatch'
  | 'cert-untrusted'
  /** The server does not send its intermediate certificate: clients that fetch it (AIA) connect, others do not. */
  | 'cert-chain-incomplete'
  | `tls-intercepted(${string})`
  | 'banner-unexpected'
  | 'deadline-exceeded'
  | 'cancelled';

export type StepName = 'dns' | 'connect' | 'starttls' | 'versions' | 'ciphers' | 'certificate' | 'banner' | 'simulation';

export interface StepResult {
  step: StepName;
  status: 'ok' | 'failed' | 'skipped';
  verdict?: ProbeVerdict;
  detail?: string;
  /** The TLS library's raw words (OpenSSL error text), for the technician only: `detail` stays plain. */
  technical?: string;
  ms: number;
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  san: string[];
  validFrom: string;
  validTo: string;
  keyType: string;
  keyBits: number | null;
  signatureAlgorithm: string | null;
  fingerprintSha256: string;
  trusted: boolean;
  trustError: string | null;
  hostnameMatches: boolean;
  /** Antivirus product recognised from the issuer, when the chain is re-signed locally. */
  interceptedBy: string | null;
  chain: { subject: string; issuer: string; validTo: string }[];
  /** Position in the chain (0 = the server's own) of the certificate `trustError` is about. */
  errorDepth?: number | null;
  /** What this process's OpenSSL said of the chain in its real handshake (authorizationError), null if it accepted it. */
  opensslError?: string | null;
  /**
   * The server did not send the issuer of the last certificate: its AIA address, and whether the
   * certificate fetched from there completed the chain (null: not fetched, or the fetch failed).
   */
  missingIssuer?: { url: string | null; fetched: boolean | null } | null;
  /** The certificate has a subjectAltName extension (clients that ignore the CN need the host name there). */
  hasSan?: boolean;
}

/** One client's judgement of the certificate it would get (Simulation.certificate). */
export interface CertificateJudgement {
  ok: boolean;
  /** cert-expired, cert-untrusted, cert-chain-incomplete, cert-hostname-mismatch, cert-key-too-small, cert-no-san, ... */
  reason: string;
  /** Italian, plain. */
  detail: string;
  /** Which of EndpointResult.certificates this client gets. */
  fingerprintSha256: string;
}

/** A server's ephemeral key in one handshake: DH prime size or named curve (group). */
export interface KeyExchange {
  kind: 'dh' | 'ecdh';
  /** DH prime size, or the curve's size; null when the message could not be read. */
  bits: number | null;
  /** IANA group name (secp256r1, x25519, ffdhe2048, ...); null for a custom DH prime. */
  group: string | null;
}

/** Whether the clients that stand for one kind of office device connect (EndpointResult.devices). */
export interface DeviceResult {
  device: 'windows7' | 'windows81' | 'windows10' | 'windows11' | 'mac' | 'iphone' | 'android' | 'thunderbird';
  label: { it: string; en: string };
  /** ok: all its clients connect; fails: none does; partial: some do; unknown: not decided. */
  status: 'ok' | 'fails' | 'partial' | 'unknown';
  clients: { client: string; ok: boolean; reason: string }[];
}

export interface Simulation {
  client: string;
  name: string;
  ok: boolean;
  reason: string;
  version?: TlsVersionName;
  cipher?: string;
  /** Short Italian explanation of `reason` (which is a verdict code such as no-common-cipher). */
  detail?: string;
  /** The server's ephemeral key offered to this client (DHE/ECDHE suites, TLS 1.3 key_share). */
  keyExchange?: KeyExchange;
  /** The certificate this client would get, judged by its own stack's rules (src/probe/trust-rules.ts). */
  certificate?: CertificateJudgement;
}

export interface EndpointResult extends Endpoint {
  url: string;
  verdict: ProbeVerdict;
  addresses: string[];
  steps: StepResult[];
  tls: {
    versions: Record<TlsVersionName, boolean | null>;
    ciphers: Partial<Record<TlsVersionName, string[]>>;
  };
  certificate: CertificateInfo | null;
  banner: string | null;
  simulations: Simulation[];
  timings: Record<string, number>;
  /** Italian one-line explanation of `verdict`. */
  detail?: string;
  /** Connections this probe opened to the server. */
  connections?: number;
  /** What the TLS library of this process negotiated in the real handshake. */
  negotiated?: { version: string; cipher: string } | null;
  /** Ephemeral keys the server used: largest DH prime (bits; null if no DHE seen) and the curves. */
  keyExchange?: {
    dhBits: number | null;
    curves: string[];
    /** Every DH prime size seen, smallest first. */
    dhSizes?: number[];
    /** The DH prime of each accepted DHE suite. */
    dhSuites?: { cipher: string; bits: number | null }[];
  };
  /** Every certificate the server presents, one per key type (RSA, ECDSA); `certificate` is the one that decides the verdict. */
  certificates?: CertificateInfo[];
  /** Which kinds of office device connect, from the simulations (client-profiles.ts DEVICES). */
  devices?: DeviceResult[];
}

/** PEM text, as a string or its bytes (a Buffer read from a file). */
export type PemInput = string | Uint8Array;

export interface ProbeOptions {
  /** Overall deadline for one endpoint, in milliseconds (default 30 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  onStep?: (endpoint: Endpoint, step: StepResult) => void;
  /** Extra trusted CA certificates (PEM), added to the bundled roots (tests, company CAs). */
  ca?: PemInput | PemInput[];
  /** Per-step timeouts in milliseconds (each capped by `timeoutMs`). */
  stepTimeouts?: { connectMs?: number; starttlsMs?: number; handshakeMs?: number; bannerMs?: number };
  /** Enumerate accepted cipher suites (default true); false saves connections. */
  ciphers?: boolean;
  /** Run the client simulations (default true). */
  simulate?: boolean;
  /** Most connections one endpoint may receive (default 120). */
  maxConnections?: number;
  /** Fetch a missing intermediate from the certificate's AIA address, as Windows and Apple do (default true). */
  aia?: boolean;
  /** Most endpoints probed at once by probeEndpoints (default 4). */
  concurrency?: number;
}

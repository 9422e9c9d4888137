// Result shapes of the system inventory (issue #4); JSON documented in docs/inventory.schema.json.
import type { Evidence } from '../util/evidence';

export type Platform = 'windows' | 'macos' | 'linux' | 'other';

export interface OsInfo {
  platform: Platform;
  /** Marketing name, e.g. "Windows 7 Service Pack 1", "macOS 10.12 Sierra", "Debian GNU/Linux 12". */
  name: string | null;
  version: string | null;
  build: string | null;
  servicePack?: string | null;
  edition?: string | null;
  arch: 'x64' | 'x86' | 'arm64' | string | null;
  evidence: Evidence[];
}

export type ClientId =
  | 'outlook'
  | 'thunderbird'
  | 'applemail'
  | 'windowslivemail'
  | 'outlook-mac'
  | 'evolution'
  | string;

export interface ClientInfo {
  id: ClientId;
  name: string;
  version: string | null;
  /** e.g. Outlook "2010", "Microsoft 365". */
  marketingName?: string | null;
  build?: string | null;
  bitness?: 32 | 64 | null;
  channel?: string | null;
  evidence: Evidence[];
}

export interface BrowserInfo {
  id: 'chrome' | 'edge' | 'firefox' | 'firefox-esr' | 'ie' | 'opera' | 'safari' | 'chromium' | string;
  name: string;
  version: string | null;
  evidence: Evidence[];
}

export type ProtocolState = 'enabled' | 'disabled' | 'unknown';

export interface SchannelProtocol {
  enabled: number | null;
  disabledByDefault: number | null;
  /** Effective state for client connections, after applying the OS defaults. */
  effective: ProtocolState;
}

export interface WindowsTls {
  schannel: Record<'TLS 1.0' | 'TLS 1.1' | 'TLS 1.2' | 'TLS 1.3', SchannelProtocol>;
  winhttp: { defaultSecureProtocols64: number | null; defaultSecureProtocols32: number | null };
  internetSettings: { hkcu: number | null; hklm: number | null };
  kb3140245: boolean | null;
  dotnet: { release: number | null; version: string | null; schUseStrongCrypto: number | null; systemDefaultTlsVersions: number | null };
  evidence: Evidence[];
}

export interface RuntimeInfo {
  id: 'java' | 'openssl' | 'dotnet' | string;
  name: string;
  version: string | null;
  evidence: Evidence[];
}

export interface ClockInfo {
  now: string;
  /** The build date of this app: a clock earlier than this is certainly wrong. */
  buildDate: string;
  /** Measured offset to a trusted time source, when known (seconds). */
  offsetSeconds: number | null;
}

export interface AntivirusInfo {
  name: string;
  state?: string | null;
  evidence: Evidence[];
}

export interface Inventory {
  os: OsInfo;
  clients: ClientInfo[];
  browsers: BrowserInfo[];
  runtimes: RuntimeInfo[];
  windows: WindowsTls | null;
  clock: ClockInfo;
  antivirus: AntivirusInfo[];
  /** Everything that could not be read, with why. */
  errors: Evidence[];
}

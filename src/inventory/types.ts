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
  /** Windows 10/11 feature update ("22H2"), macOS code name ("Sierra"), Linux code name ("bookworm"). */
  displayVersion?: string | null;
  /** Kernel version as the OS reports it (os.release(), Darwin version, Linux kernel). */
  kernel?: string | null;
  /** Windows: ProductOptions\ProductType, 'client' (WinNT) or 'server' (ServerNT, LanmanNT); null when unread. */
  productType?: 'client' | 'server' | null;
  /** Windows: a Remote Desktop Session Host (terminal server), where a restart ends every user's session; null when unread. */
  terminalServer?: boolean | null;
  evidence: Evidence[];
}

/** How a program was installed: Office Click-to-Run or MSI, Linux package formats, a macOS app bundle. */
export type InstallType = 'click-to-run' | 'msi' | 'installer' | 'msix' | 'deb' | 'rpm' | 'snap' | 'flatpak' | 'app' | 'path' | null;

/** 'outlook-new': the new Outlook for Windows (olk.exe), whose IMAP/SMTP runs in Microsoft's cloud. */
export type ClientId = 'outlook' | 'outlook-new' | 'thunderbird' | 'applemail' | 'windowslivemail' | 'outlook-mac' | 'evolution' | string;

export interface ClientInfo {
  id: ClientId;
  name: string;
  version: string | null;
  /** e.g. Outlook "2010", "Microsoft 365". */
  marketingName?: string | null;
  build?: string | null;
  bitness?: 32 | 64 | null;
  channel?: string | null;
  installType?: InstallType;
  /** Executable or app bundle, when known. */
  path?: string | null;
  evidence: Evidence[];
}

export interface BrowserInfo {
  id: 'chrome' | 'edge' | 'firefox' | 'firefox-esr' | 'ie' | 'opera' | 'safari' | 'chromium' | string;
  name: string;
  version: string | null;
  installType?: InstallType;
  evidence: Evidence[];
}

export type ProtocolState = 'enabled' | 'disabled' | 'unknown';

export interface SchannelProtocol {
  enabled: number | null;
  disabledByDefault: number | null;
  /** Effective state for client connections, after applying the OS defaults. */
  effective: ProtocolState;
  /** What this Windows does with no registry value (Microsoft's per-OS table); 'unknown' past the documented rows. */
  osDefault?: ProtocolState;
  /** false when this Windows cannot speak the protocol at all (e.g. TLS 1.2 before Windows 7). */
  supported?: boolean | null;
  /** 'registry' when a value under ...\SCHANNEL\Protocols\<p>\Client decided, else 'os-default'. */
  decidedBy?: 'registry' | 'os-default';
}

/** One .NET Framework TLS key (HKLM\SOFTWARE\[Wow6432Node\]Microsoft\.NETFramework\<version>). */
export interface DotnetTlsKey {
  framework: 'v4.0.30319' | 'v2.0.50727';
  view: 64 | 32;
  schUseStrongCrypto: number | null;
  systemDefaultTlsVersions: number | null;
}

export interface WindowsTls {
  schannel: Record<'TLS 1.0' | 'TLS 1.1' | 'TLS 1.2' | 'TLS 1.3', SchannelProtocol>;
  winhttp: { defaultSecureProtocols64: number | null; defaultSecureProtocols32: number | null };
  internetSettings: { hkcu: number | null; hklm: number | null };
  kb3140245: boolean | null;
  /** Windows Server 2008 SP2's TLS 1.1/1.2 update; null or absent when not read (only looked for there). */
  kb4019276?: boolean | null;
  dotnet: {
    release: number | null;
    version: string | null;
    /** From the native v4.0.30319 key. */
    schUseStrongCrypto: number | null;
    systemDefaultTlsVersions: number | null;
    /** Every .NET TLS key read (both frameworks, both registry views). */
    keys?: DotnetTlsKey[];
  };
  /** Installed update ids (KBnnnnnnn) when the list could be read; null otherwise. */
  hotfixes?: string[] | null;
  /**
   * Packages of the servicing store (HKLM\...\Component Based Servicing\Packages) that decide the
   * plan: KB3140245's and the client language packs', with their install times when known
   * (the language-pack trap: a language pack added after KB3140245 undoes it). null: not read.
   */
  servicing?: { kb3140245: ServicingPackage[]; languagePacks: ServicingPackage[]; kb4019276?: ServicingPackage[] } | null;
  evidence: Evidence[];
}

export interface ServicingPackage {
  /** Package name as the store lists it (e.g. Package_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.1). */
  name: string;
  /** ISO date-time of installation, when the store records it; null otherwise. */
  installedAt: string | null;
  /** CurrentState DWORD as stored (0x70 = 112 is "installed" by public accounts, not Microsoft's docs); null when absent. */
  currentState?: number | null;
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
  /** The system date is earlier than the build date: certainly wrong. */
  beforeBuildDate?: boolean;
  /** IANA time zone of this machine, when Node knows it. */
  timeZone?: string | null;
}

export interface AntivirusInfo {
  name: string;
  state?: string | null;
  /** Decoded from Security Center's productState (undocumented bit layout, see antivirus.ts). */
  enabled?: boolean | null;
  upToDate?: boolean | null;
  productState?: number | null;
  /** The product's mail/web shield that re-signs TLS connections, when known to intercept mail. */
  interceptsMail?: string | null;
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
  /** false when the antivirus list could not be read (then `antivirus: []` means "non verificato", not "none"). */
  antivirusChecked?: boolean;
  /** Everything that could not be read, with why. */
  errors: Evidence[];
  /** 'machine' for this computer, or the recording (fixture directory) the inventory was read from. */
  collectedFrom?: string;
}

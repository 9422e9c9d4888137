// Windows version, build, service pack, edition and architecture. systeminformation first
// (Get-CimInstance, PowerShell 3+), then the registry (HKLM\...\Windows NT\CurrentVersion) and
// os.release(), which work on a stock Windows 7 with PowerShell 2 and on XP.
import type { Evidence } from '../util/evidence';
import type { OsInfo } from './types';
import type { Source, SiOsInfo } from './source';
import { readRegKey, ErrorLog } from './probe';
import { regNumber, regString, regValue, type RegKey } from '../platform/registry';

// Build numbers → release. Source: docs/facts/windows-and-clients.md §9 (scratch-space/
// WinVersion, systeminformation WINDOWS_RELEASES, public tables). First match from the top.
export interface WindowsBuild {
  build: number;
  release: string;
  /** Feature update of Windows 10/11, e.g. "22H2". */
  update: string | null;
}
export const WINDOWS_BUILDS: WindowsBuild[] = [
  { build: 26200, release: 'Windows 11', update: '25H2' },
  { build: 26100, release: 'Windows 11', update: '24H2' },
  { build: 22631, release: 'Windows 11', update: '23H2' },
  { build: 22621, release: 'Windows 11', update: '22H2' },
  { build: 22000, release: 'Windows 11', update: '21H2' },
  { build: 19045, release: 'Windows 10', update: '22H2' },
  { build: 19044, release: 'Windows 10', update: '21H2' },
  { build: 19043, release: 'Windows 10', update: '21H1' },
  { build: 19042, release: 'Windows 10', update: '20H2' },
  { build: 19041, release: 'Windows 10', update: '2004' },
  { build: 18363, release: 'Windows 10', update: '1909' },
  { build: 18362, release: 'Windows 10', update: '1903' },
  { build: 17763, release: 'Windows 10', update: '1809' },
  { build: 17134, release: 'Windows 10', update: '1803' },
  { build: 16299, release: 'Windows 10', update: '1709' },
  { build: 15063, release: 'Windows 10', update: '1703' },
  { build: 14393, release: 'Windows 10', update: '1607' },
  { build: 10586, release: 'Windows 10', update: '1511' },
  { build: 10240, release: 'Windows 10', update: '1507' },
  { build: 9600, release: 'Windows 8.1', update: null },
  { build: 9200, release: 'Windows 8', update: null },
  { build: 7601, release: 'Windows 7', update: null }, // SP1
  { build: 7600, release: 'Windows 7', update: null },
  { build: 6000, release: 'Windows Vista', update: null },
  { build: 3790, release: 'Windows XP', update: null }, // XP x64 / Server 2003
  { build: 2600, release: 'Windows XP', update: null },
];

// NT version → release, for when no build is known (§9: 6.1 = 7, 6.2 = 8, 6.3 = 8.1, 10.0 = 10 and 11).
const NT_RELEASES: Record<string, string> = {
  '5.1': 'Windows XP',
  '5.2': 'Windows XP',
  '6.0': 'Windows Vista',
  '6.1': 'Windows 7',
  '6.2': 'Windows 8',
  '6.3': 'Windows 8.1',
  '10.0': 'Windows 10',
};

/** Release name from a build number: exact row, else the highest row below it. */
export function windowsReleaseOfBuild(build: number | null): WindowsBuild | null {
  if (build === null || !Number.isFinite(build)) return null;
  const exact = WINDOWS_BUILDS.find((b) => b.build === build);
  if (exact) return exact;
  const below = WINDOWS_BUILDS.find((b) => b.build < build);
  // Between rows: same release, unknown feature update (an Insider or a newer build).
  return below ? { build, release: below.release, update: null } : null;
}

/** Facts read from HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion. */
export interface CurrentVersionFacts {
  productName: string | null;
  ntVersion: string | null;
  build: number | null;
  ubr: number | null;
  csdVersion: string | null;
  editionId: string | null;
  displayVersion: string | null;
  /** "Client", "Server" or "Server Core" (Windows 7 / 2008 R2 and later). */
  installationType: string | null;
}

export function parseCurrentVersion(key: RegKey): CurrentVersionFacts {
  const str = (n: string) => {
    const s = regString(regValue(key, n));
    return s === null || s.trim() === '' ? null : s.trim();
  };
  // CurrentBuildNumber is right everywhere; XP's CurrentBuild holds "1.511.1 () (Obsolete data - do not use)".
  const buildText = [str('CurrentBuildNumber'), str('CurrentBuild')].find((b) => b !== null && /^\d+$/.test(b)) ?? null;
  // Windows 10+ keeps CurrentVersion at "6.3" for old programs; the major/minor DWORDs are the truth.
  const major = regNumber(regValue(key, 'CurrentMajorVersionNumber'));
  const minor = regNumber(regValue(key, 'CurrentMinorVersionNumber'));
  const build = buildText ? Number(buildText) : null;
  // Without the DWORDs (a damaged or trimmed key) CurrentVersion still says "6.3" on Windows 10
  // and 11: their builds (10240 and up, WINDOWS_BUILDS) decide instead.
  let ntVersion = major !== null ? `${major}.${minor ?? 0}` : str('CurrentVersion');
  if (major === null && build !== null && build >= 10240) ntVersion = '10.0';
  return {
    productName: str('ProductName'),
    ntVersion,
    build,
    ubr: regNumber(regValue(key, 'UBR')),
    csdVersion: str('CSDVersion'),
    editionId: str('EditionID'),
    displayVersion: str('DisplayVersion') ?? str('ReleaseId'),
    installationType: str('InstallationType'),
  };
}

/** "Windows Server (R) 2008 Standard", "Windows Vista (TM) Business", "Windows Server® 2008": the marks dropped. */
export function cleanProductName(name: string): string {
  return name
    .replace(/\s*\((?:R|TM)\)|[®™]/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export const PRODUCT_OPTIONS_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\ProductOptions';
export const TERMINAL_SERVER_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server';

/**
 * ProductOptions\ProductType: "WinNT" on client editions, "ServerNT" on servers, "LanmanNT" on
 * domain controllers (the registry form of OSVERSIONINFOEX wProductType: VER_NT_WORKSTATION,
 * VER_NT_SERVER, VER_NT_DOMAIN_CONTROLLER). docs/inventory.md has the sources.
 */
export function parseProductType(key: RegKey | null): 'client' | 'server' | null {
  const t = regString(regValue(key, 'ProductType'))?.trim().toLowerCase();
  if (t === 'winnt') return 'client';
  if (t === 'servernt' || t === 'lanmannt') return 'server';
  return null;
}

/**
 * Terminal Server\TSAppCompat = 1: Remote Desktop Session Host in application-server mode (what
 * WMI reports as Win32_TerminalServiceSetting.TerminalServerMode = 1); 0 or absent: remote
 * administration only. A client edition is never a session host, except Windows 10/11
 * Enterprise multi-session (EditionID "ServerRdsh").
 */
export function parseTerminalServer(key: RegKey | null, productType: 'client' | 'server' | null, editionId: string | null): boolean | null {
  if (/^ServerRdsh$/i.test(editionId ?? '')) return true;
  const compat = regNumber(regValue(key, 'TSAppCompat'));
  if (compat !== null) return compat !== 0;
  if (key && productType === 'server') return false;
  return productType === 'client' ? false : null;
}

/** Server release of an NT version when ProductName does not name it (a trimmed key); builds tell 2016/2019/2022/2025 apart. */
export function serverReleaseOf(nt: string | null, build: number | null): string | null {
  if (nt === '6.0') return 'Windows Server 2008';
  if (nt === '6.1') return 'Windows Server 2008 R2';
  if (nt === '6.2') return 'Windows Server 2012';
  if (nt === '6.3') return 'Windows Server 2012 R2';
  if (nt === '10.0' && build !== null) {
    if (build >= 26100) return 'Windows Server 2025';
    if (build >= 20348) return 'Windows Server 2022';
    if (build >= 17763) return 'Windows Server 2019';
    if (build >= 14393) return 'Windows Server 2016';
  }
  return null;
}

/** Windows' own architecture (not the process's): a 32-bit app on 64-bit Windows sees PROCESSOR_ARCHITEW6432. */
export function windowsArch(env: Record<string, string | undefined>, processArch: string): string | null {
  const a = (env.PROCESSOR_ARCHITEW6432 ?? env.PROCESSOR_ARCHITECTURE ?? '').toUpperCase();
  if (a === 'AMD64' || a === 'IA64' || a === 'EM64T') return 'x64';
  if (a === 'ARM64') return 'arm64';
  if (a === 'X86') return 'x86';
  return processArch === 'ia32' ? 'x86' : processArch || null;
}

/** "Service Pack 1" from CSDVersion, or from systeminformation's "1.0". */
function servicePackName(csd: string | null, siSp: string | undefined): string | null {
  if (csd && /service pack/i.test(csd)) return csd.replace(/\s+/g, ' ').trim();
  const m = /^(\d+)\.\d+$/.exec(siSp ?? '');
  if (m && m[1] !== '0') return `Service Pack ${m[1]}`;
  return null;
}

/** "Microsoft Windows 7 Professional" / "Windows 10 Pro" → "Professional" / "Pro". */
function editionOf(productName: string | null, release: string | null): string | null {
  if (!productName) return null;
  const m = /Windows\s+(?:XP|Vista|7|8\.1|8|10|11|Server \d{4}(?: R2)?)\s+(.+)$/i.exec(
    cleanProductName(productName.replace(/^Microsoft\s+/i, '')),
  );
  if (m) return m[1].trim();
  return release && productName.includes(release) ? null : productName;
}

export interface WindowsOsInputs {
  si: SiOsInfo | null;
  currentVersion: CurrentVersionFacts | null;
  release: string;
  arch: string | null;
  /** ProductOptions\ProductType read (null: not read). */
  productType?: 'client' | 'server' | null;
  /** The Terminal Server key, when read (undefined/null: not read or absent). */
  terminalServerKey?: RegKey | null;
}

/** Pure: the OsInfo of a Windows machine from whatever could be read. */
export function windowsOsInfo(inputs: WindowsOsInputs, evidence: Evidence[]): OsInfo {
  const { si, currentVersion: cv } = inputs;
  const rel = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(inputs.release);
  const siBuild = si?.build && /^\d+$/.test(si.build.trim()) ? Number(si.build.trim()) : null;
  const build = siBuild ?? cv?.build ?? (rel && rel[3] ? Number(rel[3]) : null);
  let nt = cv?.ntVersion ?? (rel ? `${rel[1]}.${rel[2]}` : null);
  // "6.3" (the value Windows 10+ keeps for old programs) never stands for a Windows 10 build.
  if (nt !== null && /^6\./.test(nt) && build !== null && build >= 10240) nt = '10.0';
  const byBuild = windowsReleaseOfBuild(build);
  let release = byBuild?.release ?? (nt ? (NT_RELEASES[nt] ?? null) : null);
  // Windows 11 still says "Windows 10" in ProductName: the build decides.
  if (release === 'Windows 10' && build !== null && build >= 22000) release = 'Windows 11';
  const servicePack = servicePackName(cv?.csdVersion ?? null, si?.servicepack);
  const rawProductName = si?.distro?.trim() || cv?.productName || null;
  const productName = rawProductName ? cleanProductName(rawProductName) : null;
  // Client or server: ProductOptions first, then CurrentVersion's InstallationType (7 / 2008 R2+),
  // then the product name.
  const installationType = cv?.installationType ?? null;
  const productType =
    inputs.productType ??
    (installationType ? (/server/i.test(installationType) ? 'server' : /client/i.test(installationType) ? 'client' : null) : null) ??
    (productName ? (/\bServer\b/i.test(productName) ? 'server' : /Windows/i.test(productName) ? 'client' : null) : null);
  // Servers share the client's build numbers (6002 = Vista and 2008, 9600 = 8.1 and 2012 R2): their own name wins.
  const server = /Windows Server \d{4}(?: R2)?/i.exec(productName ?? '')?.[0] ?? null;
  if (server) release = server.replace(/^windows server/i, 'Windows Server');
  else if (productType === 'server') release = serverReleaseOf(nt, build) ?? release;
  const edition = cv?.editionId ? (editionOf(cv.productName, release) ?? cv.editionId) : editionOf(productName, release);
  const displayVersion = cv?.displayVersion ?? byBuild?.update ?? null;
  const name = release ? [release, servicePack].filter(Boolean).join(' ') : productName;
  return {
    platform: 'windows',
    name,
    version: nt && build !== null ? `${nt}.${build}` : (nt ?? null),
    build: build !== null ? String(build) : null,
    servicePack,
    edition,
    arch: inputs.arch,
    displayVersion,
    kernel: inputs.release || null,
    productType,
    terminalServer: parseTerminalServer(inputs.terminalServerKey ?? null, productType, cv?.editionId ?? null),
    evidence,
  };
}

/**
 * systeminformation's osInfo() is asked only on Windows 10 and later. Before 10 it starts
 * PowerShell and writes the script to its stdin without an 'error' listener (systeminformation
 * 5.x lib/util.js powerShell()): a PowerShell that exits at once (blocked by policy, killed by an
 * antivirus, Wine's stub) makes that write fail with EPIPE and ends the whole process. The
 * registry and os.release() give the same facts there (and it needs PowerShell 3 anyway).
 */
export function askSystemInformation(release: string): boolean {
  const major = /^(\d+)\./.exec(release);
  return major !== null && Number(major[1]) >= 10;
}
const SI_SKIPPED = 'not asked on Windows before 10 (it feeds PowerShell through stdin without error handling); registry used';

export const CURRENT_VERSION_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';

export async function collectWindowsOs(src: Source, log: ErrorLog): Promise<OsInfo> {
  const arch = windowsArch(src.env, src.processArch);
  const evidence: Evidence[] = [
    { source: 'node:os release() / arch()', raw: `release ${src.release}; process arch ${src.processArch}` },
    {
      source: 'environment PROCESSOR_ARCHITECTURE / PROCESSOR_ARCHITEW6432',
      raw: `${src.env.PROCESSOR_ARCHITECTURE ?? '-'} / ${src.env.PROCESSOR_ARCHITEW6432 ?? '-'}`,
    },
  ];
  const native = arch === 'x64' || arch === 'arm64' ? 64 : undefined;
  const [siResult, cvRead, poRead, tsRead] = await Promise.all([
    askSystemInformation(src.release)
      ? src.osInfo().then(
          (si) => ({ si, error: null as string | null }),
          (err: Error) => ({ si: null, error: err.message }),
        )
      : Promise.resolve({ si: null, error: SI_SKIPPED }),
    // The native view: a 32-bit process would otherwise read the WOW64 copy.
    readRegKey(src, CURRENT_VERSION_KEY, native),
    readRegKey(src, PRODUCT_OPTIONS_KEY, native, ['ProductType', 'ProductSuite']),
    readRegKey(src, TERMINAL_SERVER_KEY, native, ['TSAppCompat', 'TSEnabled', 'fDenyTSConnections']),
  ]);
  const siEvidence: Evidence = { source: 'systeminformation osInfo()', raw: siResult.si ? JSON.stringify(siResult.si) : undefined };
  if (siResult.error) siEvidence.error = siResult.error;
  else if (siResult.si && !siResult.si.distro && !siResult.si.build)
    siEvidence.error = 'distro and build empty (Get-CimInstance needs PowerShell 3; registry used)';
  evidence.push(siEvidence, cvRead.evidence, poRead.evidence, tsRead.evidence);
  log.add(cvRead.evidence, poRead.evidence, tsRead.evidence);
  const cv = cvRead.key ? parseCurrentVersion(cvRead.key) : null;
  return windowsOsInfo(
    {
      si: siResult.si,
      currentVersion: cv,
      release: src.release,
      arch,
      productType: parseProductType(poRead.key),
      terminalServerKey: tsRead.error ? null : tsRead.key,
    },
    evidence,
  );
}

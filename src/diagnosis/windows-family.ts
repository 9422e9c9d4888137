// The Windows family of a machine, derived once from the inventory: which client line its
// SChannel belongs to, whether it is a server (and a terminal server), its service pack, and
// what TLS 1.2 needs there (nothing, an update, a service pack first, registry keys, or no
// way at all). Rules, plans, texts, the .reg writer and the repair all read this one model
// instead of testing "Windows 7" each in their own way. Facts and sources: docs/windows-family.md.
import type { OsInfo, WindowsTls } from '../inventory/types';
import type { WindowsRelease } from './requirements';

export type WindowsServerRelease = '2003' | '2008' | '2008 R2' | '2012' | '2012 R2' | '2016' | '2019' | '2022' | '2025';

/**
 * How TLS 1.2 comes to this Windows' own TLS stack (SChannel, used by Outlook, Windows Live
 * Mail, .NET and WinHTTP):
 * - 'built-in': present and on for clients (8.1 / 2012 R2 and later);
 * - 'winhttp-update': SChannel has it on; WinHTTP needs KB3140245 (8.0 / 2012);
 * - 'keys-and-update': SChannel has it, off for clients until the registry turns it on;
 *   WinHTTP needs KB3140245 (7 SP1 / 2008 R2 SP1);
 * - 'kb4019276': an update adds it to SChannel, off by default (Server 2008 SP2);
 * - 'service-pack-first': the service pack the updates require is missing (7 / 2008 R2
 *   without SP1, Server 2008 before SP2);
 * - 'impossible': no update adds it (XP, Server 2003, Vista).
 */
export type Tls12Route = 'built-in' | 'winhttp-update' | 'keys-and-update' | 'kb4019276' | 'service-pack-first' | 'impossible';

export type UpdateId = 'KB976932' | 'KB3140245' | 'KB4019276' | 'SP2-2008';

export interface RequiredUpdate {
  id: UpdateId;
  kind: 'service-pack' | 'update';
  /** true installed, false known absent, null not verified. */
  installed: boolean | null;
}

export interface WindowsFamily {
  /** The client line whose SChannel this Windows shares (Server 2008 R2 → '7', 2012 → '8.0'). */
  release: WindowsRelease;
  /** The server release, or null on a client edition. */
  server: WindowsServerRelease | null;
  /** Our own name for it, from closed tables (never a string read from the machine). */
  name: string;
  nt: string | null;
  build: number | null;
  /** Service pack number; 0 when none. */
  servicePack: number;
  arch: 'x64' | 'x86' | 'arm64' | null;
  /** A terminal server: restarting it ends every user's session. null: not known. */
  terminalServer: boolean | null;
  tls12: {
    route: Tls12Route;
    /** What must be installed first, in order, with whether it is (null: not verified). */
    updates: RequiredUpdate[];
    /** SChannel can speak TLS 1.2 at all (Server 2008 only once KB4019276 is in; null: not verified). */
    schannelHasIt: boolean | null;
    /** SChannel's TLS 1.2 client side is off unless the registry turns it on (7 / 2008 R2, 2008 SP2). */
    schannelOffByDefault: boolean;
    /** WinHTTP needs DefaultSecureProtocols with the TLS 1.2 bit (KB3140245 machines). */
    winhttpNeedsValue: boolean;
  };
}

export const CLIENT_NAMES: Record<WindowsRelease, string> = {
  xp: 'Windows XP',
  vista: 'Windows Vista',
  '7': 'Windows 7',
  '8.0': 'Windows 8',
  '8.1': 'Windows 8.1',
  '10': 'Windows 10',
  '11': 'Windows 11',
};

/** NT version → the client line and the server released with it. */
const NT_LINES: Record<string, { release: WindowsRelease; server: WindowsServerRelease | null }> = {
  '5.1': { release: 'xp', server: null },
  '5.2': { release: 'xp', server: '2003' },
  '6.0': { release: 'vista', server: '2008' },
  '6.1': { release: '7', server: '2008 R2' },
  '6.2': { release: '8.0', server: '2012' },
  '6.3': { release: '8.1', server: '2012 R2' },
};

/** Windows Server on NT 10.0, by build (first row at or below the build). */
const SERVER_10_BUILDS: readonly { build: number; server: WindowsServerRelease }[] = [
  { build: 26100, server: '2025' },
  { build: 20348, server: '2022' },
  { build: 17763, server: '2019' },
  { build: 14393, server: '2016' },
];

const ARCHES = new Set(['x64', 'x86', 'arm64']);

function parseNt(os: OsInfo): { nt: string | null; build: number | null } {
  const v = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(os.version ?? '');
  const buildText = os.build ?? v?.[3] ?? null;
  const build = buildText !== null && /^\d{3,6}$/.test(buildText) ? Number(buildText) : null;
  let nt = v ? `${Number(v[1])}.${Number(v[2])}` : null;
  if (nt === null && build !== null) {
    nt = build >= 10240 ? '10.0' : build >= 9600 ? '6.3' : build >= 9200 ? '6.2' : build >= 7600 ? '6.1' : build >= 6000 ? '6.0' : null;
  }
  // Windows 10 and later keep "6.3" for old programs: the build decides.
  if (nt !== null && /^6\./.test(nt) && build !== null && build >= 10240) nt = '10.0';
  return { nt, build };
}

/** The client line from the marketing name, when neither the NT version nor the build is known. */
function releaseFromName(name: string): WindowsRelease | null {
  const m = /Windows\s+(XP|Vista|7|8\.1|8|10|11)\b/i.exec(name);
  if (!m) return null;
  const k = m[1].toLowerCase();
  return k === 'xp' ? 'xp' : k === 'vista' ? 'vista' : k === '8' ? '8.0' : (k as WindowsRelease);
}

function serverFromName(name: string): WindowsServerRelease | null {
  const m = /Windows\s+Server\s*(?:\(R\)\s*)?(2003|2008|2012|2016|2019|2022|2025)(\s*R2)?/i.exec(name);
  if (!m) return null;
  const r = `${m[1]}${m[2] ? ' R2' : ''}`;
  return (['2003', '2008', '2008 R2', '2012', '2012 R2', '2016', '2019', '2022', '2025'] as const).find((s) => s === r) ?? null;
}

function isServer(os: OsInfo): boolean {
  if (os.productType) return os.productType === 'server';
  return /Windows\s+Server/i.test(`${os.name ?? ''} ${os.edition ?? ''}`);
}

/** "Service Pack 2" → 2; build 7601 is 7 / 2008 R2 SP1 and 6002/6003 is Vista / 2008 SP2 even with no CSDVersion. */
function servicePackOf(os: OsInfo, nt: string | null, build: number | null): number {
  const m = /Service Pack (\d+)/i.exec(`${os.servicePack ?? ''} ${os.name ?? ''}`);
  if (m) return Number(m[1]);
  // systeminformation gives "3.0" for SP3 ("0.0" when there is none).
  const bare = /^(\d+)\.\d+$/.exec((os.servicePack ?? '').trim());
  if (bare) return Number(bare[1]);
  if (nt === '6.1' && build === 7601) return 1;
  if (nt === '6.0' && (build === 6002 || build === 6003)) return 2;
  if (nt === '6.0' && build === 6001) return 1;
  return 0;
}

/** Whether an update is installed, from the installed-updates list and the dedicated checks. */
export function updateInstalled(win: WindowsTls | null | undefined, id: UpdateId): boolean | null {
  if (!win) return null;
  if (id === 'KB3140245' && win.kb3140245 !== null) return win.kb3140245;
  if (id === 'KB4019276' && win.kb4019276 !== undefined && win.kb4019276 !== null) return win.kb4019276;
  if (win.hotfixes) return win.hotfixes.some((h) => h.toUpperCase() === id);
  return null;
}

function tls12Of(
  release: WindowsRelease,
  server: WindowsServerRelease | null,
  sp: number,
  win: WindowsTls | null | undefined,
): WindowsFamily['tls12'] {
  const kb = (id: UpdateId, kind: RequiredUpdate['kind'] = 'update'): RequiredUpdate => ({
    id,
    kind,
    installed: kind === 'service-pack' ? false : updateInstalled(win, id),
  });
  const none = { updates: [], schannelHasIt: false, schannelOffByDefault: false, winhttpNeedsValue: false };
  if (release === 'xp') return { route: 'impossible', ...none };
  if (release === 'vista') {
    // Vista clients never got KB4019276; Server 2008 SP2 did (and SP2 comes first).
    if (!server) return { route: 'impossible', ...none };
    const update = kb('KB4019276');
    const has = { schannelHasIt: sp >= 2 ? update.installed : false, schannelOffByDefault: true, winhttpNeedsValue: false };
    if (sp < 2) return { route: 'service-pack-first', updates: [kb('SP2-2008', 'service-pack'), update], ...has };
    return { route: 'kb4019276', updates: [update], ...has };
  }
  const has = { schannelHasIt: true, winhttpNeedsValue: true };
  if (release === '7') {
    // SChannel has TLS 1.2 since 7 RTM (off for clients); KB3140245 installs only on SP1.
    const off = { ...has, schannelOffByDefault: true };
    if (sp < 1) return { route: 'service-pack-first', updates: [kb('KB976932', 'service-pack'), kb('KB3140245')], ...off };
    return { route: 'keys-and-update', updates: [kb('KB3140245')], ...off };
  }
  if (release === '8.0') return { route: 'winhttp-update', updates: [kb('KB3140245')], ...has, schannelOffByDefault: false };
  return { route: 'built-in', ...none, schannelHasIt: true };
}

/** The family of a Windows machine, or null when the machine is not Windows or its release is unknown. */
export function windowsFamily(os: OsInfo | null | undefined, win?: WindowsTls | null): WindowsFamily | null {
  if (!os || os.platform !== 'windows') return null;
  const { nt, build } = parseNt(os);
  const server = isServer(os);
  let release: WindowsRelease | null = null;
  let serverRelease: WindowsServerRelease | null = null;
  if (nt && NT_LINES[nt]) {
    release = NT_LINES[nt].release;
    serverRelease = server ? NT_LINES[nt].server : null;
  } else if (nt === '10.0') {
    release = build !== null && build >= 22000 ? '11' : '10';
    if (server) serverRelease = SERVER_10_BUILDS.find((r) => build !== null && build >= r.build)?.server ?? serverFromName(os.name ?? '');
  } else {
    release = releaseFromName(os.name ?? '');
    const byName = serverFromName(`${os.name ?? ''} ${os.edition ?? ''}`);
    if (byName) {
      serverRelease = byName;
      release = release ?? serverLine(byName);
    }
  }
  if (!release) return null;
  // Server 2016+ share 10's SChannel; the line of a 2022/2025 build ≥ 22000 is still "10" in behaviour.
  if (serverRelease && release === '11') release = '10';
  const sp = servicePackOf(os, nt, build);
  const arch = os.arch && ARCHES.has(os.arch) ? (os.arch as WindowsFamily['arch']) : null;
  const baseName = serverRelease ? `Windows Server ${serverRelease}` : CLIENT_NAMES[release];
  return {
    release,
    server: serverRelease,
    name: sp > 0 ? `${baseName} SP${sp}` : baseName,
    nt,
    build,
    servicePack: sp,
    arch,
    terminalServer: os.terminalServer ?? null,
    tls12: tls12Of(release, serverRelease, sp, win),
  };
}

function serverLine(s: WindowsServerRelease): WindowsRelease {
  const lines: Record<WindowsServerRelease, WindowsRelease> = {
    '2003': 'xp',
    '2008': 'vista',
    '2008 R2': '7',
    '2012': '8.0',
    '2012 R2': '8.1',
    '2016': '10',
    '2019': '10',
    '2022': '10',
    '2025': '10',
  };
  return lines[s];
}

/** The state of SChannel's TLS 1.2 client side from its two values and the family's default. */
export function schannelTls12ClientOn(
  family: Pick<WindowsFamily, 'tls12'>,
  values: { enabled: number | null; disabledByDefault: number | null },
): boolean {
  if (family.tls12.schannelHasIt === false) return false;
  if (values.enabled === 0) return false;
  if (values.disabledByDefault !== null && values.disabledByDefault !== 0) return false;
  // Where it is off by default, both values must say "on": Microsoft documents the enabled state
  // as Enabled non-zero and DisabledByDefault 0.
  if (family.tls12.schannelOffByDefault) return values.enabled !== null && values.disabledByDefault === 0;
  return true;
}

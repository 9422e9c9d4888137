// Entry point of the system inventory (issue #4): what this machine runs that decides whether a
// PEC client can speak TLS 1.2. Every fact comes from a Source (this machine, or a recorded one)
// through a pure parser, with the raw evidence kept next to it. Collectors run in parallel and
// never throw: what cannot be read is null with the reason, and listed in `errors`.
import type { Evidence } from '../util/evidence';
import type { AntivirusInfo, BrowserInfo, ClientInfo, Inventory, OsInfo, Platform, RuntimeInfo, WindowsTls } from './types';
import { BUILD_DATE } from '../version';
import { machineSource, recordedSource, type Source } from './source';
import { ErrorLog } from './probe';
import { collectWindowsOs, windowsArch, windowsReleaseOfBuild } from './windows-os';
import { collectWindowsTls } from './windows-tls';
import { collectOutlook } from './outlook';
import { collectNewOutlook } from './outlook-new';
import { collectWindowsPrograms } from './windows-programs';
import { collectAntivirus } from './antivirus';
import { collectMacOs, collectMacApps, collectMacJava } from './macos';
import { collectLinuxOs, collectLinuxPrograms } from './linux';
import { collectJava, collectOpenssl } from './runtimes';
import { clockInfo } from './clock';

export { machineSource, recordedSource };
export type { Source };

const PLATFORMS: Record<string, Platform> = { win32: 'windows', darwin: 'macos', linux: 'linux' };

export interface InventoryOptions {
  signal?: AbortSignal;
  /** Where to read from; default this machine. */
  source?: Source;
  /** Clock offset measured elsewhere (seconds), if any. */
  clockOffsetSeconds?: number | null;
}

/** Runs a collector; an unexpected exception becomes an error entry and the fallback value. */
async function guard<T>(what: string, log: ErrorLog, fallback: T, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    log.add({ source: what, error: `internal error: ${(err as Error).message}` });
    return fallback;
  }
}

function unknownOs(src: Source): OsInfo {
  return {
    platform: PLATFORMS[src.platform] ?? 'other',
    name: null,
    version: src.release || null,
    build: null,
    arch: src.processArch || null,
    evidence: [{ source: 'node:os', raw: `${src.platform} ${src.release} ${src.processArch}` }],
  };
}

interface PlatformResult {
  os: OsInfo;
  clients: ClientInfo[];
  browsers: BrowserInfo[];
  runtimes: RuntimeInfo[];
  windows: WindowsTls | null;
  antivirus: AntivirusInfo[];
  /** false when Security Center could not be read (Windows), or no antivirus check exists here (macOS, Linux). */
  antivirusChecked: boolean;
}

async function collectWindows(src: Source, log: ErrorLog): Promise<PlatformResult> {
  // systeminformation can take seconds (PowerShell): the other collectors do not wait for it.
  // os.release() already has the true build (libuv asks RtlGetVersion) and the environment the
  // architecture; only when os.release() lacks a build do the TLS settings wait for the OS read.
  const osP = guard('windows: os', log, unknownOs(src), () => collectWindowsOs(src, log));
  const arch = windowsArch(src.env, src.processArch);
  const is64 = arch === 'x64' || arch === 'arm64';
  const fromRelease = /^\d+\.\d+\.(\d+)/.exec(src.release);
  const buildOf = (os: OsInfo) => (os.build !== null && /^\d+$/.test(os.build) ? Number(os.build) : null);
  const buildP = fromRelease ? Promise.resolve(Number(fromRelease[1])) : osP.then(buildOf);
  // Client release of the build (Windows Server 2008 R2 = 7, 2012 = 8, ...): SChannel and KB3140245 go by it.
  const releaseP = buildP.then((build) => windowsReleaseOfBuild(build)?.release ?? null);
  const [os, windows, outlook, outlookNew, programs, av] = await Promise.all([
    osP,
    guard('windows: TLS settings', log, null, async () =>
      collectWindowsTls(src, log, { build: await buildP, release: await releaseP, is64 }),
    ),
    guard('windows: Outlook', log, null, () => collectOutlook(src, log, is64)),
    guard('windows: new Outlook', log, null, () => collectNewOutlook(src, log)),
    guard('windows: programs', log, { clients: [], browsers: [], runtimes: [] }, () => collectWindowsPrograms(src, log, is64)),
    guard('windows: antivirus', log, { entries: [], checked: false }, async () => {
      // Windows Server has no Security Center (its WMI namespace does not exist there): not asked.
      if ((await osP).productType === 'server') return { entries: [], checked: false };
      return collectAntivirus(src, log, (await releaseP) === 'Windows XP' ? 'SecurityCenter' : 'SecurityCenter2');
    }),
  ]);
  const runtimes = [...programs.runtimes];
  // A Java without JavaSoft keys (Adoptium, Zulu and other OpenJDK builds): ask the one on PATH.
  if (!runtimes.some((r) => r.id === 'java')) {
    const java = await guard('windows: java', log, null, () => collectJava(src));
    if (java) runtimes.push(java);
  }
  if (windows?.dotnet.version) {
    runtimes.push({
      id: 'dotnet',
      name: '.NET Framework',
      version: windows.dotnet.version,
      evidence: windows.evidence.filter((e) => /NET Framework Setup/.test(e.source)),
    });
  }
  return {
    os,
    clients: [...(outlook ? [outlook] : []), ...(outlookNew ? [outlookNew] : []), ...programs.clients],
    browsers: programs.browsers,
    runtimes,
    windows,
    antivirus: av.entries,
    antivirusChecked: av.checked,
  };
}

async function collectMac(src: Source, log: ErrorLog): Promise<PlatformResult> {
  const [os, apps, java, openssl] = await Promise.all([
    guard('macos: os', log, unknownOs(src), () => collectMacOs(src, log)),
    guard('macos: apps', log, { clients: [], browsers: [] }, () => collectMacApps(src, log)),
    guard('macos: java', log, null, () => collectMacJava(src)),
    guard('macos: openssl', log, null, () => collectOpenssl(src)),
  ]);
  // Apple Mail has no version of its own that matters: it is the OS's TLS stack.
  return {
    os,
    ...apps,
    runtimes: [java, openssl].filter((r): r is RuntimeInfo => r !== null),
    windows: null,
    antivirus: [],
    antivirusChecked: false,
  };
}

async function collectLinux(src: Source, log: ErrorLog): Promise<PlatformResult> {
  const [os, programs, java, openssl] = await Promise.all([
    guard('linux: os', log, unknownOs(src), () => collectLinuxOs(src, log)),
    guard('linux: programs', log, { clients: [], browsers: [] }, () => collectLinuxPrograms(src, log)),
    guard('linux: java', log, null, () => collectJava(src)),
    guard('linux: openssl', log, null, () => collectOpenssl(src)),
  ]);
  return {
    os,
    ...programs,
    runtimes: [java, openssl].filter((r): r is RuntimeInfo => r !== null),
    windows: null,
    antivirus: [],
    antivirusChecked: false,
  };
}

export async function collectInventory(options: InventoryOptions = {}): Promise<Inventory> {
  const src = options.source ?? machineSource({ signal: options.signal });
  const log = new ErrorLog();
  let result: PlatformResult;
  if (src.platform === 'win32') result = await collectWindows(src, log);
  else if (src.platform === 'darwin') result = await collectMac(src, log);
  else if (src.platform === 'linux') result = await collectLinux(src, log);
  else result = { os: unknownOs(src), clients: [], browsers: [], runtimes: [], windows: null, antivirus: [], antivirusChecked: false };
  let timeZone: string | null = null;
  if (!options.source) {
    try {
      timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
    } catch {
      timeZone = null;
    }
  }
  const errors: Evidence[] = log.errors;
  return {
    os: result.os,
    clients: result.clients,
    browsers: result.browsers,
    runtimes: result.runtimes,
    windows: result.windows,
    clock: clockInfo(src.now(), BUILD_DATE, options.clockOffsetSeconds ?? null, timeZone),
    antivirus: result.antivirus,
    antivirusChecked: result.antivirusChecked,
    errors,
    collectedFrom: src.label,
  };
}

// macOS: version (sw_vers), architecture, and the mail programs and browsers found as app
// bundles, read from their Info.plist.
import type { Evidence } from '../util/evidence';
import type { BrowserInfo, ClientInfo, OsInfo, RuntimeInfo } from './types';
import type { Source } from './source';
import { readText, runCommand, ErrorLog, clip } from './probe';
import { parsePlist, plistString, type PlistValue } from './plist';
import { collectJava } from './runtimes';

// Marketing names of macOS versions (Apple's release names; 10.x by minor, 11+ by major).
export const MACOS_NAMES: Record<string, string> = {
  '10.9': 'Mavericks',
  '10.10': 'Yosemite',
  '10.11': 'El Capitan',
  '10.12': 'Sierra',
  '10.13': 'High Sierra',
  '10.14': 'Mojave',
  '10.15': 'Catalina',
  '11': 'Big Sur',
  '12': 'Monterey',
  '13': 'Ventura',
  '14': 'Sonoma',
  '15': 'Sequoia',
  '26': 'Tahoe',
};

/** `sw_vers` output: "ProductName:\tMac OS X\nProductVersion:\t10.12.6\nBuildVersion:\t16G29". */
export function parseSwVers(output: string): { productName: string | null; version: string | null; build: string | null } {
  const get = (k: string) => new RegExp(`^${k}:\\s*(.+?)\\s*$`, 'm').exec(output)?.[1] ?? null;
  return { productName: get('ProductName'), version: get('ProductVersion'), build: get('BuildVersion') };
}

export function macosCodename(version: string | null): string | null {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '') ?? /^(\d+)/.exec(version ?? '');
  if (!m) return null;
  return (m[1] === '10' ? MACOS_NAMES[`10.${m[2]}`] : MACOS_NAMES[m[1]]) ?? null;
}

export function macosOsInfo(sw: ReturnType<typeof parseSwVers>, arch: string | null, kernel: string, evidence: Evidence[]): OsInfo {
  const major = sw.version ? (/^10\./.test(sw.version) ? sw.version.split('.').slice(0, 2).join('.') : sw.version.split('.')[0]) : null;
  const codename = macosCodename(sw.version);
  // Apple called it "Mac OS X" / "OS X" up to 10.11 and "macOS" from 10.12 (sw_vers keeps
  // "Mac OS X" longer); we name every version the current way.
  const name = major ? ['macOS', major, codename].filter(Boolean).join(' ') : sw.productName;
  return { platform: 'macos', name, version: sw.version, build: sw.build, arch, displayVersion: codename, kernel, evidence };
}

/** `uname -m` plus `sysctl -n hw.optional.arm64` (1 on Apple silicon, even under Rosetta). */
export function macArch(uname: string | null, arm64Flag: string | null): string | null {
  if (arm64Flag?.trim() === '1') return 'arm64';
  const u = uname?.trim();
  if (u === 'x86_64') return 'x64';
  if (u === 'arm64') return 'arm64';
  if (u === 'i386') return 'x86';
  return u || null;
}

export async function collectMacOs(src: Source, log: ErrorLog): Promise<OsInfo> {
  const [sw, uname, arm] = await Promise.all([
    runCommand(src, 'sw_vers', []),
    runCommand(src, 'uname', ['-m']),
    runCommand(src, 'sysctl', ['-n', 'hw.optional.arm64']),
  ]);
  log.add(sw.evidence);
  const evidence = [sw.evidence, uname.evidence, arm.evidence, { source: 'node:os release()', raw: src.release }];
  const facts = sw.result.ok ? parseSwVers(sw.result.stdout) : { productName: null, version: null, build: null };
  return macosOsInfo(
    facts,
    macArch(uname.result.ok ? uname.result.stdout : null, arm.result.ok ? arm.result.stdout : null) ??
      (src.processArch === 'x64' ? 'x64' : src.processArch),
    src.release,
    evidence,
  );
}

/** Reads an Info.plist (XML, or binary through plutil); null plist when the app is absent. */
export async function readInfoPlist(
  src: Source,
  file: string,
): Promise<{ plist: PlistValue | null; evidence: Evidence[]; missing: boolean }> {
  const t = await readText(src, file);
  if (t.missing || !t.bytes) return { plist: null, evidence: [t.evidence], missing: t.missing };
  let xml = t.text ?? '';
  const evidence: Evidence[] = [];
  if (t.bytes.subarray(0, 6).toString('latin1') === 'bplist') {
    const conv = await runCommand(src, 'plutil', ['-convert', 'xml1', '-o', '-', file]);
    evidence.push({ source: file, raw: '(binary plist)' }, conv.evidence);
    if (!conv.result.ok) return { plist: null, evidence, missing: false };
    xml = conv.result.stdout;
  } else {
    evidence.push({ source: file, raw: clip(xml, 4000) });
  }
  try {
    return { plist: parsePlist(xml), evidence, missing: false };
  } catch (err) {
    evidence.push({ source: file, error: `unreadable plist: ${(err as Error).message}` });
    return { plist: null, evidence, missing: false };
  }
}

// App bundles we look for, in /Applications (and ~/Applications). Paths from docs/facts/windows-and-clients.md
// §5 and §7 (Outlook, Outlook 2011, Thunderbird) and Apple's standard locations (Mail, Safari:
// /Applications before 10.15, /System/Applications or /Applications after).
export const MAC_APPS: { kind: 'client' | 'browser'; id: string; name: string; bundles: string[]; marketingName?: string }[] = [
  { kind: 'client', id: 'applemail', name: 'Apple Mail', bundles: ['/System/Applications/Mail.app', '/Applications/Mail.app'] },
  { kind: 'client', id: 'outlook-mac', name: 'Microsoft Outlook', bundles: ['/Applications/Microsoft Outlook.app'] },
  {
    kind: 'client',
    id: 'outlook-mac',
    name: 'Microsoft Outlook',
    bundles: ['/Applications/Microsoft Office 2011/Microsoft Outlook.app'],
    marketingName: '2011',
  },
  { kind: 'client', id: 'thunderbird', name: 'Mozilla Thunderbird', bundles: ['/Applications/Thunderbird.app'] },
  { kind: 'browser', id: 'safari', name: 'Safari', bundles: ['/Applications/Safari.app'] },
  { kind: 'browser', id: 'chrome', name: 'Google Chrome', bundles: ['/Applications/Google Chrome.app'] },
  { kind: 'browser', id: 'firefox', name: 'Mozilla Firefox', bundles: ['/Applications/Firefox.app'] },
  { kind: 'browser', id: 'edge', name: 'Microsoft Edge', bundles: ['/Applications/Microsoft Edge.app'] },
  { kind: 'browser', id: 'opera', name: 'Opera', bundles: ['/Applications/Opera.app'] },
];

/** Outlook 2011's own bundle version is not documented; the suite version is (§5). */
const OFFICE_2011_PLUGIN = '/Applications/Microsoft Office 2011/Office/MicrosoftComponentPlugin.framework/Versions/14/Resources/Info.plist';

export async function collectMacApps(src: Source, log: ErrorLog): Promise<{ clients: ClientInfo[]; browsers: BrowserInfo[] }> {
  const clients: ClientInfo[] = [];
  const browsers: BrowserInfo[] = [];
  const results = await Promise.all(
    MAC_APPS.map(async (app) => {
      const candidates = [...app.bundles, ...app.bundles.filter((b) => b.startsWith('/Applications/')).map((b) => `${src.homedir}${b}`)];
      const evidence: Evidence[] = [];
      for (const bundle of candidates) {
        const r = await readInfoPlist(src, `${bundle}/Contents/Info.plist`);
        evidence.push(...r.evidence);
        if (r.missing) continue;
        log.add(...r.evidence);
        return { app, bundle, plist: r.plist, evidence };
      }
      return null;
    }),
  );
  for (const r of results) {
    if (!r) continue;
    let version = plistString(r.plist, 'CFBundleShortVersionString') ?? plistString(r.plist, 'CFBundleVersion');
    const evidence = r.evidence;
    if (r.app.marketingName === '2011') {
      const suite = await readInfoPlist(src, OFFICE_2011_PLUGIN);
      evidence.push(...suite.evidence);
      version = plistString(suite.plist, 'CFBundleShortVersionString') ?? version;
    }
    if (r.app.kind === 'client') {
      const marketingName = r.app.marketingName ?? (r.app.id === 'outlook-mac' && /^14\./.test(version ?? '') ? '2011' : null);
      clients.push({ id: r.app.id, name: r.app.name, version, marketingName, installType: 'app', path: r.bundle, evidence });
    } else {
      // Firefox ESR has the same bundle; its version says "esr".
      const esr = r.app.id === 'firefox' && /esr/i.test(version ?? '');
      browsers.push({
        id: esr ? 'firefox-esr' : r.app.id,
        name: esr ? 'Mozilla Firefox ESR' : r.app.name,
        version,
        installType: 'app',
        evidence,
      });
    }
  }
  return { clients, browsers };
}

/** Java on macOS: /usr/bin/java is a stub that offers an install dialog when no JDK exists, so ask java_home first. */
export async function collectMacJava(src: Source): Promise<RuntimeInfo | null> {
  const home = await runCommand(src, '/usr/libexec/java_home', []);
  if (!home.result.ok) return null;
  return collectJava(src, `${home.result.stdout.trim()}/bin/java`, [home.evidence]);
}

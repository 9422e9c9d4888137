// Programs on Windows other than Outlook: Thunderbird, Windows Live Mail, browsers and Java.
// The Uninstall lists (the "Programs and Features" data) name almost everything with its
// version; product keys are read where they say more (Thunderbird's CurrentVersion, IE's
// svcVersion, JavaSoft).
import type { Evidence } from '../util/evidence';
import type { BrowserInfo, ClientInfo, RuntimeInfo } from './types';
import type { Source } from './source';
import { readRegKey, readRegTree, runCommand, ErrorLog } from './probe';
import { regPathKey, regString, regValue, type RegKey } from '../platform/registry';
import { powershellArgs, powershellExe, psLiteral } from './windows-commands';
import { parseFileVersion } from './outlook';

export const UNINSTALL_KEY = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';

export interface InstalledProgram {
  displayName: string;
  displayVersion: string | null;
  installLocation: string | null;
  /** Registry key of the entry, for evidence. */
  key: RegKey;
  view: 64 | 32 | null;
  hive: 'HKLM' | 'HKCU';
}

/** Entries of an Uninstall tree (reg query ...\Uninstall /s) that have a DisplayName. */
export function parseUninstall(keys: RegKey[], root: string, view: 64 | 32 | null, hive: 'HKLM' | 'HKCU'): InstalledProgram[] {
  const prefix = regPathKey(root) + '\\';
  const out: InstalledProgram[] = [];
  for (const key of keys) {
    const id = regPathKey(key.path);
    if (!id.startsWith(prefix) || id.slice(prefix.length).includes('\\')) continue;
    const name = regString(regValue(key, 'DisplayName'))?.trim();
    if (!name) continue;
    out.push({
      displayName: name,
      displayVersion: regString(regValue(key, 'DisplayVersion'))?.trim() || null,
      installLocation: regString(regValue(key, 'InstallLocation'))?.trim() || null,
      key,
      view,
      hive,
    });
  }
  return out;
}

// Uninstall DisplayName patterns of the programs we look for. Names as their installers write
// them ("Mozilla Thunderbird (x64 it)", "Mozilla Firefox 52.9.0 ESR (x86 it)", "Opera Stable
// 105.0.4970.21"); our own table, checked against the recorded fixtures.
export const WINDOWS_PROGRAMS: { kind: 'client' | 'browser'; id: string; name: string; displayName: RegExp }[] = [
  { kind: 'client', id: 'thunderbird', name: 'Mozilla Thunderbird', displayName: /^Mozilla Thunderbird\b/i },
  { kind: 'client', id: 'windowslivemail', name: 'Windows Live Mail', displayName: /^Windows Live Mail$/i },
  { kind: 'browser', id: 'chrome', name: 'Google Chrome', displayName: /^Google Chrome$/i },
  { kind: 'browser', id: 'edge', name: 'Microsoft Edge', displayName: /^Microsoft Edge$/i },
  { kind: 'browser', id: 'firefox-esr', name: 'Mozilla Firefox ESR', displayName: /^Mozilla Firefox\b.*\bESR\b/i },
  { kind: 'browser', id: 'firefox', name: 'Mozilla Firefox', displayName: /^Mozilla Firefox\b/i },
  { kind: 'browser', id: 'opera', name: 'Opera', displayName: /^Opera\b(?! GX)/i },
  { kind: 'browser', id: 'safari', name: 'Safari', displayName: /^Safari$/i },
];

/** "115.8.0 (x64 it)" → { version: "115.8.0", bitness: 64 }; "52.9.1 (it)" → 52.9.1, null. */
export function parseMozillaVersion(s: string | null): { version: string | null; bitness: 32 | 64 | null } {
  if (!s) return { version: null, bitness: null };
  const m = /^\s*([0-9][0-9A-Za-z.]*)/.exec(s);
  return { version: m ? m[1] : null, bitness: mozillaBitness(s) };
}

/** "(x64 it)" / "(x86 it)" / "(AArch64 en-US)" in Mozilla version strings and Uninstall names. */
export function mozillaBitness(s: string | null | undefined): 32 | 64 | null {
  const arch = /\((x64|x86|AArch64)\b/i.exec(s ?? '');
  return arch ? (/x86/i.test(arch[1]) ? 32 : 64) : null;
}

export interface WindowsProgramsResult {
  clients: ClientInfo[];
  browsers: BrowserInfo[];
  runtimes: RuntimeInfo[];
}

const MOZILLA_KEYS = (product: string) => [`HKLM\\SOFTWARE\\Mozilla\\${product}`, `HKCU\\Software\\Mozilla\\${product}`];

async function readMozilla(src: Source, product: string, views: (64 | 32 | undefined)[]) {
  const reads = await Promise.all([
    ...views.map((v) => readRegKey(src, MOZILLA_KEYS(product)[0], v).then((r) => ({ r, view: v ?? null }))),
    readRegKey(src, MOZILLA_KEYS(product)[1]).then((r) => ({ r, view: null as 64 | 32 | null })),
  ]);
  return reads;
}

/** Java from JavaSoft: "Java Runtime Environment" (8 and older) and "JRE"/"JDK" (9+); the highest full version among subkeys. */
export function parseJavaSoft(reads: { key: RegKey | null; subkeys: string[] }[]): string | null {
  const versions: string[] = [];
  for (const r of reads) {
    for (const sk of r.subkeys) {
      const leaf = sk.split('\\').pop() ?? '';
      if (/^\d+(\.\d+)+(_\d+)?$/.test(leaf)) versions.push(leaf);
    }
    const cur = regString(regValue(r.key, 'CurrentVersion'));
    if (cur && /^\d/.test(cur)) versions.push(cur);
  }
  const score = (v: string) =>
    v
      .replace(/^1\.(\d+)/, '$1')
      .split(/[._]/)
      .map(Number);
  versions.sort((a, b) => {
    const x = score(a);
    const y = score(b);
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (y[i] ?? -1) - (x[i] ?? -1);
    return b.length - a.length;
  });
  return versions[0] ?? null;
}

type MozillaReads = { r: { key: RegKey | null; evidence: Evidence }; view: 64 | 32 | null }[];

function entryEvidence(p: InstalledProgram): Evidence {
  return {
    source: `reg query "${p.key.path}"${p.view ? ` /reg:${p.view}` : ''}`,
    raw: [
      `DisplayName    ${p.displayName}`,
      `DisplayVersion    ${p.displayVersion ?? ''}`,
      ...(p.installLocation ? [`InstallLocation    ${p.installLocation}`] : []),
    ].join('\n'),
  };
}

/** A Mozilla program's CurrentVersion from the first view that has it. */
function mozillaOf(reads: MozillaReads, osIs64: boolean) {
  const hit = reads.find((x) => regString(regValue(x.r.key, 'CurrentVersion')));
  if (!hit) return null;
  const parsed = parseMozillaVersion(regString(regValue(hit.r.key, 'CurrentVersion')));
  return { ...parsed, bitness: parsed.bitness ?? (hit.view === 32 || !osIs64 ? 32 : null), evidence: [hit.r.evidence] };
}

/** Thunderbird: CurrentVersion in both views and HKCU, then Uninstall. */
function thunderbirdClient(reads: MozillaReads, uninstall: InstalledProgram | undefined, osIs64: boolean): ClientInfo | null {
  const tb = mozillaOf(reads, osIs64);
  if (!tb && !uninstall) return null;
  const fromUninstall = uninstall ? parseMozillaVersion(uninstall.displayVersion) : null;
  return {
    id: 'thunderbird',
    name: 'Mozilla Thunderbird',
    version: tb?.version ?? fromUninstall?.version ?? null,
    bitness: tb?.bitness ?? mozillaBitness(uninstall?.displayName) ?? (uninstall?.view === 32 ? 32 : null),
    installType: 'installer',
    path: uninstall?.installLocation ?? null,
    evidence: [...(tb?.evidence ?? []), ...(uninstall ? [entryEvidence(uninstall)] : [])],
  };
}

/** Windows Live Mail: App Paths wlmail.exe, version from the file. */
async function windowsLiveMailClient(
  src: Source,
  log: ErrorLog,
  reads: { key: RegKey | null; evidence: Evidence }[],
  uninstall: InstalledProgram | undefined,
): Promise<ClientInfo | null> {
  const wlm = reads.find((r) => regString(regValue(r.key, '')));
  if (!wlm && !uninstall) return null;
  const exe = regString(regValue(wlm?.key, ''))?.replace(/^"(.*)"$/, '$1') ?? null;
  const evidence: Evidence[] = [...(wlm ? [wlm.evidence] : []), ...(uninstall ? [entryEvidence(uninstall)] : [])];
  let version = uninstall?.displayVersion ?? null;
  if (exe) {
    const ps = await runCommand(
      src,
      powershellExe(src),
      powershellArgs(`(Get-Item -LiteralPath ${psLiteral(exe)}).VersionInfo.FileVersion`),
      {
        encoding: 'console',
      },
    );
    evidence.push(ps.evidence);
    log.add(ps.evidence);
    if (ps.result.ok) version = parseFileVersion(ps.result.stdout) ?? version;
  }
  return { id: 'windowslivemail', name: 'Windows Live Mail', version, installType: 'installer', path: exe, evidence };
}

/** Browsers from Uninstall, Firefox from its own key when Uninstall lacks it, IE from svcVersion. */
function windowsBrowsers(
  found: (id: string) => InstalledProgram[],
  firefox: { ff: MozillaReads; esr: MozillaReads },
  ieKey: { key: RegKey | null; evidence: Evidence },
  osIs64: boolean,
): BrowserInfo[] {
  const browsers: BrowserInfo[] = [];
  for (const spec of WINDOWS_PROGRAMS.filter((w) => w.kind === 'browser')) {
    const entries = found(spec.id);
    if (entries.length)
      browsers.push({
        id: spec.id,
        name: spec.name,
        version: entries[0].displayVersion,
        installType: 'installer',
        evidence: entries.map(entryEvidence),
      });
  }
  for (const [id, name, reads] of [
    ['firefox', 'Mozilla Firefox', firefox.ff],
    ['firefox-esr', 'Mozilla Firefox ESR', firefox.esr],
  ] as const) {
    const ff = mozillaOf(reads, osIs64);
    if (!ff) continue;
    const esr = id === 'firefox-esr' || /esr/i.test(ff.version ?? '');
    const realId = esr ? 'firefox-esr' : 'firefox';
    const existing = browsers.find((b) => b.id === realId);
    if (existing) existing.evidence.push(...ff.evidence);
    else
      browsers.push({
        id: realId,
        name: esr ? 'Mozilla Firefox ESR' : name,
        version: ff.version?.replace(/esr$/i, '') ?? null,
        installType: 'installer',
        evidence: ff.evidence,
      });
  }
  if (ieKey.key) {
    // IE 10+ keeps "9.10/9.11.x" in Version for old scripts: svcVersion holds the real one.
    const version = regString(regValue(ieKey.key, 'svcVersion')) ?? regString(regValue(ieKey.key, 'Version'));
    if (version) browsers.push({ id: 'ie', name: 'Internet Explorer', version, installType: null, evidence: [ieKey.evidence] });
  }
  return browsers;
}

export async function collectWindowsPrograms(src: Source, log: ErrorLog, osIs64: boolean): Promise<WindowsProgramsResult> {
  const views: (64 | 32 | undefined)[] = osIs64 ? [64, 32] : [undefined];
  const uninstallReads = await Promise.all([
    ...views.map((v) => readRegTree(src, `HKLM\\${UNINSTALL_KEY}`, v, 2000).then((r) => ({ r, view: v ?? null, hive: 'HKLM' as const }))),
    readRegTree(src, `HKCU\\${UNINSTALL_KEY}`, undefined, 2000).then((r) => ({ r, view: null, hive: 'HKCU' as const })),
  ]);
  for (const u of uninstallReads) log.add(u.r.evidence);
  const programs = uninstallReads.flatMap((u) =>
    parseUninstall(u.r.keys, `${u.hive === 'HKLM' ? 'HKEY_LOCAL_MACHINE' : 'HKEY_CURRENT_USER'}\\${UNINSTALL_KEY}`, u.view, u.hive),
  );
  const found = (id: string) => {
    const spec = WINDOWS_PROGRAMS.find((w) => w.id === id)!;
    // The first table row that matches decides (ESR before Firefox).
    return programs.filter((p) => WINDOWS_PROGRAMS.find((w) => w.displayName.test(p.displayName))?.id === spec.id);
  };

  const [tbReads, ffReads, ffEsrReads, ieRead, wlmReads, javaReads] = await Promise.all([
    readMozilla(src, 'Mozilla Thunderbird', views),
    readMozilla(src, 'Mozilla Firefox', views),
    readMozilla(src, 'Mozilla Firefox ESR', views),
    readRegKey(src, 'HKLM\\SOFTWARE\\Microsoft\\Internet Explorer', osIs64 ? 64 : undefined),
    Promise.all(views.map((v) => readRegKey(src, 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\wlmail.exe', v))),
    Promise.all(
      views.flatMap((v) =>
        ['Java Runtime Environment', 'JRE', 'Java Development Kit', 'JDK'].map((k) => readRegKey(src, `HKLM\\SOFTWARE\\JavaSoft\\${k}`, v)),
      ),
    ),
  ]);
  for (const r of [...tbReads, ...ffReads, ...ffEsrReads].map((x) => x.r)) log.add(r.evidence);
  log.add(ieRead.evidence, ...wlmReads.map((r) => r.evidence), ...javaReads.map((r) => r.evidence));

  const clients: ClientInfo[] = [];
  const tb = thunderbirdClient(tbReads, found('thunderbird')[0], osIs64);
  if (tb) clients.push(tb);
  const wlm = await windowsLiveMailClient(src, log, wlmReads, found('windowslivemail')[0]);
  if (wlm) clients.push(wlm);
  const browsers = windowsBrowsers(found, { ff: ffReads, esr: ffEsrReads }, ieRead, osIs64);
  const runtimes: RuntimeInfo[] = [];
  const java = parseJavaSoft(javaReads);
  if (java) runtimes.push({ id: 'java', name: 'Java', version: java, evidence: javaReads.filter((r) => r.key).map((r) => r.evidence) });
  return { clients, browsers, runtimes };
}

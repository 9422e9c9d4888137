// Outlook for Windows: installed or not, version, marketing name, build, bitness, Click-to-Run
// or MSI. Sources (docs/facts/windows-and-clients.md §5): HKCR\Outlook.Application\CurVer, App Paths
// OUTLOOK.EXE, Office\ClickToRun\Configuration, Office\<NN>.0\Outlook\Bitness, and the file
// version of OUTLOOK.EXE.
import type { Evidence } from '../util/evidence';
import type { ClientInfo } from './types';
import type { Source } from './source';
import { readRegKey, runCommand, ErrorLog } from './probe';
import { regString, regValue, type RegKey } from '../platform/registry';
import { powershellArgs, powershellExe, psLiteral } from './windows-commands';

// Office major version → marketing name. Source: netinvent/windows_tools KNOWN_VERSIONS and
// OpaqueMail OutlookVersions, via docs/facts/windows-and-clients.md §5. 16 is told apart below.
export const OUTLOOK_MARKETING: Record<number, string> = {
  8: '97/98',
  9: '2000',
  10: '2002 (XP)',
  11: '2003',
  12: '2007',
  14: '2010',
  15: '2013',
  16: '2016',
};

// Click-to-Run ProductReleaseIds fragments → the Office 16 product (§5: "contains 2019Volume /
// 2021Volume / 2024Volume / O365…"). First match wins: a machine with both lists the newest.
export const C2R_PRODUCTS: { match: RegExp; marketing: string }[] = [
  { match: /O365|M365|Microsoft365/i, marketing: 'Microsoft 365' },
  { match: /2024/, marketing: '2024' },
  { match: /2021/, marketing: '2021' },
  { match: /2019/, marketing: '2019' },
];

export const CURVER_KEY = 'HKCR\\Outlook.Application\\CurVer';
export const APP_PATHS_OUTLOOK = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE';
export const C2R_CONFIG_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Office\\ClickToRun\\Configuration';
/** Office 2013 Click-to-Run keeps its own configuration (with its own Platform) under Office\15.0. */
export const C2R15_CONFIG_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Office\\15.0\\ClickToRun\\Configuration';

/** Which Click-to-Run configuration describes this OUTLOOK.EXE: 2013's (…\Microsoft Office 15\root\office15\) or 2016+'s. */
export function pickC2R(exe: string | null, c2r16: RegKey | null, c2r15: RegKey | null): RegKey | null {
  if (exe && /\\root\\office15\\/i.test(exe)) return c2r15;
  if (exe) return c2r16;
  return c2r16 ?? c2r15;
}

/** "Outlook.Application.14" → 14. */
export function parseCurVer(key: RegKey | null): number | null {
  const m = /Outlook\.Application\.(\d+)/i.exec(regString(regValue(key, '')) ?? '');
  return m ? Number(m[1]) : null;
}

export interface C2RFacts {
  versionToReport: string | null;
  platform: string | null;
  productReleaseIds: string[];
  /** Products whose ExcludedApps lists outlook. */
  outlookExcludedFrom: string[];
  cdnBaseUrl: string | null;
}

export function parseC2R(key: RegKey | null): C2RFacts | null {
  if (!key) return null;
  const s = (n: string) => regString(regValue(key, n))?.trim() || null;
  const ids = (s('ProductReleaseIds') ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const excluded = ids.filter((id) =>
    (regString(regValue(key, `${id}.ExcludedApps`)) ?? '').split(',').some((a) => a.trim().toLowerCase() === 'outlook'),
  );
  return {
    versionToReport: s('VersionToReport') ?? s('ClientVersionToReport'),
    platform: s('Platform'),
    productReleaseIds: ids,
    outlookExcludedFrom: excluded,
    cdnBaseUrl: s('CDNBaseUrl'),
  };
}

/** The marketing name of an Office major version, using Click-to-Run product ids for 16. */
export function outlookMarketingName(major: number | null, c2r: C2RFacts | null): string | null {
  if (major === null) return null;
  if (major === 16 && c2r) {
    const ids = c2r.productReleaseIds.filter((id) => !c2r.outlookExcludedFrom.includes(id)).join(',');
    const hit = C2R_PRODUCTS.find((p) => p.match.test(ids));
    if (hit) return hit.marketing;
    // C2R retail ids without a year ("ProPlusRetail", "HomeBusinessRetail") are Office 2016.
  }
  return OUTLOOK_MARKETING[major] ?? null;
}

/** "14.0.7268.5000" from PowerShell's VersionInfo.FileVersion output (which may add " (build info)"). */
export function parseFileVersion(output: string): string | null {
  const m = /(\d+\.\d+\.\d+\.\d+)/.exec(output);
  return m ? m[1] : null;
}

export interface OutlookInputs {
  curVer: number | null;
  appPaths: { exe: string | null; folder: string | null; view: 64 | 32 | null }[];
  c2r: C2RFacts | null;
  /** Bitness value of Office\<NN>.0\Outlook, and the registry view it was found in. */
  msi: { bitness: string | null; view: 64 | 32 | null; found: boolean } | null;
  fileVersion: string | null;
  osIs64: boolean;
}

/** Pure: the Outlook entry from what was read, or null when Outlook is not installed. */
export function outlookClient(i: OutlookInputs, evidence: Evidence[]): ClientInfo | null {
  const app = i.appPaths.find((a) => a.exe) ?? null;
  const exe = app?.exe ?? null;
  const c2rHasOutlook = !!i.c2r && i.c2r.productReleaseIds.length > 0 && i.c2r.outlookExcludedFrom.length < i.c2r.productReleaseIds.length;
  // …\root\Office16\ (and 2013's …\Microsoft Office 15\root\office15\) is Click-to-Run's own layout, configuration read or not.
  const c2rPath = /\\root\\office\d+\\/i.test(exe ?? '');
  const isC2R = c2rPath || (!!i.c2r && !exe && c2rHasOutlook);
  const installed = !!exe || i.curVer !== null || (i.msi?.found ?? false) || c2rHasOutlook;
  if (!installed) return null;
  const version = i.fileVersion ?? (isC2R ? (i.c2r?.versionToReport ?? null) : null) ?? (i.curVer !== null ? `${i.curVer}.0` : null);
  const major = (version ? Number(version.split('.')[0]) : null) ?? i.curVer;
  let bitness: 32 | 64 | null = null;
  if (!i.osIs64) bitness = 32;
  else if (isC2R && i.c2r?.platform) bitness = /64/.test(i.c2r.platform) ? 64 : 32;
  else if (i.msi?.bitness) bitness = /64/.test(i.msi.bitness) ? 64 : 32;
  // Office 2013 Click-to-Run installs under Program Files\Microsoft Office 15 whatever its bitness: the folder tells nothing.
  else if (exe && /\\Microsoft Office 15\\root\\/i.test(exe)) bitness = null;
  else if (exe) bitness = /Program Files \(x86\)/i.test(exe) ? 32 : 64;
  else if (app?.view) bitness = app.view;
  const build = version && version.split('.').length === 4 ? version.split('.').slice(2).join('.') : null;
  return {
    id: 'outlook',
    name: 'Microsoft Outlook',
    version,
    marketingName: outlookMarketingName(major, isC2R ? i.c2r : null),
    build,
    bitness,
    channel: isC2R ? (i.c2r?.cdnBaseUrl ?? null) : null,
    installType: isC2R ? 'click-to-run' : exe || i.msi?.found ? 'msi' : null,
    path: exe,
    evidence,
  };
}

const unquote = (s: string | null) => (s ? s.trim().replace(/^"(.*)"$/, '$1') : null);

export async function collectOutlook(src: Source, log: ErrorLog, osIs64: boolean): Promise<ClientInfo | null> {
  const views: (64 | 32 | undefined)[] = osIs64 ? [64, 32] : [undefined];
  const [curVerRead, ...appReads] = await Promise.all([
    readRegKey(src, CURVER_KEY),
    ...views.map((v) => readRegKey(src, `HKLM\\${APP_PATHS_OUTLOOK}`, v)),
    readRegKey(src, `HKCU\\${APP_PATHS_OUTLOOK}`),
  ]);
  // Both views: a 32-bit Office may have written its keys to the 32-bit view only.
  const [c2rReads, c2r15Reads] = await Promise.all([
    Promise.all(views.map((v) => readRegKey(src, C2R_CONFIG_KEY, v))),
    Promise.all(views.map((v) => readRegKey(src, C2R15_CONFIG_KEY, v))),
  ]);
  const curVer = parseCurVer(curVerRead.key);
  const appPaths = appReads.map((r, idx) => ({
    exe: unquote(regString(regValue(r.key, ''))),
    folder: unquote(regString(regValue(r.key, 'Path'))),
    view: (idx < views.length ? (views[idx] ?? null) : null) as 64 | 32 | null,
  }));
  const exe = appPaths.find((a) => a.exe)?.exe ?? null;
  const c2r = parseC2R(pickC2R(exe, c2rReads.find((r) => r.key)?.key ?? null, c2r15Reads.find((r) => r.key)?.key ?? null));
  const evidence: Evidence[] = [
    curVerRead.evidence,
    ...appReads.map((r) => r.evidence),
    ...c2rReads.map((r) => r.evidence),
    ...c2r15Reads.map((r) => r.evidence),
  ];
  log.add(...evidence);

  // MSI bitness and presence: Office\<NN>.0\Outlook, native view first.
  let major = curVer;
  const fromPath = /\\Office(\d{2})\\/i.exec(exe ?? '');
  if (major === null && fromPath) major = Number(fromPath[1]);
  let msi: OutlookInputs['msi'] = null;
  if (major !== null) {
    const reads = await Promise.all(views.map((v) => readRegKey(src, `HKLM\\SOFTWARE\\Microsoft\\Office\\${major}.0\\Outlook`, v)));
    evidence.push(...reads.map((r) => r.evidence));
    log.add(...reads.map((r) => r.evidence));
    const idx = reads.findIndex((r) => r.key);
    if (idx >= 0) msi = { bitness: regString(regValue(reads[idx].key, 'Bitness')), view: views[idx] ?? null, found: true };
  }

  let fileVersion: string | null = null;
  if (exe) {
    const ps = await runCommand(
      src,
      powershellExe(src),
      powershellArgs(`(Get-Item -LiteralPath ${psLiteral(exe)}).VersionInfo.FileVersion`),
      { encoding: 'console' },
    );
    evidence.push(ps.evidence);
    log.add(ps.evidence);
    if (ps.result.ok) fileVersion = parseFileVersion(ps.result.stdout);
  }
  return outlookClient({ curVer, appPaths, c2r, msi, fileVersion, osIs64 }, evidence);
}

// The PEC providers' published minimum requirements (2019), as typed tables with their source,
// and the small helpers that place this machine's OS in them. Facts from the providers' notices
// (ITnet "adeguamento TLS 1.2" 2019; Actalis "Protocolli
// di sicurezza per la PEC e requisiti di compatibilità", September 2019; Aruba notice 2019).
// Rows marked `inferred` are our reading of a row that the providers wrote for a neighbouring
// case; the comment says which.
import type { OsInfo } from '../inventory/types';
import { atLeast, parseVersion } from './versions';
import type { WindowsFamily } from './windows-family';
import { windowsFamily } from './windows-family';

export interface Source {
  id: string;
  title: string;
  url: string | null;
}

export const SOURCES = {
  itnet2019: { id: 'itnet2019', title: 'ITnet, avviso "adeguamento TLS 1.2" (2019)', url: null },
  actalis2019: {
    id: 'actalis2019',
    title: 'Actalis, "PEC: protocolli di sicurezza e requisiti di compatibilità" (settembre 2019)',
    url: 'https://www.actalis.com/it/news/sicurezza-it/pec-protocolli-di-sicurezza-e-compatibilita',
  },
  aruba2019: {
    id: 'aruba2019',
    title: 'Aruba, "La PEC adotta il nuovo protocollo di sicurezza TLS 1.2" (2019)',
    url: 'https://aruba.it/magazine/pec/la-pec-adotta-il-nuovo-protocollo-di-sicurezza-tls-1-2.aspx',
  },
  microsoftSchannel: {
    id: 'microsoftSchannel',
    title: 'Microsoft, "Protocols in TLS/SSL (Schannel SSP)" (default protocol table per Windows version)',
    url: null,
  },
  microsoftDotnet: {
    id: 'microsoftDotnet',
    title: 'Microsoft, .NET Framework "Transport Layer Security (TLS) best practices" and release keys',
    url: null,
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

// ---------------------------------------------------------------------------------------------
// Where this machine sits: Windows release, macOS version.

export type WindowsRelease = 'xp' | 'vista' | '7' | '8.0' | '8.1' | '10' | '11';

/** macOS product version ("10.12.6", "13.4") from the version field or the name. */
export function macosVersion(os: OsInfo | null | undefined): string | null {
  if (!os || os.platform !== 'macos') return null;
  for (const candidate of [os.version, os.name]) {
    const m = /\b(1[0-9]|[2-9][0-9])\.(\d+)(?:\.(\d+))?/.exec(candidate ?? '');
    if (m && (m[1] !== '10' || Number(m[2]) >= 0)) return m[0];
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Mail clients (the providers' "Mail clients" table).

export type MailClientKey = 'ios-mail' | 'android-mail' | 'applemail' | 'outlook' | 'outlook-mac-2011' | 'thunderbird';

export interface MailClientRequirement {
  key: MailClientKey;
  client: string;
  /** Minimum client version (our coercion: Outlook 2003 = 11.0, Outlook 2011 for Mac = 14.0). */
  minClient: string | null;
  /** OS the client must run on, with inclusive bounds on the OS version. */
  os: { platform: 'ios' | 'android' | 'macos' | 'windows' | 'any'; min: string | null; max: string | null };
  /** Windows only: on Windows before 8, TLS 1.2 must be enabled in SChannel. */
  needsSchannelTls12BeforeWindows8?: boolean;
  sources: SourceId[];
}

export const MAIL_CLIENT_REQUIREMENTS: readonly MailClientRequirement[] = [
  {
    key: 'ios-mail',
    client: 'Mail (iOS)',
    minClient: null,
    os: { platform: 'ios', min: '11', max: null },
    sources: ['itnet2019', 'actalis2019'],
  },
  {
    key: 'android-mail',
    client: 'Mail (Android)',
    minClient: null,
    os: { platform: 'android', min: '5', max: null },
    sources: ['itnet2019', 'actalis2019'],
  },
  {
    key: 'applemail',
    client: 'Apple Mail',
    minClient: null,
    os: { platform: 'macos', min: '10.12', max: null },
    sources: ['itnet2019', 'actalis2019'],
  },
  // ITnet: Outlook 2003 with no OS restriction; Actalis and ITnet both add the note on Windows
  // before 8 (TLS 1.2 not enabled as shipped).
  {
    key: 'outlook',
    client: 'Outlook (Windows)',
    minClient: '11.0',
    os: { platform: 'windows', min: null, max: null },
    needsSchannelTls12BeforeWindows8: true,
    sources: ['itnet2019', 'actalis2019'],
  },
  {
    key: 'outlook-mac-2011',
    client: 'Outlook 2011 (Mac)',
    minClient: '14.0',
    os: { platform: 'macos', min: '10.11', max: '10.13' },
    sources: ['itnet2019', 'actalis2019'],
  },
  {
    key: 'thunderbird',
    client: 'Thunderbird',
    minClient: '45.6',
    os: { platform: 'any', min: null, max: null },
    sources: ['itnet2019', 'actalis2019'],
  },
];

export function mailClientRequirement(key: MailClientKey): MailClientRequirement {
  const r = MAIL_CLIENT_REQUIREMENTS.find((x) => x.key === key);
  if (!r) throw new Error(`no requirement for ${key}`);
  return r;
}

/** Whether an OS version satisfies a requirement's bounds (bounds compare on the given parts only: 10.13.6 is within max 10.13). */
export function osWithin(version: string | null, req: MailClientRequirement['os']): boolean | null {
  if (req.min === null && req.max === null) return true;
  if (version === null) return null;
  if (req.min !== null && atLeast(version, req.min) === false) return false;
  if (req.max !== null) {
    const p = parseVersion(version);
    const max = parseVersion(req.max);
    if (!p || !max) return null;
    const [vMaj, vMin] = p.semver.split('.').map(Number);
    const [mMaj, mMin] = max.semver.split('.').map(Number);
    if (vMaj > mMaj || (vMaj === mMaj && vMin > mMin)) return false;
  }
  return true;
}

/** Outlook version number → marketing name (16.0 covers 2016/2019/2021/2024/Microsoft 365). */
export function outlookMarketingName(version: string | null): string | null {
  const p = parseVersion(version);
  if (!p) return null;
  const major = Number(p.semver.split('.')[0]);
  const names: Record<number, string> = {
    8: '97',
    9: '2000',
    10: '2002',
    11: '2003',
    12: '2007',
    14: '2010',
    15: '2013',
    16: '2016 o successivo',
  };
  return names[major] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Webmail browsers (the providers' "Webmail (browser)" table).

export type WebmailOs =
  'android' | 'ios' | 'windows-phone' | 'macos' | 'windows-xp' | 'windows-7' | 'windows-8.0' | 'windows-8.1' | 'windows-10' | 'linux';

export interface WebmailRequirement {
  os: WebmailOs;
  /** Minimum OS version for the row (null: any). */
  minOs: string | null;
  /** Browser ids as the inventory names them; '*' = any browser. */
  browsers: string[];
  /** Minimum browser version; null = any version. */
  minBrowser: string | null;
  sources: SourceId[];
  /** Our extension of a published row (see comment at the row). */
  inferred?: boolean;
}

export const WEBMAIL_REQUIREMENTS: readonly WebmailRequirement[] = [
  { os: 'android', minOs: '4.4.2', browsers: ['*'], minBrowser: null, sources: ['itnet2019', 'actalis2019'] },
  { os: 'ios', minOs: null, browsers: ['*'], minBrowser: null, sources: ['itnet2019', 'actalis2019'] },
  { os: 'windows-phone', minOs: '8.1', browsers: ['ie'], minBrowser: '11', sources: ['itnet2019', 'actalis2019'] },
  { os: 'macos', minOs: '10.9', browsers: ['safari'], minBrowser: '7', sources: ['itnet2019', 'actalis2019'] },
  { os: 'macos', minOs: '10.9', browsers: ['chrome'], minBrowser: '34', sources: ['itnet2019', 'actalis2019'] },
  { os: 'macos', minOs: '10.9', browsers: ['firefox', 'firefox-esr'], minBrowser: '29', sources: ['itnet2019', 'actalis2019'] },
  { os: 'windows-xp', minOs: null, browsers: ['chrome'], minBrowser: '49', sources: ['itnet2019', 'actalis2019'] },
  { os: 'windows-xp', minOs: null, browsers: ['firefox', 'firefox-esr'], minBrowser: '49', sources: ['itnet2019', 'actalis2019'] },
  { os: 'windows-7', minOs: null, browsers: ['chrome'], minBrowser: '30', sources: ['itnet2019', 'actalis2019'] },
  // "31.3.0 ESR / 45.x": the ESR line from 31.3.0, the regular release from 45.
  { os: 'windows-7', minOs: null, browsers: ['firefox-esr'], minBrowser: '31.3.0', sources: ['itnet2019', 'actalis2019'] },
  { os: 'windows-7', minOs: null, browsers: ['firefox'], minBrowser: '45', sources: ['itnet2019', 'actalis2019'] },
  { os: 'windows-7', minOs: null, browsers: ['ie'], minBrowser: '11', sources: ['itnet2019', 'actalis2019'] },
  { os: 'windows-7', minOs: null, browsers: ['opera'], minBrowser: '17', sources: ['itnet2019', 'actalis2019'] },
  { os: 'windows-8.0', minOs: null, browsers: ['firefox', 'firefox-esr'], minBrowser: '27', sources: ['itnet2019', 'actalis2019'] },
  // Chrome and Opera bring their own TLS: the Windows 7 minimums hold on Windows 8 and 8.1 too
  // (Chrome 109, the last for 7/8/8.1, is far above them). Without these rows a Chrome 109 next
  // to Internet Explorer 10 left "no browser suits the webmail" (issue #19).
  { os: 'windows-8.0', minOs: null, browsers: ['chrome'], minBrowser: '30', sources: ['itnet2019', 'actalis2019'], inferred: true },
  { os: 'windows-8.0', minOs: null, browsers: ['opera'], minBrowser: '17', sources: ['itnet2019', 'actalis2019'], inferred: true },
  { os: 'windows-8.1', minOs: null, browsers: ['ie'], minBrowser: '11', sources: ['itnet2019', 'actalis2019'] },
  // The Windows 8 row says "minimum OS 8.0": we apply its Firefox minimum to 8.1 as well.
  {
    os: 'windows-8.1',
    minOs: null,
    browsers: ['firefox', 'firefox-esr'],
    minBrowser: '27',
    sources: ['itnet2019', 'actalis2019'],
    inferred: true,
  },
  { os: 'windows-8.1', minOs: null, browsers: ['chrome'], minBrowser: '30', sources: ['itnet2019', 'actalis2019'], inferred: true },
  { os: 'windows-8.1', minOs: null, browsers: ['opera'], minBrowser: '17', sources: ['itnet2019', 'actalis2019'], inferred: true },
  { os: 'windows-10', minOs: null, browsers: ['*'], minBrowser: null, sources: ['itnet2019', 'actalis2019'] },
  { os: 'linux', minOs: null, browsers: ['firefox', 'firefox-esr'], minBrowser: '27', sources: ['itnet2019', 'actalis2019'] },
  // Chromium is Chrome's open-source build with the same TLS stack: it gets Chrome's row.
  { os: 'linux', minOs: null, browsers: ['chrome', 'chromium'], minBrowser: '37', sources: ['itnet2019', 'actalis2019'] },
];

/** Browsers the tables name per OS where a browser that is not listed cannot be used at all. */
export const WEBMAIL_EXCLUSIVE: Partial<Record<WebmailOs, string>> = {
  'windows-xp': 'only the listed browsers (Chrome 49, Firefox 49) work on Windows XP SP3',
  'windows-8.0': 'no version of Internet Explorer qualifies on Windows 8.0',
};

export function webmailOsOf(os: OsInfo | null | undefined, family: WindowsFamily | null = windowsFamily(os)): WebmailOs | null {
  if (!os) return null;
  if (os.platform === 'macos') return 'macos';
  if (os.platform === 'linux') return 'linux';
  const w = family?.release ?? null;
  if (w === 'xp') return 'windows-xp';
  if (w === '7') return 'windows-7';
  if (w === '8.0') return 'windows-8.0';
  if (w === '8.1') return 'windows-8.1';
  if (w === '10' || w === '11') return 'windows-10';
  return null;
}

export type WebmailCheck =
  | { status: 'ok'; requirement: WebmailRequirement | null }
  | { status: 'too-old'; requirement: WebmailRequirement }
  | { status: 'not-supported'; reason: string }
  | { status: 'unknown'; reason: string };

/** Judges one browser for the providers' webmail on the given OS. */
export function checkWebmailBrowser(
  os: WebmailOs,
  osVersion: string | null,
  browserId: string,
  browserVersion: string | null,
): WebmailCheck {
  const rows = WEBMAIL_REQUIREMENTS.filter((r) => r.os === os);
  const minOs = rows.find((r) => r.minOs !== null)?.minOs ?? null;
  if (minOs !== null && osVersion !== null && atLeast(osVersion, minOs) === false) {
    return { status: 'not-supported', reason: `the tables require ${os} ${minOs} or later` };
  }
  const row = rows.find((r) => r.browsers.includes(browserId)) ?? rows.find((r) => r.browsers.includes('*'));
  if (!row) {
    const exclusive = WEBMAIL_EXCLUSIVE[os];
    if (exclusive && (os !== 'windows-8.0' || browserId === 'ie')) return { status: 'not-supported', reason: exclusive };
    return { status: 'unknown', reason: `the tables do not name ${browserId} on ${os}` };
  }
  if (row.minBrowser === null) return { status: 'ok', requirement: row };
  const ok = atLeast(browserVersion, row.minBrowser);
  if (ok === null) return { status: 'unknown', reason: 'browser version unknown' };
  return ok ? { status: 'ok', requirement: row } : { status: 'too-old', requirement: row };
}

// ---------------------------------------------------------------------------------------------
// Services integrated in company software (the providers' last table).

export interface RuntimeRequirement {
  id: 'java' | 'openssl' | 'dotnet';
  name: string;
  minimum: string;
  kind: 'java' | 'openssl' | 'generic';
  sources: SourceId[];
}

export const RUNTIME_REQUIREMENTS: readonly RuntimeRequirement[] = [
  // The providers write "8b132": build 132 of Java 8's first release (1.8.0 GA, March 2014), not
  // update 132 (8u132). Any Java 8 release meets it; Java 7 does not (issue #14).
  { id: 'java', name: 'Java', minimum: '1.8.0', kind: 'java', sources: ['itnet2019', 'actalis2019'] },
  { id: 'openssl', name: 'OpenSSL', minimum: '1.0.1h', kind: 'openssl', sources: ['itnet2019', 'actalis2019'] },
  { id: 'dotnet', name: '.NET Framework', minimum: '4.6', kind: 'generic', sources: ['itnet2019', 'actalis2019'] },
];

/** .NET Framework 4.6 as the `Release` DWORD of NDP\v4\Full (Microsoft's release-key table: 4.6 = 393295). */
export const DOTNET_46_RELEASE = 393295;

export function runtimeRequirement(id: RuntimeRequirement['id']): RuntimeRequirement {
  const r = RUNTIME_REQUIREMENTS.find((x) => x.id === id);
  if (!r) throw new Error(`no requirement for ${id}`);
  return r;
}

/** Thunderbird's security.tls.version.max values: 3 = TLS 1.2, 4 = TLS 1.3. Below 3 TLS 1.2 is off. */
export const THUNDERBIRD_TLS12 = 3;

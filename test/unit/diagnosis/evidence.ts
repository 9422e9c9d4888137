// Realistic evidence objects for the rule tests: what the inventory, account discovery and the
// probe engine report on real machines (Windows 7 SP1 with Outlook 2010, Windows 10, macOS,
// Debian), built with small overrides so each test shows only what it changes.
import type { Inventory, OsInfo, ClientInfo, BrowserInfo, RuntimeInfo, WindowsTls } from '../../../src/inventory/types';
import { CLIENT_PROFILES } from '../../../src/probe/client-profiles';
import type { Account, AccountsResult } from '../../../src/accounts/types';
import type { EndpointResult, Simulation } from '../../../src/probe/types';
import type { ReportContext, RuleInput } from '../../../src/diagnosis/types';

export const NOW = '2026-11-23T10:00:00.000Z';

export const OS = {
  xp: {
    platform: 'windows',
    name: 'Microsoft Windows XP Professional',
    version: '5.1.2600',
    build: '2600',
    servicePack: '3.0',
    arch: 'x86',
    evidence: [],
  },
  vista: { platform: 'windows', name: 'Microsoft Windows Vista Business', version: '6.0.6002', build: '6002', arch: 'x86', evidence: [] },
  win7: {
    platform: 'windows',
    name: 'Microsoft Windows 7 Professional',
    version: '6.1.7601',
    build: '7601',
    servicePack: '1.0',
    arch: 'x64',
    evidence: [],
  },
  win80: { platform: 'windows', name: 'Microsoft Windows 8 Pro', version: '6.2.9200', build: '9200', arch: 'x64', evidence: [] },
  win81: { platform: 'windows', name: 'Microsoft Windows 8.1 Pro', version: '6.3.9600', build: '9600', arch: 'x64', evidence: [] },
  win10: { platform: 'windows', name: 'Microsoft Windows 10 Pro', version: '10.0.19045', build: '19045', arch: 'x64', evidence: [] },
  win11: { platform: 'windows', name: 'Microsoft Windows 11 Pro', version: '10.0.26100', build: '26100', arch: 'x64', evidence: [] },
  mac1011: { platform: 'macos', name: 'OS X 10.11 El Capitan', version: '10.11.6', build: '15G31', arch: 'x64', evidence: [] },
  mac1012: { platform: 'macos', name: 'macOS 10.12 Sierra', version: '10.12.6', build: '16G29', arch: 'x64', evidence: [] },
  mac1014: { platform: 'macos', name: 'macOS 10.14 Mojave', version: '10.14.6', build: '18G103', arch: 'x64', evidence: [] },
  mac108: { platform: 'macos', name: 'OS X 10.8 Mountain Lion', version: '10.8.5', build: '12F45', arch: 'x64', evidence: [] },
  mac14: { platform: 'macos', name: 'macOS 14 Sonoma', version: '14.6.1', build: '23G93', arch: 'arm64', evidence: [] },
  debian: { platform: 'linux', name: 'Debian GNU/Linux 12 (bookworm)', version: '12', build: null, arch: 'x64', evidence: [] },
} satisfies Record<string, OsInfo>;

export function client(id: string, version: string | null, extra: Partial<ClientInfo> = {}): ClientInfo {
  const names: Record<string, string> = {
    outlook: 'Microsoft Outlook',
    thunderbird: 'Mozilla Thunderbird',
    applemail: 'Apple Mail',
    'outlook-mac': 'Microsoft Outlook for Mac',
    windowslivemail: 'Windows Live Mail',
  };
  return { id, name: names[id] ?? id, version, evidence: [{ source: 'test', raw: `${id} ${version}` }], ...extra };
}

export function browser(id: string, version: string | null): BrowserInfo {
  const names: Record<string, string> = {
    chrome: 'Google Chrome',
    firefox: 'Mozilla Firefox',
    'firefox-esr': 'Mozilla Firefox ESR',
    ie: 'Internet Explorer',
    opera: 'Opera',
    safari: 'Safari',
    chromium: 'Chromium',
    edge: 'Microsoft Edge',
  };
  return { id, name: names[id] ?? id, version, evidence: [] };
}

export function runtime(id: string, version: string | null): RuntimeInfo {
  return { id, name: id, version, evidence: [] };
}

/** Windows 7 SP1 as shipped: TLS 1.1/1.2 client keys absent (disabled by OS default), no KB3140245, no WinHTTP defaults. */
export function win7Tls(overrides: Partial<WindowsTls> = {}): WindowsTls {
  return {
    schannel: {
      'TLS 1.0': { enabled: null, disabledByDefault: null, effective: 'enabled' },
      'TLS 1.1': { enabled: null, disabledByDefault: null, effective: 'disabled' },
      'TLS 1.2': { enabled: null, disabledByDefault: null, effective: 'disabled' },
      'TLS 1.3': { enabled: null, disabledByDefault: null, effective: 'disabled' },
    },
    winhttp: { defaultSecureProtocols64: null, defaultSecureProtocols32: null },
    internetSettings: { hkcu: 0xa0, hklm: null },
    kb3140245: false,
    dotnet: { release: 461808, version: '4.7.2', schUseStrongCrypto: null, systemDefaultTlsVersions: null },
    evidence: [{ source: 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols /s', raw: '' }],
    ...overrides,
  };
}

/** Windows 7 after the providers' three steps. */
export function win7TlsFixed(): WindowsTls {
  const w = win7Tls({ kb3140245: true, winhttp: { defaultSecureProtocols64: 0xa00, defaultSecureProtocols32: 0xa00 } });
  w.schannel['TLS 1.2'] = { enabled: 1, disabledByDefault: 0, effective: 'enabled' };
  w.schannel['TLS 1.1'] = { enabled: 1, disabledByDefault: 0, effective: 'enabled' };
  return w;
}

export function win10Tls(): WindowsTls {
  const w = win7TlsFixed();
  w.kb3140245 = null;
  w.winhttp = { defaultSecureProtocols64: null, defaultSecureProtocols32: null };
  w.dotnet = { release: 533320, version: '4.8.1', schUseStrongCrypto: null, systemDefaultTlsVersions: null };
  return w;
}

export function inventory(os: OsInfo, extra: Partial<Inventory> = {}): Inventory {
  return {
    os,
    clients: [],
    browsers: [],
    runtimes: [],
    windows: null,
    clock: { now: NOW, buildDate: '2026-11-23', offsetSeconds: 0 },
    antivirus: [],
    errors: [],
    ...extra,
  };
}

export function account(extra: Partial<Account> = {}): Account {
  return {
    client: 'outlook',
    profile: 'Outlook',
    email: 'studio.rossi@pec.it',
    name: 'Studio Legale Rossi',
    provider: 'aruba',
    incoming: { host: 'imaps.pec.aruba.it', port: 993, protocol: 'imap', security: 'tls', userName: 'studio.rossi@pec.it' },
    outgoing: { host: 'smtps.pec.aruba.it', port: 465, protocol: 'smtp', security: 'tls', userName: 'studio.rossi@pec.it' },
    findings: [],
    evidence: [
      { source: 'HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook\\9375CFF0413111d3B88A00104B2A6676\\00000002' },
    ],
    ...extra,
  };
}

export function accounts(list: Account[], errors: AccountsResult['errors'] = []): AccountsResult {
  return { accounts: list, errors };
}

/** Every client the probe simulates (its own table), so the rules are judged against what a real probe returns. */
export const SIM_CLIENTS = CLIENT_PROFILES.map((p) => p.id);

export function sims(failing: Record<string, string> = {}): Simulation[] {
  return SIM_CLIENTS.map((c) =>
    failing[c]
      ? { client: c, name: c, ok: false, reason: failing[c] }
      : { client: c, name: c, ok: true, reason: 'handshake ok', version: 'TLSv1.2' as const, cipher: 'ECDHE-RSA-AES256-GCM-SHA384' },
  );
}

/** A healthy PEC endpoint as the probe reports it (TLS 1.2 + 1.3, valid certificate). */
export function endpoint(extra: Partial<EndpointResult> = {}): EndpointResult {
  const host = extra.host ?? 'imaps.pec.aruba.it';
  const port = extra.port ?? 993;
  return {
    host,
    port,
    protocol: 'imap',
    security: 'tls',
    url: `imaps://${host}:${port}`,
    verdict: 'ok',
    addresses: ['62.149.157.84'],
    steps: [
      { step: 'dns', status: 'ok', ms: 12 },
      { step: 'connect', status: 'ok', ms: 30 },
      { step: 'versions', status: 'ok', ms: 200 },
      { step: 'certificate', status: 'ok', ms: 5 },
      { step: 'simulation', status: 'ok', ms: 300 },
    ],
    tls: {
      versions: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true },
      ciphers: {
        'TLSv1.2': ['ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-SHA384', 'AES256-GCM-SHA384'],
      },
    },
    certificate: {
      subject: `CN=${host}`,
      issuer: 'CN=Actalis Organization Validated Server CA G3, O=Actalis S.p.A., C=IT',
      san: [host],
      validFrom: '2026-03-01T00:00:00.000Z',
      validTo: '2027-03-01T00:00:00.000Z',
      keyType: 'RSA',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      fingerprintSha256: 'AB:CD',
      trusted: true,
      trustError: null,
      hostnameMatches: true,
      interceptedBy: null,
      chain: [],
    },
    banner: '* OK IMAP ready',
    simulations: sims(),
    timings: { total: 600 },
    ...extra,
  };
}

export function context(extra: Partial<ReportContext> = {}): ReportContext {
  return { emails: [], servers: [], skipDiscovery: false, lookups: [], failures: [], ...extra };
}

export function input(extra: Partial<RuleInput> = {}): RuleInput {
  return { inventory: inventory(OS.win10), accounts: accounts([account()]), endpoints: [], context: context(), now: NOW, ...extra };
}

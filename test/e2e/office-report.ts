// A report as the real core writes it for a typical broken office: Windows 7 SP1 with Outlook
// 2010, TLS 1.2 switched off in SChannel, KB3140245 missing, an Aruba PEC account. The evidence
// is made up here; findings, fixes, links and verdict come from the real rules (buildReport)
// and the real provider catalogue (lookupAddress).
import type { Report } from '../../src/api';
import { buildReport } from '../../src/diagnosis/run';
import { lookupAddress } from '../../src/accounts/lookup';
import type { Inventory } from '../../src/inventory/types';

export const OFFICE_EMAIL = 'studio.rossi@pec.it';

export async function windows7OfficeReport(): Promise<Report> {
  const reg = (key: string, raw: string) => ({ source: `reg query "${key}"`, raw });
  const inventory: Inventory = {
    os: {
      platform: 'windows',
      name: 'Windows 7 Professional Service Pack 1',
      version: '6.1.7601',
      build: '7601',
      servicePack: 'Service Pack 1',
      edition: 'Professional',
      arch: 'x64',
      evidence: [reg('HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion', 'ProductName    REG_SZ    Windows 7 Professional\r\nCurrentBuild    REG_SZ    7601')],
    },
    clients: [
      {
        id: 'outlook',
        name: 'Microsoft Outlook',
        version: '14.0.7268.5000',
        marketingName: '2010',
        build: '7268',
        bitness: 32,
        evidence: [reg('HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\Office\\14.0\\Outlook', 'Bitness    REG_SZ    x86')],
      },
    ],
    browsers: [{ id: 'ie', name: 'Internet Explorer', version: '11.0.9600.19596', evidence: [] }],
    runtimes: [],
    windows: {
      schannel: {
        'TLS 1.0': { enabled: null, disabledByDefault: null, effective: 'enabled' },
        'TLS 1.1': { enabled: null, disabledByDefault: null, effective: 'disabled' },
        'TLS 1.2': { enabled: null, disabledByDefault: null, effective: 'disabled' },
        'TLS 1.3': { enabled: null, disabledByDefault: null, effective: 'disabled' },
      },
      winhttp: { defaultSecureProtocols64: null, defaultSecureProtocols32: null },
      internetSettings: { hkcu: 0xa80, hklm: null },
      kb3140245: false,
      dotnet: { release: 378389, version: '4.5', schUseStrongCrypto: null, systemDefaultTlsVersions: null },
      evidence: [{ source: 'reg query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client"', error: 'chiave non trovata' }],
    },
    clock: { now: '2026-11-20T09:15:00.000Z', buildDate: '2026-11-01T00:00:00.000Z', offsetSeconds: null },
    antivirus: [],
    errors: [],
  };
  const lookup = await lookupAddress(OFFICE_EMAIL);
  return buildReport({
    inventory,
    accounts: {
      accounts: [
        {
          client: 'outlook',
          profile: 'Outlook',
          isDefaultProfile: true,
          name: 'Studio Rossi',
          email: OFFICE_EMAIL,
          provider: lookup.provider?.id ?? null,
          incoming: { host: 'imaps.pec.aruba.it', port: 993, protocol: 'imap', security: 'tls', userName: OFFICE_EMAIL },
          outgoing: { host: 'smtps.pec.aruba.it', port: 465, protocol: 'smtp', security: 'tls', userName: OFFICE_EMAIL },
          findings: [],
          evidence: [{ source: 'HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook' }],
        },
      ],
      errors: [],
    },
    endpoints: [],
    context: { emails: [OFFICE_EMAIL], servers: [], skipDiscovery: false, lookups: [lookup], failures: [] },
    now: '2026-11-20T09:15:00.000Z',
  }) as Report;
}

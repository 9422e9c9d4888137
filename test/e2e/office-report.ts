// A report as the real core writes it for a typical broken office: Windows 7 SP1 with Outlook
// 2010, TLS 1.2 switched off in SChannel, KB3140245 missing, an Aruba PEC account. The machine is
// the inventory's recorded Windows 7 fixture read by the real collector; findings, fixes, links
// and verdict come from the real rules (buildReport) and provider catalogue (lookupAddress).
import type { Report } from '../../src/api';
import { buildReport } from '../../src/diagnosis/run';
import { lookupAddress } from '../../src/accounts/lookup';
import * as path from 'node:path';
import { collectInventory, recordedSource } from '../../src/inventory/index';

export const OFFICE_EMAIL = 'studio.rossi@pec.it';

export async function windows7OfficeReport(): Promise<Report> {
  // The machine as the inventory reads it from a recorded Windows 7 SP1 32-bit + Outlook 2010.
  const inventory = await collectInventory({
    source: recordedSource(path.join(__dirname, '..', 'fixtures', 'inventory', 'win7-sp1-x86-outlook2010')),
  });
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

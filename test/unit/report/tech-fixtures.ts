// Every report the technician renderers are checked on: the recorded machines
// (test/fixtures/inventory/*, judged by the real collector and rules, each with the servers of the
// sample reports so the server tables are drawn too), the saved reports (test/fixtures/reports/*,
// re-judged as "Apri un rapporto salvato" does; a file the parser refuses is skipped) and the
// sample reports of the HTML tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Report } from '../../../src/diagnosis/types';
import { buildReport, parseReportJson, reevaluate } from '../../../src/diagnosis/run';
import { collectInventory, recordedSource } from '../../../src/inventory/index';
import { discoverRecordedAccounts } from '../../../src/accounts/index';
import { deviceResults } from '../../../src/probe/simulate';
import { sampleReport, win7UntouchedReport } from './sample';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

export async function technicianFixtures(): Promise<{ name: string; report: Report }[]> {
  const out: { name: string; report: Report }[] = [
    { name: 'sample', report: sampleReport() },
    { name: 'win7-untouched', report: win7UntouchedReport() },
  ];
  // The sample's server, with the office devices and key exchange a probe of today records.
  const servers = win7UntouchedReport().endpoints.map((e) => ({
    ...e,
    devices: deviceResults(e.simulations),
    keyExchange: { dhBits: 2048, curves: ['x25519'] },
  }));
  const machines = path.join(FIXTURES, 'inventory');
  for (const name of fs.readdirSync(machines).sort()) {
    const dir = path.join(machines, name);
    const inventory = await collectInventory({ source: recordedSource(dir) });
    const accounts = await discoverRecordedAccounts(dir);
    const report = buildReport({
      inventory,
      accounts,
      endpoints: servers,
      context: { emails: [], servers: [], skipDiscovery: false, lookups: [], failures: [] },
      now: '2026-11-20T09:15:00.000Z',
    });
    out.push({ name: `inventory/${name}`, report });
  }
  const reports = path.join(FIXTURES, 'reports');
  for (const name of fs.readdirSync(reports).sort()) {
    let saved: Report;
    try {
      saved = parseReportJson(fs.readFileSync(path.join(reports, name), 'utf8'));
    } catch {
      continue; // truncated.json: refused before any renderer sees it
    }
    out.push({ name: `reports/${name}`, report: reevaluate(saved) });
  }
  return out;
}

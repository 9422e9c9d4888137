// A run on the account reader's recorded Linux home (three Thunderbird profiles, PEC accounts
// of Aruba, Legalmail and Postecert, a password in prefs.js that must never be read): every
// configured TLS endpoint is probed once, the reader's findings become catalogue findings, and
// neither the report nor its redacted form leaks what it must not.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { discoverAccounts, accountEndpoints } from '../../../src/accounts/index';
import { runDiagnosis } from '../../../src/diagnosis/run';
import { renderReportFile } from '../../../src/report/render';
import { endpointUrl } from '../../../src/probe/url';
import type { Endpoint, EndpointResult, ProbeOptions } from '../../../src/probe/types';
import { OS, endpoint, inventory } from './evidence';

const HOME = path.join(__dirname, '..', '..', 'fixtures', 'accounts', 'home-linux');
const discover = () => discoverAccounts({ env: { HOME }, platform: 'linux' });

test('accounts found in the recorded home drive the probes and the findings', async () => {
  const found = await discover();
  assert.ok(found.accounts.length >= 3, 'the fixture has several accounts');
  const expected = [...new Set(accountEndpoints(found).map((x) => endpointUrl(x.endpoint)))].sort();
  const probed: string[] = [];
  const report = await runDiagnosis(
    {},
    {
      deps: {
        collectInventory: async () => inventory(OS.debian),
        discoverAccounts: discover,
        probeEndpoint: async (e: Endpoint, _o: ProbeOptions): Promise<EndpointResult> => {
          probed.push(endpointUrl(e));
          return endpoint({ ...e, url: endpointUrl(e) });
        },
        now: () => new Date('2026-11-23T10:00:00.000Z'),
      },
    },
  );
  assert.deepEqual(probed.sort(), expected);
  // Every id the reader raised is explained by a finding of the catalogue.
  const readerIds = new Set(found.accounts.flatMap((a) => a.findings));
  const reportIds = new Set(report.findings.map((f) => f.id));
  for (const id of readerIds) assert.ok(reportIds.has(id), `${id} reaches the report`);
  assert.ok(!reportIds.has('no-pec-account-found'));
  const json = renderReportFile(report, 'json', false).content;
  assert.doesNotMatch(json, /NEVER-READ-THIS/);
  const red = renderReportFile(report, 'json', true).content;
  for (const a of found.accounts) if (a.email) assert.ok(!red.includes(a.email), `${a.email} redacted`);
  assert.doesNotMatch(red, /\/home\/mario\//);
});

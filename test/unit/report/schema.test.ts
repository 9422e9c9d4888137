// docs/report.schema.json validates real reports: a rich sample, the output of a diagnosis run
// through the real collectors of this machine (inventory, no discovery), and its redacted form;
// and it rejects broken ones (so the test can fail).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { runDiagnosis } from '../../../src/diagnosis/run';
import { renderReportFile } from '../../../src/report/render';
import type { Report } from '../../../src/diagnosis/types';
import { REPORT_SCHEMA_VERSION, VERDICT_STATUSES } from '../../../src/diagnosis/types';
import { sampleReport } from './sample';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'report.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, validateFormats: false });
const validate = ajv.compile(schema);

function assertValid(report: unknown, label: string): void {
  const ok = validate(report);
  assert.ok(ok, `${label}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  const r = report as Report;
  assert.ok(!Number.isNaN(Date.parse(r.createdAt)), 'createdAt is a date-time');
}

test('the sample report and its redacted JSON file validate', () => {
  assertValid(sampleReport(), 'sample');
  assertValid(JSON.parse(renderReportFile(sampleReport(), 'json', true).content), 'redacted');
});

test('a real run on this machine validates', async () => {
  const report = await runDiagnosis({ skipDiscovery: true });
  assertValid(JSON.parse(renderReportFile(report, 'json', false).content), 'real run');
  assert.ok(report.inventory);
  assert.ok(VERDICT_STATUSES.includes(report.verdict.status));
});

test('the schema rejects broken reports', () => {
  const r = sampleReport() as unknown as Record<string, unknown>;
  for (const broken of [
    { ...r, schemaVersion: REPORT_SCHEMA_VERSION + 1 },
    { ...r, verdict: { status: 'maybe', summary: { it: '', en: '' } } },
    { ...r, findings: [{ id: 'x', severity: 'fatal' }] },
    {
      ...r,
      findings: [
        { ...(r.findings as object[])[0], fix: { steps: [], links: [{ url: 'http://evil.example', label: { it: 'a', en: 'b' } }] } },
      ],
    },
    { ...r, accounts: { accounts: [{ ...(r.accounts as { accounts: object[] }).accounts[0], password: 'x' }], errors: [] } },
  ]) {
    assert.equal(validate(broken), false);
  }
});

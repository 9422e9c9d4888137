// Saved reports on disk: evaluate gives back the findings of the run that made them; an older
// report without `context` and with no findings is re-judged; a truncated file is refused.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReportJson, reevaluate } from '../../../src/diagnosis/run';

/** A saved file's text re-judged, as `evaluate` and "Apri un rapporto salvato" do. */
const evaluateReportJson = async (json: string) => reevaluate(parseReportJson(json));

const dir = path.join(__dirname, '..', '..', 'fixtures', 'reports');
const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');

test('win7-outlook-2010.json re-evaluates to the findings it was saved with', async () => {
  const saved = JSON.parse(read('win7-outlook-2010.json'));
  const again = await evaluateReportJson(read('win7-outlook-2010.json'));
  assert.deepEqual(again.findings, saved.findings);
  assert.deepEqual(again.verdict, saved.verdict);
});

test('a report without context and findings gets this version’s findings', async () => {
  const r = await evaluateReportJson(read('no-context-no-findings.json'));
  assert.equal(r.verdict.status, 'error');
  assert.equal(r.findings[0].id, 'win7-tls12-client-disabled');
  assert.equal(r.context?.skipDiscovery, false);
});

test('a truncated file is refused', async () => {
  await assert.rejects(evaluateReportJson(read('truncated.json')), /JSON valido/);
});

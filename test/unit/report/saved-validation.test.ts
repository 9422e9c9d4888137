// Issue #19 (saved reports) and #20.7: every reopened report is checked against
// docs/report.schema.json (compiled at build time into src/report/report-validator.generated.ts)
// at every door: `evaluate`, `fix-reg --from`, the UI's "Apri un rapporto salvato" (the core's
// evaluateReport) and a run reopened from the history. Malformed ones get "rapporto danneggiato o
// di un'altra versione" and exit code 6, never "errore interno" nor a changed verdict; deep
// nesting and oversized files are refused the same way. Real files, the CLI in process.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli } from '../../support/cli';
import { EXIT_BAD_REPORT } from '../../../src/cli/commands/check';
import { MAX_REPORT_BYTES, ReportReadError, readReportContent } from '../../../src/report/read';
import { createCore } from '../../../src/core';
import { getRun, HistoryError } from '../../../src/history/index';
import { runDiagnosis } from '../../../src/diagnosis/run';
import { renderReportFile } from '../../../src/report/render';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-saved-'));
process.env.PEC_DOCTOR_HOME = path.join(dir, 'appdata');
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const REPORTS = path.join(__dirname, '..', '..', 'fixtures', 'reports');
const win7 = () => JSON.parse(fs.readFileSync(path.join(REPORTS, 'win7-outlook-2010.json'), 'utf8'));
const DAMAGED = /rapporto danneggiato o di un'altra versione/;

/** The malformed reports of issue #19 and #20.7, each made from a real saved report. */
function malformed(): Record<string, string> {
  const cases: Record<string, (r: ReturnType<typeof win7>) => unknown> = {
    'windows: {}': (r) => ((r.inventory.windows = {}), r),
    'numeric os version': (r) => ((r.inventory.os.version = 61), r),
    'numeric app version': (r) => ((r.app.version = 1), r),
    'endpoint without tls.versions': (r) => (delete r.endpoints[0].tls.versions, r),
    'schannel: {}': (r) => ((r.inventory.windows.schannel = {}), r),
    'clients not a list': (r) => ((r.inventory.clients = 'outlook'), r),
    'account with a password': (r) => ((r.accounts = { accounts: [{ password: 'x' }], errors: [] }), r),
  };
  const out: Record<string, string> = {};
  for (const [name, make] of Object.entries(cases)) out[name] = JSON.stringify(make(win7()));
  let deep = '0';
  for (let i = 0; i < 5000; i++) deep = `[${deep}]`;
  const r = win7();
  out['5,000-deep nesting'] = JSON.stringify(r).replace('"evidence":[]', `"evidence":[${deep}]`);
  assert.ok(out['5,000-deep nesting'].includes('[[[[['));
  return out;
}

test('real saved reports pass the compiled schema: the fixtures, and a run on this machine saved as JSON, redacted and as HTML', async () => {
  for (const f of ['win7-outlook-2010.json', 'no-context-no-findings.json']) {
    assert.doesNotThrow(() => readReportContent(fs.readFileSync(path.join(REPORTS, f), 'utf8')), f);
  }
  const report = await runDiagnosis({ skipDiscovery: true });
  for (const [format, redact] of [
    ['json', false],
    ['json', true],
    ['html', false],
  ] as const) {
    const back = readReportContent(renderReportFile(report, format, redact).content);
    assert.equal(back.createdAt, report.createdAt, `${format}${redact ? ' redacted' : ''}`);
  }
});

test('the report of every recorded machine (check --machine … --json) reopens: the schema is not stricter than our own reports', async () => {
  const machines = path.join(__dirname, '..', '..', 'fixtures', 'inventory');
  for (const name of fs.readdirSync(machines)) {
    const r = await cli('check', '--machine', path.join(machines, name), '--no-discovery', '--json');
    assert.notEqual(r.code, 2, `${name}: ${r.err}`);
    assert.doesNotThrow(() => readReportContent(r.out), name);
  }
});

test('evaluate and fix-reg --from: every malformed report is "danneggiato o di un’altra versione", exit 6, never "errore interno"', async () => {
  for (const [name, content] of Object.entries(malformed())) {
    const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
    fs.writeFileSync(file, content);
    for (const args of [
      ['evaluate', file],
      ['fix-reg', path.join(dir, 'x.reg'), '--from', file],
    ]) {
      const r = await cli(...args);
      assert.equal(r.code, EXIT_BAD_REPORT, `${name} (${args[0]}): ${r.err}`);
      assert.match(r.err, DAMAGED, name);
      assert.doesNotMatch(r.err, /errore interno/, name);
      assert.equal(r.out, '', `${name}: no verdict printed`);
    }
    assert.ok(!fs.existsSync(path.join(dir, 'x.reg')));
  }
});

test('the exit code of a damaged report is documented in --help and docs/cli.md', async () => {
  const help = await cli('evaluate', '--help');
  assert.match(help.out, /6 {2}rapporto danneggiato o di un'altra versione/);
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'cli.md'), 'utf8');
  assert.match(doc, /\| 6 \|[^\n]*danneggiato/);
});

test('the UI door (the core’s evaluateReport) and a run reopened from the history refuse them the same way', async () => {
  const core = createCore({ host: 'web', emit: () => undefined, history: { dir: path.join(dir, 'h') } });
  fs.mkdirSync(path.join(dir, 'h'));
  let i = 0;
  for (const [name, content] of Object.entries(malformed())) {
    await assert.rejects(core.evaluateReport(content), (e: unknown) => e instanceof ReportReadError && DAMAGED.test(e.text.it), name);
    const id = `20261123-1000${String(i++).padStart(2, '0')}-damage`;
    fs.writeFileSync(path.join(dir, 'h', `${id}.json`), content);
    await assert.rejects(
      getRun(id, { dir: path.join(dir, 'h') }),
      (e: unknown) => e instanceof HistoryError && DAMAGED.test(e.text.it),
      name,
    );
  }
});

test(`one size cap for reports (${MAX_REPORT_BYTES / 1024 / 1024} MB): a 25 MB report is refused in plain words`, async () => {
  assert.equal(MAX_REPORT_BYTES, 20 * 1024 * 1024);
  const r = win7();
  r.inventory.os.evidence = [{ source: 'padding', raw: 'x'.repeat(25 * 1024 * 1024) }];
  const file = path.join(dir, 'big.json');
  fs.writeFileSync(file, JSON.stringify(r));
  const out = await cli('evaluate', file);
  assert.equal(out.code, EXIT_BAD_REPORT);
  assert.match(out.err, /troppo grande \(25 MB, oltre 20 MB\)/);
  assert.throws(() => readReportContent(JSON.stringify(r)), /troppo grande/);
});

test('the committed validator is what the build script generates from docs/report.schema.json', async () => {
  const script = path.join(__dirname, '..', '..', '..', 'scripts', 'build-report-validator.mjs');
  const { generate, OUTPUT } = (await import(pathToFileURL(script).href)) as { generate: () => Promise<string>; OUTPUT: string };
  assert.equal(fs.readFileSync(OUTPUT, 'utf8'), await generate(), 'run: node scripts/build-report-validator.mjs');
  // No run-time dependency: the generated code imports nothing.
  assert.doesNotMatch(fs.readFileSync(OUTPUT, 'utf8'), /\brequire\(|^import /m);
});

// The check, evaluate and fix-reg commands through the real CLI entry (in process).
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderReportFile } from '../../../src/report/render';
import { sampleReport } from './sample';
import { cli } from '../../support/cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-cli-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));


test('fix-reg writes the UTF-16LE file and never overwrites without --force', async () => {
  const file = path.join(dir, 'tls12.reg');
  const r = await cli('fix-reg', file);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Non è stato applicato nulla/);
  const buf = fs.readFileSync(file);
  assert.deepEqual([...buf.subarray(0, 2)], [0xff, 0xfe]);
  assert.ok(buf.subarray(2).toString('utf16le').startsWith('Windows Registry Editor Version 5.00\r\n'));
  fs.writeFileSync(file, 'mine');
  const again = await cli('fix-reg', file);
  assert.equal(again.code, 1);
  assert.match(again.err, /esiste già.*--force/);
  assert.equal(fs.readFileSync(file, 'utf8'), 'mine', 'left untouched');
  const forced = await cli('fix-reg', file, '--force', '--json');
  assert.equal(forced.code, 0);
  assert.equal(JSON.parse(forced.out).applied, false);
  assert.notEqual(fs.readFileSync(file, 'utf8'), 'mine');
  assert.equal((await cli('fix-reg')).code, 2, 'missing file name is bad usage');
});

test('evaluate re-runs the rules on a saved report; corrupt files give a clear message and exit 1', async () => {
  const saved = path.join(dir, 'saved.json');
  const report = sampleReport();
  fs.writeFileSync(saved, renderReportFile(report, 'json', false).content);
  const human = await cli('evaluate', saved);
  assert.equal(human.code, 1, 'error verdict');
  assert.match(human.out, /rivalutato con PEC Doctor/);
  assert.match(human.out, /\[PROBLEMA\] Il tuo Outlook su Windows 7 non può usare TLS 1\.2/);
  assert.match(human.out, /MicrosoftEasyFix51044\.msi/);
  const json = await cli('evaluate', saved, '--json');
  assert.deepEqual(JSON.parse(json.out).findings, report.findings);
  const red = await cli('evaluate', saved, '--json', '--redact');
  assert.ok(!red.out.includes('avv.mario.rossi'));

  const corrupt = path.join(dir, 'corrupt.json');
  fs.writeFileSync(corrupt, renderReportFile(report, 'json', false).content.slice(0, 500));
  const c = await cli('evaluate', corrupt);
  assert.equal(c.code, 1);
  assert.match(c.err, /non è un rapporto valido: il file non è un JSON valido/);
  const foreign = path.join(dir, 'package.json');
  fs.writeFileSync(foreign, '{"name":"x"}');
  assert.match((await cli('evaluate', foreign)).err, /schemaVersion/);
  const missing = await cli('evaluate', path.join(dir, 'nope.json'));
  assert.equal(missing.code, 1);
  assert.match(missing.err, /il file non esiste/);
  assert.equal((await cli('evaluate')).code, 2);
  assert.equal((await cli('evaluate', 'a.json', 'b.json')).code, 2);
});

test('check: bad usage exits 2 before any work', async () => {
  for (const args of [['--timeout', 'abc'], ['--server', 'ftp://x'], ['--email', 'not-an-address'], ['--bogus'], ['extra']]) {
    const r = await cli('check', '--no-discovery', ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.doesNotMatch(r.err, /controllo in corso/);
  }
});

test('check on this machine: JSON report with a verdict, HTML file, exit code from the verdict', async () => {
  const html = path.join(dir, 'r.html');
  const r = await cli('check', '--no-discovery', '--json', '--html', html);
  const report = JSON.parse(r.out);
  assert.equal(report.schemaVersion, 1);
  assert.ok(report.inventory.os.platform);
  assert.ok(['ok', 'warning', 'error'].includes(report.verdict.status));
  assert.equal(r.code, report.verdict.status === 'ok' ? 0 : 1);
  assert.match(r.err, /Sistema operativo e impostazioni TLS/);
  assert.match(fs.readFileSync(html, 'utf8'), /PEC Doctor — rapporto di diagnosi/);
  const human = await cli('check', '--no-discovery');
  assert.match(human.out, /^\nPEC Doctor .*\n\nESITO: /);
  assert.equal(human.code, r.code);
});

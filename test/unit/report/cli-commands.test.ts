// The check, evaluate, fix-reg and history commands through the real CLI entry (in process).
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderReportFile } from '../../../src/report/render';
import { sampleReport, win7UntouchedReport } from './sample';
import { cli } from '../../support/cli';
import { saveRun } from '../../../src/history/index';
import { REPORT_SCHEMA_VERSION, type VerdictStatus } from '../../../src/diagnosis/types';
import { EXIT_BAD_REPORT, EXIT_CODES } from '../../../src/cli/commands/check';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-cli-'));
// The run history of these commands goes to a temporary app-data folder, never the user's.
process.env.PEC_DOCTOR_HOME = path.join(dir, 'appdata');
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'inventory');
const utf16 = (file: string) => {
  const buf = fs.readFileSync(file);
  assert.deepEqual([...buf.subarray(0, 2)], [0xff, 0xfe], `${file}: UTF-16LE BOM`);
  const s = buf.subarray(2).toString('utf16le');
  assert.ok(s.startsWith('Windows Registry Editor Version 5.00\r\n'));
  return s;
};

test('fix-reg on a recorded 32-bit Windows 7: the fix and its undo, no Wow6432Node, never overwritten without --force', async () => {
  const file = path.join(dir, 'tls12.reg');
  const undo = path.join(dir, 'tls12-annulla.reg');
  const r = await cli('fix-reg', file, '--machine', path.join(FIXTURES, 'win7-sp1-x86-outlook2010'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Non è stato applicato nulla/);
  assert.match(r.out, /Per annullarla \/ undo file: +\S*tls12-annulla\.reg/);
  const fix = utf16(file);
  const back = utf16(undo);
  for (const s of [fix, back]) assert.doesNotMatch(s, /Wow6432Node/);
  assert.match(
    fix,
    /\[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1\.2\\Client\]\r\n"Enabled"=dword:00000001\r\n"DisabledByDefault"=dword:00000000/,
  );
  assert.match(
    fix,
    /\[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp\]\r\n"DefaultSecureProtocols"=dword:00000800/,
  );
  assert.match(fix, /reg export/);
  // The untouched machine had no such values: the undo deletes them.
  assert.match(
    back,
    /\[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1\.2\\Client\]\r\n"Enabled"=-\r\n"DisabledByDefault"=-/,
  );

  // Either file existing stops the command before anything is written.
  fs.writeFileSync(undo, 'mine');
  const again = await cli('fix-reg', file, '--machine', path.join(FIXTURES, 'win7-sp1-x86-outlook2010'));
  assert.equal(again.code, 1);
  assert.match(again.err, /esiste già.*--force/);
  assert.equal(fs.readFileSync(undo, 'utf8'), 'mine', 'left untouched');
  const forced = await cli('fix-reg', file, '--machine', path.join(FIXTURES, 'win7-sp1-x86-outlook2010'), '--force', '--json');
  assert.equal(forced.code, 0, forced.err);
  const j = JSON.parse(forced.out);
  assert.equal(j.applied, false);
  assert.equal(j.undo, undo);
  assert.notEqual(fs.readFileSync(undo, 'utf8'), 'mine');
  assert.equal((await cli('fix-reg', '--machine', path.join(dir, 'nowhere'))).code, 2, 'not a recorded machine: bad usage');
  assert.equal((await cli('fix-reg', '--from', 'a.json', '--machine', FIXTURES)).code, 2);
});

test('fix-reg on a recorded 64-bit Windows 7: both registry views', async () => {
  const file = path.join(dir, 'x64.reg');
  const r = await cli('fix-reg', file, '--machine', path.join(FIXTURES, 'win7-sp1-x64-powershell2-it'));
  assert.equal(r.code, 0, r.err);
  assert.match(
    utf16(file),
    /\[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp\]/,
  );
});

test('fix-reg --from a saved HTML or JSON report; a foreign file is refused in plain words; a Mac needs no fix', async () => {
  const html = path.join(dir, 'win7.html');
  fs.writeFileSync(html, renderReportFile(win7UntouchedReport(), 'html', false).content);
  const out = path.join(dir, 'from-html.reg');
  const r = await cli('fix-reg', out, '--from', html);
  assert.equal(r.code, 0, r.err);
  assert.match(utf16(out), /pratica PEC-[A-Z0-9]{3}-[A-Z0-9]{3}/);
  assert.ok(fs.existsSync(path.join(dir, 'from-html-annulla.reg')));
  const foreign = path.join(dir, 'foreign.html');
  fs.writeFileSync(foreign, '<!DOCTYPE html><html><body>ciao</body></html>');
  const bad = await cli('fix-reg', path.join(dir, 'x.reg'), '--from', foreign);
  assert.equal(bad.code, EXIT_BAD_REPORT);
  assert.match(bad.err, /non è un rapporto di PEC Doctor/);
  assert.ok(!fs.existsSync(path.join(dir, 'x.reg')));
  // This machine (Linux) or a recorded Mac: nothing to write, and it says why.
  const mac = await cli('fix-reg', path.join(dir, 'mac.reg'), '--machine', path.join(FIXTURES, 'macos-15-arm64'), '--json');
  assert.equal(mac.code, 0, mac.err);
  assert.equal(JSON.parse(mac.out).status, 'not-needed');
  assert.ok(!fs.existsSync(path.join(dir, 'mac.reg')));
});

test('evaluate reads JSON and our HTML alike; damaged and foreign files get a plain message and exit 6 (EXIT_BAD_REPORT)', async () => {
  const saved = path.join(dir, 'saved.json');
  const savedHtml = path.join(dir, 'saved.html');
  const report = sampleReport();
  fs.writeFileSync(saved, renderReportFile(report, 'json', false).content);
  fs.writeFileSync(savedHtml, renderReportFile(report, 'html', false).content);
  const human = await cli('evaluate', saved);
  assert.match(human.out, /Rapporto del 23\/11\/2026, \d\d:00 .*rivalutato con PEC Doctor/);
  assert.match(human.out, /ESITO: La PEC è bloccata su questo computer[^]*\[PROBLEMA\][^]*KB3140245/);
  assert.equal(human.code, EXIT_CODES.error);
  const json = await cli('evaluate', saved, '--json');
  assert.deepEqual(JSON.parse(json.out).findings, JSON.parse(JSON.stringify(report.findings)));
  const fromHtml = await cli('evaluate', savedHtml, '--json');
  assert.equal(fromHtml.code, EXIT_CODES.error, fromHtml.err);
  assert.deepEqual(JSON.parse(fromHtml.out).findings, JSON.parse(json.out).findings);
  const red = await cli('evaluate', saved, '--json', '--redact');
  assert.ok(!red.out.includes('avv.mario.rossi'));

  const corrupt = path.join(dir, 'corrupt.json');
  fs.writeFileSync(corrupt, renderReportFile(report, 'json', false).content.slice(0, 500));
  const c = await cli('evaluate', corrupt);
  assert.equal(c.code, EXIT_BAD_REPORT);
  assert.match(c.err, /il file è danneggiato o incompleto/);
  assert.doesNotMatch(c.err, /Unexpected|position/);
  const foreign = path.join(dir, 'package.json');
  fs.writeFileSync(foreign, '{"name":"x"}');
  assert.match((await cli('evaluate', foreign)).err, /non è un rapporto di PEC Doctor/);
  const missing = await cli('evaluate', path.join(dir, 'nope.json'));
  assert.equal(missing.code, EXIT_BAD_REPORT);
  assert.match(missing.err, /il file non esiste/);
  assert.equal((await cli('evaluate')).code, 2);
  assert.equal((await cli('evaluate', 'a.json', 'b.json')).code, 2);
});

test('evaluate --html never overwrites an existing file without --force', async () => {
  const saved = path.join(dir, 'ev.json');
  fs.writeFileSync(saved, renderReportFile(sampleReport(), 'json', false).content);
  const out = path.join(dir, 'ev.html');
  fs.writeFileSync(out, 'mine');
  const r = await cli('evaluate', saved, '--html', out);
  assert.equal(r.code, 1);
  assert.match(r.err, /esiste già.*--force/);
  assert.equal(fs.readFileSync(out, 'utf8'), 'mine');
  const forced = await cli('evaluate', saved, '--html', out, '--force');
  assert.equal(forced.code, EXIT_CODES.error, 'error verdict');
  assert.match(fs.readFileSync(out, 'utf8'), /id="pec-doctor-report"/);
});

test('history: list, show, compare, delete, delete --all; bad usage exits 2', async () => {
  const empty = await cli('history');
  assert.equal(empty.code, 0, empty.err);
  assert.match(empty.out, /Controlli salvati: 0/);
  const a = saveRun({ ...win7UntouchedReport(), createdAt: '2026-11-23T09:00:00.000Z' });
  const b = saveRun(win7UntouchedReport());
  const list = await cli('history', 'list');
  assert.match(list.out, /Controlli salvati: 2/);
  assert.ok(list.out.indexOf(b.id) < list.out.indexOf(a.id), 'newest first');
  assert.deepEqual(
    JSON.parse((await cli('history', '--json')).out).runs.map((r: { id: string }) => r.id),
    [b.id, a.id],
  );
  const show = await cli('history', 'show', b.id);
  assert.match(show.out, /ESITO/);
  const cmp = await cli('history', 'compare', a.id, b.id);
  assert.equal(cmp.code, 0, cmp.err);
  assert.match(cmp.out, /Risolti: \d+[^]*Ancora presenti: \d+[^]*Nuovi: \d+/);
  const cj = JSON.parse((await cli('history', 'compare', a.id, b.id, '--json')).out);
  assert.deepEqual(Object.keys(cj).sort(), ['added', 'after', 'before', 'fixed', 'remaining', 'sameChecks']);
  assert.equal(cj.sameChecks, true);
  const unknown = await cli('history', 'show', '20990101-000000-zzzzzz');
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /non è nella cronologia/);
  for (const args of [['bogus'], ['show'], ['compare', a.id], ['delete'], ['list', '--all'], ['delete', a.id, '--all']]) {
    assert.equal((await cli('history', ...args)).code, 2, args.join(' '));
  }
  assert.match((await cli('history', 'delete', a.id, '--yes')).out, /Controlli cancellati: 1/);
  assert.match((await cli('history', 'delete', '--all', '--yes')).out, /Controlli cancellati: 1/);
  assert.match((await cli('history')).out, /Controlli salvati: 0/);
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
  assert.equal(report.schemaVersion, REPORT_SCHEMA_VERSION);
  assert.ok(report.inventory.os.platform);
  assert.ok(typeof report.verdict.status === 'string');
  assert.equal(r.code, EXIT_CODES[report.verdict.status as VerdictStatus]);
  assert.match(r.err, /Sistema operativo e impostazioni TLS/);
  assert.match(fs.readFileSync(html, 'utf8'), /PEC Doctor — rapporto di diagnosi/);
  // The round trip: the saved HTML re-evaluates to the same findings as the JSON of the run.
  const again = await cli('evaluate', html, '--json');
  assert.equal(again.code, r.code, again.err);
  assert.deepEqual(JSON.parse(again.out).findings, report.findings);
  assert.equal(JSON.parse(again.out).caseCode, report.caseCode);
  const human = await cli('check', '--no-discovery');
  assert.match(human.out, /^\nPEC Doctor .*\n\nESITO: /);
  assert.equal(human.code, r.code);
});

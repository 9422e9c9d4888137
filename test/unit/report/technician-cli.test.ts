// `--tecnico` (alias `--technician`) on `check` and `evaluate`, through the real CLI entry (in
// process): after the verdict, the technician's detail as text, the very lines the console
// renderer draws from the technician model (the same rows as the HTML report and the UI).
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli } from '../../support/cli';
import { renderReportFile } from '../../../src/report/render';
import { renderTechnicianConsole } from '../../../src/report/console';
import { evaluateSavedReport, readReportFile } from '../../../src/report/read';
import type { Report } from '../../../src/diagnosis/types';
import { sampleReport } from './sample';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-tech-cli-'));
process.env.PEC_DOCTOR_HOME = path.join(dir, 'appdata');
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADING = 'DETTAGLI PER IL TECNICO';

test('evaluate --tecnico prints the technician detail of the re-judged report; --technician is the same; without it, none', async () => {
  const saved = path.join(dir, 'rapporto.json');
  fs.writeFileSync(saved, renderReportFile(sampleReport(), 'json', false).content);
  const expected = renderTechnicianConsole(evaluateSavedReport(await readReportFile(saved)));

  const it = await cli('evaluate', saved, '--tecnico');
  assert.equal(it.err, '');
  assert.ok(it.out.includes(`\n${expected}\n`), it.out);
  // The verdict first, then the detail with the server's address, its steps and the accounts.
  assert.ok(it.out.indexOf('ESITO') < it.out.indexOf(HEADING));
  assert.match(it.out, /^ {2}Server \(host:porta\) \| imaps\.pec\.aruba\.it:993$/m);
  assert.match(it.out, /^ {2}Ricerca del server \(DNS\) \| riuscito \|/m);
  assert.match(it.out, /^ {2}Tempi \(ms\) \| /m);

  const en = await cli('evaluate', saved, '--technician');
  assert.equal(en.out, it.out);
  assert.equal(en.code, it.code);

  const plain = await cli('evaluate', saved);
  assert.equal(plain.code, it.code);
  assert.ok(!plain.out.includes(HEADING));
  // --json is the report itself, with or without the flag.
  assert.equal((await cli('evaluate', saved, '--json', '--tecnico')).out, (await cli('evaluate', saved, '--json')).out);
});

test('check --tecnico on a recorded Windows 7: the technician detail follows the verdict, TLS 1.2 off marked decisive', async () => {
  const machine = path.join(__dirname, '..', '..', 'fixtures', 'inventory', 'win7-sp1-x86-outlook2010');
  const r = await cli('check', '--machine', machine, '--no-discovery', '--tecnico');
  const json = await cli('check', '--machine', machine, '--no-discovery', '--json');
  assert.equal(r.code, json.code, r.err);
  const tech = r.out.slice(r.out.indexOf(HEADING));
  assert.ok(r.out.indexOf('ESITO') < r.out.indexOf(HEADING), r.out);
  // Line for line the console renderer's own output for this report; two runs differ only in
  // their time and their case code.
  const steady = (lines: string[]) => lines.filter((l) => !/^ {2}(Creato il|Ora del computer|Codice pratica) \| /.test(l));
  const expected = steady(renderTechnicianConsole(JSON.parse(json.out) as Report).split('\n'));
  assert.ok(expected.length > 40, `${expected.length} lines`);
  assert.deepEqual(steady(tech.trimEnd().split('\n')), expected);
  assert.match(
    tech,
    /^ {2}TLS 1\.2 \| assente \(valore non impostato\) \| assente \(valore non impostato\) \| disattivato \| .*\[DECISIVO\]$/m,
  );
  assert.ok(!r.out.includes('Per il tecnico: pec-doctor check --tecnico'));
  const plain = await cli('check', '--machine', machine, '--no-discovery');
  assert.ok(!plain.out.includes(HEADING));
  assert.match(plain.out, /Per il tecnico: pec-doctor check --tecnico/);
});

// Issue #20.6 and #19 (history): future-dated runs do not push new ones out; a history folder
// that is a link is never written or pruned through; stored strings print escaped; a reopened run
// is re-derived from our catalogue; runs of different servers are "different checks", never
// "Risolti"; rows say what was checked; delete asks first. Real files in a temporary folder, the
// CLI in process, a real saved report (test/fixtures/reports/win7-outlook-2010.json).
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HISTORY_LIMIT, HistoryError, compareRuns, deleteRuns, getRun, listRuns, recordRun, saveRun } from '../../../src/history/index';
import type { Report } from '../../../src/diagnosis/types';
import { cli } from '../../support/cli';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-history-hard-'));
process.env.PEC_DOCTOR_HOME = path.join(root, 'appdata');
const cliHistory = path.join(root, 'appdata', 'history');
after(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(root, `h${++n}`);

const WIN7 = path.join(__dirname, '..', '..', 'fixtures', 'reports', 'win7-outlook-2010.json');
const win7 = (): Report => JSON.parse(fs.readFileSync(WIN7, 'utf8')) as Report;
const at = (r: Report, iso: string): Report => ({ ...r, createdAt: iso });

test('20 runs dated in the future do not make a new run vanish; they are pruned first', async () => {
  const dir = freshDir();
  fs.mkdirSync(dir, { recursive: true });
  const stored = JSON.stringify(win7());
  for (let i = 0; i < HISTORY_LIMIT; i++)
    fs.writeFileSync(path.join(dir, `20990101-0000${String(i).padStart(2, '0')}-future.json`), stored);
  const saved = saveRun(at(win7(), new Date().toISOString()), { dir });
  const { runs } = await listRuns({ dir });
  assert.ok(
    runs.some((r) => r.id === saved.id),
    'the run just saved is kept',
  );
  assert.equal(runs.length, HISTORY_LIMIT);
  // A run whose own date is in the future is named by the time it was saved, not by that date.
  const skewed = saveRun(at(win7(), '2099-12-31T00:00:00.000Z'), { dir });
  assert.match(skewed.id, new RegExp(`^${new Date().getUTCFullYear()}`));
  assert.ok(
    (await listRuns({ dir })).runs.some((r) => r.id === saved.id),
    'the real runs outlive the planted future ones',
  );
});

test('a history folder that is a link is refused: nothing written, listed, pruned or deleted through it', async () => {
  const elsewhere = path.join(root, 'elsewhere');
  fs.mkdirSync(elsewhere);
  const lookAlikes = Array.from({ length: HISTORY_LIMIT + 3 }, (_, i) => `202601${String(i + 1).padStart(2, '0')}-000000-aaaaaa.json`);
  for (const f of lookAlikes) fs.writeFileSync(path.join(elsewhere, f), 'the user’s own file');
  const dir = freshDir();
  fs.symlinkSync(elsewhere, dir);
  const r = recordRun(win7(), { dir });
  assert.ok('error' in r && /non è una cartella vera/.test(r.error), JSON.stringify(r));
  await assert.rejects(listRuns({ dir }), (e: unknown) => e instanceof HistoryError && /collegamento/.test(e.text.it));
  assert.throws(() => deleteRuns('all', { dir }), HistoryError);
  assert.deepEqual(fs.readdirSync(elsewhere).sort(), lookAlikes.sort(), 'every file of the linked folder is still there');
});

test('a run reopened from the history is re-derived: the report’s own webmail link and provider name never come back', async () => {
  const dir = freshDir();
  fs.mkdirSync(dir);
  const forged = win7();
  const lookup = forged.context!.lookups[0];
  lookup.provider = { id: 'aruba', name: 'Aruba PEC (assistenza: chiama 899 000 000)', webmail: 'https://evil.example/login' };
  for (const p of forged.plans ?? []) if (p.stopGap) p.stopGap = { ...p.stopGap, url: 'https://evil.example/login', providerName: 'Evil' };
  const id = '20261123-100000-forged';
  fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(forged));
  const back = await getRun(id, { dir });
  const text = JSON.stringify(back);
  assert.ok(!text.includes('evil.example'), 'no link from the file');
  assert.ok(!text.includes('899 000 000'), 'no provider name from the file');
  assert.equal(back.context?.lookups[0].provider?.webmail, 'https://webmail.pec.it');
});

test('runs of different servers are different checks: no "Risolti", in the core and in the CLI', async () => {
  fs.rmSync(cliHistory, { recursive: true, force: true });
  const a = saveRun(at(win7(), '2026-11-23T10:00:00.000Z'));
  const other = win7();
  other.endpoints = other.endpoints.map((e) => ({
    ...e,
    host: 'imap.altro-gestore.example',
    url: 'imaps://imap.altro-gestore.example:993',
  }));
  other.findings = other.findings.filter((f) => f.id !== 'win7-kb3140245-missing');
  const b = saveRun(at(other, '2026-11-23T11:00:00.000Z'));
  const c = await compareRuns(a.id, b.id);
  assert.equal(c.sameChecks, false);
  assert.deepEqual([c.fixed, c.remaining, c.added], [[], [], []]);
  const out = await cli('history', 'compare', a.id, b.id);
  assert.equal(out.code, 0, out.err);
  assert.match(out.out, /Sono controlli diversi/);
  assert.doesNotMatch(out.out, /Risolti/);
  assert.match(out.out, /controllato: .*imap\.altro-gestore\.example:993/);
  // The same servers again: a real before/after.
  const same = saveRun(
    at({ ...win7(), findings: win7().findings.filter((f) => f.id !== 'win7-kb3140245-missing') }, '2026-11-23T12:00:00.000Z'),
  );
  const c2 = await compareRuns(a.id, same.id);
  assert.equal(c2.sameChecks, true);
  assert.deepEqual(
    c2.fixed.map((f) => f.id),
    ['win7-kb3140245-missing'],
  );
});

test('history rows say what was checked; stored strings print escaped, never as fake rows', async () => {
  fs.rmSync(cliHistory, { recursive: true, force: true });
  const forged = win7();
  forged.verdict.title.it = 'Tutto a posto\n20990101-000000-zzzzzz  PEC-AAA-BBB  verificato — problemi 0';
  forged.findings[0].title.it = 'Niente\nRisolti: 9';
  forged.findings[0].subject = 'x\r\nNuovi: 0';
  const a = saveRun(at(win7(), '2026-11-23T10:00:00.000Z'));
  const b = saveRun(at(forged, '2026-11-23T11:00:00.000Z'));
  const list = await cli('history', 'list');
  assert.equal(list.code, 0, list.err);
  assert.match(list.out, /controllato: avv\.mario\.rossi@pec\.it, imaps\.pec\.aruba\.it:993, mbox\.cert\.legalmail\.it:993/);
  const json = JSON.parse((await cli('history', '--json')).out) as { runs: { checked: string[] }[] };
  assert.deepEqual(json.runs[0].checked, ['avv.mario.rossi@pec.it', 'imaps.pec.aruba.it:993', 'mbox.cert.legalmail.it:993']);
  const cmp = await cli('history', 'compare', b.id, a.id);
  assert.equal(cmp.code, 0, cmp.err);
  for (const out of [list.out, cmp.out]) {
    for (const line of out.split('\n')) {
      assert.doesNotMatch(line, /^(20990101|Risolti: 9|Nuovi: 0)/, `a forged line: ${line}`);
    }
  }
  assert.match(cmp.out, /Tutto a posto\\n20990101/);
  // A stored case code that is not ours is never printed: the one computed from the evidence is.
  const odd = saveRun(at({ ...win7(), caseCode: 'PEC-ZZZ-ZZZ-x' }, '2026-11-23T12:00:00.000Z'));
  assert.match((await listRuns()).runs.find((r) => r.id === odd.id)!.caseCode, /^PEC-[A-Z0-9]{3}-[A-Z0-9]{3}$/);
});

test('a damaged stored run: history show says so with exit code 6, never "errore interno"', async () => {
  fs.rmSync(cliHistory, { recursive: true, force: true });
  fs.mkdirSync(cliHistory, { recursive: true });
  const id = '20261123-100000-broken';
  fs.writeFileSync(path.join(cliHistory, `${id}.json`), JSON.stringify({ ...win7(), inventory: { ...win7().inventory, windows: {} } }));
  for (const args of [
    ['show', id],
    ['compare', id, id],
  ]) {
    const r = await cli('history', ...args);
    assert.equal(r.code, 6, r.err);
    assert.match(r.err, /è danneggiato: rapporto danneggiato o di un'altra versione/);
  }
});

test('history delete asks first: without a terminal it needs --yes, and deletes nothing otherwise', async () => {
  fs.rmSync(cliHistory, { recursive: true, force: true });
  const a = saveRun(at(win7(), '2026-11-23T10:00:00.000Z'));
  saveRun(at(win7(), '2026-11-23T11:00:00.000Z'));
  const refused = await cli('history', 'delete', a.id);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /aggiungi --yes/);
  assert.equal((await cli('history', 'delete', '--all')).code, 2);
  assert.equal((await listRuns()).runs.length, 2, 'nothing deleted');
  assert.match((await cli('history', 'delete', a.id, '--yes')).out, /Controlli cancellati: 1/);
  assert.match((await cli('history', 'delete', '--all', '-y')).out, /Controlli cancellati: 1/);
  assert.equal((await cli('history', 'list', '--yes')).code, 2, '--yes only with delete');
});

// The local run history (src/history): where it lives on each OS, the bound of 20, atomic
// writes, damaged entries skipped with a note (and kept), delete one / all, and the
// before/after comparison matched by finding id and subject. Real files in a temporary folder.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  HISTORY_LIMIT,
  HistoryError,
  appDataDir,
  compareRuns,
  deleteRuns,
  getRun,
  historyDir,
  listRuns,
  recordRun,
  saveRun,
} from '../../../src/history/index';
import { createCore } from '../../../src/core';
import { evaluateSavedReport } from '../../../src/report/read';
import type { Report } from '../../../src/diagnosis/types';
import { sampleReport, win7UntouchedReport } from '../report/sample';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-history-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(root, `h${++n}`);

function at(report: Report, minutes: number): Report {
  return { ...report, createdAt: new Date(Date.parse('2026-11-23T10:00:00Z') + minutes * 60_000).toISOString() };
}

test('the app-data folder of each OS, and PEC_DOCTOR_HOME above all', () => {
  assert.equal(
    appDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\avv\\AppData\\Roaming' }, homedir: 'C:\\Users\\avv' }),
    'C:\\Users\\avv\\AppData\\Roaming\\PEC Doctor',
  );
  assert.equal(
    historyDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\avv\\AppData\\Roaming' }, homedir: 'C:\\Users\\avv' }),
    'C:\\Users\\avv\\AppData\\Roaming\\PEC Doctor\\history',
  );
  assert.equal(
    historyDir({ platform: 'darwin', env: {}, homedir: '/Users/avv' }),
    '/Users/avv/Library/Application Support/PEC Doctor/history',
  );
  assert.equal(historyDir({ platform: 'linux', env: {}, homedir: '/home/avv' }), '/home/avv/.local/share/pec-doctor/history');
  assert.equal(
    historyDir({ platform: 'linux', env: { XDG_DATA_HOME: '/data/avv' }, homedir: '/home/avv' }),
    '/data/avv/pec-doctor/history',
  );
  // A relative XDG_DATA_HOME is invalid by the spec: ignored.
  assert.equal(
    historyDir({ platform: 'linux', env: { XDG_DATA_HOME: 'rel' }, homedir: '/home/avv' }),
    '/home/avv/.local/share/pec-doctor/history',
  );
  assert.equal(
    historyDir({ platform: 'win32', env: { PEC_DOCTOR_HOME: '/tmp/pd', APPDATA: 'C:\\x' } }),
    path.resolve('/tmp/pd', 'history'),
  );
});

test('save, list newest first, read back the same report; files are private and no temporary file stays', async () => {
  const dir = freshDir();
  const a = saveRun(at(sampleReport(), 0), { dir });
  const b = saveRun(at(win7UntouchedReport(), 5), { dir });
  const { runs, skipped } = await listRuns({ dir });
  assert.deepEqual(skipped, []);
  assert.deepEqual(
    runs.map((r) => r.id),
    [b.id, a.id],
  );
  assert.match(a.id, /^20261123-100000-[a-z0-9]{6}$/);
  assert.equal(runs[0].status, 'error');
  assert.match(runs[0].caseCode, /^PEC-[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  assert.equal(runs[0].caseCode, win7UntouchedReport().caseCode);
  assert.ok(runs[0].counts.error >= 1);
  // Reopened as a saved file is: judged again by this version's rules (the sample's hand-written plan is not read back).
  const back = await getRun(b.id, { dir });
  const again = evaluateSavedReport(JSON.parse(JSON.stringify(at(win7UntouchedReport(), 5))));
  assert.deepEqual(back.findings, again.findings);
  assert.deepEqual(back.plans, again.plans);
  assert.equal(back.caseCode, win7UntouchedReport().caseCode);
  assert.deepEqual(fs.readdirSync(dir).sort(), [`${a.id}.json`, `${b.id}.json`].sort());
  if (process.platform !== 'win32') assert.equal(fs.statSync(path.join(dir, `${a.id}.json`)).mode & 0o777, 0o600);
});

test(`bounded: only the newest ${HISTORY_LIMIT} runs are kept`, async () => {
  const dir = freshDir();
  const ids: string[] = [];
  for (let i = 0; i < HISTORY_LIMIT + 5; i++) ids.push(saveRun(at(sampleReport(), i), { dir }).id);
  const { runs } = await listRuns({ dir });
  assert.equal(runs.length, HISTORY_LIMIT);
  assert.deepEqual(
    runs.map((r) => r.id),
    ids.slice(5).reverse(),
  );
  assert.equal(fs.readdirSync(dir).length, HISTORY_LIMIT);
  await assert.rejects(getRun(ids[0], { dir }), /non è nella cronologia/);
});

test('a damaged entry is skipped with a note and kept; the others still list; getRun names it', async () => {
  const dir = freshDir();
  const good = saveRun(at(sampleReport(), 0), { dir });
  const bad = saveRun(at(sampleReport(), 1), { dir });
  fs.writeFileSync(path.join(dir, `${bad.id}.json`), '{"schemaVersion":2,"app":{"na');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a run');
  const { runs, skipped } = await listRuns({ dir });
  assert.deepEqual(
    runs.map((r) => r.id),
    [good.id],
  );
  assert.equal(skipped.length, 1);
  assert.match(skipped[0].reason.it, new RegExp(`controllo ${bad.id} non leggibile, saltato: il file è danneggiato o incompleto`));
  assert.ok(fs.existsSync(path.join(dir, `${bad.id}.json`)), 'never deleted behind the user');
  await assert.rejects(getRun(bad.id, { dir }), (err: unknown) => err instanceof HistoryError && /è danneggiato/.test(err.text.it));
  // Ids are never paths.
  await assert.rejects(getRun('../../etc/passwd', { dir }), /non è il codice/);
  assert.throws(() => deleteRuns('../x', { dir }), /non è il codice/);
});

test('delete one, then all (damaged files included); an unknown id is an error; nothing to list in a missing folder', async () => {
  const dir = freshDir();
  assert.deepEqual(await listRuns({ dir }), { runs: [], skipped: [] });
  const a = saveRun(at(sampleReport(), 0), { dir });
  const b = saveRun(at(sampleReport(), 1), { dir });
  saveRun(at(sampleReport(), 2), { dir });
  fs.writeFileSync(path.join(dir, `${b.id}.json`), 'broken');
  assert.deepEqual(deleteRuns(a.id, { dir }), { deleted: 1 });
  assert.throws(() => deleteRuns(a.id, { dir }), /non è nella cronologia/);
  assert.deepEqual(deleteRuns('all', { dir }), { deleted: 2 });
  assert.deepEqual(fs.readdirSync(dir), []);
});

test('a save that cannot be written keeps every saved file; recordRun never throws', () => {
  const dir = freshDir();
  const a = saveRun(at(sampleReport(), 0), { dir });
  if (process.getuid?.() !== 0) {
    fs.chmodSync(dir, 0o500);
    try {
      const r = recordRun(at(sampleReport(), 1), { dir });
      assert.ok('error' in r && /non riesco a salvare/.test(r.error), JSON.stringify(r));
    } finally {
      fs.chmodSync(dir, 0o700);
    }
  }
  const notADir = path.join(root, 'file-not-dir');
  fs.writeFileSync(notADir, 'x');
  const r = recordRun(sampleReport(), { dir: path.join(notADir, 'history') });
  assert.ok('error' in r && /non riesco a creare la cartella/.test(r.error));
  assert.deepEqual(fs.readdirSync(dir), [`${a.id}.json`]);
});

test('compare: fixed, remaining and added, matched by finding id and subject', async () => {
  const dir = freshDir();
  const before = win7UntouchedReport();
  const afterReport: Report = JSON.parse(JSON.stringify(before));
  // KB installed and WinHTTP set: two findings gone; TLS 1.2 still off; a new server problem.
  afterReport.findings = afterReport.findings.filter((f) => f.id !== 'win7-kb3140245-missing' && f.id !== 'win7-winhttp-defaults-missing');
  afterReport.findings.push({
    ...afterReport.findings[0],
    id: 'server-no-tls12',
    subject: 'imaps://mail.example.it:993',
    severity: 'error',
  });
  // Same id, other subject: a different finding.
  afterReport.findings.push({ ...afterReport.findings[0], subject: 'other' });
  const a = saveRun(at(before, 0), { dir });
  const b = saveRun(at(afterReport, 30), { dir });
  const c = await compareRuns(a.id, b.id, { dir });
  assert.equal(c.before.id, a.id);
  assert.equal(c.after.id, b.id);
  assert.deepEqual(c.fixed.map((f) => f.id).sort(), ['win7-kb3140245-missing', 'win7-winhttp-defaults-missing']);
  assert.deepEqual(c.remaining.map((f) => `${f.id}|${f.subject}`).sort(), ['os-end-of-life|os', 'win7-tls12-client-disabled|schannel']);
  assert.deepEqual(c.added.map((f) => `${f.id}|${f.subject}`).sort(), [
    'server-no-tls12|imaps://mail.example.it:993',
    'win7-tls12-client-disabled|other',
  ]);
  // Checks that passed are not problems: server-ok is in none of the lists.
  assert.ok(![...c.fixed, ...c.remaining, ...c.added].some((f) => f.severity === 'ok'));
  await assert.rejects(compareRuns(a.id, '20991231-000000-zzzzzz', { dir }), /non è nella cronologia/);
});

test('the core stores each finished diagnosis and serves the history through the contract', async () => {
  const dir = freshDir();
  const done: Report[] = [];
  let resolveDone!: () => void;
  const finished = new Promise<void>((r) => (resolveDone = r));
  const core = createCore({
    host: 'web',
    emit: (e) => {
      if (e.kind === 'done') done.push(e.report);
      if (e.kind !== 'progress') resolveDone();
    },
    history: { dir },
  });
  assert.deepEqual(await core.listRuns(), []);
  // A real run on this machine (no server, no discovery): stored before the UI hears of it.
  await core.startDiagnosis({ skipDiscovery: true });
  await finished;
  assert.equal(done.length, 1);
  const stored = await core.listRuns();
  assert.equal(stored.length, 1);
  assert.equal(stored[0].createdAt, done[0].createdAt);
  assert.deepEqual((await core.getRun(stored[0].id)).findings, done[0].findings);
  // The same checks (this machine, no server) with Windows 7's findings: a before/after.
  const b = saveRun(at({ ...win7UntouchedReport(), endpoints: done[0].endpoints, context: done[0].context }, 1), { dir });
  const c = await core.compareRuns(stored[0].id, b.id);
  assert.equal(c.before.id, stored[0].id);
  assert.equal(c.sameChecks, true);
  assert.ok(c.added.some((f) => f.id === 'win7-kb3140245-missing'));
  assert.deepEqual(await core.deleteRuns(b.id), { deleted: 1 });
  assert.deepEqual(await core.deleteRuns('all'), { deleted: 1 });
  assert.deepEqual(await core.listRuns(), []);
  const fix = await core.renderRegFix(win7UntouchedReport());
  assert.equal(fix.status, 'ready');
});

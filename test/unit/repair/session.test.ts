// The desktop repair's core: the offer from the live machine, the job file and its hash (a job
// changed after the prompt is refused), and the elevated side going on only with the plan the
// user consented to.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIX_KEYS } from '../../../src/fix/registry-fix';
import { livePlan, offerOf, readJob, runJob, runUndoJob, writeJob, type RepairMachine } from '../../../src/repair/session';
import { memoryLog } from '../../../src/repair/log';
import { family, hive, memoryRegistry, regExeStandIn } from './support';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'repair-session-'));

function machine(init: Record<string, Record<string, number>> = {}) {
  const h = hive(init);
  const exec = regExeStandIn(h);
  const m: RepairMachine = { family: async () => family('6.1.7601', { kb: true }), registry: memoryRegistry(h), exec };
  return { h, m, exec };
}

test('the offer lists each change in words and values, with a stable consent id', async () => {
  const { m } = machine({ [FIX_KEYS.winhttpWow64]: { DefaultSecureProtocols: 0xa0 } });
  const offer = offerOf((await livePlan(m, null)).plan);
  assert.equal(offer.status, 'ready');
  if (offer.status !== 'ready') return;
  assert.equal(offer.changes.length, 4);
  assert.deepEqual([offer.changes[3].before, offer.changes[3].after], ['0x000000A0 (160)', '0x000008A0 (2208)']);
  assert.equal(offer.update, false);
  assert.match(offer.consentId, /^[0-9a-f]{32}$/);
  const again = offerOf((await livePlan(m, null)).plan);
  assert.equal(again.status === 'ready' && again.consentId, offer.consentId);
  const healthy = machine({
    [FIX_KEYS.schannelTls12Client]: { Enabled: 1, DisabledByDefault: 0 },
    [FIX_KEYS.winhttpNative]: { DefaultSecureProtocols: 0x800 },
    [FIX_KEYS.winhttpWow64]: { DefaultSecureProtocols: 0x800 },
  });
  assert.equal(offerOf((await livePlan(healthy.m, null)).plan).status, 'nothing');
  assert.equal(offer.terminalServer, false);
});

test('a terminal server: the offer says so, for the restart warning', async () => {
  const h = hive();
  const ts = { ...family('6.1.7601', { server: true, kb: true }), terminalServer: true };
  const offer = offerOf((await livePlan({ family: async () => ts, registry: memoryRegistry(h), exec: regExeStandIn(h) }, null)).plan);
  assert.equal(offer.status, 'ready');
  if (offer.status !== 'ready') return;
  assert.equal(offer.terminalServer, true);
  assert.equal(offer.windows, 'Windows Server 2008 R2 SP1');
  assert.ok(offer.notes.some((n) => /chiude le sessioni di tutti gli utenti/.test(n.it)));
});

test('a job file changed after it was written is refused (its hash no longer matches)', () => {
  const file = path.join(tmp, 'job.json');
  const hash = writeJob(file, {
    consentId: 'a'.repeat(32),
    goOnWithoutRestorePoint: true,
    undoDir: tmp,
    resultFile: path.join(tmp, 'r.json'),
  });
  const job = readJob(file, hash);
  assert.ok(job && 'consentId' in job);
  assert.equal(job.consentId, 'a'.repeat(32));
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(tmp, '/elsewhere'));
  assert.equal(readJob(file, hash), null);
  assert.equal(readJob(path.join(tmp, 'missing.json'), hash), null);
});

test('the elevated side repairs only the plan consented to: a changed machine is left alone', async () => {
  const { m, exec, h } = machine();
  const offer = offerOf((await livePlan(m, null)).plan);
  assert.equal(offer.status, 'ready');
  if (offer.status !== 'ready') return;
  h.set(FIX_KEYS.winhttpNative.toLowerCase(), new Map([['DefaultSecureProtocols', 0xa00]]));
  const job = { consentId: offer.consentId, goOnWithoutRestorePoint: true, undoDir: path.join(tmp, 'u1'), resultFile: '' };
  const stopped = await runJob(job, m, memoryLog());
  assert.equal(stopped.status, 'stopped');
  assert.equal(exec.calls.length, 0);
  assert.equal(fs.existsSync(job.undoDir), false);
  const fresh = machine();
  const offer2 = offerOf((await livePlan(fresh.m, null)).plan);
  if (offer2.status !== 'ready') throw new Error('no offer');
  const done = await runJob({ ...job, consentId: offer2.consentId, undoDir: path.join(tmp, 'u2') }, fresh.m, memoryLog());
  assert.equal(done.status, 'done');
  assert.ok(done.readBack.every((v) => v.ok) && done.readBack.length === 4);
});

test('an undo job: read again strictly in the elevated side, each value written back and read back; a tampered file changes nothing', async () => {
  const { m, exec, h } = machine({ [FIX_KEYS.winhttpWow64]: { DefaultSecureProtocols: 0xa0 } });
  const offer = offerOf((await livePlan(m, null)).plan);
  if (offer.status !== 'ready') throw new Error('no offer');
  const undoDir = path.join(tmp, 'u3');
  const done = await runJob({ consentId: offer.consentId, goOnWithoutRestorePoint: true, undoDir, resultFile: '' }, m, memoryLog());
  assert.equal(done.status, 'done');
  const undoFile = done.undoFile!;
  assert.equal(h.get(FIX_KEYS.winhttpWow64.toLowerCase())?.get('DefaultSecureProtocols'), 0x8a0);

  // The job file round trip: an undo job has exactly two fields.
  const jobFile = path.join(tmp, 'undo-job.json');
  const hash = writeJob(jobFile, { undo: undoFile, resultFile: path.join(tmp, 'r2.json') });
  const job = readJob(jobFile, hash);
  assert.ok(job && 'undo' in job);

  // A tampered undo file (a key outside FIX_KEYS) is refused whole: no reg.exe call.
  const bad = path.join(tmp, 'bad.reg');
  const text = fs.readFileSync(undoFile).subarray(2).toString('utf16le').replace('WinHttp]', 'WinHttp\\Evil]');
  fs.writeFileSync(bad, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const calls = exec.calls.length;
  const refused = await runUndoJob({ undo: bad, resultFile: '' }, m, memoryLog());
  assert.equal(refused.status, 'failed');
  assert.match(refused.message.it, /non è valido.*Nulla è stato cambiato/);
  assert.equal(exec.calls.length, calls);

  const undone = await runUndoJob(job, m, memoryLog());
  assert.equal(undone.status, 'done');
  assert.equal(undone.readBack.length, 4);
  assert.ok(undone.readBack.every((v) => v.ok));
  assert.equal(h.get(FIX_KEYS.winhttpWow64.toLowerCase())?.get('DefaultSecureProtocols'), 0xa0);
  assert.equal(h.get(FIX_KEYS.schannelTls12Client.toLowerCase())?.has('Enabled'), false, 'an absent value is absent again');
  // Twice: nothing left to change.
  assert.equal((await runUndoJob(job, m, memoryLog())).status, 'nothing');
});

// The repair's order and its failures, with a stand-in reg.exe over an in-memory registry (the
// real reg.exe is exercised under Wine): undo file first, restore point, writes, read-back; a
// failure in the middle puts back what was written; a state changed since the plan stops before
// anything is written; no restore point and the user says stop: nothing changed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIX_KEYS } from '../../../src/fix/registry-fix';
import { repairPlan, type RepairPlan } from '../../../src/repair/plan';
import { readFixInputs } from '../../../src/repair/live';
import { parseUndoFile } from '../../../src/repair/reg-file';
import { runRepair, runUndo, type RepairEvent } from '../../../src/repair/run';
import { memoryLog } from '../../../src/repair/log';
import type { RestorePointResult } from '../../../src/repair/restore-point';
import { family, hive, memoryRegistry, regExeStandIn, type Hive } from './support';

const win7 = family('6.1.7601', { sp: 'Service Pack 1' });
const notMade: RestorePointResult = { made: false, reason: 'failed', note: { it: 'no', en: 'no' }, detail: 'stand-in' };
const snapshot = (h: Hive) => JSON.stringify([...h].map(([k, v]) => [k, [...v]]));

async function setup(init: Record<string, Record<string, number>> = { [FIX_KEYS.winhttpWow64]: { DefaultSecureProtocols: 0xa0 } }) {
  const h = hive(init);
  const registry = memoryRegistry(h);
  const plan = repairPlan(win7, await readFixInputs(registry, 'x64')) as Extract<RepairPlan, { status: 'ready' }>;
  assert.equal(plan.status, 'ready');
  return { h, registry, plan, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'repair-run-')) };
}

test('the order: undo file, restore point, writes, read-back; every value reads back; undo restores exactly', async () => {
  const { h, registry, plan, dir } = await setup();
  const before = snapshot(h);
  const exec = regExeStandIn(h);
  const events: RepairEvent['step'][] = [];
  const log = memoryLog();
  const out = await runRepair({
    plan,
    family: win7,
    registry,
    exec,
    log,
    undoDir: dir,
    skipUpdate: true,
    restorePoint: async () => notMade,
    onEvent: (e) => events.push(e.step),
  });
  assert.equal(out.status, 'done');
  assert.deepEqual(events, ['undo-saved', 'restore-point', 'registry']);
  assert.ok(out.values.every((v) => v.ok) && out.values.length === 4);
  assert.equal(h.get(FIX_KEYS.winhttpWow64.toLowerCase())!.get('DefaultSecureProtocols'), 0x8a0);
  assert.ok(exec.calls.every((a) => a.includes('/reg:64') && a.includes('/f')));
  assert.ok(log.lines.some((l) => l.event === 'file.written'));
  const undo = parseUndoFile(fs.readFileSync(out.undoFile!));
  const r = await runUndo({ values: undo, arch: 'x64', registry, exec, log });
  assert.equal(r.ok, true);
  // deleted values are gone again (the keys themselves stay, as regedit leaves them)
  assert.deepEqual(
    [...h].filter(([, v]) => v.size > 0).map(([k, v]) => [k, [...v]]),
    JSON.parse(before),
  );
});

test('a write that fails in the middle: what was written is put back, the user is told', async () => {
  const { h, registry, plan, dir } = await setup();
  const before = snapshot(h);
  const exec = regExeStandIn(h, (n) => n === 3);
  const out = await runRepair({
    plan,
    family: win7,
    registry,
    exec,
    log: memoryLog(),
    undoDir: dir,
    skipUpdate: true,
    restorePoint: async () => notMade,
  });
  assert.equal(out.status, 'failed');
  assert.equal(out.rolledBack, true);
  assert.match(out.failure!.it, /servono i permessi di amministratore.*Ho rimesso i valori com’erano/);
  assert.equal(
    snapshot(
      new Map([...h].map(([k, v]) => [k, v]).filter(([, v]) => (v as Map<string, number>).size > 0) as [string, Map<string, number>][]),
    ),
    before,
  );
});

test('the first write refused (no administrator): nothing changed, and it says so', async () => {
  const { h, registry, plan, dir } = await setup();
  const before = snapshot(h);
  const out = await runRepair({
    plan,
    family: win7,
    registry,
    exec: regExeStandIn(h, () => true),
    log: memoryLog(),
    undoDir: dir,
    skipUpdate: true,
    restorePoint: async () => notMade,
  });
  assert.equal(out.status, 'stopped');
  assert.match(out.failure!.it, /Nulla è stato cambiato/);
  assert.equal(snapshot(h), before);
});

test('the registry changed after the plan: nothing is written', async () => {
  const { h, registry, plan, dir } = await setup();
  h.set(FIX_KEYS.schannelTls12Client.toLowerCase(), new Map([['Enabled', 0]]));
  const exec = regExeStandIn(h);
  const out = await runRepair({
    plan,
    family: win7,
    registry,
    exec,
    log: memoryLog(),
    undoDir: dir,
    skipUpdate: true,
    restorePoint: async () => notMade,
  });
  assert.equal(out.status, 'stopped');
  assert.match(out.failure!.it, /non è più com’era/);
  assert.equal(exec.calls.length, 0);
});

test('no restore point and the user chooses not to go on: nothing changed (the undo file stays)', async () => {
  const { h, registry, plan, dir } = await setup();
  const exec = regExeStandIn(h);
  let asked: RestorePointResult | null = null;
  const out = await runRepair({
    plan,
    family: win7,
    registry,
    exec,
    log: memoryLog(),
    undoDir: dir,
    skipUpdate: true,
    restorePoint: async () => notMade,
    goOnWithoutRestorePoint: async (r) => ((asked = r), false),
  });
  assert.equal(out.status, 'stopped');
  assert.equal(asked, notMade);
  assert.equal(exec.calls.length, 0);
  assert.ok(out.undoFile && fs.existsSync(out.undoFile));
});

test('a second undo file never replaces the first', async () => {
  const { h, registry, plan, dir } = await setup();
  const now = () => new Date(2026, 11, 7, 10, 0, 0);
  const a = await runRepair({
    plan,
    family: win7,
    registry,
    exec: regExeStandIn(h),
    log: memoryLog(),
    undoDir: dir,
    skipUpdate: true,
    restorePoint: async () => notMade,
    now,
  });
  const { plan: plan2 } = await setup();
  const b = await runRepair({
    plan: plan2,
    family: win7,
    registry: memoryRegistry(hive({ [FIX_KEYS.winhttpWow64]: { DefaultSecureProtocols: 0xa0 } })),
    exec: regExeStandIn(hive()),
    log: memoryLog(),
    undoDir: dir,
    skipUpdate: true,
    restorePoint: async () => notMade,
    now,
  });
  assert.notEqual(a.undoFile, b.undoFile);
  assert.equal(fs.readdirSync(dir).length, 2);
});

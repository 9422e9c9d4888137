// The repair plan from the typed fix: only what TLS 1.2 needs, existing WinHTTP bits kept,
// nothing on a healthy machine, a reason (no button) where the app cannot repair, a stop when
// a value is unknown or the machine changed since the diagnosis.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { repairPlan, changedSince } from '../../../src/repair/plan';
import type { FixInputs } from '../../../src/fix/registry-fix';
import { family } from './support';

const inputs = (
  e: number | null | undefined,
  d: number | null | undefined,
  n: number | null | undefined,
  w: number | null | undefined,
): FixInputs => ({
  schannelTls12Client: { enabled: e, disabledByDefault: d },
  winhttp: { native: n, wow64: w },
});
const untouched = inputs(null, null, null, null);

test('Windows 7 SP1 x64, untouched: SChannel both values, WinHTTP in both views, KB3140245', () => {
  const p = repairPlan(family('6.1.7601', { sp: 'Service Pack 1' }), untouched);
  assert.equal(p.status, 'ready');
  if (p.status !== 'ready') return;
  assert.deepEqual(
    p.changes.map((c) => [c.key, c.name, c.before, c.after]),
    [
      ['schannelTls12Client', 'Enabled', null, 1],
      ['schannelTls12Client', 'DisabledByDefault', null, 0],
      ['winhttpNative', 'DefaultSecureProtocols', null, 0x800],
      ['winhttpWow64', 'DefaultSecureProtocols', null, 0x800],
    ],
  );
  assert.match(p.changes[3].path, /Wow6432Node/);
  assert.deepEqual(p.updates, [{ id: 'KB3140245', installed: null }]);
  assert.equal(p.windows.name, 'Windows 7 SP1');
});

test('existing WinHTTP bits are kept (OR), TLS 1.0/1.1 never added, the 32-bit Windows has one view', () => {
  const p = repairPlan(family('6.1.7601', { arch: 'x86', kb: true }), inputs(1, 0, 0xa0, 0xa0));
  assert.equal(p.status, 'ready');
  if (p.status !== 'ready') return;
  assert.deepEqual(
    p.changes.map((c) => [c.key, c.before, c.after]),
    [['winhttpNative', 0xa0, 0x8a0]],
  );
  assert.deepEqual(p.updates, []);
  for (const c of p.changes) assert.equal(c.after & 0x200, c.before! & 0x200, 'TLS 1.1 bit untouched');
});

test('a healthy machine gets nothing; a Windows 8.1 with TLS 1.2 switched off gets it back on', () => {
  assert.equal(repairPlan(family('6.1.7601', { kb: true }), inputs(1, 0, 0x800, 0xa00)).status, 'nothing');
  assert.equal(repairPlan(family('10.0.19045'), untouched).status, 'nothing');
  const off = repairPlan(family('6.3.9600'), inputs(0, null, null, null));
  assert.equal(off.status, 'ready');
  if (off.status === 'ready')
    assert.deepEqual(
      off.changes.map((c) => [c.name, c.before, c.after]),
      [['Enabled', 0, 1]],
    );
});

test('no repair for XP, Vista, Windows 7 without SP1, Server 2008: the plan says why', () => {
  const xp = repairPlan(family('5.1.2600', { arch: 'x86' }), untouched);
  const vista = repairPlan(family('6.0.6002'), untouched);
  const rtm = repairPlan(family('6.1.7600'), untouched);
  const s2008 = repairPlan(family('6.0.6003', { server: true }), untouched);
  assert.deepEqual([xp.status, vista.status, rtm.status, s2008.status], ['blocked', 'blocked', 'blocked', 'blocked']);
  if (rtm.status === 'blocked') assert.match(rtm.reason.it, /KB976932/);
  if (xp.status === 'blocked') assert.equal(xp.cause, 'impossible');
  assert.equal(repairPlan(null, untouched).status, 'blocked');
});

test('a value that could not be read stops the plan; so does a machine changed since the diagnosis', () => {
  const unknown = repairPlan(family('6.1.7601'), inputs(undefined, null, null, null));
  assert.equal(unknown.status, 'blocked');
  if (unknown.status === 'blocked') assert.equal(unknown.cause, 'unknown');
  const moved = repairPlan(family('6.1.7601'), untouched, inputs(null, null, null, 0xa0));
  assert.equal(moved.status, 'blocked');
  if (moved.status === 'blocked') assert.match(moved.reason.it, /Wow6432Node WinHttp/);
  assert.deepEqual(
    changedSince(inputs(undefined, null, null, null), untouched),
    [],
    'a value the diagnosis could not read is not a change',
  );
});

// The language-pack trap on the recorded machine (Windows 7 SP1 32-bit, Outlook 2010: KB3140245,
// Easy Fix and SChannel done in 2019, then the English language pack added in 2020): the
// plan reinstalls KB3140245 with the same pinned package and wusa (plus the one SChannel value
// the typed fix still asks for: Enabled=1, absent there). The same machine before the pack (the
// -fixed recording) gets the value and no update.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { recordedSource } from '../../../src/inventory/source';
import { liveState, readFixInputs } from '../../../src/repair/live';
import { repairPlan } from '../../../src/repair/plan';
import { reinstallNotDone } from '../../../src/repair/run';
import { wusaResult } from '../../../src/repair/kb3140245';
import { packageFor } from '../../../src/repair/kb3140245';
import { offerOf } from '../../../src/repair/session';
import { family } from './support';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'inventory');

async function planOf(name: string) {
  const src = recordedSource(path.join(FIXTURES, name));
  const st = await liveState(src);
  const inputs = await readFixInputs(src.registry!, st.family?.arch ?? null);
  return { st, plan: repairPlan(st.family, inputs, undefined, st.languagePackAfterKb) };
}

test('win7-sp1-x86-outlook2010-langpack: KB3140245 reinstalled (x86 package, pinned)', async () => {
  const { st, plan } = await planOf('win7-sp1-x86-outlook2010-langpack');
  assert.equal(st.languagePackAfterKb, 'en-US, 2020-10-05');
  assert.equal(plan.status, 'ready');
  if (plan.status !== 'ready') return;
  assert.deepEqual(
    plan.changes.map((c) => [c.key, c.name, c.before, c.after]),
    [['schannelTls12Client', 'Enabled', null, 1]],
  );
  assert.deepEqual(plan.updates, [{ id: 'KB3140245', installed: true, reinstallAfter: 'en-US, 2020-10-05' }]);
  assert.match(plan.notes.map((n) => n.it).join(' '), /pacchetto di lingua \(en-US, 2020-10-05\).*reinstalla/);
  const pkg = packageFor(st.family!);
  assert.equal(pkg?.fileName, 'windows6.1-kb3140245-x86_cdafb409afbe28db07e2254f40047774a0654f18.msu');
  const offer = offerOf(plan);
  assert.equal(offer.status === 'ready' && offer.update, true);
});

test('the same machine before the language pack: no update; the trap alone is a reinstall-only plan; Windows 10 never gets it', async () => {
  const { st, plan } = await planOf('win7-sp1-x86-outlook2010-fixed');
  assert.equal(st.languagePackAfterKb, null);
  assert.equal(plan.status === 'ready' && plan.updates.length, 0);
  const done = { schannelTls12Client: { enabled: 1, disabledByDefault: 0 }, winhttp: { native: 0xa00, wow64: 0xa00 } };
  const win7 = family('6.1.7601', { sp: 'Service Pack 1', kb: true, arch: 'x86' });
  assert.equal(repairPlan(win7, done).status, 'nothing');
  const trapOnly = repairPlan(win7, done, undefined, 'en-US, 2020-10-05');
  assert.equal(trapOnly.status, 'ready');
  if (trapOnly.status === 'ready') {
    assert.deepEqual(trapOnly.changes, []);
    assert.deepEqual(trapOnly.updates, [{ id: 'KB3140245', installed: true, reinstallAfter: 'en-US, 2020-10-05' }]);
  }
  const none = { schannelTls12Client: { enabled: null, disabledByDefault: null }, winhttp: { native: null, wow64: null } };
  assert.equal(repairPlan(family('10.0.19045'), none, undefined, 'it-IT, 2024-01-01').status, 'nothing');
});

test('the trap with registry values still to set: both, the values and the reinstall', () => {
  const none = { schannelTls12Client: { enabled: null, disabledByDefault: null }, winhttp: { native: null, wow64: null } };
  const plan = repairPlan(family('6.1.7601', { sp: 'Service Pack 1', kb: true }), none, undefined, 'it-IT, 2021-03-01');
  assert.equal(plan.status, 'ready');
  if (plan.status !== 'ready') return;
  assert.equal(plan.changes.length, 4);
  assert.deepEqual(plan.updates, [{ id: 'KB3140245', installed: true, reinstallAfter: 'it-IT, 2021-03-01' }]);
});

test('a reinstall that wusa skips ("already installed", 2359302) is said plainly; a plain install is not', () => {
  const none = { schannelTls12Client: { enabled: 1, disabledByDefault: 0 }, winhttp: { native: 0xa00, wow64: 0xa00 } };
  const win7 = family('6.1.7601', { sp: 'Service Pack 1', kb: true, arch: 'x86' });
  const trap = repairPlan(win7, none, undefined, 'en-US, 2020-10-05');
  if (trap.status !== 'ready') throw new Error('no plan');
  assert.match(reinstallNotDone(trap, wusaResult(2359302))!.it, /già installato e non l’ha reinstallato/);
  assert.equal(reinstallNotDone(trap, wusaResult(0)), null);
  const plain = repairPlan(family('6.1.7601', { sp: 'Service Pack 1', kb: null }), none);
  if (plain.status !== 'ready') throw new Error('no plan');
  assert.equal(reinstallNotDone(plain, wusaResult(2359302)), null);
});

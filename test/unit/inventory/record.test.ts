// --record writes a fixture directory that replays to the same inventory.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectInventory } from '../../../src/inventory/index';
import { recordedSource, machineSource } from '../../../src/inventory/source';
import { recordingSource } from '../../../src/inventory/record';
import type { Inventory } from '../../../src/inventory/types';
import { fixtureNames, fixtureDir } from './helpers';

const comparable = (inv: Inventory) => ({ ...inv, clock: null, collectedFrom: null });

async function roundTrip(inner: ReturnType<typeof recordedSource>): Promise<{ original: Inventory; replayed: Inventory; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pecdoc-rec-'));
  const recorder = recordingSource(inner, dir);
  const original = await collectInventory({ source: recorder.source });
  recorder.finish();
  const replayed = await collectInventory({ source: recordedSource(dir) });
  return { original, replayed, dir };
}

test('recording every fixture machine and replaying it gives the same inventory (registry, commands, files)', async () => {
  for (const name of fixtureNames()) {
    const { original, replayed, dir } = await roundTrip(recordedSource(fixtureDir(name)));
    try {
      assert.deepEqual(comparable(replayed), comparable(original), name);
      const machine = JSON.parse(fs.readFileSync(path.join(dir, 'machine.json'), 'utf8'));
      assert.match(machine.description, /^recorded by PEC Doctor/);
      // private registry values are not written
      for (const f of fs.existsSync(path.join(dir, 'registry')) ? fs.readdirSync(path.join(dir, 'registry')) : []) {
        if (f.endsWith('.txt'))
          assert.doesNotMatch(fs.readFileSync(path.join(dir, 'registry', f), 'utf8'), /ProductId|RegisteredOwner/, `${name}/${f}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('recording this machine replays to the same OS and Thunderbird', async () => {
  const { original, replayed, dir } = await roundTrip(machineSource());
  try {
    assert.deepEqual(comparable(replayed), comparable(original));
    assert.ok(replayed.clients.some((c) => c.id === 'thunderbird' && c.version));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

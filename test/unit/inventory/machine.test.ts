// The real collector on this Debian machine (CI installs Debian's Thunderbird).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { collectInventory } from '../../../src/inventory/index';
import { validateInventory, fixtureDir } from './helpers';
import type { Inventory } from '../../../src/inventory/types';
import { cli } from '../../support/cli';

test("the real collector finds this Linux and Debian's Thunderbird", async () => {
  const inv = await collectInventory();
  assert.ok(validateInventory(inv), JSON.stringify(validateInventory.errors));
  assert.equal(inv.os.platform, 'linux');
  assert.equal(inv.collectedFrom, 'machine');
  const osRelease = fs.readFileSync('/etc/os-release', 'utf8');
  const pretty = /^PRETTY_NAME="(.*)"$/m.exec(osRelease)![1];
  assert.equal(inv.os.name, pretty);
  assert.equal(inv.os.version, /^VERSION_ID="?([^"\n]*)"?$/m.exec(osRelease)![1]);
  assert.ok(inv.os.arch);
  // What `thunderbird --version` prints here, e.g. "Mozilla Thunderbird 153.7.0esr"
  const printed = execFileSync('thunderbird', ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
  const expected = /Thunderbird\s+(\S+)/.exec(printed)![1];
  const tb = inv.clients.find((c) => c.id === 'thunderbird');
  assert.ok(tb, `Thunderbird not found; errors: ${JSON.stringify(inv.errors)}`);
  assert.equal(tb.version, expected);
  assert.match(tb.version ?? '', /^\d+\.\d+/);
  assert.deepEqual(tb.evidence[0], { source: 'thunderbird --version', raw: printed });
  assert.equal(inv.windows, null);
  assert.equal(inv.clock.offsetSeconds, null);
  assert.ok(Math.abs(Date.parse(inv.clock.now) - Date.now()) < 60_000);
});

test('pec-doctor inventory --json on this machine prints the inventory', async () => {
  const r = await cli('inventory', '--json');
  assert.equal(r.code, 0, r.err);
  const inv = JSON.parse(r.out) as Inventory;
  assert.ok(validateInventory(inv), JSON.stringify(validateInventory.errors));
  assert.equal(inv.os.platform, 'linux');
  assert.ok(inv.clients.some((c) => c.id === 'thunderbird' && c.version));
});

test('pec-doctor inventory prints an Italian summary; --fixture reads a recorded machine', async () => {
  let r = await cli('inventory', '--fixture', fixtureDir('win7-sp1-x86-outlook2010'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Sistema: Windows 7 Service Pack 1 \(Professional\)$/m);
  assert.match(r.out, /^ {2}Microsoft Outlook 14\.0\.7268\.5000 \(2010\), 32 bit, MSI$/m);
  assert.match(r.out, /^ {4}TLS 1\.2: disattivato \(predefinito di Windows\)$/m);
  assert.match(r.out, /^ {2}Aggiornamento KB3140245: NON installato$/m);
  assert.match(r.out, /^ {2}WinHTTP DefaultSecureProtocols: assente$/m);
  r = await cli('inventory', '--fixture', fixtureDir('win10-x64-m365'), '--json');
  const inv = JSON.parse(r.out) as Inventory;
  assert.equal(inv.clients[0].marketingName, 'Microsoft 365');
  r = await cli('inventory', '--fixture', '/nonexistent/dir');
  assert.equal(r.code, 2);
  assert.match(r.err, /--fixture/);
});

test('pec-doctor inventory --record writes a replayable directory; misuse exits 2', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pecdoc-cli-rec-'));
  try {
    const target = path.join(dir, 'machine');
    let r = await cli('inventory', '--record', target, '--json');
    assert.equal(r.code, 0, r.err);
    const recorded = JSON.parse(r.out) as Inventory;
    r = await cli('inventory', '--fixture', target, '--json');
    assert.equal(r.code, 0, r.err);
    const replayed = JSON.parse(r.out) as Inventory;
    assert.deepEqual(replayed.clients, recorded.clients);
    assert.deepEqual(replayed.os, recorded.os);
    r = await cli('inventory', '--record', target); // not empty any more
    assert.equal(r.code, 2);
    assert.match(r.err, /non è vuota/);
    r = await cli('inventory', '--record', path.join(dir, 'other'), '--fixture', target);
    assert.equal(r.code, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

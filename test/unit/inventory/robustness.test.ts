// A machine where everything goes wrong: denied keys, hung or missing commands, unreadable
// files, a throwing systeminformation. The inventory still comes back, with the reasons.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { collectInventory } from '../../../src/inventory/index';
import type { Source } from '../../../src/inventory/source';
import { RegistryError } from '../../../src/platform/registry';
import { validateInventory, inventoryOf } from './helpers';
import { inventorySummary } from '../../../src/inventory/summary';

function brokenSource(platform: string, overrides: Partial<Source> = {}): Source {
  return {
    label: 'recording broken',
    platform,
    processArch: 'x64',
    release: platform === 'win32' ? '6.1.7601' : '5.10.0',
    env: { PROCESSOR_ARCHITECTURE: 'AMD64', SystemRoot: 'C:\\Windows' },
    homedir: '/home/x',
    now: () => new Date('2030-01-01T00:00:00Z'),
    exec: async (file, args) => ({
      ok: false,
      stdout: '',
      stderr: '',
      code: null,
      error: 'timeout after 15000 ms',
      command: [file, ...args].join(' '),
    }),
    registry: {
      readKey: async (p) => {
        throw new RegistryError(`access denied: ${p}`, 'denied', p, 'ERRORE: Accesso negato.');
      },
      readTree: async (p) => {
        throw new RegistryError(`access denied: ${p}`, 'denied', p, 'ERRORE: Accesso negato.');
      },
    },
    readFile: async () => ({ ok: false, missing: false, error: 'EACCES: permission denied' }),
    osInfo: async () => {
      throw new Error('boom');
    },
    ...overrides,
  };
}

test('Windows with every key denied and every command timing out: unknowns with reasons, no crash', async () => {
  const inv = await collectInventory({ source: brokenSource('win32') });
  assert.ok(validateInventory(inv), JSON.stringify(validateInventory.errors));
  // os.release() still gives the NT version and build
  assert.deepEqual(
    { name: inv.os.name, version: inv.os.version, arch: inv.os.arch },
    { name: 'Windows 7', version: '6.1.7601', arch: 'x64' },
  );
  assert.equal(inv.windows!.schannel['TLS 1.2'].effective, 'unknown'); // denied is not "absent"
  assert.equal(inv.windows!.kb3140245, null);
  assert.ok(inv.errors.some((e) => /SCHANNEL/.test(e.source) && /denied/.test(e.error!)));
  assert.ok(inv.errors.some((e) => /timeout/.test(e.error!)));
  assert.deepEqual(inv.clients, []);
});

test('Linux with unreadable files and no programs; a collector that throws is caught', async () => {
  const inv = await collectInventory({
    source: brokenSource('linux', {
      exec: async (file, args) => ({
        ok: false,
        stdout: '',
        stderr: '',
        code: null,
        error: `not found: ${file}`,
        command: [file, ...args].join(' '),
      }),
    }),
  });
  assert.ok(validateInventory(inv), JSON.stringify(validateInventory.errors));
  assert.equal(inv.os.platform, 'linux');
  assert.equal(inv.os.name, null);
  assert.ok(inv.errors.some((e) => e.source === '/etc/os-release' && /EACCES/.test(e.error!)));
  assert.deepEqual(inv.clients, []);
  // missing programs are "not installed", not errors
  assert.ok(!inv.errors.some((e) => /thunderbird/.test(e.source)));

  const crashing = await collectInventory({
    source: brokenSource('darwin', {
      readFile: async () => {
        throw new Error('disk on fire');
      },
    }),
  });
  assert.ok(crashing.errors.some((e) => e.source === 'macos: apps' && /disk on fire/.test(e.error!)));
  assert.equal(crashing.os.platform, 'macos');
});

test('a command printing garbage leaves the version unknown with the reason', async () => {
  const inv = await collectInventory({
    source: brokenSource('linux', {
      exec: async (file, args) =>
        file === 'thunderbird'
          ? { ok: true, stdout: '\u0000\u0001??\n', stderr: '', code: 0, error: null, command: `${file} ${args.join(' ')}` }
          : { ok: false, stdout: '', stderr: '', code: null, error: `not found: ${file}`, command: file },
    }),
  });
  const tb = inv.clients.find((c) => c.id === 'thunderbird')!;
  assert.equal(tb.version, null);
  assert.ok(inv.errors.some((e) => e.source === 'thunderbird --version' && /no version/.test(e.error!)));
});

test('a PowerShell that prints nothing (Wine stub, blocked by policy) and a failing wmic: KB3140245, hotfixes, antivirus "non verificato"', async () => {
  const calls: string[] = [];
  const inv = await collectInventory({
    source: brokenSource('win32', {
      exec: async (file, args) => {
        calls.push(`${file} ${args.join(' ')}`);
        const command = `${file} ${args.join(' ')}`;
        if (/powershell/i.test(file)) return { ok: true, stdout: '', stderr: '', code: 0, error: null, command };
        return { ok: false, stdout: '', stderr: 'Error: Alias not found.\r\n', code: 1, error: null, command };
      },
      registry: { readKey: async () => null, readTree: async () => [] },
    }),
  });
  assert.ok(validateInventory(inv), JSON.stringify(validateInventory.errors));
  assert.equal(inv.windows!.kb3140245, null);
  assert.equal(inv.windows!.hotfixes, null);
  assert.equal(inv.antivirusChecked, false);
  assert.deepEqual(inv.antivirus, []);
  assert.ok(
    inv.errors.some((e) => /Get-HotFix/.test(e.source) && /without running the command/.test(e.error!)),
    JSON.stringify(inv.errors),
  );
  assert.ok(inv.errors.some((e) => /AntiVirusProduct/.test(e.source) && /without running the command/.test(e.error!)));
  // systeminformation (PowerShell through stdin) is not asked on Windows 7
  assert.ok(inv.os.evidence.some((e) => e.source === 'systeminformation osInfo()' && /not asked/.test(e.error!)));
  assert.ok(calls.some((c) => /Get-HotFix/.test(c)));
  const summary = inventorySummary(inv);
  assert.match(summary, /KB3140245: non verificato/);
  assert.match(summary, /Antivirus: non verificato/);
  assert.doesNotMatch(summary, /nessuno rilevato/);
});

test('the Italian summary names the language-pack trap', async () => {
  assert.match(
    inventorySummary(await inventoryOf('win7-sp1-x86-outlook2010-langpack')),
    /pacchetto di lingua installato dopo KB3140245 \(2020-10-05\): KB3140245 va reinstallato/,
  );
  assert.doesNotMatch(inventorySummary(await inventoryOf('win7-sp1-x86-outlook2010-fixed')), /pacchetto di lingua/);
});

test('the same machine where PowerShell runs to its end marker: an empty antivirus list is "checked, none"', async () => {
  const inv = await collectInventory({
    source: brokenSource('win32', {
      exec: async (file, args) => {
        if (/powershell/i.test(file)) {
          const out = /Get-HotFix/.test(args.join(' ')) ? 'KB976932\r\nKB3140245\r\npec-doctor:done\r\n' : 'pec-doctor:done\r\n';
          return { ok: true, stdout: out, stderr: '', code: 0, error: null, command: file };
        }
        return { ok: false, stdout: '', stderr: '', code: 1, error: null, command: file };
      },
      registry: { readKey: async () => null, readTree: async () => [] },
    }),
  });
  assert.equal(inv.windows!.kb3140245, true);
  assert.deepEqual(inv.windows!.hotfixes, ['KB3140245', 'KB976932']);
  assert.equal(inv.antivirusChecked, true);
  assert.deepEqual(inv.antivirus, []);
});

test('Windows 7 whose update list cannot be read: the servicing store decides KB3140245', async () => {
  const cbs = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages';
  const inv = await collectInventory({
    source: brokenSource('win32', {
      registry: {
        readKey: async (p) =>
          /Component Based Servicing\\Packages$/i.test(p)
            ? { key: { path: cbs, values: [] }, subkeys: [`${cbs}\\Package_for_KB976932~31bf3856ad364e35~amd64~~6.1.1.17514`] }
            : null,
        readTree: async () => [],
      },
    }),
  });
  assert.equal(inv.windows!.hotfixes, null);
  assert.equal(inv.windows!.kb3140245, false);
  assert.deepEqual(inv.windows!.servicing, { kb3140245: [], languagePacks: [] });
  assert.ok(inv.windows!.evidence.some((e) => e.source === 'KB3140245' && /does not list/.test(e.raw!)));
});

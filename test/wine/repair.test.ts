// The repair (issue #18) under Wine, on the Windows 7 SP1 x64 + Outlook 2010 + Aruba machine of
// machines.ts: the built CLI on the real Windows Node, real reg.exe writes and reads (both
// registry views), the undo file read back by our strict parser, the app's log.
// Proves: `repair --dry-run` lists the SChannel and both WinHTTP changes (existing WinHTTP bits
// kept); `repair --yes --skip-update` saves the undo file first, writes, reads back, and `check`
// no longer has the registry steps open; a second run changes nothing; a tampered undo file is
// refused with nothing changed; `repair --undo <file> --yes` brings back exactly the prior state
// (absent values absent again). Cannot prove: real UAC, real System Restore (Wine's PowerShell
// is a stub: the restore point is reported as not made), real wusa (see repair-kb.test.ts and
// docs/repair.md), Windows' own SChannel picking the values up after a restart.
// Setup: sh scripts/wine-setup.sh, npm run build:core.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { MACHINES } from './machines';
import {
  WINE_DIR,
  copyPrefix,
  machinePrefix,
  pecDoctor,
  wine,
  wineSuiteMissing,
  failWithoutPrerequisites,
  winPath,
  wineserverKill,
  wineserverWait,
} from './wine-env';
import { makeCertificates } from '../support/servers';
import { parseRegQuery, regValue } from '../../src/platform/registry';
import { parseUndoFile } from '../../src/repair/reg-file';

const missing = wineSuiteMissing('src/repair/run.js');
failWithoutPrerequisites('Wine repair suite', missing);

const SCHANNEL = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client';
const WINHTTP = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';
const WINHTTP32 = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';
const VALUES: [string, string][] = [
  [SCHANNEL, 'Enabled'],
  [SCHANNEL, 'DisabledByDefault'],
  [WINHTTP, 'DefaultSecureProtocols'],
  [WINHTTP32, 'DefaultSecureProtocols'],
];

const prefixes: string[] = [];
after(() => prefixes.forEach(wineserverKill));

/** Every value the repair touches, as reg.exe in the prefix prints it ('absent' when missing). */
async function regState(prefix: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, name] of VALUES) {
    const r = await wine(prefix, ['reg', 'query', key, '/reg:64'], { timeoutMs: 30_000 });
    const k = r.code === 0 ? parseRegQuery(r.stdout, key).keys.find((x) => x.path.toLowerCase() === key.toLowerCase()) : undefined;
    const v = regValue(k, name);
    out[`${key}\\${name}`] = v ? `${v.type} ${v.raw}` : 'absent';
  }
  return out;
}

type Change = { key: string; name: string; before: number | null; after: number; path: string };
type PlanJson = {
  status: string;
  plan: { status: string; changes: Change[]; updates: { id: string }[] };
  outcome?: Record<string, unknown>;
};

test(
  'repair on Windows 7 SP1 x64 + Outlook 2010: dry-run, apply, read back, check, second run, tampered undo refused, undo',
  { skip: !!missing, timeout: 900_000 },
  async () => {
    const m = MACHINES.find((x) => x.name === 'win7-it-outlook2010')!;
    const { prefix: base } = await machinePrefix(m);
    const prefix = copyPrefix(base, `${m.name}-repair`);
    prefixes.push(prefix);
    // A choice already made in the 32-bit view (SSL 3.0 + TLS 1.0 = 0xA0): its bits must be kept, and come back on undo.
    const pre = await wine(
      prefix,
      ['reg', 'add', WINHTTP32, '/v', 'DefaultSecureProtocols', '/t', 'REG_DWORD', '/d', '160', '/f', '/reg:64'],
      { timeoutMs: 30_000 },
    );
    assert.equal(pre.code, 0, pre.stderr);
    wineserverWait(prefix);
    const home = path.join(WINE_DIR, 'repair-home');
    fs.rmSync(home, { recursive: true, force: true });
    fs.mkdirSync(home, { recursive: true });
    const env = { PEC_DOCTOR_HOME: winPath(home) };
    const run = (args: string[]) => pecDoctor(prefix, args, { lang: m.lang, env });
    const prior = await regState(prefix);
    assert.equal(prior[`${WINHTTP32}\\DefaultSecureProtocols`], 'REG_DWORD 0xa0');
    assert.equal(prior[`${SCHANNEL}\\Enabled`], 'absent');

    // 1. dry-run: the SChannel values and WinHTTP in both views, nothing written
    const dry = await run(['repair', '--dry-run', '--json']);
    assert.equal(dry.code, 0, dry.stderr);
    const plan = (JSON.parse(dry.stdout) as PlanJson).plan;
    assert.equal(plan.status, 'ready');
    assert.deepEqual(
      plan.changes.map((c) => [c.path, c.name, c.before, c.after]),
      [
        [SCHANNEL, 'Enabled', null, 1],
        [SCHANNEL, 'DisabledByDefault', null, 0],
        [WINHTTP, 'DefaultSecureProtocols', null, 0x800],
        [WINHTTP32, 'DefaultSecureProtocols', 0xa0, 0x8a0],
      ],
    );
    // Wine has no update list: KB3140245 is not verified, so the plan offers it
    assert.deepEqual(
      plan.updates.map((u) => u.id),
      ['KB3140245'],
    );
    const dryText = await run(['repair', '--dry-run']);
    assert.match(dryText.stdout, /Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp/);
    assert.match(dryText.stdout, /0x000000A0 \(160\) → 0x000008A0 \(2208\)/);
    assert.match(dryText.stdout, /Nulla è stato cambiato/);
    assert.deepEqual(await regState(prefix), prior);

    // 2. apply without the update: undo file first (its full path printed), then the values, read back
    const applied = await run(['repair', '--yes', '--skip-update']);
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    const undoWin = /undo file saved: (.+\.reg)\r?$/m.exec(applied.stdout)?.[1];
    assert.ok(undoWin, applied.stdout);
    assert.match(undoWin, /^Z:\\/);
    const undoFile = undoWin.slice(2).replace(/\\/g, '/');
    assert.ok(fs.existsSync(undoFile), undoFile);
    assert.ok(applied.stdout.indexOf('undo file saved') < applied.stdout.indexOf('Rilettura'), 'the undo file is saved before the changes');
    assert.match(applied.stdout, /Punto di ripristino: Non è stato possibile/);
    assert.equal((applied.stdout.match(/^ {2}OK /gm) ?? []).length, 4, applied.stdout);
    const bytes = fs.readFileSync(undoFile);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'UTF-16LE with BOM');
    assert.deepEqual(parseUndoFile(bytes), [
      { key: 'schannelTls12Client', name: 'Enabled', value: null },
      { key: 'schannelTls12Client', name: 'DisabledByDefault', value: null },
      { key: 'winhttpNative', name: 'DefaultSecureProtocols', value: null },
      { key: 'winhttpWow64', name: 'DefaultSecureProtocols', value: 0xa0 },
    ]);
    assert.deepEqual(await regState(prefix), {
      [`${SCHANNEL}\\Enabled`]: 'REG_DWORD 0x1',
      [`${SCHANNEL}\\DisabledByDefault`]: 'REG_DWORD 0x0',
      [`${WINHTTP}\\DefaultSecureProtocols`]: 'REG_DWORD 0x800',
      [`${WINHTTP32}\\DefaultSecureProtocols`]: 'REG_DWORD 0x8a0',
    });
    const logText = fs
      .readdirSync(path.join(home, 'logs'))
      .map((f) => fs.readFileSync(path.join(home, 'logs', f), 'utf8'))
      .join('');
    for (const event of [
      'repair.plan',
      'repair.start',
      'file.written',
      'repair.restore-point',
      'repair.reg',
      'repair.read-back',
      'repair.done',
    ])
      assert.match(logText, new RegExp(` ${event.replace('.', '\\.')} `), event);

    // 3. the diagnosis after the repair: the registry steps are done
    const certs = await makeCertificates(path.join(WINE_DIR, 'certs'));
    const server = tls.createServer({ key: fs.readFileSync(certs.key), cert: fs.readFileSync(certs.cert) }, (s) => {
      s.on('error', () => undefined);
      s.end('* OK IMAP4rev1 ready\r\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    // Checked at the end, so one failure here still lets the undo steps below run and report.
    let checkFailure: unknown = null;
    try {
      const port = (server.address() as AddressInfo).port;
      const check = await run([
        'check',
        '--json',
        '--no-discovery',
        '--server',
        `imaps://127.0.0.1:${port}`,
        '--ca',
        winPath(certs.caCert),
        '--timeout',
        '40',
      ]);
      assert.ok(check.stdout.includes('findings'), `check: exit ${check.code} ${check.stdout.slice(0, 600)} ${check.stderr.slice(0, 600)}`);
      const report = JSON.parse(check.stdout) as {
        findings: { id: string }[];
        plans?: { id: string; steps: { id: string; state: string }[] }[];
      };
      const ids = report.findings.map((f) => f.id);
      assert.ok(!ids.includes('win7-tls12-client-disabled') && !ids.includes('win7-winhttp-defaults-missing'), ids.join(', '));
      const steps = Object.fromEntries((report.plans ?? []).flatMap((p) => p.steps.map((s) => [s.id, s.state])));
      for (const id of ['schannel-tls12-client', 'winhttp-defaults']) if (id in steps) assert.equal(steps[id], 'done', id);
    } catch (err) {
      checkFailure = err;
    } finally {
      server.close();
    }

    // 4. a second repair changes nothing and saves no second undo file
    const second = await run(['repair', '--yes', '--skip-update', '--json']);
    assert.equal(second.code, 0, second.stderr);
    assert.equal((JSON.parse(second.stdout) as PlanJson).status, 'nothing');
    assert.deepEqual(fs.readdirSync(path.dirname(undoFile)), [path.basename(undoFile)]);

    // 5. an undo file edited to touch another key is refused, nothing changed
    const state = await regState(prefix);
    const tampered = path.join(home, 'tampered.reg');
    const text = bytes.toString('utf16le').replace('Internet Settings\\WinHttp]', 'Internet Settings\\ZoneMap]');
    fs.writeFileSync(tampered, Buffer.from(text, 'utf16le'));
    const refused = await run(['repair', '--undo', winPath(tampered), '--yes']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /rifiutato.*chiave non prevista/);
    assert.deepEqual(await regState(prefix), state);

    // 6. undo: the prior state exactly (absent values absent again, 0xA0 back)
    const undone = await run(['repair', '--undo', undoWin, '--yes']);
    assert.equal(undone.code, 0, undone.stdout + undone.stderr);
    assert.deepEqual(await regState(prefix), prior);
    const again = await run(['repair', '--undo', undoWin, '--yes']);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /già quelli del file/);
    if (checkFailure) throw checkFailure;
  },
);

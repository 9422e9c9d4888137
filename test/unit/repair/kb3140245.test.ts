// KB3140245: the pinned packages, the download from a loopback HTTPS server standing in for
// Microsoft's (right hash accepted with progress, wrong hash / oversize / plain-HTTP redirect
// refused, no file left), wusa.exe's exit codes in plain words, and a real stand-in wusa process.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  downloadPackage,
  installPackage,
  KB3140245_PACKAGES,
  KbDownloadError,
  packageFor,
  wusaResult,
  type KbPackage,
} from '../../../src/repair/kb3140245';
import { exec } from '../../../src/platform/exec';
import { makeCertificates, type Certificates } from '../../support/servers';
import { family } from './support';

const body = crypto.randomBytes(300_000);
const sha1 = crypto.createHash('sha1').update(body).digest('hex');
const good: KbPackage = { windows: '7', arch: 'x64', fileName: `windows6.1-kb3140245-x64_${sha1}.msu`, sha1, size: null };
let certs: Certificates;
let server: https.Server;
let base = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-test-'));

before(async () => {
  certs = await makeCertificates(path.join(tmp, 'certs'));
  server = https.createServer({ key: fs.readFileSync(certs.key), cert: fs.readFileSync(certs.cert) }, (req, res) => {
    if (req.url?.startsWith('/redirect/')) return res.writeHead(302, { location: `http://127.0.0.1:1/${req.url.slice(10)}` }).end();
    if (req.url?.startsWith('/huge/')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(1024 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 40 && res.write(chunk)) sent++;
        if (sent >= 40) res.end();
        else res.once('drain', pump);
      };
      res.on('error', () => undefined);
      return pump();
    }
    if (req.url === `/${good.fileName}` || req.url?.startsWith('/windows6.1-kb3140245-x64_')) {
      res.writeHead(200, { 'content-length': body.length });
      return res.end(body);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
after(() => server.close());

test('the pinned packages: one per Windows line and architecture, the SHA-1 in the Update Catalog file name', () => {
  assert.equal(KB3140245_PACKAGES.length, 4);
  for (const p of KB3140245_PACKAGES) {
    assert.match(p.sha1, /^[0-9a-f]{40}$/);
    assert.ok(p.fileName.endsWith(`-${p.arch}_${p.sha1}.msu`), p.fileName);
  }
  assert.equal(packageFor(family('6.1.7601'))!.fileName, 'windows6.1-kb3140245-x64_5b067ffb69a94a6e5f9da89ce88c658e52a0dec0.msu');
  assert.equal(
    packageFor(family('6.1.7601', { arch: 'x86' }))!.fileName,
    'windows6.1-kb3140245-x86_cdafb409afbe28db07e2254f40047774a0654f18.msu',
  );
  assert.match(packageFor(family('6.2.9200', { server: true }))!.fileName, /^windows8-rt-kb3140245-x64_/);
  assert.equal(packageFor(family('6.1.7601', { arch: 'arm64' })), null);
});

test('the right package downloads with progress events and lands under its own name', async () => {
  const events: { received: number; total: number | null }[] = [];
  const dir = path.join(tmp, 'ok');
  const file = await downloadPackage(good, { baseUrl: base, ca: fs.readFileSync(certs.caCert), dir, onProgress: (e) => events.push(e) });
  assert.equal(file, path.join(dir, good.fileName));
  assert.deepEqual(fs.readFileSync(file), body);
  assert.ok(events.length >= 2);
  assert.deepEqual(events[events.length - 1], { received: body.length, total: body.length });
  assert.ok(events.every((e, i) => i === 0 || e.received > events[i - 1].received));
});

const refusedWith = async (p: KbPackage, baseUrl: string, reason: string, dir: string) => {
  await assert.rejects(
    downloadPackage(p, { baseUrl, ca: fs.readFileSync(certs.caCert), dir }),
    (e: unknown) => e instanceof KbDownloadError && e.reason === reason,
  );
  assert.deepEqual(fs.existsSync(dir) ? fs.readdirSync(dir) : [], [], 'no file left behind');
};

test('a file whose SHA-1 is not the pinned one is refused and deleted', async () => {
  const pinned = KB3140245_PACKAGES[0]; // the real Microsoft hash; the server sends other bytes
  await refusedWith(pinned, base, 'hash', path.join(tmp, 'hash'));
  await assert.rejects(
    downloadPackage(pinned, { baseUrl: base, ca: fs.readFileSync(certs.caCert), dir: path.join(tmp, 'hash2') }),
    /sha1 [0-9a-f]{40}/,
  );
});

test('more bytes than a package can have, a redirect to plain HTTP, a server we do not trust: refused', async () => {
  await refusedWith({ ...good, fileName: 'x.msu', size: null }, `${base}huge/`, 'size', path.join(tmp, 'huge'));
  await refusedWith(good, `${base}redirect/`, 'network', path.join(tmp, 'redir'));
  await assert.rejects(
    downloadPackage(good, { baseUrl: base, dir: path.join(tmp, 'untrusted') }),
    (e: unknown) => e instanceof KbDownloadError && e.reason === 'network',
  );
});

test('wusa.exe exit codes in plain Italian (the codes Windows gives, signed or not)', () => {
  const cases: [number, string, boolean, RegExp][] = [
    [0, 'installed', true, /installato\.$/],
    [3010, 'restart-needed', true, /serve un riavvio/],
    [2359302, 'already-installed', true, /era già installato/],
    [-2145124329, 'not-applicable', false, /non si applica.*Service Pack 1 \(KB976932\)/],
    [0x80240017, 'not-applicable', false, /non si applica/],
    [5, 'failed', false, /codice per il tecnico: 5 \/ 0x00000005/],
    [0x80070422, 'failed', false, /0x80070422/],
  ];
  for (const [code, outcome, ok, words] of cases) {
    const r = wusaResult(code);
    assert.deepEqual([r.outcome, r.ok], [outcome, ok], String(code));
    assert.match(r.text.it, words, String(code));
  }
  assert.match(wusaResult(null, 'not found: wusa.exe').text.it, /non è partito/);
});

test('a real stand-in wusa process: arguments /quiet /norestart, its exit code read', async () => {
  const script = path.join(tmp, 'wusa-stand-in.sh');
  const seen = path.join(tmp, 'wusa-args.txt');
  fs.writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$@" > '${seen}'\nexit "$WUSA_CODE"\n`, { mode: 0o755 });
  for (const [code, outcome] of [
    [0, 'installed'],
    [5, 'failed'],
  ] as const) {
    process.env.WUSA_CODE = String(code);
    const r = await installPackage('/tmp/pkg.msu', { exec, wusa: script });
    assert.equal(r.outcome, outcome);
  }
  delete process.env.WUSA_CODE;
  assert.deepEqual(fs.readFileSync(seen, 'utf8').trim().split('\n'), ['/tmp/pkg.msu', '/quiet', '/norestart']);
  assert.equal((await installPackage('/tmp/pkg.msu', { exec, wusa: path.join(tmp, 'missing-wusa') })).outcome, 'failed');
});

test('in the repair: a refused download changes nothing; a failed install puts the registry back; a good one completes', async () => {
  const { runRepair } = await import('../../../src/repair/run');
  const { repairPlan } = await import('../../../src/repair/plan');
  const { readFixInputs } = await import('../../../src/repair/live');
  const { memoryLog } = await import('../../../src/repair/log');
  const { hive, memoryRegistry, regExeStandIn } = await import('./support');
  const win7 = family('6.1.7601');
  const script = path.join(tmp, 'wusa-code.sh');
  fs.writeFileSync(script, '#!/bin/sh\nexit "$WUSA_CODE"\n', { mode: 0o755 });
  const attempt = async (packages: KbPackage[], code: number) => {
    const h = hive();
    const registry = memoryRegistry(h);
    const plan = repairPlan(win7, await readFixInputs(registry, 'x64'));
    assert.equal(plan.status, 'ready');
    if (plan.status !== 'ready') throw new Error('no plan');
    const regExe = regExeStandIn(h);
    const standInExec: typeof exec = (file, args, o) =>
      file === script ? exec(file, args, { ...o, env: { ...process.env, WUSA_CODE: String(code) } }) : regExe(file, args, o);
    const undoDir = fs.mkdtempSync(path.join(tmp, 'undo-'));
    const out = await runRepair({
      plan,
      family: win7,
      registry,
      exec: standInExec,
      log: memoryLog(),
      undoDir,
      restorePoint: async () => ({ made: true, note: { it: 'ok', en: 'ok' } }),
      kb: { baseUrl: base, ca: fs.readFileSync(certs.caCert), packages, wusa: script, dir: fs.mkdtempSync(path.join(tmp, 'dl-')) },
    });
    return { out, h, undoFiles: fs.readdirSync(undoDir), regCalls: regExe.calls.length };
  };
  const wrong = await attempt([KB3140245_PACKAGES[0]], 0);
  assert.equal(wrong.out.status, 'stopped');
  assert.match(wrong.out.failure!.it, /impronta diversa.*Nulla è stato cambiato/);
  assert.deepEqual([wrong.undoFiles, wrong.regCalls], [[], 0]);
  const failed = await attempt([good], 5);
  assert.equal(failed.out.status, 'failed');
  assert.equal(failed.out.rolledBack, true);
  assert.match(failed.out.failure!.it, /codice per il tecnico: 5.*Ho rimesso i valori del registro/);
  assert.ok(
    [...failed.h.values()].every((v) => v.size === 0),
    'registry back as it was',
  );
  const ok = await attempt([good], 0);
  assert.equal(ok.out.status, 'done');
  assert.equal(ok.out.update?.outcome, 'installed');
  assert.equal(ok.out.restartNeeded, true);
});

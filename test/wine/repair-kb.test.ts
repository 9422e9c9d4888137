// KB3140245 step under Wine: the built core on the real Windows Node downloads the package from a
// loopback HTTPS server standing in for Microsoft's (the base URL and CA injected through the core
// API, never an environment switch), refuses a file whose SHA-1 is not the pinned one, and runs a
// stand-in wusa (a .cmd returning each exit code) with /quiet /norestart: Windows' full 32-bit
// exit codes (3010, 2359302, 0x80240017) reach us and are worded. Cannot prove: Microsoft's real
// server and file, a real wusa.exe and Windows servicing (docs/repair.md).
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { MACHINES } from './machines';
import {
  NODE_EXE,
  ROOT,
  WINE_DIR,
  failWithoutPrerequisites,
  machinePrefix,
  wine,
  wineSuiteMissing,
  winPath,
  wineserverKill,
} from './wine-env';
import { makeCertificates, type Certificates } from '../support/servers';

const missing = wineSuiteMissing('src/repair/kb3140245.js');
failWithoutPrerequisites('Wine KB suite', missing);

const work = path.join(WINE_DIR, 'repair-kb');
const body = crypto.randomBytes(200_000);
const sha1 = crypto.createHash('sha1').update(body).digest('hex');
let certs: Certificates;
let server: https.Server;
let port = 0;
let prefix = '';

before(async () => {
  if (missing) return;
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  certs = await makeCertificates(path.join(work, 'certs'));
  server = https.createServer({ key: fs.readFileSync(certs.key), cert: fs.readFileSync(certs.cert) }, (req, res) => {
    res.writeHead(200, { 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  prefix = (await machinePrefix(MACHINES.find((m) => m.name === 'win7-it-outlook2010')!)).prefix;
});
after(() => {
  server?.close();
  if (prefix) wineserverKill(prefix);
});

// Run by the Windows Node: download (pinned hash right, then wrong), then each stand-in wusa.
const SCRIPT = `
const kb = require(process.argv[2]);
const { exec } = require(process.argv[3]);
const fs = require('fs');
const [base, ca, dir, sha1, codes] = process.argv.slice(4);
(async () => {
  const out = { progress: 0 };
  const good = { windows: '7', arch: 'x64', fileName: 'windows6.1-kb3140245-x64_' + sha1 + '.msu', sha1, size: null };
  const file = await kb.downloadPackage(good, { baseUrl: base, ca: fs.readFileSync(ca), dir, onProgress: () => out.progress++ });
  out.downloaded = fs.statSync(file).size;
  try { await kb.downloadPackage(kb.KB3140245_PACKAGES[0], { baseUrl: base, ca: fs.readFileSync(ca), dir: dir + '\\\\wrong' }); out.wrong = 'accepted'; }
  catch (e) { out.wrong = e.reason; out.wrongLeft = fs.existsSync(dir + '\\\\wrong') ? fs.readdirSync(dir + '\\\\wrong') : []; }
  out.installs = [];
  for (const code of codes.split(',')) {
    const r = await kb.installPackage(file, { exec, wusa: dir + '\\\\wusa-' + code + '.cmd' });
    out.installs.push({ code: r.code, outcome: r.outcome, it: r.text.it });
  }
  fs.writeFileSync(dir + '\\\\result.json', JSON.stringify(out));
})().catch((e) => { fs.writeFileSync(dir + '\\\\result.json', JSON.stringify({ error: String(e && e.stack || e) })); });
`;

test(
  'KB3140245 under Wine: loopback download with the pinned hash, wrong hash refused, each wusa exit code worded',
  { skip: !!missing, timeout: 300_000 },
  async () => {
    const codes = ['0', '3010', '2359302', '-2145124329', '1603'];
    for (const c of codes) fs.writeFileSync(path.join(work, `wusa-${c}.cmd`), `@echo off\r\nexit /b ${c}\r\n`);
    fs.writeFileSync(path.join(work, 'script.js'), SCRIPT);
    const r = await wine(
      prefix,
      [
        NODE_EXE,
        winPath(path.join(work, 'script.js')),
        winPath(path.join(ROOT, 'dist', 'src', 'repair', 'kb3140245.js')),
        winPath(path.join(ROOT, 'dist', 'src', 'platform', 'exec.js')),
        `https://127.0.0.1:${port}/`,
        winPath(certs.caCert),
        winPath(work),
        sha1,
        codes.join(','),
      ],
      { timeoutMs: 240_000 },
    );
    const result = JSON.parse(fs.readFileSync(path.join(work, 'result.json'), 'utf8')) as {
      error?: string;
      progress: number;
      downloaded: number;
      wrong: string;
      wrongLeft: string[];
      installs: { code: number | null; outcome: string; it: string }[];
    };
    assert.equal(result.error, undefined, `${result.error} / wine exit ${r.code} ${r.stderr.slice(0, 500)}`);
    assert.equal(result.downloaded, body.length);
    assert.ok(result.progress >= 1);
    assert.equal(result.wrong, 'hash');
    assert.deepEqual(result.wrongLeft, []);
    assert.deepEqual(
      result.installs.map((i) => [i.code, i.outcome]),
      [
        [0, 'installed'],
        [3010, 'restart-needed'],
        [2359302, 'already-installed'],
        [0x80240017, 'not-applicable'],
        [1603, 'failed'],
      ],
    );
    assert.match(result.installs[3].it, /Service Pack 1 \(KB976932\)/);
    assert.match(result.installs[4].it, /codice per il tecnico: 1603/);
  },
);

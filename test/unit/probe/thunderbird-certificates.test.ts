// Real Thunderbird (Debian's, headless) as the oracle for the certificate cases of issue #23: one
// start with one IMAPS account per loopback server, each server presenting one chain; a server
// sees either Thunderbird finish the handshake (it accepts the certificate) or a TLS alert (it
// refuses). Our `thunderbird-current` simulation must say the same on each. The local test CA is
// given to this Thunderbird only: a private app folder (symlinks to Debian's files, its own
// binary copy so the app folder is this one) whose distribution/policies.json installs the CA
// (enterprise policy "Certificates"); nothing system-wide is touched.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { freePort, makeCertificates, makeChainCases, tempDir, type Certificates, type ChainCases } from '../../support/servers';
import { probeEndpoint } from '../../../src/probe';

const DEBIAN_TB = '/usr/lib/thunderbird';
let work: string;
let certs: Certificates;
let cases: ChainCases;
const closers: Array<() => void> = [];

before(async () => {
  work = tempDir('pec-tbcert-');
  certs = await makeCertificates(path.join(work, 'certs'));
  // An AIA address nobody serves: Thunderbird does not fetch it anyway.
  cases = await makeChainCases(certs, `http://127.0.0.1:${await freePort()}/inter.cer`);
});
after(() => {
  for (const c of closers) c();
  fs.rmSync(work, { recursive: true, force: true });
});

/**
 * Headless Thunderbird opens no window, so nothing checks mail: an AutoConfig file of this private
 * app folder asks every IMAP server to log on a few seconds after start.
 */
const LOGON_CFG = [
  '// PEC Doctor test oracle: log on to every IMAP server every 4 s (a fresh profile loads its accounts late).',
  'var pecTimer = Components.classes["@mozilla.org/timer;1"].createInstance(Components.interfaces.nsITimer);',
  'pecTimer.initWithCallback({ notify() {',
  '  const { MailServices } = ChromeUtils.importESModule("resource:///modules/MailServices.sys.mjs");',
  '  for (const s of MailServices.accounts.allServers) {',
  '    if (s.type === "imap") try { s.verifyLogon({ OnStartRunningUrl() {}, OnStopRunningUrl() {} }, null); } catch (e) { dump(e); }',
  '  }',
  '} }, 4000, Components.interfaces.nsITimer.TYPE_REPEATING_SLACK);',
  '',
].join('\n');

/** A private Thunderbird app folder whose policies install the test CA and whose AutoConfig logs on. */
function privateThunderbird(): string {
  const dir = path.join(work, 'tb');
  fs.mkdirSync(path.join(dir, 'distribution'), { recursive: true });
  for (const name of fs.readdirSync(DEBIAN_TB)) {
    if (['distribution', 'defaults', 'thunderbird', 'thunderbird-bin'].includes(name)) continue;
    fs.symlinkSync(path.join(DEBIAN_TB, name), path.join(dir, name));
  }
  // defaults/pref: Debian's files plus the AutoConfig switch.
  const defaults = fs.realpathSync(path.join(DEBIAN_TB, 'defaults'));
  fs.mkdirSync(path.join(dir, 'defaults', 'pref'), { recursive: true });
  for (const name of fs.readdirSync(defaults))
    if (name !== 'pref') fs.symlinkSync(path.join(defaults, name), path.join(dir, 'defaults', name));
  for (const name of fs.readdirSync(path.join(defaults, 'pref')))
    fs.symlinkSync(path.join(defaults, 'pref', name), path.join(dir, 'defaults', 'pref', name));
  const autoconfig = [
    'pref("general.config.filename", "pecdoctor.cfg");',
    'pref("general.config.obscure_value", 0);',
    'pref("general.config.sandbox_enabled", false);',
  ];
  fs.writeFileSync(path.join(dir, 'defaults', 'pref', 'autoconfig.js'), autoconfig.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'pecdoctor.cfg'), LOGON_CFG);
  fs.copyFileSync(path.join(DEBIAN_TB, 'thunderbird-bin'), path.join(dir, 'thunderbird-bin'));
  fs.chmodSync(path.join(dir, 'thunderbird-bin'), 0o755);
  fs.writeFileSync(
    path.join(dir, 'distribution', 'policies.json'),
    JSON.stringify({ policies: { Certificates: { Install: [certs.caCert] } } }),
  );
  return path.join(dir, 'thunderbird-bin');
}

interface Case {
  name: string;
  cert: string[];
  key: string;
}

/** An IMAPS server that records whether the client accepted the handshake or sent an alert. */
async function imapsServer(c: Case): Promise<{ port: number; outcome: () => string | null }> {
  let outcome: string | null = null;
  const server = tls.createServer({ cert: c.cert.map((f) => fs.readFileSync(f, 'utf8')).join('\n'), key: fs.readFileSync(c.key) }, (s) => {
    if (outcome === null) outcome = 'accepted';
    s.on('error', () => undefined);
    s.write('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n');
    s.on('data', (d: Buffer) => {
      const tag = d.toString('latin1').split(' ')[0];
      s.write(`${tag} NO not here\r\n`);
    });
  });
  server.on('tlsClientError', (e) => {
    if (outcome === null && !/ECONNRESET|socket hang up/i.test(e.message)) outcome = `refused: ${e.message}`;
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  closers.push(() => server.close());
  return { port, outcome: () => outcome };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One headless start of the private Thunderbird with one IMAPS account on `port`; the server's record of it. */
async function thunderbirdMeets(bin: string, name: string, server: { port: number; outcome: () => string | null }): Promise<string | null> {
  const home = path.join(work, `home-${name.replace(/\W+/g, '-')}`);
  fs.mkdirSync(home);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    MOZ_HEADLESS: '1',
    MOZ_CRASHREPORTER_DISABLE: '1',
    TMPDIR: os.tmpdir(),
  };
  const profile = path.join(home, 'profile');
  await new Promise<void>((resolve, reject) =>
    execFile(bin, ['--headless', '-CreateProfile', `oracle ${profile}`], { env, timeout: 60_000 }, (e) => (e ? reject(e) : resolve())),
  );
  const prefs: Record<string, string | number | boolean> = {
    'mail.accountmanager.accounts': 'account1',
    'mail.accountmanager.defaultaccount': 'account1',
    'mail.account.account1.server': 'server1',
    'mail.server.server1.type': 'imap',
    'mail.server.server1.hostname': 'localhost',
    'mail.server.server1.port': server.port,
    'mail.server.server1.socketType': 3,
    'mail.server.server1.userName': 'oracle',
    'mail.server.server1.authMethod': 3,
    'offline.startup_state': 2,
    'offline.autoDetect': false,
    'app.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'mail.provider.enabled': false,
  };
  const userJs = Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`);
  fs.writeFileSync(path.join(profile, 'user.js'), userJs.join('\n') + '\n');
  // PEC_TB_LOG=<file> keeps Thunderbird's own output, to debug this test.
  const out = process.env.PEC_TB_LOG ? fs.openSync(process.env.PEC_TB_LOG, 'a') : 'ignore';
  const child = spawn(bin, ['--headless', '--no-remote', '-profile', profile], { env, detached: true, stdio: ['ignore', out, out] });
  const pid = child.pid as number;
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      /* gone */
    }
  };
  closers.push(() => kill('SIGKILL'));
  const end = Date.now() + 40_000;
  while (Date.now() < end && server.outcome() === null) await sleep(250);
  kill('SIGTERM');
  await sleep(500);
  kill('SIGKILL');
  return server.outcome();
}

test(
  'real Thunderbird accepts and refuses the certificates exactly as our thunderbird-current simulation says',
  { timeout: 480_000 },
  async () => {
    const all: Case[] = [
      { name: 'valid', cert: [certs.cert], key: certs.key },
      { name: 'expired intermediate', cert: [cases.leafViaExpired, cases.expiredInter], key: certs.key },
      { name: 'CA:FALSE intermediate', cert: [cases.leafViaNotCa, cases.notCaInter], key: certs.key },
      { name: 'missing intermediate', cert: [cases.leafViaInter], key: certs.key },
      { name: 'CN only', cert: [cases.cnOnlyCert], key: certs.key },
      { name: 'RSA 1024', cert: [cases.rsa1024Cert], key: cases.rsa1024Key },
    ];
    const bin = privateThunderbird();
    const tb: { name: string; thunderbird: string | null; ours: boolean | undefined }[] = [];
    for (const c of all) {
      const server = await imapsServer(c);
      const thunderbird = await thunderbirdMeets(bin, c.name, server);
      const r = await probeEndpoint(
        { host: 'localhost', port: server.port, protocol: 'imap', security: 'tls' },
        { ca: fs.readFileSync(certs.caCert), aia: false, stepTimeouts: { bannerMs: 300 } },
      );
      const sim = r.simulations.find((s) => s.client === 'thunderbird-current');
      assert.ok(sim?.ok, `${c.name}: handshake simulation`);
      tb.push({ name: c.name, thunderbird, ours: sim.certificate?.ok });
    }
    console.log(`# Thunderbird oracle: ${JSON.stringify(tb)}`);
    assert.equal(tb[0].thunderbird, 'accepted', 'Thunderbird must trust the test CA and connect');
    for (const x of tb) {
      assert.ok(x.thunderbird, `${x.name}: Thunderbird never connected`);
      assert.equal(x.ours, x.thunderbird === 'accepted', `${x.name}: Thunderbird ${x.thunderbird}, ours ${x.ours}`);
    }
    assert.ok(tb.filter((x) => x.thunderbird !== 'accepted').length >= 3, 'the refusals are exercised');
  },
);

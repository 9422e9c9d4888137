// Terminal injection (issue #15 item 1): strings from outside — a STARTTLS greeting, a throttle
// line, a saved report, a prefs.js and a profile name — reach the console only escaped. Each
// source is fed through the real CLI (a child process running src/cli/main.ts, real stdout and
// stderr): a loopback server that paints a fake green verdict, clears the screen, moves the
// cursor back with a bare CR and retitles the window must leave all of that visible and inert.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as tls from 'node:tls';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { makeCertificates, tempDir, type Certificates } from '../../support/servers';
import { cli as inProcessCli } from '../../support/cli';
import { escapeForTerminal, escapeInline, escapeJsonForTerminal, TerminalSafeStream } from '../../../src/util/terminal';
import { PassThrough } from 'node:stream';

const ENTRY = path.join(__dirname, '..', 'report', 'cli-entry.ts');
/** What the auditor's server sent: clear screen, green fake verdict, bare CR, OSC title + BEL, bidi override, 8-bit CSI. */
const EVIL = '\x1b[2J\x1b[32mESITO: tutto a posto\r\x1b]0;pwned\x07 \u202egnp.exe \u009b31m\x7f';

let dir: string;
let certs: Certificates;
const cleanups: Array<() => Promise<void> | void> = [];
before(async () => {
  dir = tempDir('pec-doctor-term-');
  certs = await makeCertificates(path.join(dir, 'certs'));
});
after(async () => {
  for (const c of cleanups.reverse()) await c();
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', ENTRY, ...args],
      { timeout: 120_000, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, ...env } },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: String(stdout), err: String(stderr) }),
    );
  });
}

/** Nothing a terminal would interpret: no C0 except \n and \t (CR only inside CRLF), no DEL, C1 or bidi control. */
function assertInert(text: string, where: string): void {
  // eslint-disable-next-line no-control-regex
  const bad = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|\r(?!\n)/.exec(text);
  assert.equal(
    bad,
    null,
    `${where}: raw control character ${bad ? JSON.stringify(bad[0]) : ''} at ${bad?.index}: ${JSON.stringify(text.slice(Math.max(0, (bad?.index ?? 0) - 40), (bad?.index ?? 0) + 40))}`,
  );
}

/** A plaintext IMAP server on 127.0.0.1 whose greeting carries EVIL, offers STARTTLS and really upgrades. */
async function evilImap(mode: 'starttls' | 'throttle'): Promise<number> {
  const key = fs.readFileSync(certs.key);
  const cert = fs.readFileSync(certs.cert);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
    if (mode === 'throttle') {
      s.end(`* BYE too many connections ${EVIL}\r\n`);
      return;
    }
    s.write(`* OK [CAPABILITY IMAP4rev1 STARTTLS] ${EVIL}\r\n`);
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString('latin1');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        const [tag, cmd] = line.split(' ');
        if (/^capability$/i.test(cmd)) s.write(`* CAPABILITY IMAP4rev1 STARTTLS\r\n${tag} OK done\r\n`);
        else if (/^starttls$/i.test(cmd)) {
          s.off('data', onData);
          s.write(`${tag} OK begin TLS\r\n`, () => {
            const t = new tls.TLSSocket(s, {
              isServer: true,
              secureContext: tls.createSecureContext({ key, cert, minVersion: 'TLSv1.2' }),
            });
            t.on('error', () => undefined);
            t.on('data', (x: Buffer) => {
              const [tg] = x.toString().split(' ');
              t.write(`* CAPABILITY IMAP4rev1 ${EVIL}\r\n${tg} OK ${EVIL}\r\n`);
            });
          });
          return;
        } else s.write(`${tag} BAD ${EVIL}\r\n`);
      }
    };
    s.on('data', onData);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  );
  return (server.address() as net.AddressInfo).port;
}

test('the sanitizer escapes controls, bare CR, BEL, DEL, C1 and bidi; keeps our newlines and tabs', () => {
  assert.equal(escapeForTerminal('a\tb\nc\r\nd'), 'a\tb\nc\r\nd');
  assert.equal(escapeForTerminal(EVIL), '\\x1b[2J\\x1b[32mESITO: tutto a posto\\r\\x1b]0;pwned\\x07 \\u202egnp.exe \\x9b31m\\x7f');
  assert.equal(escapeInline('riga\nfalsa\tx'), 'riga\\nfalsa\\tx');
  assert.equal(escapeForTerminal('perché è così — ✓'), 'perché è così — ✓', 'ordinary non-ASCII text untouched');
  // The JSON form stays valid JSON and means the same string.
  const json = escapeJsonForTerminal(JSON.stringify({ v: EVIL }));
  assertInert(json, 'json');
  assert.equal((JSON.parse(json) as { v: string }).v, EVIL);
  // A CR at the end of one write followed by LF in the next is a CRLF, not a bare CR.
  const sink = new PassThrough();
  let seen = '';
  sink.on('data', (c) => (seen += c));
  const s = new TerminalSafeStream(sink);
  s.write('uno\r');
  s.write('\ndue\r');
  s.write('x');
  s.flushPending();
  assert.equal(seen, 'uno\r\ndue\\rx');
});

test('probe: a hostile STARTTLS greeting, capability and banner stay inert (text and --json)', async () => {
  const port = await evilImap('starttls');
  const url = `imap://127.0.0.1:${port}`;
  const r = await run(['probe', '--timeout', '10', '--no-ciphers', '--ca', certs.caCert, url]);
  assertInert(r.out, 'probe stdout');
  assertInert(r.err, 'probe stderr');
  // The greeting is shown (the technician needs it), escaped.
  assert.ok(r.out.includes('\\x1b[2J\\x1b[32mESITO: tutto a posto\\r\\x1b]0;pwned\\x07'), r.out);
  const j = await run(['probe', '--json', '--timeout', '10', '--no-ciphers', '--ca', certs.caCert, url]);
  assertInert(j.out, 'probe --json');
  const parsed = JSON.parse(j.out) as { endpoints: { banner: string | null }[] };
  assert.ok(parsed.endpoints[0].banner?.includes('ESITO: tutto a posto\r\x1b]0;pwned\x07'), 'JSON keeps the exact text, escaped as JSON');
});

test('probe and check: a hostile throttle line stays inert, also in the progress lines on stderr', async () => {
  const port = await evilImap('throttle');
  const url = `imap://127.0.0.1:${port}`;
  const p = await run(['probe', '--timeout', '5', '--no-ciphers', url]);
  assertInert(p.out, 'probe stdout');
  assert.match(p.out, /too many connections \\x1b\[2J/);
  const c = await run(['check', '--no-discovery', '--timeout', '5', '--server', url]);
  assertInert(c.out, 'check stdout');
  assertInert(c.err, 'check stderr');
  assert.match(c.out + c.err, /\\x1b\[2J/, 'the hostile text is shown, escaped');
  const cj = await run(['check', '--json', '--no-discovery', '--timeout', '5', '--server', url]);
  assertInert(cj.out, 'check --json');
  assertInert(cj.err, 'check --json stderr');
  const report = JSON.parse(cj.out) as { endpoints: { detail: string | null }[] };
  assert.ok(report.endpoints[0].detail?.includes(EVIL.slice(0, 20)), report.endpoints[0].detail ?? '');
});

test('evaluate: strings of a saved report reach the terminal escaped; --json stays valid', async () => {
  const saved = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'reports', 'win7-outlook-2010.json'), 'utf8'));
  saved.accounts.accounts[0].name = `Avv. ${EVIL}`;
  saved.accounts.accounts[0].profile = `Outlook${EVIL}`;
  saved.createdAt = `2026-11-23T10:00:00.000Z`;
  saved.inventory.os.caption = `Windows ${EVIL}`;
  for (const e of saved.endpoints ?? []) {
    e.detail = EVIL;
    // A newline in a value (here the certificate issuer, quoted in a finding) must not fake a line of ours.
    if (e.certificate)
      Object.assign(e.certificate, { issuer: 'CN=X\nESITO: tutto a posto (verificato)\n', trusted: false, trustError: 'self-signed' });
  }
  const file = path.join(dir, 'hostile-report.json');
  fs.writeFileSync(file, JSON.stringify(saved));
  const r = await run(['evaluate', file]);
  assertInert(r.out, 'evaluate stdout');
  assert.equal(r.out.split('\n').filter((l) => /^\s*ESITO/.test(l)).length, 1, r.out);
  assert.match(r.out, /CN=X\\nESITO: tutto a posto/, 'the value is shown, its newline escaped');
  assertInert(r.err, 'evaluate stderr');
  const j = await run(['evaluate', '--json', file]);
  assertInert(j.out, 'evaluate --json');
  assert.doesNotThrow(() => JSON.parse(j.out));
  // A file name with controls, in the error message.
  const missing = await run(['evaluate', path.join(dir, `nope${EVIL}.json`)]);
  assert.equal(missing.code, 6, 'EXIT_BAD_REPORT: the report cannot be used');
  assertInert(missing.err, 'evaluate error');
});

test('accounts: a hostile profile name and prefs.js values are shown escaped, on one line each', async () => {
  const home = path.join(dir, 'home');
  const root = path.join(home, '.thunderbird');
  fs.mkdirSync(path.join(root, 'p1'), { recursive: true });
  fs.writeFileSync(path.join(root, 'profiles.ini'), `[Profile0]\nName=Studio${EVIL}\nIsRelative=1\nPath=p1\nDefault=1\n`);
  const esc = (s: string) => JSON.stringify(s);
  fs.writeFileSync(
    path.join(root, 'p1', 'prefs.js'),
    [
      'user_pref("mail.accountmanager.accounts", "account1");',
      'user_pref("mail.account.account1.server", "server1");',
      'user_pref("mail.account.account1.identities", "id1");',
      'user_pref("mail.server.server1.type", "imap");',
      'user_pref("mail.server.server1.hostname", "imaps.pec.aruba.it");',
      'user_pref("mail.server.server1.socketType", 3);',
      `user_pref("mail.server.server1.name", ${esc(`Casella\nESITO: tutto a posto${EVIL}`)});`,
      `user_pref("mail.identity.id1.useremail", ${esc(`mario${EVIL}@pec.it`)});`,
      `user_pref("mail.identity.id1.fullName", ${esc(EVIL)});`,
    ].join('\n'),
  );
  const r = await run(['accounts', '--no-dns', '--platform', 'linux', '--home', home]);
  assertInert(r.out, 'accounts stdout');
  assertInert(r.err, 'accounts stderr');
  assert.match(r.out, /Studio\\x1b\[2J/);
  assert.ok(!r.out.split('\n').some((l) => l.startsWith('ESITO')), 'a newline inside a value cannot start a line of ours');
  const j = await run(['accounts', '--json', '--no-dns', '--platform', 'linux', '--home', home]);
  assertInert(j.out, 'accounts --json');
  const parsed = JSON.parse(j.out) as { accounts: { profile: string }[] };
  assert.equal(parsed.accounts[0].profile, `Studio${EVIL}`);
});

test('usage errors and unknown commands echo the argument escaped (in-process harness)', async () => {
  const r = await inProcessCli(`pro${EVIL}be`);
  assert.equal(r.code, 2);
  assertInert(r.err, 'unknown command');
  const u = await inProcessCli('probe', `imaps://ex${EVIL}.it`);
  assertInert(u.err, 'bad url');
});

test('inventory: strings of a recorded machine (an OS name) reach the terminal escaped', async () => {
  const rec = path.join(dir, 'machine');
  fs.cpSync(path.join(__dirname, '..', '..', 'fixtures', 'inventory', 'debian-12'), rec, { recursive: true });
  const osRelease = path.join(rec, 'files', 'etc', 'os-release');
  const si = JSON.parse(fs.readFileSync(path.join(rec, 'si-osinfo.json'), 'utf8'));
  si.distro = `Debian ${EVIL}`;
  fs.writeFileSync(path.join(rec, 'si-osinfo.json'), JSON.stringify(si));
  fs.writeFileSync(osRelease, fs.readFileSync(osRelease, 'utf8').replace(/^(PRETTY_NAME|NAME)="/gm, `$1="Debian ${EVIL}`));
  const r = await inProcessCli('inventory', '--fixture', rec);
  assert.equal(r.code, 0, r.err);
  assertInert(r.out, 'inventory');
  assert.match(r.out, /Debian \\x1b\[2J/);
  const j = await inProcessCli('inventory', '--json', '--fixture', rec);
  assertInert(j.out, 'inventory --json');
  assert.ok(j.out.includes('\\u001b[2J'), 'the JSON carries the same text as a JSON escape');
  assert.doesNotThrow(() => JSON.parse(j.out));
});

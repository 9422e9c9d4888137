// Unbounded reads (issue #15 item 6): a FIFO as prefs.js or profiles.ini hung discovery for
// ever; a 400 MB prefs.js took 21-28 s and 4.1 GB; a prefs.js linked to a system file leaked its
// first word; the Windows Live Mail parser was quadratic (938 KB: 9.9 s). Real files, FIFOs
// (mkfifo), sparse files and symbolic links in a temporary home, read by the real readers and
// by the real CLI. (scripts/bench-hostile.ts prints the before/after figures.)
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { tempDir } from '../../support/servers';
import { cli } from '../../support/cli';
import { discoverAccounts } from '../../../src/accounts/index';
import { parsePrefs } from '../../../src/accounts/prefs-js';
import { parseOeAccount } from '../../../src/accounts/windows-live-mail';
import { LIMITS, readBounded } from '../../../src/platform/read-bounded';

let dir: string;
before(() => {
  dir = tempDir('pec-doctor-bounded-');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const PREFS = [
  'user_pref("mail.accountmanager.accounts", "account1");',
  'user_pref("mail.account.account1.server", "server1");',
  'user_pref("mail.server.server1.type", "imap");',
  'user_pref("mail.server.server1.hostname", "imaps.pec.aruba.it");',
  'user_pref("mail.server.server1.socketType", 3);',
].join('\n');

/** A home with one Thunderbird profile; `prefs` makes p1/prefs.js (or whatever it should be). */
function home(name: string, prefs: (file: string) => void, ini?: (file: string) => void): string {
  const h = path.join(dir, name);
  const root = path.join(h, '.thunderbird');
  fs.mkdirSync(path.join(root, 'p1'), { recursive: true });
  const iniFile = path.join(root, 'profiles.ini');
  if (ini) ini(iniFile);
  else fs.writeFileSync(iniFile, '[Profile0]\nName=default\nIsRelative=1\nPath=p1\nDefault=1\n');
  prefs(path.join(root, 'p1', 'prefs.js'));
  return h;
}

async function timedDiscovery(h: string) {
  const t = Date.now();
  const r = await discoverAccounts({ env: { HOME: h }, platform: 'linux', registry: null, resolveMx: null });
  return { r, ms: Date.now() - t };
}

test('a FIFO as prefs.js or profiles.ini is refused at once, with a specific message', async () => {
  const a = home('fifo-prefs', (f) => execFileSync('mkfifo', [f]));
  const { r, ms } = await timedDiscovery(a);
  assert.ok(ms < 2_000, `${ms} ms`);
  assert.equal(r.accounts.length, 0);
  assert.match(r.errors[0]?.error ?? '', /FIFO \(named pipe\), not a regular file/);
  const b = home(
    'fifo-ini',
    (f) => fs.writeFileSync(f, PREFS),
    (f) => execFileSync('mkfifo', [f]),
  );
  const second = await timedDiscovery(b);
  assert.ok(second.ms < 2_000, `${second.ms} ms`);
  assert.match(second.r.errors[0]?.error ?? '', /profiles\.ini|FIFO/);
  assert.match(second.r.errors[0]?.source ?? '', /profiles\.ini$/);
  // The CLI ends too, and says why.
  const c = await cli('accounts', '--no-dns', '--platform', 'linux', '--home', a);
  assert.equal(c.code, 0);
  assert.match(c.out, /Non leggibili:[\s\S]*prefs\.js: .*FIFO/);
});

test('a 400 MB prefs.js is refused by its size in milliseconds, naming the limit', async () => {
  // Sparse: 400 MB on paper, nothing on disk.
  const h = home('huge', (f) => {
    fs.writeFileSync(f, PREFS);
    fs.truncateSync(f, 400 * 1024 * 1024);
  });
  const { r, ms } = await timedDiscovery(h);
  assert.ok(ms < 2_000, `${ms} ms`);
  assert.match(r.errors[0]?.error ?? '', /400\.0 MB, more than the 32\.0 MB a prefs\.js can be/);
});

test('a prefs.js linked outside its profile (a shadow-like file) is named, never parsed nor quoted', async () => {
  const shadow = path.join(dir, 'shadow');
  fs.writeFileSync(shadow, 'rootsecret:$6$Zx9$abcdefgh:19000:0:99999:7:::\n');
  const h = home('link', (f) => fs.symlinkSync(shadow, f));
  const { r } = await timedDiscovery(h);
  const json = JSON.stringify(r);
  assert.ok(!json.includes('rootsecret'), json);
  assert.match(r.errors[0]?.error ?? '', new RegExp(`symbolic link to ${shadow.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, outside`));
  // Linked to a device: refused the same way, without reading it.
  const dev = home('dev', (f) => fs.symlinkSync('/dev/zero', f));
  const d = await timedDiscovery(dev);
  assert.match(d.r.errors[0]?.error ?? '', /outside|not a regular file/);
  // A link that stays inside the profile is followed, and reported to whoever asks.
  const inside = home('inside', (f) => {
    fs.writeFileSync(`${f}.real`, PREFS);
    fs.symlinkSync(`${f}.real`, f);
  });
  const ok = await timedDiscovery(inside);
  assert.equal(ok.r.accounts.length, 1, JSON.stringify(ok.r.errors));
  const read = await readBounded(path.join(inside, '.thunderbird', 'p1', 'prefs.js'), { maxBytes: LIMITS.prefsJs });
  assert.ok(read.ok && read.linkTarget?.endsWith('prefs.js.real'));
});

test('a syntax error in prefs.js says where, not what the file holds', () => {
  for (const text of ['rootsecret:x:0:0', 'user_pref("a", secretword);', 'user_pref("a", 99999999999);', '\u0007']) {
    const r = parsePrefs(text);
    assert.ok(r.error, text);
    assert.ok(!/rootsecret|secretword|99999999999/.test(r.error.reason) && !r.error.reason.includes('\u0007'), r.error.reason);
  }
});

test('prefs.js strings are read in linear time and memory (30 MB string: bounded heap)', () => {
  const big = 'x'.repeat(30 * 1024 * 1024);
  const text = `user_pref("mail.server.server1.name", "${big}");\nuser_pref("e", "${'\\n'.repeat(1024 * 1024)}");`;
  const heap0 = process.memoryUsage().heapUsed;
  const t = Date.now();
  const r = parsePrefs(text);
  const ms = Date.now() - t;
  const grown = (process.memoryUsage().heapUsed - heap0) / (1024 * 1024);
  assert.equal(r.error, null);
  assert.equal((r.prefs.get('mail.server.server1.name') as string).length, big.length);
  assert.equal((r.prefs.get('e') as string).length, 1024 * 1024);
  // A character-at-a-time concatenation kept ~1.2 GB alive for a 30 MB string.
  assert.ok(grown < 400, `heap grew by ${grown.toFixed(0)} MB`);
  assert.ok(ms < 5_000, `${ms} ms`);
});

test('Windows Live Mail: 938 KB of hostile markup parsed in linear time', () => {
  const shapes = {
    unclosedRoots: '<MessageAccount>'.repeat(938_000 / 16),
    unclosedElements: '<MessageAccount>' + '<a>'.repeat(938_000 / 3) + '</MessageAccount>',
    lessThans: '<MessageAccount>' + '<'.repeat(938_000) + '</MessageAccount>',
    openQuotes: '<MessageAccount>' + '<a b="c'.repeat(938_000 / 7) + '</MessageAccount>',
  };
  for (const [name, xml] of Object.entries(shapes)) {
    const t = Date.now();
    try {
      parseOeAccount(xml);
    } catch {
      // "not an .oeaccount file" is a fine answer; the time is what is tested
    }
    const ms = Date.now() - t;
    assert.ok(ms < 1_500, `${name}: ${ms} ms`);
  }
});

test('a .oeaccount FIFO or a huge one is refused; a password element in CDATA never kept', async () => {
  const local = path.join(dir, 'wlm', 'Local');
  const acct = path.join(local, 'Microsoft', 'Windows Live Mail', 'A');
  fs.mkdirSync(acct, { recursive: true });
  execFileSync('mkfifo', [path.join(acct, 'account{1}.oeaccount')]);
  const big = path.join(acct, 'account{2}.oeaccount');
  fs.writeFileSync(big, '<MessageAccount>');
  fs.truncateSync(big, 5 * 1024 * 1024);
  fs.writeFileSync(
    path.join(acct, 'account{3}.oeaccount'),
    '<MessageAccount><IMAP_Server type="SZ">imaps.pec.aruba.it</IMAP_Server><IMAP_Password2 type="SZ"><![CDATA[S3CR3T<>]]></IMAP_Password2></MessageAccount>',
  );
  const t = Date.now();
  const r = await discoverAccounts({ env: { LOCALAPPDATA: local }, platform: 'win32', registry: null, resolveMx: null });
  assert.ok(Date.now() - t < 2_000);
  assert.equal(r.accounts.length, 1);
  const json = JSON.stringify(r);
  assert.ok(!json.includes('S3CR3T') && !/Password2/.test(json), json);
  assert.match(json, /FIFO/);
  assert.match(json, /5\.0 MB, more than the 1\.0 MB/);
});

test('inventory --fixture: a FIFO or a corrupt machine.json is a clear usage error, not a hang or a parser message', async () => {
  const fifo = path.join(dir, 'rec-fifo');
  fs.mkdirSync(fifo);
  execFileSync('mkfifo', [path.join(fifo, 'machine.json')]);
  const t = Date.now();
  const a = await cli('inventory', '--fixture', fifo);
  assert.ok(Date.now() - t < 2_000);
  assert.equal(a.code, 2);
  assert.match(a.err, /macchina registrata .* non è leggibile.*FIFO/);
  const bad = path.join(dir, 'rec-bad');
  fs.mkdirSync(bad);
  fs.writeFileSync(path.join(bad, 'machine.json'), '{"platform": ');
  const b = await cli('inventory', '--fixture', bad);
  assert.equal(b.code, 2);
  assert.match(b.err, /--fixture: la macchina registrata/);
});

// Apple Mail's accounts from recorded home folders (test/fixtures/accounts/macos-*): the XML and
// the binary plist give the same accounts; a store kept in Accounts4.sqlite or a folder macOS
// refuses to list is reported as unreadable, never as "no account"; hostile binary plists give a
// PlistError, not a crash or a hang.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { findAppleMailAccounts, accountsFromMailPlist, smtpIdentifierHost } from '../../../src/accounts/apple-mail';
import { parseBinaryPlist } from '../../../src/accounts/apple-mail-bplist';
import { discoverAccounts } from '../../../src/accounts/index';
import { PlistError, parsePlist } from '../../../src/inventory/plist';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'accounts');
const home = (name: string) => path.join(FIXTURES, name, 'Users', 'giulia');

for (const kind of ['xml', 'binary']) {
  test(`Apple Mail accounts from the ${kind} Accounts.plist`, async () => {
    const r = await findAppleMailAccounts(home(`macos-applemail-${kind}`));
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.accounts.map((a) => [
        a.client,
        a.email,
        a.incoming && `${a.incoming.host}:${a.incoming.port}:${a.incoming.security}`,
        a.outgoing && `${a.outgoing.host}:${a.outgoing.port}:${a.outgoing.security}`,
      ]),
      [
        ['applemail', 'studio.bianchi@pec.it', 'imaps.pec.aruba.it:993:tls', 'smtps.pec.aruba.it:465:tls'],
        ['applemail', 'giulia.bianchi@gmail.com', 'imap.gmail.com:993:tls', 'smtp.gmail.com:587:starttls'],
      ],
    );
    assert.equal(r.accounts[0].incoming?.userName, 'studio.bianchi@pec.it');
  });
}

test('discovery on a Mac classifies the Apple Mail PEC account (Aruba by domain)', async () => {
  const r = await discoverAccounts({ env: { HOME: home('macos-applemail-binary') }, platform: 'darwin', registry: null, resolveMx: null });
  const pec = r.accounts.find((a) => a.email === 'studio.bianchi@pec.it');
  assert.equal(pec?.provider, 'aruba');
  assert.deepEqual(pec?.findings, []);
  assert.equal(r.accounts.find((a) => a.email?.endsWith('@gmail.com'))?.provider, null);
});

test('accounts kept in Accounts4.sqlite are reported as unreadable (Node 16 has no SQLite)', async () => {
  const r = await findAppleMailAccounts(home('macos-applemail-sqlite'));
  assert.deepEqual(r.accounts, []);
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0].source, /^applemail: .*Accounts4\.sqlite$/);
  assert.match(r.errors[0].error ?? '', /SQLite/);
});

test('a Mail folder macOS refuses to list is reported as "access not permitted"', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'applemail-'));
  const mail = path.join(dir, 'Library', 'Mail');
  fs.mkdirSync(mail, { recursive: true });
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.dirname(mail), 0o755);
  fs.chmodSync(mail, 0);
  try {
    // Root reads every folder: then the reader runs in a child as the unprivileged user "nobody".
    const asRoot = process.getuid?.() === 0;
    const child = path.join(__dirname, 'apple-mail-child.ts');
    const r = await new Promise<{ accounts: unknown[]; errors: { error?: string }[] }>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', child, dir],
        {
          timeout: 60_000,
          cwd: path.join(__dirname, '../../..'),
          ...(asRoot ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: '/tmp' } } : {}),
        },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${String(stderr)}`)) : resolve(JSON.parse(String(stdout)))),
      );
    });
    assert.deepEqual(r.accounts, []);
    assert.match(r.errors[0]?.error ?? '', /EACCES|EPERM/);
  } finally {
    fs.chmodSync(mail, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a home without Apple Mail data gives neither accounts nor errors', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'applemail-'));
  try {
    assert.deepEqual(await findAppleMailAccounts(dir), { accounts: [], errors: [] });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('hostile binary plists: a clear PlistError, never a crash or a hang', () => {
  const good = fs.readFileSync(path.join(home('macos-applemail-binary'), 'Library', 'Mail', 'V10', 'MailData', 'Accounts.plist'));
  const cases: Buffer[] = [Buffer.from('bplist00'), Buffer.concat([good.subarray(0, good.length - 40), good.subarray(good.length - 32)])];
  // A dictionary that contains itself (reference cycle).
  const cyc = Buffer.alloc(8 + 3 + 1 + 32);
  cyc.write('bplist00', 0, 'latin1');
  cyc[8] = 0xd1; // dict of 1: key ref 0? -> points to itself below
  cyc[9] = 0x00;
  cyc[10] = 0x00;
  cyc[11] = 8; // offset table: object 0 at 8
  cyc[12 + 6] = 1;
  cyc[12 + 7] = 1;
  cyc.writeBigUInt64BE(1n, 12 + 8);
  cyc.writeBigUInt64BE(0n, 12 + 16);
  cyc.writeBigUInt64BE(11n, 12 + 24);
  cases.push(cyc);
  // Random corruption of the real file, many times.
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 300; i++) {
    const b = Buffer.from(good);
    for (let k = 0; k < 4; k++) b[8 + Math.floor(rnd() * (b.length - 8))] = Math.floor(rnd() * 256);
    cases.push(b);
  }
  let errors = 0;
  for (const c of cases) {
    try {
      parseBinaryPlist(c);
    } catch (err) {
      assert.ok(err instanceof PlistError, `not a PlistError: ${String(err)}`);
      errors++;
    }
  }
  assert.ok(errors >= 3, 'the broken files are refused');
});

test('a recorded Mac (inventory --record layout): its Apple Mail accounts are read from the recording', async () => {
  const { discoverRecordedAccounts } = await import('../../../src/accounts/index');
  const r = await discoverRecordedAccounts(path.join(FIXTURES, 'macos-recorded-applemail'));
  assert.deepEqual(
    r.accounts.map((a) => [a.client, a.email, a.provider]),
    [
      ['applemail', 'studio.bianchi@pec.it', 'aruba'],
      ['applemail', 'giulia.bianchi@gmail.com', null],
    ],
  );
});

test('an account whose SMTP server is named only by SMTPIdentifier ("host:user"): the host is kept in the evidence with where the rest lives', () => {
  const plist = parsePlist(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>MailAccounts</key>
	<array>
		<dict>
			<key>AccountName</key>
			<string>PEC Studio</string>
			<key>AccountType</key>
			<string>IMAPAccount</string>
			<key>EmailAddresses</key>
			<array><string>studio.bianchi@pec.it</string></array>
			<key>Hostname</key>
			<string>imaps.pec.aruba.it</string>
			<key>PortNumber</key>
			<string>993</string>
			<key>SMTPIdentifier</key>
			<string>smtps.pec.aruba.it:studio.bianchi@pec.it</string>
			<key>SSLEnabled</key>
			<string>YES</string>
			<key>Username</key>
			<string>studio.bianchi@pec.it</string>
		</dict>
	</array>
</dict>
</plist>`);
  const [account] = accountsFromMailPlist(plist, '/Users/giulia/Library/Mail/V10/MailData/Accounts.plist');
  assert.equal(account.incoming?.host, 'imaps.pec.aruba.it');
  // No port or security is invented for it.
  assert.equal(account.outgoing, null);
  const note = account.evidence.find((e) => /SMTPIdentifier/.test(e.source));
  assert.ok(note, 'the outgoing server is not dropped without a word');
  assert.match(note.raw ?? '', /^outgoing server smtps\.pec\.aruba\.it: port and security not in this file/);
  assert.match(note.raw ?? '', /Accounts4\.sqlite/);
  assert.doesNotMatch(note.raw ?? '', /studio\.bianchi/); // the user part stays out of the evidence
  assert.equal(smtpIdentifierHost('smtp.gmail.com:giulia@gmail.com'), 'smtp.gmail.com');
  assert.equal(smtpIdentifierHost('SMTPS.PEC.ARUBA.IT'), 'smtps.pec.aruba.it');
  assert.equal(smtpIdentifierHost('8A1C6F2E-0B7D-4E1A-9C55-3F1B2D4E6A70'), null); // a uniqueId, not a host
  assert.equal(smtpIdentifierHost(null), null);
});

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverAccounts } from '../../../src/accounts/index';
import { parseProfilesIni, thunderbirdRoots } from '../../../src/accounts/thunderbird-profiles';
import type { Account } from '../../../src/accounts/types';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'accounts');
const LINUX_HOME = path.join(FIXTURES, 'home-linux');
const fakeMx = async (domain: string) => {
  if (domain === 'studioneri.it') return [{ exchange: 'mx.cert.legalmail.it', priority: 10 }];
  throw Object.assign(new Error('queryMx ENOTFOUND ' + domain), { code: 'ENOTFOUND' });
};
const byEmail = (accounts: Account[], email: string): Account => {
  const a = accounts.find((x) => x.email === email);
  assert.ok(a, `account ${email} not found among ${accounts.map((x) => x.email).join(', ')}`);
  return a;
};

test('profiles.ini: [Install] default wins over Default=1, relative and absolute paths', () => {
  const root = { dir: '/home/u/.thunderbird', kind: 'linux' };
  const ini = [
    '[Profile0]',
    'Name=a',
    'IsRelative=1',
    'Path=x.a',
    'Default=1',
    '',
    '[Profile1]',
    'Name=b',
    'IsRelative=0',
    'Path=/mnt/data/tb/b',
    '',
    '[InstallABC]',
    'Default=/mnt/data/tb/b',
    'Locked=1',
  ].join('\n');
  const ps = parseProfilesIni(ini, null, root);
  assert.deepEqual(
    ps.map((p) => [p.name, p.dir, p.isDefault]),
    [
      ['a', '/home/u/.thunderbird/x.a', false],
      ['b', '/mnt/data/tb/b', true],
    ],
  );
  // Without an install section, Default=1 decides.
  const old = parseProfilesIni(
    '[Profile0]\nName=a\nIsRelative=1\nPath=x.a\n[Profile1]\nName=b\nIsRelative=1\nPath=y.b\nDefault=1\n',
    null,
    root,
  );
  assert.deepEqual(
    old.map((p) => p.isDefault),
    [false, true],
  );
  // installs.ini alone also names the default.
  const inst = parseProfilesIni(
    '[Profile0]\nName=a\nIsRelative=1\nPath=x.a\nDefault=1\n[Profile1]\nName=b\nIsRelative=1\nPath=y.b\n',
    '[HASH]\nDefault=y.b\nLocked=1\n',
    root,
  );
  assert.deepEqual(
    inst.map((p) => p.isDefault),
    [false, true],
  );
  // A single profile with no default is the one Thunderbird starts.
  assert.equal(parseProfilesIni('[Profile0]\nName=solo\nIsRelative=1\nPath=s.solo\n', null, root)[0].isDefault, true);
  // Windows layout: forward slashes in Path, backslash root.
  const win = parseProfilesIni('[Profile0]\r\nName=default-release\r\nIsRelative=1\r\nPath=Profiles/k.default-release\r\n', null, {
    dir: 'C:\\Users\\A\\AppData\\Roaming\\Thunderbird',
    kind: 'windows',
  });
  assert.equal(win[0].dir, 'C:\\Users\\A\\AppData\\Roaming\\Thunderbird\\Profiles\\k.default-release');
});

test('roots follow HOME / APPDATA for Linux (incl. snap and flatpak), macOS and Windows', () => {
  const linux = thunderbirdRoots({ HOME: '/h' }, 'linux').map((r) => r.dir);
  assert.ok(linux.includes('/h/.thunderbird'));
  assert.ok(linux.includes('/h/snap/thunderbird/common/.thunderbird'));
  assert.ok(linux.includes('/h/.var/app/org.mozilla.Thunderbird/.thunderbird'));
  assert.deepEqual(
    thunderbirdRoots({ HOME: '/Users/a' }, 'darwin').map((r) => r.dir),
    ['/Users/a/Library/Thunderbird'],
  );
  assert.deepEqual(
    thunderbirdRoots({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32').map((r) => r.dir),
    ['C:\\Users\\a\\AppData\\Roaming\\Thunderbird'],
  );
});

test('Linux home: every profile in ~/.thunderbird, snap and flatpak; Local Folders, RSS and news skipped', async () => {
  const r = await discoverAccounts({ env: { HOME: LINUX_HOME }, platform: 'linux', registry: null, resolveMx: fakeMx });
  assert.deepEqual(r.accounts.map((a) => a.email).sort(), [
    'anna.bianchi@avvocatinapoli.legalmail.it',
    'avv.verdi@studioverdi.it',
    'mario.rossi.privato@gmail.com',
    'mario.rossi@pec.it',
    'neri@studioneri.it',
    'segreteria@postecert.it',
  ]);
  assert.ok(r.accounts.every((a) => a.client === 'thunderbird'));

  const aruba = byEmail(r.accounts, 'mario.rossi@pec.it');
  assert.equal(aruba.profile, 'studio');
  assert.equal(aruba.isDefaultProfile, true); // [Install...] default, not the Default=1 profile
  assert.equal(aruba.name, 'PEC Mario Rossi');
  assert.equal(aruba.provider, 'aruba');
  assert.equal(aruba.providerMatch, 'domain');
  assert.deepEqual(aruba.incoming, {
    host: 'imaps.pec.aruba.it',
    port: 993,
    protocol: 'imap',
    security: 'tls',
    userName: 'mario.rossi@pec.it',
  });
  assert.deepEqual(aruba.outgoing, {
    host: 'smtps.pec.aruba.it',
    port: 465,
    protocol: 'smtp',
    security: 'tls',
    userName: 'mario.rossi@pec.it',
  });
  // Second identity without its own smtpServer uses mail.smtp.defaultserver.
  assert.deepEqual(
    aruba.identities?.map((i) => [i.email, i.name, i.outgoing?.host]),
    [
      ['mario.rossi@pec.it', 'Avv. Mario Rossi', 'smtps.pec.aruba.it'],
      ['studio.rossi@pec.it', 'Studio Rossi "PEC"', 'smtps.pec.aruba.it'],
    ],
  );
  assert.deepEqual(aruba.tlsVersionPrefs, { min: null, max: 1 });
  // Evidence: the prefs lines that were used, the fallback to the default SMTP server included.
  assert.match(aruba.evidence[0].source, /abcd1234\.studio[\\/]prefs\.js$/);
  assert.ok(aruba.evidence[0].raw?.includes('user_pref("mail.server.server1.socketType", 3);'));
  assert.ok(aruba.evidence[0].raw?.includes('user_pref("mail.smtp.defaultserver", "smtp1");'));
  assert.deepEqual(aruba.findings, ['thunderbird-tls-max-lowered']);
  // The password pref of the fixture never reaches the result.
  assert.ok(!JSON.stringify(r).includes('NEVER-READ-THIS'));
  assert.ok(!/password/i.test(JSON.stringify(r)));

  const legal = byEmail(r.accounts, 'anna.bianchi@avvocatinapoli.legalmail.it');
  assert.equal(legal.provider, 'infocert-legalmail');
  assert.deepEqual(legal.incoming, {
    host: 'mbox.cert.legalmail.it',
    port: 110,
    protocol: 'pop3',
    security: 'starttls',
    userName: 'ABCD1234',
  });
  assert.deepEqual(legal.outgoing?.port, 587);
  assert.deepEqual(legal.findings, ['account-wrong-port', 'account-security-mismatch', 'thunderbird-tls-max-lowered']);
  assert.ok(
    legal.findingDetails?.every((d) => d.role !== 'incoming'),
    'Legalmail POP3 port is not confirmed: no incoming finding',
  );

  const poste = byEmail(r.accounts, 'segreteria@postecert.it');
  // No port, no socketType: Thunderbird's defaults (plain, 143); SMTP without try_ssl is plain.
  assert.deepEqual(poste.incoming, {
    host: 'mail.postecert.it',
    port: 143,
    protocol: 'imap',
    security: 'plain',
    userName: 'segreteria@postecert.it',
  });
  assert.deepEqual(poste.outgoing, {
    host: 'mail.postecert.it',
    port: 25,
    protocol: 'smtp',
    security: 'plain',
    userName: 'segreteria@postecert.it',
  });
  assert.deepEqual(
    poste.findingDetails?.filter((d) => d.id === 'account-plaintext').map((d) => [d.role, d.server]),
    [
      ['incoming', 'mail.postecert.it:143'],
      ['outgoing', 'mail.postecert.it:25'],
    ],
  );

  const namirial = byEmail(r.accounts, 'avv.verdi@studioverdi.it');
  assert.equal(namirial.profile, 'default');
  assert.equal(namirial.provider, 'namirial');
  assert.equal(namirial.providerMatch, 'host');
  // realhostname (the server renamed after creation) wins over hostname.
  assert.equal(namirial.incoming?.host, 'imaps.sicurezzapostale.it');
  assert.deepEqual(namirial.findings, ['account-wrong-port', 'account-security-mismatch']);
  assert.deepEqual(namirial.tlsVersionPrefs, { min: 3, max: 4 });

  const neri = byEmail(r.accounts, 'neri@studioneri.it');
  assert.equal(neri.provider, 'infocert-legalmail');
  assert.equal(neri.providerMatch, 'mx');
  assert.equal(neri.outgoing?.host, 'mail.studioneri.it', 'outgoing server read from mail.outgoingserver.*');
  assert.deepEqual(neri.findings, ['account-wrong-host']);
  assert.ok(neri.evidence.some((e) => e.source === 'dns MX studioneri.it' && e.raw === '10 mx.cert.legalmail.it'));

  const gmail = byEmail(r.accounts, 'mario.rossi.privato@gmail.com');
  assert.equal(gmail.provider, null);
  assert.deepEqual(gmail.findings, []);
  assert.ok(gmail.evidence.some((e) => e.source === 'dns MX gmail.com' && e.error === 'ENOTFOUND'));

  // The truncated profile is reported, with the reason, and did not stop the others.
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0].source, /efgh5678\.rotto[\\/]prefs\.js$/);
  assert.match(r.errors[0].error ?? '', /^unreadable: line 10: "\(" expected, found the end of the file \(truncated\?\)/);
});

test('an absolute Path= and a profiles.ini entry whose folder is gone', async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-accounts-'));
  try {
    const tb = path.join(home, '.thunderbird');
    fs.mkdirSync(tb);
    const elsewhere = path.join(home, 'altrove', 'profilo');
    fs.mkdirSync(elsewhere, { recursive: true });
    fs.copyFileSync(path.join(LINUX_HOME, '.thunderbird', 'abcd1234.studio', 'prefs.js'), path.join(elsewhere, 'prefs.js'));
    fs.writeFileSync(
      path.join(tb, 'profiles.ini'),
      `[Profile0]\nName=assoluto\nIsRelative=0\nPath=${elsewhere}\nDefault=1\n\n[Profile1]\nName=sparito\nIsRelative=1\nPath=non.esiste\n`,
    );
    const r = await discoverAccounts({ env: { HOME: home }, platform: 'linux', registry: null, resolveMx: null });
    assert.equal(r.accounts.length, 3);
    assert.ok(r.accounts.every((a) => a.profile === 'assoluto' && a.isDefaultProfile === true));
    assert.deepEqual(r.errors, []);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test('macOS layout: ~/Library/Thunderbird', async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-accounts-'));
  try {
    const root = path.join(home, 'Library', 'Thunderbird');
    fs.mkdirSync(path.join(root, 'Profiles', 'm1.default-release'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'profiles.ini'),
      '[Profile0]\nName=default-release\nIsRelative=1\nPath=Profiles/m1.default-release\nDefault=1\n',
    );
    fs.copyFileSync(
      path.join(FIXTURES, 'windows', 'AppData', 'Roaming', 'Thunderbird', 'Profiles', '7hk2m9qa.default-release', 'prefs.js'),
      path.join(root, 'Profiles', 'm1.default-release', 'prefs.js'),
    );
    const r = await discoverAccounts({ env: { HOME: home }, platform: 'darwin', registry: null, resolveMx: null });
    assert.deepEqual(
      r.accounts.map((a) => [a.profile, a.email, a.provider]),
      [['default-release', 'studio.legale.bianchi@arubapec.it', 'aruba']],
    );
    // The Linux roots are not searched on macOS.
    const linux = await discoverAccounts({ env: { HOME: LINUX_HOME }, platform: 'darwin', registry: null, resolveMx: null });
    assert.deepEqual(linux.accounts, []);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test('user.js overrides prefs.js, as Thunderbird applies it at start', async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-accounts-'));
  try {
    const dir = path.join(home, '.thunderbird', 'p.u');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(home, '.thunderbird', 'profiles.ini'), '[Profile0]\nName=u\nIsRelative=1\nPath=p.u\n');
    fs.copyFileSync(path.join(LINUX_HOME, '.thunderbird', 'abcd1234.studio', 'prefs.js'), path.join(dir, 'prefs.js'));
    fs.writeFileSync(path.join(dir, 'user.js'), 'user_pref("security.tls.version.max", 4);\n');
    const r = await discoverAccounts({ env: { HOME: home }, platform: 'linux', registry: null, resolveMx: null });
    assert.ok(r.accounts.every((a) => a.tlsVersionPrefs?.max === 4 && !a.findings.includes('thunderbird-tls-max-lowered')));
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test('Windows layout: %APPDATA%\\Thunderbird with CRLF files and an [Install] default', async () => {
  const env = {
    APPDATA: path.join(FIXTURES, 'windows', 'AppData', 'Roaming'),
    LOCALAPPDATA: path.join(FIXTURES, 'windows', 'AppData', 'Local'),
  };
  const r = await discoverAccounts({ env, platform: 'win32', registry: null, resolveMx: null });
  const tb = r.accounts.filter((a) => a.client === 'thunderbird');
  assert.equal(tb.length, 1);
  assert.equal(tb[0].profile, 'default-release');
  assert.equal(tb[0].isDefaultProfile, true);
  assert.equal(tb[0].provider, 'aruba');
  // smtp.pec.aruba.it is one of the invented hosts of docs/facts/pec-providers.md §5.
  assert.deepEqual(tb[0].findingDetails, [
    {
      id: 'account-wrong-host',
      role: 'outgoing',
      server: 'smtp.pec.aruba.it:465',
      expected: 'smtps.pec.aruba.it:465 SSL/TLS',
      actual: 'smtp.pec.aruba.it',
    },
  ]);
});

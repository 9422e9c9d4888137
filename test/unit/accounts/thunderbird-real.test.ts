// Real Thunderbird (installed on the test machine: Debian's thunderbird 153 ESR) writes the
// profiles; the readers must find exactly the accounts configured, as Thunderbird stored them.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRealThunderbirdHome } from '../../fixtures/accounts/real-thunderbird';
import type { RealHome } from '../../fixtures/accounts/real-thunderbird';
import { discoverAccounts } from '../../../src/accounts/index';
import { parsePrefs } from '../../../src/accounts/prefs-js';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import Ajv from 'ajv';
import { runCli } from '../../../src/cli/main';

const quiet = (server: string) => ({
  [`mail.server.${server}.login_at_startup`]: false,
  [`mail.server.${server}.check_new_mail`]: false,
  [`mail.server.${server}.check_time`]: 0,
});

const STUDIO = {
  name: 'studio',
  servers: ['server1', 'server2', 'server3'],
  prefs: {
    'mail.accountmanager.accounts': 'account1,account2,account3',
    'mail.accountmanager.defaultaccount': 'account1',
    // IMAP + SMTP on Aruba's hosts, two identities
    'mail.account.account1.server': 'server1',
    'mail.account.account1.identities': 'id1,id2',
    'mail.server.server1.type': 'imap',
    'mail.server.server1.hostname': 'imaps.pec.aruba.it',
    'mail.server.server1.port': 993,
    'mail.server.server1.socketType': 3,
    'mail.server.server1.userName': 'mario.rossi@pec.it',
    ...quiet('server1'),
    'mail.identity.id1.useremail': 'mario.rossi@pec.it',
    'mail.identity.id1.fullName': 'Avv. Mario Rossi',
    'mail.identity.id1.smtpServer': 'smtp1',
    'mail.identity.id2.useremail': 'segreteria.rossi@pec.it',
    'mail.identity.id2.fullName': 'Segreteria "Rossi"',
    'mail.identity.id2.smtpServer': 'smtp1',
    // POP3 on Legalmail
    'mail.account.account2.server': 'server2',
    'mail.account.account2.identities': 'id3',
    'mail.server.server2.type': 'pop3',
    'mail.server.server2.hostname': 'mbox.cert.legalmail.it',
    'mail.server.server2.port': 995,
    'mail.server.server2.socketType': 3,
    'mail.server.server2.userName': 'LM123456',
    ...quiet('server2'),
    'mail.identity.id3.useremail': 'anna.bianchi@legalmail.it',
    'mail.identity.id3.smtpServer': 'smtp2',
    // Plain text on Postecert
    'mail.account.account3.server': 'server3',
    'mail.account.account3.identities': 'id4',
    'mail.server.server3.type': 'imap',
    'mail.server.server3.hostname': 'mail.postecert.it',
    'mail.server.server3.port': 143,
    'mail.server.server3.socketType': 0,
    ...quiet('server3'),
    'mail.identity.id4.useremail': 'ufficio@postecert.it',
    'mail.identity.id4.smtpServer': 'smtp3',
    'mail.smtpservers': 'smtp1,smtp2,smtp3',
    'mail.smtp.defaultserver': 'smtp1',
    'mail.smtpserver.smtp1.hostname': 'smtps.pec.aruba.it',
    'mail.smtpserver.smtp1.port': 465,
    'mail.smtpserver.smtp1.try_ssl': 3,
    'mail.smtpserver.smtp1.username': 'mario.rossi@pec.it',
    'mail.smtpserver.smtp2.hostname': 'sendm.cert.legalmail.it',
    'mail.smtpserver.smtp2.port': 465,
    'mail.smtpserver.smtp2.try_ssl': 3,
    'mail.smtpserver.smtp3.hostname': 'mail.postecert.it',
    'mail.smtpserver.smtp3.port': 25,
    'mail.smtpserver.smtp3.try_ssl': 0,
  },
};

const PRIVATO = {
  name: 'privato',
  outsideRoot: true,
  servers: ['server1'],
  prefs: {
    'mail.accountmanager.accounts': 'account1',
    'mail.account.account1.server': 'server1',
    'mail.account.account1.identities': 'id1',
    'mail.server.server1.type': 'imap',
    'mail.server.server1.hostname': 'imaps.sicurezzapostale.it',
    'mail.server.server1.port': 143,
    'mail.server.server1.socketType': 2,
    ...quiet('server1'),
    'mail.identity.id1.useremail': 'avv.verdi@studioverdi.it',
    'mail.identity.id1.smtpServer': 'smtp1',
    'mail.smtpservers': 'smtp1',
    'mail.smtpserver.smtp1.hostname': 'smtps.sicurezzapostale.it',
    'mail.smtpserver.smtp1.port': 587,
    'mail.smtpserver.smtp1.try_ssl': 2,
    'mail.smtpserver.smtp1.password': 'must-never-be-read',
    'security.tls.version.max': 2,
  },
};

let real: RealHome;
before(async () => {
  real = await createRealThunderbirdHome([STUDIO, PRIVATO]);
});
after(() => real?.cleanup());

test('Thunderbird wrote prefs.js and profiles.ini itself', () => {
  for (const p of real.profiles) {
    assert.equal(fs.existsSync(`${p.dir}/user.js`), false);
    const text = fs.readFileSync(p.prefsJs, 'utf8');
    assert.match(text, /^\/\/ Mozilla User Preferences/);
    const prefs = parsePrefs(text);
    assert.equal(prefs.error, null);
    // Keys only Thunderbird adds (docs/facts/test-servers.md): the accounts were really loaded.
    assert.match(String(prefs.prefs.get('mail.server.server1.directory-rel')), /^\[ProfD\]ImapMail\//);
    assert.ok(prefs.prefs.has('mail.accountmanager.localfoldersserver'));
  }
  const ini = fs.readFileSync(`${real.home}/.thunderbird/profiles.ini`, 'utf8');
  assert.match(ini, /Name=studio\nIsRelative=1\nPath=studio\.pecdoctor\n/);
  assert.ok(ini.includes(`Name=privato\nIsRelative=0\nPath=${real.home}/profili/privato\n`), ini);
});

test('the readers find exactly the accounts of the real profiles, matched and checked', async () => {
  const r = await discoverAccounts({ env: { HOME: real.home }, platform: 'linux', registry: null, resolveMx: async () => [] });
  assert.deepEqual(r.errors, []);
  const rows = r.accounts
    .map((a) => [
      a.profile,
      a.email,
      a.provider,
      a.incoming && `${a.incoming.protocol} ${a.incoming.host}:${a.incoming.port} ${a.incoming.security}`,
      a.outgoing && `${a.outgoing.host}:${a.outgoing.port} ${a.outgoing.security}`,
      a.findings.join(','),
    ])
    .sort((x, y) => String(x[1]).localeCompare(String(y[1])));
  assert.deepEqual(rows, [
    [
      'studio',
      'anna.bianchi@legalmail.it',
      'infocert-legalmail',
      'pop3 mbox.cert.legalmail.it:995 tls',
      'sendm.cert.legalmail.it:465 tls',
      '',
    ],
    [
      'privato',
      'avv.verdi@studioverdi.it',
      'namirial',
      'imap imaps.sicurezzapostale.it:143 starttls',
      'smtps.sicurezzapostale.it:587 starttls',
      'account-wrong-port,account-security-mismatch,thunderbird-tls-max-lowered',
    ],
    ['studio', 'mario.rossi@pec.it', 'aruba', 'imap imaps.pec.aruba.it:993 tls', 'smtps.pec.aruba.it:465 tls', ''],
    [
      'studio',
      'ufficio@postecert.it',
      'postecert',
      'imap mail.postecert.it:143 plain',
      'mail.postecert.it:25 plain',
      'account-plaintext,account-wrong-port',
    ],
  ]);
  const aruba = r.accounts.find((a) => a.email === 'mario.rossi@pec.it');
  assert.deepEqual(
    aruba?.identities?.map((i) => [i.email, i.name]),
    [
      ['mario.rossi@pec.it', 'Avv. Mario Rossi'],
      ['segreteria.rossi@pec.it', 'Segreteria "Rossi"'],
    ],
  );
  assert.ok(!JSON.stringify(r).includes('must-never-be-read'));
  // Default=1 as Thunderbird wrote it (no installs.ini: no plain start happened).
  assert.deepEqual([...new Set(r.accounts.map((a) => `${a.profile}:${a.isDefaultProfile}`))].sort(), ['privato:false', 'studio:true']);
});

test('pec-doctor accounts on the real home: JSON valid against the schema, Italian table', async () => {
  const run = async (...argv: string[]) => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c) => (out += c));
    const code = await runCli(argv, { stdout, stderr: new PassThrough() });
    return { code, out };
  };
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'accounts.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(schema);
  const json = await run('accounts', '--json', '--no-dns', '--home', real.home);
  assert.equal(json.code, 0);
  const parsed = JSON.parse(json.out) as { accounts: unknown[] };
  assert.ok(validate(parsed), ajv.errorsText(validate.errors));
  assert.equal(parsed.accounts.length, 4);
  const table = await run('accounts', '--no-dns', '--home', real.home);
  assert.match(table.out, /^Account di posta trovati: 4\n/);
  assert.match(
    table.out,
    /Thunderbird +privato +avv\.verdi@studioverdi\.it +Namirial \(Sicurezza Postale\) +IMAP imaps\.sicurezzapostale\.it:143 STARTTLS/,
  );
});

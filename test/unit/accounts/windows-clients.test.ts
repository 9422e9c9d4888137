import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverAccounts } from '../../../src/accounts/index';
import { decodeXmlBytes, parseOeAccount } from '../../../src/accounts/windows-live-mail';
import { findOutlookAccounts } from '../../../src/accounts/outlook-profiles';
import { recordedRegistry } from '../../../src/platform/registry';
import type { Registry } from '../../../src/platform/registry';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'accounts');
const WLM = path.join(FIXTURES, 'windows', 'AppData', 'Local', 'Microsoft', 'Windows Live Mail');
const env = {
  APPDATA: path.join(FIXTURES, 'windows', 'AppData', 'Roaming'),
  LOCALAPPDATA: path.join(FIXTURES, 'windows', 'AppData', 'Local'),
};

test('.oeaccount: UTF-16LE with BOM decoded, DWORDs in hex, *_Password2 never kept', () => {
  const dir = path.join(WLM, 'imaps.pec.aruba.it (1)');
  const file = path.join(dir, fs.readdirSync(dir)[0]);
  const bytes = fs.readFileSync(file);
  assert.deepEqual([bytes[0], bytes[1]], [0xff, 0xfe]);
  const v = parseOeAccount(decodeXmlBytes(bytes));
  assert.equal(v.get('Account_Name')?.text, 'PEC Studio Verdi & Associati');
  assert.deepEqual(v.get('IMAP_Port'), { type: 'DWORD', text: '000003e1' });
  assert.equal(v.has('IMAP_Password2'), false);
  // UTF-8 and BOM-less UTF-16 are accepted too.
  const xml = '<MessageAccount><SMTP_Server type="SZ">a</SMTP_Server></MessageAccount>';
  assert.equal(parseOeAccount(decodeXmlBytes(Buffer.from(xml, 'utf8'))).get('SMTP_Server')?.text, 'a');
  assert.equal(parseOeAccount(decodeXmlBytes(Buffer.from(xml, 'utf16le'))).get('SMTP_Server')?.text, 'a');
  assert.throws(() => parseOeAccount('<MessageAccount><IMAP_Server>x'), /no <MessageAccount>/);
});

test('Windows Live Mail: every account found, truncated file reported, no password in the result', async () => {
  const r = await discoverAccounts({ env, platform: 'win32', registry: null, resolveMx: null });
  const wlm = r.accounts.filter((a) => a.client === 'windowslivemail');
  assert.deepEqual(
    wlm.map((a) => [a.profile, a.email, a.provider]),
    [
      ['imaps.pec.aruba.it (1)', 'verdi@pec.it', 'aruba'],
      ['mail.postecert.it', 'ufficio.tecnico@postecert.it', 'postecert'],
    ],
  );
  const [aruba, poste] = wlm;
  assert.equal(aruba.name, 'PEC Studio Verdi & Associati');
  assert.deepEqual(aruba.incoming, { host: 'imaps.pec.aruba.it', port: 993, protocol: 'imap', security: 'tls', userName: 'verdi@pec.it' });
  assert.deepEqual(aruba.outgoing, { host: 'smtps.pec.aruba.it', port: 465, protocol: 'smtp', security: 'tls', userName: null });
  assert.deepEqual(aruba.findings, []);
  assert.deepEqual(poste.incoming, {
    host: 'mail.postecert.it',
    port: 110,
    protocol: 'pop3',
    security: 'plain',
    userName: 'ufficio.tecnico@postecert.it',
  });
  assert.deepEqual(poste.findings, ['account-plaintext', 'account-wrong-port']);
  assert.ok(aruba.evidence[0].raw?.includes('<IMAP_Port type="DWORD">000003e1</IMAP_Port>'));
  const json = JSON.stringify(r);
  assert.ok(!json.includes('SECRETBLOB') && !json.includes('ANOTHERSECRET') && !/Password2/.test(json));
  const broken = r.errors.filter((e) => e.source.includes('Windows Live Mail'));
  assert.equal(broken.length, 1);
  assert.match(broken[0].source, /Rotto/);
  assert.match(broken[0].error ?? '', /^unreadable: no <MessageAccount>/);
});

test('Outlook 2016: MAPI profiles, REG_BINARY UTF-16LE strings, DWORD ports, default profile, passwords never read', async () => {
  const r = await discoverAccounts({
    env: {},
    platform: 'win32',
    registry: recordedRegistry(path.join(FIXTURES, 'outlook', '2016')),
    resolveMx: null,
  });
  assert.deepEqual(
    r.accounts.map((a) => [a.client, a.profile, a.isDefaultProfile, a.email, a.provider, a.findings]),
    [
      ['outlook', 'Outlook', true, 'avv.rossi@pec.it', 'aruba', []],
      ['outlook', 'Outlook', true, 'studio@legalmail.it', 'infocert-legalmail', ['account-wrong-port', 'account-security-mismatch']],
      ['outlook', 'Studio', false, 'segreteria@studiobianchi.it', 'infocert-legalmail', ['account-plaintext', 'account-wrong-port']],
    ],
  );
  const [aruba, legal, plain] = r.accounts;
  assert.equal(aruba.name, 'avv.rossi@pec.it');
  assert.equal(aruba.identities?.[0].name, 'Avv. Giulia Rossi');
  assert.deepEqual(aruba.incoming, {
    host: 'imaps.pec.aruba.it',
    port: 993,
    protocol: 'imap',
    security: 'tls',
    userName: 'avv.rossi@pec.it',
  });
  assert.deepEqual(legal.incoming, { host: 'mbox.cert.legalmail.it', port: 995, protocol: 'pop3', security: 'tls', userName: 'XYZ98765' });
  // SMTP Secure Connection 2 read as STARTTLS (mapping not confirmed by a source: raw value kept).
  assert.deepEqual(legal.outgoing, { host: 'sendm.cert.legalmail.it', port: 587, protocol: 'smtp', security: 'starttls', userName: null });
  assert.match(legal.evidence[0].raw ?? '', /SMTP Secure Connection {4}REG_DWORD {4}0x2/);
  assert.equal(plain.providerMatch, 'host');
  assert.deepEqual(plain.outgoing, { host: 'sendm.cert.legalmail.it', port: 25, protocol: 'smtp', security: 'plain', userName: null });
  const json = JSON.stringify(r);
  assert.ok(!/password/i.test(json), 'no "* Password" value in accounts or evidence');
  assert.ok(!json.includes('DEADBEEF'));
  assert.deepEqual(r.errors, []);
});

test('Outlook 2010 (Windows Messaging Subsystem): binary ports and flags accepted', async () => {
  const r = await findOutlookAccounts(recordedRegistry(path.join(FIXTURES, 'outlook', '2010')));
  assert.deepEqual(
    r.accounts.map((a) => [a.profile, a.isDefaultProfile, a.email, a.incoming, a.outgoing?.port, a.outgoing?.security]),
    [
      [
        'Outlook',
        true,
        'luca.neri@postecert.it',
        { host: 'mail.postecert.it', port: 995, protocol: 'pop3', security: 'tls', userName: 'luca.neri@postecert.it' },
        465,
        'tls',
      ],
      [
        'Outlook',
        true,
        'protocollo@certemail.it',
        { host: 'imap.pec.actalis.it', port: 993, protocol: 'imap', security: 'tls', userName: null },
        465,
        'starttls',
      ],
    ],
  );
  assert.match(r.accounts[0].evidence[0].raw ?? '', /POP3 Port {4}REG_BINARY {4}E3030000/);
});

test('Outlook: an unreadable registry key is an error, not a crash', async () => {
  const denied: Registry = {
    readKey: async () => null,
    readTree: async (p) => {
      if (p.includes('16.0')) throw new Error('access denied: ' + p);
      return [];
    },
  };
  const r = await findOutlookAccounts(denied);
  assert.deepEqual(r.accounts, []);
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0].error ?? '', /^unreadable: access denied/);
});

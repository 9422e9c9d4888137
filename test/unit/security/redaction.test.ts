// Redaction that hides the person (issue #15 item 2). A planted identity — the local part of the
// address, a display name, a studio's own domain and mail server, a user folder, a PST path in
// an Outlook EntryID — goes through the real readers (a recorded Outlook registry whose strings
// are REG_BINARY UTF-16LE hex, a Windows Live Mail file with a CDATA *_Password2, a Thunderbird
// profile), into a saved report, then through the real CLI `evaluate --redact` (JSON and HTML).
// None of it may survive in any form: clear text, any case, UTF-16LE hex or ASCII hex.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { tempDir } from '../../support/servers';
import { discoverAccounts } from '../../../src/accounts/index';
import { recordedRegistry } from '../../../src/platform/registry';
import { runDiagnosis } from '../../../src/diagnosis/run';
import { endpointUrl } from '../../../src/probe/url';
import type { Endpoint, EndpointResult } from '../../../src/probe/types';
import { redactReport, hexText, REDACTION_NOTE } from '../../../src/report/redact';
import { OS, endpoint, inventory } from '../diagnosis/evidence';

const ENTRY = path.join(__dirname, '..', 'report', 'cli-entry.ts');

const LOCAL = 'avv.lucrezia.zanetti';
const DOMAIN = 'studiozanetti-legale.it';
const EMAIL = `${LOCAL}@${DOMAIN}`;
const DISPLAY = 'Lucrezia Zanetti';
const FOLDER = 'lzanetti';
const HOST = `mail.${DOMAIN}`;
const PST = `C:\\Users\\${FOLDER}\\Documents\\File di Outlook\\${EMAIL}.pst`;
const WLM_SECRET = 'CDATA-SECRET-9f3e';
const REG_SECRET = 'DEADBEEF4242';
/** The studio's own server's public address locates the studio; the provider's does not. */
const STUDIO_IP = '203.0.113.45';
const PROVIDER_IP = '62.149.128.10';
const CERT_ORG = 'Associazione Forense Trevigiana';
/** Named only by the second certificate the server presents (its ECDSA one). */
const CERT_ORG_EC = 'Camera Civile Opitergina';
/** Strings that identify the person, in every form they may take. */
const IDENTITY = [LOCAL, EMAIL, DISPLAY, FOLDER, DOMAIN, HOST, 'studiozanetti', 'Zanetti', STUDIO_IP, CERT_ORG, CERT_ORG_EC];

const u16 = (s: string) => Buffer.from(`${s}\0`, 'utf16le').toString('hex').toUpperCase();
const forms = (s: string): string[] => {
  const bare = Buffer.from(s, 'utf16le').toString('hex');
  return [s.toLowerCase(), bare, Buffer.from(s, 'latin1').toString('hex')];
};

let dir: string;
let reportFile: string;

function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', ENTRY, ...args],
      { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: String(stdout), err: String(stderr) }),
    );
  });
}

/** An Outlook 2016 profile as `reg query /s` prints it: strings as REG_BINARY UTF-16LE, an EntryID holding the PST path. */
function outlookRecording(into: string): void {
  const key = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Zanetti\\9375CFF0413111d3B88A00104B2A6676';
  // A store EntryID: a provider UID and flags, then the PST path as UTF-16LE (as MSPST does).
  const entryId = '0000000038A1BB1005E5101AA1BB08002B2A56C200006D737073742E646C6C00000000001F' + u16(PST);
  const text = [
    '',
    'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook',
    '    DefaultProfile    REG_SZ    Zanetti',
    '',
    `${key}\\00000002`,
    `    Account Name    REG_BINARY    ${u16(EMAIL)}`,
    `    Display Name    REG_BINARY    ${u16(DISPLAY)}`,
    `    Email    REG_BINARY    ${u16(EMAIL)}`,
    `    IMAP Server    REG_BINARY    ${u16(HOST)}`,
    `    IMAP User    REG_BINARY    ${u16(EMAIL)}`,
    `    IMAP Password    REG_BINARY    01020304${REG_SECRET}`,
    '    IMAP Port    REG_DWORD    0x3e1',
    '    IMAP Use SSL    REG_DWORD    0x1',
    `    SMTP Server    REG_BINARY    ${u16(`smtp.${DOMAIN}`)}`,
    '    SMTP Port    REG_DWORD    0x1d1',
    '    SMTP Use SSL    REG_DWORD    0x1',
    `    Delivery Store EntryID    REG_BINARY    ${entryId}`,
    '    Mini UID    REG_DWORD    0x5e6f7a8b',
    '',
  ].join('\r\n');
  fs.mkdirSync(into, { recursive: true });
  fs.writeFileSync(path.join(into, 'outlook.txt'), text);
}

before(async () => {
  dir = tempDir('pec-doctor-redact-');
  const reg = path.join(dir, 'registry');
  outlookRecording(reg);
  const local = path.join(dir, 'Users', FOLDER, 'AppData', 'Local');
  const wlm = path.join(local, 'Microsoft', 'Windows Live Mail', 'PEC Zanetti');
  fs.mkdirSync(wlm, { recursive: true });
  const oe = [
    '<?xml version="1.0" encoding="utf-16"?>',
    '<MessageAccount>',
    `\t<Account_Name type="SZ">PEC ${DISPLAY}</Account_Name>`,
    '\t<IMAP_Server type="SZ">imaps.pec.aruba.it</IMAP_Server>',
    `\t<IMAP_User_Name type="SZ">${EMAIL}</IMAP_User_Name>`,
    `\t<IMAP_Password2 type="BINARY"><![CDATA[${WLM_SECRET}]]></IMAP_Password2>`,
    '\t<IMAP_Port type="DWORD">000003e1</IMAP_Port>',
    '\t<IMAP_Secure_Connection type="DWORD">00000001</IMAP_Secure_Connection>',
    '\t<SMTP_Server type="SZ">smtps.pec.aruba.it</SMTP_Server>',
    `\t<SMTP_Display_Name type="SZ">${DISPLAY}</SMTP_Display_Name>`,
    `\t<SMTP_Email_Address type="SZ">${EMAIL}</SMTP_Email_Address>`,
    `\t<SMTP_Password2><![CDATA[${WLM_SECRET}]]><x/></SMTP_Password2>`,
    '\t<SMTP_Port type="DWORD">000001d1</SMTP_Port>',
    '\t<SMTP_Secure_Connection type="DWORD">00000001</SMTP_Secure_Connection>',
    '</MessageAccount>',
  ].join('\r\n');
  fs.writeFileSync(
    path.join(wlm, 'account{0A1B2C3D-0000-1111-2222-333333333333}.oeaccount'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(oe, 'utf16le')]),
  );

  const found = await discoverAccounts({
    platform: 'win32',
    env: { LOCALAPPDATA: local, USERPROFILE: path.join(dir, 'Users', FOLDER) },
    registry: recordedRegistry(reg),
    resolveMx: null,
  });
  assert.equal(found.accounts.length, 2, JSON.stringify(found.errors));
  const report = await runDiagnosis(
    { emails: [EMAIL] },
    {
      deps: {
        collectInventory: async () => inventory(OS.win7),
        discoverAccounts: async () => found,
        probeEndpoint: async (e: Endpoint): Promise<EndpointResult> => {
          const r = endpoint({
            ...e,
            url: endpointUrl(e),
            addresses: [e.host.endsWith(DOMAIN) ? STUDIO_IP : PROVIDER_IP],
            detail: `connesso a ${e.host} per ${EMAIL}`,
          });
          // The studio's own server has a self-signed certificate with the studio's name in it.
          if (e.host.endsWith(DOMAIN) && r.certificate) {
            const dn = `CN=${e.host}, O=${CERT_ORG}, L=Treviso, C=IT`;
            r.certificate = {
              ...r.certificate,
              subject: dn,
              issuer: dn,
              trusted: false,
              trustError: 'self-signed',
              chain: [{ subject: dn, issuer: dn, validTo: r.certificate.validTo }],
            };
            const ec = `CN=${e.host}, O=${CERT_ORG_EC}, C=IT`;
            r.certificates = [
              r.certificate,
              { ...r.certificate, subject: ec, issuer: ec, chain: [{ subject: ec, issuer: ec, validTo: r.certificate.validTo }] },
            ];
          }
          return r;
        },
        // No DNS in tests: the custom domain is simply not a known provider's.
        lookupAddress: async (email: string) => ({ email, provider: null, endpoints: [], message: null }),
        now: () => new Date('2026-11-23T10:00:00.000Z'),
      },
    },
  );
  reportFile = path.join(dir, 'report.json');
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
});
after(() => (process.env.KEEP ? console.log(dir) : fs.rmSync(dir, { recursive: true, force: true })));

test('the planted identity is in the saved report, in clear and as UTF-16LE hex (the test can fail)', () => {
  const plain = fs.readFileSync(reportFile, 'utf8');
  for (const s of [LOCAL, DISPLAY, DOMAIN, HOST, STUDIO_IP, CERT_ORG, CERT_ORG_EC])
    assert.ok(plain.toLowerCase().includes(s.toLowerCase()), s);
  assert.ok(plain.includes(u16(PST).slice(0, 40)), 'the EntryID with the PST path is kept as hex evidence');
  assert.ok(plain.includes(Buffer.from(DISPLAY, 'utf16le').toString('hex').toUpperCase()), 'display name as REG_BINARY hex');
  assert.ok(!plain.includes(WLM_SECRET) && !plain.includes(REG_SECRET), 'no password was ever read');
});

test('evaluate --redact --json and --html: nothing of the person survives, in any form', async () => {
  const html = path.join(dir, 'redacted.html');
  const j = await run(['evaluate', '--redact', '--json', reportFile]);
  assert.doesNotThrow(() => JSON.parse(j.out), j.err);
  const h = await run(['evaluate', '--redact', '--html', html, reportFile]);
  assert.ok(fs.existsSync(html), h.err);
  const outputs = { json: j.out, html: fs.readFileSync(html, 'utf8'), console: h.out };
  for (const [where, text] of Object.entries(outputs)) {
    const lower = text.toLowerCase();
    for (const id of IDENTITY)
      for (const f of forms(id)) assert.ok(!lower.includes(f.toLowerCase()), `${where} still holds ${id} (as ${f.slice(0, 24)}…)`);
    for (const secret of [WLM_SECRET, REG_SECRET]) assert.ok(!text.includes(secret), `${where}: ${secret}`);
    assert.doesNotMatch(text, /Password2/i, `${where}: a *_Password2 element`);
  }
  // What stays: the provider's servers, the verdict, the findings.
  const red = JSON.parse(j.out);
  const plain = JSON.parse((await run(['evaluate', '--json', reportFile])).out);
  assert.equal(red.redacted, true);
  assert.equal(red.verdict.status, plain.verdict.status);
  assert.deepEqual(
    red.findings.map((f: { id: string }) => f.id),
    plain.findings.map((f: { id: string }) => f.id),
  );
  assert.ok(j.out.includes('imaps.pec.aruba.it') && j.out.includes(PROVIDER_IP), "a known provider's server stays readable");
  assert.ok(j.out.includes('O=Actalis S.p.A.'), "a public CA's name stays");
  assert.match(j.out, /dominio\d\.example/, 'the studio domain becomes a placeholder');
  const raw = red.accounts.accounts.flatMap((a: { evidence: { raw?: string }[] }) => a.evidence.map((e) => e.raw ?? '')).join('\n');
  assert.match(raw, /Display Name {4}REG_BINARY {4}\(testo \/ text\) "utente\d+"/, 'binary text decoded, then redacted');
  assert.match(raw, /IMAP Port {4}REG_DWORD {4}0x3e1/, 'numbers stay');
  assert.match(raw, /Delivery Store EntryID {4}REG_BINARY {4}\(dati binari tolti/, 'an EntryID is dropped');
});

test('password values of every form are dropped from a redacted report', () => {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  report.accounts.accounts[0].evidence.push(
    { source: 'x', raw: `<SMTP_Password2 type="BINARY"><![CDATA[${WLM_SECRET}]]></SMTP_Password2>\n<Keep>1</Keep>` },
    { source: 'y', raw: `user_pref("mail.server.server1.password", "${WLM_SECRET}");\nuser_pref("a", 1);` },
    { source: 'z', raw: `    POP3 Password    REG_BINARY    ${REG_SECRET}\n    POP3 Port    REG_DWORD    0x6e` },
    { source: 'w', raw: `smtp_password=${WLM_SECRET}\nport=25` },
  );
  report.accounts.accounts[0].imapPassword = WLM_SECRET;
  const text = JSON.stringify(redactReport(report));
  for (const s of [WLM_SECRET, REG_SECRET]) assert.ok(!text.includes(s), s);
  assert.ok(
    text.includes('<Keep>1</Keep>') && text.includes('user_pref(\\"a\\", 1);') && text.includes('POP3 Port') && text.includes('port=25'),
  );
  assert.ok(!/imapPassword/.test(text));
});

test('binary decoding: UTF-16LE text read, flags and ports kept as hex, nothing invented', () => {
  assert.equal(hexText(u16('Avv. Giulia Rossi')), 'Avv. Giulia Rossi');
  assert.equal(hexText('E3030000'), null, 'a port in binary is not text');
  assert.equal(hexText('020000000300000001000000'), null);
  assert.ok(REDACTION_NOTE.it.startsWith('Nel rapporto oscurato restano visibili') && REDACTION_NOTE.en.length > 50);
});

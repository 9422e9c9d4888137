// The verdict states (issue #11): green only when verified (a PEC server reached with TLS 1.2 AND
// this machine's mail program's simulation completed the handshake); otherwise a state that says
// what was not verified and the one thing to do next.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { lower, sortFindings } from '../../../src/diagnosis/verdict';
import { assess } from '../../../src/diagnosis/run';
import type { Finding, RuleInput, Severity } from '../../../src/diagnosis/types';
import { OS, account, accounts, browser, client, context, endpoint, input, inventory, sims, win10Tls, win7Tls } from './evidence';

const f = (id: string, severity: Severity, title = id): Finding => ({
  id,
  severity,
  title: { it: title, en: title },
  detail: { it: '', en: '' },
  evidence: [],
  fix: { steps: [], links: [] },
});

const ARUBA = {
  email: 'studio@pec.it',
  provider: { id: 'aruba', name: 'Aruba PEC', webmail: 'https://webmail.pec.it' },
  endpoints: [],
  message: null,
};
const win11Outlook = () =>
  inventory(OS.win11, { clients: [client('outlook', '16.0.17928.20114')], windows: win10Tls(), browsers: [browser('edge', '131.0')] });
const smtps = (extra = {}) =>
  endpoint({ host: 'smtps.pec.aruba.it', port: 465, protocol: 'smtp', url: 'smtps://smtps.pec.aruba.it:465', ...extra });

function verdictOf(i: RuleInput) {
  return assess(i).verdict;
}

test('findings are ordered error, warning, info, ok, keeping rule order within a severity', () => {
  const sorted = sortFindings([f('a', 'ok'), f('b', 'info'), f('c', 'error'), f('d', 'warning'), f('e', 'error')]);
  assert.deepEqual(
    sorted.map((x) => x.id),
    ['c', 'e', 'd', 'b', 'a'],
  );
});

test('verified ok: Outlook on Windows 11 completes TLS 1.2 with Aruba’s servers', () => {
  const v = verdictOf(
    input({
      inventory: win11Outlook(),
      endpoints: [endpoint(), smtps()],
      context: context({ emails: ['studio@pec.it'], lookups: [ARUBA] }),
    }),
  );
  assert.equal(v.status, 'ok');
  assert.equal(v.title.it, 'Nessun problema: la PEC funziona su questo computer');
  assert.match(
    v.summary.it,
    /^Tutto a posto: Outlook \(Windows 11\) di questo computer si collega con TLS 1\.2 ai server PEC imaps\.pec\.aruba\.it, smtps\.pec\.aruba\.it\.$/,
  );
  assert.equal(v.next, null);
  assert.deepEqual(v.notVerified, []);
});

test('not ok when the mail program’s own simulation fails, even if the probe connected', () => {
  const failing = sims({ windows11: 'no-common-cipher' });
  const v = verdictOf(
    input({
      inventory: win11Outlook(),
      endpoints: [endpoint({ simulations: failing })],
      context: context({ emails: ['studio@pec.it'], lookups: [ARUBA] }),
    }),
  );
  assert.equal(v.status, 'error', 'client-handshake-would-fail');
});

test('incomplete: nothing typed, no PEC account, no server checked (the old green "nessun problema")', () => {
  const v = verdictOf(input({ inventory: win11Outlook(), accounts: accounts([]), endpoints: [] }));
  assert.equal(v.status, 'incomplete');
  assert.equal(v.title.it, 'Controllo incompleto');
  assert.match(v.summary.it, /^Non possiamo dire che la PEC funzioni: non abbiamo verificato i server del gestore PEC/);
  assert.equal(v.next?.it, 'Scrivi il tuo indirizzo PEC e ripeti il controllo.');
  assert.ok(v.notVerified.length >= 1);
});

test('incomplete: an unknown PEC domain asks for the server names', () => {
  const unknown = { email: 'avv@pec.ordineavvocatimilano.it', provider: null, endpoints: [], message: null };
  const v = verdictOf(input({ inventory: win11Outlook(), context: context({ emails: [unknown.email], lookups: [unknown] }) }));
  assert.equal(v.status, 'incomplete');
  assert.match(v.next!.it, /^Indica i server di posta in arrivo e in uscita/);
  assert.match(v.notVerified[0].it, /avv@pec\.ordineavvocatimilano\.it \(gestore non riconosciuto\)/);
});

test('incomplete: a server that is not a known PEC server (a healthy loopback test server) is not enough', () => {
  const v = verdictOf(
    input({
      inventory: win11Outlook(),
      accounts: null,
      context: context({ skipDiscovery: true }),
      endpoints: [endpoint({ host: 'mail.example.net', url: 'imaps://mail.example.net:993' })],
    }),
  );
  assert.equal(v.status, 'incomplete');
  // ...unless the user named it as their PEC server.
  const typed = verdictOf(
    input({
      inventory: win11Outlook(),
      accounts: null,
      context: context({ skipDiscovery: true, servers: ['imaps://mail.example.net'] }),
      endpoints: [endpoint({ host: 'mail.example.net', url: 'imaps://mail.example.net:993' })],
    }),
  );
  assert.equal(typed.status, 'ok');
});

test('not-pec: x@gmail.com is named as an ordinary mailbox, never green', () => {
  const gmail = { email: 'x@gmail.com', provider: null, endpoints: [], message: null };
  const v = verdictOf(
    input({
      inventory: win11Outlook(),
      accounts: null,
      context: context({ emails: ['x@gmail.com'], lookups: [gmail], skipDiscovery: true }),
    }),
  );
  assert.equal(v.status, 'not-pec');
  assert.equal(v.title.it, 'Questo non è un indirizzo PEC');
  assert.match(v.summary.it, /x@gmail\.com è una casella Gmail \(Google\), non una PEC/);
  assert.equal(v.next?.it, 'Scrivi il tuo indirizzo PEC e ripeti il controllo.');
});

test('offline: every server fails at DNS; the network is named, the PEC is not blamed', () => {
  const dns = (host: string) =>
    endpoint({
      host,
      url: `imaps://${host}:993`,
      verdict: 'dns-failed',
      addresses: [],
      certificate: null,
      simulations: [],
      steps: [{ step: 'dns', status: 'failed', ms: 2, verdict: 'dns-failed', detail: `il nome ${host} non esiste nel DNS (ENOTFOUND)` }],
      tls: { versions: { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null }, ciphers: {} },
    });
  const v = verdictOf(
    input({
      inventory: win11Outlook(),
      endpoints: [dns('imaps.pec.aruba.it'), dns('smtps.pec.aruba.it')],
      context: context({ emails: ['studio@pec.it'], lookups: [ARUBA] }),
    }),
  );
  assert.equal(v.status, 'offline');
  assert.equal(v.title.it, 'Questo computer non raggiunge Internet (o il DNS non risponde)');
  assert.match(v.summary.it, /Non è un problema della PEC/);
  assert.match(v.next!.it, /cavo di rete o il Wi-Fi/);
});

test('error: Windows 7 + Outlook untouched; the sentence names Outlook and TLS 1.2', () => {
  const v = verdictOf(
    input({
      inventory: inventory(OS.win7, { windows: win7Tls(), clients: [client('outlook', '15.0.4420.1017')] }),
      endpoints: [endpoint()],
    }),
  );
  assert.equal(v.status, 'error');
  assert.equal(v.title.it, 'La PEC è bloccata su questo computer');
  assert.equal(
    v.summary.it,
    'La PEC non può funzionare correttamente: Outlook su Windows 7 non usa TLS 1.2. Qui sotto trovi come risolvere.',
  );
  assert.match(v.next!.it, /KB3140245/);
});

test('error on the server side is titled as a server problem', () => {
  const v = verdictOf(
    input({
      inventory: win11Outlook(),
      endpoints: [
        endpoint({
          verdict: 'cert-untrusted',
          certificate: { ...endpoint().certificate!, trusted: false, trustError: 'self-signed certificate' },
        }),
      ],
    }),
  );
  assert.equal(v.status, 'error');
  assert.match(v.title.it, /problema con il server/);
});

test('warning: verified, with something to fix; one line, no line breaks', () => {
  const v = verdictOf(
    input({
      inventory: inventory(OS.win81, { clients: [client('outlook', '15.0.4420.1017')], windows: win10Tls() }),
      endpoints: [endpoint()],
      context: context({ emails: ['studio@pec.it'], lookups: [ARUBA] }),
    }),
  );
  assert.equal(v.status, 'warning');
  assert.equal(
    v.summary.it,
    'La PEC funziona (Outlook (Windows 8.1) si collega con TLS 1.2 a imaps.pec.aruba.it), ma c’è qualcosa da sistemare: Windows 8.1 non riceve più aggiornamenti di sicurezza da Microsoft.',
  );
  assert.match(v.next!.it, /sistema operativo supportato/);
  assert.doesNotMatch(v.summary.it + v.summary.en, /\n/);
});

test('unknown states are "non verificato", never "none": antivirus not checked, KB3140245 unreadable', () => {
  const inv = inventory(OS.win7, {
    windows: win7Tls({ kb3140245: null }),
    clients: [client('outlook', '14.0.7015.1000')],
    antivirusChecked: false,
  });
  const v = verdictOf(input({ inventory: inv, endpoints: [endpoint()] }));
  const all = v.notVerified.map((t) => t.it).join('\n');
  assert.match(all, /antivirus \(elenco non leggibile: non verificato\)/);
  assert.match(all, /KB3140245 \(stato non leggibile\)/);
  assert.doesNotMatch(all, /nessuno rilevato/);
});

test('macOS with Apple Mail only: verified through Apple Mail’s simulation; no system-OpenSSL alarm', () => {
  const mac = inventory(OS.mac14, {
    clients: [client('applemail', '16.0')],
    runtimes: [
      { id: 'openssl', name: 'LibreSSL', version: '3.3.6', evidence: [] },
      { id: 'openssl', name: 'OpenSSL', version: '0.9.8zh', evidence: [] },
    ],
  });
  const r = assess(
    input({
      inventory: mac,
      accounts: accounts([account({ client: 'applemail', profile: 'PEC Studio' })]),
      endpoints: [endpoint(), smtps()],
    }),
  );
  assert.ok(!r.findings.some((x) => x.id === 'openssl-too-old'));
  assert.equal(r.verdict.status, 'ok');
  assert.match(r.verdict.summary.it, /Apple Mail/);
  // Apple Mail's accounts unreadable (Accounts4.sqlite) and nothing typed: incomplete, saying why.
  const unread = assess(
    input({
      inventory: mac,
      accounts: accounts([], [{ source: 'applemail: /Users/g/Library/Accounts/Accounts4.sqlite', error: 'not read: SQLite' }]),
    }),
  );
  assert.equal(unread.verdict.status, 'incomplete');
  assert.ok(unread.findings.some((x) => x.id === 'apple-mail-accounts-unreadable'));
  assert.ok(!unread.findings.some((x) => x.id === 'no-pec-account-found'));
  assert.ok(
    unread.verdict.notVerified.some((t) => /account di Apple Mail \(il database degli account di macOS richiede sqlite/.test(t.it)),
  );
});

test('macOS with Apple Mail only, accounts read from the recorded Mail folder: the PEC account drives the verdict', async () => {
  const { discoverAccounts } = await import('../../../src/accounts/index');
  const home = path.join(__dirname, '..', '..', 'fixtures', 'accounts', 'macos-applemail-binary', 'Users', 'giulia');
  const found = await discoverAccounts({ env: { HOME: home }, platform: 'darwin', registry: null, resolveMx: null });
  const mac = inventory(OS.mac14, { clients: [client('applemail', '16.0')] });
  const r = assess(input({ inventory: mac, accounts: found, endpoints: [endpoint(), smtps()] }));
  assert.equal(r.verdict.status, 'ok');
  assert.ok(!r.findings.some((x) => x.id === 'no-pec-account-found' || x.id === 'apple-mail-accounts-unreadable'));
  // The same Mac whose accounts live in Accounts4.sqlite: said so, not "no PEC account found".
  const sqliteHome = path.join(__dirname, '..', '..', 'fixtures', 'accounts', 'macos-applemail-sqlite', 'Users', 'giulia');
  const none = await discoverAccounts({ env: { HOME: sqliteHome }, platform: 'darwin', registry: null, resolveMx: null });
  const u = assess(input({ inventory: mac, accounts: none }));
  assert.deepEqual(
    u.findings.filter((x) => x.severity !== 'ok').map((x) => x.id),
    ['apple-mail-accounts-unreadable'],
  );
  assert.equal(u.verdict.status, 'incomplete');
  assert.equal(u.verdict.next?.it, 'Scrivi il tuo indirizzo PEC e ripeti il controllo.');
});

test('check --machine on a recorded Mac with Apple Mail only: inventory and accounts from the recording, verified against Aruba', async () => {
  const { collectInventory, recordedSource } = await import('../../../src/inventory/index');
  const { discoverRecordedAccounts } = await import('../../../src/accounts/index');
  const dir = path.join(__dirname, '..', '..', 'fixtures', 'accounts', 'macos-recorded-applemail');
  const inv = await collectInventory({ source: recordedSource(dir) });
  assert.deepEqual(
    inv.clients.map((c) => c.id),
    ['applemail'],
  );
  const found = await discoverRecordedAccounts(dir);
  const r = assess(input({ inventory: inv, accounts: found, endpoints: [endpoint(), smtps()] }));
  assert.equal(r.verdict.status, 'ok', JSON.stringify(r.verdict.summary));
  assert.match(r.verdict.summary.it, /Apple Mail di questo computer si collega con TLS 1\.2/);
  assert.ok(!r.findings.some((x) => x.id === 'openssl-too-old' || x.id === 'no-pec-account-found'));
});

test('a title read inside a sentence: articles lower-cased, elided ones too; names stay', () => {
  assert.equal(
    lower('L’account avv@pec.it usa un server che il gestore non indica'),
    'l’account avv@pec.it usa un server che il gestore non indica',
  );
  assert.equal(lower('Il server non risponde'), 'il server non risponde');
  assert.equal(lower('Outlook su Windows 7 non usa TLS 1.2'), 'Outlook su Windows 7 non usa TLS 1.2');
  assert.equal(lower('TLS 1.2 è spento'), 'TLS 1.2 è spento');
});

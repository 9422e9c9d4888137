// Fix plans from the machine's evidence (issue #11): one plan per root cause, each step's state
// derived from what the machine shows, on every Windows 7 state an office meets (untouched, KB
// only, KB + WinHTTP, fixed, Enabled=0, Thunderbird only), 32-bit Windows (no Wow6432Node view),
// the language-pack trap, Windows XP and no network.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { assess } from '../../../src/diagnosis/run';
import type { FixPlan, RuleInput } from '../../../src/diagnosis/types';
import type { WindowsTls } from '../../../src/inventory/types';
import { collectInventory, recordedSource } from '../../../src/inventory/index';
import { OS, account, accounts, browser, client, context, endpoint, input, inventory, sims, win7Tls, win7TlsFixed } from './evidence';

const ARUBA = {
  email: 'studio@pec.it',
  provider: { id: 'aruba', name: 'Aruba PEC', webmail: 'https://webmail.pec.it' },
  endpoints: [],
  message: null,
};
const outlook2010 = client('outlook', '14.0.7015.1000', { marketingName: '2010' });

function win7(windows: WindowsTls, extra: Partial<RuleInput> = {}, clients = [outlook2010], arch = 'x64') {
  return input({
    inventory: inventory({ ...OS.win7, arch }, { clients, windows }),
    accounts: accounts([account()]),
    endpoints: [endpoint(), endpoint({ host: 'smtps.pec.aruba.it', port: 465, protocol: 'smtp', url: 'smtps://smtps.pec.aruba.it:465' })],
    context: context({ emails: ['studio@pec.it'], lookups: [ARUBA] }),
    ...extra,
  });
}

const states = (p: FixPlan | undefined) => p?.steps.map((s) => `${s.id}:${s.state}`);
const planOf = (i: RuleInput, id: string) => assess(i).plans.find((p) => p.id === id);

test('Windows 7 untouched + Outlook 2010: one plan, four steps to do, the KB card folded in as an error', () => {
  const r = assess(win7(win7Tls()));
  assert.deepEqual(
    r.plans.map((p) => p.id),
    ['windows7-tls12'],
  );
  const p = r.plans[0];
  assert.equal(p.severity, 'error');
  assert.equal(p.cause.it, 'Outlook su Windows 7 non usa TLS 1.2');
  assert.deepEqual(states(p), ['install-kb3140245:todo', 'winhttp-defaults:todo', 'schannel-tls12-client:todo', 'reboot:todo']);
  assert.deepEqual(p.affects, ['outlook']);
  assert.deepEqual(p.stopGap, { providerId: 'aruba', providerName: 'Aruba PEC', url: 'https://webmail.pec.it' });
  // Both views on 64-bit Windows, each with what it holds today.
  const winhttp = p.steps[1];
  assert.match(winhttp.text.it, /MicrosoftEasyFix51044\.msi/);
  assert.match(winhttp.text.it, /programmi che passano da WinHTTP \(sia a 64 sia a 32 bit\)\.$/);
  assert.doesNotMatch(winhttp.text.it, /Wow6432Node|0x|DefaultSecureProtocols/);
  assert.match(
    winhttp.evidence!.it,
    // Issue #19: the typed fix's value, TLS 1.2 only (0x800), never TLS 1.1.
    /Internet Settings\\WinHttp DefaultSecureProtocols: assente → 0x00000800 \(2048\); HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\.* DefaultSecureProtocols: assente → 0x00000800 \(2048\)$/,
  );
  // The lawyer reads a plain step; the technician gets the key and the value in the evidence.
  assert.equal(
    p.steps[2].text.it,
    'Il tecnico attiva TLS 1.2 per i programmi di Windows nel Registro di sistema: può usare il file .reg preparato da PEC Doctor («Salva la correzione (.reg)» nella schermata del risultato).',
  );
  assert.match(
    p.steps[2].evidence!.it,
    // Issue #19: what the typed fix (and the .reg file) writes.
    /TLS 1\.2\\Client: Enabled=assente, DisabledByDefault=assente; da impostare: Enabled = 1, DisabledByDefault = 0 \(DWORD\)$/,
  );
  assert.match(p.steps[3].text.it, /Riavvia il computer \(una volta, alla fine\) e riapri Outlook/);
  // The three findings fold under the plan and take its severity.
  const folded = r.findings.filter((f) => f.plan === 'windows7-tls12');
  assert.deepEqual(folded.map((f) => `${f.id}:${f.severity}`).sort(), [
    'win7-kb3140245-missing:error',
    'win7-tls12-client-disabled:error',
    'win7-winhttp-defaults-missing:error',
  ]);
  assert.deepEqual(p.findings.map((f) => f.id).sort(), folded.map((f) => f.id).sort());
  assert.equal(r.verdict.status, 'error');
  assert.equal(r.verdict.next?.it, p.steps[0].text.it);
});

test('Windows 7 with KB3140245 only: the KB step is done, the rest to do', () => {
  const p = planOf(win7(win7Tls({ kb3140245: true })), 'windows7-tls12');
  assert.deepEqual(states(p), ['install-kb3140245:done', 'winhttp-defaults:todo', 'schannel-tls12-client:todo', 'reboot:todo']);
  assert.equal(p?.steps[0].text.it, 'L’aggiornamento KB3140245 è già installato.');
});

test('Windows 7 with KB3140245 and the Easy Fix: only the SCHANNEL key and the reboot remain', () => {
  const p = planOf(
    win7(win7Tls({ kb3140245: true, winhttp: { defaultSecureProtocols64: 0xa00, defaultSecureProtocols32: 0xa00 } })),
    'windows7-tls12',
  );
  assert.deepEqual(states(p), ['install-kb3140245:done', 'winhttp-defaults:done', 'schannel-tls12-client:todo', 'reboot:todo']);
  assert.equal(p?.severity, 'error');
});

test('Windows 7 fixed: no plan, and with the servers verified the verdict is ok', () => {
  const r = assess(win7(win7TlsFixed()));
  assert.deepEqual(r.plans, []);
  assert.equal(r.verdict.status, 'warning', 'Windows 7 is out of support (os-end-of-life warning)');
  assert.match(r.verdict.summary.it, /Outlook \/ .*|Outlook \(Windows 7\) si collega con TLS 1\.2/);
});

test('Enabled=0 set by someone: the step says Enabled = 1, not only DisabledByDefault', () => {
  const w = win7Tls({ kb3140245: true, winhttp: { defaultSecureProtocols64: 0xa00, defaultSecureProtocols32: 0xa00 } });
  w.schannel['TLS 1.2'] = { enabled: 0, disabledByDefault: 0, effective: 'disabled', decidedBy: 'registry' };
  const p = planOf(win7(w), 'windows7-tls12');
  const s = p!.steps.find((x) => x.id === 'schannel-tls12-client')!;
  assert.equal(s.state, 'todo');
  assert.match(s.text.it, /riattiva TLS 1\.2 .*\(oggi è disattivato esplicitamente/);
  // DisabledByDefault is already 0: the typed fix changes only Enabled (issue #19).
  assert.match(s.evidence!.it, /Enabled=0, DisabledByDefault=0; da impostare: Enabled = 1 \(oggi vale 0\) \(DWORD\)$/);
});

test('Windows 7 with only Thunderbird: a warning plan that says no installed mail program is affected, no webmail', () => {
  const tb = client('thunderbird', '115.8.0');
  const i = win7(win7Tls(), { accounts: accounts([account({ client: 'thunderbird', profile: 'x.default' })]) }, [tb]);
  const r = assess(i);
  const p = r.plans.find((x) => x.id === 'windows7-tls12')!;
  assert.equal(p.severity, 'warning');
  assert.deepEqual(p.affects, []);
  assert.equal(p.stopGap, null);
  assert.match(p.cause.it, /Windows 7 tiene spento TLS 1\.2 per i programmi che usano Windows/);
  assert.match(
    p.explanation.it,
    /nessuno dei programmi di posta installati ne è bloccato: Mozilla Thunderbird 115\.8\.0 usa una crittografia propria \(NSS\)/,
  );
  const f = r.findings.find((x) => x.id === 'win7-tls12-client-disabled')!;
  assert.doesNotMatch(f.detail.it + f.title.it, /non riesce a collegarsi|programma di posta su/);
  assert.ok(!f.fix.steps.some((s) => /webmail/.test(s.it)), 'no webmail advice when nothing is blocked');
  // Thunderbird's own simulation passed against the verified servers: PEC works, with something to fix.
  assert.equal(r.verdict.status, 'warning');
});

test('32-bit Windows 7: WinHTTP has one registry view (no Wow6432Node)', () => {
  const p = planOf(win7(win7Tls(), {}, [outlook2010], 'x86'), 'windows7-tls12');
  const s = p!.steps.find((x) => x.id === 'winhttp-defaults')!;
  assert.doesNotMatch(s.text.it + s.evidence!.it, /Wow6432Node/);
  // A value already set keeps its bits: 0xA0 (TLS 1.0 + SSL 3) becomes 0x8A0 (TLS 1.2 OR-ed in, never TLS 1.1).
  const q = planOf(
    win7(win7Tls({ winhttp: { defaultSecureProtocols64: 0xa0, defaultSecureProtocols32: null } }), {}, [outlook2010], 'x86'),
    'windows7-tls12',
  );
  const qs = q!.steps.find((x) => x.id === 'winhttp-defaults')!;
  assert.match(qs.text.it, /c’è già un’impostazione diversa, che il file \.reg preparato da PEC Doctor .* conserva aggiungendo TLS 1\.2/);
  assert.doesNotMatch(qs.text.it, /0x/);
  assert.match(
    qs.evidence!.it,
    /WinHttp DefaultSecureProtocols: 0x000000A0 \(160\) → 0x000008A0 \(2208\) \(Windows a 32 bit: una sola vista del Registro\)$/,
  );
});

test('KB3140245 state unknown: the step is "non verificato", never skipped, and the verdict lists it', () => {
  const r = assess(win7(win7Tls({ kb3140245: null, hotfixes: null })));
  const p = r.plans.find((x) => x.id === 'windows7-tls12')!;
  assert.equal(p.steps[0].state, 'unknown');
  assert.match(p.steps[0].text.it, /non siamo riusciti a verificarlo/);
  assert.ok(r.verdict.notVerified.some((t) => /KB3140245/.test(t.it)));
  assert.ok(r.verdict.notVerified.some((t) => /elenco degli aggiornamenti/.test(t.it)));
});

test('the language-pack trap: a language pack installed after KB3140245 → "reinstalla KB3140245"', () => {
  const kb = [{ name: 'Package_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.1', installedAt: '2019-09-10T09:00:00.000Z' }];
  const lp = (at: string | null) => [
    { name: 'Microsoft-Windows-Client-LanguagePack-Package~31bf3856ad364e35~amd64~it-IT~6.1.7601.17514', installedAt: at },
  ];
  const after = planOf(
    win7(win7Tls({ kb3140245: true, servicing: { kb3140245: kb, languagePacks: lp('2021-03-02T15:00:00.000Z') } })),
    'windows7-tls12',
  );
  assert.deepEqual(states(after)?.slice(0, 2), ['install-kb3140245:done', 'reinstall-kb3140245:todo']);
  assert.match(after!.steps[1].text.it, /Reinstalla l’aggiornamento KB3140245: .*it-IT, 2021-03-02/);
  const before = planOf(
    win7(win7Tls({ kb3140245: true, servicing: { kb3140245: kb, languagePacks: lp('2015-01-01T00:00:00.000Z') } })),
    'windows7-tls12',
  );
  assert.ok(!before!.steps.some((s) => s.id === 'reinstall-kb3140245'));
  const undated = planOf(win7(win7Tls({ kb3140245: true, servicing: { kb3140245: kb, languagePacks: lp(null) } })), 'windows7-tls12');
  assert.equal(undated!.steps.find((s) => s.id === 'reinstall-kb3140245')?.state, 'unknown');
  // Servicing store not read on a Windows 7 with the KB: the trap is listed as not verified.
  assert.ok(assess(win7(win7TlsFixed())).verdict.notVerified.some((t) => /pacchetto di lingua/.test(t.it)));
});

test('Windows 10 with TLS 1.2 turned off: the re-enable plan, one key and one reboot', () => {
  const w = win7TlsFixed();
  w.kb3140245 = null;
  w.schannel['TLS 1.2'] = { enabled: 1, disabledByDefault: 1, effective: 'disabled', decidedBy: 'registry' };
  const p = planOf(
    input({ inventory: inventory(OS.win10, { clients: [client('outlook', '16.0.17928.20114')], windows: w }) }),
    'windows-tls12-reenable',
  );
  assert.deepEqual(states(p), ['schannel-tls12-client:todo', 'reboot:todo']);
  assert.match(p!.steps[0].text.it, /riattiva TLS 1\.2 per i programmi di Windows .*\(oggi è spento\)/);
  assert.match(p!.steps[0].evidence!.it, /DisabledByDefault = 0 \(oggi vale 1\)/);
});

test('Windows XP evidence: the XP plan with the provider’s webmail from our catalogue and the browser already there', () => {
  const xp = input({
    inventory: inventory(OS.xp, {
      clients: [client('outlook', '11.0.8169.0')],
      browsers: [browser('ie', '8.0.6001.18702'), browser('firefox', '52.9.0')],
    }),
    accounts: accounts([account({ provider: 'infocert-legalmail', email: 'avv@legalmail.it' })]),
  });
  const r = assess(xp);
  const p = r.plans[0];
  assert.equal(p.id, 'windows-xp');
  assert.equal(p.severity, 'error');
  assert.deepEqual(states(p), ['use-supported-computer:todo', 'webmail-browser:done']);
  assert.match(p.steps[1].text.it, /Mozilla Firefox 52\.9\.0/);
  assert.deepEqual(p.stopGap, { providerId: 'infocert-legalmail', providerName: 'InfoCert Legalmail', url: 'https://webmail.infocert.it' });
  assert.match(p.explanation.it, /Outlook non possono collegarsi/);
  const f = r.findings.find((x) => x.id === 'os-windows-xp')!;
  assert.equal(f.plan, 'windows-xp');
  assert.ok(
    f.fix.links.some((l) => l.url === 'https://webmail.infocert.it'),
    'the XP finding names the provider webmail',
  );
  // Only IE 8: the browser step is to do (IE folds under the XP plan too).
  const ie = assess(input({ inventory: inventory(OS.xp, { browsers: [browser('ie', '8.0.6001.18702')] }) }));
  assert.deepEqual(states(ie.plans[0]), ['use-supported-computer:todo', 'webmail-browser:todo']);
  assert.equal(ie.findings.find((x) => x.id === 'browser-too-old-for-webmail')?.plan, 'windows-xp');
});

test('the recorded Windows XP machine gets the XP plan', async () => {
  const inv = await collectInventory({
    source: recordedSource(path.join(__dirname, '..', '..', 'fixtures', 'inventory', 'winxp-sp3-outlook2003')),
  });
  const r = assess({
    inventory: inv,
    accounts: null,
    endpoints: [],
    context: context({ skipDiscovery: true }),
    now: '2026-11-23T10:00:00.000Z',
  });
  assert.equal(r.plans[0]?.id, 'windows-xp');
  assert.equal(r.verdict.status, 'error');
});

test('no network: the network plan first, no webmail anywhere, no blame on the PEC', () => {
  const dns = (host: string, port: number) =>
    endpoint({
      host,
      port,
      url: `imaps://${host}:${port}`,
      verdict: 'dns-failed',
      addresses: [],
      certificate: null,
      simulations: [],
      banner: null,
      steps: [{ step: 'dns', status: 'failed', ms: 3, verdict: 'dns-failed', detail: `il nome ${host} non esiste nel DNS (ENOTFOUND)` }],
      tls: { versions: { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null }, ciphers: {} },
    });
  const r = assess(win7(win7Tls(), { endpoints: [dns('imaps.pec.aruba.it', 993), dns('smtps.pec.aruba.it', 465)] }));
  assert.deepEqual(
    r.plans.map((p) => p.id),
    ['network-offline', 'windows7-tls12'],
  );
  assert.deepEqual(states(r.plans[0]), ['check-connection:todo', 'check-proxy:todo', 'check-firewall:todo', 'run-again:todo']);
  for (const p of r.plans) assert.equal(p.stopGap, null);
  for (const f of r.findings) assert.ok(!f.fix.steps.some((s) => /webmail/i.test(s.it)), `${f.id} advises webmail offline`);
  assert.deepEqual(
    r.findings
      .filter((f) => f.plan === 'network-offline')
      .map((f) => f.id)
      .sort(),
    ['network-offline', 'server-dns-failed', 'server-dns-failed'],
  );
  assert.equal(r.verdict.status, 'offline');
  assert.doesNotMatch(r.verdict.summary.it, /la PEC è bloccata/i);
  assert.match(r.verdict.title.it, /non raggiunge Internet/);
  // One failing host among working ones stays a server problem.
  const one = assess(
    win7(win7TlsFixed(), {
      endpoints: [
        dns('imaps.pec.aruba.it', 993),
        endpoint({ host: 'smtps.pec.aruba.it', port: 465, url: 'smtps://smtps.pec.aruba.it:465', simulations: sims() }),
      ],
    }),
  );
  assert.ok(!one.plans.some((p) => p.id === 'network-offline'));
  assert.equal(one.verdict.status, 'error');
});

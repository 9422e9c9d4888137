// Issue #19: advice chosen by the finding's cause, and no sentence that contradicts the facts.
// Each case is the evidence a real office meets (evidence.ts), judged by the whole diagnosis.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assess } from '../../../src/diagnosis/run';
import type { RuleInput } from '../../../src/diagnosis/types';
import { OS, account, accounts, client, context, endpoint, input, inventory, sims, win7Tls, win7TlsFixed, win10Tls } from './evidence';

const ARUBA = {
  email: 'studio@pec.it',
  provider: { id: 'aruba', name: 'Aruba PEC', webmail: 'https://webmail.pec.it' },
  endpoints: [],
  message: null,
};
const smtp = () => endpoint({ host: 'smtps.pec.aruba.it', port: 465, protocol: 'smtp', url: 'smtps://smtps.pec.aruba.it:465' });
const outlook = client('outlook', '14.0.7015.1000', { marketingName: '2010' });
const withServers = (extra: Partial<RuleInput>) =>
  input({ endpoints: [endpoint(), smtp()], context: context({ emails: ['studio@pec.it'], lookups: [ARUBA] }), ...extra });

test('a self-signed server certificate: check the server name and tell the provider, never "installa gli aggiornamenti"', () => {
  const cert = { ...endpoint().certificate!, trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT' };
  const r = assess(withServers({ endpoints: [endpoint({ verdict: 'cert-untrusted', certificate: cert })] }));
  const f = r.findings.find((x) => x.id === 'cert-untrusted')!;
  const steps = f.fix.steps.map((s) => s.it).join('\n');
  assert.doesNotMatch(steps, /aggiornamenti di sistema/);
  assert.match(steps, /segnala il problema al gestore PEC: dipende dal server, non da questo computer/);
  // An authority this computer does not know: the root-certificate updates are the right advice.
  const unknownCa = { ...cert, trustError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' };
  const g = assess(withServers({ endpoints: [endpoint({ verdict: 'cert-untrusted', certificate: unknownCa })] })).findings.find(
    (x) => x.id === 'cert-untrusted',
  )!;
  assert.match(g.fix.steps[0].it, /Installa gli aggiornamenti di sistema/);
});

test('step 1 names the x64 or x86 package from the report’s architecture and where to click', () => {
  for (const [arch, re] of [
    ['x64', /versione per Windows 7 a 64 bit \(la riga con «x64»\)/],
    ['x86', /versione per Windows 7 a 32 bit \(la riga senza «x64»\)/],
  ] as const) {
    const r = assess(withServers({ inventory: inventory({ ...OS.win7, arch }, { clients: [outlook], windows: win7Tls() }) }));
    const step = r.plans[0].steps.find((s) => s.id === 'install-kb3140245')!;
    assert.match(step.text.it, re);
    assert.match(step.text.it, /«Come ottenere questo aggiornamento», apri il Catalogo di Microsoft Update/);
    assert.doesNotMatch(step.text.it, /32 o 64 bit/);
  }
});

test('a blocking Thunderbird is listed before a warning-level Windows plan', () => {
  const w = win7TlsFixed();
  w.kb3140245 = false;
  const r = assess(withServers({ inventory: inventory(OS.win7, { clients: [outlook, client('thunderbird', '38.0')], windows: w }) }));
  assert.deepEqual(
    r.plans.map((p) => `${p.id}:${p.severity}`),
    ['thunderbird-update:error', 'windows7-tls12:warning'],
  );
  assert.equal(r.verdict.status, 'error');
  assert.match(r.verdict.summary.it, /Thunderbird 38\.0 è troppo vecchio per la PEC/);
});

test('Outlook blocked and the installed Thunderbird works: the plan names Thunderbird as the way in meanwhile', () => {
  const tb = client('thunderbird', '115.8.0');
  const r = assess(withServers({ inventory: inventory(OS.win7, { clients: [outlook, tb], windows: win7Tls() }) }));
  const p = r.plans.find((x) => x.id === 'windows7-tls12')!;
  const meanwhile = p.steps.find((s) => s.id === 'use-thunderbird-meanwhile');
  assert.equal(meanwhile?.state, 'done');
  assert.match(meanwhile!.text.it, /Nel frattempo puoi usare Mozilla Thunderbird 115\.8\.0, già installato/);
  assert.equal(p.steps[p.steps.length - 1].id, 'reboot', 'the reboot stays last');
  assert.equal(p.stopGap?.url, 'https://webmail.pec.it');
  // The blocked Outlook's own card names Thunderbird next to the webmail.
  const card = r.findings.find((f) => f.id === 'win7-tls12-client-disabled')!;
  assert.ok(card.fix.steps.some((s) => /Nel frattempo puoi usare Mozilla Thunderbird 115\.8\.0, già installato/.test(s.it)));
  assert.ok(card.fix.steps.some((s) => /webmail del tuo gestore \(https:\/\/webmail\.pec\.it\)/.test(s.it)));
  // Without Outlook, nothing is blocked: no such step.
  const only = assess(
    withServers({
      inventory: inventory(OS.win7, { clients: [tb], windows: win7Tls() }),
      accounts: accounts([account({ client: 'thunderbird' })]),
    }),
  );
  assert.ok(!only.plans.some((x) => x.steps.some((s) => s.id === 'use-thunderbird-meanwhile')));
});

test('SChannel unreadable + Thunderbird: never "TLS 1.2 è attivo", and the warning lists what was not verified', () => {
  const w = win7Tls({ kb3140245: true });
  w.schannel['TLS 1.2'] = { enabled: null, disabledByDefault: null, effective: 'unknown' };
  const tb = client('thunderbird', '115.8.0');
  const r = assess(
    withServers({ inventory: inventory(OS.win7, { clients: [tb], windows: w }), accounts: accounts([account({ client: 'thunderbird' })]) }),
  );
  const p = r.plans.find((x) => x.id === 'windows7-tls12')!;
  const text = JSON.stringify([p.cause, p.explanation, p.steps.map((s) => s.text)]);
  assert.doesNotMatch(text, /TLS 1\.2 è attivo per i programmi di posta/);
  assert.match(p.explanation.it, /Non siamo riusciti a leggere se TLS 1\.2 è attivo/);
  assert.equal(p.steps.find((s) => s.id === 'schannel-tls12-client')?.state, 'unknown');
  assert.equal(r.verdict.status, 'warning');
  assert.ok(
    r.verdict.notVerified.some((t) => /se TLS 1\.2 è attivo per i programmi che usano Windows \(Registro non leggibile\)/.test(t.it)),
  );
});

test('"l’elenco degli aggiornamenti" is never "non verificato" on Windows 10/11, where no update is needed', () => {
  for (const os of [OS.win10, OS.win11]) {
    const w = { ...win10Tls(), hotfixes: null };
    const r = assess(withServers({ inventory: inventory(os, { clients: [client('outlook', '16.0.17928.20114')], windows: w }) }));
    assert.ok(!r.verdict.notVerified.some((t) => /elenco degli aggiornamenti/.test(t.it)), os.name ?? '');
  }
  // On Windows 7 it is needed (KB3140245), and listed.
  const r7 = assess(
    withServers({ inventory: inventory(OS.win7, { clients: [outlook], windows: win7Tls({ kb3140245: null, hotfixes: null }) }) }),
  );
  assert.ok(r7.verdict.notVerified.some((t) => /elenco degli aggiornamenti/.test(t.it)));
});

test('Windows 8.0 with Internet Explorer 10 and Chrome 109: Chrome makes the webmail fine', () => {
  const r = assess(
    withServers({
      inventory: inventory(OS.win80, {
        clients: [outlook],
        windows: win10Tls(),
        browsers: [
          { id: 'ie', name: 'Internet Explorer', version: '10.0.9200.22013', evidence: [] },
          { id: 'chrome', name: 'Google Chrome', version: '109.0.5414.120', evidence: [] },
        ],
      }),
    }),
  );
  const f = r.findings.find((x) => x.id === 'browser-too-old-for-webmail')!;
  assert.equal(f.severity, 'info');
  assert.match(f.detail.it, /Puoi usare invece Google Chrome 109/);
});

test('the new Outlook alongside a classic Outlook blocked by a hardening script: the classic one still blocks, the new one is not an SChannel program', () => {
  const r = assess(
    withServers({
      inventory: inventory(OS.win10, {
        clients: [client('outlook', '16.0.17928.20114'), client('outlook-new', '1.2024.717.400')],
        windows: {
          ...win10Tls(),
          schannel: { ...win10Tls().schannel, 'TLS 1.2': { enabled: 0, disabledByDefault: 1, effective: 'disabled' } },
        },
      }),
      endpoints: [endpoint({ simulations: sims() }), smtp()],
    }),
  );
  assert.equal(r.verdict.status, 'error');
  assert.deepEqual(r.plans[0].affects, ['outlook']);
  assert.ok(r.findings.some((f) => f.id === 'outlook-new-cloud'));
});

test('Vista with only Thunderbird 52.9.1 ESR: PEC works through it; Vista is something to fix, not a block', () => {
  const tb = client('thunderbird', '52.9.1');
  const r = assess(
    withServers({ inventory: inventory(OS.vista, { clients: [tb] }), accounts: accounts([account({ client: 'thunderbird' })]) }),
  );
  assert.equal(r.findings.find((f) => f.id === 'os-no-tls12')?.severity, 'warning');
  assert.deepEqual(
    r.plans.map((p) => `${p.id}:${p.severity}`),
    ['windows-no-tls12:warning'],
  );
  assert.equal(r.plans[0].cause.it, 'Windows Vista non può usare TLS 1.2');
  assert.equal(r.plans[0].steps.find((s) => s.id === 'thunderbird-legacy')?.state, 'done');
  assert.equal(r.verdict.status, 'warning');
  assert.match(r.verdict.summary.it, /Thunderbird 52\.9\.1 si collega con TLS 1\.2/);
  // With Outlook it is a block again.
  const withOutlook = assess(withServers({ inventory: inventory(OS.vista, { clients: [tb, client('outlook', '12.0.6607.1000')] }) }));
  assert.equal(withOutlook.verdict.status, 'error');
});

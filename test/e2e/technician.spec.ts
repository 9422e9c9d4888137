// The technician's view with two servers, and the saved HTML report, checked by axe-core
// (issue #21): every scrollable region of the view is named after its server, so two servers
// never give two landmarks with the same name (landmark-unique); the saved page keeps all its
// content in one <main> (landmark-one-main, region). And the view draws the core's technician
// model (issue #22): the decisive rows of the HTML report are the decisive rows of the view.
import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { collectPageErrors, expectNoAxeViolations, screenshots } from './helpers';
import { windows7OfficeReport } from './office-report';
import type { Report } from '../../src/api';
import { endpoint, sims } from '../unit/diagnosis/evidence';
import { deviceResults } from '../../src/probe/simulate';
import { renderHtml } from '../../src/report/html';

const RESULTS = { level: 1, name: 'Risultato della diagnosi' } as const;

/** The Windows 7 office with its two Aruba servers: incoming healthy, outgoing refusing Thunderbird; a two-line greeting each. */
async function twoServerReport(): Promise<Report> {
  const report = await windows7OfficeReport();
  const imap = endpoint({ simulations: sims({ 'windows7-default': 'no-common-version' }) });
  const smtp = endpoint({
    host: 'smtps.pec.aruba.it',
    port: 465,
    protocol: 'smtp',
    simulations: sims({ 'windows7-default': 'no-common-version', 'thunderbird-current': 'no-common-cipher' }),
  });
  for (const e of [imap, smtp]) {
    e.devices = deviceResults(e.simulations);
    e.keyExchange = { dhBits: 2048, curves: ['x25519'] };
    e.banner = `220-${e.host} ESMTP\r\n220 pronto`;
  }
  // What a probe of today records too: the chain as sent, what this program negotiated, each step's time.
  smtp.certificate!.chain = [
    { subject: 'CN=smtps.pec.aruba.it', issuer: 'CN=Actalis Organization Validated Server CA G3', validTo: '2027-03-01T10:00:00.000Z' },
    {
      subject: 'CN=Actalis Organization Validated Server CA G3',
      issuer: 'CN=Actalis Authentication Root CA',
      validTo: '2030-09-22T10:00:00.000Z',
    },
  ];
  smtp.negotiated = { version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' };
  smtp.timings = { dns: 12, connect: 30, versions: 200, certificate: 5, simulation: 300, total: 600 };
  report.accounts!.accounts.push({
    client: 'thunderbird',
    profile: 'default-release',
    isDefaultProfile: true,
    name: 'Avv. Bianchi',
    email: 'bianchi@pec.it',
    provider: 'aruba',
    incoming: { host: 'imaps.pec.aruba.it', port: 993, protocol: 'imap', security: 'tls', userName: 'bianchi@pec.it' },
    outgoing: { host: 'smtps.pec.aruba.it', port: 465, protocol: 'smtp', security: 'tls', userName: 'bianchi@pec.it' },
    tlsVersionPrefs: { min: 1, max: 3 },
    findings: [],
    evidence: [],
  });
  report.endpoints = [imap, smtp];
  return report;
}

test('two servers in the technician view: no axe violation (landmark-unique) at 800×560 and 1280×800, the HTML report’s decisive rows', async ({
  page,
  bridge,
}, testInfo) => {
  const report = await twoServerReport();
  const file = testInfo.outputPath('due-server.json');
  writeFileSync(file, JSON.stringify(report));
  const errors = collectPageErrors(page);
  await page.goto(bridge.url);
  await page.getByLabel('Apri un rapporto salvato…').setInputFiles(file);
  await expect(page.getByRole('heading', RESULTS)).toBeFocused();
  await page.getByRole('button', { name: 'Dettagli per il tecnico' }).click();
  await expect(page.getByTestId('endpoint')).toHaveCount(2);
  await page.getByRole('button', { name: 'Apri tutte le sezioni' }).click();
  // Every region (scrolling table, greeting, evidence) has a name of its own.
  const names = await page.locator('[role="region"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(names.length).toBeGreaterThan(2);
  expect(new Set(names).size, names.join('\n')).toBe(names.length);
  // Every detail of the server and the accounts, drawn from the model: host:port, protocol, what
  // this program negotiated, the timings, the chain, every probe step (passed ones too).
  const smtpView = page.getByTestId('endpoint').nth(1);
  await expect(smtpView.getByRole('row', { name: /^Server \(host:porta\)/ })).toContainText('smtps.pec.aruba.it:465');
  await expect(smtpView.getByRole('row', { name: /^Protocollo/ })).toContainText('SMTP · SSL/TLS');
  await expect(smtpView.getByRole('row', { name: /^Negoziato da questo programma/ })).toContainText('TLS 1.3 · TLS_AES_256_GCM_SHA384');
  await expect(smtpView.getByRole('row', { name: /^Tempi \(ms\)/ })).toContainText('Certificato 5 · Simulazione 300 · totale 600');
  await expect(smtpView.getByTestId('certificate-chain').locator('tbody tr')).toHaveCount(2);
  await expect(smtpView.getByTestId('certificate-chain')).toContainText('CN=Actalis Authentication Root CA');
  await expect(smtpView.getByTestId('probe-steps').locator('tbody tr')).toHaveCount(5);
  await expect(smtpView.getByTestId('probe-steps')).toContainText('Ricerca del server (DNS)');
  const thunderbird = page.getByTestId('tech-accounts').locator('[data-record="1"]');
  await expect(thunderbird.getByRole('row', { name: /^Profilo/ })).toContainText('default-release (predefinito)');
  await expect(thunderbird.getByRole('row', { name: /^Nome mostrato/ })).toContainText('Avv. Bianchi');
  await expect(thunderbird.getByRole('row', { name: /^TLS min\/max/ })).toContainText('min 1 (TLS 1.0) / max 3 (TLS 1.2)');
  await screenshots(page, '4-technician-server-detail', { scrollTo: smtpView.getByTestId('certificate-chain') });
  await screenshots(page, '4-technician-two-servers', { axe: true, scrollTo: page.getByTestId('endpoint').nth(1) });
  await expectNoAxeViolations(page, 'technician details, two servers, every section open');

  // The same decisive rows as the saved HTML report (one model): first cells, in order.
  const html = renderHtml(report);
  const tech = html.slice(html.indexOf('<section class="tech">'));
  const htmlDecisive = [...tech.matchAll(/<tr class="decisive"><td[^>]*>([^<]*)</g)].map((m) => m[1]);
  const viewDecisive = await page
    .locator('.tech-section tr[data-decisive="true"]')
    .evaluateAll((rows) => rows.map((r) => (r.querySelector('th, td')?.textContent ?? '').replace(/^[✔✘] /, '')));
  expect(viewDecisive).toEqual(htmlDecisive.map((s) => s.replace(/&amp;/g, '&')));
  expect(errors).toEqual([]);
});

test('the saved HTML report: no axe violation (one main landmark, all content in landmarks)', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('rapporto.html');
  writeFileSync(file, renderHtml(await twoServerReport()));
  await page.goto(`file://${file}`);
  await expect(page.getByRole('main')).toHaveCount(1);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(found).toEqual([]);
});

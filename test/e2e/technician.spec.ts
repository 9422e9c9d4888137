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

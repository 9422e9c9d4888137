// A technician opens a saved report from a Windows 7 office (findings, links and verdict by the
// real rules): the fix with Microsoft's links and the provider's webmail open in the browser
// through the web bridge, the technician view shows the registry values, English works too.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { collectPageErrors, expectNoAxeViolations, screenshots } from './helpers';
import { windows7OfficeReport } from './office-report';

async function openReport(page: Page, file: string): Promise<void> {
  await page.getByLabel(/Apri un rapporto salvato|Open a saved report/).setInputFiles(file);
  await expect(page.getByRole('heading', { level: 1, name: /Risultato della diagnosi|Result of the check/ })).toBeFocused();
}

test('Windows 7 office report: red verdict, the fix step by step, official links and webmail open in the browser', async ({ page, context, bridge }, testInfo) => {
  const report = await windows7OfficeReport();
  const ids = report.findings.map((f) => f.id);
  expect(ids).toContain('win7-tls12-client-disabled');
  const file = testInfo.outputPath('studio-rossi.json');
  writeFileSync(file, JSON.stringify(report, null, 2));
  // No real network: external pages are answered by a stub, so the new tab can be checked.
  const opened: string[] = [];
  await context.route(/^https:\/\//, (route) => {
    opened.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title>' });
  });

  const errors = collectPageErrors(page);
  await page.goto(bridge.url);
  await openReport(page, file);
  await expect(page.getByTestId('report-origin')).toContainText('Rapporto aperto dal file studio-rossi.json');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'error');

  // Findings by severity: errors first, then warnings, info; passed checks are listed apart.
  const severities = await page.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
  const rank = { error: 0, warning: 1, info: 2, ok: 3 } as Record<string, number>;
  expect(severities.length).toBeGreaterThan(1);
  expect([...severities].sort((a, b) => rank[a ?? ''] - rank[b ?? ''])).toEqual(severities);
  const card = page.locator('[data-testid="finding"][data-finding-id="win7-tls12-client-disabled"]');
  await expect(card.getByRole('heading', { level: 3 })).toContainText('TLS 1.2');
  await expect(card.getByRole('heading', { name: 'Come risolvere' })).toBeVisible();
  expect(await card.locator('ol.steps > li').count()).toBeGreaterThan(1);

  // An official link: the bridge answers 'use-browser', the page opens a new tab.
  const link = card.getByRole('link').first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^https:\/\//);
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(new URL(href!).href);
  await tab.close();
  await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeVisible();

  // Mail is blocked: the provider's webmail is offered as a stop-gap.
  const webmail = page.getByTestId('webmail');
  await expect(webmail).toBeVisible();
  const webmailLink = webmail.getByRole('link', { name: /Apri la webmail di .*Aruba/i });
  const [tab2] = await Promise.all([context.waitForEvent('page'), webmailLink.click()]);
  await tab2.waitForLoadState();
  expect(tab2.url()).toBe(new URL((await webmailLink.getAttribute('href'))!).href);
  await tab2.close();
  expect(opened.length).toBe(2);
  await screenshots(page, '3-results-windows7');
  await expectNoAxeViolations(page, 'results (Windows 7 report)');

  // Technician view: OS and build, registry values, client versions, accounts, finding ids.
  await page.getByRole('button', { name: 'Dettagli per il tecnico' }).click();
  const tech = page.getByTestId('technician-details');
  await expect(page.getByTestId('tech-os')).toContainText('Windows 7 Service Pack 1');
  await expect(page.getByTestId('tech-os')).toContainText('Professional');
  await expect(page.getByTestId('tech-os')).toContainText('7601');
  await expect(tech.getByRole('row', { name: /^TLS 1\.2/ })).toContainText('disabled');
  await expect(tech).toContainText('0x00000a80 (2688)');
  await expect(page.getByTestId('tech-clients')).toContainText('14.0.7268.5000');
  await expect(page.getByTestId('tech-accounts')).toContainText('imaps.pec.aruba.it:993');
  await expect(page.getByTestId('tech-findings')).toContainText('win7-tls12-client-disabled');
  await expect(page.getByTestId('tech-evidence')).toContainText('SCHANNEL');
  await page.getByText('Rapporto completo (JSON)').click();
  await expect(page.locator('pre.raw-json')).toContainText('"schemaVersion"');
  await screenshots(page, '4-technician-windows7');
  await expectNoAxeViolations(page, 'technician details (Windows 7 report)');
  expect(errors).toEqual([]);
});

test('the results in English: verdict, findings and steps from the core in the chosen language', async ({ page, bridge }, testInfo) => {
  const report = await windows7OfficeReport();
  const finding = report.findings.find((f) => f.id === 'win7-tls12-client-disabled');
  expect(finding).toBeDefined();
  const file = testInfo.outputPath('office.json');
  writeFileSync(file, JSON.stringify(report));
  await page.goto(bridge.url);
  await openReport(page, file);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Result of the check' })).toBeVisible();
  await expect(page.getByTestId('verdict')).toContainText('Result: PEC is blocked');
  const card = page.locator('[data-testid="finding"][data-finding-id="win7-tls12-client-disabled"]');
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(finding!.title.en);
  await expect(card.getByRole('heading', { name: 'How to fix it' })).toBeVisible();
  await expect(card.locator('ol.steps > li').first()).toHaveText(finding!.fix.steps[0].en);
  await expect(page.getByRole('button', { name: 'Save report' })).toBeVisible();
  await screenshots(page, '3-results-english');
  await expectNoAxeViolations(page, 'results (English)');
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(finding!.title.it);
});

test('when the clipboard cannot be used, the instructions are shown in a box to copy by hand', async ({ page, bridge }, testInfo) => {
  const report = await windows7OfficeReport();
  const file = testInfo.outputPath('office.json');
  writeFileSync(file, JSON.stringify(report));
  // A locked-down machine: neither the Clipboard API nor the old copy command works.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    document.execCommand = () => false;
  });
  await page.goto(bridge.url);
  await openReport(page, file);
  await page.getByRole('button', { name: 'Copia istruzioni per il tecnico' }).click();
  await expect(page.getByText('Non è stato possibile copiare automaticamente.')).toBeVisible();
  const box = page.getByLabel('Istruzioni per il tecnico');
  await expect(box).toBeVisible();
  const text = await box.inputValue();
  expect(text).toContain('PEC Doctor: istruzioni per il tecnico');
  expect(text).toContain('win7-tls12-client-disabled');
  expect(text).toContain(report.findings[0].fix.steps[0].it);
  await expectNoAxeViolations(page, 'copy fallback');
});

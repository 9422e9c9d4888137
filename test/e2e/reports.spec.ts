// A technician opens a saved report from a Windows 7 office (findings, plans, links and verdict
// by the real rules): ONE fix plan for the one root cause, its steps in order, the findings
// folded under it (not four cards), Microsoft's links and the provider's webmail (the plan's
// stop-gap, from our catalogue) open in the browser through the web bridge; the technician view
// shows the registry values; English works too.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { collectPageErrors, expectNoAxeViolations, screenshots } from './helpers';
import { windows7OfficeReport } from './office-report';

async function openReport(page: Page, file: string): Promise<void> {
  await page.getByLabel(/Apri un rapporto salvato|Open a saved report/).setInputFiles(file);
  await expect(page.getByRole('heading', { level: 1, name: /Risultato della diagnosi|Result of the check/ })).toBeFocused();
}

test('Windows 7 office report: one plan, not four cards — its steps, official links and webmail open in the browser', async ({
  page,
  context,
  bridge,
}, testInfo) => {
  const report = await windows7OfficeReport();
  expect(report.plans.map((p) => p.id)).toEqual(['windows7-tls12']);
  const plan = report.plans[0];
  const foldedIds = report.findings.filter((f) => f.plan === plan.id).map((f) => f.id);
  expect(foldedIds).toContain('win7-tls12-client-disabled');
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
  await expect(page.getByTestId('case-code')).toContainText(report.caseCode!);
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-status', 'error');
  await expect(verdict.getByRole('heading', { level: 2 })).toHaveText(report.verdict.title.it);
  await expect(page.getByTestId('verdict-next')).toContainText(report.verdict.next!.it);

  // One plan: its cause as the card's heading, its steps in order with their state.
  const plans = page.getByTestId('plan');
  await expect(plans).toHaveCount(1);
  await expect(plans.first().getByRole('heading', { level: 3 })).toHaveText(`Causa: ${plan.cause.it}`);
  const steps = plans.first().getByTestId('plan-step');
  await expect(steps).toHaveCount(plan.steps.length);
  expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')))).toEqual(plan.steps.map((s) => s.id));
  await expect(steps.first()).toContainText(`Da fare: ${plan.steps[0].text.it}`);
  // The folded findings are inside the plan, not repeated as cards.
  for (const id of foldedIds) {
    await expect(page.locator(`[data-testid="finding"][data-finding-id="${id}"]`)).toHaveCount(0);
    await expect(plans.first().locator(`[data-testid="folded-finding"][data-finding-id="${id}"]`)).toHaveCount(1);
  }
  // The findings without a plan are cards, most serious first.
  const others = report.findings.filter((f) => !f.plan && f.severity !== 'ok');
  await expect(page.getByTestId('finding')).toHaveCount(others.length);

  // An official link of a step: the bridge answers 'use-browser', the page opens a new tab.
  const link = steps.first().getByRole('link').first();
  const href = await link.getAttribute('href');
  expect(href).toBe(plan.steps[0].links[0].url);
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(new URL(href!).href);
  await tab.close();

  // Mail is blocked: the plan's stop-gap offers the provider's webmail (from our catalogue).
  const webmail = plans.first().getByTestId('webmail');
  const webmailLink = webmail.getByRole('link', { name: `Apri la webmail di ${plan.stopGap!.providerName}` });
  await expect(webmailLink).toHaveAttribute('href', new URL(plan.stopGap!.url).href);
  const [tab2] = await Promise.all([context.waitForEvent('page'), webmailLink.click()]);
  await tab2.waitForLoadState();
  await tab2.close();
  expect(opened.length).toBe(2);
  await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeVisible();
  await screenshots(page, '3-results-windows7', { axe: true });
  await expectNoAxeViolations(page, 'results (Windows 7 report)');
  expect(errors).toEqual([]);
});

test('the results in English: verdict, plan and steps from the core in the chosen language', async ({ page, bridge }, testInfo) => {
  const report = await windows7OfficeReport();
  const plan = report.plans[0];
  expect(plan).toBeDefined();
  const file = testInfo.outputPath('office.json');
  writeFileSync(file, JSON.stringify(report));
  await page.goto(bridge.url);
  await openReport(page, file);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Result of the check' })).toBeVisible();
  await expect(page.getByTestId('verdict').getByRole('heading', { level: 2 })).toHaveText(report.verdict.title.en);
  const card = page.getByTestId('plan').first();
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(`Cause: ${plan.cause.en}`);
  await expect(card.getByTestId('plan-step').first()).toContainText(plan.steps[0].text.en);
  await expect(page.getByRole('button', { name: 'Save report' })).toBeVisible();
  await screenshots(page, '3-results-english', { axe: true });
  await expectNoAxeViolations(page, 'results (English)');
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(`Causa: ${plan.cause.it}`);
});

test('copied instructions hold the plan, the accounts and the servers; without a clipboard they are shown to copy by hand', async ({
  page,
  bridge,
}, testInfo) => {
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
  expect(text).toContain(`Codice pratica: ${report.caseCode}`);
  expect(text).toContain(report.verdict.title.it);
  // The plan with every step and its state, the stop-gap, the folded findings by id.
  const plan = report.plans[0];
  expect(text).toContain(`[Da risolvere] ${plan.cause.it} (${plan.id})`);
  for (const [i, s] of plan.steps.entries()) expect(text).toContain(`${i + 1}) [Da fare] ${s.text.it}`);
  expect(text).toContain(plan.stopGap!.url);
  expect(text).toContain('win7-tls12-client-disabled');
  // The account and its servers.
  expect(text).toContain('Outlook · studio.rossi@pec.it');
  expect(text).toContain('imaps.pec.aruba.it:993');
  expect(text).toContain('smtps.pec.aruba.it:465');
  await expectNoAxeViolations(page, 'copy fallback');
});

test('a hostile saved report: its webmail, stop-gap and links are not trusted; only our catalogue’s pages become links', async ({
  page,
  bridge,
}, testInfo) => {
  const report = await windows7OfficeReport();
  const evil = 'https://evil.example/phish';
  // What a forged file could claim: a provider webmail in the lookups, a plan stop-gap, fix links.
  const hostile = JSON.parse(JSON.stringify(report)) as typeof report;
  hostile.context!.lookups[0].provider = { ...hostile.context!.lookups[0].provider!, name: 'Aruba PEC (webmail ufficiale)', webmail: evil };
  hostile.plans[0].stopGap = { providerId: 'aruba', providerName: 'Aruba PEC (webmail ufficiale)', url: evil };
  hostile.plans[0].steps[0].links = [{ url: evil, label: { it: 'Microsoft', en: 'Microsoft' } }];
  for (const f of hostile.findings) f.fix.links = [{ url: 'javascript:alert(1)', label: { it: 'Clicca', en: 'Click' } }];
  const file = testInfo.outputPath('hostile.json');
  writeFileSync(file, JSON.stringify(hostile));
  await page.goto(bridge.url);
  await openReport(page, file);
  await expect(page.getByTestId('plan')).toHaveCount(1);
  // No link anywhere to the forged pages; the stop-gap is the catalogue's, re-derived by the core.
  await expect(page.locator(`a[href^="https://evil.example"]`)).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expect(page.getByTestId('webmail').getByRole('link')).toHaveAttribute('href', new URL(report.plans[0].stopGap!.url).href);
  await expect(page.getByText('Aruba PEC (webmail ufficiale)')).toHaveCount(0);
  const links = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(links.length).toBeGreaterThan(0);
  // Every link is one the core itself writes for this machine (our catalogue), or the skip link.
  const ours = new Set(
    [
      ...report.plans.flatMap((p) => [...p.steps.flatMap((s) => s.links.map((l) => l.url)), p.stopGap?.url ?? '']),
      ...report.findings.flatMap((f) => f.fix.links.map((l) => l.url)),
    ]
      .filter(Boolean)
      .map((u) => new URL(u).href),
  );
  for (const href of links) expect(ours.has(href) || href.endsWith('/#main'), href).toBe(true);
});

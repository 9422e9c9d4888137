// `pec-doctor ui`'s bridge as the browser sees it (issues #20.3 and #21):
// - the session stays on its port: after logging in, a page and an image of another local
//   server get no cookie and no secret, and replaying what they got opens nothing;
// - a hand-over link opened twice is a page in plain Italian;
// - "PDF" opens the report in a new tab with the print dialog and the hint «Salva come PDF»;
//   printed, the tab gives the report alone (checked on the PDF Chromium prints);
// - when the bridge stops, a plain message with a way back instead of "Failed to fetch";
// - a 25 MB report is refused in Italian.
// Screenshots of the screens changed here go to docs/screenshots/web-*.png (Debian's Chromium).
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { collectPageErrors, expectNoAxeViolations, screenshots, SIZES } from './helpers';
import { startWebBridge } from '../../src/web/server';

const DOC_SHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const staticDir = path.join(__dirname, '..', '..', 'dist', 'renderer');

/** docs/screenshots/web-<name>-<w>x<h>.png, from Debian's Chromium only (one picture per size). */
async function docShots(page: Page, name: string, scrollTo?: () => Promise<void>): Promise<void> {
  if (test.info().project.name !== 'chromium-debian') return;
  mkdirSync(DOC_SHOTS, { recursive: true });
  const original = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    if (scrollTo) await scrollTo();
    await page.screenshot({ path: path.join(DOC_SHOTS, `web-${name}-${size.width}x${size.height}.png`), animations: 'disabled' });
  }
  if (original) await page.setViewportSize(original);
}

/** Another program's server on 127.0.0.1: records what the browser sends it. */
async function recorder(): Promise<{ url: string; seen: { url: string; headers: http.IncomingHttpHeaders }[]; close(): Promise<void> }> {
  const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/pixel.svg') {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
      return res.end('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>altro</title><img id="pixel" src="/pixel.svg" alt="">');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, seen, close: () => new Promise((r) => server.close(() => r())) };
}

function post(url: string, headers: http.OutgoingHttpHeaders): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('[]');
  });
}

test('the session stays on its port: another local server gets no cookie and no secret, and replaying them opens nothing', async ({
  page,
  context,
  bridge,
}) => {
  const other = await recorder();
  try {
    await page.goto(bridge.issueLoginUrl());
    await page.waitForURL(/\/app\/$/);
    await expect(page.getByTestId('version')).toHaveText(/^Versione \d/);
    const secret = await page.evaluate(() => sessionStorage.getItem('pec-doctor-session') ?? '');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);

    // The same tab goes to the other server (a top-level visit: what cookies follow), and back.
    await page.goto(other.url);
    await expect(page.locator('#pixel')).toHaveJSProperty('complete', true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.goBack();
    await page.waitForURL(/\/app\/$/);
    await expect(page.getByTestId('version')).toHaveText(/^Versione \d/);
    // An image of the other server in a second tab too.
    const tab = await context.newPage();
    await tab.goto(`${other.url}again`);
    await expect(tab.locator('#pixel')).toHaveJSProperty('complete', true);

    expect(other.seen.map((r) => r.url)).toEqual(expect.arrayContaining(['/', '/pixel.svg', '/again']));
    for (const r of other.seen) {
      expect(r.headers.cookie, `cookie sent to ${r.url}`).toBeUndefined();
      expect(JSON.stringify(r.headers)).not.toContain(secret);
    }
    expect(await context.cookies()).toEqual([]);
    // A plain client with everything the other server received, aimed at the bridge: 401.
    const api = `http://127.0.0.1:${bridge.port}/app/api/findAccounts`;
    for (const r of other.seen) expect(await post(api, { ...r.headers, host: `127.0.0.1:${bridge.port}` })).toBe(401);
    // The page itself keeps working (its header carries the secret).
    await page.getByRole('button', { name: 'Diagnosi precedenti' }).click();
    await expect(page.getByText('Nessuna diagnosi salvata su questo computer.')).toBeVisible();
  } finally {
    await other.close();
  }
});

test('a hand-over link opened again is a page in plain Italian, not JSON', async ({ page, bridge }) => {
  const link = bridge.issueLoginUrl();
  await page.goto(link);
  await page.waitForURL(/\/app\/$/);
  const again = await page.goto(link);
  expect(again?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questo collegamento è già stato usato');
  await expect(page.getByRole('main')).toContainText('npx pec-doctor ui');
  expect(await page.locator('body').innerText()).not.toMatch(/[{}"]error/);
  await expectNoAxeViolations(page, 'used hand-over link');
  await docShots(page, 'link-used');
});

test('Salva rapporto → PDF: a new tab with the print dialog and «Salva come PDF»; printed, the report alone', async ({
  page,
  context,
  bridge,
}, testInfo) => {
  // A small saved report (the rules re-judge it when it is opened; its case code is kept).
  const report = {
    schemaVersion: 2,
    app: { name: 'PEC Doctor', version: '0.1.0' },
    createdAt: '2026-11-23T10:00:00Z',
    redacted: false,
    inventory: null,
    accounts: null,
    endpoints: [],
    findings: [],
    plans: [],
    verdict: {},
    caseCode: 'PEC-7QX-4MZ',
  };
  const file = testInfo.outputPath('studio-rossi.json');
  writeFileSync(file, JSON.stringify(report));
  // Counts the print dialogs asked for (headless Chromium shows none).
  await context.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  const errors = collectPageErrors(page);
  await page.goto(bridge.url);
  await page.getByLabel('Apri un rapporto salvato').setInputFiles(file);
  await expect(page.getByTestId('case-code')).toContainText(report.caseCode);

  const pdfOption = page.getByLabel('PDF (da leggere e stampare)');
  await expect(page.getByLabel('Pagina web (HTML)')).toBeChecked();
  await pdfOption.check();
  const hint = page.getByText(
    'PDF: il rapporto si apre in una nuova scheda con la finestra di stampa; come stampante scegli «Salva come PDF».',
  );
  await expect(hint).toBeVisible();
  await screenshots(page, 'web-pdf-option', { axe: true, scrollTo: hint });
  await docShots(page, 'pdf-option', () => hint.scrollIntoViewIfNeeded());

  const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Salva rapporto' }).click()]);
  await tab.waitForLoadState('load');
  expect(new URL(tab.url()).pathname).toMatch(/^\/print\/[A-Za-z0-9_-]{32}$/);
  await expect(page.getByTestId('print-result')).toContainText('Il rapporto è aperto in una nuova scheda');
  await expect(page.getByTestId('print-result').getByRole('link', { name: 'Apri il rapporto da salvare in PDF' })).toHaveAttribute(
    'href',
    tab.url(),
  );
  const tabHint = tab.locator('.pd-print-hint');
  await expect(tabHint).toContainText('come stampante (destinazione) scegli «Salva come PDF»');
  await expect(tab.locator('body')).toContainText(report.caseCode);
  await expect.poll(() => tab.evaluate(() => (window as unknown as { printed: number }).printed)).toBeGreaterThan(0);
  expect(await tab.evaluate(() => window.opener)).toBeNull();
  await docShots(page, 'pdf-print-notice', () => page.getByTestId('print-result').scrollIntoViewIfNeeded());
  await tab.getByRole('button', { name: /Apri la finestra di stampa/ }).click();
  await expect.poll(() => tab.evaluate(() => (window as unknown as { printed: number }).printed)).toBeGreaterThan(1);
  await docShots(tab, 'pdf-print-tab');

  // What "Salva come PDF" gives: Chromium's own print of this tab (headless only: page.pdf).
  const pdf = testInfo.outputPath('report.pdf');
  await tab.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = await new Promise<string>((resolve, reject) =>
    execFile('pdftotext', ['-layout', pdf, '-'], { timeout: 60_000 }, (err, out) => (err ? reject(err) : resolve(out))),
  );
  expect(text).toContain(report.caseCode);
  expect(text).not.toContain('Salva come PDF'); // the hint is never printed
  await tab.close();
  expect(errors).toEqual([]);
});

test('when the bridge stops: a plain message and a way back, never "Failed to fetch"', async ({ page }) => {
  let bridge = await startWebBridge({ staticDir });
  const { port, token } = bridge;
  try {
    await page.goto(bridge.url);
    await expect(page.getByTestId('version')).toHaveText(/^Versione \d/);
    await bridge.close();

    // The event stream ends: the banner comes without waiting for a click.
    const banner = page.getByTestId('bridge-status');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('PEC Doctor non risponde più');
    await expect(banner).toContainText('npx pec-doctor ui');
    // A click that needs the core says it in the same words.
    await page.getByRole('button', { name: 'Diagnosi precedenti' }).click();
    await expect(page.getByRole('main')).toContainText('il programma «pec-doctor ui» è stato chiuso');
    expect(await page.locator('body').innerText()).not.toMatch(/Failed to fetch|NetworkError|TypeError/i);
    await page.getByRole('button', { name: 'Riprova' }).click();
    await expect(banner).toContainText('PEC Doctor non risponde ancora.');
    await screenshots(page, 'web-bridge-gone', { axe: true });
    await docShots(page, 'bridge-gone');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(banner).toContainText('PEC Doctor no longer answers');
    await page.getByRole('button', { name: 'Italiano' }).click();

    // Back on the same address (as `pec-doctor ui --port` would be): the banner goes, work goes on.
    bridge = await startWebBridge({ staticDir, port, token });
    await expect(banner).toBeHidden({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Torna all’inizio' }).click();
    await page.getByRole('button', { name: 'Diagnosi precedenti' }).click();
    await expect(page.getByText('Nessuna diagnosi salvata su questo computer.')).toBeVisible();
  } finally {
    await bridge.close();
  }
});

test('a 25 MB report is refused in plain Italian', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await page.getByLabel('Apri un rapporto salvato').setInputFiles({
    name: 'enorme.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ schemaVersion: 2, pad: 'x'.repeat(25 * 1024 * 1024) })),
  });
  await expect(page.getByTestId('open-report-error')).toContainText('Il file è troppo grande per essere un rapporto di PEC Doctor.');
  await expect(page.getByTestId('open-report-error')).toContainText('25 MB');
});

test('a tab opened by hand at /app/ (no session) says so in plain words, and calls are refused', async ({ page, bridge }) => {
  await page.goto(`http://127.0.0.1:${bridge.port}/app/`);
  const banner = page.getByTestId('bridge-status');
  await expect(banner).toContainText('Questa scheda non è più collegata a PEC Doctor');
  await expect(banner).toContainText('Continua nella scheda aperta da PEC Doctor');
  await page.getByRole('button', { name: 'Diagnosi precedenti' }).click();
  await expect(page.getByRole('main')).toContainText('Questa scheda non è collegata a PEC Doctor');
  expect(await page.locator('body').innerText()).not.toMatch(/HTTP 401|Failed to fetch/);
  await expectNoAxeViolations(page, 'no session');
  await docShots(page, 'no-session');
});

// Start → run → results with the real core against real loopback servers: a healthy IMAP server
// (Dovecot, TLS 1.2+), a server that speaks only TLS 1.0 (openssl s_server -tls1), and a server
// that never answers (to see the running screen and cancel it). Then the technician view, saving
// and reopening a report, copying the instructions, redaction, and axe on every screen.
import { readFileSync } from 'node:fs';
import * as net from 'node:net';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { collectPageErrors, expectNoAxeViolations, screenshots } from './helpers';
import { startDovecot, startOpensslServer } from '../support/servers';
import { writeThunderbirdProfile } from './thunderbird-profile';
import { REDACTION_NOTE } from '../../src/api';

const RESULTS = { level: 1, name: 'Risultato della diagnosi' } as const;

async function checkOnlyServer(page: Page, url: string, email?: string): Promise<void> {
  if (email) await page.getByLabel('Indirizzo PEC').fill(email);
  await page.getByText('Impostazioni avanzate (per il tecnico)').click();
  await page.getByLabel('Server', { exact: true }).fill(url);
  await page.getByLabel('Controlla solo quanto indicato qui (non gli account trovati)').check();
  await page.getByRole('button', { name: 'Avvia la diagnosi' }).click();
}

test('running: the checklist fills in live with a progress bar, and "Annulla" stops the check', async ({ page, bridge }) => {
  // Many steps before "Annulla": on a busy machine they took longer than the default 60 s.
  // Nothing here is timed, so the margin is generous.
  test.setTimeout(240_000);
  // Accepts connections and never answers: the TLS step waits, so the run stays on screen.
  const sockets = new Set<net.Socket>();
  const silent = net.createServer((s) => sockets.add(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
  const port = (silent.address() as net.AddressInfo).port;
  try {
    const errors = collectPageErrors(page);
    await page.goto(bridge.url);
    await checkOnlyServer(page, `imaps://127.0.0.1:${port}`);
    const heading = page.getByRole('heading', { level: 1, name: 'Diagnosi in corso' });
    await expect(heading).toBeFocused();
    await expect(page.getByRole('progressbar', { name: 'Avanzamento della diagnosi' })).toBeVisible();
    const checklist = page.getByRole('region', { name: 'Elenco dei controlli' });
    // The list is not itself live (its seconds would be read out): a polite region announces each change.
    await expect(page.getByTestId('check-announcer')).toHaveAttribute('aria-live', 'polite');
    // No layout jump: lines already shown stay where they are while the others arrive.
    const firstLine = checklist.getByTestId('check-line').first();
    await expect(firstLine).toBeVisible();
    const before = await firstLine.boundingBox();
    await expect(checklist.getByRole('heading', { name: `Server in arrivo 127.0.0.1:${port}` })).toBeVisible();
    expect(await firstLine.boundingBox()).toEqual(before);
    // Each line says its state in words next to the icon.
    await expect(checklist.locator('[data-state="ok"]').first()).toContainText('Tutto bene');
    await expect(checklist.locator('[data-state="running"], [data-state="pending"]').first()).toContainText(/In corso|In attesa/);
    await expect(page.getByTestId('check-line').filter({ hasText: 'Connessione' })).toHaveCount(1);
    // The line in progress says what it waits for, and since when.
    const running = checklist.locator('[data-state="running"]').first();
    await expect(running).toContainText(/attendo/);
    await expect(running.locator('.check-elapsed')).toHaveText(/· \d+ s/, { timeout: 10_000 });
    // Each change is announced as "<check>: <state>".
    await expect(page.getByTestId('check-announcer')).toHaveText(/.+: (Tutto bene|In corso|Saltato|Problema|Da controllare)/);
    await screenshots(page, '2-running');
    await expectNoAxeViolations(page, 'running');

    await page.getByRole('button', { name: 'Annulla' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Controlliamo la tua PEC' })).toBeFocused();
    await expect(page.getByText('Diagnosi annullata.')).toBeVisible();
    // The form kept what was typed, ready for another try.
    await expect(page.getByLabel('Server', { exact: true })).toHaveValue(`imaps://127.0.0.1:${port}`);
    expect(errors).toEqual([]);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  }
});

test('healthy server, keyboard only: green verdict, technician details, JSON and HTML reports saved and the JSON reopened', async ({
  page,
  bridge,
  certs,
}, testInfo) => {
  test.setTimeout(120_000);
  const dovecot = await startDovecot({ cert: certs.cert, key: certs.key });
  const url = `imaps://127.0.0.1:${dovecot.ports.imaps}`;
  try {
    const errors = collectPageErrors(page);
    await page.goto(bridge.url);
    await expect(page.getByTestId('no-accounts')).toBeVisible();
    // Keyboard only: skip link, language, address, advanced (open with Enter), server, "only
    // this", start.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await expect(page.locator('summary')).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Server', { exact: true })).toBeFocused();
    await page.keyboard.type(url);
    // A full address already gives port, protocol and security: those fields step aside.
    await expect(page.getByLabel('Porta')).toBeDisabled();
    await expect(page.getByLabel('Protocollo')).toBeDisabled();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Controlla solo quanto indicato qui (non gli account trovati)')).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Avvia la diagnosi' })).toBeFocused();
    await page.keyboard.press('Enter');

    // Done: the focus moves to the results heading.
    await expect(page.getByRole('heading', RESULTS)).toBeFocused({ timeout: 60_000 });
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-status', /^(ok|warning)$/);
    await expect(verdict.getByRole('heading', { level: 2 })).not.toBeEmpty();
    await expect(page.locator('[data-testid="finding"][data-severity="error"]')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Cosa funziona' })).toBeVisible();
    await screenshots(page, '3-results-healthy', { axe: true });
    await expectNoAxeViolations(page, 'results (healthy)');

    // Technician details: the endpoint's versions, certificate, simulation, steps.
    await page.getByRole('button', { name: 'Dettagli per il tecnico' }).click();
    await expect(page.getByRole('button', { name: 'Dettagli per il tecnico' })).toHaveAttribute('aria-current', 'page');
    const endpoint = page.locator(`[data-testid="endpoint"][data-url="${url}"]`);
    await expect(endpoint.getByRole('heading', { name: url })).toBeVisible();
    const versions = endpoint.getByTestId('tls-versions');
    await expect(versions.getByRole('row', { name: /^TLS 1\.2 / })).toContainText('✔ sì');
    await expect(versions.getByRole('row', { name: /^TLS 1\.0 / })).toContainText('✘ no');
    await expect(endpoint).toContainText('localhost');
    await expect(endpoint).toContainText('PEC Doctor Test CA');
    await expect(endpoint.getByTestId('simulations').getByRole('row')).not.toHaveCount(0);
    await expect(page.getByTestId('tech-os')).toContainText('linux');
    await expect(page.getByTestId('tech-findings')).toContainText('server-ok');
    await screenshots(page, '4-technician-healthy', { axe: true });
    await expectNoAxeViolations(page, 'technician details');

    // Save the JSON report (a download through the web bridge) ...
    await page.getByLabel('Dati (JSON, per il tecnico)').check();
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Salva rapporto' }).click()]);
    expect(jsonDownload.suggestedFilename()).toMatch(/^pec-doctor-.*\.json$/);
    const jsonPath = testInfo.outputPath(jsonDownload.suggestedFilename());
    await jsonDownload.saveAs(jsonPath);
    const saved = JSON.parse(readFileSync(jsonPath, 'utf8')) as {
      endpoints: { url: string }[];
      verdict: { status: string; title: { it: string } };
    };
    expect(saved.endpoints.map((e) => e.url)).toEqual([url]);
    // The heading shown is the verdict's own title.
    await expect(page.getByTestId('verdict-title')).toHaveCount(0); // technician view: no banner
    expect(saved.verdict.title.it).not.toBe('');
    await expect(page.getByTestId('save-result')).toContainText(`Rapporto scaricato: ${jsonDownload.suggestedFilename()}`);

    // ... and the HTML one (the default format in the browser).
    await page.getByLabel('Pagina web (HTML)').check();
    const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Salva rapporto' }).click()]);
    expect(htmlDownload.suggestedFilename()).toMatch(/\.html$/);
    const htmlPath = testInfo.outputPath(htmlDownload.suggestedFilename());
    await htmlDownload.saveAs(htmlPath);
    expect(readFileSync(htmlPath, 'utf8')).toMatch(/<html[\s\S]*127\.0\.0\.1/);
    await screenshots(page, '5-report-saved', { axe: true, scrollTo: page.getByTestId('save-result') });

    // Reopen the JSON: the same result, re-evaluated, with where it came from.
    await page.getByRole('button', { name: 'Nuova diagnosi' }).first().click();
    await page.getByLabel('Apri un rapporto salvato…').setInputFiles(jsonPath);
    await expect(page.getByRole('heading', RESULTS)).toBeFocused();
    await expect(page.getByTestId('report-origin')).toContainText(`Rapporto aperto dal file ${jsonDownload.suggestedFilename()}`);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', saved.verdict.status);
    await screenshots(page, '5-report-reopened', { axe: true });
    await expectNoAxeViolations(page, 'reopened report');
    expect(errors).toEqual([]);
  } finally {
    await dovecot.stop();
  }
});

test('TLS 1.0-only server: red verdict, the fix in plain Italian, instructions copied, redacted report', async ({
  page,
  bridge,
  certs,
  context,
}, testInfo) => {
  test.setTimeout(120_000);
  const server = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1' });
  const url = `imaps://127.0.0.1:${server.port}`;
  const email = 'avv.bianchi@studio-bianchi.example';
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(bridge.url).origin });
    const errors = collectPageErrors(page);
    await page.goto(bridge.url);
    await checkOnlyServer(page, url, email);
    await expect(page.getByRole('heading', RESULTS)).toBeFocused({ timeout: 60_000 });

    const verdict = page.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-status', 'error');
    await expect(verdict.getByRole('heading', { level: 2 })).toHaveText(/PEC/);
    // The most serious finding comes first, and it explains and says how to fix.
    const first = page.getByTestId('finding').first();
    await expect(first).toHaveAttribute('data-severity', 'error');
    const card = page.locator('[data-testid="finding"][data-finding-id="server-no-tls12"]');
    await expect(card).toBeVisible();
    await expect(card).toContainText('Da risolvere');
    await expect(card.getByRole('heading', { name: 'Cosa significa' })).toBeVisible();
    await expect(card.getByRole('heading', { name: 'Come risolvere' })).toBeVisible();
    await expect(card.getByRole('listitem').first()).not.toBeEmpty();
    await screenshots(page, '3-results-tls10', { axe: true });
    await expectNoAxeViolations(page, 'results (TLS 1.0 only)');

    // Instructions for the technician, on the clipboard.
    await page.getByRole('button', { name: 'Copia istruzioni per il tecnico' }).click();
    await expect(page.getByTestId('copy-done')).toBeVisible();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toContain('PEC Doctor: istruzioni per il tecnico');
    expect(clip).toContain('server-no-tls12');
    expect(clip).toContain(url);

    // Technician view: the server accepts TLS 1.0 and refuses TLS 1.2.
    await page.getByRole('button', { name: 'Dettagli per il tecnico' }).click();
    const versions = page.locator(`[data-testid="endpoint"][data-url="${url}"]`).getByTestId('tls-versions');
    await expect(versions.getByRole('row', { name: /^TLS 1\.0 / })).toContainText('✔ sì');
    await expect(versions.getByRole('row', { name: /^TLS 1\.2 / })).toContainText('✘ no');
    await screenshots(page, '4-technician-tls10', { axe: true });
    await expectNoAxeViolations(page, 'technician details (TLS 1.0 only)');

    // "Nascondi indirizzi e nomi utente": the typed address's name is gone from the file.
    await page.getByLabel('Dati (JSON, per il tecnico)').check();
    await page.getByLabel('Nascondi indirizzi e nomi utente').check();
    // What stays visible in a redacted report is said next to the option, in the core's words.
    await expect(page.getByTestId('redact-note')).toHaveText(REDACTION_NOTE.it);
    await screenshots(page, '5-redact-offered', { axe: true, scrollTo: page.getByTestId('redact-note') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Salva rapporto' }).click()]);
    const file = testInfo.outputPath('redacted.json');
    await download.saveAs(file);
    const content = readFileSync(file, 'utf8');
    expect(JSON.parse(content)).toMatchObject({ redacted: true });
    expect(content).not.toContain('avv.bianchi');
    // Without the option the address is there (the check above is not vacuous).
    await page.getByLabel('Nascondi indirizzi e nomi utente').uncheck();
    const [plain] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Salva rapporto' }).click()]);
    const plainFile = testInfo.outputPath('plain.json');
    await plain.saveAs(plainFile);
    expect(readFileSync(plainFile, 'utf8')).toContain(email);
    // Reopened, the redacted report says it is one, and what it still shows.
    await page.getByLabel('Apri un rapporto salvato…').setInputFiles(file);
    await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeFocused();
    const redactedNote = page.getByTestId('redacted-report-note');
    await expect(redactedNote).toContainText('Questo rapporto è oscurato.');
    await expect(redactedNote).toContainText(REDACTION_NOTE.it);
    await screenshots(page, '5-redacted-report-reopened', { axe: true, scrollTo: redactedNote });
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
  }
});

test('opening a file that is not a report says so clearly, in Italian', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  const input = page.getByLabel('Apri un rapporto salvato…');
  await input.setInputFiles({ name: 'rapporto.json', mimeType: 'application/json', buffer: Buffer.from('{"questo": "non è un rapporto"') });
  const error = page.getByTestId('open-report-error');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toContainText('Questo file non è un rapporto di PEC Doctor leggibile');
  await input.setInputFiles({ name: 'altro.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(error).toContainText('Il file non contiene un rapporto di PEC Doctor');
  await expect(page.getByRole('heading', { level: 1, name: 'Controlliamo la tua PEC' })).toBeVisible();
  await screenshots(page, '5-open-report-not-json', { axe: true, scrollTo: error });
  await expectNoAxeViolations(page, 'open report error');
});

test('one button: the Thunderbird account found on this computer is checked without typing anything', async ({
  page,
  bridge,
  certs,
  home,
}) => {
  test.setTimeout(120_000);
  const server = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1' });
  try {
    writeThunderbirdProfile(home, { email: 'avv.bianchi@pec.it', imap: { host: '127.0.0.1', port: server.port } });
    await page.goto(bridge.url);
    await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText(`127.0.0.1:${server.port}`);
    await page.getByRole('button', { name: 'Avvia la diagnosi' }).click();
    await expect(page.getByRole('heading', RESULTS)).toBeFocused({ timeout: 60_000 });
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'error');
    await expect(page.locator('[data-testid="finding"][data-finding-id="server-no-tls12"]')).toContainText(
      `imaps://127.0.0.1:${server.port}`,
    );
    await page.getByRole('button', { name: 'Dettagli per il tecnico' }).click();
    await expect(page.getByTestId('tech-accounts')).toContainText('avv.bianchi@pec.it');
    await expect(page.getByTestId('tech-accounts')).toContainText(`127.0.0.1:${server.port}`);
  } finally {
    await server.stop();
  }
});

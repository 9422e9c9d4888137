// The technician's round trip (issue #12) with the real core and real loopback servers: a saved
// HTML report reopened (picker and drag-and-drop) with the same findings; the .reg fix and its
// undo for a recorded 64-bit Windows 7 whose WinHTTP value was 0xA80 (left alone: it has TLS 1.2); "Ripeti il controllo"
// after the server was fixed, with the before/after view; the history (list, compare, delete);
// and the technician view of the Windows 7 office report (summary first, Italian labels from the
// shared dictionary, decisive rows, foldable sections, local dates).
import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { collectPageErrors, screenshots } from './helpers';
import { freePort, startOpensslServer } from '../support/servers';
import { windows7OfficeReport } from './office-report';
import { windows7x64WithWinhttpReport } from './machines';
import { getRun, listRuns, saveRun } from '../../src/history/index';

const RESULTS = { level: 1, name: 'Risultato della diagnosi' } as const;

async function checkOnlyServer(page: Page, url: string): Promise<void> {
  await page.getByText('Impostazioni avanzate (per il tecnico)').click();
  await page.getByLabel('Server', { exact: true }).fill(url);
  await page.getByLabel('Controlla solo quanto indicato qui (non gli account trovati)').check();
  await page.getByRole('button', { name: 'Avvia la diagnosi' }).click();
  await expect(page.getByRole('heading', RESULTS)).toBeFocused({ timeout: 60_000 });
}

/** What the results screen shows, to compare two views of the same report. */
async function shownResult(page: Page) {
  return {
    status: await page.getByTestId('verdict').getAttribute('data-status'),
    title: await page.getByTestId('verdict-title').textContent(),
    cards: await page.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-id'))),
    plans: await page.getByTestId('plan').evaluateAll((els) => els.map((e) => e.getAttribute('data-plan-id'))),
    passed: await page.getByTestId('passed').allTextContents(),
  };
}

/** Drops a file on the element the way a file manager does (a real DataTransfer with a File). */
async function dropFile(page: Page, target: Locator, name: string, content: string, type: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type }));
      return dt;
    },
    { name, content, type },
  );
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

test('a saved HTML report reopens with the same findings (file picker and drag-and-drop); a damaged page is said in plain words', async ({
  page,
  bridge,
  certs,
}, testInfo) => {
  test.setTimeout(120_000);
  const server = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1' });
  const url = `imaps://127.0.0.1:${server.port}`;
  try {
    const errors = collectPageErrors(page);
    await page.goto(bridge.url);
    await checkOnlyServer(page, url);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'error');
    const live = await shownResult(page);
    expect(live.cards).toContain('server-no-tls12');

    // HTML is the default format in the browser.
    await expect(page.getByLabel('Pagina web (HTML)')).toBeChecked();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Salva rapporto' }).click()]);
    const htmlPath = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(htmlPath);
    const html = readFileSync(htmlPath, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);

    // Reopened with the picker: the same verdict, plans and findings, and where it came from.
    await page.getByRole('button', { name: 'Nuova diagnosi' }).click();
    await page.getByLabel('Apri un rapporto salvato…').setInputFiles(htmlPath);
    await expect(page.getByRole('heading', RESULTS)).toBeFocused();
    await expect(page.getByTestId('report-origin')).toContainText(`Rapporto aperto dal file ${download.suggestedFilename()}`);
    expect(await shownResult(page)).toEqual(live);
    await screenshots(page, '5-report-reopened-html', { axe: true });

    // Dropped on the start screen: the same again.
    await page.getByRole('button', { name: 'Nuova diagnosi' }).click();
    await dropFile(page, page.getByTestId('open-report'), 'rapporto.html', html, 'text/html');
    await expect(page.getByRole('heading', RESULTS)).toBeFocused();
    expect(await shownResult(page)).toEqual(live);

    expect(errors).toEqual([]);
    // A web page that is not one of our reports: plain words, in view, the detail folded away.
    await page.getByRole('button', { name: 'Nuova diagnosi' }).click();
    await dropFile(page, page.getByTestId('open-report'), 'pagina.html', '<!doctype html><title>x</title><p>ciao</p>', 'text/html');
    const error = page.getByTestId('open-report-error');
    await expect(error).toContainText('È una pagina web, ma non contiene i dati di un rapporto di PEC Doctor');
    await expect(error).toBeFocused();
    await expect(error).toBeInViewport();
    await expect(error.getByText('Dettaglio per il tecnico')).toBeVisible();
    await screenshots(page, '5-open-report-error', { axe: true, scrollTo: error });
    // The bridge's answer to the refused file (HTTP 500) is the only console line.
    expect(errors.filter((e) => !e.includes('status of 500'))).toEqual([]);
  } finally {
    await server.stop();
  }
});

test('"Salva la correzione (.reg)": the fix and its undo for this machine, UTF-16LE, only the registry view that lacks TLS 1.2 (0xA80 left alone)', async ({
  page,
  bridge,
}, testInfo) => {
  const report = await windows7x64WithWinhttpReport();
  expect(report.inventory?.windows?.winhttp).toEqual({ defaultSecureProtocols64: 0xa80, defaultSecureProtocols32: null });
  const file = testInfo.outputPath('win7-x64.json');
  writeFileSync(file, JSON.stringify(report));
  await page.goto(bridge.url);
  await page.getByLabel('Apri un rapporto salvato…').setInputFiles(file);
  await expect(page.getByRole('heading', RESULTS)).toBeFocused();

  // Two downloads from one click: the fix, then `<name>-annulla.reg`.
  const downloads: import('@playwright/test').Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Salva la correzione (.reg)' }).click();
  await expect(page.getByTestId('regfix-result')).toContainText('Scaricati:');
  await expect.poll(() => downloads.length).toBe(2);
  const [fix, undo] = downloads;
  expect(fix.suggestedFilename()).toMatch(/\.reg$/);
  expect(undo.suggestedFilename()).toBe(fix.suggestedFilename().replace(/\.reg$/, '-annulla.reg'));
  await expect(page.getByTestId('regfix-result')).toContainText(undo.suggestedFilename());

  const read = async (d: import('@playwright/test').Download): Promise<string> => {
    const p = testInfo.outputPath(d.suggestedFilename());
    await d.saveAs(p);
    const bytes = readFileSync(p);
    // UTF-16LE with its byte-order mark, as regedit writes and expects.
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const text = bytes.subarray(2).toString('utf16le');
    expect(text.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    return text;
  };
  const fixText = await read(fix);
  const undoText = await read(undo);
  /** The value lines under one [key] of a .reg file. */
  const section = (reg: string, key: string): string => {
    const start = reg.indexOf(`[${key}]\r\n`);
    expect(start, `${key} missing`).toBeGreaterThanOrEqual(0);
    const body = reg.slice(start + key.length + 4);
    return body.slice(0, body.search(/\r\n\r\n|$/));
  };
  const WINHTTP64 = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';
  const WINHTTP32 = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';
  const TLS12 = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client';
  // The fix: TLS 1.2 on for the client; WinHTTP only where the TLS 1.2 bit is missing: the
  // 64-bit view's 0xA80 already has it (left alone), the absent 32-bit value becomes 0x800.
  expect(section(fixText, TLS12)).toContain('"DisabledByDefault"=dword:00000000');
  expect(fixText).not.toContain(`[${WINHTTP64}]`);
  expect(section(fixText, WINHTTP32)).toBe('"DefaultSecureProtocols"=dword:00000800');
  // The undo: the value the 32-bit view did not have deleted, the 64-bit view never touched.
  expect(undoText).not.toContain(`[${WINHTTP64}]`);
  expect(section(undoText, WINHTTP32)).toBe('"DefaultSecureProtocols"=-');
  expect(section(undoText, TLS12)).toContain('"DisabledByDefault"=-');
  await screenshots(page, '5-regfix-saved', { axe: true, scrollTo: page.getByTestId('regfix-result') });
});

/** Waits past the current second: history ids carry the run's time to the second. */
const nextSecond = () => new Promise((r) => setTimeout(r, 1100));

test('"Ripeti il controllo" compares the repeated run with the new one (not the newest two entries), then the history lists, compares and deletes runs', async ({
  page,
  bridge,
  certs,
}) => {
  test.setTimeout(200_000);
  const port = await freePort();
  const url = `imaps://127.0.0.1:${port}`;
  let server = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1', port });
  const restart = async (version: 'tls1' | 'tls1_2') => {
    await server.stop();
    server = await startOpensslServer({ cert: certs.cert, key: certs.key, version, port });
  };
  const rerun = async () => {
    await page.getByRole('button', { name: 'Ripeti il controllo' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Diagnosi in corso' })).toBeVisible();
    await expect(page.getByRole('heading', RESULTS)).toBeFocused({ timeout: 60_000 });
  };
  const comparison = page.getByTestId('comparison');
  const inList = (kind: string, findingId: string) => comparison.getByTestId(`compare-${kind}`).locator(`[data-finding-id="${findingId}"]`);
  try {
    const errors = collectPageErrors(page);
    await page.goto(bridge.url);
    // Run 1: the server offers TLS 1.0 only.
    await checkOnlyServer(page, url);
    await expect(page.locator('[data-testid="finding"][data-finding-id="server-no-tls12"]')).toBeVisible();
    await expect(page.getByTestId('announcer')).toContainText('Diagnosi terminata.');
    // Nothing to compare with yet.
    await expect(comparison).toHaveCount(0);
    const [run1] = (await listRuns()).runs;

    // Run 2: the provider turns TLS 1.2 on (same address, same port); the user checks again.
    await nextSecond();
    await restart('tls1_2');
    await rerun();
    await expect(page.locator('[data-testid="finding"][data-finding-id="server-no-tls12"]')).toHaveCount(0);
    await expect(comparison.getByRole('heading', { name: 'Prima e dopo' })).toBeVisible();
    await expect(inList('fixed', 'server-no-tls12')).toHaveCount(1);
    await expect(inList('remaining', 'server-no-tls12')).toHaveCount(0);
    const [run2] = (await listRuns()).runs;
    expect(run2.id).not.toBe(run1.id);
    await expect(comparison).toHaveAttribute('data-before-id', run1.id);
    await expect(comparison).toHaveAttribute('data-after-id', run2.id);
    await expect(comparison).toHaveAttribute('data-source', 'history');
    await screenshots(page, '3-results-rerun-before-after', { axe: true });

    // Meanwhile another window (or `pec-doctor check`) keeps a run of its own: the old TLS 1.0
    // result, newer than run 2. "The two newest entries" would now compare it with run 3.
    await nextSecond();
    const other = await getRun(run1.id);
    other.createdAt = new Date().toISOString();
    const extra = saveRun(other);
    await nextSecond();

    // Run 3: the server is back on TLS 1.0. Compared with run 2, the problem is new again.
    await restart('tls1');
    await rerun();
    await expect(page.locator('[data-testid="finding"][data-finding-id="server-no-tls12"]')).toBeVisible();
    const runs = (await listRuns()).runs;
    expect(runs.map((r) => r.id).slice(1)).toEqual([extra.id, run2.id, run1.id]);
    const run3 = runs[0];
    await expect(comparison).toHaveAttribute('data-before-id', run2.id);
    await expect(comparison).toHaveAttribute('data-after-id', run3.id);
    await expect(inList('added', 'server-no-tls12')).toHaveCount(1);
    await expect(inList('fixed', 'server-no-tls12')).toHaveCount(0);
    await expect(inList('remaining', 'server-no-tls12')).toHaveCount(0);

    // The history: the four runs, newest first; pick runs 2 and 1 and compare; delete one, then all.
    await page.getByRole('button', { name: 'Nuova diagnosi' }).click();
    await page.getByRole('button', { name: 'Diagnosi precedenti' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Diagnosi precedenti su questo computer' })).toBeFocused();
    const rows = page.getByTestId('history-run');
    await expect(rows).toHaveCount(4);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).not.toContain(null);
    // Each row says what was checked (issue #19).
    await expect(rows.nth(0).getByTestId('history-checked')).toHaveText(`127.0.0.1:${port}`);
    await rows.nth(2).getByRole('checkbox').check();
    await rows.nth(3).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Confronta le due diagnosi scelte' }).click();
    await expect(inList('fixed', 'server-no-tls12')).toHaveCount(1);
    await screenshots(page, '6-history', { axe: true });

    // Open the oldest run: its results, from the history.
    await rows.nth(3).getByRole('button', { name: /^Apri/ }).click();
    await expect(page.getByRole('heading', RESULTS)).toBeFocused();
    await expect(page.getByTestId('report-origin')).toContainText('dalla cronologia di questo computer');
    await expect(page.locator('[data-testid="finding"][data-finding-id="server-no-tls12"]')).toBeVisible();

    await page.getByRole('button', { name: 'Nuova diagnosi' }).click();
    await page.getByRole('button', { name: 'Diagnosi precedenti' }).click();
    await expect(rows).toHaveCount(4);
    await rows
      .nth(0)
      .getByRole('button', { name: /^Elimina/ })
      .click();
    // Each deletion asks first (issue #19): "Annulla" keeps everything, "Sì, elimina" deletes.
    const confirm = page.getByTestId('history-confirm');
    await expect(confirm).toBeFocused();
    await confirm.getByRole('button', { name: 'Annulla' }).click();
    await expect(rows).toHaveCount(4);
    await rows
      .nth(0)
      .getByRole('button', { name: /^Elimina/ })
      .click();
    await confirm.getByRole('button', { name: 'Sì, elimina' }).click();
    await expect(page.getByText('Eliminata 1 diagnosi.')).toBeVisible();
    await expect(rows).toHaveCount(3);
    await page.getByRole('button', { name: 'Elimina tutta la cronologia' }).click();
    await expect(confirm).toContainText('Eliminare tutte le 3 diagnosi salvate?');
    await confirm.getByRole('button', { name: 'Sì, elimina' }).click();
    await expect(page.getByTestId('history-empty')).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
  }
});

test('"Ripeti il controllo" with the history switched off: the two results in the window are compared, and the screen says so', async ({
  page,
  bridge,
  certs,
}) => {
  test.setTimeout(150_000);
  const port = await freePort();
  const url = `imaps://127.0.0.1:${port}`;
  let server = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1', port });
  // The core reads it when a run ends (src/history/index.ts recordRun); this worker's bridge is the core.
  process.env.PEC_DOCTOR_NO_HISTORY = '1';
  try {
    const errors = collectPageErrors(page);
    await page.goto(bridge.url);
    await checkOnlyServer(page, url);
    await expect(page.locator('[data-testid="finding"][data-finding-id="server-no-tls12"]')).toBeVisible();
    await server.stop();
    server = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1_2', port });
    await page.getByRole('button', { name: 'Ripeti il controllo' }).click();
    await expect(page.getByRole('heading', RESULTS)).toBeFocused({ timeout: 60_000 });
    const comparison = page.getByTestId('comparison');
    await expect(comparison).toHaveAttribute('data-source', 'window');
    await expect(comparison.getByTestId('compare-note')).toContainText('La cronologia è disattivata su questo computer');
    await expect(comparison.getByTestId('compare-fixed').locator('[data-finding-id="server-no-tls12"]')).toHaveCount(1);
    await expect(comparison.getByTestId('compare-remaining').locator('[data-finding-id="server-no-tls12"]')).toHaveCount(0);
    // Nothing was kept: the history is empty, and the UI did not pretend otherwise.
    expect((await listRuns()).runs).toEqual([]);
    await screenshots(page, '3-results-rerun-history-off', { axe: true, scrollTo: comparison });
    expect(errors).toEqual([]);
  } finally {
    delete process.env.PEC_DOCTOR_NO_HISTORY;
    await server.stop();
  }
});

test('technician view of the Windows 7 office: summary first, Italian labels, the decisive rows highlighted, foldable sections, local dates', async ({
  page,
  bridge,
}, testInfo) => {
  const report = await windows7OfficeReport();
  const file = testInfo.outputPath('studio-rossi.json');
  writeFileSync(file, JSON.stringify(report));
  const errors = collectPageErrors(page);
  await page.goto(bridge.url);
  await page.getByLabel('Apri un rapporto salvato…').setInputFiles(file);
  await expect(page.getByRole('heading', RESULTS)).toBeFocused();
  await page.getByRole('button', { name: 'Dettagli per il tecnico' }).click();
  const tech = page.getByTestId('technician-details');

  // The summary comes first: verdict, case code, machine, TLS 1.2, KB3140245, the plan.
  const summary = page.getByTestId('tech-summary');
  expect(await tech.evaluate((el) => el.firstElementChild?.getAttribute('data-testid'))).toBe('tech-summary');
  await expect(summary).toContainText(report.caseCode!);
  await expect(summary).toContainText('Windows 7 Service Pack 1 · 6.1.7601 · x86');
  await expect(summary.getByRole('row', { name: /SCHANNEL TLS 1\.2/ })).toHaveAttribute('data-decisive', 'true');
  await expect(summary.getByRole('row', { name: /Aggiornamento KB3140245/ })).toContainText('non installato');
  await expect(summary).toContainText(report.plans[0].cause.it);

  // Labels from the shared dictionary (the HTML report's words), in Italian.
  const os = page.getByTestId('tech-os');
  await expect(os.getByRole('row', { name: /^Edizione/ })).toContainText('Professional');
  await expect(os.getByRole('row', { name: /^Architettura/ })).toContainText('x86');
  await expect(os).not.toContainText('Edition');
  // The decisive row: TLS 1.2 switched off on the client, highlighted and said in words.
  const windows = page.getByTestId('tech-windows');
  const tls12 = windows.getByRole('row', { name: /^TLS 1\.2/ });
  await expect(tls12).toHaveAttribute('data-decisive', 'true');
  await expect(tls12).toContainText('disattivato');
  await expect(tls12).toContainText('decisivo');
  await expect(windows.getByRole('row', { name: /^TLS 1\.0/ })).not.toHaveAttribute('data-decisive', 'true');
  // A value that is not set says so; no cell is a bare dash.
  // (32-bit Windows: one registry view, one WinHTTP row.)
  await expect(windows.getByRole('row', { name: /^WinHTTP DefaultSecureProtocols/ })).toHaveCount(1);
  await expect(windows.getByRole('row', { name: /^WinHTTP DefaultSecureProtocols/ })).toContainText('assente');
  await expect(windows).toContainText('0x00000A80 (2688)');
  expect(await tech.locator('td').evaluateAll((tds) => tds.filter((td) => td.textContent?.trim() === '—').length)).toBe(0);
  // Dates are local (dd/mm/yyyy, hh:mm), never raw UTC.
  const created = summary.getByRole('row', { name: /^Creato il/ });
  await expect(created).toContainText(/\d{2}\/\d{2}\/2026, \d{2}:\d{2}/);
  await expect(summary).not.toContainText('2026-11-20T09:15:00');
  await expect(os).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
  // The provider by its name from our catalogue (re-derived from the lookup's id), not its id.
  const accounts = page.getByTestId('tech-accounts');
  await expect(accounts.getByRole('row', { name: /^Gestore/ })).toHaveText(/Gestore\s*Aruba PEC/);
  // The plan's steps with the evidence each state comes from.
  await expect(page.getByTestId('tech-plans')).toContainText(report.plans[0].steps[0].evidence!.it);

  // Long sections are folded; opened, the evidence is in scrollable monospace blocks.
  const evidence = page.getByTestId('tech-evidence');
  await expect(evidence).not.toHaveAttribute('open');
  await evidence.locator('summary').click();
  const block = evidence.locator('pre.mono-block').first();
  await expect(block).toBeVisible();
  expect(await block.evaluate((el) => [getComputedStyle(el).overflowY, getComputedStyle(el).fontFamily])).toEqual([
    'auto',
    expect.stringMatching(/mono/i),
  ]);
  await page.getByRole('button', { name: 'Chiudi tutte le sezioni' }).click();
  await expect(os.getByRole('row', { name: /^Edizione/ })).toBeHidden();
  await page.getByRole('button', { name: 'Apri tutte le sezioni' }).click();
  await expect(os.getByRole('row', { name: /^Edizione/ })).toBeVisible();
  await page.getByRole('button', { name: 'Chiudi tutte le sezioni' }).click();
  await page.getByTestId('tech-windows').locator('summary').click();
  await screenshots(page, '4-technician-windows7', { axe: true });
  // The height a technician scrolls, all sections open, at the window's minimum width.
  await page.getByRole('button', { name: 'Apri tutte le sezioni' }).click();
  await page.setViewportSize({ width: 800, height: 560 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  testInfo.annotations.push({ type: 'technician-height-800-all-open', description: String(height) });
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(errors).toEqual([]);
});

test('technician view of a hostile report: the provider name comes from our catalogue by id, never from the file', async ({
  page,
  bridge,
}, testInfo) => {
  const report = await windows7OfficeReport();
  expect(report.accounts?.accounts[0].provider).toBe('aruba');
  // The file claims another name and webmail for the provider id "aruba".
  const hostile = JSON.parse(JSON.stringify(report)) as typeof report;
  for (const l of hostile.context!.lookups) l.provider = { id: 'aruba', name: 'Banca Finta', webmail: 'https://attacker.example/' };
  for (const p of hostile.plans) if (p.stopGap) p.stopGap = { ...p.stopGap, providerName: 'Banca Finta', url: 'https://attacker.example/' };
  const file = testInfo.outputPath('ostile.json');
  writeFileSync(file, JSON.stringify(hostile));
  await page.goto(bridge.url);
  await page.getByLabel('Apri un rapporto salvato…').setInputFiles(file);
  await expect(page.getByRole('heading', RESULTS)).toBeFocused();
  await page.getByRole('button', { name: 'Dettagli per il tecnico' }).click();
  const accounts = page.getByTestId('tech-accounts');
  await expect(accounts.getByRole('row', { name: /^Gestore/ })).toHaveText(/Gestore\s*Aruba PEC/);
  // Nowhere in the view (the raw data at the bottom is the re-evaluated report, rebuilt as well).
  const shown = (await page.getByTestId('technician-details').textContent()) ?? '';
  expect(shown).toContain('Aruba PEC');
  expect(shown).not.toContain('Banca Finta');
  expect(shown).not.toContain('attacker.example');
  await screenshots(page, '4-technician-provider-name', { scrollTo: accounts });
});

test('the history says what each run checked, calls runs of different addresses different checks (never "Risolti"), shows hidden characters, and asks before deleting', async ({
  page,
  bridge,
}) => {
  const base = await windows7OfficeReport();
  const first = saveRun({ ...base, createdAt: '2026-11-23T09:00:00.000Z' });
  const other = {
    ...base,
    createdAt: '2026-11-23T10:00:00.000Z',
    // Another address, whose bidi override would display it as one of Aruba's.
    context: { ...base.context!, emails: ['studio@\u202eti.abura.cep'], lookups: [] },
    findings: base.findings.filter((f, i) => i !== 0),
  };
  const second = saveRun(other);
  const errors = collectPageErrors(page);
  await page.goto(bridge.url);
  await page.getByRole('button', { name: 'Diagnosi precedenti' }).click();
  const rows = page.getByTestId('history-run');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByTestId('history-checked')).toHaveText('studio@<U+202E>ti.abura.cep');
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Confronta le due diagnosi scelte' }).click();
  const comparison = page.getByTestId('comparison');
  await expect(comparison).toHaveAttribute('data-before-id', first.id);
  await expect(comparison).toHaveAttribute('data-after-id', second.id);
  await expect(comparison.getByTestId('compare-different')).toContainText('Sono controlli diversi');
  await expect(comparison.getByTestId('compare-fixed')).toHaveCount(0);
  await expect(comparison.getByText('Risolti')).toHaveCount(0);
  // Delete all: asked first; "Annulla" keeps both.
  await page.getByRole('button', { name: 'Elimina tutta la cronologia' }).click();
  const confirm = page.getByTestId('history-confirm');
  await expect(confirm).toContainText('Eliminare tutte le 2 diagnosi salvate? Non si può annullare.');
  await confirm.getByRole('button', { name: 'Annulla' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(rows).toHaveCount(2);
  expect((await listRuns()).runs).toHaveLength(2);
  expect(errors).toEqual([]);
});

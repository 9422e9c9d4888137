// The desktop app for real, as far as this machine allows: the compiled main process on Node
// 16.17 with the stand-in `electron` (what it proves and cannot: electron-stand-in/electron.ts),
// the real preload and renderer in Chromium 108, the real core behind IPC.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ROOT } from './broker';
import { startDovecot } from '../support/servers';
import { windows7OfficeReport } from '../e2e/office-report';

test('starts on Node 16.17 as Electron 22 runs it: app:// before ready, a literal secure window, the CSP, the contract on IPC', async ({
  desktop,
}) => {
  const app = desktop.launch();
  const page = await app.page();
  await expect(page.getByTestId('version')).toHaveText(/^Versione \d+\.\d+\.\d+/);
  const state = await app.state();
  expect(state.node).toBe('v16.17.0');
  expect(app.privilegedSchemes).toEqual([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
  // Electron 22.3 has no protocol.handle: the app took its registerBufferProtocol path.
  expect(state.protocols.map((p) => [p.scheme, p.api])).toEqual([['app', 'registerBufferProtocol']]);
  expect(state.headersListeners).toBe(1);
  const [main] = app.windowOptions;
  expect(main.options.webPreferences).toEqual({
    preload: expect.stringMatching(/dist\/main\/preload\.js$/),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: true,
  });
  // The page is the app's own origin, its document carries the CSP from the app:// handler.
  const doc = app.window().documents[0];
  expect(doc.url).toMatch(/^http:\/\/pec-doctor\.localhost:\d+\/index\.html$/);
  expect(doc.headers['content-security-policy']).toContain("default-src 'none'; script-src 'self'");
  expect(doc.headers['x-content-type-options']).toBe('nosniff');
  // The preload exposed exactly the contract, frozen; no Node, no ipcRenderer in the page.
  const exposed = await page.evaluate(() => {
    const api = (window as unknown as { pecDoctor: Record<string, unknown> }).pecDoctor;
    return {
      keys: Object.keys(api).sort(),
      frozen: Object.isFrozen(api),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    };
  });
  expect(exposed.frozen).toBe(true);
  expect(exposed.require).toBe('undefined');
  expect(exposed.process).toBe('undefined');
  expect(exposed.keys).toContain('startDiagnosis');
  expect(exposed.keys).toContain('onDiagnosisEvent');
  expect(state.ipcChannels.sort()).toEqual(
    exposed.keys
      .filter((k) => k !== 'onDiagnosisEvent')
      .map((k) => `pec-doctor:${k}`)
      .sort(),
  );
  const info = await page.evaluate(() =>
    (window as unknown as { pecDoctor: { getAppInfo(): Promise<{ host: string }> } }).pecDoctor.getAppInfo(),
  );
  expect(info.host).toBe('electron');
  // The Italian menu.
  expect(JSON.stringify(app.menu)).toContain('"label":"Esci"');
});

const RESULTS = { level: 1, name: 'Risultato della diagnosi' } as const;

async function openReport(page: Page, file: string): Promise<void> {
  await page.getByLabel('Apri un rapporto salvato…').setInputFiles(file);
  await expect(page.getByRole('heading', RESULTS)).toBeFocused();
}

test('one-button diagnosis on loopback IMAPS; PDF, HTML, JSON saved where chosen; a cancel writes nothing; JSON reopened', async ({
  desktop,
  certs,
}) => {
  test.setTimeout(120_000);
  const dovecot = await startDovecot({ cert: certs.cert, key: certs.key });
  const url = `imaps://127.0.0.1:${dovecot.ports.imaps}`;
  try {
    const app = desktop.launch();
    const page = await app.page();
    const errors = collectErrors(page);
    await page.getByText('Impostazioni avanzate (per il tecnico)').click();
    await page.getByLabel('Server', { exact: true }).fill(url);
    await page.getByLabel('Controlla solo quanto indicato qui (non gli account trovati)').check();
    await page.getByRole('button', { name: 'Avvia la diagnosi' }).click();
    await expect(page.getByRole('heading', RESULTS)).toBeFocused({ timeout: 60_000 });
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', /^(ok|warning)$/);
    // The live checklist came from the main process through webContents.send.
    const events = app.sent.filter((s) => s.channel === 'pec-doctor:diagnosis-event').map((s) => (s.args[0] as { kind: string }).kind);
    expect(events.filter((k) => k === 'progress').length).toBeGreaterThan(2);
    expect(events.at(-1)).toBe('done');

    // PDF (the desktop default), printed by Chromium 108 in a hidden, script-less window.
    const dir = desktop.home;
    await expect(page.getByLabel('PDF (da leggere e stampare)')).toBeChecked();
    app.saveAnswers.push({ canceled: false, filePath: path.join(dir, 'rapporto.pdf') });
    await page.getByRole('button', { name: 'Salva rapporto' }).click();
    await expect(page.getByTestId('save-result')).toHaveText(`Rapporto salvato in ${path.join(dir, 'rapporto.pdf')}`);
    const pdf = fs.readFileSync(path.join(dir, 'rapporto.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(app.saveDialogs[0]).toMatchObject({ title: 'Salva rapporto', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(String(app.saveDialogs[0].defaultPath)).toMatch(/\.pdf$/);
    const printer = app.windowOptions.find((w) => w.id !== 1)!;
    expect(printer.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false } });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);

    // HTML and JSON.
    await page.getByLabel('Pagina web (HTML)').check();
    app.saveAnswers.push({ canceled: false, filePath: path.join(dir, 'rapporto.html') });
    await page.getByRole('button', { name: 'Salva rapporto' }).click();
    await expect(page.getByTestId('save-result')).toHaveText(`Rapporto salvato in ${path.join(dir, 'rapporto.html')}`);
    expect(fs.readFileSync(path.join(dir, 'rapporto.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    await page.getByLabel('Dati (JSON, per il tecnico)').check();
    app.saveAnswers.push({ canceled: false, filePath: path.join(dir, 'rapporto.json') });
    await page.getByRole('button', { name: 'Salva rapporto' }).click();
    await expect(page.getByTestId('save-result')).toHaveText(`Rapporto salvato in ${path.join(dir, 'rapporto.json')}`);
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'rapporto.json'), 'utf8')) as { endpoints: { url: string }[] };
    expect(saved.endpoints.map((e) => e.url)).toEqual([url]);

    // Cancelled: nothing written, nothing said. A folder that does not exist: a sentence, not ENOENT.
    const before = fs.readdirSync(dir).sort();
    app.saveAnswers.push({ canceled: true });
    await page.getByRole('button', { name: 'Salva rapporto' }).click();
    await expect.poll(() => app.saveAnswers.length).toBe(0);
    await expect(page.getByRole('button', { name: 'Salva rapporto' })).toBeEnabled();
    await expect(page.getByTestId('save-result')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    const missing = path.join(dir, 'non-esiste', 'rapporto.json');
    app.saveAnswers.push({ canceled: false, filePath: missing });
    await page.getByRole('button', { name: 'Salva rapporto' }).click();
    await expect(page.getByRole('alert')).toContainText('Non è stato possibile salvare il rapporto.');
    await expect(page.getByRole('alert')).toContainText(`Non è stato possibile scrivere ${missing}: la cartella non esiste.`);
    await expect(page.getByRole('alert')).not.toContainText(/ENOENT|Error invoking remote method/);
    expect(app.saveDialogs).toHaveLength(5);

    // The saved JSON reopened, re-evaluated by the core.
    await page.getByRole('button', { name: 'Nuova diagnosi' }).click();
    await openReport(page, path.join(dir, 'rapporto.json'));
    await expect(page.getByTestId('report-origin')).toContainText('rapporto.json');

    // The run is in the local history (kept by the main process), and opens from there.
    await page.getByRole('button', { name: 'Nuova diagnosi' }).click();
    await page.getByRole('button', { name: 'Diagnosi precedenti' }).click();
    const run = page.getByTestId('history-run');
    await expect(run).toHaveCount(1);
    await run.getByRole('button', { name: 'Apri' }).click();
    await expect(page.getByRole('heading', RESULTS)).toBeVisible();
    expect(fs.readdirSync(path.join(dir, 'pec-doctor', 'history')).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);

    // Today's log, in the same data folder: the run's start and end, each file written, no password.
    const logs = path.join(dir, 'pec-doctor', 'logs');
    const [logName, ...others] = fs.readdirSync(logs);
    expect(others).toEqual([]);
    expect(logName).toMatch(/^pec-doctor-\d{4}-\d\d-\d\d\.log$/);
    const lines = fs.readFileSync(path.join(logs, logName), 'utf8').trim().split('\n');
    const logEvents = lines.map((l) => /^\S+ \S+ +(\S+)/.exec(l)?.[1]);
    expect(logEvents.filter((e) => e === 'diagnosis.start')).toHaveLength(1);
    expect(logEvents.filter((e) => e === 'diagnosis.end')).toHaveLength(1);
    expect(lines.find((l) => l.includes('diagnosis.start'))).toContain(url);
    for (const f of ['rapporto.pdf', 'rapporto.html', 'rapporto.json']) {
      expect(lines.filter((l) => l.includes('file.written') && l.includes(JSON.stringify(path.join(dir, f))))).toHaveLength(1);
    }
    // The failed write (missing folder) is an error line, in words the technician can read.
    const failed = lines.filter((l) => / ERROR ipc\.saveReport /.test(l));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain('la cartella non esiste');
    expect(failed[0]).toContain('"internal":false');
  } finally {
    await dovecot.stop();
  }
});

test('Windows 7 office report: the .reg fix and its undo saved as UTF-16LE side by side, an older undo never overwritten', async ({
  desktop,
}, testInfo) => {
  const report = await windows7OfficeReport();
  const file = testInfo.outputPath('studio-rossi.json');
  fs.writeFileSync(file, JSON.stringify(report));
  const app = desktop.launch();
  const page = await app.page();
  await openReport(page, file);
  const fix = path.join(desktop.home, 'correzione-tls.reg');
  app.saveAnswers.push({ canceled: false, filePath: fix });
  await page.getByRole('button', { name: 'Salva la correzione (.reg)' }).click();
  const undo = path.join(desktop.home, 'correzione-tls-annulla.reg');
  await expect(page.getByTestId('regfix-result')).toHaveText(`Correzione salvata in ${fix}; per annullarla: ${undo}.`);
  expect(app.saveDialogs[0]).toMatchObject({ title: 'Salva la correzione (.reg)', filters: [{ extensions: ['reg'] }] });
  for (const f of [fix, undo]) {
    const bytes = fs.readFileSync(f);
    // regedit's own format: UTF-16LE with a byte-order mark.
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const textOf = bytes.subarray(2).toString('utf16le');
    expect(textOf).toMatch(/^Windows Registry Editor Version 5\.00\r\n/);
    expect(textOf).toContain('SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client');
  }
  // The same files the core renders, byte for byte.
  const expected = await page.evaluate(
    async (r) =>
      (
        window as unknown as {
          pecDoctor: { renderRegFix(r: unknown): Promise<{ status: string; fix: { content: string }; undo: { content: string } }> };
        }
      ).pecDoctor.renderRegFix(r),
    report,
  );
  expect(expected.status).toBe('ready');
  expect(fs.readFileSync(fix).toString('base64')).toBe(expected.fix.content);
  expect(fs.readFileSync(undo).toString('base64')).toBe(expected.undo.content);

  // Saved again over the same fix: the first undo file (maybe the only way back) stays as it was.
  fs.writeFileSync(undo, 'the first undo');
  app.saveAnswers.push({ canceled: false, filePath: fix });
  await page.getByRole('button', { name: 'Salva la correzione (.reg)' }).click();
  const second = path.join(desktop.home, 'correzione-tls-annulla-2.reg');
  await expect(page.getByTestId('regfix-result')).toHaveText(`Correzione salvata in ${fix}; per annullarla: ${second}.`);
  expect(fs.readFileSync(undo, 'utf8')).toBe('the first undo');
  expect(fs.readFileSync(second).toString('base64')).toBe(expected.undo.content);
});

test('links: an official page opens in the system browser as its canonical URL; any other is refused and nothing opens', async ({
  desktop,
}, testInfo) => {
  const report = await windows7OfficeReport();
  const file = testInfo.outputPath('studio-rossi.json');
  fs.writeFileSync(file, JSON.stringify(report));
  const app = desktop.launch();
  const page = await app.page();
  await openReport(page, file);
  const link = page.getByTestId('plan-step').first().getByRole('link').first();
  const href = (await link.getAttribute('href'))!;
  await link.click();
  await expect.poll(() => app.openedExternally).toEqual([href]);
  expect(app.window().context.pages()).toHaveLength(1);
  const call = (url: string) =>
    page.evaluate(
      (u) => (window as unknown as { pecDoctor: { openExternal(u: string): Promise<unknown> } }).pecDoctor.openExternal(u),
      url,
    );
  // Not the raw string: the parsed, canonical form that matched the allow-list.
  const shouting = href.replace(/^https:\/\/[^/]+/, (m) => m.toUpperCase());
  expect(await call(`  ${shouting}`)).toEqual({ status: 'opened' });
  expect(app.openedExternally).toEqual([href, href]);
  for (const bad of [
    'https://evil.example/',
    href.replace('https:', 'http:'),
    href.replace('https://', 'https://user:pw@'),
    'javascript:alert(1)',
    'file:///etc/passwd',
  ]) {
    expect(await call(bad)).toMatchObject({ status: 'refused' });
  }
  expect(app.openedExternally).toEqual([href, href]);
});

test('a crashed renderer is reloaded once and works again; crashing again right after, a plain message, no reload loop', async ({
  desktop,
}) => {
  const app = desktop.launch();
  const first = await app.page();
  await expect(first.getByTestId('version')).toHaveText(/^Versione/);
  await app.crash();
  const logFile = path.join(desktop.home, 'pec-doctor', 'logs');
  const logText = () =>
    fs
      .readdirSync(logFile)
      .map((f) => fs.readFileSync(path.join(logFile, f), 'utf8'))
      .join('');
  await expect.poll(logText).toMatch(/ERROR renderer\.gone \{"reason":"crashed","exitCode":139,"action":"reload"\}/);
  const page = await app.page();
  expect(page).not.toBe(first);
  await expect(page.getByTestId('version')).toHaveText(/^Versione/);
  await expect(page.getByRole('heading', { level: 1, name: 'Controlliamo la tua PEC' })).toBeVisible();
  expect(app.window().documents.length).toBe(2);

  // Again, at once (as a crash at load would): no second reload, a message in Italian instead.
  await app.crash();
  await expect.poll(logText).toContain('"action":"give-up"');
  const message = await app.page();
  await expect(message.getByRole('heading', { level: 1, name: 'PEC Doctor si è interrotto' })).toBeVisible();
  await expect(message.getByText('Chiudi PEC Doctor e riaprilo.', { exact: false })).toBeVisible();
  await expect(message.locator('code')).toHaveText(logFile);
  fs.mkdirSync(path.join(ROOT, '.tmp', 'screens'), { recursive: true });
  await message.screenshot({ path: path.join(ROOT, '.tmp', 'screens', 'desktop-crash-message-1100x780.png') });
  // The app's page was loaded twice (start, one reload), never a third time; the message page has no script.
  expect(app.window().documents.filter((d) => d.url.includes('index.html')).length).toBe(2);
  expect(await message.locator('script').count()).toBe(0);
  // The message page cannot call the API (it is not our app:// page).
  const calls = await message.evaluate(async () => {
    const api = (window as unknown as { pecDoctor?: { getAppInfo(): Promise<unknown> } }).pecDoctor;
    return api
      ? api.getAppInfo().then(
          () => 'answered',
          (e: Error) => e.message,
        )
      : 'no api';
  });
  expect(calls).not.toBe('answered');
});

test('navigation away and new windows are refused; only our own page may call the API; every permission is denied', async ({ desktop }) => {
  const app = desktop.launch();
  const page = await app.page();
  const appUrl = page.url();
  // Fully loaded first: in Chromium a navigation that starts while the page still loads stops
  // its loading, even when it is then answered with nothing (Electron decides before it starts).
  await expect(page.getByTestId('version')).toHaveText(/^Versione/);
  await page.evaluate(() => {
    window.location.href = 'https://evil.example/phish';
  });
  await expect.poll(() => app.navigations).toEqual([{ url: 'https://evil.example/phish', prevented: true }]);
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'https://evil.example/link';
    document.body.appendChild(a);
    a.click();
  });
  await expect.poll(() => app.navigations.length).toBe(2);
  expect(app.navigations[1]).toEqual({ url: 'https://evil.example/link', prevented: true });
  expect(page.url()).toBe(appUrl);
  await expect(page.getByTestId('version')).toHaveText(/^Versione/);

  await page.evaluate(() => void window.open('https://evil.example/popup'));
  await expect.poll(() => app.windowOpens).toEqual([{ url: 'https://evil.example/popup', action: 'deny' }]);
  await expect.poll(() => app.window().context.pages().length).toBe(1);
  expect(app.openedExternally).toEqual([]);

  // The sender check, with the real handlers: only a frame of app://pec-doctor may call.
  for (const frameUrl of ['https://evil.example/', 'file:///tmp/index.html', 'http://127.0.0.1:1/index.html', 'app://other/index.html']) {
    expect(await app.ask('ipc:invoke', { id: 1, frameUrl, channel: 'pec-doctor:getAppInfo', args: [] })).toEqual({
      ok: false,
      error: 'Error: IPC refused: untrusted sender',
    });
  }
  expect(await app.ask('ipc:invoke', { id: 1, frameUrl: appUrl, channel: 'pec-doctor:getAppInfo', args: [] })).toMatchObject({ ok: true });
  // The argument schema at this door too, and Electron's wrapping taken off the message.
  const refused = await page.evaluate(() =>
    (window as unknown as { pecDoctor: { startDiagnosis(r: unknown): Promise<unknown> } }).pecDoctor
      .startDiagnosis({ timeoutSeconds: 'abc' })
      .catch((e: Error) => e.message),
  );
  expect(refused).toBe(
    'Richiesta non valida (startDiagnosis): #1.timeoutSeconds deve essere un numero (ricevuto: un testo) / ' +
      'Invalid request (startDiagnosis): #1.timeoutSeconds must be a finite number (got string)',
  );

  for (const permission of ['geolocation', 'notifications', 'media', 'clipboard-read', 'openExternal', 'fullscreen']) {
    expect(await app.ask('session:permission-request', { id: 1, permission, requestingUrl: appUrl })).toEqual({ granted: false });
    expect(await app.ask('session:permission-check', { id: 1, permission, requestingOrigin: new URL(appUrl).origin })).toEqual({
      granted: false,
    });
  }
  // Only the popup Chromium began before the app said no (Electron never starts it), held by
  // the broker's network guard; the refused navigations never left the page.
  expect(app.blockedRequests).toEqual(['https://evil.example/popup']);
});

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

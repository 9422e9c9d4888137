// The desktop app for real, as far as this machine allows: the compiled main process on Node
// 16.17 with the stand-in `electron` (what it proves and cannot: electron-stand-in/electron.ts),
// the real preload and renderer in Chromium 108, the real core behind IPC.
import { test, expect } from './fixtures';

test('starts on Node 16.17 as Electron 22 would run it: app:// before ready, a literal secure window, the CSP, the contract on IPC', async ({ desktop }) => {
  const app = desktop.launch();
  const page = await app.page();
  await expect(page.getByTestId('version')).toHaveText(/^Versione \d+\.\d+\.\d+/);
  const state = await app.state();
  expect(state.node).toBe('v16.17.0');
  expect(app.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
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
    return { keys: Object.keys(api).sort(), frozen: Object.isFrozen(api), require: typeof (window as unknown as { require?: unknown }).require, process: typeof (window as unknown as { process?: unknown }).process };
  });
  expect(exposed.frozen).toBe(true);
  expect(exposed.require).toBe('undefined');
  expect(exposed.process).toBe('undefined');
  expect(exposed.keys).toContain('startDiagnosis');
  expect(exposed.keys).toContain('onDiagnosisEvent');
  expect(state.ipcChannels.sort()).toEqual(exposed.keys.filter((k) => k !== 'onDiagnosisEvent').map((k) => `pec-doctor:${k}`).sort());
  const info = await page.evaluate(() => (window as unknown as { pecDoctor: { getAppInfo(): Promise<{ host: string }> } }).pecDoctor.getAppInfo());
  expect(info.host).toBe('electron');
  // The Italian menu.
  expect(JSON.stringify(app.menu)).toContain('"label":"Esci"');
});

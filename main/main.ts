// Electron main process: one window showing the bundled renderer (served from app://, see
// app-protocol.ts), the contract wired to IPC, and the locks Electron's security checklist asks
// for. Everything else lives in src/.
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import * as path from 'path';
import { DIAGNOSIS_EVENT_CHANNEL } from '../src/api';
import { createCore } from '../src/core';
import { registerApiHandlers } from './ipc';
import { createHostApi } from './host';
import { italianMenu } from './menu';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { installLastResortGuard } from '../src/util/last-resort';
import { CONTENT_SECURITY_POLICY, isAppUrl, RENDERER_INDEX_URL } from './security';

const rendererDir = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;

// Privileged schemes must be declared before the app is ready.
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.whenReady().then(start, (err: unknown) => {
    console.error(err);
    app.quit();
  });
}

function start(): void {
  Menu.setApplicationMenu(italianMenu());
  serveAppScheme(protocol, rendererDir);
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  // A check that crashes becomes a finding inside the core; the window reports a failed run
  // as an event instead of dying.
  const core = createCore({
    host: 'electron',
    emit: (event) => mainWindow?.webContents.send(DIAGNOSIS_EVENT_CHANNEL, event),
  });
  const api = { ...core, ...createHostApi(core, () => mainWindow) };
  registerApiHandlers(ipcMain, api, (event) => {
    const url = event.senderFrame?.url ?? '';
    return mainWindow !== null && event.sender === mainWindow.webContents && isAppUrl(url);
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): void {
  // Written out here, not built by a helper, so that Electronegativity verifies each option.
  mainWindow = new BrowserWindow({
    width: 1100,
    height: 780,
    minWidth: 800,
    minHeight: 560,
    title: 'PEC Doctor',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would open links in a new window outside our navigation rules.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      // DevTools only while developing; an installed app has none.
      devTools: !app.isPackaged,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // A crashed page is reloaded rather than left as a dead window.
  mainWindow.webContents.on('render-process-gone', (_e, details) => {
    console.error('renderer gone:', details.reason);
    if (details.reason !== 'clean-exit') mainWindow?.reload();
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(RENDERER_INDEX_URL);
}

// Every web contents (the window, and any the renderer might try to create): no navigation
// away from the bundled page, no new windows, no webviews. Links go through openExternal.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

// A bug in a check must not take the app down: a helper program's stray pipe error becomes a
// failure of the run that was going on (src/util/last-resort.ts); anything else is logged and
// the window stays.
installLastResortGuard({
  log: (s) => console.error('stray:', s.message),
  onFatal: (err, origin) => console.error(`${origin}:`, err),
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

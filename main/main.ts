// Electron main process: one window showing the bundled renderer (served from app://, see
// app-protocol.ts), the contract wired to IPC, and the locks Electron's security checklist asks
// for. Everything else lives in src/.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import * as path from 'path';
import { DIAGNOSIS_EVENT_CHANNEL, type DiagnosisEvent, type PecDoctorApi } from '../src/api';
import { createCore } from '../src/core';
import { appDataDir } from '../src/history/paths';
import { log } from '../src/log/index';
import { APP_VERSION } from '../src/version';
import { registerApiHandlers } from './ipc';
import { createHostApi } from './host';
import { repairJobArgs, runRepairJob } from './repair-host';
import { aboutText, menuTemplate } from './menu';
import { contextMenuTemplate } from './context-menu';
import { afterRendererGone, crashPage, type CrashState } from './crash';
import { readWindowState, restoreWindowState, writeWindowState } from './window-state';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { installLastResortGuard } from '../src/util/last-resort';
import { CONTENT_SECURITY_POLICY, isAppUrl, RENDERER_INDEX_URL } from './security';

const rendererDir = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;
const MIN_SIZE = { width: 800, height: 560 };

// One data folder: Electron's own data (userData), the history, the logs and the window's place
// all go to the folder src/history/paths.ts names (%APPDATA%\PEC Doctor on Windows). Set before
// ready, so that Electron never creates a second folder under another name.
app.setPath('userData', appDataDir());
// Privileged schemes must be declared before the app is ready.
registerAppScheme(protocol);

const repairJob = repairJobArgs(process.argv);
if (repairJob) {
  // The elevated instance of a repair (main/repair-host.ts): runs the job, opens no window, exits.
  void runRepairJob(repairJob).then(
    (code) => app.exit(code),
    () => app.exit(1),
  );
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.whenReady().then(start, (err: unknown) => {
    log.error('app.start-failed', { error: toError(err) });
    app.quit();
  });
}

function start(): void {
  log.info('app.start', { version: APP_VERSION, electron: process.versions.electron, platform: `${process.platform} ${process.arch}` });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        platform: process.platform,
        openLogFolder: () => void openLogFolder(),
        showAbout: () => void showAbout(),
      }),
    ),
  );
  // macOS's own About panel (the app menu's role); Windows and Linux get showAbout's box.
  app.setAboutPanelOptions?.({ applicationName: 'PEC Doctor', applicationVersion: APP_VERSION, version: '' });
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
    emit: (event) => {
      logRunEvent(event);
      mainWindow?.webContents.send(DIAGNOSIS_EVENT_CHANNEL, event);
    },
  });
  const api: PecDoctorApi = {
    ...core,
    ...createHostApi(core, () => mainWindow),
    // The technician view shows where today's log is.
    getAppInfo: async () => ({ ...(await core.getAppInfo()), logFile: log.file() }),
    async startDiagnosis(request) {
      const started = await core.startDiagnosis(request);
      log.info('diagnosis.start', {
        runId: started.runId,
        addresses: request.emails?.length ?? 0,
        servers: request.servers ?? [],
        skipDiscovery: request.skipDiscovery === true,
      });
      return started;
    },
  };
  registerApiHandlers(
    ipcMain,
    api,
    (event) => {
      const url = event.senderFrame?.url ?? '';
      return mainWindow !== null && event.sender === mainWindow.webContents && isAppUrl(url);
    },
    (method, err, internal) => {
      if (internal) console.error(`${method}:`, err);
      log.error(`ipc.${method}`, { internal, error: toError(err) });
    },
  );
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): void {
  const saved = restoreWindowState(
    readWindowState(app.getPath('userData')),
    screen.getAllDisplays().map((d) => d.workArea),
    MIN_SIZE,
  );
  // Written out here, not built by a helper, so that Electronegativity verifies each option.
  const win = new BrowserWindow({
    ...(saved ? saved.bounds : { width: 1100, height: 780 }),
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
  mainWindow = win;
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });
  // A crashed page is reloaded once; crashing again right after, it gets a plain message
  // instead of a reload loop (main/crash.ts).
  let crashes: CrashState = { lastReloadAt: null };
  win.webContents.on('render-process-gone', (_e, details) => {
    const next = afterRendererGone(crashes, details.reason, Date.now());
    crashes = next.state;
    log.error('renderer.gone', { reason: details.reason, exitCode: details.exitCode, action: next.action });
    if (next.action === 'reload') win.reload();
    else if (next.action === 'give-up') void win.loadURL(crashPage(log.dir));
  });
  win.webContents.on('context-menu', (_e, params) => {
    const template = contextMenuTemplate(params);
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win });
  });
  win.on('close', () => {
    try {
      const state = { bounds: win.isMaximized() ? win.getNormalBounds() : win.getBounds(), maximized: win.isMaximized() };
      log.fileWritten(writeWindowState(app.getPath('userData'), state), { what: 'window-state' });
    } catch (err) {
      log.warn('window-state.not-saved', { error: toError(err) });
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(RENDERER_INDEX_URL);
}

/** Each diagnosis's end in the log (its start is logged where it is asked for). */
function logRunEvent(event: DiagnosisEvent): void {
  if (event.kind === 'done') {
    log.info('diagnosis.end', {
      runId: event.runId,
      status: event.report.verdict.status,
      findings: event.report.findings.length,
      historyId: event.historyId,
      historyNotKept: event.historyNotKept ? `${event.historyNotKept.reason}: ${event.historyNotKept.detail}` : undefined,
    });
  } else if (event.kind === 'failed') log.error('diagnosis.failed', { runId: event.runId, message: event.message.it });
}

async function openLogFolder(): Promise<void> {
  log.info('log-folder.open', { dir: log.dir });
  // shell.openPath answers with an error text ('' when it worked); it does not throw.
  const problem = await shell.openPath(log.dir);
  if (problem) log.warn('log-folder.not-opened', { dir: log.dir, problem });
}

async function showAbout(): Promise<void> {
  const { message, detail } = aboutText(APP_VERSION, process.versions.electron ?? '', log.dir);
  const options = { type: 'info' as const, title: 'Informazioni su PEC Doctor', message, detail, buttons: ['OK'] };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
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
  log: (s) => log.error('stray-error', { check: s.check, message: s.message }),
  onFatal: (err, origin) => {
    console.error(`${origin}:`, err);
    log.error(origin, { error: toError(err) });
  },
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

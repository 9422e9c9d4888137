// A stand-in for the `electron` module, so that the app's real compiled main process
// (dist/main/main.js) runs on Node 16.17 — Electron 22.3's Node — with a real Chromium 108 —
// Electron 22.3's engine — driven by Playwright in the test process (test/desktop/broker.ts).
// Each export is typed as a Pick of Electron's own declarations (node_modules/electron), so the
// compiler holds every member we provide to Electron's signatures; members the app does not use
// are absent, and using one fails loudly (undefined) instead of silently passing.
// It behaves as Electron 22.3 does where the app can tell: no protocol.handle (so the app takes
// its registerBufferProtocol path), privileged schemes only before ready, protocol handlers only
// after, one ipcMain handler per channel, "Error invoking remote method" for a failed invoke.
//
// WHAT IT PROVES: the compiled main process starts on Node 16.17; its IPC handlers, sender
// check (against the real URL of the calling frame), argument schema, core, host dialogs,
// file writing, .reg bytes, PDF printing (Chromium 108's page.pdf()), navigation / window.open /
// permission handlers and crash reload all run as written; the real bundled preload.js runs
// before the page's scripts; the real renderer runs in Chromium 108 with the CSP header our
// app:// handler and onHeadersReceived send.
//
// WHAT IT CANNOT PROVE (needs a real Electron binary, which cannot be downloaded here):
// - app:// is not a real custom scheme: Chromium without Electron cannot register one, so each
//   registered scheme is served by a loopback HTTP server in this process that calls the app's
//   own handler; the page lives at http://<host>.localhost:<port>/ and the stand-in translates
//   that back to app://<host>/ wherever the app sees a URL (senderFrame.url, will-navigate).
//   Scheme privileges (standard, secure, corsEnabled) are recorded, not enforced by Chromium.
// - contextIsolation and sandbox: the preload runs in the page's main world (a Playwright init
//   script with a shimmed require('electron')), not in an isolated world of a sandboxed
//   renderer; the page could reach the shim's binding. IPC arguments travel as JSON, not as
//   Electron's structured clone.
// - Fuses, asar loading by Electron, DevTools, the application menu's rendering, native
//   dialogs, will-attach-webview, will-redirect, and Chromium's own permission prompts (the
//   session handlers are asked by the test, as Chromium would ask them). A denied window.open
//   is closed at once by the broker, where Electron never creates it.
import { EventEmitter } from 'events';
import * as http from 'http';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { AddressInfo } from 'net';
import type { BrokerRequests, BrokerResults, MainNotes, MainRequests, MainResults, Message, StandInState } from './wire';

// ---------------------------------------------------------------------------------------------
// The channel to the broker.

const send = (m: Message): void => {
  if (!process.send) throw new Error('electron stand-in: no IPC channel to the broker (run through test/desktop/broker.ts)');
  process.send(m);
};
let nextId = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function ask<K extends keyof MainRequests>(op: K, payload: MainRequests[K]): Promise<MainResults[K]> {
  const id = nextId++;
  send({ kind: 'req', id, op, payload });
  return new Promise((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
}

function tell<K extends keyof MainNotes>(op: K, payload: MainNotes[K]): void {
  send({ kind: 'note', op, payload });
}

type BrokerHandlers = { [K in keyof BrokerRequests]: (p: BrokerRequests[K]) => Promise<BrokerResults[K]> };

process.on('message', (m: Message) => {
  if (m.kind === 'res') {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (p && m.ok) p.resolve(m.value);
    else if (p && !m.ok) p.reject(new Error(m.error));
  } else if (m.kind === 'req') {
    const handler = brokerHandlers[m.op as keyof BrokerRequests] as ((p: unknown) => Promise<unknown>) | undefined;
    const done = handler ? handler(m.payload) : Promise.reject(new Error(`stand-in: unknown request ${m.op}`));
    done.then(
      (value) => send({ kind: 'res', id: m.id, ok: true, value }),
      (err: unknown) => send({ kind: 'res', id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  }
});

// ---------------------------------------------------------------------------------------------
// app

let ready = false;
class App extends EventEmitter {
  /** Electron: true when running from a packaged app; here: set by the test (PEC_STANDIN_PACKAGED=1). */
  readonly isPackaged = process.env.PEC_STANDIN_PACKAGED === '1';
  private readonly readyPromise: Promise<void>;
  constructor() {
    super();
    // As in Electron, the app becomes ready after the main script's first turn.
    this.readyPromise = new Promise((resolve) => setImmediate(resolve))
      .then(() => ask('app:ready', {}))
      .then(() => {
        ready = true;
        this.emit('ready');
      });
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return ready;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  private readonly paths = new Map<string, string>();
  setPath(name: string, value: string): void {
    if (ready && name === 'userData') console.error('stand-in: userData set after ready (Electron has created its folder by then)');
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    const p = this.paths.get(name);
    if (!p) throw new Error(`stand-in: app.getPath('${name}') before the app set it (Electron would use its default folder)`);
    return p;
  }
  pathsSet(): Record<string, string> {
    return Object.fromEntries(this.paths);
  }
  aboutPanel: Electron.AboutPanelOptionsOptions | null = null;
  setAboutPanelOptions(options: Electron.AboutPanelOptionsOptions): void {
    this.aboutPanel = options;
  }
  quit(): void {
    setImmediate(() => {
      for (const w of [...windows]) w.destroy();
      tell('app:quit', {});
      process.exit(0);
    });
  }
}

const theApp = new App();
export const app: Pick<
  Electron.App,
  'isPackaged' | 'whenReady' | 'isReady' | 'requestSingleInstanceLock' | 'quit' | 'setPath' | 'getPath' | 'setAboutPanelOptions'
> &
  EventEmitter = theApp;

// ---------------------------------------------------------------------------------------------
// screen: the displays' work areas come from the test (PEC_STANDIN_DISPLAYS, JSON), one
// 1920×1040 work area otherwise.

const workAreas = (): Electron.Rectangle[] =>
  process.env.PEC_STANDIN_DISPLAYS
    ? (JSON.parse(process.env.PEC_STANDIN_DISPLAYS) as Electron.Rectangle[])
    : [{ x: 0, y: 0, width: 1920, height: 1040 }];

export const screen: Pick<Electron.Screen, 'getAllDisplays'> = {
  getAllDisplays() {
    if (!ready) throw new Error("screen: cannot be used before the app's ready event (Electron)");
    return workAreas().map((workArea, i) => ({ id: i + 1, workArea, bounds: workArea }) as unknown as Electron.Display);
  },
};

// ---------------------------------------------------------------------------------------------
// protocol: each registered scheme is served by a loopback server calling the app's handler.

interface SchemeServer {
  scheme: string;
  api: 'registerBufferProtocol' | 'registerFileProtocol';
  port: number;
  server: http.Server;
}
const schemes = new Map<string, SchemeServer>();
let privileged: Electron.CustomScheme[] = [];

/** app://host/path → the loopback URL Chromium loads for it. Other URLs unchanged. */
export function toBrowserUrl(url: string): string {
  try {
    const u = new URL(url);
    const s = schemes.get(u.protocol.slice(0, -1));
    if (!s) return url;
    return `http://${u.host}.localhost:${s.port}${u.pathname}${u.search}${u.hash}`;
  } catch {
    return url;
  }
}

/** The loopback URL of a page → the app:// URL the app would see in Electron. Other URLs unchanged. */
export function fromBrowserUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' || !u.hostname.endsWith('.localhost')) return url;
    for (const s of schemes.values()) {
      if (String(s.port) === u.port) return `${s.scheme}://${u.hostname.slice(0, -'.localhost'.length)}${u.pathname}${u.search}${u.hash}`;
    }
    return url;
  } catch {
    return url;
  }
}

type BufferHandler = (request: Electron.ProtocolRequest, callback: (response: Buffer | Electron.ProtocolResponse) => void) => void;
type FileHandler = (request: Electron.ProtocolRequest, callback: (response: string | Electron.ProtocolResponse) => void) => void;

function serveScheme(scheme: string, api: SchemeServer['api'], handler: BufferHandler | FileHandler): void {
  if (!ready) throw new Error(`protocol.${api}: the app is not ready yet (Electron: protocol can only be used after ready)`);
  if (schemes.has(scheme)) throw new Error(`protocol.${api}: scheme ${scheme} is already registered`);
  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/\.localhost:\d+$/, '');
    const url = `${scheme}://${host}${req.url ?? '/'}`;
    const request: Electron.ProtocolRequest = {
      url,
      method: req.method ?? 'GET',
      referrer: String(req.headers.referer ?? ''),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
    };
    (handler as (r: Electron.ProtocolRequest, cb: (x: unknown) => void) => void)(request, (answer) => {
      void respond(res, request, api, answer as Buffer | string | Electron.ProtocolResponse);
    });
  });
  const entry: SchemeServer = { scheme, api, port: 0, server };
  schemes.set(scheme, entry);
  // Binding is asynchronous; loadURL waits for it before translating a URL.
  bound.push(
    new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', () => {
        entry.port = (server.address() as AddressInfo).port;
        resolve();
      }),
    ),
  );
  server.unref();
}
const bound: Promise<void>[] = [];

async function respond(
  res: http.ServerResponse,
  request: Electron.ProtocolRequest,
  api: SchemeServer['api'],
  answer: Buffer | string | Electron.ProtocolResponse,
): Promise<void> {
  const r: Electron.ProtocolResponse = Buffer.isBuffer(answer) ? { data: answer } : typeof answer === 'string' ? { path: answer } : answer;
  if (r.error !== undefined) return void res.destroy();
  let data: Buffer;
  if (api === 'registerFileProtocol') {
    try {
      data = await fs.promises.readFile(String(r.path));
    } catch {
      res.writeHead(404).end();
      return;
    }
  } else data = Buffer.isBuffer(r.data) ? r.data : Buffer.from(String(r.data ?? ''));
  const headers: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(r.headers ?? {})) headers[k] = Array.isArray(v) ? v : [v];
  if (r.mimeType) headers['Content-Type'] = [r.charset ? `${r.mimeType}; charset=${r.charset}` : r.mimeType];
  let statusCode = r.statusCode ?? 200;
  const listener = headersListener;
  if (listener) {
    const details = {
      id: 0,
      url: request.url,
      method: request.method,
      resourceType: 'other',
      referrer: request.referrer,
      timestamp: Date.now(),
      statusLine: `HTTP/1.1 ${statusCode}`,
      statusCode,
      responseHeaders: headers,
    } as Electron.OnHeadersReceivedListenerDetails;
    const out = await new Promise<Electron.HeadersReceivedResponse>((resolve) => listener(details, resolve));
    if (out.cancel) return void res.destroy();
    if (out.responseHeaders) {
      for (const k of Object.keys(headers)) delete headers[k];
      for (const [k, v] of Object.entries(out.responseHeaders)) headers[k] = Array.isArray(v) ? v : [String(v)];
    }
    const m = out.statusLine ? /^HTTP\/\S+ (\d{3})/.exec(out.statusLine) : null;
    if (m) statusCode = Number(m[1]);
  }
  res.writeHead(statusCode, headers);
  res.end(request.method === 'HEAD' ? undefined : data);
}

export const protocol: Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'registerBufferProtocol' | 'registerFileProtocol'> = {
  registerSchemesAsPrivileged(customSchemes) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    privileged = customSchemes;
    tell('protocol:privileged', { schemes: customSchemes });
  },
  registerBufferProtocol(scheme, handler) {
    serveScheme(scheme, 'registerBufferProtocol', handler);
    return true;
  },
  registerFileProtocol(scheme, handler) {
    serveScheme(scheme, 'registerFileProtocol', handler);
    return true;
  },
};

// ---------------------------------------------------------------------------------------------
// session

type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];
type HeadersListener = (
  details: Electron.OnHeadersReceivedListenerDetails,
  callback: (response: Electron.HeadersReceivedResponse) => void,
) => void;
let permissionRequestHandler: PermissionRequestHandler = null;
let permissionCheckHandler: PermissionCheckHandler = null;
let headersListener: HeadersListener | null = null;

const webRequest: Pick<Electron.WebRequest, 'onHeadersReceived'> = {
  onHeadersReceived(filterOrListener: unknown, maybeListener?: unknown) {
    // Electron keeps one listener per event: a new one replaces the old, null removes it.
    headersListener = (typeof filterOrListener === 'function' ? filterOrListener : (maybeListener ?? null)) as HeadersListener | null;
  },
};

const defaultSession: Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: typeof webRequest;
} = {
  setPermissionRequestHandler(handler) {
    permissionRequestHandler = handler;
  },
  setPermissionCheckHandler(handler) {
    permissionCheckHandler = handler;
  },
  webRequest,
};

export const session = { defaultSession };

// ---------------------------------------------------------------------------------------------
// BrowserWindow and webContents

const windows = new Set<BrowserWindow>();
let nextWindowId = 1;

type WindowOpenHandler = Parameters<Electron.WebContents['setWindowOpenHandler']>[0];

class WebContents extends EventEmitter {
  readonly id: number;
  windowOpenHandler: WindowOpenHandler | null = null;
  url = '';
  destroyed = false;
  constructor(readonly owner: BrowserWindow) {
    super();
    this.id = owner.id;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    tell('webContents:send', { id: this.id, channel, args: JSON.parse(JSON.stringify(args)) as unknown[] });
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  async printToPDF(options: Electron.PrintToPDFOptions): Promise<Buffer> {
    await this.owner.created;
    const { base64 } = await ask('window:printToPDF', { id: this.id, options: { ...options } });
    return Buffer.from(base64, 'base64');
  }
  reload(): void {
    void this.owner.created
      .then(() => ask('window:reload', { id: this.id }))
      .then(
        () => this.emit('did-finish-load'),
        (err: unknown) => console.error('stand-in: reload failed', err),
      );
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

// The members of Electron's BrowserWindow that we provide, with Electron's own signatures.
type WindowSubset = Pick<
  Electron.BrowserWindow,
  | 'id'
  | 'loadURL'
  | 'loadFile'
  | 'show'
  | 'focus'
  | 'isMinimized'
  | 'restore'
  | 'reload'
  | 'destroy'
  | 'close'
  | 'isDestroyed'
  | 'getBounds'
  | 'setBounds'
  | 'getNormalBounds'
  | 'isMaximized'
  | 'maximize'
>;

export class BrowserWindow extends EventEmitter implements WindowSubset {
  readonly id: number;
  readonly webContents: WebContents;
  readonly created: Promise<void>;
  private shown = false;
  private destroyedFlag = false;
  private firstLoad = true;
  /** Where the window is; Electron centres a window created without x/y on the primary display. */
  private bounds: Electron.Rectangle;
  private maximized = false;

  static getAllWindows(): BrowserWindow[] {
    return [...windows];
  }

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    if (!ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.id = nextWindowId++;
    const width = options.width ?? 800;
    const height = options.height ?? 600;
    const primary = workAreas()[0];
    this.bounds = {
      x: options.x ?? primary.x + Math.round((primary.width - width) / 2),
      y: options.y ?? primary.y + Math.round((primary.height - height) / 2),
      width,
      height,
    };
    this.webContents = new WebContents(this);
    windows.add(this);
    this.created = ask('window:create', { id: this.id, options: JSON.parse(JSON.stringify(options)) as Record<string, unknown> }).then(
      () => undefined,
    );
    app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
  }

  async loadURL(url: string): Promise<void> {
    await this.created;
    await Promise.all(bound);
    this.webContents.url = url;
    await ask('window:load', { id: this.id, url: toBrowserUrl(url) });
    this.webContents.emit('did-finish-load');
    if (this.firstLoad) {
      this.firstLoad = false;
      this.emit('ready-to-show');
    }
  }
  loadFile(filePath: string): Promise<void> {
    return this.loadURL(pathToFileURL(path.resolve(filePath)).href);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isVisible(): boolean {
    return this.shown;
  }
  reload(): void {
    this.webContents.reload();
  }
  destroy(): void {
    if (this.destroyedFlag) return;
    this.destroyedFlag = true;
    this.webContents.destroyed = true;
    windows.delete(this);
    void this.created.then(() => ask('window:destroy', { id: this.id })).catch(() => undefined);
    this.emit('closed');
    if (windows.size === 0) app.emit('window-all-closed');
  }
  /** As Electron: 'close' first (it may be prevented), then the window goes. */
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }
  getBounds(): Electron.Rectangle {
    return { ...this.bounds };
  }
  getNormalBounds(): Electron.Rectangle {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<Electron.Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
  }
  isDestroyed(): boolean {
    return this.destroyedFlag;
  }
}

const windowById = (id: number): BrowserWindow => {
  const w = [...windows].find((x) => x.id === id);
  if (!w) throw new Error(`stand-in: no window ${id}`);
  return w;
};

// ---------------------------------------------------------------------------------------------
// ipcMain

type InvokeHandler = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;
const invokeHandlers = new Map<string, InvokeHandler>();

export const ipcMain: Pick<Electron.IpcMain, 'handle' | 'removeHandler'> = {
  handle(channel, listener) {
    if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    invokeHandlers.set(channel, listener as InvokeHandler);
  },
  removeHandler(channel) {
    invokeHandlers.delete(channel);
  },
};

// ---------------------------------------------------------------------------------------------
// dialog, shell, Menu

async function showSaveDialog(a: unknown, b?: unknown): Promise<Electron.SaveDialogReturnValue> {
  const options = (b ?? a) as Electron.SaveDialogOptions;
  const answer = await ask('dialog:save', { options: { ...options } });
  return { canceled: answer.canceled, filePath: answer.filePath ?? '' };
}

async function showMessageBox(a: unknown, b?: unknown): Promise<Electron.MessageBoxReturnValue> {
  const options = (b ?? a) as Electron.MessageBoxOptions;
  tell('dialog:message', { options: { ...options } });
  return { response: 0, checkboxChecked: false };
}

export const dialog = { showSaveDialog, showMessageBox } as Pick<Electron.Dialog, 'showSaveDialog' | 'showMessageBox'>;

export const shell: Pick<Electron.Shell, 'openExternal' | 'openPath'> = {
  async openExternal(url) {
    await ask('shell:openExternal', { url });
  },
  async openPath(p) {
    tell('shell:openPath', { path: p });
    // Electron answers '' when the folder opened, an error text otherwise.
    return fs.existsSync(p) ? '' : `stand-in: ${p} does not exist`;
  },
};

class StandInMenu {
  constructor(readonly template: unknown) {}
  popup(): void {
    tell('menu:popup', { template: JSON.parse(JSON.stringify(this.template)) as unknown });
  }
}
let applicationMenu: StandInMenu | null = null;

/** The item at a path of labels (['Aiuto', 'Apri la cartella dei log']) of the application menu. */
function menuItem(labels: string[]): Electron.MenuItemConstructorOptions {
  let items = (applicationMenu?.template ?? []) as Electron.MenuItemConstructorOptions[];
  let found: Electron.MenuItemConstructorOptions | undefined;
  for (const label of labels) {
    found = items.find((i) => i.label === label);
    if (!found) throw new Error(`stand-in: no menu item ${labels.join(' ▸ ')}`);
    items = (found.submenu ?? []) as Electron.MenuItemConstructorOptions[];
  }
  if (!found) throw new Error('stand-in: empty menu path');
  return found;
}
export const Menu = {
  buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): Electron.Menu {
    return new StandInMenu(template) as unknown as Electron.Menu;
  },
  setApplicationMenu(menu: Electron.Menu | null): void {
    applicationMenu = menu as unknown as StandInMenu | null;
    tell('menu:set', { template: menu ? JSON.parse(JSON.stringify((menu as unknown as StandInMenu).template)) : null });
  },
};

// ---------------------------------------------------------------------------------------------
// What the broker asks.

const brokerHandlers: BrokerHandlers = {
  async 'ipc:invoke'({ id, frameUrl, channel, args }) {
    const wc = windowById(id).webContents;
    const handler = invokeHandlers.get(channel);
    if (!handler) return { ok: false, error: `Error: No handler registered for '${channel}'` };
    const event = {
      sender: wc,
      senderFrame: { url: fromBrowserUrl(frameUrl) },
      processId: 1,
      frameId: 1,
    } as unknown as Electron.IpcMainInvokeEvent;
    try {
      // Through JSON, as the broker's wire: what a handler returns must survive a copy.
      const value = (await handler(event, ...args)) as unknown;
      return { ok: true, value: value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown) };
    } catch (err) {
      return { ok: false, error: String(err) };
    }
  },
  async 'webContents:will-navigate'({ id, url }) {
    const wc = windowById(id).webContents;
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    wc.emit('will-navigate', event, fromBrowserUrl(url));
    return { prevented };
  },
  async 'webContents:window-open'({ id, url, frameName, features }) {
    const wc = windowById(id).webContents;
    if (!wc.windowOpenHandler) return { action: 'allow' };
    const details = {
      url: fromBrowserUrl(url),
      frameName,
      features,
      disposition: 'new-window',
      referrer: { url: '', policy: 'no-referrer' },
    };
    const answer = wc.windowOpenHandler(details as unknown as Electron.HandlerDetails);
    return { action: answer.action };
  },
  async 'webContents:render-process-gone'({ id, reason, exitCode }) {
    windowById(id).webContents.emit('render-process-gone', { preventDefault() {} }, { reason, exitCode });
    return null;
  },
  async 'session:permission-request'({ id, permission, requestingUrl }) {
    const wc = windowById(id).webContents;
    // Electron grants every permission when no handler is set.
    if (!permissionRequestHandler) return { granted: true };
    const handler = permissionRequestHandler;
    const granted = await new Promise<boolean>((resolve) =>
      handler(wc as unknown as Electron.WebContents, permission as never, resolve, {
        requestingUrl: fromBrowserUrl(requestingUrl),
      } as never),
    );
    return { granted };
  },
  async 'session:permission-check'({ id, permission, requestingOrigin }) {
    const wc = windowById(id).webContents;
    if (!permissionCheckHandler) return { granted: true };
    return {
      granted: permissionCheckHandler(
        wc as unknown as Electron.WebContents,
        permission as never,
        fromBrowserUrl(requestingOrigin),
        {} as never,
      ),
    };
  },
  async 'menu:click'({ labels }) {
    const item = menuItem(labels);
    if (!item.click) throw new Error(`stand-in: ${labels.join(' ▸ ')} has a role (${String(item.role)}), not a click handler`);
    (item.click as () => void)();
    return null;
  },
  async 'webContents:context-menu'({ id, params }) {
    windowById(id).webContents.emit('context-menu', { preventDefault() {} }, params);
    return null;
  },
  async 'window:user-close'({ id }) {
    windowById(id).close();
    return null;
  },
  async 'window:user-bounds'({ id, bounds, maximized }) {
    const w = windowById(id);
    w.setBounds(bounds);
    if (maximized) w.maximize();
    return w.getBounds();
  },
  async 'standin:state'(): Promise<StandInState> {
    return {
      node: process.version,
      privilegedSchemes: privileged,
      protocols: [...schemes.values()].map((s) => ({ scheme: s.scheme, api: s.api, origin: `http://*.localhost:${s.port}` })),
      ipcChannels: [...invokeHandlers.keys()],
      isPackaged: app.isPackaged,
      headersListeners: headersListener ? 1 : 0,
      paths: theApp.pathsSet(),
      aboutPanel: theApp.aboutPanel as Record<string, unknown> | null,
      windowBounds: [...windows].map((w) => ({ id: w.id, bounds: w.getBounds(), maximized: w.isMaximized() })),
    };
  },
};

// Renderer-side modules do not exist in the main process.
export const contextBridge = undefined;
export const ipcRenderer = undefined;

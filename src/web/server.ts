// The web bridge: the same API contract over HTTP on 127.0.0.1, for `pec-doctor ui` (where
// Electron cannot run) and for the end-to-end tests. Every request must carry the per-launch
// token as the first path segment (so the page's relative asset URLs carry it too) and a Host
// header naming this very server: another local page or a DNS-rebinding site gets a 403/404.
// `pec-doctor ui` never puts the token on a command line (another local user reads those with
// `ps`): the browser opens a 0600 hand-over file (src/web/handover.ts) pointing at a one-time
// login code, which the bridge trades once for an HttpOnly, SameSite=Strict session cookie; the
// page then lives under /app/ and its requests carry the cookie instead of the token.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import type { ApiMethod, CoreApi, DiagnosisEvent, HostApi, PecDoctorApi } from '../api';
import { isApiMethod } from '../api';
import { createCore } from '../core';
import { ApiArgumentError, isInternalError, publicErrorMessage, validateArgs } from '../api-validate';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { externalUrlRefusal } from '../links';
import { STATIC_MIME as MIME } from './mime';

const MAX_BODY = 20 * 1024 * 1024;

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
export const SESSION_COOKIE = 'pec_doctor_session';
/** First path segment of the cookie-authenticated app (the token segment otherwise). */
export const APP_SEGMENT = 'app';

export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const listeners = new Set<http.ServerResponse>();
  const emit = (event: DiagnosisEvent): void => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of listeners) res.write(line);
  };
  const real = createCore({ host: 'web', emit });
  const core = options.wrapCore ? options.wrapCore(real) : real;
  const host: HostApi = {
    async saveReport(report, format, redact) {
      if (format === 'pdf') throw new Error('PDF: usa "Stampa" del browser e scegli "Salva come PDF"');
      return { status: 'download', file: await core.renderReport(report, format, redact) };
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
  };
  const api: PecDoctorApi = { ...core, ...host };
  const staticRoot = path.resolve(options.staticDir);

  // The session cookie's value: a second secret, only ever sent in a Set-Cookie header.
  const session = crypto.randomBytes(24).toString('base64url');
  let login: { code: string; expires: number } | null = null;

  let port = 0;
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { error: publicErrorMessage('bridge', err) }));
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
    const viaCookie = first === APP_SEGMENT && safeEqual(cookieOf(req, SESSION_COOKIE) ?? '', session);
    if (!first || (!viaCookie && !safeEqual(first, token))) return send(res, 404, { error: 'not found' });
    const sub = rest.join('/');

    if (sub === 'api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (sub.startsWith('api/')) {
      const method = sub.slice(4);
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
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'GET only' });
    return serveStatic(res, sub || 'index.html');
  }

  function exchangeLoginCode(req: http.IncomingMessage, res: http.ServerResponse, code: string): void {
    if (req.method !== 'GET') return send(res, 405, { error: 'GET only' });
    const valid = login !== null && Date.now() < login.expires && safeEqual(code, login.code);
    if (!valid) {
      return send(res, 403, {
        error:
          'Collegamento scaduto o già usato: chiudi e riapri "pec-doctor ui". / ' +
          'This link has expired or was already used: close and run "pec-doctor ui" again.',
      });
    }
    login = null; // one use only
    // Not a 302: a redirect chain started by the file:// page counts as cross-site, and the
    // browser would hold back a Strict cookie; a refresh from this page is same-site.
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'",
      // HttpOnly: no script reads it; SameSite=Strict: no other site's page sends it.
      'Set-Cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
    });
    res.end(
      `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/${APP_SEGMENT}/">` +
        `<title>PEC Doctor</title></head><body><p><a href="/${APP_SEGMENT}/">Apri PEC Doctor</a></p></body></html>`,
    );
  }

  function serveStatic(res: http.ServerResponse, rel: string): void {
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
      }),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function cookieOf(req: http.IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
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
      if (size > MAX_BODY) {
        reject(new BodyError(413, 'request too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : []);
      } catch {
        reject(new BodyError(400, 'body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** Methods reachable through the bridge (for tests: exactly the contract's). */
export type BridgeMethod = ApiMethod;

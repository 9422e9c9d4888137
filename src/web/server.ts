// The web bridge: the same API contract over HTTP on 127.0.0.1, for `pec-doctor ui` (where
// Electron cannot run) and for the end-to-end tests. Every request must carry the per-launch
// token as the first path segment (so the page's relative asset URLs carry it too) and a Host
// header naming this very server: another local page or a DNS-rebinding site gets a 403/404.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import type { ApiMethod, DiagnosisEvent, HostApi, PecDoctorApi } from '../api';
import { isApiMethod } from '../api';
import { createCore } from '../core';
import { errorMessage } from '../util/errors';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { externalUrlRefusal } from '../links';


const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const MAX_BODY = 20 * 1024 * 1024;

export interface WebBridgeOptions {
  /** Folder with the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface WebBridge {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const listeners = new Set<http.ServerResponse>();
  const emit = (event: DiagnosisEvent): void => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of listeners) res.write(line);
  };
  const core = createCore({ host: 'web', emit });
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

  let port = 0;
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { error: errorMessage(err) }));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, { error: 'host not allowed' });
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const [first, ...rest] = url.pathname.split('/').slice(1);
    if (!first || !safeEqual(first, token)) return send(res, 404, { error: 'not found' });
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
      const args = await readJsonBody(req);
      if (!Array.isArray(args)) return send(res, 400, { error: 'body must be a JSON array of arguments' });
      try {
        const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
        const result = await fn(...args);
        return send(res, 200, { result: result === undefined ? null : result });
      } catch (err) {
        return send(res, 500, { error: errorMessage(err) });
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'GET only' });
    return serveStatic(res, sub || 'index.html');
  }

  function serveStatic(res: http.ServerResponse, rel: string): void {
    const file = path.resolve(staticRoot, decodeURIComponent(rel));
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

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : []);
      } catch {
        reject(new Error('body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** Methods reachable through the bridge (for tests: exactly the contract's). */
export type BridgeMethod = ApiMethod;

// The bundled renderer is served from app://pec-doctor/, a privileged, standard, secure custom
// scheme, instead of file:// (where the CSP's 'self' would cover the whole disk and every page
// shares one origin). Only files under dist/renderer are served; anything else is a 404.
// Electron 25+ has protocol.handle; Electron 22.3 (our Windows 7/8.1 build) only the older
// registerBufferProtocol: both are supported, the same pure resolver behind them.
import type { Protocol, ProtocolRequest, ProtocolResponse } from 'electron';
import * as fs from 'fs';
import * as path from 'path';
import { CONTENT_SECURITY_POLICY } from '../src/csp';
import { STATIC_MIME as MIME } from '../src/web/mime';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pec-doctor';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The only page our window shows. */
export const RENDERER_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Must run before `app` is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origin and relative URLs; secure: like https; no bypassCSP.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** True for URLs of our own origin (IPC senders, navigation targets). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
  } catch {
    return false;
  }
}

export interface AppFileAnswer {
  status: 200 | 400 | 404 | 405;
  mimeType: string;
  data: Buffer;
}

const refusal = (status: 400 | 404 | 405): AppFileAnswer => ({
  status,
  mimeType: 'text/plain; charset=utf-8',
  data: Buffer.from(String(status)),
});

/** The file an app:// request names, or why not: other hosts, escapes and traversal are refused. */
export async function answerAppRequest(url: string, method: string, rendererDir: string): Promise<AppFileAnswer> {
  if (method !== 'GET' && method !== 'HEAD') return refusal(405);
  let rel: string;
  try {
    const u = new URL(url);
    if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return refusal(404);
    rel = decodeURIComponent(u.pathname);
  } catch {
    return refusal(400);
  }
  if (rel.includes('\0')) return refusal(400);
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
  if (!file.startsWith(root + path.sep)) return refusal(404);
  try {
    const real = await fs.promises.realpath(file);
    const realRoot = await fs.promises.realpath(root);
    // A symlink inside dist/renderer may not lead out of it either.
    if (!real.startsWith(realRoot + path.sep)) return refusal(404);
    const stat = await fs.promises.stat(real);
    if (!stat.isFile()) return refusal(404);
    return { status: 200, mimeType: MIME[path.extname(real)] ?? 'application/octet-stream', data: await fs.promises.readFile(real) };
  } catch {
    return refusal(404);
  }
}

const headersOf = (a: AppFileAnswer): Record<string, string> => ({
  'Content-Type': a.mimeType,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
});

type GlobalResponseCtor = new (body: Uint8Array, init: { status: number; headers: Record<string, string> }) => unknown;

/** After `app` is ready: serves app:// from rendererDir with whichever API this Electron has. */
export function serveAppScheme(protocol: Protocol, rendererDir: string): 'handle' | 'registerBufferProtocol' {
  // Electron >= 25 (Node 18): fetch-style handler; its Response is a global there only.
  const globals = globalThis as unknown as Record<string, GlobalResponseCtor | undefined>;
  // eslint-disable-next-line n/no-unsupported-features/node-builtins -- used only where protocol.handle exists (Electron 25+, Node 18+)
  const ResponseCtor = globals['Response'];
  if (typeof protocol.handle === 'function' && ResponseCtor) {
    protocol.handle(APP_SCHEME, async (request) => {
      const a = await answerAppRequest(request.url, request.method, rendererDir);
      return new ResponseCtor(a.data, { status: a.status, headers: headersOf(a) }) as never;
    });
    return 'handle';
  }
  // Electron 22.3: callback-style buffer protocol.
  protocol.registerBufferProtocol(APP_SCHEME, (request: ProtocolRequest, callback: (r: ProtocolResponse) => void) => {
    answerAppRequest(request.url, request.method, rendererDir).then(
      (a) => callback({ statusCode: a.status, mimeType: a.mimeType.split(';')[0], charset: 'utf-8', data: a.data, headers: headersOf(a) }),
      () => callback({ statusCode: 500, data: Buffer.from('500') }),
    );
  });
  return 'registerBufferProtocol';
}

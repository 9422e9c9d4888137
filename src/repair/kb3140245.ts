// KB3140245 for the user: the standalone package of this Windows and architecture, downloaded
// from Microsoft's update servers, accepted only when its SHA-1 (the one the Update Catalog puts
// in the file name) matches, then installed with wusa.exe /quiet /norestart. Sources and what
// could not be confirmed (the sizes): docs/repair.md.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as https from 'https';
import type { IncomingMessage } from 'http';
import * as path from 'path';
import type { Exec } from '../platform/exec';
import type { WindowsFamily } from '../diagnosis/windows-family';
import type { Text } from '../util/text';
import { text } from '../util/text';

export interface KbPackage {
  windows: '7' | '8.0';
  arch: 'x64' | 'x86';
  /** The Update Catalog's file name: `<name>_<sha1>.msu`. */
  fileName: string;
  sha1: string;
  /** Bytes, when a public source gives it; null: not confirmed (the download is then capped). */
  size: number | null;
}

/** Microsoft's update download server, folder of the April 2016 KB3140245 packages. */
export const MICROSOFT_KB_BASE = 'https://catalog.s.download.windowsupdate.com/c/msdownload/update/software/updt/2016/04/';

const pkg = (windows: KbPackage['windows'], arch: KbPackage['arch'], stem: string, sha1: string): KbPackage => ({
  windows,
  arch,
  fileName: `${stem}-${arch}_${sha1}.msu`,
  sha1,
  size: null,
});

/** Windows 7 SP1 / Server 2008 R2 SP1 (6.1) and Windows 8 / Server 2012 (6.2). */
export const KB3140245_PACKAGES: readonly KbPackage[] = [
  pkg('7', 'x64', 'windows6.1-kb3140245', '5b067ffb69a94a6e5f9da89ce88c658e52a0dec0'),
  pkg('7', 'x86', 'windows6.1-kb3140245', 'cdafb409afbe28db07e2254f40047774a0654f18'),
  pkg('8.0', 'x64', 'windows8-rt-kb3140245', 'b589173ad4afdb12b18606b5f84861fcf20010d0'),
  pkg('8.0', 'x86', 'windows8-rt-kb3140245', 'd68690bf0bc828ea9368a6e25dc6a9b1b3adf151'),
];

/** No KB3140245 package is larger; a server sending more is cut off (sizes not confirmed, see docs). */
export const MAX_PACKAGE_BYTES = 32 * 1024 * 1024;

export function packageFor(
  family: Pick<WindowsFamily, 'release' | 'arch'>,
  table: readonly KbPackage[] = KB3140245_PACKAGES,
): KbPackage | null {
  return table.find((p) => p.windows === family.release && p.arch === family.arch) ?? null;
}

export type DownloadEvent = { received: number; total: number | null };

export class KbDownloadError extends Error {
  override name = 'KbDownloadError';
  constructor(
    readonly reason: 'network' | 'http' | 'hash' | 'size' | 'io' | 'cancelled',
    readonly text: Text,
    detail: string,
  ) {
    super(detail);
  }
}

export interface DownloadOptions {
  /** Default MICROSOFT_KB_BASE; tests inject a loopback server. */
  baseUrl?: string;
  /** Extra CA (tests' loopback server). */
  ca?: string | Buffer;
  dir: string;
  onProgress?: (e: DownloadEvent) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

const fail = (reason: KbDownloadError['reason'], it: string, en: string, detail: string) =>
  new KbDownloadError(reason, text(it, en), detail);
const TOO_BIG = [
  'Il file offerto è più grande del pacchetto atteso: rifiutato.',
  'The file offered is larger than the expected package: refused.',
] as const;
const NO_SAVE = ['Non riesco a salvare il file scaricato.', 'Cannot save the downloaded file.'] as const;

interface Transfer {
  p: KbPackage;
  o: DownloadOptions;
  partial: string;
  target: string;
  cap: number;
  done: (err: KbDownloadError | null) => void;
  settled: () => boolean;
}

/** The body of a 200 answer: streamed to the partial file, hashed, capped; renamed only when the hash matches. */
function receive(t: Transfer, res: IncomingMessage): void {
  const declared = Number(res.headers['content-length']);
  const total = Number.isFinite(declared) && declared > 0 ? declared : t.p.size;
  if (total !== null && total > t.cap) {
    res.destroy();
    return t.done(fail('size', ...TOO_BIG, `${total} bytes`));
  }
  const hash = crypto.createHash('sha1');
  let received = 0;
  let out: fs.WriteStream;
  try {
    fs.mkdirSync(t.o.dir, { recursive: true });
    out = fs.createWriteStream(t.partial, { flags: 'wx' });
  } catch (err) {
    res.destroy();
    return t.done(fail('io', ...NO_SAVE, (err as Error).message));
  }
  out.on('error', (err) => {
    res.destroy();
    t.done(fail('io', ...NO_SAVE, err.message));
  });
  res.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > t.cap) {
      res.destroy();
      out.destroy();
      return t.done(fail('size', ...TOO_BIG, `over ${t.cap} bytes`));
    }
    hash.update(chunk);
    out.write(chunk);
    t.o.onProgress?.({ received, total });
  });
  res.on('error', (err) => t.done(fail('network', 'Lo scaricamento si è interrotto.', 'The download was interrupted.', err.message)));
  res.on('end', () => out.end(() => !t.settled() && finish(t, hash.digest('hex'), received)));
}

function finish(t: Transfer, sha1: string, received: number): void {
  if (sha1 !== t.p.sha1 || (t.p.size !== null && received !== t.p.size)) {
    return t.done(
      fail(
        'hash',
        'Il file scaricato non è il pacchetto ufficiale di Microsoft (impronta diversa): rifiutato e cancellato.',
        'The downloaded file is not Microsoft’s official package (different fingerprint): refused and deleted.',
        `sha1 ${sha1}, ${received} bytes; expected ${t.p.sha1}${t.p.size !== null ? `, ${t.p.size} bytes` : ''}`,
      ),
    );
  }
  try {
    fs.renameSync(t.partial, t.target);
  } catch (err) {
    return t.done(fail('io', ...NO_SAVE, (err as Error).message));
  }
  t.done(null);
}

/** One request: https only, up to 3 redirects (the hash is the check that matters). */
function request(t: Transfer, url: URL, hops: number): void {
  if (url.protocol !== 'https:')
    return t.done(
      fail(
        'network',
        'Il server ha indicato un indirizzo non sicuro: scaricamento interrotto.',
        'The server pointed to an insecure address: download stopped.',
        url.href,
      ),
    );
  const req = https.get(url, { ca: t.o.ca, timeout: t.o.timeoutMs ?? 60_000, signal: t.o.signal }, (res) => {
    if (res.statusCode && [301, 302, 303, 307, 308].includes(res.statusCode) && res.headers.location && hops < 3) {
      res.resume();
      return request(t, new URL(res.headers.location, url), hops + 1);
    }
    if (res.statusCode !== 200) {
      res.resume();
      return t.done(
        fail(
          'http',
          `Il server di Microsoft ha risposto ${res.statusCode}: aggiornamento non scaricato.`,
          `Microsoft’s server answered ${res.statusCode}: update not downloaded.`,
          `HTTP ${res.statusCode}`,
        ),
      );
    }
    receive(t, res);
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', (err) =>
    t.done(
      (err as NodeJS.ErrnoException).name === 'AbortError'
        ? fail('cancelled', 'Scaricamento annullato.', 'Download cancelled.', 'aborted')
        : fail(
            'network',
            'Non riesco a raggiungere il server di Microsoft: controlla la connessione a Internet.',
            'Cannot reach Microsoft’s server: check the Internet connection.',
            err.message,
          ),
    ),
  );
}

/** Downloads `p` into `dir` and checks it; resolves to the file's path, or rejects with KbDownloadError (no file left). */
export function downloadPackage(p: KbPackage, o: DownloadOptions): Promise<string> {
  const target = path.join(o.dir, p.fileName);
  const partial = `${target}.${crypto.randomBytes(6).toString('hex')}.partial`;
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const t: Transfer = {
      p,
      o,
      partial,
      target,
      cap: p.size ?? MAX_PACKAGE_BYTES,
      settled: () => settled,
      done: (err) => {
        if (settled) return;
        settled = true;
        if (err) {
          fs.rmSync(partial, { force: true });
          reject(err);
        } else resolve(target);
      },
    };
    try {
      request(t, new URL(p.fileName, o.baseUrl ?? MICROSOFT_KB_BASE), 0);
    } catch (err) {
      t.done(fail('network', 'Indirizzo di scaricamento non valido.', 'Invalid download address.', (err as Error).message));
    }
  });
}

export type WusaOutcome = 'installed' | 'restart-needed' | 'already-installed' | 'not-applicable' | 'failed';

export interface WusaResult {
  outcome: WusaOutcome;
  /** The exit code as Windows gives it (unsigned), for the technician; null when wusa did not run. */
  code: number | null;
  ok: boolean;
  text: Text;
}

const hex = (n: number) => `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

/** wusa.exe's exit code in plain words. */
export function wusaResult(code: number | null, error: string | null = null): WusaResult {
  if (code === null)
    return {
      outcome: 'failed',
      code: null,
      ok: false,
      text: text(
        `Il programma di installazione di Windows (wusa.exe) non è partito (${error ?? 'errore sconosciuto'}).`,
        `Windows’ installer (wusa.exe) did not run (${error ?? 'unknown error'}).`,
      ),
    };
  const u = code >>> 0;
  if (u === 0)
    return { outcome: 'installed', code: u, ok: true, text: text('Aggiornamento KB3140245 installato.', 'Update KB3140245 installed.') };
  if (u === 3010)
    return {
      outcome: 'restart-needed',
      code: u,
      ok: true,
      text: text(
        'Aggiornamento KB3140245 installato: serve un riavvio per completarlo.',
        'Update KB3140245 installed: a restart is needed to complete it.',
      ),
    };
  if (u === 2359302)
    return {
      outcome: 'already-installed',
      code: u,
      ok: true,
      text: text('L’aggiornamento KB3140245 era già installato.', 'Update KB3140245 was already installed.'),
    };
  if (u === 0x80240017)
    return {
      outcome: 'not-applicable',
      code: u,
      ok: false,
      text: text(
        'Windows dice che l’aggiornamento KB3140245 non si applica a questo computer: di solito manca il Service Pack 1 (KB976932), che va installato prima.',
        'Windows says update KB3140245 does not apply to this computer: usually Service Pack 1 (KB976932) is missing and must be installed first.',
      ),
    };
  return {
    outcome: 'failed',
    code: u,
    ok: false,
    text: text(
      `L’installazione dell’aggiornamento KB3140245 non è riuscita (codice per il tecnico: ${u} / ${hex(u)}).`,
      `Installing update KB3140245 failed (code for the technician: ${u} / ${hex(u)}).`,
    ),
  };
}

export const defaultWusa = () => path.win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'wusa.exe');

/** Runs `wusa.exe <file> /quiet /norestart` (up to 30 minutes: servicing on old machines is slow). */
export async function installPackage(file: string, o: { exec: Exec; wusa?: string; timeoutMs?: number }): Promise<WusaResult> {
  const r = await o.exec(o.wusa ?? defaultWusa(), [file, '/quiet', '/norestart'], { timeoutMs: o.timeoutMs ?? 30 * 60_000 });
  return wusaResult(r.error === null ? r.code : null, r.error);
}

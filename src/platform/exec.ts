// Runs one external program: argument array (never a shell string), a timeout, a cap on the
// output, and a result object instead of exceptions, so that a missing program or a hung one
// becomes "unknown, because ..." in the inventory rather than a crash.
import { execFile } from 'child_process';
import { decodeConsole } from './encoding';

export interface ExecOptions {
  /** Milliseconds before the program is killed (default 10 s). */
  timeoutMs?: number;
  /** Bytes of stdout/stderr kept at most (default 4 MiB). */
  maxOutputBytes?: number;
  /** How to turn output bytes into text: 'utf8' (default) or 'console' (OEM code page 850 / UTF-8, see encoding.ts). */
  encoding?: 'utf8' | 'console';
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  signal?: AbortSignal;
}

export interface ExecResult {
  /** Exit code 0 and no error. */
  ok: boolean;
  stdout: string;
  stderr: string;
  /** Exit code, null when the program did not run or was killed. */
  code: number | null;
  /** Why it failed to run: 'not found: x', 'timeout after 10000 ms', 'output too large', ...; null when it ran. */
  error: string | null;
  /** The command line as run, for evidence. */
  command: string;
}

export type Exec = (file: string, args: string[], options?: ExecOptions) => Promise<ExecResult>;

/** Shows an argument list the way a technician would type it (quoted when it has spaces). */
export function commandLine(file: string, args: string[]): string {
  return [file, ...args].map((a) => (/[\s"]/.test(a) || a === '' ? `"${a.replace(/"/g, '\\"')}"` : a)).join(' ');
}

function toText(data: unknown, encoding: 'utf8' | 'console'): string {
  if (data === undefined || data === null) return '';
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(String(data), 'utf8');
  return encoding === 'console' ? decodeConsole(buf) : buf.toString('utf8');
}

/** Runs `file` with `args`. Never throws and never rejects. */
export const exec: Exec = (file, args, options = {}) => {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBuffer = options.maxOutputBytes ?? 4 * 1024 * 1024;
  const encoding = options.encoding ?? 'utf8';
  const command = commandLine(file, args);
  return new Promise<ExecResult>((resolve) => {
    try {
      const child = execFile(
        file,
        args,
        {
          encoding: 'buffer',
          timeout: timeoutMs,
          maxBuffer,
          windowsHide: true,
          env: options.env,
          cwd: options.cwd,
          signal: options.signal,
          killSignal: 'SIGKILL',
        },
        (err, stdoutBuf, stderrBuf) => {
          const stdout = toText(stdoutBuf, encoding);
          const stderr = toText(stderrBuf, encoding);
          if (!err) {
            resolve({ ok: true, stdout, stderr, code: 0, error: null, command });
            return;
          }
          const e = err as NodeJS.ErrnoException & { code?: string | number; killed?: boolean; signal?: string | null };
          let error: string | null = null;
          let code: number | null = typeof e.code === 'number' ? e.code : null;
          if (e.code === 'ENOENT') error = `not found: ${file}`;
          else if (e.code === 'EACCES' || e.code === 'EPERM') error = `not allowed to run: ${file}`;
          else if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') error = `output too large (over ${maxBuffer} bytes)`;
          else if (e.name === 'AbortError' || e.code === 'ABORT_ERR') error = 'cancelled';
          else if (e.killed || e.signal)
            error = e.killed && e.signal === 'SIGKILL' ? `timeout after ${timeoutMs} ms` : `killed by ${e.signal}`;
          else if (code === null) error = e.message;
          if (error !== null) code = null;
          resolve({ ok: false, stdout, stderr, code, error, command });
        },
      );
      // Nothing is ever written to a child: its stdin is closed at once, so a program that waits
      // for input (PowerShell 2 with -Command and a redirected stdin does) sees end of file, and
      // a late error of that pipe (EPIPE when the child is already gone) has a listener.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end();
    } catch (err) {
      // execFile throws synchronously for invalid arguments (e.g. a NUL byte in an argument).
      resolve({ ok: false, stdout: '', stderr: '', code: null, error: (err as Error).message, command });
    }
  });
};

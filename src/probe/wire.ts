// Sockets with bounds: every connect and read has a timeout capped by the endpoint's overall
// deadline, honours cancellation, and limits how much it buffers. Failures become ProbeErrors
// carrying the verdict the user sees (connect-refused, handshake-timeout, ...).
import * as net from 'net';
import type { ProbeVerdict } from './types';

export class ProbeError extends Error {
  constructor(
    readonly verdict: ProbeVerdict,
    readonly detail: string,
  ) {
    super(`${verdict}: ${detail}`);
  }
}

/** Deadline and cancellation shared by all steps of one endpoint. */
export class Budget {
  constructor(
    readonly deadline: number,
    readonly signal?: AbortSignal,
  ) {}

  /** Time allowed for an operation: its own timeout, capped by the overall deadline. */
  allow(stepMs: number): number {
    this.check();
    return Math.max(1, Math.min(stepMs, this.deadline - Date.now()));
  }

  /** Throws when cancelled or past the deadline. */
  check(): void {
    if (this.signal?.aborted) throw new ProbeError('cancelled', 'verifica annullata');
    if (Date.now() >= this.deadline) throw new ProbeError('deadline-exceeded', 'tempo massimo per il server esaurito');
  }

  /** The verdict for a timeout: the step's own, or deadline-exceeded when the deadline ran out. */
  timeoutVerdict(own: ProbeVerdict): ProbeVerdict {
    return Date.now() >= this.deadline - 5 ? 'deadline-exceeded' : own;
  }
}

export function connectTcp(address: string, port: number, timeoutMs: number, budget: Budget): Promise<net.Socket> {
  const ms = budget.allow(timeoutMs);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port });
    let done = false;
    const finish = (err: ProbeError | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      budget.signal?.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      if (err) {
        socket.destroy();
        reject(err);
      } else resolve(socket);
    };
    const onAbort = () => finish(new ProbeError('cancelled', 'verifica annullata'));
    const onError = (e: NodeJS.ErrnoException) => finish(classifyConnectError(e, address, port));
    const timer = setTimeout(
      () => finish(new ProbeError(budget.timeoutVerdict('connect-timeout'), `nessuna risposta da ${address}:${port} entro ${ms} ms`)),
      ms,
    );
    budget.signal?.addEventListener('abort', onAbort);
    socket.once('error', onError);
    socket.once('connect', () => {
      socket.setNoDelay(true);
      finish(null);
    });
  });
}

function classifyConnectError(e: NodeJS.ErrnoException, address: string, port: number): ProbeError {
  const where = `${address}:${port}`;
  switch (e.code) {
    case 'ECONNREFUSED':
      return new ProbeError('connect-refused', `connessione rifiutata da ${where} (porta chiusa o servizio non attivo)`);
    case 'ECONNRESET':
      return new ProbeError('connect-reset', `connessione chiusa di forza da ${where}`);
    case 'ETIMEDOUT':
      return new ProbeError('connect-timeout', `nessuna risposta da ${where}`);
    default:
      return new ProbeError('connect-refused', `${where} non raggiungibile (${e.code ?? e.message})`);
  }
}

/**
 * Buffers what a socket receives and hands it out as lines (mail dialogues) or to a byte
 * consumer (TLS records). Detach before giving the socket to `tls.connect`.
 */
export class SocketReader {
  private buf = Buffer.alloc(0);
  private ended: 'end' | 'reset' | null = null;
  private waiter: (() => void) | null = null;
  private readonly onData = (d: Buffer) => {
    this.buf = Buffer.concat([this.buf, d]);
    this.wake();
  };
  private readonly onEnd = () => {
    this.ended ??= 'end';
    this.wake();
  };
  private readonly onError = (e: NodeJS.ErrnoException) => {
    this.ended = e.code === 'ECONNRESET' || e.code === 'EPIPE' ? 'reset' : (this.ended ?? 'reset');
    this.wake();
  };
  /** Bytes received over the socket's lifetime (to tell a drip from a silent server). */
  received = 0;

  constructor(readonly socket: net.Socket) {
    socket.on('data', (d: Buffer) => {
      this.received += d.length;
    });
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  private wake() {
    const w = this.waiter;
    this.waiter = null;
    if (w) w();
  }

  /** Stops reading; returns bytes buffered but not consumed. */
  detach(): Buffer {
    this.socket.removeListener('data', this.onData);
    this.socket.removeAllListeners('data');
    this.socket.removeListener('end', this.onEnd);
    this.socket.removeListener('close', this.onEnd);
    this.socket.removeListener('error', this.onError);
    this.socket.pause();
    const rest = this.buf;
    this.buf = Buffer.alloc(0);
    return rest;
  }

  /**
   * Waits until `take` accepts the buffer (returns a value and how many bytes it consumed), the
   * peer closes, the timeout or the deadline passes. `onClose` decides what an early close means.
   */
  async read<T>(
    take: (buf: Buffer) => { value: T; used: number } | null,
    opts: { timeoutMs: number; budget: Budget; timeoutVerdict: ProbeVerdict; what: string; maxBytes: number },
  ): Promise<T> {
    const ms = opts.budget.allow(opts.timeoutMs);
    const end = Date.now() + ms;
    for (;;) {
      const got = take(this.buf);
      if (got) {
        this.buf = this.buf.subarray(got.used);
        return got.value;
      }
      if (this.buf.length > opts.maxBytes) throw new ProbeError('banner-unexpected', `${opts.what}: risposta oltre ${opts.maxBytes} byte`);
      if (this.ended) {
        const verdict: ProbeVerdict = this.ended === 'reset' ? 'connect-reset' : 'banner-unexpected';
        throw new ProbeError(
          verdict,
          `${opts.what}: connessione chiusa dal server${this.buf.length ? ` dopo "${printable(this.buf)}"` : ''}`,
        );
      }
      const left = end - Date.now();
      if (left <= 0 || opts.budget.signal?.aborted) {
        opts.budget.check();
        throw new ProbeError(
          opts.budget.timeoutVerdict(opts.timeoutVerdict),
          `${opts.what}: nessuna risposta completa entro ${ms} ms (ricevuti ${this.received} byte)`,
        );
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.waiter = null;
          resolve();
        }, left);
        const onAbort = () => {
          clearTimeout(t);
          resolve();
        };
        opts.budget.signal?.addEventListener('abort', onAbort, { once: true });
        this.waiter = () => {
          clearTimeout(t);
          opts.budget.signal?.removeEventListener('abort', onAbort);
          resolve();
        };
      });
    }
  }

  /** One CRLF/LF-terminated line, without the terminator. */
  readLine(timeoutMs: number, budget: Budget, what: string, timeoutVerdict: ProbeVerdict = 'banner-unexpected'): Promise<string> {
    return this.read(
      (buf) => {
        const i = buf.indexOf(10);
        if (i < 0) return null;
        return { value: buf.subarray(0, i).toString('latin1').replace(/\r$/, ''), used: i + 1 };
      },
      { timeoutMs, budget, timeoutVerdict, what, maxBytes: 8192 },
    );
  }

  get closed(): 'end' | 'reset' | null {
    return this.ended;
  }

  get pending(): Buffer {
    return this.buf;
  }
}

export function printable(buf: Buffer, max = 60): string {
  return buf
    .subarray(0, max)
    .toString('latin1')
    .replace(/[^\x20-\x7e]/g, '.');
}

export function write(socket: net.Socket, data: string | Buffer): void {
  if (!socket.destroyed) socket.write(data);
}

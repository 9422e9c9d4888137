// One endpoint's connections: TCP connect, the STARTTLS dialogue when the port needs it, then
// a hand-written ClientHello and the server's first flight. Counts connections (politeness) and
// turns "refused/reset after earlier connections worked" into `throttled`.
import type * as net from 'net';
import type { Endpoint } from './types';
import { buildClientHello, type HelloSpec } from './client-hello';
import { FlightParser, type FlightResult } from './server-hello';
import { startTls, type Dialogue } from './starttls';
import { Budget, ProbeError, SocketReader, connectTcp, write } from './wire';

export interface Timeouts {
  connectMs: number;
  starttlsMs: number;
  handshakeMs: number;
  bannerMs: number;
}

export type HelloOutcome =
  | FlightResult
  /** The server closed (or reset) the connection without answering the ClientHello. */
  | { kind: 'closed'; reset: boolean };

export class Session {
  /** Connections opened so far (each one costs the server a login slot). */
  connections = 0;
  /** Connections that got as far as the server talking to us. */
  private answered = 0;
  /** First plaintext dialogue seen (STARTTLS ports). */
  dialogue: Dialogue | null = null;
  connectMs: number | null = null;
  /** Called once, when the first TCP connection is accepted: the progress can say "collegato" while the server is silent. */
  onFirstConnect: ((ms: number) => void) | null = null;
  /** The server fails when it picks a DHE suite (no DH parameters): control hellos leave them out. */
  dheBroken = false;
  starttlsMs: number | null = null;

  constructor(
    readonly endpoint: Endpoint,
    public address: string,
    readonly budget: Budget,
    readonly timeouts: Timeouts,
    readonly maxConnections: number,
  ) {}

  /** Opens a connection ready for a ClientHello (after STARTTLS on plaintext ports). */
  async open(): Promise<SocketReader> {
    if (this.connections >= this.maxConnections)
      throw new ProbeError('deadline-exceeded', `limite di ${this.maxConnections} connessioni raggiunto`);
    this.connections++;
    const t0 = Date.now();
    let socket: net.Socket;
    try {
      socket = await connectTcp(this.address, this.endpoint.port, this.timeouts.connectMs, this.budget);
    } catch (e) {
      throw this.throttleAware(e);
    }
    if (this.connectMs === null) {
      this.connectMs = Date.now() - t0;
      this.onFirstConnect?.(this.connectMs);
    }
    const reader = new SocketReader(socket);
    if (this.endpoint.security === 'starttls') {
      const t1 = Date.now();
      try {
        const d = await startTls(this.endpoint.protocol, reader, this.timeouts.starttlsMs, this.budget);
        this.dialogue ??= d;
        this.starttlsMs ??= Date.now() - t1;
      } catch (e) {
        socket.destroy();
        throw this.throttleAware(e);
      }
    }
    return reader;
  }

  /** A hello left unanswered: counts only TLS bytes (the plaintext STARTTLS dialogue is not an answer). */
  private silence(tlsBytes: number): ProbeError {
    const ms = this.timeouts.handshakeMs;
    if (tlsBytes > 0)
      return new ProbeError('handshake-timeout', `il server invia dati troppo lentamente (${tlsBytes} byte TLS in ${ms} ms)`);
    const after = this.dialogue ? ` dopo aver accettato STARTTLS ("${this.dialogue.reply.slice(0, 80)}")` : '';
    return new ProbeError('handshake-timeout', `il server${after} non risponde al ClientHello entro ${ms} ms (0 byte TLS ricevuti)`);
  }

  private throttleAware(e: unknown): unknown {
    if (!(e instanceof ProbeError)) return e;
    // The same server answered before in this probe: a refusal now is a limit, not a closed port.
    if (this.answered > 0 && ['connect-refused', 'connect-reset', 'connect-timeout'].includes(e.verdict)) {
      return new ProbeError('throttled', `il server ha smesso di accettare connessioni dopo ${this.answered} (${e.detail})`);
    }
    return e;
  }

  /**
   * Sends one ClientHello and reads the answer; the connection is closed afterwards. `want` asks
   * for more of the first flight: the certificate, and/or the ServerKeyExchange.
   */
  async hello(spec: HelloSpec, want: boolean | { certificate?: boolean; keyExchange?: boolean } = false): Promise<HelloOutcome> {
    const wantCertificate = typeof want === 'boolean' ? want : want.certificate === true;
    const wantKeyExchange = typeof want === 'object' && want.keyExchange === true;
    const reader = await this.open();
    const socket = reader.socket;
    try {
      write(socket, buildClientHello({ ...spec, serverName: spec.serverName ?? this.endpoint.host }));
      const parser = new FlightParser(wantCertificate, wantKeyExchange);
      let result: FlightResult | null = null;
      // One deadline for the whole answer, so a server dripping bytes cannot stretch it.
      const end = Date.now() + this.timeouts.handshakeMs;
      try {
        while (result === null) {
          result = await reader.read((buf) => (buf.length === 0 ? null : { value: parser.feed(Buffer.from(buf)), used: buf.length }), {
            timeoutMs: Math.max(1, end - Date.now()),
            budget: this.budget,
            timeoutVerdict: 'handshake-timeout',
            what: 'risposta al ClientHello',
            maxBytes: Infinity,
          });
        }
      } catch (e) {
        const partial = parser.partial();
        if (partial) return partial;
        if (e instanceof ProbeError && (e.verdict === 'connect-reset' || e.verdict === 'banner-unexpected') && reader.closed) {
          if (parser.received > 0)
            return { kind: 'not-tls', detail: `connessione chiusa a metà della risposta TLS (${parser.received} byte ricevuti)` };
          this.answered++;
          return { kind: 'closed', reset: reader.closed === 'reset' };
        }
        if (e instanceof ProbeError && e.verdict === 'handshake-timeout') throw this.silence(parser.received);
        throw e;
      }
      this.answered++;
      return result;
    } finally {
      socket.destroy();
    }
  }
}

// Reads a server's first TLS flight from raw bytes: ServerHello (or HelloRetryRequest), Alert, and
// for TLS ≤ 1.2 the plaintext Certificate message. Everything is bounded: a record longer than
// the RFC allows, or bytes that are not TLS at all, end the parse with a reason instead of waiting.
import type { KeyExchange, TlsVersionName } from './types';
import { GROUPS, HRR_RANDOM, alertName, versionName } from './tls-constants';
import { suiteName } from './cipher-suites';

/** RFC 8446 §5.1/§5.2: plaintext ≤ 2^14, ciphertext ≤ 2^14 + 256; TLS 1.2 allows + 2048. */
export const MAX_RECORD = 16384 + 2048;
/** The most we read of one first flight (a long chain fits well within it). */
export const MAX_FLIGHT = 256 * 1024;

export type FlightResult =
  | {
      kind: 'server-hello';
      version: TlsVersionName | null;
      /** Raw negotiated version code (0x0300 for SSLv3, ...). */
      versionCode: number;
      cipher: number;
      helloRetry: boolean;
      /** DER certificates when requested and the version sends them in clear (TLS ≤ 1.2). */
      certificates: Buffer[] | null;
      /**
       * The server's ephemeral key, when requested: TLS ≤ 1.2 from the ServerKeyExchange of a
       * DHE/ECDHE suite (prime size, named curve), TLS 1.3 from the ServerHello's key_share group.
       */
      keyExchange?: KeyExchange | null;
    }
  | { kind: 'alert'; alert: string; code: number }
  | { kind: 'not-tls'; detail: string };

/** Incremental parser: feed bytes as they arrive until it returns a result. */
export class FlightParser {
  private buf = Buffer.alloc(0);
  private hs = Buffer.alloc(0);
  private total = 0;
  private hello: Extract<FlightResult, { kind: 'server-hello' }> | null = null;

  constructor(
    private readonly wantCertificate: boolean,
    private readonly wantKeyExchange = false,
  ) {}
  private needKex = false;

  /** Bytes received so far. */
  get received(): number {
    return this.total;
  }

  /** A warning alert seen before any ServerHello (what to report if nothing follows it). */
  private warning: FlightResult | null = null;

  /** Partial result when the connection ends early (a ServerHello without its certificate, or only a warning). */
  partial(): FlightResult | null {
    return this.hello ?? this.warning;
  }

  feed(chunk: Buffer): FlightResult | null {
    this.total += chunk.length;
    this.buf = Buffer.concat([this.buf, chunk]);
    if (this.total > MAX_FLIGHT) return this.hello ?? { kind: 'not-tls', detail: `primo volo TLS oltre ${MAX_FLIGHT} byte` };
    while (this.buf.length >= 5) {
      const type = this.buf[0];
      const major = this.buf[1];
      const len = this.buf.readUInt16BE(3);
      if (![20, 21, 22, 23].includes(type) || major !== 3) return this.hello ?? { kind: 'not-tls', detail: describeGarbage(this.buf) };
      if (len > MAX_RECORD)
        return this.hello ?? { kind: 'not-tls', detail: `record TLS di ${len} byte, oltre il massimo ${MAX_RECORD} (record_overflow)` };
      if (this.buf.length < 5 + len) return null;
      const body = this.buf.subarray(5, 5 + len);
      this.buf = this.buf.subarray(5 + len);
      if (type === 21) {
        if (body.length < 2) return { kind: 'not-tls', detail: 'alert TLS troncato' };
        // RFC 5246 §7.2: a warning (level 1) other than close_notify does not end the connection:
        // an SNI server sends unrecognized_name so (RFC 6066 §3), then its ServerHello.
        if (body[0] === 1 && body[1] !== 0 && !this.hello) {
          this.warning = { kind: 'alert', alert: alertName(body[1]), code: body[1] };
          continue;
        }
        return this.hello ?? { kind: 'alert', alert: alertName(body[1]), code: body[1] };
      }
      if (type !== 22) {
        // ChangeCipherSpec (TLS 1.3 compatibility) or encrypted data: the hello is already known.
        if (this.hello) return this.hello;
        continue;
      }
      this.hs = Buffer.concat([this.hs, body]);
      const r = this.parseHandshake();
      if (r) return r;
    }
    return null;
  }

  private parseHandshake(): FlightResult | null {
    while (this.hs.length >= 4) {
      const type = this.hs[0];
      const len = this.hs.readUIntBE(1, 3);
      if (len > MAX_FLIGHT) return { kind: 'not-tls', detail: `messaggio di handshake di ${len} byte` };
      if (this.hs.length < 4 + len) return null;
      const msg = this.hs.subarray(4, 4 + len);
      this.hs = this.hs.subarray(4 + len);
      if (!this.hello) {
        if (type !== 2) return { kind: 'not-tls', detail: `atteso ServerHello, ricevuto messaggio di handshake tipo ${type}` };
        const parsed = parseServerHello(msg);
        if (parsed.kind !== 'server-hello') return parsed;
        this.hello = parsed;
        const tls12 = !parsed.helloRetry && parsed.versionCode <= 0x0303;
        const needCert = this.wantCertificate && tls12;
        this.needKex = this.wantKeyExchange && tls12 && kexKind(parsed.cipher) !== null;
        if (this.wantKeyExchange && !tls12) parsed.keyExchange ??= null;
        if (!needCert && !this.needKex) return parsed;
        continue;
      }
      if (type === 11) {
        this.hello.certificates = parseCertificateList(msg);
        if (!this.needKex) return this.hello;
        continue;
      }
      if (type === 12 && this.needKex) {
        this.hello.keyExchange = parseServerKeyExchange(msg, kexKind(this.hello.cipher));
        return this.hello;
      }
      if (type === 14) return this.hello; // ServerHelloDone: no (more) Certificate or ServerKeyExchange
    }
    return null;
  }
}

function parseServerHello(msg: Buffer): FlightResult {
  try {
    let o = 0;
    const legacyVersion = msg.readUInt16BE(o);
    o += 2;
    const random = msg.subarray(o, o + 32);
    o += 32;
    const sidLen = msg[o];
    o += 1 + sidLen;
    const cipher = msg.readUInt16BE(o);
    o += 2;
    o += 1; // compression method
    let versionCode = legacyVersion;
    let shareGroup: number | null = null;
    if (o + 2 <= msg.length) {
      const extEnd = o + 2 + msg.readUInt16BE(o);
      o += 2;
      while (o + 4 <= extEnd && o + 4 <= msg.length) {
        const t = msg.readUInt16BE(o);
        const l = msg.readUInt16BE(o + 2);
        if (t === 0x002b && l === 2) versionCode = msg.readUInt16BE(o + 4);
        // key_share: the server's share (group + key) or, in a HelloRetryRequest, the group alone.
        if (t === 0x0033 && l >= 2) shareGroup = msg.readUInt16BE(o + 4);
        o += 4 + l;
      }
    }
    if (random.length !== 32 || o > msg.length) return { kind: 'not-tls', detail: 'ServerHello troncato' };
    return {
      kind: 'server-hello',
      version: versionName(versionCode),
      versionCode,
      cipher,
      helloRetry: random.equals(HRR_RANDOM),
      certificates: null,
      ...(shareGroup !== null ? { keyExchange: groupKeyExchange(shareGroup) } : {}),
    };
  } catch {
    return { kind: 'not-tls', detail: 'ServerHello malformato' };
  }
}

function parseCertificateList(msg: Buffer): Buffer[] {
  const out: Buffer[] = [];
  try {
    const total = msg.readUIntBE(0, 3);
    let o = 3;
    const end = Math.min(msg.length, 3 + total);
    while (o + 3 <= end && out.length < 20) {
      const l = msg.readUIntBE(o, 3);
      o += 3;
      if (o + l > end) break;
      out.push(Buffer.from(msg.subarray(o, o + l)));
      o += l;
    }
  } catch {
    /* a truncated list gives what was complete */
  }
  return out;
}

/** A short, printable description of bytes that are not TLS (often a plaintext banner). */
export function describeGarbage(buf: Buffer): string {
  const head = buf.subarray(0, 48);
  const printable = head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
  if (printable) return `il server risponde in chiaro, non TLS: "${head.toString('latin1').replace(/\r?\n/g, ' ').trim()}"`;
  return `byte non TLS dal server: ${head.subarray(0, 16).toString('hex')}`;
}

/** Key exchange family of a TLS ≤ 1.2 suite with an ephemeral key, from its IANA name. */
export function kexKind(cipher: number): 'dh' | 'ecdh' | null {
  const n = suiteName(cipher);
  if (/^TLS_(DHE_|DH_anon_)/.test(n)) return 'dh';
  if (/^TLS_(ECDHE_|ECDH_anon_)/.test(n)) return 'ecdh';
  return null;
}

const CURVE_BITS: Record<string, number> = {
  secp256r1: 256,
  secp384r1: 384,
  secp521r1: 521,
  x25519: 255,
  x448: 448,
  secp256k1: 256,
  secp224r1: 224,
  brainpoolP256r1: 256,
  brainpoolP384r1: 384,
  brainpoolP512r1: 512,
  sect571r1: 571,
  sect571k1: 571,
  sect409r1: 409,
  sect409k1: 409,
  sect283r1: 283,
  sect283k1: 283,
};

function groupKeyExchange(code: number): KeyExchange {
  const name = Object.entries(GROUPS).find(([, c]) => c === code)?.[0] ?? `0x${code.toString(16).padStart(4, '0')}`;
  const ff = /^ffdhe(\d+)$/.exec(name);
  if (ff) return { kind: 'dh', bits: Number(ff[1]), group: name };
  return { kind: 'ecdh', bits: CURVE_BITS[name] ?? null, group: name };
}

/**
 * ServerKeyExchange (RFC 5246 §7.4.3, RFC 8422 §5.4): DHE starts with dh_p<1..2^16-1>, ECDHE with
 * curve_type 3 (named_curve) and the group. Anything else gives what could be read, never a throw.
 */
export function parseServerKeyExchange(msg: Buffer, kind: 'dh' | 'ecdh' | null): KeyExchange | null {
  try {
    if (kind === 'dh') {
      const len = msg.readUInt16BE(0);
      if (len === 0 || 2 + len > msg.length) return { kind: 'dh', bits: null, group: null };
      let i = 2;
      while (i < 2 + len && msg[i] === 0) i++;
      if (i === 2 + len) return { kind: 'dh', bits: 0, group: null };
      const bits = (2 + len - i - 1) * 8 + (32 - Math.clz32(msg[i]));
      return { kind: 'dh', bits, group: null };
    }
    if (kind === 'ecdh') {
      if (msg[0] !== 3 || msg.length < 3) return { kind: 'ecdh', bits: null, group: null };
      return groupKeyExchange(msg.readUInt16BE(1));
    }
  } catch {
    /* truncated: nothing readable */
  }
  return null;
}

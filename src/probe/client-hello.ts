// Builds a TLS ClientHello byte by byte (RFC 5246 §7.4.1.2, RFC 8446 §4.1.2), so the probe can ask
// a server anything — TLS 1.0 or a Windows 7 cipher list — whatever TLS library this process runs
// on (OpenSSL in Node, BoringSSL in Electron). Only the server's first flight is ever read.
import { createECDH, generateKeyPairSync, randomBytes } from 'crypto';
import { isIP } from 'net';
import type { TlsVersionName } from './types';
import { GROUPS, SIGALGS, VERSION_CODES, type GroupName, type SigalgName } from './tls-constants';

export interface HelloSpec {
  /** Versions offered; the highest ≤ 1.2 goes in client_version, 1.3 via supported_versions. */
  versions: TlsVersionName[];
  ciphers: number[];
  groups: GroupName[];
  sigalgs: SigalgName[];
  /** Host name for SNI; IP literals are never sent (RFC 6066 §3). */
  serverName?: string;
  /** Append TLS_EMPTY_RENEGOTIATION_INFO_SCSV (real clients do). */
  scsv?: boolean;
}

const u8 = (n: number) => Buffer.from([n & 0xff]);
const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const u24 = (n: number) => Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
const vec16 = (b: Buffer) => Buffer.concat([u16(b.length), b]);
const vec8 = (b: Buffer) => Buffer.concat([u8(b.length), b]);
const list16 = (ns: number[]) => Buffer.concat(ns.map(u16));
const ext = (type: number, body: Buffer) => Buffer.concat([u16(type), vec16(body)]);

// Key shares are real public keys (a server may validate the point before answering).
let cachedX25519: Buffer | null = null;
function x25519Public(): Buffer {
  if (!cachedX25519) {
    try {
      const { publicKey } = generateKeyPairSync('x25519');
      const jwk = publicKey.export({ format: 'jwk' }) as { x: string };
      cachedX25519 = Buffer.from(jwk.x.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    } catch {
      // A runtime without X25519 key export: any 32 bytes are a usable X25519 public value.
      cachedX25519 = randomBytes(32);
    }
  }
  return cachedX25519;
}
const ecdhCache = new Map<string, Buffer>();
function ecPublic(curve: 'prime256v1' | 'secp384r1' | 'secp521r1'): Buffer {
  let key = ecdhCache.get(curve);
  if (!key) {
    const ecdh = createECDH(curve);
    key = ecdh.generateKeys() as Buffer;
    ecdhCache.set(curve, key);
  }
  return key;
}

function keyShare(group: GroupName): Buffer | null {
  if (group === 'x25519') return x25519Public();
  if (group === 'secp256r1') return ecPublic('prime256v1');
  if (group === 'secp384r1') return ecPublic('secp384r1');
  if (group === 'secp521r1') return ecPublic('secp521r1');
  return null;
}

/** The complete record (content type 22) carrying one ClientHello. */
export function buildClientHello(spec: HelloSpec): Buffer {
  const has13 = spec.versions.includes('TLSv1.3');
  const legacy = spec.versions.filter((v) => v !== 'TLSv1.3').map((v) => VERSION_CODES[v]);
  const clientVersion = has13 ? 0x0303 : Math.max(...legacy);
  const ciphers = [...spec.ciphers];
  if (spec.scsv !== false) ciphers.push(0x00ff);

  const exts: Buffer[] = [];
  if (spec.serverName && isIP(spec.serverName) === 0) {
    const name = Buffer.from(spec.serverName, 'ascii');
    exts.push(ext(0x0000, vec16(Buffer.concat([u8(0), vec16(name)]))));
  }
  const groupCodes = spec.groups.map((g) => GROUPS[g]);
  if (groupCodes.length) exts.push(ext(0x000a, vec16(list16(groupCodes))));
  exts.push(ext(0x000b, vec8(u8(0)))); // ec_point_formats: uncompressed
  if (spec.sigalgs.length) exts.push(ext(0x000d, vec16(list16(spec.sigalgs.map((s) => SIGALGS[s])))));
  exts.push(ext(0xff01, vec8(Buffer.alloc(0)))); // renegotiation_info, initial handshake
  if (has13) {
    const versions = [...spec.versions].sort((a, b) => VERSION_CODES[b] - VERSION_CODES[a]).map((v) => VERSION_CODES[v]);
    exts.push(ext(0x002b, vec8(list16(versions))));
    const shares: Buffer[] = [];
    // One share: the client's first group that has a key; the server asks for another by HRR.
    for (const g of spec.groups) {
      const k = keyShare(g);
      if (k) {
        shares.push(Buffer.concat([u16(GROUPS[g]), vec16(k)]));
        break;
      }
    }
    exts.push(ext(0x0033, vec16(Buffer.concat(shares))));
    exts.push(ext(0x002d, vec8(u8(1)))); // psk_key_exchange_modes: psk_dhe_ke (required with key_share)
  }
  const sessionId = has13 ? randomBytes(32) : Buffer.alloc(0); // TLS 1.3 middlebox compatibility
  const bodyWithoutPadding = () =>
    Buffer.concat([u16(clientVersion), randomBytes(32), vec8(sessionId), vec16(list16(ciphers)), vec8(u8(0)), vec16(Buffer.concat(exts))]);
  let body = bodyWithoutPadding();
  // Some middleboxes hang on ClientHellos of 256-511 bytes; pad past it (RFC 7685).
  if (body.length + 4 >= 256 && body.length + 4 < 512) {
    const padLen = Math.max(1, 512 - (body.length + 4) - 4);
    exts.push(ext(0x0015, Buffer.alloc(padLen)));
    body = bodyWithoutPadding();
  }
  const handshake = Buffer.concat([u8(1), u24(body.length), body]);
  // Record version 0x0301 for every hello: what real clients send, accepted by old servers.
  return Buffer.concat([u8(22), u16(0x0301), u16(handshake.length), handshake]);
}

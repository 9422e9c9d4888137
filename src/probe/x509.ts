// The few X.509 extensions path validation needs that Node 16's X509Certificate does not expose:
// basic constraints with its path length, key usage bits, and whether a subjectAltName extension is
// present at all (RFC 5280 §4.2.1.9, §4.2.1.3, §4.2.1.6). A bounded DER walk: anything malformed
// reads as "absent", never as a throw.

/** One DER element: tag, where its content starts, and its length. */
interface Tlv {
  tag: number;
  body: number;
  len: number;
}

function tlv(der: Buffer, o: number): Tlv | null {
  if (o + 2 > der.length) return null;
  const tag = der[o];
  const b = der[o + 1];
  if (b < 0x80) return o + 2 + b <= der.length ? { tag, body: o + 2, len: b } : null;
  const n = b & 0x7f;
  if (n === 0 || n > 4 || o + 2 + n > der.length) return null;
  const len = der.readUIntBE(o + 2, n);
  return o + 2 + n + len <= der.length ? { tag, body: o + 2 + n, len } : null;
}

/** Children of a constructed element. */
function children(der: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let o = parent.body;
  const end = parent.body + parent.len;
  while (o < end && out.length < 64) {
    const t = tlv(der, o);
    if (!t || t.body + t.len > end) break;
    out.push(t);
    o = t.body + t.len;
  }
  return out;
}

function oid(der: Buffer, t: Tlv): string {
  return oidText(der.subarray(t.body, t.body + t.len));
}

/** The dotted text of an OBJECT IDENTIFIER's content bytes ("1.2.840.113549.1.1.11"). */
export function oidText(bytes: Buffer): string {
  if (bytes.length === 0) return '';
  const parts = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let v = 0;
  for (let i = 1; i < bytes.length; i++) {
    v = v * 128 + (bytes[i] & 0x7f);
    if (!(bytes[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

export interface Extensions {
  /** basicConstraints: null when the extension is absent. */
  basicConstraints: { ca: boolean; pathLen: number | null } | null;
  /** keyUsage bit names (RFC 5280 order); null when absent (any use allowed). */
  keyUsage: string[] | null;
  /** Whether a subjectAltName extension is present (then the CN is never a host name, RFC 6125 §6.4.4). */
  hasSan: boolean;
}

const KEY_USAGE = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

function readBasicConstraints(der: Buffer, value: Tlv): Extensions['basicConstraints'] {
  const seq = tlv(der, value.body);
  if (!seq || seq.tag !== 0x30) return { ca: false, pathLen: null };
  let ca = false;
  let pathLen: number | null = null;
  for (const c of children(der, seq)) {
    if (c.tag === 0x01 && c.len === 1) ca = der[c.body] !== 0;
    if (c.tag === 0x02 && c.len >= 1 && c.len <= 4) pathLen = der.readUIntBE(c.body, c.len);
  }
  return { ca, pathLen };
}

function readKeyUsage(der: Buffer, value: Tlv): string[] {
  const bits = tlv(der, value.body);
  if (!bits || bits.tag !== 0x03 || bits.len < 2) return [];
  const out: string[] = [];
  for (let i = 0; i < KEY_USAGE.length; i++) {
    const byte = 1 + Math.floor(i / 8);
    if (byte < bits.len && der[bits.body + byte] & (0x80 >> (i % 8))) out.push(KEY_USAGE[i]);
  }
  return out;
}

/** The extensions of a DER certificate that path validation and the per-client rules read. */
export function readExtensions(der: Buffer): Extensions {
  const out: Extensions = { basicConstraints: null, keyUsage: null, hasSan: false };
  const cert = tlv(der, 0);
  const tbs = cert && tlv(der, cert.body);
  if (!tbs) return out;
  const exts = children(der, tbs).find((c) => c.tag === 0xa3);
  const list = exts && tlv(der, exts.body);
  if (!list) return out;
  for (const e of children(der, list)) {
    const parts = children(der, e);
    if (parts.length < 2 || parts[0].tag !== 0x06) continue;
    const value = parts[parts.length - 1];
    if (value.tag !== 0x04) continue;
    const id = oid(der, parts[0]);
    if (id === '2.5.29.19') out.basicConstraints = readBasicConstraints(der, value);
    else if (id === '2.5.29.15') out.keyUsage = readKeyUsage(der, value);
    else if (id === '2.5.29.17') out.hasSan = true;
  }
  return out;
}

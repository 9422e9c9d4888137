// A small reader for binary property lists ("bplist00"), the format Apple Mail writes
// Accounts.plist in on recent macOS. `plutil` would convert it, but it exists only on macOS and a
// recorded Mac is judged on Linux too, so the format is read here. Layout (Apple's CFBinaryPList.c,
// public in CoreFoundation's open-source release): 8-byte header, objects, an offset table, and a
// 32-byte trailer (offset size, reference size, object count, top object, offset-table offset).
// Every offset and length is bounds-checked; nesting is bounded and a reference cycle is an
// error, so a hostile file gives a PlistError, never a hang or a crash.
import type { PlistValue } from '../inventory/plist';
import { PlistError } from '../inventory/plist';

const MAX_DEPTH = 64;
const MAX_OBJECTS = 1_000_000;

export function isBinaryPlist(data: Uint8Array): boolean {
  return data.length >= 8 && Buffer.from(data.subarray(0, 8)).toString('latin1') === 'bplist00';
}

/** Where the objects are: from the 32-byte trailer, every size and offset checked. */
interface Layout {
  buf: Buffer;
  offsetSize: number;
  refSize: number;
  count: number;
  tableAt: number;
  /** Containers being read: a reference back into one of them is a cycle. */
  visiting: Set<number>;
}

function layoutOf(buf: Buffer): { layout: Layout; top: number } {
  if (!isBinaryPlist(buf)) throw new PlistError('not a binary plist (no bplist00 header)');
  if (buf.length < 8 + 32) throw new PlistError('binary plist too short');
  const trailer = buf.length - 32;
  const offsetSize = buf[trailer + 6];
  const refSize = buf[trailer + 7];
  const count = readUInt(buf, trailer + 8, 8);
  const top = readUInt(buf, trailer + 16, 8);
  const tableAt = readUInt(buf, trailer + 24, 8);
  if (![1, 2, 4, 8].includes(offsetSize) || ![1, 2, 4, 8].includes(refSize)) throw new PlistError('binary plist: bad trailer sizes');
  if (count === 0 || count > MAX_OBJECTS || top >= count) throw new PlistError('binary plist: bad object count');
  if (tableAt < 8 || tableAt + count * offsetSize > trailer) throw new PlistError('binary plist: offset table out of range');
  return { layout: { buf, offsetSize, refSize, count, tableAt, visiting: new Set() }, top };
}

export function parseBinaryPlist(input: Uint8Array): PlistValue {
  const { layout, top } = layoutOf(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  return readObject(layout, top, 0);
}

function offsetOf(l: Layout, ref: number): number {
  if (ref >= l.count) throw new PlistError(`binary plist: reference ${ref} out of range`);
  const at = readUInt(l.buf, l.tableAt + ref * l.offsetSize, l.offsetSize);
  if (at < 8 || at >= l.tableAt) throw new PlistError('binary plist: object offset out of range');
  return at;
}

function need(l: Layout, at: number, n: number): void {
  if (at + n > l.tableAt || n < 0) throw new PlistError('binary plist: object runs past its data');
}

/** Length from the marker's low nibble, or from the int object that follows (0xF). */
function lengthAt(l: Layout, at: number, info: number): { length: number; start: number } {
  if (info !== 0xf) return { length: info, start: at + 1 };
  need(l, at + 1, 1);
  const m = l.buf[at + 1];
  if (m >> 4 !== 0x1) throw new PlistError('binary plist: bad length marker');
  const n = 1 << (m & 0xf);
  need(l, at + 2, n);
  return { length: readUInt(l.buf, at + 2, n), start: at + 2 + n };
}

function readObject(l: Layout, ref: number, depth: number): PlistValue {
  if (depth > MAX_DEPTH) throw new PlistError('binary plist: nested too deeply');
  if (l.visiting.has(ref)) throw new PlistError('binary plist: reference cycle');
  const at = offsetOf(l, ref);
  need(l, at, 1);
  const marker = l.buf[at];
  const type = marker >> 4;
  if (type === 0xa || type === 0xc || type === 0xd) {
    l.visiting.add(ref);
    const value = type === 0xd ? readDict(l, at, marker & 0xf, depth) : readArray(l, at, marker & 0xf, depth);
    l.visiting.delete(ref);
    return value;
  }
  return readScalar(l, at, marker);
}

function readScalar(l: Layout, at: number, marker: number): PlistValue {
  const { buf } = l;
  const type = marker >> 4;
  const info = marker & 0xf;
  switch (type) {
    case 0x0:
      return info === 0x8 ? false : info === 0x9 ? true : '';
    case 0x1: {
      const n = 1 << info;
      need(l, at + 1, n);
      if (n === 8) return Number(buf.readBigInt64BE(at + 1));
      if (n > 8) throw new PlistError('binary plist: integer too large');
      return readUInt(buf, at + 1, n);
    }
    case 0x2: {
      const n = 1 << info;
      need(l, at + 1, n);
      if (n === 4) return buf.readFloatBE(at + 1);
      if (n === 8) return buf.readDoubleBE(at + 1);
      throw new PlistError('binary plist: bad real size');
    }
    case 0x3:
      need(l, at + 1, 8);
      // Seconds since 2001-01-01T00:00:00Z (Core Foundation's absolute time).
      return new Date(Date.UTC(2001, 0, 1) + buf.readDoubleBE(at + 1) * 1000);
    case 0x4:
    case 0x5:
    case 0x6:
      return readBytesOrString(l, at, type, info);
    case 0x8: {
      const n = info + 1;
      need(l, at + 1, n);
      return readUInt(buf, at + 1, Math.min(n, 6));
    }
    default:
      throw new PlistError(`binary plist: unknown object type 0x${marker.toString(16)}`);
  }
}

/** Data (0x4), ASCII string (0x5) or UTF-16BE string (0x6). */
function readBytesOrString(l: Layout, at: number, type: number, info: number): PlistValue {
  const { length, start } = lengthAt(l, at, info);
  const size = type === 0x6 ? length * 2 : length;
  need(l, start, size);
  if (type === 0x4) return new Uint8Array(l.buf.subarray(start, start + size));
  if (type === 0x5) return l.buf.toString('latin1', start, start + size);
  const swapped = Buffer.from(l.buf.subarray(start, start + size));
  swapped.swap16();
  return swapped.toString('utf16le');
}

function readArray(l: Layout, at: number, info: number, depth: number): PlistValue[] {
  const { length, start } = lengthAt(l, at, info);
  need(l, start, length * l.refSize);
  const out: PlistValue[] = [];
  for (let i = 0; i < length; i++) out.push(readObject(l, readUInt(l.buf, start + i * l.refSize, l.refSize), depth + 1));
  return out;
}

function readDict(l: Layout, at: number, info: number, depth: number): { [key: string]: PlistValue } {
  const { length, start } = lengthAt(l, at, info);
  need(l, start, length * l.refSize * 2);
  const out: { [key: string]: PlistValue } = Object.create(null);
  for (let i = 0; i < length; i++) {
    const key = readObject(l, readUInt(l.buf, start + i * l.refSize, l.refSize), depth + 1);
    if (typeof key !== 'string') throw new PlistError('binary plist: dictionary key is not a string');
    out[key] = readObject(l, readUInt(l.buf, start + (length + i) * l.refSize, l.refSize), depth + 1);
  }
  return out;
}

function readUInt(buf: Buffer, at: number, size: number): number {
  if (at < 0 || at + size > buf.length) throw new PlistError('binary plist: read past the end');
  let n = 0;
  for (let i = 0; i < size; i++) n = n * 256 + buf[at + i];
  if (!Number.isSafeInteger(n)) throw new PlistError('binary plist: number too large');
  return n;
}

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

export function parseBinaryPlist(input: Uint8Array): PlistValue {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
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

  const offsetOf = (ref: number): number => {
    if (ref >= count) throw new PlistError(`binary plist: reference ${ref} out of range`);
    const at = readUInt(buf, tableAt + ref * offsetSize, offsetSize);
    if (at < 8 || at >= tableAt) throw new PlistError('binary plist: object offset out of range');
    return at;
  };

  const need = (at: number, n: number) => {
    if (at + n > tableAt || n < 0) throw new PlistError('binary plist: object runs past its data');
  };

  /** Length from the marker's low nibble, or from the int object that follows (0xF). */
  const lengthAt = (at: number, info: number): { length: number; start: number } => {
    if (info !== 0xf) return { length: info, start: at + 1 };
    need(at + 1, 1);
    const m = buf[at + 1];
    if (m >> 4 !== 0x1) throw new PlistError('binary plist: bad length marker');
    const n = 1 << (m & 0xf);
    need(at + 2, n);
    return { length: readUInt(buf, at + 2, n), start: at + 2 + n };
  };

  const visiting = new Set<number>();
  const read = (ref: number, depth: number): PlistValue => {
    if (depth > MAX_DEPTH) throw new PlistError('binary plist: nested too deeply');
    if (visiting.has(ref)) throw new PlistError('binary plist: reference cycle');
    const at = offsetOf(ref);
    need(at, 1);
    const marker = buf[at];
    const type = marker >> 4;
    const info = marker & 0xf;
    switch (type) {
      case 0x0:
        if (info === 0x8) return false;
        if (info === 0x9) return true;
        return '';
      case 0x1: {
        const n = 1 << info;
        need(at + 1, n);
        if (n === 8) return Number(buf.readBigInt64BE(at + 1));
        if (n > 8) throw new PlistError('binary plist: integer too large');
        return readUInt(buf, at + 1, n);
      }
      case 0x2: {
        const n = 1 << info;
        need(at + 1, n);
        if (n === 4) return buf.readFloatBE(at + 1);
        if (n === 8) return buf.readDoubleBE(at + 1);
        throw new PlistError('binary plist: bad real size');
      }
      case 0x3: {
        need(at + 1, 8);
        // Seconds since 2001-01-01T00:00:00Z (Core Foundation's absolute time).
        return new Date(Date.UTC(2001, 0, 1) + buf.readDoubleBE(at + 1) * 1000);
      }
      case 0x4: {
        const { length, start } = lengthAt(at, info);
        need(start, length);
        return new Uint8Array(buf.subarray(start, start + length));
      }
      case 0x5: {
        const { length, start } = lengthAt(at, info);
        need(start, length);
        return buf.toString('latin1', start, start + length);
      }
      case 0x6: {
        const { length, start } = lengthAt(at, info);
        need(start, length * 2);
        const swapped = Buffer.from(buf.subarray(start, start + length * 2));
        swapped.swap16();
        return swapped.toString('utf16le');
      }
      case 0x8: {
        const n = info + 1;
        need(at + 1, n);
        return readUInt(buf, at + 1, Math.min(n, 6));
      }
      case 0xa:
      case 0xc: {
        const { length, start } = lengthAt(at, info);
        need(start, length * refSize);
        visiting.add(ref);
        const out: PlistValue[] = [];
        for (let i = 0; i < length; i++) out.push(read(readUInt(buf, start + i * refSize, refSize), depth + 1));
        visiting.delete(ref);
        return out;
      }
      case 0xd: {
        const { length, start } = lengthAt(at, info);
        need(start, length * refSize * 2);
        visiting.add(ref);
        const out: { [key: string]: PlistValue } = Object.create(null);
        for (let i = 0; i < length; i++) {
          const key = read(readUInt(buf, start + i * refSize, refSize), depth + 1);
          if (typeof key !== 'string') throw new PlistError('binary plist: dictionary key is not a string');
          out[key] = read(readUInt(buf, start + (length + i) * refSize, refSize), depth + 1);
        }
        visiting.delete(ref);
        return out;
      }
      default:
        throw new PlistError(`binary plist: unknown object type 0x${marker.toString(16)}`);
    }
  };
  return read(top, 0);
}

function readUInt(buf: Buffer, at: number, size: number): number {
  if (at < 0 || at + size > buf.length) throw new PlistError('binary plist: read past the end');
  let n = 0;
  for (let i = 0; i < size; i++) n = n * 256 + buf[at + i];
  if (!Number.isSafeInteger(n)) throw new PlistError('binary plist: number too large');
  return n;
}

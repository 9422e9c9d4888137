// Decoding the bytes that Windows console programs (reg.exe, wmic, cmd) write to a pipe.
// When their output is redirected they write in the console's OEM code page, which on Italian
// (and most Western European) Windows is code page 850; `chcp 65001` machines write UTF-8.
// Node's TextDecoder has no cp850, so the upper half of the table is written out here.

// Code page 850, bytes 0x80..0xFF (IBM/Microsoft cp850 table, as published by Unicode.org
// in MAPPINGS/VENDORS/MICSFT/PC/CP850.TXT).
const CP850_HIGH =
  '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5' +
  '\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00f8\u00a3\u00d8\u00d7\u0192' +
  '\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u00ae\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb' +
  '\u2591\u2592\u2593\u2502\u2524\u00c1\u00c2\u00c0\u00a9\u2563\u2551\u2557\u255d\u00a2\u00a5\u2510' +
  '\u2514\u2534\u252c\u251c\u2500\u253c\u00e3\u00c3\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u00a4' +
  '\u00f0\u00d0\u00ca\u00cb\u00c8\u0131\u00cd\u00ce\u00cf\u2518\u250c\u2588\u2584\u00a6\u00cc\u2580' +
  '\u00d3\u00df\u00d4\u00d2\u00f5\u00d5\u00b5\u00fe\u00de\u00da\u00db\u00d9\u00fd\u00dd\u00af\u00b4' +
  '\u00ad\u00b1\u2017\u00be\u00b6\u00a7\u00f7\u00b8\u00b0\u00a8\u00b7\u00b9\u00b3\u00b2\u25a0\u00a0';

/** Bytes in code page 850 to text. */
export function decodeCp850(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out += b < 0x80 ? String.fromCharCode(b) : CP850_HIGH[b - 0x80];
  }
  return out;
}

/** True when the bytes are well-formed UTF-8 and contain at least one multi-byte sequence. */
function isUtf8WithNonAscii(bytes: Uint8Array): boolean {
  let multi = false;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return false;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false;
    multi = true;
    i += len;
  }
  return multi;
}

/**
 * Console output to text. Pure ASCII is the same in every code page. Otherwise: well-formed
 * UTF-8 with multi-byte sequences is taken as UTF-8 (a `chcp 65001` console, or a file), since
 * cp850 text with accents is almost never valid UTF-8 by accident ("à" = 0x85 alone is not);
 * everything else is decoded as cp850, the OEM code page of Italian Windows.
 */
export function decodeConsole(bytes: Uint8Array): string {
  if (looksUtf16le(bytes)) return decodeUtf16le(bytes);
  if (isUtf8WithNonAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return decodeCp850(bytes);
}

/**
 * Some tools (wmic on some Windows builds, PowerShell with a Unicode console) write UTF-16LE:
 * mostly-ASCII text then has a NUL in (nearly) every odd byte and almost none in even bytes.
 */
function looksUtf16le(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  if (bytes.length < 4 || bytes.length % 2 !== 0) return false;
  let oddNul = 0;
  let evenNul = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2) oddNul++;
    else evenNul++;
  }
  const pairs = bytes.length / 2;
  return oddNul >= pairs * 0.9 && evenNul <= pairs * 0.05;
}

/** UTF-16LE bytes (with or without BOM) to text: the encoding of `reg export` files and PowerShell redirects. */
export function decodeUtf16le(bytes: Uint8Array): string {
  let start = 0;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) start = 2;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).toString('utf16le');
}

/** Text of a recorded file whatever it was saved as: UTF-16LE with BOM, UTF-8 (with or without BOM), else cp850. */
export function decodeRecorded(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16le(bytes);
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeConsole(bytes.subarray(3));
  return decodeConsole(bytes);
}

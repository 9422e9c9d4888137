// The undo file of a repair, and the strict reader of one given back to `repair --undo`.
// Same format as the .reg files `fix-reg` writes: "Windows Registry Editor Version 5.00",
// UTF-16LE with BOM, CRLF line ends, `"Name"=dword:xxxxxxxx`, `"Name"=-` to delete a value the
// machine did not have. The reader accepts only what this writer can produce: keys from the
// closed FIX_KEYS list, DWORD or delete lines, nothing else (a .reg is code for regedit: a file
// edited to point elsewhere must be refused, not half-applied).
import { FIX_KEYS, isDword, type FixKeyId, type FixValueName } from '../fix/registry-fix';
import type { Text } from '../util/text';
import { text } from '../util/text';

export interface RegAssignment {
  key: FixKeyId;
  name: FixValueName;
  /** The DWORD to write, or null: delete the value. */
  value: number | null;
}

const HEADER = 'Windows Registry Editor Version 5.00';
const NAMES: readonly FixValueName[] = ['Enabled', 'DisabledByDefault', 'DefaultSecureProtocols'];

const dword = (n: number) => `dword:${(n >>> 0).toString(16).padStart(8, '0')}`;

/** The file's lines (comments first, then one block per key in FIX_KEYS order). */
export function regLines(values: readonly RegAssignment[], comments: readonly string[] = []): string[] {
  const lines = [HEADER, '', ...comments.map((c) => `; ${c.replace(/[\r\n]+/g, ' ')}`)];
  if (comments.length) lines.push('');
  for (const id of Object.keys(FIX_KEYS) as FixKeyId[]) {
    const mine = values.filter((v) => v.key === id);
    if (mine.length === 0) continue;
    lines.push(`[${FIX_KEYS[id]}]`);
    for (const v of mine) lines.push(`"${v.name}"=${v.value === null ? '-' : dword(v.value)}`);
    lines.push('');
  }
  return lines;
}

/** UTF-16LE with BOM and CRLF, as regedit writes and `fix-reg` does. */
export function regFileBytes(lines: readonly string[]): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf16le')]);
}

export class UndoFileError extends Error {
  override name = 'UndoFileError';
  constructor(
    readonly text: Text,
    readonly line: number | null,
  ) {
    super(text.en);
  }
}

/** Bytes of a .reg (UTF-16LE with BOM, or UTF-8 with or without BOM) → its text. */
function decode(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  return b.toString('utf8');
}

/**
 * The assignments of an undo file; throws UndoFileError on anything this app would not have
 * written: another header, a key outside FIX_KEYS, a deleted key, a value name we never touch,
 * data that is not a DWORD or a delete, a line continuation, a value twice.
 */
export function parseUndoFile(bytes: Uint8Array): RegAssignment[] {
  if (bytes.byteLength > 64 * 1024)
    throw new UndoFileError(
      text('Il file è troppo grande per essere un file di annullamento.', 'The file is too large to be an undo file.'),
      null,
    );
  const lines = decode(bytes).split(/\r?\n/);
  const byPath = new Map(Object.entries(FIX_KEYS).map(([id, p]) => [p.toLowerCase(), id as FixKeyId]));
  const out: RegAssignment[] = [];
  let key: FixKeyId | null = null;
  let sawHeader = false;
  const refuse = (n: number, it: string, en: string): never => {
    throw new UndoFileError(text(`Riga ${n}: ${it}`, `Line ${n}: ${en}`), n);
  };
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith(';')) return;
    if (!sawHeader) {
      if (line !== HEADER) refuse(n, 'non è un file .reg di Windows (intestazione mancante).', 'not a Windows .reg file (header missing).');
      sawHeader = true;
      return;
    }
    if (line.endsWith('\\')) refuse(n, 'righe spezzate non ammesse.', 'continued lines are not accepted.');
    const k = /^\[(.+)\]$/.exec(line);
    if (k) {
      if (k[1].startsWith('-')) refuse(n, 'un file di annullamento non cancella chiavi.', 'an undo file never deletes keys.');
      const id = byPath.get(k[1].toLowerCase());
      if (!id) refuse(n, 'chiave non prevista dalla riparazione.', 'a key the repair never touches.');
      key = id as FixKeyId;
      return;
    }
    const v = /^"([^"\\]+)"=(-|dword:([0-9a-fA-F]{8}))$/.exec(line);
    if (!v) refuse(n, 'solo valori DWORD o cancellazioni di valore sono ammessi.', 'only DWORD values or value deletions are accepted.');
    const m = v as RegExpExecArray;
    if (key === null) refuse(n, 'valore fuori da una chiave.', 'a value outside a key.');
    const name = NAMES.find((x) => x.toLowerCase() === m[1].toLowerCase());
    if (!name)
      refuse(
        n,
        `valore "${m[1].replace(/[^\x20-\x7e]/g, '?')}" non previsto.`,
        `value "${m[1].replace(/[^\x20-\x7e]/g, '?')}" not expected.`,
      );
    const ok = (key === 'schannelTls12Client') === (name !== 'DefaultSecureProtocols');
    if (!ok) refuse(n, 'valore non previsto in questa chiave.', 'value not expected under this key.');
    if (out.some((o) => o.key === key && o.name === name)) refuse(n, 'valore ripetuto.', 'value repeated.');
    const value = m[3] === undefined ? null : parseInt(m[3], 16);
    if (value !== null && !isDword(value)) refuse(n, 'valore fuori intervallo.', 'value out of range.');
    out.push({ key: key as FixKeyId, name: name as FixValueName, value });
  });
  if (!sawHeader) throw new UndoFileError(text('Il file è vuoto.', 'The file is empty.'), null);
  if (out.length === 0)
    throw new UndoFileError(text('Il file non contiene valori da ripristinare.', 'The file holds no value to restore.'), null);
  return out;
}

// Windows registry reads through reg.exe (no native module: the same code runs in Electron 22
// on Windows 7 and in plain Node), plus a recorded source that answers from saved reg.exe
// output, so every parser is tested on text exactly as Windows prints it.
//
// reg.exe output (`reg query <key> [/s]`), CRLF line ends:
//   <blank>
//   HKEY_LOCAL_MACHINE\SOFTWARE\Key            <- key header (full hive name)
//       Name    REG_SZ    data                 <- 4 spaces, name, 4 spaces, type, 4 spaces, data
//       (Default)    REG_SZ    data           <- "(Predefinito)" on Italian Windows
//   <blank>
//   HKEY_LOCAL_MACHINE\SOFTWARE\Key\Sub        <- without /s: the direct subkeys, one per line
// With /s every key below is printed as a header followed by its values and a blank line.
// DWORD/QWORD data is 0x-hex, BINARY/NONE is hex without spaces, MULTI_SZ is joined with the
// two characters "\0". Errors go to stderr ("ERROR: ..." / "ERRORE: ...") with exit code 1.
//
// Windows XP / Server 2003 (reg.exe 3.0) print another layout, both accepted here:
//   <blank>
//   ! REG.EXE VERSION 3.0                      <- banner line (Microsoft's own PowerShell docs
//   <blank>                                       "Working with registry entries" show it)
//   HKEY_LOCAL_MACHINE\SOFTWARE\Key
//       Name<TAB>REG_SZ<TAB>data               <- tabs between the fields (the docs' sample is
//       <NO NAME><TAB>REG_SZ<TAB>data             tab-aligned at 8 columns), "<NO NAME>" for the
//                                                 unnamed value (any display language)
// and some captures have a blank line between a key's header and its values: a value line after
// a blank line still belongs to the last header printed. Copied captures often have those tabs
// turned into spaces (8-column stops: a single space where a name reaches a stop); such lines are
// split on any run of blanks instead of being dropped.
//
// Encoding: piped reg.exe output is in the console's OEM code page (cp850 on Italian Windows);
// see encoding.ts (`decodeConsole`): valid UTF-8 is kept as UTF-8, anything else is cp850.
import * as fs from 'fs';
import * as path from 'path';
import { exec as realExec, type Exec } from './exec';
import { decodeRecorded } from './encoding';

export type RegType = 'REG_SZ' | 'REG_EXPAND_SZ' | 'REG_MULTI_SZ' | 'REG_DWORD' | 'REG_QWORD' | 'REG_BINARY' | 'REG_NONE';

export interface RegValue {
  /** '' for the (Default) value. */
  name: string;
  type: RegType;
  /** Data text exactly as reg.exe printed it. */
  raw: string;
  /** SZ/EXPAND_SZ: string; MULTI_SZ: string[]; DWORD/QWORD: number; BINARY/NONE: bytes. */
  value: string | string[] | number | Uint8Array;
}

export interface RegKey {
  /** Full path as reg.exe prints it, e.g. HKEY_CURRENT_USER\Software\... */
  path: string;
  values: RegValue[];
}

export type RegistryErrorReason = 'denied' | 'failed' | 'timeout' | 'unavailable' | 'bad-output';

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly reason: RegistryErrorReason,
    readonly path: string,
    /** What reg.exe printed, for evidence. */
    readonly raw: string = '',
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface Registry {
  /** One key's values and its direct subkey paths; null when the key does not exist. */
  readKey(path: string, view?: 64 | 32): Promise<{ key: RegKey; subkeys: string[] } | null>;
  /** A key and every key below it (reg query /s); [] when it does not exist. */
  readTree(path: string, view?: 64 | 32): Promise<RegKey[]>;
}

// ---------------------------------------------------------------------------------------------
// Paths

const HIVES: Record<string, string> = {
  HKLM: 'HKEY_LOCAL_MACHINE',
  HKCU: 'HKEY_CURRENT_USER',
  HKCR: 'HKEY_CLASSES_ROOT',
  HKU: 'HKEY_USERS',
  HKCC: 'HKEY_CURRENT_CONFIG',
};

/** `HKLM\Software\X\` → `HKEY_LOCAL_MACHINE\Software\X` (long hive name, no trailing backslash). */
export function normalizeRegPath(p: string): string {
  const trimmed = p.trim().replace(/\\+$/, '');
  const i = trimmed.indexOf('\\');
  const hive = (i < 0 ? trimmed : trimmed.slice(0, i)).toUpperCase();
  const rest = i < 0 ? '' : trimmed.slice(i);
  return (HIVES[hive] ?? hive) + rest;
}

/** Case-insensitive identity of a path (the registry ignores case). */
export function regPathKey(p: string): string {
  return normalizeRegPath(p).toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Parsing

// Field separator: 4 spaces (Vista and later) or a tab (XP's reg.exe 3.0); data may be empty.
const VALUE_LINE = /^(?: {4}|\t)(.*?)(?: {4}|\t)(REG_[A-Z0-9_]+)(?:(?: {4}|\t)(.*))?$/;
// XP output whose tabs became spaces (copied from a console or a mail: expanded to 8-column stops,
// so one or more spaces between fields): any run of blanks separates the three fields.
const LOOSE_VALUE_LINE = /^[ \t]+(\S.*?)[ \t]+(REG_[A-Z0-9_]+)(?:[ \t]+(.*?))?[ \t]*$/;

/** A value line's name, type and data; the strict layout first, then the blank-separated one. */
export function splitValueLine(line: string): { name: string; type: string; data: string } | null {
  const m = VALUE_LINE.exec(line);
  // A name ending in blanks means the separator was not exactly 4 spaces / a tab: read it loosely.
  if (m && !/[ \t]$/.test(m[1]) && !/^[ \t]/.test(m[1])) return { name: m[1], type: m[2], data: m[3] ?? '' };
  const l = LOOSE_VALUE_LINE.exec(line);
  return l ? { name: l[1], type: l[2], data: l[3] ?? '' } : null;
}
/** XP's banner, e.g. "! REG.EXE VERSION 3.0": carries no data. */
const XP_BANNER = /^! REG\.EXE VERSION \d/i;
/** Names reg.exe prints for the unnamed value, by Windows display language ("<NO NAME>": XP). */
const DEFAULT_NAMES = new Set([
  '<no name>',
  '(default)',
  '(predefinito)',
  '(standard)',
  '(par défaut)',
  '(predeterminado)',
  '(padrão)',
  '(standaard)',
]);
/** Data reg.exe prints for an unnamed value that is not set (`reg query /ve`). */
const NOT_SET = new Set(['(value not set)', '(valore non impostato)', '(wert nicht festgelegt)', '(valeur non définie)']);
const KNOWN_TYPES = new Set<RegType>(['REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_DWORD', 'REG_QWORD', 'REG_BINARY', 'REG_NONE']);

function hexBytes(raw: string): Uint8Array | null {
  const s = raw.trim();
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) return null;
  return Uint8Array.from(Buffer.from(s, 'hex'));
}

/** One value line's data to its typed value; null when the data does not fit the type. */
export function decodeRegData(type: RegType, raw: string): RegValue['value'] | null {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return raw;
    case 'REG_MULTI_SZ': {
      if (raw === '') return [];
      const parts = raw.split('\\0');
      while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
      return parts;
    }
    case 'REG_DWORD':
    case 'REG_QWORD': {
      const m = /^0x([0-9a-fA-F]+)$/.exec(raw.trim());
      if (!m) return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : null;
      return Number(BigInt('0x' + m[1]));
    }
    case 'REG_BINARY':
    case 'REG_NONE':
      return hexBytes(raw);
  }
}

/**
 * Parses `reg query` output. `keys`: every key printed with a header of its own (with /s: all
 * of them). `subkeys`: without /s, the direct subkeys listed after the queried key.
 * For output without /s pass the queried path to tell the two apart exactly (a key without
 * values is not printed at all, only its subkeys). Without it, a header followed by values or
 * standing alone between blank lines is a key, and a run of bare header lines is subkeys.
 */
export function parseRegQuery(output: string, queried?: string): { keys: RegKey[]; subkeys: string[] } {
  const lines = output.replace(/^\uFEFF/, '').split(/\r?\n/);
  type Block = { headers: { path: string; values: RegValue[] }[] };
  const blocks: Block[] = [];
  let block: Block | null = null;
  let lastBlock: Block | null = null;
  for (const rawLine of lines) {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '' || XP_BANNER.test(line.trim())) {
      block = null;
      continue;
    }
    if (line.startsWith('    ') || line.startsWith('\t')) {
      // A value after a blank line (XP): it belongs to the last key header printed.
      if (!block && lastBlock) block = lastBlock;
      const current = block?.headers[block.headers.length - 1];
      const m = splitValueLine(line);
      if (!current || !m) continue; // a continuation or noise line: nothing we can attach
      let name = m.name;
      if (DEFAULT_NAMES.has(name.toLowerCase())) name = '';
      const data = m.data;
      if (name === '' && NOT_SET.has(data.trim().toLowerCase())) continue;
      const printed = m.type as RegType;
      const type: RegType = KNOWN_TYPES.has(printed) ? printed : 'REG_BINARY';
      const value = decodeRegData(type, data);
      current.values.push({ name, type, raw: data, value: value ?? data });
      continue;
    }
    if (/^HKEY_[A-Z_]+(\\|$)/i.test(line)) {
      if (!block) {
        block = { headers: [] };
        blocks.push(block);
        lastBlock = block;
      }
      block.headers.push({ path: line.trimEnd(), values: [] });
    }
    // other lines ("End of search: ...", localized banners) carry no data
  }
  const keys: RegKey[] = [];
  const subkeys: string[] = [];
  if (queried !== undefined) {
    // Output of a query without /s: the queried key's header, then its direct subkeys bare.
    const q = regPathKey(queried);
    for (const h of blocks.flatMap((b) => b.headers)) {
      const k = regPathKey(h.path);
      if (k !== q && isDirectChild(q, k) && h.values.length === 0) subkeys.push(h.path);
      else keys.push(h);
    }
    return { keys, subkeys };
  }
  for (const b of blocks) {
    const bare = b.headers.length > 1 && b.headers.every((h) => h.values.length === 0);
    for (const h of b.headers) {
      if (bare) subkeys.push(h.path);
      else keys.push(h);
    }
  }
  return { keys, subkeys };
}

function isDirectChild(parentKey: string, childKey: string): boolean {
  return childKey.startsWith(parentKey + '\\') && !childKey.slice(parentKey.length + 1).includes('\\');
}
// ---------------------------------------------------------------------------------------------
// Value helpers for callers

/** Outlook stores strings in MAPI profiles as REG_BINARY UTF-16LE with a trailing NUL. */
export function utf16leString(bytes: Uint8Array): string {
  const even = bytes.length - (bytes.length % 2);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, even).toString('utf16le');
  const nul = text.indexOf('\u0000');
  return nul >= 0 ? text.slice(0, nul) : text;
}

/** A number from a DWORD/QWORD, a little-endian REG_BINARY of 1–8 bytes, or a decimal string; null otherwise. */
export function regNumber(value: RegValue | undefined | null): number | null {
  if (!value) return null;
  const v = value.value;
  if (typeof v === 'number') return v;
  if (v instanceof Uint8Array) {
    if (v.length === 0 || v.length > 8) return null;
    let n = 0;
    for (let i = v.length - 1; i >= 0; i--) n = n * 256 + v[i];
    return n;
  }
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return null;
}

/** A string from SZ/EXPAND_SZ, the first MULTI_SZ entry, or a UTF-16LE REG_BINARY; null otherwise. */
export function regString(value: RegValue | undefined | null): string | null {
  if (!value) return null;
  const v = value.value;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.join('\n');
  if (v instanceof Uint8Array) return utf16leString(v);
  return null;
}

/** The value named `name` (case-insensitive, '' = default) of a key. */
export function regValue(key: RegKey | null | undefined, name: string): RegValue | undefined {
  const n = name.toLowerCase();
  return key?.values.find((v) => v.name.toLowerCase() === n);
}

/** The lines reg.exe would print for this key (header + values): evidence that reads like the real thing. */
export function formatRegKey(key: RegKey): string {
  return [key.path, ...key.values.map((v) => `    ${v.name === '' ? '(Default)' : v.name}    ${v.type}    ${v.raw}`)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Sources

const NOT_FOUND =
  /unable to find the specified registry key|Impossibile trovare la chiave|nicht gefunden|impossible de trouver|no pudo encontrar/i;
const DENIED = /Access is denied|Accesso negato|Zugriff verweigert|Accès refusé|Acceso denegado/i;

/** What to do with a failed reg.exe run: null = the key does not exist; otherwise the error. */
export function classifyRegFailure(
  pathQueried: string,
  r: { stdout: string; stderr: string; code: number | null; error: string | null },
): RegistryError | null {
  const text = `${r.stderr}\n${r.stdout}`.trim();
  if (r.error !== null) {
    const reason: RegistryErrorReason = /timeout/.test(r.error) ? 'timeout' : /not found/.test(r.error) ? 'unavailable' : 'failed';
    return new RegistryError(`reg.exe: ${r.error}`, reason, pathQueried, text);
  }
  if (NOT_FOUND.test(text)) return null;
  if (DENIED.test(text)) return new RegistryError(`access denied: ${pathQueried}`, 'denied', pathQueried, text);
  return new RegistryError(`reg query failed (exit ${r.code}): ${text.split(/\r?\n/)[0] ?? ''}`, 'failed', pathQueried, text);
}

export interface WindowsRegistryOptions {
  exec?: Exec;
  timeoutMs?: number;
  /** reg.exe to run; default %SystemRoot%\System32\reg.exe, or "reg" when SystemRoot is unknown. */
  regExe?: string;
}

/** reg.exe through execFile, output decoded from the OEM code page. */
export function windowsRegistry(options: WindowsRegistryOptions = {}): Registry {
  const run = options.exec ?? realExec;
  const timeoutMs = options.timeoutMs ?? 15_000;
  // A 32-bit Electron on 64-bit Windows would get the redirected SysWOW64 reg.exe from System32;
  // the /reg:64 and /reg:32 switches select the view explicitly either way.
  const regExe = options.regExe ?? (process.env.SystemRoot ? path.win32.join(process.env.SystemRoot, 'System32', 'reg.exe') : 'reg');
  const query = async (p: string, view: 64 | 32 | undefined, recursive: boolean) => {
    const args = ['query', p];
    if (view) args.push(`/reg:${view}`);
    if (recursive) args.push('/s');
    const r = await run(regExe, args, { timeoutMs, encoding: 'console', maxOutputBytes: 32 * 1024 * 1024 });
    // Should reg.exe print the redirected path of a /reg:32 query, report it as it was asked.
    const out =
      view === 32 && !/\\Wow6432Node(\\|$)/i.test(p)
        ? r.stdout.replace(/^(HKEY_LOCAL_MACHINE\\SOFTWARE)\\Wow6432Node(?=\\|\r?$)/gim, '$1')
        : r.stdout;
    if (r.ok) return out;
    // /s over a tree with one unreadable subkey prints what it could and fails: keep the data.
    if (recursive && r.error === null && /^HKEY_/m.test(out) && DENIED.test(r.stderr)) return out;
    const failure = classifyRegFailure(p, r);
    if (failure) throw failure;
    return null;
  };
  return {
    async readKey(p, view) {
      const out = await query(p, view, false);
      if (out === null) return null;
      const parsed = parseRegQuery(out, p);
      const q = regPathKey(p);
      const key = parsed.keys.find((k) => regPathKey(k.path) === q) ?? { path: normalizeRegPath(p), values: [] };
      return { key, subkeys: parsed.subkeys };
    },
    async readTree(p, view) {
      const out = await query(p, view, true);
      if (out === null) return [];
      const { keys, subkeys } = parseRegQuery(out);
      const all = [...keys, ...subkeys.map((s) => ({ path: s, values: [] }))];
      const q = regPathKey(p);
      if (!all.some((k) => regPathKey(k.path) === q)) all.unshift({ path: normalizeRegPath(p), values: [] });
      return all;
    },
  };
}

/**
 * Answers from recorded reg.exe output. Layout of `dir`:
 *   dir/*.txt          output of `reg query <key> /s` (64-bit view, or the only view of a 32-bit
 *                      Windows), saved as reg.exe wrote it (cp850, UTF-8 or UTF-16LE all accepted)
 *   dir/wow32/*.txt    the same for `/reg:32` (32-bit programs on 64-bit Windows)
 *   dir/denied.txt     optional: one key path per line that answers "access denied"
 * All files are merged into one tree; a key missing from the recording does not exist.
 * File names are free; by convention they name the queried key.
 */
export function recordedRegistry(dir: string): Registry {
  type Tree = Map<string, RegKey>;
  const load = (d: string): Tree => {
    const tree: Tree = new Map();
    let names: string[] = [];
    try {
      names = fs
        .readdirSync(d)
        .filter((n) => n.toLowerCase().endsWith('.txt') && n.toLowerCase() !== 'denied.txt')
        .sort();
    } catch {
      return tree;
    }
    for (const name of names) {
      const { keys, subkeys } = parseRegQuery(decodeRecorded(fs.readFileSync(path.join(d, name))));
      for (const k of [...keys, ...subkeys.map((s) => ({ path: s, values: [] as RegValue[] }))]) {
        const id = regPathKey(k.path);
        const existing = tree.get(id);
        if (existing)
          existing.values.push(...k.values.filter((v) => !existing.values.some((e) => e.name.toLowerCase() === v.name.toLowerCase())));
        else tree.set(id, { path: k.path, values: [...k.values] });
        // Parents of a recorded key exist too (reg.exe would list them).
        let parent = id;
        let parentPath = k.path;
        while (parent.lastIndexOf('\\') > 0) {
          parent = parent.slice(0, parent.lastIndexOf('\\'));
          parentPath = parentPath.slice(0, parentPath.lastIndexOf('\\'));
          if (!tree.has(parent)) tree.set(parent, { path: parentPath, values: [] });
        }
      }
    }
    return tree;
  };
  let trees: { 64: Tree; 32: Tree | null; denied: string[] } | null = null;
  const get = () => {
    if (!trees) {
      const wowDir = path.join(dir, 'wow32');
      let denied: string[] = [];
      try {
        denied = fs
          .readFileSync(path.join(dir, 'denied.txt'), 'utf8')
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
          .map(regPathKey);
      } catch {
        denied = [];
      }
      trees = { 64: load(dir), 32: fs.existsSync(wowDir) ? load(wowDir) : null, denied };
    }
    return trees;
  };
  const treeFor = (view?: 64 | 32): Tree => {
    const t = get();
    return view === 32 && t[32] ? t[32] : t[64];
  };
  const checkDenied = (p: string) => {
    const q = regPathKey(p);
    if (get().denied.some((d) => q === d || q.startsWith(d + '\\')))
      throw new RegistryError(`access denied: ${p}`, 'denied', p, 'ERROR: Access is denied.');
  };
  return {
    async readKey(p, view) {
      checkDenied(p);
      const tree = treeFor(view);
      const q = regPathKey(p);
      const key = tree.get(q);
      if (!key) return null;
      const subkeys = [...tree.entries()].filter(([k]) => isDirectChild(q, k)).map(([, v]) => v.path);
      return { key: { path: key.path, values: [...key.values] }, subkeys };
    },
    async readTree(p, view) {
      checkDenied(p);
      const tree = treeFor(view);
      const q = regPathKey(p);
      if (!tree.has(q)) return [];
      return [...tree.entries()]
        .filter(([k]) => k === q || k.startsWith(q + '\\'))
        .map(([, v]) => ({ path: v.path, values: [...v.values] }));
    },
  };
}

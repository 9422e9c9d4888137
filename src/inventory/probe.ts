// Small readers shared by the collectors: each one reads one thing from the Source and returns
// the parsed input together with the Evidence (what was read, raw text, or why it failed).
import type { Evidence } from '../util/evidence';
import type { Source } from './source';
import type { ExecOptions, ExecResult } from '../platform/exec';
import { RegistryError, formatRegKey, normalizeRegPath, type RegKey } from '../platform/registry';

/** Raw text kept in evidence is capped: enough for a technician, not a whole registry hive. */
const MAX_RAW = 8000;

export function clip(text: string, max = MAX_RAW): string {
  const t = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return t.length > max ? t.slice(0, max) + `\n… (${t.length - max} more characters)` : t;
}

function regSource(p: string, view?: 64 | 32): string {
  return `reg query "${normalizeRegPath(p)}"${view ? ` /reg:${view}` : ''}`;
}

export interface KeyRead {
  key: RegKey | null;
  subkeys: string[];
  evidence: Evidence;
  /** Set when the key could not be read (denied, reg.exe failed); null key then means unknown, not absent. */
  error: string | null;
}

// Values never copied into evidence: the product key is encoded in DigitalProductId, and owner
// names are personal data that a report sent to a technician does not need.
const PRIVATE_VALUES =
  /^(DigitalProductId\d*|ProductId|RegisteredOwner|RegisteredOrganization|EmailName|ProxyServer|ProxyOverride|AutoConfigURL)$/i;

/** The key as reg.exe prints it, without private values and, when `only` is given, with just those values. */
export function keyEvidence(key: RegKey, only?: string[]): string {
  const keep = only?.map((n) => n.toLowerCase());
  return formatRegKey({
    path: key.path,
    values: key.values.filter((v) => !PRIVATE_VALUES.test(v.name) && (!keep || keep.includes(v.name.toLowerCase()))),
  });
}

export async function readRegKey(src: Source, p: string, view?: 64 | 32, only?: string[]): Promise<KeyRead> {
  const source = regSource(p, view);
  if (!src.registry)
    return { key: null, subkeys: [], evidence: { source, error: 'no registry on this system' }, error: 'no registry on this system' };
  try {
    const r = await src.registry.readKey(p, view);
    if (!r) return { key: null, subkeys: [], evidence: { source, raw: 'key not found' }, error: null };
    return { key: r.key, subkeys: r.subkeys, evidence: { source, raw: clip(keyEvidence(r.key, only)) }, error: null };
  } catch (err) {
    const message = err instanceof RegistryError ? `${err.reason}: ${err.message}` : (err as Error).message;
    return {
      key: null,
      subkeys: [],
      evidence: { source, raw: err instanceof RegistryError && err.raw ? clip(err.raw) : undefined, error: message },
      error: message,
    };
  }
}

export interface TreeRead {
  keys: RegKey[];
  evidence: Evidence;
  error: string | null;
}

export async function readRegTree(src: Source, p: string, view?: 64 | 32, maxRaw = MAX_RAW): Promise<TreeRead> {
  const source = regSource(p, view) + ' /s';
  if (!src.registry) return { keys: [], evidence: { source, error: 'no registry on this system' }, error: 'no registry on this system' };
  try {
    const keys = await src.registry.readTree(p, view);
    if (keys.length === 0) return { keys, evidence: { source, raw: 'key not found' }, error: null };
    return { keys, evidence: { source, raw: clip(keys.map((k) => keyEvidence(k)).join('\n\n'), maxRaw) }, error: null };
  } catch (err) {
    const message = err instanceof RegistryError ? `${err.reason}: ${err.message}` : (err as Error).message;
    return { keys: [], evidence: { source, error: message }, error: message };
  }
}

export interface CommandRun {
  result: ExecResult;
  evidence: Evidence;
}

/** Runs a command; evidence holds stdout (and stderr when there is any) or why it failed. */
export async function runCommand(src: Source, file: string, args: string[], options: ExecOptions = {}): Promise<CommandRun> {
  const result = await src.exec(file, args, { timeoutMs: 15_000, ...options });
  const parts: string[] = [];
  if (result.stdout.trim()) parts.push(result.stdout);
  if (result.stderr.trim()) parts.push(`[stderr]\n${result.stderr}`);
  const raw = parts.length ? clip(parts.join('\n')) : undefined;
  let error: string | undefined;
  if (result.error) error = result.error;
  else if (!result.ok) error = `exit code ${result.code}`;
  return { result, evidence: { source: result.command, raw, ...(error ? { error } : {}) } };
}

export interface FileText {
  text: string | null;
  bytes: Buffer | null;
  evidence: Evidence;
  missing: boolean;
}

export async function readText(src: Source, file: string, decode: (b: Buffer) => string = (b) => b.toString('utf8')): Promise<FileText> {
  const r = await src.readFile(file);
  if (!r.ok)
    return {
      text: null,
      bytes: null,
      missing: r.missing,
      evidence: r.missing ? { source: file, raw: 'file not found' } : { source: file, error: r.error },
    };
  const text = decode(r.data);
  return { text, bytes: r.data, missing: false, evidence: { source: file, raw: clip(text) } };
}

/** Collects errors while collectors run: every evidence with an error lands in inventory.errors too. */
export class ErrorLog {
  readonly errors: Evidence[] = [];
  add(...evidence: Evidence[]): void {
    for (const e of evidence) if (e.error && !this.errors.some((x) => x.source === e.source && x.error === e.error)) this.errors.push(e);
  }
}

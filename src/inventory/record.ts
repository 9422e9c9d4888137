// Records what the inventory reads on this machine into a fixture directory (the layout of
// recordedSource, docs/inventory.md), so that a technician can bring a customer's machine back
// and replay it with `pec-doctor inventory --fixture <dir>`.
// Every file goes through src/platform/safe-write.ts, created exclusively inside folders checked
// to be real folders of the recording (issue #20.5): a link that appears in the folder while the
// inventory runs (at a file's name, or in place of `commands/`) is refused, never followed, and
// its target never overwritten. A refused write is remembered and finish() fails with it.
import * as fs from 'fs';
import * as path from 'path';
import type { Source, RecordedCommand } from './source';
import { recordedFilePath } from './source';
import { ensureRealDirSync, safeWriteFileSync } from '../platform/safe-write';
import { errorMessage } from '../util/errors';
import { RegistryError, type RegKey, type Registry } from '../platform/registry';
import { keyEvidence } from './probe';
import { APP_VERSION } from '../version';

/** Environment variables the collectors use; nothing else is written. */
const ENV_KEPT = ['PROCESSOR_ARCHITECTURE', 'PROCESSOR_ARCHITEW6432', 'SystemRoot', 'ProgramFiles', 'ProgramFiles(x86)'];

/** reg.exe-style text of keys (private values left out, as in the evidence). */
function regText(keys: RegKey[], subkeys: string[] = []): string {
  const blocks = keys.map((k) => keyEvidence(k));
  return (
    ['', ...blocks.map((b) => `${b}\r\n`), ...subkeys]
      .join('\r\n')
      .replace(/\n/g, '\r\n')
      .replace(/\r\r\n/g, '\r\n') + '\r\n'
  );
}

export interface Recorder {
  source: Source;
  /** Writes machine.json and commands.json; call once, after collecting. Throws RecordingWriteError when a file was refused. */
  finish(): void;
}

/** A recording that could not be written safely (a link appeared in its folder, a disk error). */
export class RecordingWriteError extends Error {
  override name = 'RecordingWriteError';
}

/**
 * The recording folder: created if absent (its parent must exist), or an empty real folder.
 * Returns its real path, the root every write is checked against.
 */
export function prepareRecordingDir(dir: string): string {
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new RecordingWriteError(`non riesco a creare "${dir}": ${errorMessage(err)}`);
  }
  const st = fs.lstatSync(dir);
  if (!st.isDirectory()) throw new RecordingWriteError(`"${dir}" non è una cartella (o è un collegamento simbolico)`);
  if (fs.readdirSync(dir).length > 0) throw new RecordingWriteError(`la cartella "${dir}" non è vuota`);
  return fs.realpathSync(dir);
}

export function recordingSource(inner: Source, dir: string): Recorder {
  const root = prepareRecordingDir(dir);
  const commands: RecordedCommand[] = [];
  const denied: string[] = [];
  const failures: string[] = [];
  let regCount = 0;
  let fileCount = 0;
  /** One file of the recording: `rel` under the root, folders checked one by one, never replacing anything. */
  const write = (rel: string[], data: string | Buffer): boolean => {
    try {
      const folder = ensureRealDirSync(root, ...rel.slice(0, -1));
      safeWriteFileSync(path.join(folder, rel[rel.length - 1]), data, { overwrite: false });
      return true;
    } catch (err) {
      failures.push(`${rel.join('/')}: ${errorMessage(err)}`);
      return false;
    }
  };
  ensureRealDirSync(root, 'commands');
  const writeReg = (view: 64 | 32 | undefined, text: string) => {
    write([...(view === 32 ? ['registry', 'wow32'] : ['registry']), `${String(++regCount).padStart(3, '0')}.txt`], text);
  };
  const onRegError = (err: unknown, p: string) => {
    if (err instanceof RegistryError && err.reason === 'denied') denied.push(p);
    throw err;
  };
  const registry: Registry | null = inner.registry && {
    async readKey(p, view) {
      const r = await inner.registry!.readKey(p, view).catch((e: unknown) => onRegError(e, p));
      if (r) writeReg(view, regText([r.key], r.subkeys));
      return r;
    },
    async readTree(p, view) {
      const keys = await inner.registry!.readTree(p, view).catch((e: unknown) => onRegError(e, p));
      if (keys.length) writeReg(view, regText(keys));
      return keys;
    },
  };
  const source: Source = {
    ...inner,
    label: `recording ${path.basename(dir)}`,
    registry,
    async exec(file, args, options) {
      const r = await inner.exec(file, args, options);
      const entry: RecordedCommand = { argv: [file, ...args] };
      if (r.stdout.length > 2000) {
        const name = `${String(commands.length + 1).padStart(3, '0')}.txt`;
        if (write(['commands', name], r.stdout)) entry.stdoutFile = name;
      } else if (r.stdout) entry.stdout = r.stdout;
      if (r.stderr) entry.stderr = r.stderr;
      if (r.error) entry.error = r.error;
      else if (r.code !== 0) entry.code = r.code;
      // A missing program is recorded by its absence.
      if (!r.error?.startsWith('not found')) commands.push(entry);
      return r;
    },
    async readFile(file) {
      const r = await inner.readFile(file);
      if (r.ok) {
        // The path relative to the root, as recordedFilePath lays it out (no '..': it drops them).
        const rel = path.relative(root, recordedFilePath(root, file)).split(path.sep);
        if (write(rel, r.data)) fileCount++;
      }
      return r;
    },
    async osInfo() {
      try {
        const o = await inner.osInfo();
        write(['si-osinfo.json'], JSON.stringify(o, null, 2) + '\n');
        return o;
      } catch (err) {
        write(['si-osinfo.json'], JSON.stringify({ error: (err as Error).message }, null, 2) + '\n');
        throw err;
      }
    },
  };
  return {
    source,
    finish() {
      const env: Record<string, string> = {};
      for (const k of ENV_KEPT) if (inner.env[k] !== undefined) env[k] = inner.env[k]!;
      const machine = {
        platform: inner.platform,
        arch: inner.processArch,
        release: inner.release,
        homedir: inner.homedir,
        env,
        description: `recorded by PEC Doctor ${APP_VERSION} on ${inner.now().toISOString()} (${regCount} registry reads, ${commands.length} commands, ${fileCount} files)`,
      };
      write(['machine.json'], JSON.stringify(machine, null, 2) + '\n');
      write(['commands.json'], JSON.stringify(commands, null, 2) + '\n');
      if (denied.length) write(['registry', 'denied.txt'], denied.join('\r\n') + '\r\n');
      if (failures.length) {
        throw new RecordingWriteError(
          `la registrazione in "${dir}" è incompleta: ${failures.length} file non scritti (${failures.slice(0, 3).join('; ')}${failures.length > 3 ? '; …' : ''})`,
        );
      }
    },
  };
}

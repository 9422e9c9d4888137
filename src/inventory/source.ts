// Where the inventory reads from. One interface for the three kinds of evidence (commands,
// registry, files) plus what Node itself knows, with two implementations: this machine, and a
// recorded machine (a fixture directory) so that every parser runs on real recorded output.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { setMaxListeners } from 'events';
import { exec as realExec, commandLine, type Exec, type ExecOptions, type ExecResult } from '../platform/exec';
import { recordedRegistry, windowsRegistry, type Registry } from '../platform/registry';
import { decodeRecorded } from '../platform/encoding';
import { LIMITS, MB, readBounded, readBoundedSync } from '../platform/read-bounded';

export type FileRead = { ok: true; data: Buffer } | { ok: false; missing: boolean; error: string };

/** The subset of systeminformation's osInfo() we use (recorded as si-osinfo.json). */
export interface SiOsInfo {
  platform?: string;
  distro?: string;
  release?: string;
  codename?: string;
  kernel?: string;
  arch?: string;
  build?: string;
  servicepack?: string;
}

export interface Source {
  /** 'machine', or 'recording <dir>'. */
  label: string;
  /** Node's process.platform of the machine: 'win32', 'darwin', 'linux', ... */
  platform: string;
  /** os.arch() of the process (a 32-bit app on 64-bit Windows says 'ia32'). */
  processArch: string;
  /** os.release(). */
  release: string;
  env: Record<string, string | undefined>;
  homedir: string;
  now(): Date;
  exec: Exec;
  /** null off Windows. */
  registry: Registry | null;
  readFile(file: string): Promise<FileRead>;
  /** systeminformation's osInfo(); rejects when it failed. */
  osInfo(): Promise<SiOsInfo>;
}

/** Runs at most `n` external programs at a time: old machines with two cores stay usable. */
function limit(n: number, run: Exec): Exec {
  let active = 0;
  const queue: (() => void)[] = [];
  return async (file, args, options) => {
    if (active >= n) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await run(file, args, options);
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}

/** Files of the inventory: regular files of at most 8 MB (bounded, never blocking on a FIFO). */
async function readRealFile(file: string): Promise<FileRead> {
  const r = await readBounded(file, { maxBytes: 8 * MB, label: 'system file' });
  if (r.ok) return { ok: true, data: r.data };
  return { ok: false, missing: r.reason === 'missing', error: r.message };
}

/** A file of `files/`: as readRealFile, and a link that leads outside the recording is not read. */
async function readRecordedFile(root: string, file: string): Promise<FileRead> {
  const r = await readBounded(file, { maxBytes: 8 * MB, label: 'recorded file', within: root });
  if (r.ok) return { ok: true, data: r.data };
  return { ok: false, missing: r.reason === 'missing', error: r.message };
}

// Fields of osInfo() kept: serial, hostname and fqdn identify the machine and are never recorded.
function pickOsInfo(o: Record<string, unknown>): SiOsInfo {
  const out: SiOsInfo = {};
  for (const k of ['platform', 'distro', 'release', 'codename', 'kernel', 'arch', 'build', 'servicepack'] as const) {
    if (typeof o[k] === 'string') out[k] = o[k] as string;
  }
  return out;
}

/** This computer. */
export function machineSource(options: { signal?: AbortSignal } = {}): Source {
  // One listener on the caller's signal; our own signal fans out to the (many) child processes.
  const inner = new AbortController();
  setMaxListeners(200, inner.signal);
  if (options.signal?.aborted) inner.abort();
  else options.signal?.addEventListener('abort', () => inner.abort(), { once: true });
  const run = limit(4, (file, args, opts) => realExec(file, args, { signal: inner.signal, ...opts }));
  return {
    label: 'machine',
    platform: process.platform,
    processArch: os.arch(),
    release: os.release(),
    env: process.env,
    homedir: os.homedir(),
    now: () => new Date(),
    exec: run,
    registry: process.platform === 'win32' ? windowsRegistry({ exec: run }) : null,
    readFile: readRealFile,
    async osInfo() {
      // Loaded lazily: systeminformation is large, and only this path needs it.
      const si = (await import('systeminformation')) as typeof import('systeminformation');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('systeminformation osInfo(): timeout after 20 s')), 20_000);
      });
      try {
        return pickOsInfo((await Promise.race([si.osInfo(), timeout])) as unknown as Record<string, unknown>);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Recorded machines. Layout of a fixture directory (documented in docs/inventory.md):
//   machine.json     { platform, arch, release, homedir, now, env }  (what Node's os module said)
//   si-osinfo.json   systeminformation osInfo() output, or { "error": "..." } when it failed
//   commands.json    [{ argv: [...], stdout | stdoutFile, stderr?, code?, error? }]
//   commands/        files named by stdoutFile (kept as the program wrote them)
//   registry/        reg.exe query /s outputs (see platform/registry.ts recordedRegistry)
//   files/           files by absolute path: /etc/os-release -> files/etc/os-release,
//                    C:\Program Files\x -> files/C/Program Files/x
// A command that is not recorded behaves as a missing program; a file that is not recorded
// does not exist.

export interface RecordedCommand {
  argv: string[];
  stdout?: string;
  stdoutFile?: string;
  stderr?: string;
  code?: number | null;
  error?: string | null;
}

interface MachineJson {
  platform: string;
  arch: string;
  release: string;
  homedir?: string;
  now?: string;
  env?: Record<string, string>;
}

/** Command identity: program name without folder and .exe, lower case, then the arguments. */
export function commandKey(argv: string[]): string {
  const prog = (argv[0] ?? '')
    .split(/[\\/]/)
    .pop()!
    .toLowerCase()
    .replace(/\.exe$/, '');
  return [prog, ...argv.slice(1)].join('\u0000');
}

/**
 * Where a recorded file lives inside `files/`. `.` and `..` components are dropped (a homedir of
 * "../../.ssh" in machine.json stays inside `files/`): the result is always under `dir/files`.
 */
export function recordedFilePath(dir: string, file: string): string {
  const rel = /^[a-zA-Z]:[\\/]/.test(file) ? file[0].toUpperCase() + '/' + file.slice(3) : file.replace(/^\/+/, '');
  return path.join(dir, 'files', ...rel.split(/[\\/]+/).filter((part) => part !== '..' && part !== '.'));
}

/** A recorded machine that is not a closed folder (issue #20.4): the message says which path, in Italian. */
export class RecordingError extends Error {
  override name = 'RecordingError';
}

const inside = (root: string, p: string): boolean => {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** At most this many entries are looked at; real recordings have a few hundred. */
const MAX_RECORDING_ENTRIES = 20_000;

/**
 * A recorded machine is a closed folder: every symbolic link in it must lead to a place inside it
 * (after realpath), or the whole recording is refused with a sentence naming the link. Checked
 * once when the recording is opened, before anything in it is read; each read checks again.
 */
export function assertClosedRecording(dir: string): string {
  let root: string;
  try {
    root = fs.realpathSync(dir);
  } catch (err) {
    throw new RecordingError(`la cartella "${dir}" non si apre: ${(err as Error).message}`);
  }
  const pending = [root];
  let seen = 0;
  while (pending.length) {
    const folder = pending.pop() as string;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (++seen > MAX_RECORDING_ENTRIES)
        throw new RecordingError(
          `la macchina registrata in "${dir}" ha più di ${MAX_RECORDING_ENTRIES} file: non è una registrazione di PEC Doctor`,
        );
      const full = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = fs.realpathSync(full);
        } catch {
          throw new RecordingError(
            `la macchina registrata contiene un collegamento simbolico che non porta a nessun file: ${path.relative(root, full)}. Non la leggo.`,
          );
        }
        if (!inside(root, target)) {
          throw new RecordingError(
            `la macchina registrata contiene un collegamento simbolico che esce dalla sua cartella: ${path.relative(root, full)} → ${target}. Non la leggo: una registrazione deve contenere solo i propri file.`,
          );
        }
      } else if (entry.isDirectory()) pending.push(full);
    }
  }
  return root;
}

/** `file` (absolute) when it is inside `root` also after realpath; a RecordingError otherwise. */
function insideRecording(root: string, file: string, what: string): string {
  const resolved = path.resolve(file);
  let real = resolved;
  try {
    real = fs.realpathSync(resolved);
  } catch {
    // Absent: the lexical check decides, the read then says "missing".
  }
  if (!inside(root, resolved) || !inside(root, real)) {
    throw new RecordingError(`${what} indica un file fuori dalla cartella della macchina registrata (${real}): non lo leggo`);
  }
  return resolved;
}

/** A file of a recording, bounded (a FIFO or a huge file in a fixture must not hang or exhaust the CLI). */
const readRecording = (file: string): Buffer => readBoundedSync(file, { maxBytes: LIMITS.recording, label: 'recorded file' });

export function recordedSource(dir: string): Source {
  const root = assertClosedRecording(dir);
  const machine = JSON.parse(
    readRecording(insideRecording(root, path.join(root, 'machine.json'), 'machine.json')).toString('utf8'),
  ) as MachineJson;
  let commands: RecordedCommand[] = [];
  try {
    commands = JSON.parse(
      readRecording(insideRecording(root, path.join(root, 'commands.json'), 'commands.json')).toString('utf8'),
    ) as RecordedCommand[];
  } catch (err) {
    if ((err as { reason?: string }).reason !== 'missing') throw err;
  }
  if (!Array.isArray(commands)) throw new RecordingError('commands.json non è una lista di comandi');
  const commandsDir = path.join(root, 'commands');
  // Every output file named by commands.json is a file of commands/, checked before anything runs.
  for (const c of commands) {
    if (c === null || typeof c !== 'object' || !Array.isArray(c.argv)) throw new RecordingError('commands.json: un comando non ha "argv"');
    if (c.stdoutFile !== undefined) {
      const target = typeof c.stdoutFile === 'string' ? path.join(commandsDir, c.stdoutFile) : '';
      if (typeof c.stdoutFile !== 'string' || !inside(commandsDir, path.resolve(target)) || path.resolve(target) === commandsDir) {
        throw new RecordingError(
          `commands.json: "stdoutFile" deve essere un file della cartella commands/, non ${JSON.stringify(c.stdoutFile)}`,
        );
      }
      insideRecording(commandsDir, target, `commands.json ("stdoutFile": ${JSON.stringify(c.stdoutFile)})`);
    }
  }
  const byKey = new Map(commands.map((c) => [commandKey(c.argv), c]));
  const exec: Exec = async (file: string, args: string[], _options?: ExecOptions): Promise<ExecResult> => {
    const command = commandLine(file, args);
    const rec = byKey.get(commandKey([file, ...args]));
    if (!rec) return { ok: false, stdout: '', stderr: '', code: null, error: `not found: ${file}`, command };
    let stdout = rec.stdout ?? '';
    if (rec.stdoutFile) {
      try {
        stdout = decodeRecorded(readRecording(insideRecording(commandsDir, path.join(commandsDir, rec.stdoutFile), 'stdoutFile')));
      } catch (err) {
        return { ok: false, stdout: '', stderr: '', code: null, error: `recorded output unreadable: ${(err as Error).message}`, command };
      }
    }
    const code = rec.error ? null : (rec.code ?? 0);
    return { ok: code === 0 && !rec.error, stdout, stderr: rec.stderr ?? '', code, error: rec.error ?? null, command };
  };
  return {
    label: `recording ${path.basename(dir)}`,
    platform: machine.platform,
    processArch: machine.arch,
    release: machine.release,
    env: machine.env ?? {},
    homedir: machine.homedir ?? (machine.platform === 'win32' ? 'C:\\Users\\utente' : '/home/utente'),
    now: () => (machine.now ? new Date(machine.now) : new Date()),
    exec,
    registry: machine.platform === 'win32' ? recordedRegistry(path.join(root, 'registry')) : null,
    readFile: (file) => readRecordedFile(root, recordedFilePath(root, file)),
    async osInfo() {
      const file = insideRecording(root, path.join(root, 'si-osinfo.json'), 'si-osinfo.json');
      if (!fs.existsSync(file)) throw new Error('systeminformation osInfo() not recorded');
      const o = JSON.parse(readRecording(file).toString('utf8')) as Record<string, unknown>;
      if (typeof o.error === 'string') throw new Error(o.error);
      return pickOsInfo(o);
    },
  };
}

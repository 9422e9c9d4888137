// Every file PEC Doctor writes (reports, the .reg fix and its undo, the run history, a recorded
// machine) goes through here (issue #20.2/#20.5/#20.8). The attacks it closes: a link planted
// where we write (at the name itself, or at a fixed temporary name such as `<name>.partial`)
// made us overwrite the link's target; a FIFO given as the output hung the CLI for ever; a
// crash left half a report in place of a good one. So:
//  - the content goes to a fresh temporary file in the same folder, created exclusively and
//    without following links (O_CREAT|O_EXCL|O_NOFOLLOW, a random name): nothing that already
//    exists there, link or file, is ever opened for writing;
//  - then it takes the final name by an atomic rename (replace allowed) or a hard link (never
//    replaces anything: EEXIST if the name was taken meanwhile);
//  - an output that exists and is not a regular file (a FIFO, a device, a folder, a link) is
//    refused before anything is written, and never opened.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export type SafeWriteFailure = 'exists' | 'not-regular' | 'io';

/** A write that was refused or failed; `code` is the system's code when there is one (EEXIST, EACCES...). */
export class SafeWriteError extends Error {
  override name = 'SafeWriteError';
  constructor(
    readonly reason: SafeWriteFailure,
    readonly file: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface SafeWriteOptions {
  /** Replace an existing regular file (the user said so: --force, or the save dialog asked). Default false. */
  overwrite?: boolean;
  /** Permissions of a new file (default 0o644; 0o600 for private data such as the history). */
  mode?: number;
}

// Not on Windows: there CreateFile with CREATE_NEW (O_EXCL) already fails on any existing name, link included.
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const CREATE_FLAGS = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | O_NOFOLLOW;

function kindOf(st: fs.Stats): string {
  if (st.isSymbolicLink()) return 'un collegamento simbolico (symlink)';
  if (st.isFIFO()) return 'una pipe (FIFO)';
  if (st.isDirectory()) return 'una cartella';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'un dispositivo';
  if (st.isSocket()) return 'un socket';
  return 'un file speciale';
}

const codeOf = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;

/** The output as it is now: absent, or a regular file (which may be replaced only with overwrite). */
function checkTarget(file: string, overwrite: boolean, st: fs.Stats | null): void {
  if (!st) return;
  if (!st.isFile() || st.isSymbolicLink()) {
    throw new SafeWriteError('not-regular', file, `"${file}" esiste ed è ${kindOf(st)}, non un file normale: non lo sovrascrivo`);
  }
  if (!overwrite) throw new SafeWriteError('exists', file, `"${file}" esiste già`, 'EEXIST');
}

const lstatOrNull = (file: string): fs.Stats | null => {
  try {
    return fs.lstatSync(file);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return null;
    throw err;
  }
};

const lstatOrNullAsync = async (file: string): Promise<fs.Stats | null> => {
  try {
    return await fs.promises.lstat(file);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return null;
    throw err;
  }
};

const tempNameFor = (file: string): string =>
  path.join(path.dirname(file), `.${path.basename(file).slice(0, 80)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);

// Hard links are missing on some file systems (FAT USB sticks, some network shares): there the
// final name is checked again just before the rename, the best that can be done without them.
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

const wrap = (file: string, err: unknown): SafeWriteError =>
  err instanceof SafeWriteError
    ? err
    : new SafeWriteError('io', file, `non riesco a scrivere "${file}": ${(err as Error)?.message ?? String(err)}`, codeOf(err));

/** Writes `data` to `file` safely (see the header). Throws SafeWriteError. */
export function safeWriteFileSync(file: string, data: string | Uint8Array, options: SafeWriteOptions = {}): void {
  const overwrite = options.overwrite === true;
  let tmp: string | null = null;
  try {
    checkTarget(file, overwrite, lstatOrNull(file));
    tmp = tempNameFor(file);
    const fd = fs.openSync(tmp, CREATE_FLAGS, options.mode ?? 0o644);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (overwrite) {
      checkTarget(file, true, lstatOrNull(file));
      fs.renameSync(tmp, file);
      tmp = null;
      return;
    }
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      if (!NO_HARD_LINKS.has(codeOf(err) ?? '')) throw codeOf(err) === 'EEXIST' ? checkAgainSync(file) : err;
      checkTarget(file, false, lstatOrNull(file));
      fs.renameSync(tmp, file);
      tmp = null;
    }
  } catch (err) {
    throw wrap(file, err);
  } finally {
    if (tmp) fs.rmSync(tmp, { force: true });
  }
}

/** The same, asynchronous (the desktop's saves). */
export async function safeWriteFile(file: string, data: string | Uint8Array, options: SafeWriteOptions = {}): Promise<void> {
  const overwrite = options.overwrite === true;
  let tmp: string | null = null;
  try {
    checkTarget(file, overwrite, await lstatOrNullAsync(file));
    tmp = tempNameFor(file);
    const handle = await fs.promises.open(tmp, CREATE_FLAGS, options.mode ?? 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) {
      checkTarget(file, true, await lstatOrNullAsync(file));
      await fs.promises.rename(tmp, file);
      tmp = null;
      return;
    }
    try {
      await fs.promises.link(tmp, file);
    } catch (err) {
      if (!NO_HARD_LINKS.has(codeOf(err) ?? '')) throw codeOf(err) === 'EEXIST' ? checkAgainSync(file) : err;
      checkTarget(file, false, await lstatOrNullAsync(file));
      await fs.promises.rename(tmp, file);
      tmp = null;
    }
  } catch (err) {
    throw wrap(file, err);
  } finally {
    if (tmp) await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** The name was taken between the check and the link: say what is there now. */
function checkAgainSync(file: string): SafeWriteError {
  try {
    checkTarget(file, false, lstatOrNull(file));
  } catch (err) {
    if (err instanceof SafeWriteError) return err;
  }
  return new SafeWriteError('exists', file, `"${file}" esiste già`, 'EEXIST');
}

/**
 * Refuses, before a long run, an output that could never be written safely: one that exists and
 * is not a regular file (always), or exists at all (without overwrite). Returns null when fine.
 */
export function outputProblem(file: string, overwrite: boolean): SafeWriteError | null {
  try {
    checkTarget(file, overwrite, lstatOrNull(file));
    return null;
  } catch (err) {
    return wrap(file, err);
  }
}

/**
 * A folder inside `root` created (or found) as a real folder: every component from `root` down is
 * checked with lstat, so a link planted in place of `commands/` never sends our writes elsewhere.
 * `root` itself must already exist. Returns the absolute path.
 */
export function ensureRealDirSync(root: string, ...parts: string[]): string {
  let current = root;
  for (const part of parts.flatMap((p) => p.split(/[\\/]+/)).filter((p) => p !== '' && p !== '.')) {
    if (part === '..') throw new SafeWriteError('not-regular', current, `"${current}": percorso non valido (..)`);
    current = path.join(current, part);
    const st = lstatOrNull(current);
    if (!st) {
      try {
        fs.mkdirSync(current, { mode: 0o700 });
      } catch (err) {
        if (codeOf(err) !== 'EEXIST') throw wrap(current, err);
      }
      const again = fs.lstatSync(current);
      if (!again.isDirectory()) throw new SafeWriteError('not-regular', current, `"${current}" è ${kindOf(again)}, non una cartella`);
    } else if (!st.isDirectory() || st.isSymbolicLink()) {
      throw new SafeWriteError('not-regular', current, `"${current}" è ${kindOf(st)}, non una cartella: non ci scrivo`);
    }
  }
  return current;
}

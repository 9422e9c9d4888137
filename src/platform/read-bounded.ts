// Bounded file reads for everything PEC Doctor opens that someone else wrote (prefs.js,
// profiles.ini, .oeaccount files, recorded machines, saved reports). A FIFO named prefs.js used
// to hang discovery for ever, a 400 MB one took 4 GB, and a prefs.js linked to a system file
// leaked its first word into the report. Here: regular files only (checked before opening, and
// again on the open handle), opened non-blocking (opening a FIFO never waits for a writer), at
// most `maxBytes` read (a file that grows meanwhile is still cut off), symbolic links resolved
// and reported, and optionally refused when they lead outside an expected folder.
import * as fs from 'fs';
import * as path from 'path';

export type BoundedReadFailure = 'missing' | 'not-regular' | 'too-large' | 'outside' | 'unreadable';

export type BoundedRead =
  | {
      ok: true;
      data: Buffer;
      /** Where a symbolic link led (absolute, resolved), or null when the path was not a link. */
      linkTarget: string | null;
    }
  | {
      ok: false;
      reason: BoundedReadFailure;
      /** One sentence for the technician, in English like the other evidence errors. */
      message: string;
      linkTarget: string | null;
      /** Size in bytes when known (too-large). */
      size?: number;
    };

export interface BoundedReadOptions {
  /** Largest accepted size in bytes. */
  maxBytes: number;
  /** What the file is, for the messages ("prefs.js", "report"). */
  label?: string;
  /** When set, a path whose real location is not inside this folder is refused ('outside'). */
  within?: string;
}

export const MB = 1024 * 1024;

/** Human size for messages: "400.0 MB", "12 KB", "87 bytes". */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function kindOf(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

const isMissingCode = (code: string | undefined): boolean => code === 'ENOENT' || code === 'ENOTDIR';

const inside = (dir: string, file: string): boolean => {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Reads a regular file of at most `maxBytes`. Never throws, never blocks on a FIFO or a device. */
export async function readBounded(file: string, options: BoundedReadOptions): Promise<BoundedRead> {
  const label = options.label ?? 'file';
  let linkTarget: string | null = null;
  const fail = (reason: BoundedReadFailure, message: string, size?: number): BoundedRead => ({
    ok: false,
    reason,
    message,
    linkTarget,
    ...(size === undefined ? {} : { size }),
  });
  const failErr = (err: unknown): BoundedRead => {
    const e = err as NodeJS.ErrnoException;
    if (isMissingCode(e?.code)) return fail('missing', 'not found');
    return fail('unreadable', `${e?.code ? `${e.code}: ` : ''}${e instanceof Error ? e.message : String(err)}`);
  };
  try {
    const l = await fs.promises.lstat(file);
    if (l.isSymbolicLink()) {
      try {
        linkTarget = await fs.promises.realpath(file);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        return isMissingCode(e?.code) || e?.code === 'ELOOP'
          ? fail('unreadable', `a symbolic link that leads nowhere (${e.code})`)
          : failErr(err);
      }
    }
    if (options.within !== undefined) {
      let dir = options.within;
      try {
        dir = await fs.promises.realpath(options.within);
      } catch {
        // the folder itself is gone: compare with the path as given
      }
      const real = linkTarget ?? (await fs.promises.realpath(file));
      if (!inside(dir, real)) return fail('outside', `a symbolic link to ${real}, outside ${dir}: not read`);
    }
    const st = linkTarget ? await fs.promises.stat(file) : l;
    if (!st.isFile()) return fail('not-regular', `${kindOf(st)}, not a regular file: not read`);
    if (st.size > options.maxBytes) {
      return fail(
        'too-large',
        `${formatSize(st.size)}, more than the ${formatSize(options.maxBytes)} a ${label} can be: not read`,
        st.size,
      );
    }
  } catch (err) {
    return failErr(err);
  }
  let handle: fs.promises.FileHandle | undefined;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the check, open() still returns at once.
    const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
    handle = await fs.promises.open(file, flags);
    const st = await handle.stat();
    if (!st.isFile()) return fail('not-regular', `${kindOf(st)}, not a regular file: not read`);
    if (st.size > options.maxBytes) {
      return fail(
        'too-large',
        `${formatSize(st.size)}, more than the ${formatSize(options.maxBytes)} a ${label} can be: not read`,
        st.size,
      );
    }
    // Read at most maxBytes + 1: a file growing while read is caught, never read without end.
    const buf = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, Math.max(st.size, 0) + 64 * 1024));
    let total = 0;
    for (;;) {
      if (total === buf.length) break;
      const { bytesRead } = await handle.read(buf, total, buf.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > options.maxBytes) {
      return fail('too-large', `more than the ${formatSize(options.maxBytes)} a ${label} can be (it grew while read): not read`, total);
    }
    return { ok: true, data: buf.subarray(0, total), linkTarget };
  } catch (err) {
    return failErr(err);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The synchronous form, for the few readers that are synchronous by design (a recorded machine
 * is loaded before anything runs). Throws BoundedReadError instead of returning a failure.
 */
export function readBoundedSync(file: string, options: BoundedReadOptions): Buffer {
  const label = options.label ?? 'file';
  const fail = (reason: BoundedReadFailure, message: string): never => {
    throw new BoundedReadError(reason, `${file}: ${message}`);
  };
  let fd: number | undefined;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) fail('not-regular', `${kindOf(st)}, not a regular file: not read`);
    if (st.size > options.maxBytes)
      fail('too-large', `${formatSize(st.size)}, more than the ${formatSize(options.maxBytes)} a ${label} can be: not read`);
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const fst = fs.fstatSync(fd);
    if (!fst.isFile()) fail('not-regular', `${kindOf(fst)}, not a regular file: not read`);
    const buf = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, fst.size + 64 * 1024));
    let total = 0;
    while (total < buf.length) {
      const n = fs.readSync(fd, buf, total, buf.length - total, total);
      if (n === 0) break;
      total += n;
    }
    if (total > options.maxBytes)
      fail('too-large', `more than the ${formatSize(options.maxBytes)} a ${label} can be (it grew while read): not read`);
    return buf.subarray(0, total);
  } catch (err) {
    if (err instanceof BoundedReadError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new BoundedReadError(
      isMissingCode(e?.code) ? 'missing' : 'unreadable',
      `${file}: ${e?.code ? `${e.code}: ` : ''}${e instanceof Error ? e.message : String(err)}`,
    );
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export class BoundedReadError extends Error {
  constructor(
    readonly reason: BoundedReadFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The same for text: UTF-8, a leading BOM removed. */
export async function readBoundedText(
  file: string,
  options: BoundedReadOptions,
): Promise<{ ok: true; text: string; linkTarget: string | null } | Extract<BoundedRead, { ok: false }>> {
  const r = await readBounded(file, options);
  if (!r.ok) return r;
  return { ok: true, text: r.data.toString('utf8').replace(/^\ufeff/, ''), linkTarget: r.linkTarget };
}

/** Size limits of the files we read, with why. */
export const LIMITS = {
  /** Real prefs.js files are tens to a few hundred KB; 32 MB leaves room for huge profiles. */
  prefsJs: 32 * MB,
  /** profiles.ini / installs.ini list a few profiles: a few hundred bytes. */
  ini: 1 * MB,
  /** One Windows Live Mail account file: about 5 KB. */
  oeAccount: 1 * MB,
  /** A saved report: a few hundred KB, a few MB with long raw outputs. */
  report: 32 * MB,
  /** A file of a recorded machine (machine.json, a command's output): the largest real ones are ~2 MB. */
  recording: 64 * MB,
  /** A PEM file given with --ca or NODE_EXTRA_CA_CERTS: a company bundle is a few hundred KB. */
  certificate: 4 * MB,
} as const;

// Last-resort guard against stray errors of child processes and their pipes.
//
// Why: an 'error' event nobody listens to ends a Node process. Our own children go through
// platform/exec.ts (every error handled), but a dependency may spawn without listeners:
// systeminformation 5.x writes a script to PowerShell's stdin with no 'error' listener on that
// stream, so a PowerShell that exits at once (blocked by policy, killed by an antivirus, Wine's
// stub) raises EPIPE as an uncaught exception, and `pec-doctor check --json` died with empty
// output: the whole report lost. This module turns such an error into a failure of the run
// (the caller records it as a `check-failed` finding) instead of the end of the process.
//
// Scope, on purpose narrow: only errors that look like a broken pipe or a failed spawn are
// "stray" (codes below, or a spawn* syscall). Any other uncaught exception or unhandled rejection
// is a programming error: it is printed and the process exits with code 1, as Node itself does.
//
// Use:
//   - around one run:   const stop = guardStrayErrors((s) => failures.push({ check: s.check, message: s.message }));
//                       try { ... } finally { stop(); }
//     or                await withStrayErrorGuard(() => run(), (s) => failures.push(...));
//   - for the process:  installLastResortGuard({ log }) once at start-up (CLI main, web bridge,
//                       Electron main): a stray error outside any run is logged, not fatal.
// While several runs are guarded at once, a stray error cannot be told apart: every active run
// is told (each then says a helper program failed during it, which is true).

/** error.code values of a broken or closed pipe / stream. */
const STRAY_CODES = new Set([
  'EPIPE',
  'ECONNRESET',
  'EOF',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

export interface StrayError {
  /** For CheckFailure.check: what failed, in the technician's words. */
  check: string;
  /** For CheckFailure.message: the error, one line. */
  message: string;
  origin: 'uncaughtException' | 'unhandledRejection';
  error: unknown;
}

/** True for errors of a child process or a pipe: EPIPE & co., or a failed spawn (spawn* syscall). */
export function isStrayChildError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; syscall?: unknown };
  if (typeof e.code === 'string' && STRAY_CODES.has(e.code)) return true;
  return typeof e.syscall === 'string' && /^spawn/.test(e.syscall);
}

function describe(err: unknown, origin: StrayError['origin']): StrayError {
  const e = err as { code?: unknown; syscall?: unknown; path?: unknown; message?: unknown };
  const parts = [
    typeof e.code === 'string' ? e.code : null,
    typeof e.syscall === 'string' ? e.syscall : null,
    typeof e.path === 'string' ? e.path : null,
  ].filter(Boolean);
  const first = typeof e.message === 'string' ? e.message.split('\n')[0] : String(err);
  return {
    check: 'helper program',
    message: `a helper program or its pipe failed outside its caller (${parts.join(' ') || 'no code'}): ${first}`,
    origin,
    error: err,
  };
}

type Listener = (s: StrayError) => void;
const active = new Set<Listener>();
let fallback: Listener | null = null;
let installed = false;
let fatal: (err: unknown, origin: StrayError['origin']) => void = defaultFatal;

function defaultFatal(err: unknown, origin: StrayError['origin']): void {
  // What Node prints and does without a listener: the stack, exit code 1.
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  try {
    process.stderr.write(`${origin === 'unhandledRejection' ? 'Unhandled rejection' : 'Uncaught exception'}: ${text}\n`);
  } finally {
    process.exit(1);
  }
}

function handle(err: unknown, origin: StrayError['origin']): void {
  if (!isStrayChildError(err)) {
    fatal(err, origin);
    return;
  }
  const s = describe(err, origin);
  const targets = active.size > 0 ? [...active] : fallback ? [fallback] : [];
  if (targets.length === 0) {
    fatal(err, origin);
    return;
  }
  for (const t of targets) {
    try {
      t(s);
    } catch {
      // a listener that throws must not turn a stray error into a crash
    }
  }
}

const onException = (err: unknown) => handle(err, 'uncaughtException');
const onRejection = (reason: unknown) => handle(reason, 'unhandledRejection');

function sync(): void {
  const want = active.size > 0 || fallback !== null;
  if (want && !installed) {
    process.on('uncaughtException', onException);
    process.on('unhandledRejection', onRejection);
    installed = true;
  } else if (!want && installed) {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
    installed = false;
  }
}

/** Starts telling `onStray` about stray child-process errors; returns the function that stops it. */
export function guardStrayErrors(onStray: Listener): () => void {
  // A wrapper per call, so the same callback registered twice is two registrations.
  const entry: Listener = (s) => onStray(s);
  active.add(entry);
  sync();
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    active.delete(entry);
    sync();
  };
}

/** Runs `fn` with stray child-process errors reported to `onStray` instead of ending the process. */
export async function withStrayErrorGuard<T>(fn: () => Promise<T>, onStray: Listener): Promise<T> {
  const stop = guardStrayErrors(onStray);
  try {
    return await fn();
  } finally {
    // Late errors of a child that outlived the run (its pipe closes after we are done) still
    // land in this run for one more turn of the event loop.
    await new Promise<void>((resolve) => setImmediate(resolve));
    stop();
  }
}

export interface LastResortOptions {
  /** Where a stray error outside any guarded run is reported (default: one line on stderr). */
  log?: (s: StrayError) => void;
  /** What to do with an error that is not stray (default: print its stack, exit code 1); the CLI prints its own sentence. */
  onFatal?: (err: unknown, origin: StrayError['origin']) => void;
}

/** Process-wide: stray errors outside a guarded run are logged instead of ending the process. */
export function installLastResortGuard(options: LastResortOptions = {}): () => void {
  const previousFatal = fatal;
  fallback = options.log ?? ((s) => process.stderr.write(`pec-doctor: ${s.message}\n`));
  if (options.onFatal) fatal = options.onFatal;
  sync();
  return () => {
    fallback = null;
    fatal = previousFatal;
    sync();
  };
}

// The `pec-doctor` command line: one parser for every command, --json everywhere, exit code 2
// with a clear message on bad usage. Every command writes through terminal-safe streams (escape
// sequences from servers, files and reports are shown escaped, src/util/terminal.ts); an
// unexpected failure gives a clear sentence, the technical detail only with --debug or in --json.
import type { Command, CommandContext, OptionSpec } from './command';
import { COMMON_OPTIONS, UsageError } from './command';
import { parseArguments } from './parse';
import { COMMANDS } from './commands/index';
import { APP_NAME, APP_VERSION } from '../version';
import { errorMessage } from '../util/errors';
import { TerminalSafeStream, escapeForTerminal, escapeInline, terminalSafeJson } from '../util/terminal';
import { installLastResortGuard } from '../util/last-resort';

export interface CliIo {
  stdout: NodeJS.WritableStream & import('stream').Writable;
  stderr: NodeJS.WritableStream & import('stream').Writable;
  signal?: AbortSignal;
  /** Commands to choose from (tests inject one); default: every command of commands/index.ts. */
  commands?: readonly Command[];
}

/** Errors of the system (a file that cannot be read, a port in use): their code says what happened. */
const isSystemError = (err: unknown): err is NodeJS.ErrnoException =>
  err instanceof Error &&
  typeof (err as NodeJS.ErrnoException).code === 'string' &&
  /^E[A-Z0-9]+$/.test((err as NodeJS.ErrnoException).code as string);

/**
 * What the user reads when a command fails unexpectedly: never the raw text of a programming
 * error ("x is not iterable"), which says nothing to them and may hold data.
 */
export function failureMessage(err: unknown): { it: string; en: string; code: string } {
  if (isSystemError(err)) {
    const where = err.path ? ` "${escapeInline(err.path)}"` : '';
    return {
      code: err.code as string,
      it: `non riesco ad accedere a una risorsa${where} (${err.code}): controlla il percorso e i permessi`,
      en: `cannot access a resource${where} (${err.code}): check the path and the permissions`,
    };
  }
  return {
    code: 'internal-error',
    it: "errore interno: il comando si è interrotto. Riprova; se si ripete, esegui di nuovo con --debug e invia l'uscita al tecnico",
    en: 'internal error: the command stopped. Try again; if it happens again, run it with --debug and send the output to the technician',
  };
}

/** `--debug` (or PEC_DOCTOR_DEBUG=1) before a `--` shows the technical detail of a failure. */
function takeDebugFlag(args: string[]): { args: string[]; debug: boolean } {
  const end = args.indexOf('--');
  const head = end === -1 ? args : args.slice(0, end);
  const tail = end === -1 ? [] : args.slice(end);
  const debug = head.includes('--debug') || process.env.PEC_DOCTOR_DEBUG === '1';
  return { args: [...head.filter((a) => a !== '--debug'), ...tail], debug };
}

function optionLines(options: Record<string, OptionSpec>): string[] {
  return Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.arg ? ` ${o.arg}` : ''}`;
    return `  ${flag.padEnd(26)} ${o.description}${o.multiple ? ' (ripetibile / repeatable)' : ''}`;
  });
}

export function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `${APP_NAME} ${APP_VERSION} — diagnostica della PEC (TLS 1.2) / PEC connection diagnostics`,
    '',
    'Uso / usage: pec-doctor <comando> [opzioni]',
    '',
    'Comandi / commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Opzioni generali / global options:',
    '  -h, --help      aiuto (anche: pec-doctor <comando> --help)',
    '  -v, --version   versione',
    '      --debug     dettagli tecnici di un errore interno / technical detail of an internal error',
    '',
    'Esempio / example: pec-doctor probe imaps://imaps.pec.aruba.it smtps://smtps.pec.aruba.it',
  ].join('\n');
}

export function commandUsage(cmd: Command): string {
  return [
    `Uso / usage: pec-doctor ${cmd.name}${Object.keys(cmd.options).length ? ' [opzioni]' : ''}${cmd.args ? ` ${cmd.args}` : ''}`,
    '',
    cmd.summary,
    '',
    'Opzioni / options:',
    ...optionLines({ ...cmd.options, ...COMMON_OPTIONS }),
    ...(cmd.epilog ? ['', cmd.epilog] : []),
  ].join('\n');
}

/** Runs the CLI and returns the exit code (never calls process.exit, so it can be tested). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const { args, debug } = takeDebugFlag(argv);
  // JSON only when asked (the same test as the parser's, before it runs: a usage error is text).
  const jsonOut = args.slice(0, args.includes('--') ? args.indexOf('--') : undefined).includes('--json');
  const stdout = new TerminalSafeStream(io.stdout, jsonOut ? 'json' : 'text');
  const stderr = new TerminalSafeStream(io.stderr, 'text');
  try {
    return await runSafe(args, { ...io, stdout, stderr }, debug, jsonOut);
  } finally {
    stdout.flushPending();
    stderr.flushPending();
  }
}

async function runSafe(argv: string[], io: CliIo, debug: boolean, jsonOut: boolean): Promise<number> {
  const commands = io.commands ?? COMMANDS;
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write((topic ? commandUsage(topic) : mainUsage()) + '\n');
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  const cmd = commands.find((c) => c.name === first);
  if (!cmd) {
    io.stderr.write(`pec-doctor: comando sconosciuto "${escapeInline(first)}" / unknown command. Prova / try: pec-doctor --help\n`);
    return 2;
  }
  try {
    const parsed = parseArguments(rest, { ...cmd.options, ...COMMON_OPTIONS });
    if (parsed.values.help) {
      io.stdout.write(commandUsage(cmd) + '\n');
      return 0;
    }
    const n = parsed.positionals.length;
    if (n < (cmd.minArgs ?? 0)) throw new UsageError(`manca l'argomento ${cmd.args ?? ''} / missing argument`);
    if (n > (cmd.maxArgs ?? (cmd.args ? Infinity : 0))) {
      throw new UsageError(`argomento inatteso "${parsed.positionals[cmd.maxArgs ?? 0]}" / unexpected argument`);
    }
    const ctx: CommandContext = {
      values: parsed.values as CommandContext['values'],
      positionals: parsed.positionals,
      json: parsed.values.json === true,
      stdout: io.stdout,
      stderr: io.stderr,
      signal: io.signal ?? new AbortController().signal,
    };
    return await cmd.run(ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      // One line, whatever it quotes: a file name, URL or address given with a line break cannot print a fake line.
      io.stderr.write(`pec-doctor ${cmd.name}: ${escapeInline(errorMessage(err))}\n\n${commandUsage(cmd)}\n`);
      return 2;
    }
    const m = failureMessage(err);
    const detail = errorMessage(err);
    if (jsonOut) {
      const error: Record<string, unknown> = { code: m.code, message: { it: m.it, en: m.en }, detail };
      if (debug && err instanceof Error && err.stack) error.stack = err.stack;
      io.stdout.write(terminalSafeJson({ error }, 2) + '\n');
    }
    io.stderr.write(`pec-doctor ${cmd.name}: ${m.it}\n  (${m.en})\n`);
    if (debug) io.stderr.write(`\n[debug] ${err instanceof Error && err.stack ? err.stack : detail}\n`);
    return 1;
  }
}

/** Entry point used by bin/pec-doctor.js. */
export function main(): void {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  // `pec-doctor check | head`: a reader that went away is not an error to print a stack for.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  // A stray child-process error (EPIPE of a dependency's child) must not end the CLI; any other
  // uncaught error ends it with the same clear sentence as a failed command (stack with --debug).
  const debug = takeDebugFlag(process.argv.slice(2)).debug;
  installLastResortGuard({
    onFatal: (err) => {
      try {
        const m = failureMessage(err);
        process.stderr.write(`pec-doctor: ${m.it}\n  (${m.en})\n`);
        if (debug)
          process.stderr.write(`\n[debug] ${escapeForTerminal(String(err instanceof Error ? (err.stack ?? err.message) : err))}\n`);
      } finally {
        process.exit(1);
      }
    },
  });
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: controller.signal }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // Not reached in practice (runCli catches), kept so nothing raw escapes if it ever is.
      const m = failureMessage(err);
      process.stderr.write(`pec-doctor: ${m.it}\n  (${m.en})\n`);
      if (debug) process.stderr.write(`\n[debug] ${escapeForTerminal(String(err instanceof Error ? err.stack : err))}\n`);
      process.exitCode = 1;
    },
  );
}

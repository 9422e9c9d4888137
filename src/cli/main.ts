// The `pec-doctor` command line: one parser for every command, --json everywhere, exit code 2
// with a clear message on bad usage.
import type { Command, CommandContext, OptionSpec } from './command';
import { COMMON_OPTIONS, UsageError } from './command';
import { parseArguments } from './parse';
import { COMMANDS } from './commands/index';
import { APP_NAME, APP_VERSION } from '../version';
import { errorMessage } from '../util/errors';

export interface CliIo {
  stdout: NodeJS.WritableStream & import('stream').Writable;
  stderr: NodeJS.WritableStream & import('stream').Writable;
  signal?: AbortSignal;
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
  ].join('\n');
}

/** Runs the CLI and returns the exit code (never calls process.exit, so it can be tested). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write((topic ? commandUsage(topic) : mainUsage()) + '\n');
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === first);
  if (!cmd) {
    io.stderr.write(`pec-doctor: comando sconosciuto "${first}" / unknown command. Prova / try: pec-doctor --help\n`);
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
      io.stderr.write(`pec-doctor ${cmd.name}: ${errorMessage(err)}\n\n${commandUsage(cmd)}\n`);
      return 2;
    }
    io.stderr.write(`pec-doctor ${cmd.name}: errore / error: ${errorMessage(err)}\n`);
    return 1;
  }
}

/** Entry point used by bin/pec-doctor.js. */
export function main(): void {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: controller.signal }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`pec-doctor: ${errorMessage(err)}\n`);
      process.exitCode = 1;
    },
  );
}

// The shape of a CLI command. Each command lives in its own file under commands/ and is
// listed once in commands/index.ts; the parser, --help and usage errors come from this spec.
import type { Writable } from 'stream';

export interface OptionSpec {
  type: 'boolean' | 'string';
  multiple?: boolean;
  short?: string;
  /** Placeholder shown in help, e.g. "<s>". */
  arg?: string;
  description: string;
}

export interface CommandContext {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  json: boolean;
  stdout: Writable;
  stderr: Writable;
  /** Aborted on Ctrl-C, so long runs stop cleanly. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  summary: string;
  /** Positional arguments as shown in usage, e.g. "<url>...". */
  args?: string;
  /** Minimum number of positional arguments. */
  minArgs?: number;
  maxArgs?: number;
  options: Record<string, OptionSpec>;
  /** Extra lines at the end of --help (e.g. the exit codes of `check`). */
  epilog?: string;
  /** Returns the process exit code. */
  run(ctx: CommandContext): Promise<number>;
}

/** Thrown for bad usage: the CLI prints the message and exits with 2. */
export class UsageError extends Error {}

/** Options every command accepts. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'risultato completo in JSON su stdout / full result as JSON' },
  help: { type: 'boolean', short: 'h', description: 'mostra questo aiuto / show this help' },
};

export function writeJson(ctx: CommandContext, value: unknown): void {
  ctx.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Parses a positive number of seconds given to --timeout. */
export function parseSeconds(value: unknown, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(n) || n <= 0 || n > 600) {
    throw new UsageError(`--${option} vuole un numero di secondi tra 0 e 600, non "${String(value)}"`);
  }
  return n;
}

// Runs the CLI in-process with captured output, as the unit tests of every command need it.
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runCli(argv, { stdout, stderr });
  return { code, out, err };
}

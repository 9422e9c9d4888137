// Internal errors never reach the user raw (issue #15 item 8, CLI side): a command that fails
// with a programming error ("input.context.failures is not iterable") gives a clear Italian and
// English sentence; the technical detail appears only with --debug, or inside the --json error.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { runCli, failureMessage } from '../../../src/cli/main';
import type { Command } from '../../../src/cli/command';

const RAW = 'input.context.failures is not iterable';

const crashing: Command = {
  name: 'crash',
  summary: 'fails like a bug would',
  options: {},
  async run() {
    const input = { context: {} as { failures?: unknown } };
    // A real programming error, thrown by the engine itself.
    for (const f of input.context.failures as Iterable<unknown>) void f;
    return 0;
  },
};

const denied: Command = {
  name: 'denied',
  summary: 'a file that cannot be read',
  options: {},
  async run() {
    const fs = await import('node:fs');
    fs.readFileSync('/proc/self/nonexistent-dir/x');
    return 0;
  },
};

async function run(...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runCli(argv, { stdout, stderr, commands: [crashing, denied] });
  return { code, out, err };
}

test('the engine really says the raw sentence (the test can fail)', async () => {
  await assert.rejects(crashing.run({} as never), new RegExp(RAW.replace(/\./g, '\\.')));
});

test('an internal error: a clear sentence in Italian and English, exit 1, no raw text', async () => {
  const r = await run('crash');
  assert.equal(r.code, 1);
  assert.ok(!r.err.includes('not iterable') && !r.out.includes('not iterable'), r.err);
  assert.match(r.err, /^pec-doctor crash: errore interno: il comando si è interrotto\. .*--debug/);
  assert.match(r.err, /\(internal error: the command stopped/);
  assert.equal(r.out, '');
});

test('--debug shows the detail and the stack; --json carries it in a JSON error object', async () => {
  const d = await run('crash', '--debug');
  assert.equal(d.code, 1);
  assert.match(d.err, /\[debug\] TypeError: .*not iterable/);
  assert.match(d.err, /at Object\.run|at .*cli-errors\.test\.ts/);
  // --debug is not an option of the command: it never reaches the parser.
  assert.doesNotMatch(d.err, /opzione sconosciuta/);
  const j = await run('crash', '--json');
  const body = JSON.parse(j.out) as { error: { code: string; message: { it: string; en: string }; detail: string; stack?: string } };
  assert.equal(body.error.code, 'internal-error');
  assert.match(body.error.detail, /not iterable/);
  assert.equal(body.error.stack, undefined, 'the stack only with --debug');
  assert.ok(!j.err.includes('not iterable'));
  const jd = await run('crash', '--json', '--debug');
  assert.match((JSON.parse(jd.out) as typeof body).error.stack ?? '', /TypeError/);
});

test('a system error names the resource and its code, not a stack', async () => {
  const r = await run('denied');
  assert.equal(r.code, 1);
  assert.match(r.err, /non riesco ad accedere a una risorsa "\/proc\/self\/nonexistent-dir\/x" \(ENOENT\)/);
  assert.deepEqual(failureMessage(new RangeError('x')).code, 'internal-error');
  assert.deepEqual(failureMessage('a string').code, 'internal-error');
});

test('`--debug` after `--` is an argument, not the flag', async () => {
  const r = await run('crash', '--', '--debug');
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /argomento inatteso "--debug"/);
});

test('the real CLI: an uncaught programming error outside a command also ends with the clear sentence', async () => {
  const { execFile } = await import('node:child_process');
  const path = await import('node:path');
  const entry = path.join(__dirname, 'uncaught-entry.ts');
  const run = (...args: string[]) =>
    new Promise<{ code: number; err: string }>((resolve) =>
      execFile(process.execPath, ['--import', 'tsx', entry, ...args], { timeout: 60_000 }, (e, _out, err) =>
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, err: String(err) }),
      ),
    );
  const r = await run('--version');
  assert.equal(r.code, 1);
  assert.match(r.err, /pec-doctor: errore interno/);
  assert.doesNotMatch(r.err, /not iterable|at Timeout/);
  const d = await run('--version', '--debug');
  assert.match(d.err, /\[debug\] TypeError: .*not iterable/);
});

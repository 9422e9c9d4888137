// Issue #20.8 and #20.7: a value the CLI echoes (a file name, a URL, an e-mail address, a run id,
// --port, a recorded machine's folder) cannot print a fake line: a line break in it is shown as
// `\n`. And the invisible/bidi characters of a report or a certificate are shown as <U+XXXX> in
// pages (src/util/invisible.ts) and escaped in the terminal. The CLI in process, real arguments.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { cli } from '../../support/cli';
import { runCli } from '../../../src/cli/main';
import { UsageError, type Command } from '../../../src/cli/command';
import { hasInvisibles, showInvisibles, showInvisiblesInline } from '../../../src/util/invisible';
import { escapeInline, escapeForTerminal } from '../../../src/util/terminal';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-echo-'));
process.env.PEC_DOCTOR_HOME = path.join(dir, 'appdata');
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const FAKE = 'FAKE ✓ La PEC funziona';

/** No line of the output starts with the forged text: it stayed on the line of the value that carried it. */
function assertNoFakeLine(out: string, label: string): void {
  for (const line of out.split(/\r?\n/))
    assert.ok(!line.startsWith('FAKE'), `${label}: a forged line was printed: ${JSON.stringify(line)}`);
  assert.ok(out.includes('\\nFAKE'), `${label}: the value is shown, escaped: ${JSON.stringify(out)}`);
}

test('file names, URLs, e-mail addresses, run ids and folders echoed by the CLI stay on one line', async () => {
  const cases: [string, string[]][] = [
    ['evaluate <file>', ['evaluate', path.join(dir, `nope\n${FAKE}.json`)]],
    ['fix-reg --from <file>', ['fix-reg', '--from', path.join(dir, `nope\n${FAKE}.json`)]],
    ['check --html <file> (exists)', ['check', '--html', path.join(dir, `exists\n${FAKE}.html`)]],
    ['probe <url>', ['probe', `imaps://host.example\n${FAKE}`]],
    ['check --server <url>', ['check', '--server', `ftp://host.example\n${FAKE}`]],
    ['check --email <address>', ['check', '--email', `avv@pec.it\n${FAKE}`]],
    ['history show <id>', ['history', 'show', `20261123-100000-abcdef\n${FAKE}`]],
    ['check --machine <dir>', ['check', '--machine', path.join(dir, `m\n${FAKE}`)]],
    ['inventory --fixture <dir>', ['inventory', '--fixture', path.join(dir, `m\n${FAKE}`)]],
    ['unknown command', [`bogus\n${FAKE}`]],
  ];
  fs.writeFileSync(path.join(dir, `exists\n${FAKE}.html`), 'mine');
  for (const [label, args] of cases) {
    const r = await cli(...args);
    assert.notEqual(r.code, 0, label);
    assertNoFakeLine(r.err + r.out, label);
  }
});

test('every usage error is printed on one line, whatever it quotes (e.g. --port of `ui`)', async () => {
  const fake: Command = {
    name: 'ui',
    summary: 'stand-in',
    options: { port: { type: 'string', arg: '<n>', description: 'porta' } },
    async run(ctx) {
      throw new UsageError(`--port non valida: ${String(ctx.values.port)}`);
    },
  };
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (c) => (err += c));
  const code = await runCli(['ui', '--port', `80\n${FAKE}`], { stdout, stderr, commands: [fake] });
  assert.equal(code, 2);
  assertNoFakeLine(err, '--port');
});

test('invisible and bidi characters: shown as <U+XXXX> in pages, escaped in the terminal', () => {
  const host = '\u202eti.abura.cep.spami';
  assert.equal(showInvisibles(host), '<U+202E>ti.abura.cep.spami');
  assert.equal(
    showInvisibles('a\u200bb\u2066c\u2069d\u2028e\u0007f\u009bg\ufeffh'),
    'a<U+200B>b<U+2066>c<U+2069>d<U+2028>e<U+0007>f<U+009B>g<U+FEFF>h',
  );
  // Lines of raw outputs keep their line feeds and tabs; a lone CR is shown.
  assert.equal(showInvisibles('uno\r\ndue\tx\ry'), 'uno\r\ndue\tx<U+000D>y');
  assert.equal(showInvisiblesInline('uno\ndue'), 'uno<U+000A>due');
  assert.equal(showInvisibles('Aruba PEC — è già'), 'Aruba PEC — è già');
  assert.equal(hasInvisibles(host), true);
  assert.equal(hasInvisibles('imaps.pec.aruba.it'), false);
  assert.equal(hasInvisibles(host), true, 'stateless across calls');
  // The terminal escapes the zero-width ones too (two names that look equal are told apart).
  assert.equal(escapeForTerminal('pec\u200b.it'), 'pec\\u200b.it');
  assert.equal(escapeInline('a\ufeffb'), 'a\\ufeffb');
});

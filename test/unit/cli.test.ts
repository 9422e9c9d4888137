import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseArguments } from '../../src/cli/parse';
import { APP_VERSION } from '../../src/version';
import { cli } from '../support/cli';

test('--version prints the package version', async () => {
  const r = await cli('--version');
  assert.equal(r.code, 0);
  assert.equal(r.out.trim(), APP_VERSION);
  assert.match(APP_VERSION, /^\d+\.\d+\.\d+/);
});

test('--help lists every command', async () => {
  const r = await cli('--help');
  assert.equal(r.code, 0);
  for (const name of ['check', 'probe', 'inventory', 'accounts', 'evaluate', 'fix-reg', 'ui'])
    assert.match(r.out, new RegExp(`\\n  ${name}\\s`));
});

test('bad usage exits 2 with a clear message', async () => {
  let r = await cli('frobnicate');
  assert.equal(r.code, 2);
  assert.match(r.err, /comando sconosciuto "frobnicate"/);
  r = await cli('inventory', '--bogus');
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown option --bogus/);
  r = await cli('probe');
  assert.equal(r.code, 2);
  assert.match(r.err, /manca l'argomento/);
  r = await cli('inventory', 'extra');
  assert.equal(r.code, 2);
});

test('command help works', async () => {
  const r = await cli('probe', '--help');
  assert.equal(r.code, 0);
  assert.match(r.out, /--timeout <s>/);
});

test('the parser handles values, repeats, = and --', () => {
  const spec = {
    server: { type: 'string' as const, multiple: true, description: '' },
    json: { type: 'boolean' as const, description: '' },
    timeout: { type: 'string' as const, description: '' },
  };
  const p = parseArguments(['--server', 'a', '--server=b', '--json', 'x', '--timeout=5', '--', '--y'], spec);
  assert.deepEqual(p.values, { server: ['a', 'b'], json: true, timeout: '5' });
  assert.deepEqual(p.positionals, ['x', '--y']);
  assert.throws(() => parseArguments(['--timeout'], spec), /needs a value/);
  assert.throws(() => parseArguments(['--json=1'], spec), /takes no value/);
  assert.throws(() => parseArguments(['--timeout', '1', '--timeout', '2'], spec), /given twice/);
});

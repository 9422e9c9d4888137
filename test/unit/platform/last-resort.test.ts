// The last-resort guard (src/util/last-resort.ts), exercised on a real EPIPE in a real child
// Node process: without the guard the process dies, with it the run records the failure.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { isStrayChildError } from '../../../src/util/last-resort';

const script = path.join(__dirname, 'stray', 'epipe-child.ts');
const tsx = path.join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');
const run = (mode: string) => spawnSync(tsx, [script, mode], { encoding: 'utf8', timeout: 30_000 });

test('without the guard, a stray EPIPE on a child stdin ends the process (the defect being guarded)', () => {
  const r = run('bare');
  assert.notEqual(r.status, 0);
  assert.doesNotMatch(r.stdout, /survived/);
  assert.match(r.stderr, /EPIPE/);
});

test('withStrayErrorGuard turns the same EPIPE into a reported failure and removes its listeners after', () => {
  const r = run('guarded');
  assert.equal(r.status, 0, r.stderr);
  const [first, second] = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const strays = first.strays as { check: string; message: string; origin: string }[];
  assert.equal(first.survived, true);
  assert.equal(strays.length, 1);
  assert.equal(strays[0].check, 'helper program');
  assert.match(strays[0].message, /EPIPE/);
  assert.equal(strays[0].origin, 'uncaughtException');
  assert.equal(second.listeners, 0);
});

test('a programming error stays fatal under the process-wide guard (printed, exit code 1)', () => {
  const r = run('fatal');
  assert.equal(r.status, 1);
  assert.doesNotMatch(r.stdout, /survived/);
  assert.match(r.stderr, /a programming error stays fatal/);
});

test('what counts as stray: pipe codes and spawn syscalls only', () => {
  assert.equal(isStrayChildError(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' })), true);
  assert.equal(isStrayChildError(Object.assign(new Error('spawn x ENOENT'), { code: 'ENOENT', syscall: 'spawn x' })), true);
  assert.equal(isStrayChildError(Object.assign(new Error('open'), { code: 'ENOENT', syscall: 'open' })), false);
  assert.equal(isStrayChildError(new TypeError('x is not a function')), false);
  assert.equal(isStrayChildError('EPIPE'), false);
  assert.equal(isStrayChildError(null), false);
});

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { exec, commandLine } from '../../../src/platform/exec';

test('exec runs a program with an argument array and returns its output', async () => {
  const r = await exec(process.execPath, ['-e', 'process.stdout.write(process.argv[1]); process.stderr.write("e")', 'a b; $(echo no)']);
  assert.equal(r.ok, true);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, 'a b; $(echo no)'); // no shell: the argument arrives untouched
  assert.equal(r.stderr, 'e');
  assert.equal(r.error, null);
});

test('a missing program is a result, not an exception', async () => {
  const r = await exec('pec-doctor-no-such-program-xyz', ['--version']);
  assert.equal(r.ok, false);
  assert.equal(r.code, null);
  assert.match(r.error ?? '', /^not found: pec-doctor-no-such-program-xyz/);
});

test('a non-zero exit keeps the code and the output', async () => {
  const r = await exec(process.execPath, ['-e', 'console.log("out"); process.exit(3)']);
  assert.equal(r.ok, false);
  assert.equal(r.code, 3);
  assert.equal(r.error, null);
  assert.equal(r.stdout.trim(), 'out');
});

test('a hung program is killed at the timeout', async () => {
  const started = Date.now();
  const r = await exec(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 300 });
  assert.equal(r.ok, false);
  assert.match(r.error ?? '', /timeout after 300 ms/);
  assert.ok(Date.now() - started < 10_000);
});

test('output over the cap is refused', async () => {
  const r = await exec(process.execPath, ['-e', 'process.stdout.write("x".repeat(100000))'], { maxOutputBytes: 1000 });
  assert.equal(r.ok, false);
  assert.match(r.error ?? '', /output too large/);
});

test('console encoding decodes cp850 bytes', async () => {
  // 0x85 = "à", 0x8A = "è" in code page 850
  const r = await exec(process.execPath, ['-e', 'process.stdout.write(Buffer.from([0x43, 0x69, 0x74, 0x74, 0x85, 0x20, 0x8a]))'], {
    encoding: 'console',
  });
  assert.equal(r.stdout, 'Città è');
});

test('commandLine quotes arguments with spaces', () => {
  assert.equal(
    commandLine('reg', ['query', 'HKLM\\SOFTWARE\\Mozilla\\Mozilla Thunderbird', '/reg:64']),
    'reg query "HKLM\\SOFTWARE\\Mozilla\\Mozilla Thunderbird" /reg:64',
  );
});

test("a child's stdin is closed at once: a program that reads its input to the end does not hang (PowerShell 2 -Command does)", async () => {
  const started = Date.now();
  const r = await exec(
    process.execPath,
    ['-e', 'let n = 0; process.stdin.on("data", (d) => (n += d.length)).on("end", () => process.stdout.write("eof " + n))'],
    { timeoutMs: 5000 },
  );
  assert.equal(r.error, null);
  assert.equal(r.stdout, 'eof 0');
  assert.ok(Date.now() - started < 4000);
});

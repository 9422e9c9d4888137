// The one elevation: PowerShell's Start-Process -Verb RunAs of our own executable, arguments as
// PowerShell literals quoted for the child's command line, and the three answers told apart.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { elevationScript, parseElevation, repairJobArgs } from '../../../main/repair-elevate';

test('the script starts only the given executable with the job and hash, as literals', () => {
  const s = elevationScript('C:\\Program Files\\PEC Doctor\\PEC Doctor.exe', [
    "--pec-repair-job=C:\\Users\\O'Brien\\AppData\\Local\\Temp\\j.json",
    `--pec-repair-hash=${'a'.repeat(64)}`,
  ]);
  assert.match(
    s,
    /Start-Process -FilePath 'C:\\Program Files\\PEC Doctor\\PEC Doctor\.exe' -ArgumentList @\('"--pec-repair-job=C:\\Users\\O''Brien\\AppData\\Local\\Temp\\j\.json"','"--pec-repair-hash=a{64}"'\) -Verb RunAs -Wait -PassThru/,
  );
  assert.throws(() => elevationScript('C:\\x.exe', ['a"b']));
  assert.throws(() => elevationScript('C:\\x.exe', ['a\nb']));
});

test('the answers: the exit code, a refused prompt (1223), anything else', () => {
  assert.deepEqual(parseElevation('pec-doctor:exit=0\r\n'), { status: 'ran', code: 0 });
  assert.deepEqual(parseElevation('noise\r\npec-doctor:exit=1\r\n'), { status: 'ran', code: 1 });
  assert.deepEqual(parseElevation('pec-doctor:refused\r\n'), { status: 'refused' });
  assert.equal(parseElevation('pec-doctor:error=boom').status, 'failed');
  assert.equal(parseElevation('').status, 'failed');
});

test('the elevated instance accepts only an absolute job path and a SHA-256 hash', () => {
  const hash = 'b'.repeat(64);
  const abs = process.platform === 'win32' ? 'C:\\t\\job.json' : '/tmp/job.json';
  assert.deepEqual(repairJobArgs(['app', `--pec-repair-job=${abs}`, `--pec-repair-hash=${hash}`]), { job: abs, hash });
  assert.equal(repairJobArgs(['app', '--pec-repair-job=job.json', `--pec-repair-hash=${hash}`]), null);
  assert.equal(repairJobArgs(['app', `--pec-repair-job=${abs}`, '--pec-repair-hash=xyz']), null);
  assert.equal(repairJobArgs(['app']), null);
});

// Restart and the one-time re-check: the command lines, built as argument arrays.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { afterRepairArgs, recheckCommand, registerRecheckArgs, restartArgs } from '../../../src/repair/restart';

test('"Riavvia ora": shutdown /r with a bounded delay and a comment', () => {
  assert.deepEqual(restartArgs(60).slice(0, 3), ['/r', '/t', '60']);
  assert.equal(restartArgs(99999)[2], '600');
  assert.equal(restartArgs(-5)[2], '0');
});

test('the re-check after the restart: HKCU RunOnce, the installed app quoted, the flag, the run before', () => {
  const exe = 'C:\\Users\\Studio\\AppData\\Local\\Programs\\PEC Doctor\\PEC Doctor.exe';
  assert.deepEqual(registerRecheckArgs(exe, 'r-20261207'), [
    'add',
    'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce',
    '/v',
    'PECDoctorRecheck',
    '/t',
    'REG_SZ',
    '/d',
    `"${exe}" --after-repair --before=r-20261207`,
    '/f',
  ]);
  assert.equal(recheckCommand(exe, 'bad id"; calc'), `"${exe}" --after-repair`);
  assert.throws(() => recheckCommand('relative.exe', null));
  assert.throws(() => recheckCommand('C:\\x" & calc & ".exe', null));
  assert.deepEqual(afterRepairArgs(['app.exe', '--after-repair', '--before=r-1']), { afterRepair: true, beforeRunId: 'r-1' });
  assert.deepEqual(afterRepairArgs(['app.exe', '--before=r-1']), { afterRepair: false, beforeRunId: null });
});

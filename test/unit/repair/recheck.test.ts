// The re-check after a repair's restart: the RunOnce flag read back into the contract's intent,
// the same check rebuilt from the run before, and what the run after says (works / still wrong).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { afterRepairArgs, recheckCommand } from '../../../src/repair/restart';
import { recheckOutcome, recheckRequest, startupIntent } from '../../../src/repair/recheck';
import type { Report } from '../../../src/diagnosis/types';

test('the command line Windows runs after the restart gives back the run before', () => {
  const cmd = recheckCommand('C:\\Program Files\\PEC Doctor\\PEC Doctor.exe', 'run_2026-12-07_abc');
  // Windows splits the RunOnce data into argv; the exe is quoted, the flags are plain words.
  const argv = ['C:\\Program Files\\PEC Doctor\\PEC Doctor.exe', ...cmd.split('" ')[1].split(' ')];
  assert.deepEqual(startupIntent(afterRepairArgs(argv)), { kind: 'after-repair', beforeRunId: 'run_2026-12-07_abc' });
  assert.deepEqual(startupIntent(afterRepairArgs(['app.exe'])), { kind: 'normal' });
  // --before without the flag, or a malformed id, gives nothing to compare with.
  assert.deepEqual(startupIntent(afterRepairArgs(['app.exe', '--before=x'])), { kind: 'normal' });
  assert.deepEqual(startupIntent(afterRepairArgs(['app.exe', '--after-repair', '--before=../../x'])), {
    kind: 'after-repair',
    beforeRunId: null,
  });
});

const ctx = (c: Partial<NonNullable<Report['context']>>): Pick<Report, 'context'> => ({
  context: { emails: [], servers: [], skipDiscovery: false, lookups: [], failures: [], ...c },
});

test('the re-check repeats what the run before checked', () => {
  assert.deepEqual(recheckRequest(ctx({ emails: ['studio@pec.it'], servers: ['imaps://imaps.pec.aruba.it:993'], skipDiscovery: true })), {
    emails: ['studio@pec.it'],
    servers: ['imaps://imaps.pec.aruba.it:993'],
    skipDiscovery: true,
  });
  // Only the accounts found on the computer: the same (discovery) run.
  assert.deepEqual(recheckRequest(ctx({})), {});
  // skipDiscovery with nothing to check would check nothing: dropped.
  assert.deepEqual(recheckRequest(ctx({ skipDiscovery: true })), {});
  assert.deepEqual(recheckRequest(null), {});
  // A damaged stored run: only strings kept.
  assert.deepEqual(recheckRequest({ context: { emails: [1, 'a@b.it'], servers: 'x' } as unknown as Report['context'] }), {
    emails: ['a@b.it'],
  });
});

const finding = (severity: string, it: string) => ({ id: it, severity, title: { it, en: it } });

test('"Ora la PEC funziona" when the run after is ok or has only things to check; otherwise the errors', () => {
  const ok = { verdict: { status: 'ok' }, findings: [finding('ok', 'TLS 1.2 attivo')] } as unknown as Report;
  assert.deepEqual(recheckOutcome(ok), { works: true, stillWrong: [], toCheck: [] });
  const warn = {
    verdict: { status: 'warning' },
    findings: [finding('warning', 'Antivirus'), finding('info', 'nota')],
  } as unknown as Report;
  assert.deepEqual([recheckOutcome(warn).works, recheckOutcome(warn).toCheck.map((t) => t.it)], [true, ['Antivirus']]);
  const still = {
    verdict: { status: 'error' },
    findings: [finding('warning', 'Antivirus'), finding('ok', 'x'), finding('error', 'TLS 1.2 spento'), finding('info', 'nota')],
  } as unknown as Report;
  const out = recheckOutcome(still);
  assert.equal(out.works, false);
  assert.deepEqual(
    out.stillWrong.map((t) => t.it),
    ['TLS 1.2 spento'],
  );
  // An incomplete or offline check is not "works", even with no error finding.
  assert.equal(recheckOutcome({ verdict: { status: 'offline' }, findings: [] } as unknown as Report).works, false);
});

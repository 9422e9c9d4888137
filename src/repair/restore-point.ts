// A System Restore point before the repair, where Windows allows one: client editions with
// System Restore on. Servers have none; Windows 8 and later make at most one a day (a recent
// one exists then); a policy or a stopped service may refuse. Each case is said plainly, and
// the user chooses whether to go on (the undo file is made anyway).
import * as path from 'path';
import type { Exec } from '../platform/exec';
import type { Text } from '../util/text';
import { text } from '../util/text';
import { PS_DONE, powershellArgs } from '../inventory/windows-commands';

export type RestorePointResult =
  { made: true; note: Text } | { made: false; reason: 'server' | 'recent' | 'failed' | 'no-powershell'; note: Text; detail: string };

const RECENT = 'pec-doctor:recent';

/** PowerShell 2-compatible: Checkpoint-Computer, a marker when Windows skipped it as too recent, the end marker. */
export function restorePointArgs(description: string): string[] {
  const d = description.replace(/'/g, "''");
  return powershellArgs(
    `$w=$null; Checkpoint-Computer -Description '${d}' -RestorePointType MODIFY_SETTINGS -ErrorAction Stop -WarningAction SilentlyContinue -WarningVariable w; if ($w) { '${RECENT}' }; '${PS_DONE}'`,
  );
}

export async function makeRestorePoint(o: {
  exec: Exec;
  server: boolean;
  powershell?: string;
  timeoutMs?: number;
}): Promise<RestorePointResult> {
  if (o.server)
    return {
      made: false,
      reason: 'server',
      note: text(
        'Windows Server non ha Ripristino configurazione di sistema: il punto di ripristino non si può creare.',
        'Windows Server has no System Restore: no restore point can be made.',
      ),
      detail: 'server edition',
    };
  const ps =
    o.powershell ?? path.win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  const r = await o.exec(ps, restorePointArgs('PEC Doctor - riparazione TLS 1.2'), {
    timeoutMs: o.timeoutMs ?? 300_000,
    encoding: 'console',
  });
  const lines = r.stdout.split(/\r?\n/).map((l) => l.trim());
  if (r.ok && lines.includes(PS_DONE)) {
    if (lines.includes(RECENT))
      return {
        made: false,
        reason: 'recent',
        note: text(
          'Windows non ha creato un nuovo punto di ripristino perché ne esiste già uno delle ultime 24 ore.',
          'Windows made no new restore point because one from the last 24 hours exists.',
        ),
        detail: 'skipped by Windows (one a day)',
      };
    return { made: true, note: text('Punto di ripristino creato.', 'Restore point created.') };
  }
  const detail = (
    r.error ??
    (`${r.stderr}`.trim().split(/\r?\n/)[0] || (r.ok ? 'PowerShell ended without running the command' : `exit ${r.code}`))
  ).slice(0, 300);
  return {
    made: false,
    reason: r.error && /not found/.test(r.error) ? 'no-powershell' : 'failed',
    note: text(
      'Non è stato possibile creare un punto di ripristino (Ripristino configurazione di sistema può essere spento o non disponibile). Il file di annullamento è stato comunque salvato.',
      'A restore point could not be made (System Restore may be off or unavailable). The undo file was saved anyway.',
    ),
    detail,
  };
}

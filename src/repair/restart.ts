// After the repair: the restart ("Riavvia ora" = shutdown.exe /r /t <delay>, "Più tardi" =
// nothing, and shutdown /a cancels a pending one) and the one-time re-check after it: a HKCU
// RunOnce value that starts the installed app with a flag; Windows deletes the value before
// running it, so it happens once. The app then diagnoses again and shows before/after.
import * as path from 'path';
import type { Exec, ExecResult } from '../platform/exec';
import { defaultRegExe } from './registry-write';

export const RUNONCE_KEY = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce';
export const RUNONCE_VALUE = 'PECDoctorRecheck';
/** The flag the app is started with after the restart. */
export const AFTER_REPAIR_FLAG = '--after-repair';

const shutdownExe = () => path.win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'shutdown.exe');

/** shutdown.exe /r /t <seconds> with a comment the user sees in Windows' notice. */
export function restartArgs(delaySeconds: number): string[] {
  const t = Math.max(0, Math.min(600, Math.floor(delaySeconds)));
  return ['/r', '/t', String(t), '/c', 'PEC Doctor: riavvio per completare la riparazione della PEC.'];
}

export function scheduleRestart(exec: Exec, delaySeconds = 60, exe = shutdownExe()): Promise<ExecResult> {
  return exec(exe, restartArgs(delaySeconds), { timeoutMs: 15_000 });
}

export function cancelRestart(exec: Exec, exe = shutdownExe()): Promise<ExecResult> {
  return exec(exe, ['/a'], { timeoutMs: 15_000 });
}

/** The RunOnce data: the installed app, quoted, with the flag (and the history id of the run before). */
export function recheckCommand(appExe: string, beforeRunId: string | null): string {
  if (!/^[A-Za-z]:\\[^"]+\.exe$/i.test(appExe)) throw new Error('the app path must be an absolute .exe path');
  const id = beforeRunId && /^[A-Za-z0-9_-]{1,64}$/.test(beforeRunId) ? ` --before=${beforeRunId}` : '';
  return `"${appExe}" ${AFTER_REPAIR_FLAG}${id}`;
}

export function registerRecheckArgs(appExe: string, beforeRunId: string | null): string[] {
  return ['add', RUNONCE_KEY, '/v', RUNONCE_VALUE, '/t', 'REG_SZ', '/d', recheckCommand(appExe, beforeRunId), '/f'];
}

/** Registers the one-time re-check for this user (HKCU: no elevation needed). */
export function registerRecheck(exec: Exec, appExe: string, beforeRunId: string | null, regExe = defaultRegExe()): Promise<ExecResult> {
  return exec(regExe, registerRecheckArgs(appExe, beforeRunId), { timeoutMs: 15_000 });
}

/** The flag and the run before, from the app's command line (anything else ignored). */
export function afterRepairArgs(argv: readonly string[]): { afterRepair: boolean; beforeRunId: string | null } {
  const afterRepair = argv.includes(AFTER_REPAIR_FLAG);
  const before = argv.map((a) => /^--before=([A-Za-z0-9_-]{1,64})$/.exec(a)?.[1]).find(Boolean) ?? null;
  return { afterRepair, beforeRunId: afterRepair ? before : null };
}

// Command lines for Windows tools, built as argument arrays (never through cmd.exe).
import type { Source } from './source';

const systemRoot = (src: Source) => src.env.SystemRoot ?? src.env.SYSTEMROOT ?? 'C:\\Windows';

export function powershellExe(src: Source): string {
  return `${systemRoot(src)}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
}

export function wmicExe(src: Source): string {
  return `${systemRoot(src)}\\System32\\wbem\\WMIC.exe`;
}

/** PowerShell 2-compatible invocation: no profile, no prompts. */
export function powershellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-Command', script];
}

/**
 * Printed after a script whose empty output would otherwise mean "none": a PowerShell that is a
 * stub (Wine's exits 0 at once), blocked by policy or killed by an antivirus prints nothing and
 * may still exit 0, and "no update / no antivirus" must not be read from that silence.
 */
export const PS_DONE = 'pec-doctor:done';

/** `script`, then the end marker (PowerShell 2 syntax: a bare string statement is written out). */
export function powershellArgsWithEnd(script: string): string[] {
  return powershellArgs(`${script}; '${PS_DONE}'`);
}

/** True when the script ran to its end (the marker is on a line of its own). */
export function psCompleted(stdout: string): boolean {
  return stdout.split(/\r?\n/).some((l) => l.trim() === PS_DONE);
}

/** A PowerShell single-quoted literal: nothing inside is expanded; quotes are doubled. */
export function psLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

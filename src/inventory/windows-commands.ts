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

/** A PowerShell single-quoted literal: nothing inside is expanded; quotes are doubled. */
export function psLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

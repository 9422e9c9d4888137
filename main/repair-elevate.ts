// One elevation for the whole repair: PowerShell's Start-Process -Verb RunAs starts this app's
// own executable with the job file and its hash, waits for it, and says whether the user refused
// the UAC prompt (Win32 error 1223, ERROR_CANCELLED). Why not @vscode/sudo-prompt: on Windows it
// does the same Start-Process -Verb RunAs, through a batch file written to the temp folder and
// run by cmd.exe (its quoting rules), for any command line; here the only program ever elevated
// is our own signed executable, its two arguments built by us and passed as PowerShell literals.
import * as path from 'path';
import type { Exec } from '../src/platform/exec';
import { powershellArgs, psLiteral } from '../src/inventory/windows-commands';

export type ElevationResult = { status: 'ran'; code: number } | { status: 'refused' } | { status: 'failed'; detail: string };

const MARK = 'pec-doctor:';

/** The PowerShell 2-compatible script; arguments are quoted for the child's command line (no quotes can occur in them). */
export function elevationScript(exe: string, args: string[]): string {
  for (const a of [exe, ...args]) if (/["\r\n\0]/.test(a)) throw new Error('elevation: unexpected character in an argument');
  const list = args.map((a) => psLiteral(`"${a}"`)).join(',');
  return [
    'try {',
    `$p = Start-Process -FilePath ${psLiteral(exe)} -ArgumentList @(${list}) -Verb RunAs -Wait -PassThru -ErrorAction Stop;`,
    `'${MARK}exit=' + $p.ExitCode`,
    '} catch {',
    `$c = 0; if ($_.Exception.InnerException) { $c = $_.Exception.InnerException.NativeErrorCode } elseif ($_.Exception.NativeErrorCode) { $c = $_.Exception.NativeErrorCode };`,
    `if ($c -eq 1223 -or $_.Exception.Message -match 'cancel') { '${MARK}refused' } else { '${MARK}error=' + $_.Exception.Message }`,
    '}',
  ].join(' ');
}

export function parseElevation(stdout: string): ElevationResult {
  const line = stdout
    .split(/\r?\n/)
    .find((l) => l.trim().startsWith(MARK))
    ?.trim();
  if (!line) return { status: 'failed', detail: 'PowerShell ended without an answer' };
  const exit = /^pec-doctor:exit=(-?\d+)$/.exec(line);
  if (exit) return { status: 'ran', code: Number(exit[1]) };
  if (line === `${MARK}refused`) return { status: 'refused' };
  return { status: 'failed', detail: line.slice(MARK.length).slice(0, 300) };
}

export async function elevate(exec: Exec, exe: string, args: string[]): Promise<ElevationResult> {
  const ps = path.win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  // The prompt waits for a person, and the repair may install an update: up to 45 minutes.
  const r = await exec(ps, powershellArgs(elevationScript(exe, args)), { timeoutMs: 45 * 60_000, encoding: 'console' });
  if (r.error) return { status: 'failed', detail: r.error };
  return parseElevation(r.stdout);
}

export const JOB_FLAG = '--pec-repair-job=';
export const HASH_FLAG = '--pec-repair-hash=';

/** In the elevated instance: the job named on the command line, if any. */
export function repairJobArgs(argv: readonly string[]): { job: string; hash: string } | null {
  const job = argv.find((a) => a.startsWith(JOB_FLAG))?.slice(JOB_FLAG.length);
  const hash = argv.find((a) => a.startsWith(HASH_FLAG))?.slice(HASH_FLAG.length);
  return job && hash && /^[0-9a-f]{64}$/.test(hash) && path.isAbsolute(job) ? { job, hash } : null;
}

// Installed Windows updates (KB numbers), to know whether KB3140245 is there. wmic first (Windows
// XP to 10), then PowerShell Get-HotFix (PowerShell 2 has it; Windows 11 24H2 may lack wmic).

/** KB ids in `wmic qfe get HotFixID /format:list` or `Get-HotFix | ... HotFixID` output, upper case, unique. */
export function parseHotfixIds(output: string): string[] {
  const ids = new Set<string>();
  for (const m of output.matchAll(/\bKB(\d{6,8})\b/gi)) ids.add(`KB${m[1]}`);
  return [...ids].sort();
}

/** Releases that need KB3140245 (the KB's "Applies to" and Microsoft's OneDrive article, docs/facts/windows-and-clients.md §2). */
export const KB3140245_RELEASES = ['Windows 7', 'Windows 8'];

/**
 * KB4019276 adds TLS 1.1 and 1.2 to Windows Server 2008 SP2 (NT 6.0, builds 6002/6003); they stay
 * off until the SChannel Client keys are set, as on Windows 7. Microsoft's article names only
 * Server 2008 SP2; it is looked for on every NT 6.0 (Vista shares the build) and the model decides.
 */
export const KB4019276_NT = '6.0';
export function isNt60Build(build: number | null): boolean {
  return build !== null && build >= 6000 && build < 7000;
}

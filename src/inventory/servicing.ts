// The servicing store's package list (HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component
// Based Servicing\Packages), read for the language-pack trap: Microsoft's KB3140245 article and
// the providers' guides say to reinstall KB3140245 after adding a language pack
// (docs/facts/requirements.md), so the plan needs the install time of both.
//
// Facts, and how sure they are:
// - Each installed package is a subkey named after the package identity, e.g.
//   Package_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.1 and
//   Microsoft-Windows-Client-LanguagePack-Package~31bf3856ad364e35~amd64~it-IT~6.1.7601.17514.
//   [3P: forensic write-ups and public captures; Microsoft documents the store, not its keys.]
// - InstallTimeHigh / InstallTimeLow (DWORDs) are the two halves of a FILETIME (100 ns ticks
//   since 1601-01-01 UTC): time = High * 2^32 + Low. [3P: iblue.team "Security Patch/KB Install
//   Date", citing a BigFix article; not in Microsoft's documentation: UNCONFIRMED by Microsoft.]
// - CurrentState 0x70 (112) is "installed". [3P, widely used by scripts; UNCONFIRMED.] Kept raw.
// The query is bounded: one `reg query` of the Packages key (its direct subkeys, no /s over the
// thousands of packages), then one query per matching package.
import type { Evidence } from '../util/evidence';
import type { ServicingPackage } from './types';
import type { Source } from './source';
import { readRegKey } from './probe';
import { regNumber, regValue, type RegKey } from '../platform/registry';

export const CBS_PACKAGES_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages';

/** Package names of KB3140245 (Package_for_KB3140245~..., Package_1_for_KB3140245~...). */
export const KB3140245_PACKAGE = /^Package(?:_\d+)?_for_KB3140245~/i;
/** Package names of KB4019276 (TLS 1.1/1.2 for Windows Server 2008 SP2). */
export const KB4019276_PACKAGE = /^Package(?:_\d+)?_for_KB4019276~/i;
/** Client language packs (the Windows 7/8 display languages added after setup). */
export const LANGUAGE_PACK_PACKAGE = /^Microsoft-Windows-Client-LanguagePack-Package~/i;

/** At most this many packages of each kind are read one by one (a store has one or two of each). */
const MAX_PER_KIND = 8;

/** FILETIME halves to an ISO date; null when missing, zero or outside 1990–2100 (not a real install time). */
export function filetimeToIso(high: number | null, low: number | null): string | null {
  if (high === null || low === null || high < 0 || low < 0) return null;
  const ticks = (BigInt(Math.trunc(high)) << 32n) + BigInt(Math.trunc(low));
  if (ticks === 0n) return null;
  const ms = Number(ticks / 10_000n) - 11_644_473_600_000;
  if (ms < Date.UTC(1990, 0, 1) || ms > Date.UTC(2100, 0, 1)) return null;
  return new Date(ms).toISOString();
}

/** One package key to its entry (name = the key's last path element). */
export function servicingPackage(key: RegKey): ServicingPackage {
  const name = key.path.split('\\').pop() ?? key.path;
  return {
    name,
    installedAt: filetimeToIso(regNumber(regValue(key, 'InstallTimeHigh')), regNumber(regValue(key, 'InstallTimeLow'))),
    currentState: regNumber(regValue(key, 'CurrentState')),
  };
}

/** The package subkeys of interest among the Packages key's direct subkeys. */
export function pickServicingPackages(subkeys: string[]): { kb3140245: string[]; languagePacks: string[]; kb4019276: string[] } {
  const leaf = (p: string) => p.split('\\').pop() ?? p;
  return {
    kb3140245: subkeys.filter((p) => KB3140245_PACKAGE.test(leaf(p))).slice(0, MAX_PER_KIND),
    languagePacks: subkeys.filter((p) => LANGUAGE_PACK_PACKAGE.test(leaf(p))).slice(0, MAX_PER_KIND),
    kb4019276: subkeys.filter((p) => KB4019276_PACKAGE.test(leaf(p))).slice(0, MAX_PER_KIND),
  };
}

export interface ServicingRead {
  servicing: { kb3140245: ServicingPackage[]; languagePacks: ServicingPackage[]; kb4019276?: ServicingPackage[] } | null;
  evidence: Evidence[];
}

/** Reads the two kinds of packages; servicing null (with the error in evidence) when the list could not be read. */
export async function collectServicing(src: Source, native: 64 | undefined, options: { kb4019276?: boolean } = {}): Promise<ServicingRead> {
  const list = await readRegKey(src, CBS_PACKAGES_KEY, native, []);
  const listEvidence: Evidence = { ...list.evidence };
  if (list.error) return { servicing: null, evidence: [listEvidence] };
  // A Windows 7/8 always has the store: a missing key means it could not be seen, not "no packages".
  if (!list.key) return { servicing: null, evidence: [{ ...listEvidence, error: 'servicing store not found' }] };
  const all = pickServicingPackages(list.subkeys);
  // KB4019276 is looked for only where it applies (NT 6.0); elsewhere the answer keeps its old shape.
  const picked = { ...all, kb4019276: options.kb4019276 ? all.kb4019276 : [] };
  listEvidence.raw = `${list.subkeys.length} packages listed; matching: ${[...picked.kb3140245, ...picked.languagePacks, ...picked.kb4019276].map((p) => p.split('\\').pop()).join(', ') || 'none'}`;
  const read = async (paths: string[]) => {
    const reads = await Promise.all(
      paths.map((p) => readRegKey(src, p, native, ['InstallTimeHigh', 'InstallTimeLow', 'CurrentState', 'InstallClient'])),
    );
    return {
      packages: reads.map((r, i) =>
        r.key ? servicingPackage(r.key) : { name: paths[i].split('\\').pop() ?? paths[i], installedAt: null, currentState: null },
      ),
      evidence: reads.map((r) => r.evidence),
    };
  };
  const [kb, lp, kb4] = await Promise.all([read(picked.kb3140245), read(picked.languagePacks), read(picked.kb4019276)]);
  const servicing: NonNullable<ServicingRead['servicing']> = { kb3140245: kb.packages, languagePacks: lp.packages };
  if (options.kb4019276) servicing.kb4019276 = kb4.packages;
  return { servicing, evidence: [listEvidence, ...kb.evidence, ...lp.evidence, ...kb4.evidence] };
}

/**
 * The trap itself, for the rules: a language pack installed after KB3140245. null when it cannot
 * be told (no servicing data, no KB package, or install times missing).
 */
export function languagePackAfterKb(
  s: { kb3140245: ServicingPackage[]; languagePacks: ServicingPackage[] } | null | undefined,
): ServicingPackage | null | false {
  if (!s || s.kb3140245.length === 0) return null;
  const kbTimes = s.kb3140245.map((p) => p.installedAt).filter((t): t is string => t !== null);
  if (kbTimes.length === 0) return null;
  // The latest KB install counts: a reinstall after the language pack is the fix itself.
  const kbAt = kbTimes.sort()[kbTimes.length - 1];
  const later = s.languagePacks.find((p) => p.installedAt !== null && p.installedAt > kbAt);
  if (later) return later;
  return s.languagePacks.some((p) => p.installedAt === null) ? null : false;
}

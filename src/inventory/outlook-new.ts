// The new Outlook for Windows (olk.exe, package Microsoft.OutlookForWindows). It is a packaged
// (MSIX/AppX) app, so it has no Uninstall entry and no App Paths key: Windows lists the packages a
// user has in HKCU\Software\Classes\Local Settings\...\AppModel\Repository\Packages, one subkey per
// package full name ("<name>_<version>_<arch>_<resource>_<publisher id>") with PackageRootFolder.
// Its IMAP/SMTP connections are made by Microsoft's cloud, not by this PC (docs/inventory.md).
import type { Evidence } from '../util/evidence';
import type { ClientInfo } from './types';
import type { Source } from './source';
import { readRegKey, ErrorLog } from './probe';
import { regString, regValue, type RegKey } from '../platform/registry';

export const APPX_PACKAGES_KEY =
  'HKCU\\Software\\Classes\\Local Settings\\Software\\Microsoft\\Windows\\CurrentVersion\\AppModel\\Repository\\Packages';
export const NEW_OUTLOOK_PACKAGE = 'Microsoft.OutlookForWindows';

export interface PackageFullName {
  name: string;
  version: string;
  arch: string;
  publisherId: string;
}

/** "Microsoft.OutlookForWindows_1.2024.717.400_x64__8wekyb3d8bbwe" → its parts; null when it is not a package full name. */
export function parsePackageFullName(full: string): PackageFullName | null {
  const m = /^([A-Za-z0-9.-]+)_(\d+(?:\.\d+){0,3})_([a-z0-9]+)_[^_]*_([a-z0-9]{13})$/i.exec(full.trim());
  return m ? { name: m[1], version: m[2], arch: m[3].toLowerCase(), publisherId: m[4].toLowerCase() } : null;
}

/** The newest new-Outlook package among the repository's subkeys (a user can briefly have two during an update). */
export function pickNewOutlookPackage(subkeys: string[]): { path: string; pkg: PackageFullName } | null {
  const hits = subkeys
    .map((path) => ({ path, pkg: parsePackageFullName(path.split('\\').pop() ?? '') }))
    .filter(
      (h): h is { path: string; pkg: PackageFullName } => h.pkg !== null && h.pkg.name.toLowerCase() === NEW_OUTLOOK_PACKAGE.toLowerCase(),
    );
  const key = (v: string) => v.split('.').map((n) => Number(n));
  hits.sort((a, b) => {
    const x = key(a.pkg.version);
    const y = key(b.pkg.version);
    for (let i = 0; i < 4; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (y[i] ?? 0) - (x[i] ?? 0);
    return 0;
  });
  return hits[0] ?? null;
}

/** Pure: the client entry from the package name and its key. */
export function newOutlookClient(pkg: PackageFullName, key: RegKey | null, evidence: Evidence[]): ClientInfo {
  const root = regString(regValue(key, 'PackageRootFolder'))?.trim() || null;
  return {
    id: 'outlook-new',
    name: 'Nuovo Outlook per Windows',
    version: pkg.version,
    marketingName: null,
    bitness: pkg.arch === 'x86' ? 32 : pkg.arch === 'x64' || pkg.arch === 'arm64' ? 64 : null,
    installType: 'msix',
    path: root ? `${root.replace(/\\+$/, '')}\\olk.exe` : null,
    evidence,
  };
}

/** Reads the package list (direct subkeys only: no /s over every package), then the one package key. */
export async function collectNewOutlook(src: Source, log: ErrorLog): Promise<ClientInfo | null> {
  const list = await readRegKey(src, APPX_PACKAGES_KEY, undefined, []);
  if (list.error) {
    log.add(list.evidence);
    return null;
  }
  const hit = pickNewOutlookPackage(list.subkeys);
  if (!hit) return null;
  const listEvidence: Evidence = {
    source: list.evidence.source,
    raw: `${list.subkeys.length} packages listed; matching: ${hit.path.split('\\').pop()}`,
  };
  const pkg = await readRegKey(src, hit.path, undefined, ['DisplayName', 'PackageID', 'PackageRootFolder']);
  log.add(pkg.evidence);
  return newOutlookClient(hit.pkg, pkg.key, [listEvidence, pkg.evidence]);
}

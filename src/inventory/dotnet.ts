// .NET Framework 4.x version (from the Release DWORD) and its TLS switches.
import type { DotnetTlsKey } from './types';
import { regNumber, regValue, type RegKey } from '../platform/registry';

export const NDP_V4_FULL_KEY = 'HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full';
export const DOTNET_FRAMEWORKS: DotnetTlsKey['framework'][] = ['v4.0.30319', 'v2.0.50727'];
export const dotnetFrameworkKey = (framework: string) => `HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\${framework}`;

// Minimum Release value of each version. Source: dotnet/docs "How to determine which .NET
// Framework versions are installed" (docs/framework/install/how-to-determine-which-versions-are-installed.md),
// via docs/facts/windows-and-clients.md §8. Highest first.
export const DOTNET_RELEASES: { minRelease: number; version: string }[] = [
  { minRelease: 533320, version: '4.8.1' },
  { minRelease: 528040, version: '4.8' },
  { minRelease: 461808, version: '4.7.2' },
  { minRelease: 461308, version: '4.7.1' },
  { minRelease: 460798, version: '4.7' },
  { minRelease: 394802, version: '4.6.2' },
  { minRelease: 394254, version: '4.6.1' },
  { minRelease: 393295, version: '4.6' },
  { minRelease: 379893, version: '4.5.2' },
  { minRelease: 378675, version: '4.5.1' },
  { minRelease: 378389, version: '4.5' },
];

export function dotnetVersionOfRelease(release: number | null): string | null {
  if (release === null) return null;
  return DOTNET_RELEASES.find((r) => release >= r.minRelease)?.version ?? null;
}

/** The v4\Full key: Release and, before 4.5 (no Release), the Version string ("4.0.30319"). */
export function parseNdpFull(key: RegKey | null): { release: number | null; version: string | null } {
  if (!key) return { release: null, version: null };
  const release = regNumber(regValue(key, 'Release'));
  const v = regValue(key, 'Version')?.value;
  return { release, version: dotnetVersionOfRelease(release) ?? (typeof v === 'string' && v ? v.split('.').slice(0, 2).join('.') : null) };
}

export function parseDotnetTlsKey(key: RegKey | null, framework: DotnetTlsKey['framework'], view: 64 | 32): DotnetTlsKey {
  return {
    framework,
    view,
    schUseStrongCrypto: regNumber(regValue(key, 'SchUseStrongCrypto')),
    systemDefaultTlsVersions: regNumber(regValue(key, 'SystemDefaultTlsVersions')),
  };
}

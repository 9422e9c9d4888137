// Version comparison for the requirement tables. Versions come in many shapes: Thunderbird
// "45.6" or "115.8.0 (x64 en-US)", Outlook "16.0.4266.1001", OpenSSL "1.0.1h" or "OpenSSL 3.0.13",
// Java "1.8.0_131", "8u131" or "17.0.3", .NET "4.6.2", macOS "10.12.6". They are coerced to a
// semver triple (plus a fourth numeric part kept aside for four-part Windows builds) and then
// compared with the `semver` package.
import * as semver from 'semver';

export type VersionKind = 'generic' | 'java' | 'openssl';

export interface ParsedVersion {
  /** semver string used for the comparison. */
  semver: string;
  /** A fourth numeric part (Windows builds such as 16.0.4266.1001), 0 when absent. */
  build: number;
}

/** OpenSSL letter releases: 1.0.1 < 1.0.1a < … < 1.0.1h < 1.0.2. The patch number is scaled by 1000 and the letter added. */
function coerceOpenssl(raw: string): ParsedVersion | null {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?([a-z]{0,2})/i.exec(raw);
  if (!m) return null;
  const letters = m[4].toLowerCase();
  // "zb" style double letters (1.0.2zb) continue after z.
  let letterIndex = 0;
  for (const ch of letters) letterIndex = letterIndex * 26 + (ch.charCodeAt(0) - 96);
  const patch = Number(m[3] ?? 0) * 1000 + letterIndex;
  return { semver: `${Number(m[1])}.${Number(m[2])}.${patch}`, build: 0 };
}

/**
 * Java: 1.8.0_131 and 8u131 are both 8.0.131 (update 131); 1.7.0 is 7.0.0; 11.0.2 and 17 stay as
 * they are. "8b132" names a build, not an update: build 132 of 1.8.0 is the first release (GA,
 * March 2014), so it is 8.0.0 (earlier builds were previews nobody runs in an office).
 */
function coerceJava(raw: string): ParsedVersion | null {
  const s = raw.trim();
  let m = /^(?:\D*?)1\.(\d+)\.(\d+)(?:_(\d+))?/.exec(s);
  if (m) return { semver: `${Number(m[1])}.${Number(m[2])}.${Number(m[3] ?? 0)}`, build: 0 };
  m = /^(?:\D*?)(\d+)u(\d+)/i.exec(s);
  if (m) return { semver: `${Number(m[1])}.0.${Number(m[2])}`, build: 0 };
  m = /^(?:\D*?)(\d+)b\d+/i.exec(s);
  if (m) return { semver: `${Number(m[1])}.0.0`, build: 0 };
  return coerceGeneric(s);
}

function coerceGeneric(raw: string): ParsedVersion | null {
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?/.exec(raw);
  if (!m) return null;
  const triple = `${Number(m[1])}.${Number(m[2] ?? 0)}.${Number(m[3] ?? 0)}`;
  return semver.valid(triple) ? { semver: triple, build: Number(m[4] ?? 0) } : null;
}

export function parseVersion(raw: string | null | undefined, kind: VersionKind = 'generic'): ParsedVersion | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  if (kind === 'openssl') return coerceOpenssl(raw);
  if (kind === 'java') return coerceJava(raw);
  return coerceGeneric(raw);
}

/** -1, 0 or 1; null when either version cannot be read. */
export function compareVersions(
  a: string | null | undefined,
  b: string | null | undefined,
  kind: VersionKind = 'generic',
): -1 | 0 | 1 | null {
  const pa = parseVersion(a, kind);
  const pb = parseVersion(b, kind);
  if (!pa || !pb) return null;
  const c = semver.compare(pa.semver, pb.semver);
  if (c !== 0) return c;
  return pa.build === pb.build ? 0 : pa.build < pb.build ? -1 : 1;
}

/** true when `version` is at least `minimum`, false when below, null when unreadable. */
export function atLeast(version: string | null | undefined, minimum: string, kind: VersionKind = 'generic'): boolean | null {
  const c = compareVersions(version, minimum, kind);
  return c === null ? null : c >= 0;
}

/** Major version number, or null. */
export function majorOf(version: string | null | undefined, kind: VersionKind = 'generic'): number | null {
  const p = parseVersion(version, kind);
  return p ? semver.major(p.semver) : null;
}

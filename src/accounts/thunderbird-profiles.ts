// Where Thunderbird keeps its profiles, and which of them is the default.
// Sources: docs/facts/windows-and-clients.md §7 (profiles.ini locations and format, support.mozilla.org
// "Profiles - Where Thunderbird stores your messages", "understanding-depth-profile-installation").
// Checked on Debian 12 with thunderbird 1:153.7.0esr-1~deb12u1: profiles live in ~/.thunderbird
// (the Debian wrapper /usr/bin/thunderbird also knows the legacy ~/.icedove), and the binary
// does NOT use ~/.mozilla/thunderbird nor ~/.config (a profiles.ini placed there is ignored, a
// new profile still goes to ~/.thunderbird). A plain start writes installs.ini and an
// [Install<hash>] section whose Default= wins over Default=1.
import * as fs from 'fs';
import * as path from 'path';
import { parseIni } from './ini';
import { LIMITS, readBoundedText } from '../platform/read-bounded';

export interface ThunderbirdRoot {
  /** Folder holding profiles.ini. */
  dir: string;
  /** windows, macos, linux, snap, flatpak, legacy. */
  kind: string;
}

export interface ThunderbirdProfile {
  name: string;
  /** Absolute folder of the profile. */
  dir: string;
  isDefault: boolean;
  root: ThunderbirdRoot;
}

/** path.win32 for Windows-style folders, path.posix otherwise (tests run the Windows layout on Linux). */
export const pathFor = (dir: string): path.PlatformPath =>
  /^[A-Za-z]:[\\/]|^\\\\/.test(dir) || (dir.includes('\\') && !dir.startsWith('/')) ? path.win32 : path.posix;

export function thunderbirdRoots(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): ThunderbirdRoot[] {
  const roots: ThunderbirdRoot[] = [];
  const home = env.HOME || env.USERPROFILE || '';
  if (platform === 'win32') {
    if (env.APPDATA) roots.push({ dir: pathFor(env.APPDATA).join(env.APPDATA, 'Thunderbird'), kind: 'windows' });
    return roots;
  }
  if (!home) return roots;
  const p = pathFor(home);
  if (platform === 'darwin') {
    roots.push({ dir: p.join(home, 'Library', 'Thunderbird'), kind: 'macos' });
    return roots;
  }
  roots.push(
    { dir: p.join(home, '.thunderbird'), kind: 'linux' },
    { dir: p.join(home, 'snap', 'thunderbird', 'common', '.thunderbird'), kind: 'snap' },
    { dir: p.join(home, '.var', 'app', 'org.mozilla.Thunderbird', '.thunderbird'), kind: 'flatpak' },
    { dir: p.join(home, '.var', 'app', 'net.thunderbird.Thunderbird', '.thunderbird'), kind: 'flatpak' },
    { dir: p.join(home, '.icedove'), kind: 'legacy' },
    { dir: p.join(home, '.mozilla-thunderbird'), kind: 'legacy' },
  );
  return roots;
}

/** Profiles named by profiles.ini (and installs.ini) of one root. Pure. */
export function parseProfilesIni(profilesIni: string, installsIni: string | null, root: ThunderbirdRoot): ThunderbirdProfile[] {
  const p = pathFor(root.dir);
  const resolve = (rel: string, isRelative: boolean): string => (isRelative ? p.resolve(root.dir, rel) : p.resolve(rel));
  const sections = parseIni(profilesIni);
  // Per-installation defaults: [Install<hash>] in profiles.ini and [<hash>] in installs.ini.
  const installDefaults = new Set<string>();
  for (const [name, values] of sections) {
    if (/^Install/i.test(name) && values.get('Default')) installDefaults.add(resolve(values.get('Default') as string, true));
  }
  if (installsIni) {
    for (const values of parseIni(installsIni).values()) {
      const d = values.get('Default');
      if (d) installDefaults.add(resolve(d, true));
    }
  }
  const profiles: ThunderbirdProfile[] = [];
  for (const [name, values] of sections) {
    if (!/^Profile\d+$/i.test(name)) continue;
    const rel = values.get('Path');
    if (!rel) continue;
    // IsRelative defaults to relative when absent only if the path does not look absolute.
    const isRelative = values.has('IsRelative') ? values.get('IsRelative') === '1' : !p.isAbsolute(rel);
    const dir = resolve(rel, isRelative);
    const isDefault = installDefaults.size > 0 ? installDefaults.has(dir) : values.get('Default') === '1';
    profiles.push({ name: values.get('Name') || p.basename(dir), dir, isDefault, root });
  }
  // With a single profile and no default named, Thunderbird starts that one.
  if (profiles.length === 1 && installDefaults.size === 0) profiles[0].isDefault = true;
  return profiles;
}

export interface ProfileSearch {
  profiles: ThunderbirdProfile[];
  errors: { source: string; error: string }[];
}

/**
 * Reads profiles.ini in every root that exists. A root without profiles.ini is simply absent.
 * `confineTo`: a recorded machine's folder; a profile outside it (an absolute Path with
 * IsRelative=0, or a link) is refused and named, never read: a recording must not make us read
 * the technician's own files.
 */
export async function findThunderbirdProfiles(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  confineTo?: string,
): Promise<ProfileSearch> {
  const out: ProfileSearch = { profiles: [], errors: [] };
  const seenRoots = new Set<string>();
  const seenProfiles = new Set<string>();
  for (const root of thunderbirdRoots(env, platform)) {
    const p = pathFor(root.dir);
    const iniPath = p.join(root.dir, 'profiles.ini');
    // Bounded: a FIFO named profiles.ini used to hang discovery for ever.
    const read = await readBoundedText(iniPath, { maxBytes: LIMITS.ini, label: 'profiles.ini' });
    if (!read.ok) {
      if (read.reason !== 'missing') out.errors.push({ source: iniPath, error: `unreadable: ${read.message}` });
      continue;
    }
    const ini = read.text;
    // ~/.icedove is often a symlink to ~/.thunderbird (Debian): read each real folder once.
    const real = await realpathOr(root.dir);
    if (seenRoots.has(real)) continue;
    seenRoots.add(real);
    const installsPath = p.join(root.dir, 'installs.ini');
    const inst = await readBoundedText(installsPath, { maxBytes: LIMITS.ini, label: 'installs.ini' });
    const installs = inst.ok ? inst.text : null;
    if (!inst.ok && inst.reason !== 'missing') out.errors.push({ source: installsPath, error: `unreadable: ${inst.message}` });
    for (const profile of parseProfilesIni(ini, installs, root)) {
      const key = await realpathOr(profile.dir);
      if (confineTo !== undefined && !isInside(await realpathOr(confineTo), key)) {
        out.errors.push({
          source: iniPath,
          error: `profilo fuori dalla macchina registrata, non letto / profile outside the recorded machine, not read: ${profile.name}`,
        });
        continue;
      }
      if (seenProfiles.has(key)) continue;
      seenProfiles.add(key);
      out.profiles.push(profile);
    }
  }
  return out;
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function realpathOr(dir: string): Promise<string> {
  try {
    return await fs.promises.realpath(dir);
  } catch {
    return dir;
  }
}

/** Thrown by readProfileFile: `code` ENOENT when the file is simply absent. */
export class ProfileFileError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * A file of a profile (prefs.js, user.js): a regular file of at most 32 MB, inside the profile
 * folder. A link elsewhere (to a system file) is refused and named, never parsed: its content
 * must not reach a report, not even as the "found ..." of a syntax error.
 */
export async function readProfileFile(file: string, profileDir: string): Promise<string> {
  const r = await readBoundedText(file, { maxBytes: LIMITS.prefsJs, label: path.basename(file), within: profileDir });
  if (r.ok) return r.text;
  throw new ProfileFileError(r.message, r.reason === 'missing' ? 'ENOENT' : undefined);
}

export const isMissing = (err: unknown): boolean =>
  (err as NodeJS.ErrnoException)?.code === 'ENOENT' || (err as NodeJS.ErrnoException)?.code === 'ENOTDIR';
export const errorText = (err: unknown): string =>
  ((err as NodeJS.ErrnoException)?.code ? `${(err as NodeJS.ErrnoException).code}: ` : '') +
  (err instanceof Error ? err.message : String(err));

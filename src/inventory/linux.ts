// Linux: distribution (/etc/os-release), mail programs and browsers from their `--version`
// output, and the snap and flatpak packages that may not be on PATH.
import type { Evidence } from '../util/evidence';
import type { BrowserInfo, ClientInfo, InstallType, OsInfo } from './types';
import type { Source, SiOsInfo } from './source';
import { readText, runCommand, ErrorLog } from './probe';

/** /etc/os-release: KEY=value lines, values optionally quoted. */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2].trim();
    const q = /^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/.exec(v);
    if (q) v = q[1] !== undefined ? q[1].replace(/\\(.)/g, '$1') : q[2];
    out[m[1]] = v;
  }
  return out;
}

/**
 * The code name: VERSION_CODENAME, else the parenthesised part of VERSION (os-release(5): VERSION
 * "may contain a release code name", e.g. VERSION="12 (bookworm)"). An empty value is no value.
 */
export function osReleaseCodename(osRelease: Record<string, string> | null): string | null {
  const explicit = osRelease?.VERSION_CODENAME?.trim();
  if (explicit) return explicit;
  const inVersion = /\(([^()]+)\)\s*$/.exec(osRelease?.VERSION ?? '')?.[1]?.trim();
  return inVersion || null;
}

const LINUX_ARCH: Record<string, string> = { x86_64: 'x64', amd64: 'x64', aarch64: 'arm64', arm64: 'arm64', i686: 'x86', i386: 'x86' };

export function linuxOsInfo(
  osRelease: Record<string, string> | null,
  debianVersion: string | null,
  si: SiOsInfo | null,
  arch: string | null,
  kernel: string,
  evidence: Evidence[],
): OsInfo {
  // An empty field (KEY="") is as good as absent.
  const field = (k: string) => osRelease?.[k]?.trim() || null;
  const name =
    field('PRETTY_NAME') ??
    (field('NAME') ? `${field('NAME')} ${field('VERSION') ?? ''}`.trim() : null) ??
    (si?.distro ? `${si.distro} ${si.release ?? ''}`.trim() : null);
  return {
    platform: 'linux',
    name,
    version: field('VERSION_ID') ?? (si?.release || null),
    // Debian's point release ("12.11") is the nearest thing to a build number.
    build: debianVersion?.trim() || null,
    arch,
    displayVersion: osReleaseCodename(osRelease) ?? (si?.codename?.trim() || null),
    kernel,
    evidence,
  };
}

export async function collectLinuxOs(src: Source, log: ErrorLog): Promise<OsInfo> {
  const [osr, deb, uname, si] = await Promise.all([
    readText(src, '/etc/os-release'),
    readText(src, '/etc/debian_version'),
    runCommand(src, 'uname', ['-m']),
    src.osInfo().then(
      (o) => ({ o, error: null as string | null }),
      (e: Error) => ({ o: null, error: e.message }),
    ),
  ]);
  let osReleaseText = osr;
  if (osr.missing) osReleaseText = await readText(src, '/usr/lib/os-release');
  log.add(osReleaseText.evidence);
  const evidence: Evidence[] = [osReleaseText.evidence];
  if (!deb.missing) evidence.push(deb.evidence);
  evidence.push(uname.evidence, {
    source: 'systeminformation osInfo()',
    raw: si.o ? JSON.stringify(si.o) : undefined,
    ...(si.error ? { error: si.error } : {}),
  });
  const machine = uname.result.ok ? uname.result.stdout.trim() : '';
  const arch = LINUX_ARCH[machine] ?? (src.processArch === 'ia32' ? 'x86' : src.processArch) ?? null;
  return linuxOsInfo(osReleaseText.text !== null ? parseOsRelease(osReleaseText.text) : null, deb.text, si.o, arch, src.release, evidence);
}

// Programs run with --version. Output shapes ("Mozilla Thunderbird 153.7.0esr", "Mozilla Firefox
// 115.5.0esr", "Chromium 156.0.8078.79 built on Debian ...", "evolution 3.46.4", "Google Chrome
// 120.0.6099.109", "Microsoft Edge 120.0.2210.77", "105.0.4970.21" for Opera) as recorded on
// real systems; the pattern takes the first version-looking word.
export const LINUX_PROGRAMS: { kind: 'client' | 'browser'; id: string; name: string; commands: string[] }[] = [
  { kind: 'client', id: 'thunderbird', name: 'Mozilla Thunderbird', commands: ['thunderbird'] },
  { kind: 'client', id: 'evolution', name: 'Evolution', commands: ['evolution'] },
  { kind: 'browser', id: 'firefox', name: 'Mozilla Firefox', commands: ['firefox', 'firefox-esr'] },
  { kind: 'browser', id: 'chromium', name: 'Chromium', commands: ['chromium', 'chromium-browser'] },
  { kind: 'browser', id: 'chrome', name: 'Google Chrome', commands: ['google-chrome', 'google-chrome-stable'] },
  { kind: 'browser', id: 'edge', name: 'Microsoft Edge', commands: ['microsoft-edge', 'microsoft-edge-stable'] },
  { kind: 'browser', id: 'opera', name: 'Opera', commands: ['opera'] },
];

// Package names of the same programs: Debian/RPM packages, Snap Store and flathub ids.
export const PACKAGE_IDS: { id: string; packages: string[]; snap?: string; flatpak?: string[] }[] = [
  {
    id: 'thunderbird',
    packages: ['thunderbird'],
    snap: 'thunderbird',
    flatpak: ['org.mozilla.Thunderbird', 'net.thunderbird.Thunderbird'],
  },
  { id: 'evolution', packages: ['evolution'], flatpak: ['org.gnome.Evolution'] },
  { id: 'firefox', packages: ['firefox', 'firefox-esr'], snap: 'firefox', flatpak: ['org.mozilla.firefox'] },
  { id: 'chromium', packages: ['chromium', 'chromium-browser'], snap: 'chromium', flatpak: ['org.chromium.Chromium'] },
  { id: 'chrome', packages: ['google-chrome-stable'], flatpak: ['com.google.Chrome'] },
  { id: 'edge', packages: ['microsoft-edge-stable'], flatpak: ['com.microsoft.Edge'] },
  { id: 'opera', packages: ['opera-stable'], snap: 'opera', flatpak: ['com.opera.Opera'] },
];

const ALL_PACKAGES = PACKAGE_IDS.flatMap((p) => p.packages);

/**
 * `dpkg-query -W -f '${Package}\t${Version}\t${db:Status-Status}\n' <names>` (exit 1 when some
 * name is unknown, the rest is still printed) or `rpm -q --qf '%{NAME}\t%{VERSION}\tinstalled\n'`:
 * installed packages and their versions.
 */
export function parsePackageList(output: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of output.split(/\r?\n/)) {
    const [name, version, status] = line.split('\t');
    if (name && version && (status ?? '').trim() === 'installed') out.set(name.trim(), version.trim());
  }
  return out;
}

/** First version-looking word of a `--version` line: "153.7.0esr", "3.46.4". */
export function parseVersionOutput(output: string): string | null {
  const line = output.split(/\r?\n/).find((l) => /\d+\.\d+/.test(l)) ?? '';
  return /\b(\d+(?:\.\d+)+[a-z0-9]*)\b/i.exec(line)?.[1] ?? null;
}

/** `snap list`: "Name  Version  Rev  Tracking  Publisher  Notes" table. */
export function parseSnapList(output: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of output.split(/\r?\n/).slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length >= 2 && cols[0]) out.set(cols[0], cols[1]);
  }
  return out;
}

/** `flatpak list --app --columns=application,version`: tab-separated lines. */
export function parseFlatpakList(output: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of output.split(/\r?\n/)) {
    const [app, version] = line.split('\t').map((s) => s.trim());
    if (app && /\./.test(app) && app !== 'Application ID') out.set(app, version ?? '');
  }
  return out;
}

export async function collectLinuxPrograms(src: Source, log: ErrorLog): Promise<{ clients: ClientInfo[]; browsers: BrowserInfo[] }> {
  const clients: ClientInfo[] = [];
  const browsers: BrowserInfo[] = [];
  const [runs, snap, flatpak, dpkg, rpm] = await Promise.all([
    Promise.all(
      LINUX_PROGRAMS.map(async (p) => ({ p, runs: await Promise.all(p.commands.map((c) => runCommand(src, c, ['--version']))) })),
    ),
    runCommand(src, 'snap', ['list']),
    runCommand(src, 'flatpak', ['list', '--app', '--columns=application,version']),
    runCommand(src, 'dpkg-query', ['-W', '-f', '${Package}\t${Version}\t${db:Status-Status}\n', ...ALL_PACKAGES]),
    runCommand(src, 'rpm', ['-q', '--qf', '%{NAME}\t%{VERSION}\tinstalled\n', ...ALL_PACKAGES]),
  ]);
  // dpkg-query exits 1 when one of the names is unknown; its stdout is still right.
  const debs = dpkg.result.error === null ? parsePackageList(dpkg.result.stdout) : new Map<string, string>();
  const rpms = rpm.result.error === null ? parsePackageList(rpm.result.stdout) : new Map<string, string>();
  const snaps = snap.result.ok ? parseSnapList(snap.result.stdout) : new Map<string, string>();
  const flatpaks = flatpak.result.ok ? parseFlatpakList(flatpak.result.stdout) : new Map<string, string>();
  for (const { p, runs: rs } of runs) {
    const evidence: Evidence[] = [];
    let version: string | null = null;
    let installType: InstallType = null;
    for (const r of rs) {
      if (r.result.error?.startsWith('not found')) continue; // not installed under that name
      evidence.push(r.evidence);
      const v = parseVersionOutput(r.result.stdout);
      if (v && !version) {
        version = v;
        installType = 'path';
      } else if (!v) log.add({ ...r.evidence, error: r.evidence.error ?? 'no version in the output' });
    }
    const ids = PACKAGE_IDS.find((x) => x.id === p.id);
    for (const [list, run, type] of [
      [debs, dpkg, 'deb'],
      [rpms, rpm, 'rpm'],
    ] as const) {
      for (const name of ids?.packages ?? []) {
        if (!list.has(name)) continue;
        evidence.push({ source: run.evidence.source, raw: `${name}\t${list.get(name)}` });
        if (installType === 'path' || installType === null) installType = type;
        // The package version ("1:153.7.0esr-1~deb12u1") only when the program did not say.
        if (!version)
          version =
            list
              .get(name)!
              .replace(/^\d+:/, '')
              .replace(/-[^-]*$/, '') || null;
      }
    }
    if (ids?.snap && snaps.has(ids.snap)) {
      evidence.push({ source: snap.evidence.source, raw: `${ids.snap} ${snaps.get(ids.snap)}` });
      if (!version) version = snaps.get(ids.snap) || null;
      installType = 'snap'; // the binary on PATH is then /snap/bin/<name>
    }
    for (const f of ids?.flatpak ?? []) {
      if (!flatpaks.has(f)) continue;
      evidence.push({ source: flatpak.evidence.source, raw: `${f}\t${flatpaks.get(f)}` });
      if (!version) {
        version = flatpaks.get(f) || null;
        installType = 'flatpak';
      }
    }
    if (evidence.length === 0) continue;
    if (p.kind === 'client') clients.push({ id: p.id, name: p.name, version, installType, evidence });
    else {
      const esr = p.id === 'firefox' && /esr/i.test(version ?? '');
      browsers.push({ id: esr ? 'firefox-esr' : p.id, name: esr ? 'Mozilla Firefox ESR' : p.name, version, installType, evidence });
    }
  }
  return { clients, browsers };
}

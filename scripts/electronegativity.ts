// Runs Electronegativity (Doyensec) over main/ and renderer/ and fails on any finding that is
// not an exception justified in electronegativity.json, or on a stale exception. Checked as
// Electron 22.3.27, our oldest shipped Electron (the Windows 7/8.1 build): checks that depend on
// the version judge the weakest runtime we ship.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
  sample: string;
}

const root = path.resolve(__dirname, '..');

/**
 * Scans main/ and renderer/ together, so global checks (navigation, permissions) see main/.
 * `edits` rewrites copied files first (a test proving a check still fires on a weakened copy).
 */
export function runElectronegativity(
  folders: string[] = ['main', 'renderer'],
  edits: Record<string, (text: string) => string> = {},
): Finding[] {
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const work = fs.mkdtempSync(path.join(root, '.tmp', 'electronegativity-'));
  const input = path.join(work, 'input');
  // SARIF, not CSV: the tool's CSV writer overwrites the start of its first row with the header.
  const out = path.join(work, 'result.sarif');
  for (const folder of folders) {
    fs.cpSync(path.join(root, folder), path.join(input, folder), {
      recursive: true,
      filter: (src) => !/node_modules|[\\/]public$/.test(src),
    });
  }
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(input, file);
    fs.writeFileSync(target, edit(fs.readFileSync(target, 'utf8')));
  }
  const bin = path.join(root, 'node_modules', '.bin', 'electronegativity');
  // -e: the tool would otherwise try to fetch Electron's release list from the internet.
  execFileSync(bin, ['-i', input, '-r', '-e', '22.3.27', '-o', out], { stdio: 'pipe', timeout: 180_000, cwd: root });
  const sarif = JSON.parse(fs.readFileSync(out, 'utf8')) as { runs: { results: SarifResult[] }[] };
  fs.rmSync(work, { recursive: true, force: true });
  return sarif.runs.flatMap((run) =>
    run.results.map((r) => {
      const loc = r.locations[0].physicalLocation;
      return {
        check: r.ruleId,
        severity: r.level,
        file: loc.artifactLocation.uri.split(path.sep).join('/'),
        location: `${loc.region.startLine}:${loc.region.startColumn}`,
        sample: r.message.text,
      };
    }),
  );
}

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
}

export interface Exception {
  check: string;
  file: string;
  reason: string;
}

export function unexplained(findings: Finding[], exceptions: Exception[]): { open: Finding[]; stale: Exception[] } {
  const open = findings.filter((f) => !exceptions.some((e) => e.check === f.check && e.file === f.file));
  const stale = exceptions.filter((e) => !findings.some((f) => e.check === f.check && e.file === f.file));
  return { open, stale };
}

if (require.main === module) {
  const { exceptions } = JSON.parse(fs.readFileSync(path.join(root, 'electronegativity.json'), 'utf8')) as { exceptions: Exception[] };
  const findings = runElectronegativity();
  const { open, stale } = unexplained(findings, exceptions);
  for (const f of findings) console.log(`${open.includes(f) ? 'OPEN ' : 'justified'}  ${f.check} ${f.file}:${f.location}`);
  for (const e of stale) console.log(`STALE exception ${e.check} ${e.file}`);
  process.exit(open.length || stale.length ? 1 : 0);
}

// Runs Electronegativity (Doyensec) over main/ and renderer/ and fails on any finding that is
// not an exception justified in electronegativity.json, or on a stale exception.
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

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/** Scans main/ and renderer/ together, so global checks (navigation, permissions) see main/. */
export function runElectronegativity(folders: string[] = ['main', 'renderer']): Finding[] {
  const input = path.join(root, '.tmp', 'electronegativity-input');
  const out = path.join(root, '.tmp', 'electronegativity.csv');
  fs.rmSync(input, { recursive: true, force: true });
  fs.rmSync(out, { force: true });
  for (const folder of folders) {
    fs.cpSync(path.join(root, folder), path.join(input, folder), {
      recursive: true,
      filter: (src) => !/node_modules|[\\/]public$/.test(src),
    });
  }
  const bin = path.join(root, 'node_modules', '.bin', 'electronegativity');
  // -e: the tool would otherwise try to fetch Electron's release list from the internet.
  execFileSync(bin, ['-i', input, '-r', '-e', '45.4.1', '-o', out], { stdio: 'pipe', timeout: 180_000, cwd: root });
  const lines = fs.readFileSync(out, 'utf8').split('\n').slice(1).filter((l) => l.trim());
  return lines.map((l) => {
    const [check, severity, , file, location, sample] = parseCsvLine(l);
    return { check, severity, file: file.split(path.sep).join('/'), location, sample };
  });
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

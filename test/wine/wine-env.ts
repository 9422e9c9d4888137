// Running Windows programs under Wine for the tests: one prefix per machine (copied from the
// fresh base prefix of scripts/wine-setup.sh), every call bounded by a timeout, output to files
// (Node under Wine fails on a Linux pipe as stdout: uv_pipe_open EINVAL).
import { spawn, spawnSync } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { WineMachine } from './machines';

export const ROOT = path.resolve(__dirname, '..', '..');
export const WINE_DIR = path.join(ROOT, '.tmp', 'wine');
export const NODE_EXE = path.join(WINE_DIR, 'node-v16.18.0', 'node.exe');
export const BASE_PREFIX = path.join(WINE_DIR, 'base');

/** A Linux path as Windows programs under Wine see it (drive Z: is /). */
export const winPath = (p: string) => 'Z:' + path.resolve(p).replace(/\//g, '\\');

export function wineAvailable(): string | null {
  if (spawnSync('sh', ['-c', 'command -v wine'], { encoding: 'utf8' }).status !== 0) return 'wine is not installed';
  if (!fs.existsSync(NODE_EXE)) return `no Windows Node at ${NODE_EXE}`;
  if (!fs.existsSync(path.join(BASE_PREFIX, '.pec-ready'))) return `no base prefix at ${BASE_PREFIX}`;
  return null;
}

/**
 * What a Wine suite lacks, or null: Wine, the Windows Node, the base prefix, and the built file
 * `built` (relative to dist/) the suite runs. A suite that lacks one fails saying so, never skips.
 */
export function wineSuiteMissing(built: string): string | null {
  return wineAvailable() ?? (fs.existsSync(path.join(ROOT, 'dist', built)) ? null : `${built} not built (npm run build:core)`);
}

/** The one test a suite registers when it cannot run: a failure naming what to do first. */
export function failWithoutPrerequisites(name: string, missing: string | null): void {
  if (missing) test(`${name} prerequisites`, () => assert.fail(`${missing}: run sh scripts/wine-setup.sh and npm run build:core`));
}

function wineEnv(prefix: string, lang: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WINEPREFIX: prefix,
    WINEARCH: 'win64',
    WINEDEBUG: '-all',
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    // Node 16 exits 216 on Windows 7 without it (Electron 22 has no such check)
    NODE_SKIP_PLATFORM_CHECK: '1',
    LANG: lang,
    LC_ALL: lang,
    DISPLAY: '',
    ...extra,
  };
}

export interface WineRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

let seq = 0;
/** Runs `wine <args>` in `prefix` with a hard timeout; stdout and stderr go through files. */
export function wine(
  prefix: string,
  args: string[],
  o: { lang?: string; timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<WineRun> {
  const outDir = path.join(WINE_DIR, 'out');
  fs.mkdirSync(outDir, { recursive: true });
  const id = `${process.pid}-${++seq}`;
  const outFile = path.join(outDir, `${id}.out`);
  const errFile = path.join(outDir, `${id}.err`);
  const out = fs.openSync(outFile, 'w');
  const err = fs.openSync(errFile, 'w');
  const seconds = Math.ceil((o.timeoutMs ?? 120_000) / 1000);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('timeout', ['-k', '5', String(seconds), 'wine', ...args], {
      env: wineEnv(prefix, o.lang ?? 'C.UTF-8', o.env),
      stdio: ['ignore', out, err],
    });
    const finish = (code: number | null) => {
      fs.closeSync(out);
      fs.closeSync(err);
      const stdout = fs.readFileSync(outFile, 'utf8');
      const stderr = fs.readFileSync(errFile, 'utf8');
      fs.rmSync(outFile, { force: true });
      fs.rmSync(errFile, { force: true });
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    };
    child.on('error', () => finish(null));
    child.on('close', (code) => finish(code));
  });
}

/** Waits for the prefix's wineserver to write the registry and exit (bounded). */
export function wineserverWait(prefix: string): void {
  spawnSync('timeout', ['60', 'wineserver', '-w'], { env: wineEnv(prefix, 'C.UTF-8'), stdio: 'ignore' });
}

export function wineserverKill(prefix: string): void {
  spawnSync('timeout', ['20', 'wineserver', '-k'], { env: wineEnv(prefix, 'C.UTF-8'), stdio: 'ignore' });
}

/** The Wine user's home inside the prefix (drive_c/users/<name>). */
export function wineUserDir(prefix: string): string {
  const users = fs.readdirSync(path.join(prefix, 'drive_c', 'users')).filter((u) => u !== 'Public');
  return path.join(prefix, 'drive_c', 'users', users[0]);
}

/**
 * The machine's prefix, built when missing or when its definition changed (the hash of the
 * definition is the marker): a copy of the base prefix, the .reg imported with regedit, the
 * profile files written. Returns the prefix and the milliseconds spent building (0 if reused).
 */
export async function machinePrefix(m: WineMachine, variant = ''): Promise<{ prefix: string; buildMs: number }> {
  const prefix = path.join(WINE_DIR, 'machines', m.name + variant);
  const hash = crypto.createHash('sha256').update(JSON.stringify(m)).digest('hex').slice(0, 16);
  const marker = path.join(prefix, `.pec-${hash}`);
  if (fs.existsSync(marker)) return { prefix, buildMs: 0 };
  const started = Date.now();
  fs.rmSync(prefix, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(prefix), { recursive: true });
  fs.cpSync(BASE_PREFIX, prefix, { recursive: true, verbatimSymlinks: true });
  const regFile = path.join(prefix, 'machine.reg');
  fs.writeFileSync(regFile, m.reg, 'utf8');
  const r = await wine(prefix, ['regedit', '/S', winPath(regFile)], { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`regedit failed for ${m.name}: ${r.code} ${r.stderr}`);
  const roaming = path.join(wineUserDir(prefix), 'AppData', 'Roaming');
  for (const [rel, content] of Object.entries(m.roaming)) {
    const file = path.join(roaming, ...rel.split('\\'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content, 'utf8');
  }
  wineserverWait(prefix);
  fs.writeFileSync(marker, '');
  return { prefix, buildMs: Date.now() - started };
}

/** A throw-away copy of a built prefix (for runs that change it, like importing the fix). */
export function copyPrefix(from: string, name: string): string {
  const to = path.join(WINE_DIR, 'machines', name);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  return to;
}

/** Runs the built CLI (bin/pec-doctor.js → dist/src/cli/main.js) with the Windows Node. */
export function pecDoctor(
  prefix: string,
  args: string[],
  o: { lang?: string; timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<WineRun> {
  return wine(prefix, [NODE_EXE, winPath(path.join(ROOT, 'bin', 'pec-doctor.js')), ...args], { timeoutMs: 150_000, ...o });
}

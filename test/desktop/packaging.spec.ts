// Packaging for real (issue #13): electron-builder packs the app for Linux (--dir) around a
// stand-in `electron` executable (no Electron binary can be downloaded here), with the legacy
// config (Electron 22.3.27, Windows 7/8.1 line). Then: app.asar holds what the packaged app
// needs and nothing of the sources, tests, maps or fixtures; electron-builder flipped our fuses
// in the executable; and the desktop host runs the app from the extracted asar, outside the
// work tree, so a dependency missing from the package would fail here.
// What this cannot show: Electron itself loading app.asar, asar integrity (macOS/Windows only;
// `--win --dir` needs a real electron.exe, whose resources electron-builder edits), signing.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as asar from '@electron/asar';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { test, expect } from './fixtures';
import { ROOT } from './broker';
import { windows7OfficeReport } from '../e2e/office-report';

const run = promisify(execFile);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// '0' disabled, '1' enabled: Electron's defaults for the six fuses we set (RunAsNode on,
// cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off).
const DEFAULT_WIRE = '101100';

/** A folder electron-builder accepts as electronDist: an `electron` executable carrying a fuse wire. */
function standInElectronDist(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE)]);
  const script = Buffer.from(
    '#!/bin/sh\necho "PEC Doctor packaging stand-in: not a real Electron (see test/desktop/packaging.spec.ts)" >&2\nexit 1\n# ',
  );
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([script, wire, Buffer.from('\n')]), { mode: 0o755 });
  return dir;
}

// One packaging, then its checks: in serial mode a failed packaging stops the rest.
const DEV_ONLY =
  /^\/node_modules\/(electron|electron-builder|playwright|playwright-core|@playwright|typescript|vite|esbuild|react|react-dom|tsx)(\/|$)/;

test.describe.configure({ mode: 'serial' });

let unpacked = '';
let seconds = 0;

// eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
test('electron-builder packages the legacy build around a stand-in Electron, in bounded time', async ({}, testInfo) => {
  test.setTimeout(300_000);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-package-'));
  const dist = standInElectronDist(path.join(out, 'electron-dist'));
  const started = Date.now();
  const { stdout, stderr } = await run(
    path.join(ROOT, 'node_modules', '.bin', 'electron-builder'),
    [
      '--linux',
      '--dir',
      '--config',
      'electron-builder.legacy.yml',
      `-c.electronDist=${dist}`,
      '-c.electronVersion=22.3.27',
      `-c.directories.output=${path.join(out, 'release')}`,
    ],
    { cwd: ROOT, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
  );
  seconds = (Date.now() - started) / 1000;
  testInfo.annotations.push({ type: 'packaging seconds', description: seconds.toFixed(1) });
  console.log(`electron-builder --linux --dir: ${seconds.toFixed(1)} s`);
  expect(`${stdout}${stderr}`).toContain('executing @electron/fuses');
  unpacked = path.join(out, 'release', 'linux-unpacked');
  expect(fs.existsSync(path.join(unpacked, 'resources', 'app.asar'))).toBe(true);
  expect(seconds).toBeLessThan(240);
});

test('app.asar holds the compiled app and its two dependencies, and no sources, tests, maps or fixtures', () => {
  const entries = asar.listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((e) => e.split(path.sep).join('/'));
  for (const needed of [
    '/package.json',
    '/dist/main/main.js',
    '/dist/main/preload.js',
    '/dist/main/app-protocol.js',
    '/dist/main/host.js',
    '/dist/renderer/index.html',
    '/dist/src/core.js',
    '/dist/src/api-validate.js',
    '/dist/src/cli/main.js',
    '/node_modules/semver/package.json',
    '/node_modules/systeminformation/package.json',
    '/node_modules/systeminformation/lib/index.js',
  ]) {
    expect(entries, needed).toContain(needed);
  }
  expect(entries.some((e) => /^\/dist\/renderer\/assets\/index-[\w-]+\.js$/.test(e))).toBe(true);
  const forbidden = entries.filter(
    (e) =>
      /\.map$/.test(e) ||
      /^\/(src|main|renderer|test|scripts|docs|assets|bin|\.tmp|release|test-results)(\/|$)/.test(e) ||
      /\/fixtures?(\/|$)/i.test(e) ||
      (/\.ts$/.test(e) && !/\.d\.ts$/.test(e)) ||
      DEV_ONLY.test(e) ||
      /^\/(tsconfig|eslint\.config|electron-builder)/.test(e),
  );
  expect(forbidden).toEqual([]);
  const topModules = new Set(entries.filter((e) => e.startsWith('/node_modules/')).map((e) => e.split('/')[2]));
  expect([...topModules].sort()).toEqual(['semver', 'systeminformation']);
});

test('electron-builder flipped our fuses in the packaged executable', async () => {
  const wire = await getCurrentFuseWire(path.join(unpacked, 'pec-doctor'));
  const off = 48;
  const on = 49;
  expect(wire[FuseV1Options.RunAsNode]).toBe(off);
  expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
  expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
  expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
  expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
  expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
});

test('the app runs from the extracted asar, outside the work tree: packaged, no DevTools, its report and .reg saved', async ({
  desktop,
}, testInfo) => {
  // Outside the work tree: no parent node_modules can stand in for a dependency the package lacks.
  const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-asar-app-'));
  try {
    asar.extractAll(path.join(unpacked, 'resources', 'app.asar'), appDir);
    const app = desktop.launch({ appDir, packaged: true });
    const page = await app.page();
    await expect(page.getByTestId('version')).toHaveText(/^Versione \d/);
    expect((await app.state()).isPackaged).toBe(true);
    expect(app.windowOptions[0].options.webPreferences).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true });
    expect(String((app.windowOptions[0].options.webPreferences as { preload: string }).preload)).toBe(
      path.join(appDir, 'dist', 'main', 'preload.js'),
    );
    // The inventory runs systeminformation from the package's node_modules.
    const inventory = await page.evaluate(() =>
      (window as unknown as { pecDoctor: { getInventory(): Promise<{ os: { platform: string } | null }> } }).pecDoctor.getInventory(),
    );
    expect(inventory.os?.platform).toBe('linux');

    const report = await windows7OfficeReport();
    const file = testInfo.outputPath('studio-rossi.json');
    fs.writeFileSync(file, JSON.stringify(report));
    await page.getByLabel('Apri un rapporto salvato…').setInputFiles(file);
    await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeFocused();
    app.saveAnswers.push(
      { canceled: false, filePath: path.join(desktop.home, 'rapporto.pdf') },
      { canceled: false, filePath: path.join(desktop.home, 'fix.reg') },
    );
    await page.getByRole('button', { name: 'Salva rapporto' }).click();
    await expect(page.getByTestId('save-result')).toHaveText(`Rapporto salvato in ${path.join(desktop.home, 'rapporto.pdf')}`);
    expect(fs.readFileSync(path.join(desktop.home, 'rapporto.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('button', { name: 'Salva la correzione (.reg)' }).click();
    await expect(page.getByTestId('regfix-result')).toContainText(path.join(desktop.home, 'fix-annulla.reg'));
    expect([...fs.readFileSync(path.join(desktop.home, 'fix-annulla.reg')).subarray(0, 2)]).toEqual([0xff, 0xfe]);
  } finally {
    fs.rmSync(appDir, { recursive: true, force: true });
    if (unpacked) fs.rmSync(path.dirname(path.dirname(unpacked)), { recursive: true, force: true });
  }
});

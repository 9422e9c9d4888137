// The uninstaller's question about the history (assets/installer.nsh), run for real: compiled by
// Debian's makensis into an uninstaller as electron-builder inserts it, run under Wine on a copy of
// the Windows 7 base prefix. A silent uninstall (/S, the answer "No") keeps %APPDATA%\PEC Doctor;
// the same include answering "Sì" (its /SD default switched for this test only) deletes exactly
// that folder and nothing beside it; an uninstall run for an update never asks nor deletes.
// Cannot prove: electron-builder's own uninstaller around it (its NSIS resources are downloaded
// when packaging), the question's look on a real Windows.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASE_PREFIX, ROOT, WINE_DIR, copyPrefix, wine, wineAvailable, winPath, wineUserDir, wineserverKill } from './wine-env';

const makensis = spawnSync('sh', ['-c', 'command -v makensis'], { encoding: 'utf8' }).status === 0;
const missing = wineAvailable() ?? (makensis ? null : 'makensis is not installed (Debian package nsis)');
if (missing) test('Wine uninstaller prerequisites', () => assert.fail(`${missing}: run sh scripts/wine-setup.sh`));
else suite();

const work = path.join(WINE_DIR, 'uninstaller');
let prefix = '';

/** An uninstaller with our include; `updated` stands in for electron-builder's --updated run. */
function buildUninstaller(name: string, include: string): string {
  fs.mkdirSync(work, { recursive: true });
  const nsh = path.join(work, `${name}.nsh`);
  fs.writeFileSync(nsh, include);
  const script = path.join(work, `${name}.nsi`);
  const exe = path.join(work, `${name}-setup.exe`);
  fs.writeFileSync(
    script,
    [
      // 64-bit stubs: the Wine prefix is 64-bit only (electron-builder's own uninstaller is 32-bit).
      'Target amd64-unicode',
      '!include LogicLib.nsh',
      '!include FileFunc.nsh',
      'Var updatedFlag',
      '!macro _isUpdated _a _b _t _f',
      '  StrCmp $updatedFlag "1" `${_t}` `${_f}`',
      '!macroend',
      '!define isUpdated `"" isUpdated ""`',
      `!include "${nsh}"`,
      `OutFile "${exe}"`,
      'RequestExecutionLevel user',
      `InstallDir "${winPath(work)}\\${name}"`,
      'Section "Install"',
      '  SetOutPath $INSTDIR',
      '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
      'SectionEnd',
      'Function un.onInit',
      '  ${GetParameters} $R0',
      '  ClearErrors',
      '  ${GetOptions} $R0 "--updated" $R1',
      '  ${IfNot} ${Errors}',
      '    StrCpy $updatedFlag "1"',
      '  ${EndIf}',
      'FunctionEnd',
      'Section "un.Uninstall"',
      '  !insertmacro customUnInstall',
      'SectionEnd',
      '',
    ].join('\n'),
  );
  const r = spawnSync('makensis', ['-V2', '-WX', script], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  return exe;
}

/** Installs (silently), then runs the uninstaller in place with `args`. */
async function uninstallWith(setup: string, name: string, args: string[]): Promise<void> {
  const installed = await wine(prefix, [winPath(setup), '/S'], { timeoutMs: 60_000 });
  assert.equal(installed.code, 0, installed.stderr);
  const dir = path.join(work, name);
  const un = await wine(prefix, [winPath(path.join(dir, 'uninstall.exe')), ...args, `_?=${winPath(dir)}`], { timeoutMs: 60_000 });
  assert.equal(un.code, 0, un.stderr);
}

function seedData(): string {
  const roaming = path.join(wineUserDir(prefix), 'AppData', 'Roaming');
  const data = path.join(roaming, 'PEC Doctor');
  fs.mkdirSync(path.join(data, 'history'), { recursive: true });
  fs.mkdirSync(path.join(data, 'logs'), { recursive: true });
  fs.writeFileSync(path.join(data, 'history', 'run.json'), '{}');
  fs.writeFileSync(path.join(data, 'logs', 'pec-doctor-2026-12-07.log'), 'x\n');
  // A neighbour that must survive either way.
  fs.mkdirSync(path.join(roaming, 'PEC Doctor Altro'), { recursive: true });
  return data;
}

before(() => {
  if (missing) return;
  prefix = copyPrefix(BASE_PREFIX, 'uninstaller');
});
after(() => {
  if (prefix) {
    wineserverKill(prefix);
    fs.rmSync(prefix, { recursive: true, force: true });
  }
  fs.rmSync(work, { recursive: true, force: true });
});

function suite(): void {
  const include = fs.readFileSync(path.join(ROOT, 'assets', 'installer.nsh'), 'utf8');

  test('a silent uninstall keeps the history and the logs (the default answer is No)', async () => {
    const data = seedData();
    await uninstallWith(buildUninstaller('keep', include), 'keep', ['/S']);
    assert.ok(fs.existsSync(path.join(data, 'history', 'run.json')));
    assert.ok(fs.existsSync(path.join(data, 'logs')));
  });

  test('answering Sì deletes %APPDATA%\\PEC Doctor and nothing beside it', async () => {
    const data = seedData();
    const yes = include.replace('/SD IDNO', '/SD IDYES');
    assert.notEqual(yes, include);
    await uninstallWith(buildUninstaller('yes', yes), 'yes', ['/S']);
    assert.equal(fs.existsSync(data), false);
    assert.ok(fs.existsSync(path.join(path.dirname(data), 'PEC Doctor Altro')));
  });

  test('an uninstall run for an update neither asks nor deletes, even answering Sì', async () => {
    const data = seedData();
    const yes = include.replace('/SD IDNO', '/SD IDYES');
    await uninstallWith(buildUninstaller('update', yes), 'update', ['/S', '--updated']);
    assert.ok(fs.existsSync(path.join(data, 'history', 'run.json')));
  });
}

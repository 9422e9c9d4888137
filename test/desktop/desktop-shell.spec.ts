// What people expect of a desktop app (issue #21), on the compiled main process through the
// stand-in `electron` (electron-stand-in/electron.ts says what it can and cannot prove): the
// menus and their roles, the context menu of text fields, About, the log folder and its daily
// files, one data folder, and the window's size and place remembered (and checked against the
// screens there are now).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect } from './fixtures';
import { logFileName } from '../../src/log/files';
import { windows7OfficeReport } from '../e2e/office-report';

interface Item {
  label?: string;
  role?: string;
  type?: string;
  enabled?: boolean;
  submenu?: Item[];
}
const labelsOf = (items: Item[] | undefined) => (items ?? []).map((i) => i.label ?? i.type);

test('the menus: Edit with the standard roles, Help with the log folder and About with the version', async ({ desktop }) => {
  const app = desktop.launch();
  await app.page();
  const menu = app.menu as Item[];
  expect(labelsOf(menu)).toEqual(['File', 'Modifica', 'Vista', 'Finestra', 'Aiuto']);
  const edit = menu.find((m) => m.label === 'Modifica')!.submenu!;
  expect(edit.filter((i) => i.role).map((i) => [i.role, i.label])).toEqual([
    ['undo', 'Annulla'],
    ['redo', 'Ripeti'],
    ['cut', 'Taglia'],
    ['copy', 'Copia'],
    ['paste', 'Incolla'],
    ['selectAll', 'Seleziona tutto'],
  ]);
  expect(labelsOf(menu.find((m) => m.label === 'Aiuto')!.submenu)).toEqual([
    'Apri la cartella dei log',
    'separator',
    'Informazioni su PEC Doctor',
  ]);

  // Help ▸ Apri la cartella dei log opens the data folder's logs (written already: the app's start).
  const logs = path.join(desktop.home, 'pec-doctor', 'logs');
  await app.ask('menu:click', { labels: ['Aiuto', 'Apri la cartella dei log'] });
  await expect.poll(() => app.openedPaths).toEqual([logs]);
  expect(fs.readdirSync(logs)).toHaveLength(1);

  // Help ▸ Informazioni su PEC Doctor: the version from package.json, and where the logs are.
  const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  await app.ask('menu:click', { labels: ['Aiuto', 'Informazioni su PEC Doctor'] });
  await expect.poll(() => app.messageBoxes.length).toBe(1);
  expect(app.messageBoxes[0]).toMatchObject({ title: 'Informazioni su PEC Doctor', message: `PEC Doctor ${version}` });
  expect(String(app.messageBoxes[0].detail)).toContain(logs);
  // macOS builds its own About panel from the same facts.
  expect((await app.state()).aboutPanel).toMatchObject({ applicationName: 'PEC Doctor', applicationVersion: version });

  // The technician can be told where today's log is.
  const page = await app.page();
  const info = await page.evaluate(() =>
    (window as unknown as { pecDoctor: { getAppInfo(): Promise<{ logFile?: string }> } }).pecDoctor.getAppInfo(),
  );
  expect(info.logFile).toBe(path.join(logs, logFileName(new Date())));
  // …and it is shown in the technician view.
  const report = path.join(desktop.home, 'rapporto.json');
  fs.writeFileSync(report, JSON.stringify(await windows7OfficeReport()));
  await page.getByLabel('Apri un rapporto salvato…').setInputFiles(report);
  await page.getByRole('button', { name: 'Dettagli per il tecnico' }).click();
  await expect(page.getByTestId('log-file')).toContainText(`File di log di oggi (Aiuto ▸ Apri la cartella dei log): ${info.logFile}`);
  const shots = path.join(__dirname, '..', '..', '.tmp', 'screens');
  fs.mkdirSync(shots, { recursive: true });
  for (const size of [
    { width: 800, height: 560 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    await page.getByTestId('log-file').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `desktop-technician-log-${size.width}x${size.height}.png`) });
  }
});

test('right-click: Taglia/Copia/Incolla/Seleziona tutto in a text field, as Chromium allows; Copia on selected text; nothing elsewhere', async ({
  desktop,
}) => {
  const app = desktop.launch();
  await app.page();
  const flags = { canUndo: false, canRedo: false, canCut: false, canCopy: false, canPaste: true, canDelete: false, canSelectAll: true };
  await app.ask('webContents:context-menu', { id: 1, params: { isEditable: true, selectionText: '', editFlags: flags } });
  await expect.poll(() => app.popups.length).toBe(1);
  expect((app.popups[0] as Item[]).map((i) => [i.role ?? i.type, i.label, i.enabled])).toEqual([
    ['cut', 'Taglia', false],
    ['copy', 'Copia', false],
    ['paste', 'Incolla', true],
    ['separator', undefined, undefined],
    ['selectAll', 'Seleziona tutto', true],
  ]);
  await app.ask('webContents:context-menu', {
    id: 1,
    params: { isEditable: false, selectionText: 'PD-1234', editFlags: { ...flags, canCopy: true } },
  });
  await expect.poll(() => app.popups.length).toBe(2);
  expect(app.popups[1]).toEqual([{ role: 'copy', label: 'Copia', enabled: true }]);
  await app.ask('webContents:context-menu', { id: 1, params: { isEditable: false, selectionText: ' ', editFlags: flags } });
  // A third right-click on nothing: no menu. A later editable one still pops: the second count proves the order.
  await app.ask('webContents:context-menu', { id: 1, params: { isEditable: true, selectionText: '', editFlags: flags } });
  await expect.poll(() => app.popups.length).toBe(3);
});

test('one data folder: Electron userData is the folder of the history and the logs', async ({ desktop }) => {
  const app = desktop.launch();
  await app.page();
  const state = await app.state();
  const dataDir = path.join(desktop.home, 'pec-doctor');
  expect(state.paths.userData).toBe(dataDir);
  // The packaged app's name is the folder's name on Windows and macOS (%APPDATA%\PEC Doctor).
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { productName?: string };
  expect(pkg.productName).toBe('PEC Doctor');
  expect(fs.readdirSync(dataDir)).toContain('logs');
});

test('without PEC_DOCTOR_HOME, userData is %APPDATA%-style per OS (the history module decides, not Electron)', async ({ desktop }) => {
  const app = desktop.launch({ env: { PEC_DOCTOR_HOME: undefined, XDG_DATA_HOME: path.join(desktop.home, 'xdg') } });
  await app.page();
  // On this Linux machine: $XDG_DATA_HOME/pec-doctor, where `pec-doctor history` also looks.
  expect((await app.state()).paths.userData).toBe(path.join(desktop.home, 'xdg', 'pec-doctor'));
  expect(fs.readdirSync(path.join(desktop.home, 'xdg', 'pec-doctor'))).toContain('logs');
});

test('log files: one per day, 14 days kept, other files in the folder left alone', async ({ desktop }) => {
  const logs = path.join(desktop.home, 'pec-doctor', 'logs');
  fs.mkdirSync(logs, { recursive: true });
  const today = new Date();
  const day = (n: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - n, 12);
  for (let n = 1; n <= 20; n++) fs.writeFileSync(path.join(logs, logFileName(day(n))), 'old\n');
  fs.writeFileSync(path.join(logs, 'appunti.txt'), 'mine\n');
  const app = desktop.launch();
  await app.page();
  const left = fs.readdirSync(logs).sort();
  const expected = [...Array.from({ length: 14 }, (_, n) => logFileName(day(n))), 'appunti.txt'].sort();
  expect(left).toEqual(expected);
  // Today's file was written by this start, appended to the next time.
  expect(fs.readFileSync(path.join(logs, logFileName(day(0))), 'utf8')).toMatch(/ INFO {2}app\.start \{"version":"[^"]+"/);
});

test('the window opens where it was left, if that is still on a screen; otherwise default size, centred', async ({ desktop }) => {
  const dataDir = path.join(desktop.home, 'pec-doctor');
  const first = desktop.launch();
  await first.page();
  expect(first.windowOptions[0].options).toMatchObject({ width: 1100, height: 780 });
  expect(first.windowOptions[0].options.x).toBeUndefined();
  // The user moves and resizes the window, then closes it.
  await first.ask('window:user-bounds', { id: 1, bounds: { x: 150, y: 90, width: 900, height: 640 } });
  await first.ask('window:user-close', { id: 1 });
  expect(await first.exited).toBe(0);
  expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'window-state.json'), 'utf8'))).toEqual({
    bounds: { x: 150, y: 90, width: 900, height: 640 },
    maximized: false,
  });

  const second = desktop.launch();
  await second.page();
  expect(second.windowOptions[0].options).toMatchObject({ x: 150, y: 90, width: 900, height: 640 });
  await second.ask('window:user-bounds', { id: 1, bounds: { x: 2100, y: 100, width: 1000, height: 700 }, maximized: true });
  await second.ask('window:user-close', { id: 1 });
  await second.exited;

  // The second monitor it was on is gone: default size, centred, not off-screen.
  const third = desktop.launch({ env: { PEC_STANDIN_DISPLAYS: JSON.stringify([{ x: 0, y: 0, width: 1366, height: 728 }]) } });
  await third.page();
  expect(third.windowOptions[0].options).toMatchObject({ width: 1100, height: 780 });
  expect(third.windowOptions[0].options.x).toBeUndefined();
  const bounds = (await third.state()).windowBounds[0].bounds;
  expect(bounds.x).toBeGreaterThanOrEqual(0);
  expect(bounds.x + bounds.width).toBeLessThanOrEqual(1366);

  // With both monitors, it comes back on the second one, maximised as it was left.
  const fourth = desktop.launch({
    env: {
      PEC_STANDIN_DISPLAYS: JSON.stringify([
        { x: 0, y: 0, width: 1920, height: 1040 },
        { x: 1920, y: 0, width: 1280, height: 984 },
      ]),
    },
  });
  await fourth.page();
  expect(fourth.windowOptions[0].options).toMatchObject({ x: 2100, y: 100, width: 1000, height: 700 });
  await expect.poll(async () => (await fourth.state()).windowBounds[0].maximized).toBe(true);

  // A damaged file: default size, and the app starts as usual.
  await fourth.ask('window:user-close', { id: 1 });
  await fourth.exited;
  fs.writeFileSync(path.join(dataDir, 'window-state.json'), '{"bounds":{"x":"0; rm -rf /"');
  const fifth = desktop.launch();
  await fifth.page();
  expect(fifth.windowOptions[0].options).toMatchObject({ width: 1100, height: 780 });
});

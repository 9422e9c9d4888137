// Pure rules of the desktop shell (issue #21): where a remembered window may reopen, and when a
// crashed page is reloaded or given up on.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { restoreWindowState } from '../../../main/window-state';
import { afterRendererGone, crashPage, RELOAD_GRACE_MS } from '../../../main/crash';
import { contextMenuTemplate } from '../../../main/context-menu';
import { menuTemplate } from '../../../main/menu';

const MIN = { width: 800, height: 560 };
const LAPTOP = { x: 0, y: 0, width: 1366, height: 728 };
const RIGHT = { x: 1366, y: 0, width: 1920, height: 1040 };

test('a saved place on a screen is kept; bigger than its screen, it is shrunk and moved inside', () => {
  assert.deepEqual(restoreWindowState({ bounds: { x: 10, y: 20, width: 900, height: 600 }, maximized: false }, [LAPTOP], MIN), {
    bounds: { x: 10, y: 20, width: 900, height: 600 },
    maximized: false,
  });
  assert.deepEqual(restoreWindowState({ bounds: { x: 1300, y: 10, width: 1900, height: 1000 }, maximized: true }, [LAPTOP, RIGHT], MIN), {
    bounds: { x: 1366, y: 10, width: 1900, height: 1000 },
    maximized: true,
  });
  assert.deepEqual(restoreWindowState({ bounds: { x: 100, y: 50, width: 1800, height: 1000 } }, [LAPTOP], MIN)?.bounds, {
    x: 0,
    y: 0,
    width: 1366,
    height: 728,
  });
});

test('off every screen, title bar out of reach, too small or damaged: not restored', () => {
  const at = (x: number, y: number) => ({ bounds: { x, y, width: 900, height: 600 } });
  assert.equal(restoreWindowState(at(2000, 100), [LAPTOP], MIN), null);
  assert.equal(restoreWindowState(at(100, -590), [LAPTOP], MIN), null, 'title bar above the screen');
  assert.equal(restoreWindowState(at(1300, 100), [LAPTOP], MIN), null, 'only 66 px of the title bar visible');
  assert.equal(restoreWindowState({ bounds: { x: 0, y: 0, width: 300, height: 200 } }, [LAPTOP], MIN), null);
  for (const bad of [
    null,
    'x',
    { bounds: { x: '0', y: 0, width: 900, height: 600 } },
    { bounds: { x: 0.5, y: 0, width: 900, height: 600 } },
  ]) {
    assert.equal(restoreWindowState(bad, [LAPTOP], MIN), null, JSON.stringify(bad));
  }
});

test('a crash reloads; another right after the reload gives up; one long after reloads again', () => {
  const t0 = 1_000_000;
  const first = afterRendererGone({ lastReloadAt: null }, 'crashed', t0);
  assert.equal(first.action, 'reload');
  assert.equal(afterRendererGone(first.state, 'crashed', t0 + 1000).action, 'give-up');
  assert.equal(afterRendererGone(first.state, 'oom', t0 + RELOAD_GRACE_MS - 1).action, 'give-up');
  assert.equal(afterRendererGone(first.state, 'crashed', t0 + RELOAD_GRACE_MS).action, 'reload');
  assert.equal(afterRendererGone(first.state, 'clean-exit', t0 + 1).action, 'ignore');
});

test('the give-up page is words only, the folder escaped', () => {
  const html = decodeURIComponent(
    crashPage('C:\\Users\\<b>x</b>\\AppData\\Roaming\\PEC Doctor\\logs').replace(/^data:text\/html;charset=utf-8,/, ''),
  );
  assert.ok(!/<script|<a |href=/i.test(html));
  assert.match(html, /&#60;b&#62;x&#60;\/b&#62;/);
  assert.match(html, /PEC Doctor si è interrotto/);
});

test('context menu of a text field, of selected text, of nothing', () => {
  const flags = {
    canUndo: true,
    canRedo: true,
    canCut: true,
    canCopy: true,
    canPaste: false,
    canDelete: true,
    canSelectAll: true,
    canEditRichly: false,
  };
  assert.deepEqual(
    contextMenuTemplate({ isEditable: true, selectionText: 'a', editFlags: flags }).map((i) => i.label ?? i.type),
    ['Taglia', 'Copia', 'Incolla', 'separator', 'Seleziona tutto'],
  );
  assert.equal(contextMenuTemplate({ isEditable: true, selectionText: '', editFlags: flags })[2].enabled, false);
  assert.deepEqual(contextMenuTemplate({ isEditable: false, selectionText: '\n', editFlags: flags }), []);
});

test('macOS gets the app menu (About, Hide, Quit) and no second About; Windows and Linux get About in Aiuto', () => {
  const noop = () => undefined;
  const mac = menuTemplate({ platform: 'darwin', openLogFolder: noop, showAbout: noop });
  assert.equal(mac[0].label, 'PEC Doctor');
  const macRoles = (mac[0].submenu as { role?: string }[]).map((i) => i.role).filter(Boolean);
  assert.deepEqual(macRoles, ['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  const help = (t: typeof mac) => (t.find((m) => m.label === 'Aiuto')!.submenu as { label?: string }[]).map((i) => i.label).filter(Boolean);
  assert.deepEqual(help(mac), ['Apri la cartella dei log']);
  assert.deepEqual(help(menuTemplate({ platform: 'win32', openLogFolder: noop, showAbout: noop })), [
    'Apri la cartella dei log',
    'Informazioni su PEC Doctor',
  ]);
});

// Typing in the advanced settings at the window's minimum size, and Escape (issue #21): the sticky
// start button never covers the Server or Port field being typed in; Escape closes the open
// fold (focus back on its summary), goes back from the technician view to the summary, and
// answers "Annulla" to the question before a deletion (renderer/src/useEscapeKey.ts).
import { writeFileSync } from 'node:fs';
import * as net from 'node:net';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { collectPageErrors, SCREENSHOT_DIR as SHOTS } from './helpers';
import { windows7OfficeReport } from './office-report';

const suffix = () => (test.info().project.name === 'chromium-108' ? '-c108' : '');

async function overlap(a: Locator, b: Locator): Promise<number> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) throw new Error('not rendered');
  const w = Math.min(x.x + x.width, y.x + y.width) - Math.max(x.x, y.x);
  const h = Math.min(x.y + x.height, y.y + y.height) - Math.max(x.y, y.y);
  return w > 0 && h > 0 ? w * h : 0;
}

async function inViewport(page: Page, l: Locator): Promise<boolean> {
  const box = await l.boundingBox();
  const size = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y + box.height <= size.height;
}

test('at 800×560 the start button never covers the Server or Port field while it is typed in', async ({ page, bridge }) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 800, height: 560 });
  await page.goto(bridge.url);
  await page.getByText('Impostazioni avanzate (per il tecnico)').click();
  const button = page.getByRole('button', { name: 'Avvia la diagnosi' });
  const fields: [Locator, string][] = [
    [page.getByLabel('Server', { exact: true }), 'imaps.pec.aruba.it'],
    [page.getByLabel('Porta'), '993'],
  ];
  for (const [field, typed] of fields) {
    await field.focus();
    await field.pressSequentially(typed);
    expect(await inViewport(page, field)).toBe(true);
    expect(await overlap(field, button)).toBe(0);
    // What is typed is what the page shows on top at the field's centre: the field itself.
    const box = (await field.boundingBox())!;
    const onTop = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.id ?? '',
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(onTop).toBe(await field.getAttribute('id'));
  }
  // The picture of it, at both sizes, for docs/screenshots (the field focused, as typed in).
  for (const size of [
    { width: 800, height: 560 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    await page.getByLabel('Porta').focus();
    await page.screenshot({ path: `${SHOTS}/1-start-advanced-typing-${size.width}x${size.height}${suffix()}.png`, animations: 'disabled' });
  }
  await page.setViewportSize({ width: 800, height: 560 });
  // Out of the fields, the button is sticky again: in view at the bottom.
  await page.getByRole('heading', { level: 1 }).focus();
  await page.getByLabel('Server', { exact: true }).scrollIntoViewIfNeeded();
  expect(await inViewport(page, button)).toBe(true);
  expect(errors).toEqual([]);
});

test('Escape closes the open fold and gives the focus back to its summary; Enter still starts', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  const summary = page.getByText('Impostazioni avanzate (per il tecnico)');
  await summary.click();
  const server = page.getByLabel('Server', { exact: true });
  await server.fill('imaps://127.0.0.1:1');
  await server.focus();
  await page.keyboard.press('Escape');
  await expect(server).toBeHidden();
  await expect(page.locator('details.advanced')).not.toHaveAttribute('open', '');
  await expect(page.locator('details.advanced > summary')).toBeFocused();
  // Nothing open: Escape does nothing (no screen change, no error).
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Controlliamo la tua PEC' })).toBeVisible();
  // The value typed is kept when the fold opens again.
  await page.keyboard.press('Enter');
  await expect(server).toHaveValue('imaps://127.0.0.1:1');
});

test('Escape in the technician view goes back to the summary; a fold open there closes first', async ({ page, bridge }, testInfo) => {
  const file = testInfo.outputPath('rapporto.json');
  writeFileSync(file, JSON.stringify(await windows7OfficeReport()));
  await page.goto(bridge.url);
  await page.getByLabel('Apri un rapporto salvato…').setInputFiles(file);
  await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeFocused();
  const techButton = page.getByRole('button', { name: 'Dettagli per il tecnico' });
  await techButton.click();
  await expect(page.getByTestId('technician-details')).toBeVisible();
  const fold = page.locator('[data-testid="technician-details"] details').first();
  await fold.locator(':scope > summary').click();
  await expect(fold).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(fold).not.toHaveAttribute('open', '');
  await expect(page.getByTestId('technician-details')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('technician-details')).toHaveCount(0);
  const summaryButton = page.getByRole('button', { name: 'Risultato', exact: true });
  await expect(summaryButton).toHaveAttribute('aria-current', 'page');
  await expect(summaryButton).toBeFocused();
});

test('Escape on the question before a deletion answers "Annulla": nothing is deleted', async ({ page, bridge }) => {
  // One run in the history: a server on a closed port is a quick, complete diagnosis.
  const closed = await new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
  await page.goto(bridge.url);
  await page.getByText('Impostazioni avanzate (per il tecnico)').click();
  await page.getByLabel('Server', { exact: true }).fill(`imaps://127.0.0.1:${closed}`);
  await page.getByLabel('Controlla solo quanto indicato qui (non gli account trovati)').check();
  await page.getByRole('button', { name: 'Avvia la diagnosi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeFocused({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Nuova diagnosi' }).click();
  await page.getByRole('button', { name: 'Diagnosi precedenti' }).click();
  const rows = page.getByTestId('history-run');
  await expect(rows).toHaveCount(1);
  await rows
    .first()
    .getByRole('button', { name: /^Elimina/ })
    .click();
  const confirm = page.getByTestId('history-confirm');
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(rows).toHaveCount(1);
});

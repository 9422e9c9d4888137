// Screen 1 with the real core: the intro, the accounts found (none in an empty home; one from a
// real Thunderbird profile), the address field with provider recognition, keyboard use, axe; at
// 800×560 (the window's minimum) and 1280×800 the start button is in view without scrolling.
import { test, expect } from './fixtures';
import { collectPageErrors, expectNoAxeViolations, screenshots } from './helpers';
import { APP_VERSION } from '../../src/version';
import { writeThunderbirdProfile } from './thunderbird-profile';
import type { Page } from '@playwright/test';

/** The one button that matters: in view at 800×560 and 1280×800 on every start screen. */
const startButton = (page: Page) => page.getByRole('button', { name: 'Avvia la diagnosi' });

test('the start screen explains the tool, shows the version from the core and that no account was found', async ({ page, bridge }) => {
  const errors = collectPageErrors(page);
  await page.goto(bridge.url);
  await expect(page).toHaveTitle(/PEC Doctor/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(page.getByRole('heading', { level: 1, name: 'Controlliamo la tua PEC' })).toBeVisible();
  await expect(page.getByText('PEC Doctor controlla questo computer e i server del tuo gestore PEC')).toBeVisible();
  // The version comes from the core (getAppInfo over the bridge), not from the bundle.
  await expect(page.getByTestId('version')).toHaveText(`Versione ${APP_VERSION}`);
  await expect(page.getByTestId('no-accounts')).toContainText('Non ho trovato account PEC');
  await expect(page.getByRole('button', { name: 'Avvia la diagnosi' })).toBeVisible();
  // Painted (how fast is a figure, not a pass/fail: `npx tsx scripts/bench-ui.ts`).
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity);
  expect(fcp).toBeLessThan(Infinity);
  await screenshots(page, '1-start', { inView: startButton(page), axe: true });
  await expectNoAxeViolations(page, 'start');

  await page.getByText('Impostazioni avanzate (per il tecnico)').click();
  await expect(page.getByLabel('Server', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Porta')).toBeVisible();
  await expect(page.getByLabel('Protocollo')).toHaveValue('imap');
  await expect(page.getByLabel('Sicurezza')).toHaveValue('tls');
  await screenshots(page, '1-start-advanced', { inView: startButton(page), axe: true });
  await expectNoAxeViolations(page, 'start, advanced open');
  expect(errors).toEqual([]);
});

test('typing an address: an unknown provider is said plainly, a known one is recognised', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  const field = page.getByLabel('Indirizzo PEC');
  await field.fill('studio@dominio-sconosciuto.example');
  await expect(page.getByTestId('lookup')).toHaveText(/Gestore PEC non riconosciuto/);
  await field.fill('studio.rossi');
  await expect(page.getByTestId('lookup')).toHaveText('');
  // Aruba's PEC domain, from the provider catalogue (src/accounts/providers.ts).
  await field.fill('studio.rossi@pec.it');
  await expect(page.getByTestId('lookup')).toHaveText(/Gestore riconosciuto: .*Aruba/i);
  await screenshots(page, '1-start-provider-recognised', { inView: startButton(page), axe: true });
});

test('starting with nothing to check asks for the address and puts the cursor there', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await expect(page.getByTestId('no-accounts')).toBeVisible();
  await page.getByRole('button', { name: 'Avvia la diagnosi' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Scrivi il tuo indirizzo PEC/);
  await expect(page.getByLabel('Indirizzo PEC')).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Controlliamo la tua PEC' })).toBeVisible();
});

test('keyboard only: skip link, language switch, address, advanced settings, start — in that order, focus visible', async ({
  page,
  bridge,
}) => {
  await page.goto(bridge.url);
  await expect(page.getByTestId('no-accounts')).toBeVisible();
  const order: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
        return `${el.tagName.toLowerCase()}:${(label ?? el.textContent ?? '').trim()}`;
      }),
    );
  }
  expect(order).toEqual([
    'a:Vai al contenuto',
    'button:English',
    'input:Indirizzo PEC',
    'summary:Impostazioni avanzate (per il tecnico)',
    'button:Avvia la diagnosi',
    'input:Apri un rapporto salvato…',
  ]);
  // The focused control is visibly outlined (not only by colour of the text).
  await page.keyboard.press('Shift+Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).toBe('solid');
});

test('language switch: the whole interface turns English and back, and the choice is remembered', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Let’s check your PEC' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start the check' })).toBeVisible();
  await expect(page.getByTestId('no-accounts')).toContainText('No PEC account');
  await expect(page.getByTestId('version')).toHaveText(`Version ${APP_VERSION}`);
  await screenshots(page, '1-start-english', { inView: page.getByRole('button', { name: 'Start the check' }), axe: true });
  await expectNoAxeViolations(page, 'start (English)');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Let’s check your PEC' })).toBeVisible();
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Controlliamo la tua PEC' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
});

test('a Thunderbird PEC account configured on this computer is listed with its address and servers', async ({ page, bridge, home }) => {
  writeThunderbirdProfile(home, {
    email: 'avv.bianchi@pec.it',
    imap: { host: 'imaps.pec.aruba.it', port: 993 },
    smtp: { host: 'smtps.pec.aruba.it', port: 465 },
  });
  await page.goto(bridge.url);
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  const row = table.getByRole('row').nth(1);
  await expect(row).toContainText('Thunderbird');
  await expect(row).toContainText('avv.bianchi@pec.it');
  await expect(row.getByRole('cell').nth(2)).toHaveText(/Aruba/);
  await expect(row).toContainText('imaps.pec.aruba.it:993');
  await expect(row).toContainText('smtps.pec.aruba.it:465');
  // With an account found, the address field becomes optional.
  await expect(page.getByLabel('Un altro indirizzo PEC da controllare (facoltativo)')).toBeVisible();
  await screenshots(page, '1-start-account-found', { inView: startButton(page), axe: true });
  await expectNoAxeViolations(page, 'start with an account');
});

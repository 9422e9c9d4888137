// The verdict states other than ok/warning/error, from real runs of the core (issue #11): an
// ordinary mailbox (gmail.com) is "not PEC", an unknown domain leaves the check incomplete — both
// neutral, never green — and a machine whose every server fails at the name look-up is offline,
// in the network's colour, with the network plan and no webmail advice. Each screen at 800×560
// and 1280×800 with axe.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { collectPageErrors, screenshots } from './helpers';
import { writeThunderbirdProfile } from './thunderbird-profile';

const RESULTS = { level: 1, name: 'Risultato della diagnosi' } as const;
/** The CSS custom properties of styles.css, as computed colours. */
const NEUTRAL = 'rgb(71, 80, 92)';
const NETWORK = 'rgb(90, 45, 145)';
const GREEN = 'rgb(28, 106, 57)';

async function run(page: Page, email?: string): Promise<void> {
  if (email) await page.getByLabel(/Indirizzo PEC|Un altro indirizzo PEC/).fill(email);
  await page.getByRole('button', { name: 'Avvia la diagnosi' }).click();
  await expect(page.getByRole('heading', RESULTS)).toBeFocused({ timeout: 60_000 });
}

const borderColour = (page: Page) => page.getByTestId('verdict').evaluate((el) => getComputedStyle(el).borderLeftColor);

test('an ordinary mailbox (gmail.com): "Questo non è un indirizzo PEC", neutral, never green', async ({ page, bridge }) => {
  const errors = collectPageErrors(page);
  await page.goto(bridge.url);
  await run(page, 'mario.rossi@gmail.com');
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-status', 'not-pec');
  await expect(verdict.getByRole('heading', { level: 2 })).toHaveText(/non è un indirizzo PEC/);
  expect(await borderColour(page)).toBe(NEUTRAL);
  expect(await borderColour(page)).not.toBe(GREEN);
  await expect(page.getByTestId('announcer')).toContainText(/Diagnosi terminata\. .*non è un indirizzo PEC/);
  await screenshots(page, '3-results-not-pec', { axe: true });
  expect(errors).toEqual([]);
});

test('an unknown domain: "Controllo incompleto", what was not verified and the one thing to do next', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await run(page, 'studio@dominio-sconosciuto.example');
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-status', 'incomplete');
  await expect(verdict.getByRole('heading', { level: 2 })).toHaveText('Controllo incompleto');
  expect(await borderColour(page)).toBe(NEUTRAL);
  await expect(page.getByTestId('not-verified').getByRole('listitem')).not.toHaveCount(0);
  await expect(page.getByTestId('verdict-next')).toContainText('Cosa fare adesso:');
  await screenshots(page, '3-results-incomplete', { axe: true });
});

test('every server fails at the name look-up: offline, in the network’s colour, the network plan, no webmail', async ({
  page,
  bridge,
  home,
}) => {
  // .invalid never resolves (RFC 6761): the account's two servers fail at DNS.
  writeThunderbirdProfile(home, {
    email: 'avv.bianchi@pec.it',
    imap: { host: 'imap.studio-bianchi.invalid', port: 993 },
    smtp: { host: 'smtp.studio-bianchi.invalid', port: 465 },
  });
  await page.goto(bridge.url);
  await expect(page.getByTestId('accounts-line')).toBeVisible();
  await run(page);
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-status', 'offline');
  await expect(verdict.getByRole('heading', { level: 2 })).toHaveText(/non raggiunge Internet/);
  expect(await borderColour(page)).toBe(NETWORK);
  await expect(page.locator('[data-testid="plan"][data-plan-id="network-offline"]')).toBeVisible();
  // No blame on the PEC, no webmail (it cannot work offline).
  await expect(page.getByTestId('webmail')).toHaveCount(0);
  await screenshots(page, '3-results-offline', { axe: true });
});

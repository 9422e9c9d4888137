import { test, expect } from './fixtures';
import { APP_VERSION } from '../../src/version';

test('the home screen loads and calls the core through the contract', async ({ page, bridge }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'PEC Doctor' })).toBeVisible();
  // The version comes from the core (getAppInfo over the bridge), not from the bundle.
  await expect(page.getByTestId('version')).toHaveText(`Versione ${APP_VERSION}`);
  await expect(page.getByTestId('accounts')).toContainText('Account PEC trovati');
  expect(errors).toEqual([]);
});

// Shared checks: accessibility (axe-core) and screenshots of a screen at both window sizes.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';

export const SCREENSHOT_DIR = path.join(__dirname, '..', '..', 'test-results', 'screenshots');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
];

/** axe-core on the whole page (WCAG 2.1 A/AA and best practices): no violation allowed. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(found, `axe violations on ${screen}`).toEqual([]);
}

/** Saves test-results/screenshots/<name>-<w>x<h>.png (and a -full variant) at 1280×800 and 1024×640. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    // Nothing may be wider than the window (a long registry path, a table).
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${size.width}px: horizontal overflow`).toBeLessThanOrEqual(size.width);
    const base = path.join(SCREENSHOT_DIR, `${name}-${size.width}x${size.height}`);
    await page.screenshot({ path: `${base}.png`, animations: 'disabled' });
    await page.screenshot({ path: `${base}-full.png`, fullPage: true, animations: 'disabled' });
  }
  if (original) await page.setViewportSize(original);
}

/** Fails the test on any uncaught page error or console error (CSP violations included). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

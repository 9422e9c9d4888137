// Shared checks: accessibility (axe-core), screenshots of a screen at the window's minimum size
// (800×560) and at 1280×800, and that the screen fits: nothing wider than the window, and a
// given control (the start button) in view without scrolling.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';

/** .tmp/screens/<name>-<w>x<h>.png (Debian's Chromium) and …-c108.png (Chromium 108). */
export const SCREENSHOT_DIR = path.join(__dirname, '..', '..', '.tmp', 'screens');
export const SIZES = [
  { width: 800, height: 560 },
  { width: 1280, height: 800 },
] as const;

/** axe-core on the whole page (WCAG 2.1 A/AA and best practices): no violation allowed. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(found, `axe violations on ${screen}`).toEqual([]);
}

/** The element is entirely inside the viewport as the page is now (no scrolling done). */
export async function expectInView(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  expect(box, `${what}: not rendered`).not.toBeNull();
  const scrollY = await page.evaluate(() => window.scrollY);
  expect(box!.y + scrollY, `${what}: above the window`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: below the fold at ${size?.width}×${size?.height}`).toBeLessThanOrEqual(size!.height);
}

export interface ShotOptions {
  /** Checked in view at each size, from the top of the page. */
  inView?: Locator;
  /** axe-core at each size too. */
  axe?: boolean;
  /** Shown in the picture (scrolled into view) instead of the top of the page. */
  scrollTo?: Locator;
}

/** Screenshots at 800×560 and 1280×800 (plus a -full variant), each size checked to fit. */
export async function screenshots(page: Page, name: string, options: ShotOptions = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const project = test.info().project.name;
  const suffix = project === 'chromium-108' ? '-c108' : '';
  const original = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    // Nothing may be wider than the window (a long registry path, a table).
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} at ${size.width}px: horizontal overflow`,
    ).toBeLessThanOrEqual(size.width);
    if (options.inView) await expectInView(page, options.inView, `${name} at ${size.width}×${size.height}`);
    if (options.scrollTo) await options.scrollTo.scrollIntoViewIfNeeded();
    if (options.axe) await expectNoAxeViolations(page, `${name} at ${size.width}×${size.height}`);
    const base = path.join(SCREENSHOT_DIR, `${name}-${size.width}x${size.height}${suffix}`);
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

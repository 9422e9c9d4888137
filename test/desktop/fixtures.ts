// Fixtures of the desktop suite: one Chromium 108 per worker, and per test a fresh app (main
// process on Node 16.17 through the stand-in) with an empty home folder, closed afterwards.
import { test as base, chromium, type Browser } from '@playwright/test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CHROMIUM_ARGS, chromium108, DesktopApp, type LaunchOptions } from './broker';
import type { Certificates } from '../support/servers';

export interface Desktop {
  /** Starts the app (the work tree's dist/ unless `appDir`); closed at the end of the test. */
  launch(o?: Omit<LaunchOptions, 'browser'>): DesktopApp;
  home: string;
}

export const test = base.extend<{ desktop: Desktop }, { browser108: Browser; certs: Certificates }>({
  browser108: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: chromium108(), args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  certs: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      const raw = process.env.PEC_E2E_CERTS;
      if (!raw) throw new Error('PEC_E2E_CERTS missing: run through test/desktop/playwright.config.ts (global setup)');
      await use(JSON.parse(raw) as Certificates);
    },
    { scope: 'worker' },
  ],
  desktop: async ({ browser108 }, use, testInfo) => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-desktop-home-'));
    const apps: DesktopApp[] = [];
    // PEC_DOCTOR_HOME: the run history goes to this test's folder whatever the outer environment says.
    const env = {
      HOME: home,
      USERPROFILE: home,
      APPDATA: path.join(home, 'AppData'),
      LOCALAPPDATA: path.join(home, 'LocalAppData'),
      PEC_DOCTOR_HOME: path.join(home, 'pec-doctor'),
    };
    await use({
      home,
      launch: (o = {}) => {
        const app = DesktopApp.launch({ ...o, env: { ...env, ...o.env }, browser: browser108 });
        apps.push(app);
        return app;
      },
    });
    for (const app of apps) {
      await app.close();
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('main-process-output', { body: app.output });
    }
    fs.rmSync(home, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

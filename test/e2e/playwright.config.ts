// End-to-end tests: the real UI (dist/renderer) against the real core through the web bridge, in
// two real browsers, never a downloaded one:
// - `chromium-debian`: Debian's Chromium (/usr/bin/chromium, today's engine);
// - `chromium-108`: Chromium 108, the engine inside Electron 22.3 (our Windows 7/8.1 build),
//   unpacked from @sparticuz/chromium by scripts/chromium108.js.
// The whole suite runs on both. desktop-host.spec.ts drives Chromium 108 itself (it stands in for
// Electron 22), so it runs once, in the chromium-108 project.
// One project alone: `npx playwright test -c test/e2e/playwright.config.ts --project=chromium-108`.
import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Unpacks Chromium 108 on first use (idempotent, a few seconds) and returns its path. */
function chromium108(): string {
  if (process.env.CHROMIUM108_PATH) return process.env.CHROMIUM108_PATH;
  const script = path.join(__dirname, '..', '..', 'scripts', 'chromium108.js');
  const exe = execFileSync(process.execPath, [script], { encoding: 'utf8', timeout: 120_000 }).trim();
  // Workers re-read this config: unpack once.
  process.env.CHROMIUM108_PATH = exe;
  return exe;
}

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e-results.json' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'it-IT',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium-debian',
      testIgnore: /desktop-host\.spec\.ts$/,
      use: { launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS } },
    },
    {
      name: 'chromium-108',
      use: { launchOptions: { executablePath: chromium108(), args: ARGS } },
    },
  ],
});

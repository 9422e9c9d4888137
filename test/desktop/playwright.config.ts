// The desktop suite: the real compiled main process on Node 16.17 with the stand-in `electron`
// (electron-stand-in/), its windows in Chromium 108 — Electron 22.3's Node and engine, our
// Windows 7/8.1 build. `npx playwright test -c test/desktop/playwright.config.ts` after
// `npm run --silent build`. The packaging test (packaging.spec.ts) also runs electron-builder.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  globalSetup: '../e2e/global-setup.ts',
  outputDir: '../../test-results/desktop',
  timeout: 90_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '../../test-results/desktop-results.json' }]],
  use: { trace: 'off' },
});

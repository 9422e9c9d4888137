// The packaged app's smoke test, run by .github/workflows/release.yml on each runner after
// electron-builder (it needs a real Electron binary, which cannot be downloaded here):
// `npx playwright test -c test/packaged/playwright.config.ts` with PEC_PACKAGED_APP set to the
// unpacked app's executable (test/packaged/app-path.ts finds it otherwise).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: '../../test-results/packaged',
  // A cold start of a packaged app on a shared CI runner, and the diagnosis.
  timeout: 180_000,
  workers: 1,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});

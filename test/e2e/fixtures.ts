// A web bridge per test worker, serving the built renderer with the real core; per test an empty
// home folder (so account discovery finds only what a test puts there), and the loopback
// certificates made by global-setup.ts.
import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startWebBridge, type WebBridge } from '../../src/web/server';
import type { Certificates } from '../support/servers';

// XDG_DATA_HOME and PEC_DOCTOR_HOME too: the run history lives under them (src/history/paths.ts),
// so each test starts with an empty history even when the test command set PEC_DOCTOR_HOME.
const HOME_VARS = ['HOME', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'XDG_DATA_HOME', 'PEC_DOCTOR_HOME'] as const;

export const test = base.extend<{ home: string }, { bridge: WebBridge; certs: Certificates }>({
  bridge: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      const bridge = await startWebBridge({ staticDir: path.join(__dirname, '..', '..', 'dist', 'renderer') });
      await use(bridge);
      await bridge.close();
    },
    { scope: 'worker' },
  ],
  certs: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      const raw = process.env.PEC_E2E_CERTS;
      if (!raw) throw new Error('PEC_E2E_CERTS missing: run through test/e2e/playwright.config.ts (global setup)');
      await use(JSON.parse(raw) as Certificates);
    },
    { scope: 'worker' },
  ],
  // The core reads the environment at call time: discovery looks in this empty folder.
  home: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'pec-e2e-home-'));
      const saved = HOME_VARS.map((k) => [k, process.env[k]] as const);
      for (const k of HOME_VARS) process.env[k] = k === 'HOME' || k === 'USERPROFILE' ? dir : path.join(dir, k);
      await use(dir);
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(dir, { recursive: true, force: true });
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';

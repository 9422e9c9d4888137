// A web bridge per test worker, serving the built renderer with the real core.
import { test as base } from '@playwright/test';
import * as path from 'node:path';
import { startWebBridge, type WebBridge } from '../../src/web/server';

export const test = base.extend<object, { bridge: WebBridge }>({
  bridge: [
    async ({}, use) => {
      const bridge = await startWebBridge({ staticDir: path.join(__dirname, '..', '..', 'dist', 'renderer') });
      await use(bridge);
      await bridge.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';

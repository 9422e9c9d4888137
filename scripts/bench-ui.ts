// `npx tsx scripts/bench-ui.ts [runs]`: how fast the start screen paints (first contentful
// paint) through the web bridge, in Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH).
// A figure, not a pass/fail: the e2e suite only checks that the page paints, because on a busy
// CI machine a wall-clock limit fails for reasons that are not the app's (issue #21).
// Needs `npm run --silent build` first (dist/renderer).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from '@playwright/test';
import { startWebBridge } from '../src/web/server';

const runs = Number(process.argv[2] ?? 10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-bench-ui-'));
  // An empty home: account discovery finds nothing, as on the e2e suite's first screen.
  for (const k of ['HOME', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'XDG_DATA_HOME', 'PEC_DOCTOR_HOME'])
    process.env[k] = path.join(home, k);
  const bridge = await startWebBridge({ staticDir: path.join(__dirname, '..', 'dist', 'renderer') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const fcps: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'it-IT' });
      const page = await context.newPage();
      await page.goto(bridge.url);
      await page.getByRole('button', { name: 'Avvia la diagnosi' }).waitFor();
      fcps.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
      await context.close();
    }
  } finally {
    await browser.close();
    await bridge.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
  const load = os.loadavg()[0].toFixed(1);
  console.log(
    `first contentful paint, ${runs} loads: median ${Math.round(median(fcps))} ms, min ${Math.round(Math.min(...fcps))} ms, max ${Math.round(Math.max(...fcps))} ms (load average ${load})`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

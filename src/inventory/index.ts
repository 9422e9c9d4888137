// Entry point of the system inventory (issue #4). Minimal until the full inventory lands:
// only what Node itself knows.
import * as os from 'os';
import type { Inventory, Platform } from './types';
import { BUILD_DATE } from '../version';

const PLATFORMS: Record<string, Platform> = { win32: 'windows', darwin: 'macos', linux: 'linux' };

export interface InventoryOptions {
  signal?: AbortSignal;
}

export async function collectInventory(_options: InventoryOptions = {}): Promise<Inventory> {
  return {
    os: {
      platform: PLATFORMS[process.platform] ?? 'other',
      name: os.type(),
      version: os.release(),
      build: null,
      arch: os.arch(),
      evidence: [{ source: 'node:os', raw: `${os.type()} ${os.release()} ${os.arch()}` }],
    },
    clients: [],
    browsers: [],
    runtimes: [],
    windows: null,
    clock: { now: new Date().toISOString(), buildDate: BUILD_DATE, offsetSeconds: null },
    antivirus: [],
    errors: [],
  };
}

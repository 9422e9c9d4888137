// The app's identity, read once from package.json, found by walking up from this file: the
// same code runs from src/ (tests, via tsx), from dist/src/ (CLI) and inside the packaged app.
import * as fs from 'fs';
import * as path from 'path';

function readPackage(): { version: string } {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pec-doctor' && pkg.version) return { version: pkg.version };
    } catch {
      // not here: keep walking up
    }
    dir = path.dirname(dir);
  }
  return { version: '0.0.0' };
}

export const APP_NAME = 'PEC Doctor';
export const APP_VERSION: string = readPackage().version;
/** Build date: a system clock earlier than this is certainly wrong (see the inventory's clock). */
export const BUILD_DATE = '2026-11-23';

/** Root of the installed app (where package.json and dist/renderer live). */
export function appRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

// The runtime floor: the compiled core and CLI must run on Node 16.17, the Node inside
// Electron 22.3.x (the Windows 7/8.1 build). scripts/test.sh fetches that Node from the npm
// registry and builds dist/ first; without it this test fails rather than pretend.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const node16 = process.env.PEC_DOCTOR_NODE16 ?? path.join(root, '.tmp', 'node16', 'bin', 'node');
const bin = path.join(root, 'bin', 'pec-doctor.js');

function run16(...args: string[]): string {
  return execFileSync(node16, [bin, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } });
}

test('Node 16.17 is available for the floor tests', () => {
  assert.ok(fs.existsSync(node16), `missing ${node16}: run scripts/test.sh, which fetches it`);
  assert.equal(execFileSync(node16, ['--version'], { encoding: 'utf8' }).trim(), 'v16.17.0');
  assert.ok(fs.existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js')), 'dist/ not built: npm run build');
});

test('the CLI runs on Node 16.17: --version, --help, inventory --json', () => {
  assert.match(run16('--version'), /^\d+\.\d+\.\d+\n$/);
  assert.match(run16('--help'), /pec-doctor <comando>/);
  const inv = JSON.parse(run16('inventory', '--json'));
  assert.equal(inv.os.platform, 'linux');
});

test('the CLI runs on Node 16.17: accounts --json', () => {
  const acc = JSON.parse(run16('accounts', '--json'));
  assert.ok(Array.isArray(acc.accounts));
});

// Reproduces systeminformation's defect on purpose: a child that exits at once, and a write to
// its stdin with no 'error' listener (EPIPE). Run with argv[2] = 'guarded' | 'bare' | 'fatal'.
import { spawn } from 'node:child_process';
import { withStrayErrorGuard, installLastResortGuard, type StrayError } from '../../../../src/util/last-resort';

const mode = process.argv[2];

function strayWrite(): Promise<void> {
  return new Promise((resolve) => {
    // Like systeminformation on Windows < 10: spawn, then write the script to stdin at once,
    // with no 'error' listener on stdin. The child exits without reading: EPIPE.
    const child = spawn(process.execPath, ['-e', 'process.exit(0)'], { stdio: 'pipe' });
    child.stdin.write('x'.repeat(4 << 20));
    child.stdin.end();
    child.on('close', () => setTimeout(resolve, 200));
  });
}

async function main(): Promise<void> {
  if (mode === 'bare') {
    await strayWrite();
    process.stdout.write('survived\n');
    return;
  }
  if (mode === 'fatal') {
    installLastResortGuard();
    setTimeout(() => {
      throw new TypeError('a programming error stays fatal');
    }, 0);
    await new Promise((r) => setTimeout(r, 300));
    process.stdout.write('survived\n');
    return;
  }
  const strays: StrayError[] = [];
  await withStrayErrorGuard(strayWrite, (s) => strays.push(s));
  process.stdout.write(
    JSON.stringify({ survived: true, strays: strays.map((s) => ({ check: s.check, message: s.message, origin: s.origin })) }) + '\n',
  );
  // after the guard, the listeners are gone again
  process.stdout.write(JSON.stringify({ listeners: process.listenerCount('uncaughtException') }) + '\n');
}

void main();

// `pec-doctor ui` as a user runs it: the compiled CLI starts the bridge on 127.0.0.1, prints the
// tokenised URL, serves the built UI there, and stops cleanly on Ctrl-C.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

function get(url: string): Promise<{ status: number; body: string; csp: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, csp: res.headers['content-security-policy'] as string | undefined }));
      })
      .on('error', reject);
  });
}

test('pec-doctor ui serves the built UI behind its token and exits on SIGINT', async () => {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'pec-doctor.js'), 'ui', '--no-open', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 15_000);
      child.stdout.on('data', (c) => {
        out += c;
        const m = /"url": "([^"]+)"/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{20,}\/$/);
    const page = await get(url);
    assert.equal(page.status, 200);
    assert.match(page.body, /<div id="root">/);
    assert.match(page.csp ?? '', /script-src 'self'/);
    const withoutToken = await get(url.replace(/\/[^/]+\/$/, '/'));
    assert.equal(withoutToken.status, 404);
  } finally {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    assert.equal(await exited, 0);
  }
});

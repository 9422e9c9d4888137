// The app:// scheme's resolver (main/app-protocol.ts): only regular files under the renderer
// folder, from our host; traversal, escapes, other hosts, methods and symlinks out are refused.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { answerAppRequest, isAppUrl, RENDERER_INDEX_URL, registerAppScheme } from '../../../main/app-protocol';

function rendererFolder(t: { after: (fn: () => void) => void }): { dir: string; outside: string } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'app-scheme-'));
  t.after(() => fs.rmSync(base, { recursive: true, force: true }));
  const dir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'a b.js'), 'console.log(1)');
  const outside = path.join(base, 'secret.txt');
  fs.writeFileSync(outside, 'secret');
  fs.symlinkSync(outside, path.join(dir, 'link.txt'));
  return { dir, outside };
}

test("app:// serves the renderer's files with their type", async (t) => {
  const { dir } = rendererFolder(t);
  const index = await answerAppRequest(RENDERER_INDEX_URL, 'GET', dir);
  assert.equal(index.status, 200);
  assert.equal(index.mimeType, 'text/html; charset=utf-8');
  assert.match(index.data.toString(), /<title>app<\/title>/);
  assert.equal((await answerAppRequest('app://pec-doctor/', 'GET', dir)).status, 200);
  const js = await answerAppRequest('app://pec-doctor/assets/a%20b.js', 'GET', dir);
  assert.equal(js.status, 200);
  assert.equal(js.mimeType, 'text/javascript; charset=utf-8');
});

test('app:// refuses traversal, bad escapes, symlinks out, folders, other hosts and methods', async (t) => {
  const { dir } = rendererFolder(t);
  const refused: [string, string, number][] = [
    // The URL parser folds `..` away: this asks for renderer/secret.txt, which does not exist.
    ['app://pec-doctor/../secret.txt', 'GET', 404],
    ['app://pec-doctor/%2e%2e/secret.txt', 'GET', 404],
    ['app://pec-doctor/..%2fsecret.txt', 'GET', 404],
    ['app://pec-doctor/assets/..%2f..%2fsecret.txt', 'GET', 404],
    ['app://pec-doctor/%ZZ', 'GET', 400],
    ['app://pec-doctor/index.html%00.png', 'GET', 400],
    ['app://pec-doctor/link.txt', 'GET', 404],
    ['app://pec-doctor/assets', 'GET', 404],
    ['app://pec-doctor/missing.js', 'GET', 404],
    ['app://other-host/index.html', 'GET', 404],
    ['file:///etc/passwd', 'GET', 404],
    ['app://pec-doctor/index.html', 'POST', 405],
  ];
  for (const [url, method, status] of refused) {
    const a = await answerAppRequest(url, method, dir);
    assert.equal(a.status, status, `${method} ${url}`);
    assert.doesNotMatch(a.data.toString(), /secret/);
  }
});

test('isAppUrl: our origin only', () => {
  assert.ok(isAppUrl(RENDERER_INDEX_URL));
  assert.ok(isAppUrl('app://pec-doctor/assets/x.js'));
  for (const url of ['app://evil/index.html', 'file:///app/index.html', 'https://pec-doctor/', 'app://user:pw@pec-doctor/', 'nonsense']) {
    assert.ok(!isAppUrl(url), url);
  }
});

test('the scheme is registered privileged and standard, never bypassing the CSP', () => {
  const calls: unknown[] = [];
  registerAppScheme({ registerSchemesAsPrivileged: (s) => calls.push(s) });
  assert.deepEqual(calls, [[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]]);
});

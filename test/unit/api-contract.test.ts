// The contract: the web bridge exposes exactly the contract's methods, guarded by its token and
// Host check, and answers through the real core.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as http from 'node:http';
import { API_METHODS, CORE_METHODS, HOST_METHODS, channelOf } from '../../src/api';
import { createCore } from '../../src/core';
import { startWebBridge, type WebBridge } from '../../src/web/server';
import { APP_VERSION } from '../../src/version';

let bridge: WebBridge;
let staticDir: string;

before(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  bridge = await startWebBridge({ staticDir });
});
after(async () => {
  await bridge.close();
  fs.rmSync(staticDir, { recursive: true });
});

function request(pathname: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, path: pathname, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

test('every method has one channel, and core + host cover the contract', () => {
  assert.deepEqual([...CORE_METHODS, ...HOST_METHODS].sort(), [...API_METHODS].sort());
  const channels = API_METHODS.map(channelOf);
  assert.equal(new Set(channels).size, channels.length);
  const core = createCore({ host: 'web', emit: () => undefined });
  assert.deepEqual(Object.keys(core).sort(), [...CORE_METHODS].sort());
});

test('the bridge answers a contract call with the token', async () => {
  const r = await request(`/${bridge.token}/api/getAppInfo`, { method: 'POST', body: '[]' });
  assert.equal(r.status, 200);
  const { result } = JSON.parse(r.body);
  assert.equal(result.version, APP_VERSION);
  assert.equal(result.host, 'web');
});

test('the bridge refuses a request without the token, a foreign Host or Origin, an unknown method', async () => {
  assert.equal((await request('/api/getAppInfo', { method: 'POST', body: '[]' })).status, 404);
  assert.equal((await request(`/wrong${bridge.token}/index.html`)).status, 404);
  assert.equal((await request(`/${bridge.token}/api/getAppInfo`, { method: 'POST', body: '[]', headers: { Host: 'evil.example:80' } })).status, 403);
  assert.equal(
    (await request(`/${bridge.token}/api/getAppInfo`, { method: 'POST', body: '[]', headers: { Origin: 'http://evil.example' } })).status,
    403,
  );
  assert.equal((await request(`/${bridge.token}/api/constructor`, { method: 'POST', body: '[]' })).status, 404);
  assert.equal((await request(`/${bridge.token}/api/getAppInfo`, { method: 'POST', body: '{"a":1}' })).status, 400);
  assert.equal((await request(`/${bridge.token}/../../etc/passwd`)).status, 404);
});

test('static files carry the CSP', async () => {
  const r = await request(`/${bridge.token}/`);
  assert.equal(r.status, 200);
  assert.match(String(r.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
});

test('openExternal refuses links outside the allow-list', async () => {
  const r = await request(`/${bridge.token}/api/openExternal`, { method: 'POST', body: JSON.stringify(['https://evil.example/']) });
  assert.equal(JSON.parse(r.body).result.status, 'refused');
  const h = await request(`/${bridge.token}/api/openExternal`, { method: 'POST', body: JSON.stringify(['http://support.microsoft.com/']) });
  assert.match(JSON.parse(h.body).result.reason, /https/);
});

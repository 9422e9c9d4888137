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
import { API_ARGUMENTS, publicErrorMessage, validateArgs } from '../../src/api-validate';

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
  assert.equal(
    (await request(`/${bridge.token}/api/getAppInfo`, { method: 'POST', body: '[]', headers: { Host: 'evil.example:80' } })).status,
    403,
  );
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

// ---------------------------------------------------------------------------------------------
// Arguments (issue #15, item 5): one schema table, checked at this door before the core runs.

const call = async (method: string, args: unknown) => {
  const r = await request(`/${bridge.token}/api/${method}`, { method: 'POST', body: JSON.stringify(args) });
  return { status: r.status, body: JSON.parse(r.body) as { result?: unknown; error?: string } };
};

test('the schema table covers exactly the contract', () => {
  assert.deepEqual(Object.keys(API_ARGUMENTS).sort(), [...API_METHODS].sort());
});

test('startDiagnosis with a deadline that is not a number is refused with a clear sentence, before any run starts', async () => {
  const r = await call('startDiagnosis', [{ timeoutSeconds: 'abc', skipDiscovery: true }]);
  assert.equal(r.status, 400);
  assert.equal(
    r.body.error,
    'Richiesta non valida (startDiagnosis): #1.timeoutSeconds deve essere un numero (ricevuto: un testo) / ' +
      'Invalid request (startDiagnosis): #1.timeoutSeconds must be a finite number (got string)',
  );
  assert.equal(r.body.result, undefined);
});

test('wrong types, extra keys, missing and surplus arguments, huge strings: 400 with the field named', async () => {
  const cases: [string, unknown[], RegExp][] = [
    ['startDiagnosis', [{ emails: 'a@b.it' }], /#1\.emails deve essere un elenco/],
    ['startDiagnosis', [{ emails: [42] }], /#1\.emails\[0\] deve essere un testo/],
    ['startDiagnosis', [{ skipDiscovery: 'yes' }], /#1\.skipDiscovery deve essere vero o falso/],
    ['startDiagnosis', [{ timeoutSeconds: null }], /timeoutSeconds deve essere un numero \(ricevuto: null\)/],
    ['startDiagnosis', [{ servers: [], proxy: 'http://x' }], /#1\.proxy non è un campo previsto/],
    ['startDiagnosis', [{ servers: Array(51).fill('imaps://127.0.0.1') }], /troppi elementi \(51, massimo 50\)/],
    ['startDiagnosis', [[]], /#1 deve essere un oggetto \(ricevuto: un elenco\)/],
    ['startDiagnosis', [], /#1 deve essere un oggetto \(ricevuto: assente\)/],
    ['getAppInfo', [1], /sono troppi \(1, previsti 0\)/],
    ['lookupAddress', ['x'.repeat(10_000)], /#1 è troppo lungo \(10000 caratteri, massimo 320\)/],
    ['openExternal', [{ href: 'https://support.microsoft.com/' }], /#1 deve essere un testo/],
    ['renderReport', [{}, 'html', false], /#1\.schemaVersion manca/],
    ['renderReport', [null, 'html', false], /#1 deve essere un oggetto \(ricevuto: null\)/],
    ['saveReport', [{ __proto__: null }, 'docx', false], /#1\.schemaVersion manca/],
    ['deleteRuns', ['../../etc'], /#1 non ha la forma attesa/],
    ['getRun', ['../../../etc/passwd'], /#1 non ha la forma attesa/],
    ['compareRuns', ['a'], /#2 deve essere un testo \(ricevuto: assente\)/],
    ['cancelDiagnosis', [{ runId: 'x' }], /#1 deve essere un testo/],
  ];
  for (const [method, args, expected] of cases) {
    const r = await call(method, args);
    assert.equal(r.status, 400, `${method} ${JSON.stringify(args).slice(0, 80)}: ${r.body.error}`);
    assert.match(r.body.error ?? '', expected);
    assert.match(r.body.error ?? '', new RegExp(`^Richiesta non valida \\(${method}\\)`));
  }
  // A report's format is one of the contract's.
  const { report } = await reportFixture();
  const bad = await call('saveReport', [report, 'docx', false]);
  assert.equal(bad.status, 400);
  assert.match(bad.body.error ?? '', /#2 deve essere uno di: json, html, pdf/);
  const extra = await call('renderReport', [{ ...report, injected: '<script>' }, 'html', false]);
  assert.match(extra.body.error ?? '', /#1\.injected non è un campo previsto/);
});

test('a deadline out of range is clamped, not refused: a run starts with 1..120 s', () => {
  assert.equal(validateArgs('startDiagnosis', [{ timeoutSeconds: 0.001 }])[0].timeoutSeconds, 1);
  assert.equal(validateArgs('startDiagnosis', [{ timeoutSeconds: 1e9 }])[0].timeoutSeconds, 120);
  assert.equal(validateArgs('startDiagnosis', [{ timeoutSeconds: -5 }])[0].timeoutSeconds, 1);
  assert.equal(validateArgs('startDiagnosis', [{ timeoutSeconds: 7.5 }])[0].timeoutSeconds, 7.5);
  assert.throws(() => validateArgs('startDiagnosis', [{ timeoutSeconds: Number.NaN }]), /finite number \(got NaN\)/);
  assert.throws(() => validateArgs('startDiagnosis', [{ timeoutSeconds: Number.POSITIVE_INFINITY }]), /finite number/);
  assert.deepEqual(validateArgs('startDiagnosis', [{}]), [{}]);
});

test('an unknown but well-formed run id is answered, not crashed on', async () => {
  const r = await call('cancelDiagnosis', ['0123456789abcdef']);
  assert.equal(r.status, 200);
  assert.equal(r.body.result, null);
});

test("internal errors reach the user as a clear sentence, never JavaScript's own text; a bad escape is a 400", async () => {
  const broken = await startWebBridge({
    staticDir,
    wrapCore: (core) => ({
      ...core,
      listRuns: async () => (null as unknown as { failures: number[] }).failures as never,
      getRun: async () => {
        throw new Error('Nessuna diagnosi con questo codice nella cronologia.');
      },
    }),
  });
  try {
    const post = (method: string) =>
      new Promise<{ status: number; error: string }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: broken.port, path: `/${broken.token}/api/${method}`, method: 'POST' },
          (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, error: JSON.parse(body).error }));
          },
        );
        req.on('error', reject);
        req.end(method === 'getRun' ? '["abc"]' : '[]');
      });
    const internal = await post('listRuns');
    assert.equal(internal.status, 500);
    assert.match(internal.error, /^Errore interno di PEC Doctor \(listRuns\): l'operazione non è riuscita/);
    assert.doesNotMatch(internal.error, /null|Cannot read|TypeError|failures/);
    assert.deepEqual(await post('getRun'), { status: 500, error: 'Nessuna diagnosi con questo codice nella cronologia.' });
  } finally {
    await broken.close();
  }
  assert.match(
    publicErrorMessage('getRun', new TypeError('input.context.failures is not iterable')),
    /^Errore interno di PEC Doctor \(getRun\)/,
  );
  assert.equal(publicErrorMessage('x', new Error('disco pieno')), 'disco pieno');
  const escape = await request(`/${bridge.token}/%ZZ`);
  assert.equal(escape.status, 400);
  assert.equal((await request(`/${bridge.token}/%00`)).status, 400);
  assert.equal((await request(`/${bridge.token}/..%2f..%2fetc%2fpasswd`)).status, 404);
  const notJson = await request(`/${bridge.token}/api/getAppInfo`, { method: 'POST', body: '[' });
  assert.equal(notJson.status, 400);
});

async function reportFixture() {
  const { windows7OfficeReport } = await import('../e2e/office-report');
  return { report: await windows7OfficeReport() };
}

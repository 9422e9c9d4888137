// The web bridge's doors, in-process over real loopback HTTP (issue #20, items 3 and 7): the
// session secret is a header, never a cookie; an answer is serialised before its status is
// written; a report over the one cap gets a sentence in Italian, not a connection reset.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as path from 'node:path';
import { startWebBridge, SESSION_HEADER, REPORT_TOO_LARGE, MAX_BODY_DEPTH } from '../../src/web/server';
import { jsonNestsDeeperThan } from '../../src/report/read';
import { MAX_REPORT_BYTES } from '../../src/report/read';
import type { CoreApi } from '../../src/api';

const staticDir = path.resolve(__dirname, '..', '..', 'dist', 'renderer');

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function request(url: string, init: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A value 5,000 levels deep: JSON.stringify throws RangeError on it. */
function deepValue(levels: number): unknown {
  let v: unknown = 'fondo';
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/** Logs in through the one-time link as the page does, returning the secret the login page hands over. */
async function login(bridge: { issueLoginUrl(): string }): Promise<{ secret: string; answer: Answer }> {
  const answer = await request(bridge.issueLoginUrl());
  const secret = /sessionStorage\.setItem\("pec-doctor-session","([A-Za-z0-9_-]+)"\)/.exec(answer.body)?.[1];
  assert.ok(secret, `no secret in the login page: ${answer.body}`);
  return { secret, answer };
}

test('under /app/ the API needs the session header: a cookie, a wrong or a missing header get 401', async () => {
  const bridge = await startWebBridge({ staticDir });
  try {
    const { secret, answer } = await login(bridge);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['set-cookie'], undefined, 'no cookie: cookies go to every port of 127.0.0.1');
    // The login page's one script is the only one allowed to run.
    assert.match(String(answer.headers['content-security-policy']), /script-src 'sha256-[A-Za-z0-9+/=]+'/);
    const api = `http://127.0.0.1:${bridge.port}/app/api/getAppInfo`;
    const post = (headers: Record<string, string>) => request(api, { method: 'POST', body: '[]', headers });
    assert.equal((await post({})).status, 401);
    assert.equal((await post({ Cookie: `pec_doctor_session=${secret}` })).status, 401, 'the secret as a cookie is worthless');
    assert.equal((await post({ [SESSION_HEADER]: 'x'.repeat(secret.length) })).status, 401);
    const ok = await post({ [SESSION_HEADER]: secret });
    assert.equal(ok.status, 200);
    assert.equal(JSON.parse(ok.body).result.host, 'web');
    // The event stream too.
    const events = await request(`http://127.0.0.1:${bridge.port}/app/api/events`);
    assert.equal(events.status, 401);
    // The app's files hold no secret: served as they are.
    const page = await request(`http://127.0.0.1:${bridge.port}/app/`);
    assert.equal(page.status, 200);
    assert.ok(!page.body.includes(secret));
  } finally {
    await bridge.close();
  }
});

test('a used one-time link answers with a page in plain Italian, not JSON', async () => {
  const bridge = await startWebBridge({ staticDir });
  try {
    const url = bridge.issueLoginUrl();
    assert.equal((await request(url)).status, 200);
    const again = await request(url);
    assert.equal(again.status, 403);
    assert.match(String(again.headers['content-type']), /^text\/html/);
    assert.match(again.body, /<html lang="it">/);
    assert.match(again.body, /Questo collegamento è già stato usato/);
    assert.match(again.body, /npx pec-doctor ui/);
    assert.throws(() => JSON.parse(again.body));
    assert.match(String(again.headers['content-security-policy']), /script-src 'none'/);
  } finally {
    await bridge.close();
  }
});

test('an answer 5,000 levels deep is a clear JSON error with status 500, never 200 with an empty body', async () => {
  const bridge = await startWebBridge({
    staticDir,
    wrapCore: (core): CoreApi => ({ ...core, getInventory: async () => deepValue(5000) as never }),
  });
  try {
    const answer = await request(`${bridge.url}api/getInventory`, { method: 'POST', body: '[]' });
    assert.equal(answer.status, 500);
    assert.match(JSON.parse(answer.body).error, /annidati troppo in profondità/);
  } finally {
    await bridge.close();
  }
});

test('a request body 5,000 levels deep is refused with 400 and a sentence, before parsing', async () => {
  const bridge = await startWebBridge({ staticDir });
  try {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const report = `{"schemaVersion":2,"app":{},"createdAt":"2026-01-01T00:00:00Z","redacted":false,"inventory":null,"accounts":null,"endpoints":[],"findings":[],"plans":[],"verdict":{},"context":{"x":${deep}}}`;
    const answer = await request(`${bridge.url}api/renderReport`, { method: 'POST', body: `[${report},"json",false]` });
    assert.equal(answer.status, 400);
    assert.match(JSON.parse(answer.body).error, new RegExp(`oltre ${MAX_BODY_DEPTH} livelli`));
    // A deep report as text (what "Apri un rapporto salvato" sends) is not nesting in the body:
    // whatever the reader says of it, the answer is complete JSON with a matching status.
    const content = report;
    const opened = await request(`${bridge.url}api/evaluateReport`, { method: 'POST', body: JSON.stringify([content]) });
    assert.ok(opened.body.length > 0);
    const parsed = JSON.parse(opened.body) as { result?: unknown; error?: string };
    assert.equal(opened.status === 200, 'result' in parsed, `status ${opened.status} with ${opened.body.slice(0, 200)}`);
  } finally {
    await bridge.close();
  }
});

test('the depth check counts brackets outside strings only', () => {
  assert.equal(jsonNestsDeeperThan('[]', 1), false);
  assert.equal(jsonNestsDeeperThan('[[]]', 1), true);
  assert.equal(jsonNestsDeeperThan('{"a":[{"b":"[[[[\\"]]"}]}', 3), false);
  assert.equal(jsonNestsDeeperThan('{"a":[{"b":"[[[[\\"]]"}]}', 2), true);
  assert.equal(jsonNestsDeeperThan('"[[[["', 0), false);
});

test('a 25 MB report gets 413 and the Italian sentence (the whole answer, no reset), at the cap shared with the CLI', async () => {
  const bridge = await startWebBridge({ staticDir });
  try {
    assert.equal(MAX_REPORT_BYTES, 20 * 1024 * 1024, 'the cap this test is about');
    assert.match(REPORT_TOO_LARGE, /^Il rapporto è troppo grande \(oltre 20 MB\)/);
    const content = JSON.stringify({ schemaVersion: 2, pad: 'x'.repeat(25 * 1024 * 1024) });
    const answer = await request(`${bridge.url}api/evaluateReport`, { method: 'POST', body: JSON.stringify([content]) });
    assert.equal(answer.status, 413);
    assert.equal(JSON.parse(answer.body).error, REPORT_TOO_LARGE);
    // Beyond the body's room for escaping (quotes doubled): read to the end, then the same answer.
    const quoted = JSON.stringify(['"'.repeat(25 * 1024 * 1024)]);
    assert.ok(quoted.length > 2 * MAX_REPORT_BYTES + 1024 * 1024);
    const big = await request(`${bridge.url}api/evaluateReport`, { method: 'POST', body: quoted });
    assert.equal(big.status, 413);
    assert.equal(JSON.parse(big.body).error, REPORT_TOO_LARGE);
    // Just under the cap, the report's own reader answers (here: not one of ours).
    const under = await request(`${bridge.url}api/evaluateReport`, {
      method: 'POST',
      body: JSON.stringify([JSON.stringify({ pad: 'x'.repeat(MAX_REPORT_BYTES - 100) })]),
    });
    assert.equal(under.status, 500);
    assert.match(JSON.parse(under.body).error, /non è un rapporto di PEC Doctor/);
  } finally {
    await bridge.close();
  }
});

test('PDF through the bridge: a printable page at a random address, with the Italian hint and only our script', async () => {
  const bridge = await startWebBridge({ staticDir });
  try {
    const opened = await request(`${bridge.url}api/evaluateReport`, {
      method: 'POST',
      body: JSON.stringify([
        JSON.stringify({
          schemaVersion: 2,
          app: { name: 'PEC Doctor', version: '0.1.0' },
          createdAt: '2026-11-23T10:00:00Z',
          redacted: false,
          inventory: null,
          accounts: null,
          endpoints: [],
          findings: [],
          plans: [],
          verdict: {},
        }),
      ]),
    });
    assert.equal(opened.status, 200, opened.body);
    const report = JSON.parse(opened.body).result as unknown;
    const saved = await request(`${bridge.url}api/saveReport`, { method: 'POST', body: JSON.stringify([report, 'pdf', false]) });
    assert.equal(saved.status, 200, saved.body);
    const result = JSON.parse(saved.body).result as { status: string; url: string };
    assert.equal(result.status, 'print');
    assert.match(result.url, /^\/print\/[A-Za-z0-9_-]{32}$/);
    const page = await request(`http://127.0.0.1:${bridge.port}${result.url}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /«Salva come PDF»/);
    assert.match(page.body, /<script type="application\/json" id="pec-doctor-report">/, 'the report itself, data included');
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /script-src 'sha256-[^']+'/);
    assert.ok(!/unsafe-inline'[^;]*script|script-src[^;]*unsafe/.test(csp), csp);
    // The report's own <meta> policy carries the same script hash, or the print script would not run.
    assert.ok(page.body.includes(`content="${csp}"`));
    assert.equal((await request(`http://127.0.0.1:${bridge.port}/print/${'A'.repeat(32)}`)).status, 404);
  } finally {
    await bridge.close();
  }
});

test("the UI's own pre-check of a report's size is the same cap as the CLI's and the bridge's", async () => {
  const fs = await import('node:fs');
  const src = fs.readFileSync(path.resolve(__dirname, '..', '..', 'renderer', 'src', 'screens', 'open-report', 'OpenReport.tsx'), 'utf8');
  const expr = /const MAX_BYTES = ([0-9 *]+);/.exec(src)?.[1];
  assert.ok(expr, 'OpenReport.tsx names its cap');
  assert.equal(Function(`return ${expr}`)() as number, MAX_REPORT_BYTES);
});

// `pec-doctor ui` as a user runs it: the compiled CLI starts the bridge on 127.0.0.1, prints the
// tokenised URL, serves the built UI there, and stops cleanly on Ctrl-C. The browser is handed
// the session without a command line another local user could read (issue #15, item 4): it
// gets the path of a 0600 file whose one-time code is traded for an HttpOnly cookie.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(__dirname, '..', '..');

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Starts `pec-doctor ui --json`, resolves with its JSON line once printed. */
function startUi(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { child: ChildProcess; ready: Promise<{ url: string; handoverFile: string | null }> } {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'pec-doctor.js'), 'ui', '--json', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  const ready = new Promise<{ url: string; handoverFile: string | null }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 15_000);
    child.stdout!.on('data', (c) => {
      out += c;
      try {
        const parsed = JSON.parse(out) as { url: string; handoverFile: string | null };
        clearTimeout(timer);
        resolve(parsed);
      } catch {
        // not complete yet
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { child, ready };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

test('pec-doctor ui serves the built UI behind its token and exits on SIGINT', async () => {
  const { child, ready } = startUi(['--no-open']);
  try {
    const { url, handoverFile } = await ready;
    assert.equal(handoverFile, null, '--no-open writes no hand-over file');
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{20,}\/$/);
    const page = await request(url);
    assert.equal(page.status, 200);
    assert.match(page.body, /<div id="root">/);
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    const withoutToken = await request(url.replace(/\/[^/]+\/$/, '/'));
    assert.equal(withoutToken.status, 404);
  } finally {
    assert.equal(await stop(child), 0);
  }
});

test('the browser is started with a 0600 file path: no command line holds a secret; the one-time code works once', async (t) => {
  // A stand-in xdg-open on PATH records its argv and every command line on the machine (`ps`)
  // while it runs, as another local user would see them.
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-open-'));
  t.after(() => fs.rmSync(bin, { recursive: true, force: true }));
  const argvLog = path.join(bin, 'argv.txt');
  const psLog = path.join(bin, 'ps.txt');
  fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${argvLog}'\nps -eo args > '${psLog}'\n`, {
    mode: 0o755,
  });
  const { child, ready } = startUi([], { ...process.env, PATH: `${bin}:${process.env.PATH}` });
  try {
    const { url, handoverFile } = await ready;
    assert.ok(handoverFile, 'a hand-over file is written');
    const token = /\/([A-Za-z0-9_-]{20,})\/$/.exec(url)![1];
    await waitFor(() => fs.existsSync(psLog) && fs.statSync(psLog).size > 0);
    const argv = fs.readFileSync(argvLog, 'utf8').trim();
    assert.equal(argv, handoverFile, 'the browser gets the file path, nothing else');
    assert.equal(fs.statSync(handoverFile).mode & 0o777, 0o600);
    assert.equal(fs.statSync(path.dirname(handoverFile)).mode & 0o777, 0o700);
    const html = fs.readFileSync(handoverFile, 'utf8');
    const loginUrl = /url=(http:\/\/127\.0\.0\.1:\d+\/login\/[A-Za-z0-9_-]+)"/.exec(html)?.[1];
    assert.ok(loginUrl, `no login URL in ${html}`);
    const code = loginUrl.split('/').pop()!;
    const ps = fs.readFileSync(psLog, 'utf8');
    assert.match(ps, /xdg-open/, 'ps did list the opener');
    for (const secret of [token, code]) {
      assert.ok(!ps.includes(secret), 'a secret is visible in ps');
      assert.ok(!argv.includes(secret));
    }

    const wrong = await request(loginUrl.replace(/[^/]+$/, 'A'.repeat(code.length)));
    assert.equal(wrong.status, 403);
    assert.match(JSON.parse(wrong.body).error, /scaduto o già usato/);
    const login = await request(loginUrl);
    assert.equal(login.status, 200);
    assert.match(login.body, /http-equiv="refresh" content="0;url=\/app\/"/);
    const cookie = String(login.headers['set-cookie']);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.ok(!cookie.includes(token), 'the cookie is not the URL token');
    const replay = await request(loginUrl);
    assert.equal(replay.status, 403, 'a replayed code is refused');

    const base = new URL(url).origin;
    const session = cookie.split(';')[0];
    const page = await request(`${base}/app/`, { headers: { Cookie: session } });
    assert.equal(page.status, 200);
    assert.match(page.body, /<div id="root">/);
    const info = await request(`${base}/app/api/getAppInfo`, { method: 'POST', body: '[]', headers: { Cookie: session } });
    assert.equal(JSON.parse(info.body).result.host, 'web');
    assert.equal((await request(`${base}/app/`)).status, 404, 'no cookie, no app');
    assert.equal((await request(`${base}/app/`, { headers: { Cookie: 'pec_doctor_session=guess' } })).status, 404);
  } finally {
    assert.equal(await stop(child), 0);
  }
  assert.ok(!fs.existsSync(path.dirname((await ready).handoverFile!)), 'the hand-over file is removed on exit');
});

test('Chromium 108 opening the hand-over file lands in the app, logged in by cookie, with no token in its address', async (t) => {
  const exe = execFileSync(process.execPath, [path.join(root, 'scripts', 'chromium108.js')], { encoding: 'utf8', timeout: 120_000 }).trim();
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-open-'));
  t.after(() => fs.rmSync(bin, { recursive: true, force: true }));
  fs.writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const { child, ready } = startUi([], { ...process.env, PATH: `${bin}:${process.env.PATH}` });
  const browser = await chromium.launch({
    executablePath: exe,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const { url, handoverFile } = await ready;
    const page = await browser.newPage();
    await page.goto(`file://${handoverFile}`);
    await page.waitForURL(/\/app\/$/);
    assert.equal(new URL(page.url()).pathname, '/app/');
    assert.ok(!page.url().includes(new URL(url).pathname.split('/')[1]));
    await page.getByTestId('version').waitFor();
    assert.match((await page.getByTestId('version').textContent()) ?? '', /^Versione \d/);
    assert.equal(await page.evaluate(() => document.cookie), '', 'the session cookie is HttpOnly');
  } finally {
    await browser.close();
    assert.equal(await stop(child), 0);
  }
});

async function waitFor(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

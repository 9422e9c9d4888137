// `pec-doctor ui` as a user runs it: the compiled CLI starts the bridge on 127.0.0.1, prints the
// tokenised URL, serves the built UI there, and stops cleanly on Ctrl-C. The browser is handed
// the session without a command line another local user could read (issue #15, item 4): it
// gets the path of a 0600 file whose one-time code is traded for a session secret the page keeps
// in sessionStorage (per port) and sends as a header (issue #20.3: no cookie, which every port gets).
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
    assert.match(wrong.headers['content-type'] ?? '', /^text\/html/, 'a page for a person, not JSON');
    assert.match(wrong.body, /già stato usato/);
    const login = await request(loginUrl);
    assert.equal(login.status, 200);
    assert.match(login.body, /location\.replace\("\/app\/"\)/);
    assert.equal(login.headers['set-cookie'], undefined, 'no cookie: it would reach every port of 127.0.0.1');
    const secret = /sessionStorage\.setItem\("pec-doctor-session","([A-Za-z0-9_-]+)"\)/.exec(login.body)?.[1];
    assert.ok(secret, 'the login page hands the session secret to the page');
    assert.ok(secret !== token, 'the session secret is not the URL token');
    const replay = await request(loginUrl);
    assert.equal(replay.status, 403, 'a replayed code is refused');

    const base = new URL(url).origin;
    const page = await request(`${base}/app/`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<div id="root">/);
    const info = await request(`${base}/app/api/getAppInfo`, { method: 'POST', body: '[]', headers: { 'X-PEC-Doctor-Session': secret } });
    assert.equal(JSON.parse(info.body).result.host, 'web');
    const noHeader = await request(`${base}/app/api/getAppInfo`, {
      method: 'POST',
      body: '[]',
      headers: { Cookie: `pec_doctor_session=${secret}` },
    });
    assert.equal(noHeader.status, 401, 'no header, no API');
  } finally {
    assert.equal(await stop(child), 0);
  }
  assert.ok(!fs.existsSync(path.dirname((await ready).handoverFile!)), 'the hand-over file is removed on exit');
});

test('Chromium 108 opening the hand-over file lands in the app, logged in by its session header, with no token in its address', async (t) => {
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
    assert.equal(await page.evaluate(() => document.cookie), '', 'no cookie at all');
    assert.match((await page.evaluate(() => sessionStorage.getItem('pec-doctor-session'))) ?? '', /^[A-Za-z0-9_-]{32}$/);
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

test('SIGTERM (and SIGHUP) end `pec-doctor ui` cleanly: the hand-over folder leaves the temp folder', async (t) => {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-open-'));
  t.after(() => fs.rmSync(bin, { recursive: true, force: true }));
  fs.writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    const { child, ready } = startUi([], { ...process.env, PATH: `${bin}:${process.env.PATH}` });
    const { handoverFile } = await ready;
    assert.ok(handoverFile && fs.existsSync(handoverFile));
    const exited = new Promise<{ code: number | null; sig: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, sig) => resolve({ code, sig })),
    );
    child.kill(signal);
    assert.deepEqual(await exited, { code: 0, sig: null }, `${signal}: a clean exit, not killed by the signal`);
    assert.ok(!fs.existsSync(path.dirname(handoverFile)), `${signal}: the hand-over folder is removed`);
  }
});

/** A local HTTP server recording every request it receives (method, URL, headers), as another program on this machine would. */
async function recorder(): Promise<{ url: string; seen: { url: string; headers: http.IncomingHttpHeaders }[]; close(): Promise<void> }> {
  const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/pixel.svg') {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
      return res.end('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
    }
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>altro</title><img src="/pixel.svg" alt=""><p id="here">altro programma</p>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as import('node:net').AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/`, seen, close: () => new Promise((r) => server.close(() => r())) };
}

test('two `pec-doctor ui` side by side in one Chromium both keep working; a third local server gets no cookie and no secret', async (t) => {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-open-'));
  t.after(() => fs.rmSync(bin, { recursive: true, force: true }));
  fs.writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  // An empty history and home for both (the real user's stay out of it).
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, HOME: bin, PEC_DOCTOR_HOME: path.join(bin, 'history') };
  const first = startUi([], env);
  const second = startUi([], env);
  const other = await recorder();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const a = await first.ready;
    const b = await second.ready;
    assert.notEqual(new URL(a.url).port, new URL(b.url).port);
    const context = await browser.newContext();
    const tabA = await context.newPage();
    const tabB = await context.newPage();
    // One after the other, in the same browser profile: the second login used to replace the first's cookie.
    await tabA.goto(`file://${a.handoverFile}`);
    await tabA.waitForURL(/\/app\/$/);
    await tabA
      .getByTestId('version')
      .filter({ hasText: /^Versione \d/ })
      .waitFor();
    await tabB.goto(`file://${b.handoverFile}`);
    await tabB.waitForURL(/\/app\/$/);
    for (const tab of [tabA, tabB, tabA]) {
      await tab.reload();
      await tab
        .getByTestId('version')
        .filter({ hasText: /^Versione \d/ })
        .waitFor();
      await tab.getByRole('button', { name: 'Diagnosi precedenti' }).click();
      await tab.getByText('Nessuna diagnosi salvata su questo computer.').waitFor();
    }
    const secrets = await Promise.all([tabA, tabB].map((tab) => tab.evaluate(() => sessionStorage.getItem('pec-doctor-session') ?? '')));
    assert.notEqual(secrets[0], secrets[1]);

    // The browser now visits another local server: a page, and an image it embeds.
    const tabC = await context.newPage();
    await tabC.goto(other.url);
    await tabC.locator('#here').waitFor();
    await tabC.waitForLoadState('networkidle');
    assert.ok(other.seen.length >= 2, 'the recorder saw the page and its image');
    const sent = JSON.stringify(other.seen);
    assert.ok(
      other.seen.every((r) => r.headers.cookie === undefined),
      `a cookie reached another port: ${sent}`,
    );
    for (const s of secrets) assert.ok(!sent.includes(s), 'a session secret reached another port');
    assert.equal(await tabC.evaluate(() => sessionStorage.length), 0, 'the secret stays with its own origin');

    // A plain HTTP client holding whatever the browser keeps for 127.0.0.1 gets nothing.
    const cookies = await context.cookies();
    assert.deepEqual(cookies, [], 'the browser holds no cookie for the bridges');
    for (const { url } of [a, b]) {
      const origin = new URL(url).origin;
      const replay = await request(`${origin}/app/api/findAccounts`, {
        method: 'POST',
        body: '[]',
        headers: { ...(other.seen[0].headers as Record<string, string>), host: new URL(url).host },
      });
      assert.equal(replay.status, 401, 'the headers the browser sends to other ports open nothing');
    }
  } finally {
    await browser.close();
    await other.close();
    assert.equal(await stop(first.child), 0);
    assert.equal(await stop(second.child), 0);
  }
});

// `pec-doctor check` end to end in a child process against real loopback servers: an
// `openssl s_server` that speaks only TLS 1.0 (→ server-no-tls12, error verdict, exit 1) and a
// healthy Dovecot (IMAP with implicit TLS and STARTTLS, TLS 1.2 minimum; s_server sends no IMAP
// greeting) with a certificate from a local test CA given with --ca (→ no problem for the
// server part). Then `evaluate` on the saved report
// gives the same findings. The exit code follows the verdict state (EXIT_CODES); an ordinary
// mailbox is "not a PEC address" (exit 4, no DNS needed); `--machine` judges a recorded Windows 7
// office: one plan with its steps, not four cards.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeCertificates, startDovecot, startOpensslServer, tempDir } from '../../support/servers';
import type { Certificates, DovecotServer, RunningServer } from '../../support/servers';
import type { Report } from '../../../src/diagnosis/types';
import { EXIT_CODES } from '../../../src/cli/commands/check';

const ENTRY = path.join(__dirname, 'cli-entry.ts');
let dir: string;
let certs: Certificates;
const servers: RunningServer[] = [];
let dovecot: DovecotServer;

before(async () => {
  dir = tempDir('pec-doctor-check-');
  certs = await makeCertificates(path.join(dir, 'certs'));
  dovecot = await startDovecot({ cert: certs.cert, key: certs.key, minProtocol: 'TLSv1.2' });
});

after(async () => {
  for (const s of servers) await s.stop();
  await dovecot?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', ENTRY, ...args],
      { timeout: 120_000, maxBuffer: 32 * 1024 * 1024 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: String(stdout), err: String(stderr) }),
    );
  });
}

const serverFindings = (r: Report, url: string) => r.findings.filter((f) => f.subject === url || f.subject?.startsWith(`${url}#`));

test('a TLS 1.0-only server: server-no-tls12, error verdict, exit 1', async () => {
  const s = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1' });
  servers.push(s);
  const url = `imaps://127.0.0.1:${s.port}`;
  const r = await cli(['check', '--no-discovery', '--server', url, '--timeout', '30', '--json']);
  const report = JSON.parse(r.out) as Report;
  assert.equal(r.code, 1, r.err);
  assert.equal(report.verdict.status, 'error');
  const ids = serverFindings(report, url).map((f) => f.id);
  assert.ok(ids.includes('server-no-tls12'), `findings: ${ids.join(', ')}`);
  assert.match(r.err, new RegExp(`${url.replace(/[.]/g, '\\.')} — Protezione TLS 1\\.2`));
  // The saved report re-evaluates to the same findings.
  const saved = path.join(dir, 'tls10.json');
  fs.writeFileSync(saved, r.out);
  const again = await cli(['evaluate', saved, '--json']);
  assert.deepEqual((JSON.parse(again.out) as Report).findings, report.findings);
});

test('without the test CA the same server is reported as untrusted (the CA option matters)', async () => {
  const url = `imaps://127.0.0.1:${dovecot.ports.imaps}`;
  const r = await cli(['check', '--no-discovery', '--server', url, '--timeout', '30', '--json']);
  const report = JSON.parse(r.out) as Report;
  assert.ok(serverFindings(report, url).some((f) => f.id === 'cert-untrusted'));
  assert.equal(r.code, 1);
});

test('a healthy TLS 1.2 server with a trusted test CA: no problem for the server part', async () => {
  const url = `imaps://127.0.0.1:${dovecot.ports.imaps}`;
  const starttls = `imap://127.0.0.1:${dovecot.ports.imap}`;
  const html = path.join(dir, 'healthy.html');
  const r = await cli([
    'check',
    '--no-discovery',
    '--server',
    url,
    '--server',
    starttls,
    '--timeout',
    '30',
    '--ca',
    certs.caCert,
    '--json',
    '--html',
    html,
  ]);
  const report = JSON.parse(r.out) as Report;
  assert.equal(report.endpoints.length, 2);
  for (const u of [url, starttls]) {
    const mine = serverFindings(report, u);
    assert.deepEqual(
      mine.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.id}: ${f.detail.en}`),
      [],
      u,
    );
    assert.ok(
      mine.some((f) => f.id === 'server-ok'),
      `${u}: ${mine.map((f) => f.id).join(', ')}`,
    );
  }
  assert.equal(report.endpoints[0].tls.versions['TLSv1.2'], true);
  assert.equal(report.endpoints[0].tls.versions.TLSv1, false);
  assert.ok(fs.readFileSync(html, 'utf8').includes(url));
  // The exit code follows the verdict of the whole machine; typed servers count as the user's PEC servers.
  assert.equal(r.code, EXIT_CODES[report.verdict.status]);
  assert.notEqual(report.verdict.status, 'offline');
  assert.notEqual(report.verdict.status, 'not-pec');
});

test('an ordinary mailbox (x@gmail.com) is never green: not-pec, exit 4, and no server probed', async () => {
  const r = await cli(['check', '--no-discovery', '--email', 'x@gmail.com']);
  assert.equal(r.code, 4, r.err);
  assert.match(r.out, /ESITO: Questo non è un indirizzo PEC/);
  assert.match(r.out, /x@gmail\.com è una casella Gmail \(Google\), non una PEC/);
  assert.match(r.out, /Prossimo passo: Scrivi il tuo indirizzo PEC/);
  assert.doesNotMatch(r.out, /tutto a posto/i);
  const json = await cli(['check', '--no-discovery', '--email', 'x@gmail.com', '--json']);
  const report = JSON.parse(json.out) as Report;
  assert.equal(report.verdict.status, 'not-pec');
  assert.deepEqual(report.endpoints, []);
});

test('check --machine: the recorded Windows 7 + Outlook 2010 office, one plan with its steps, against a real server', async () => {
  const machine = path.join(__dirname, '..', '..', 'fixtures', 'inventory', 'win7-sp1-x86-outlook2010');
  const url = `imaps://127.0.0.1:${dovecot.ports.imaps}`;
  const r = await cli(['check', '--machine', machine, '--server', url, '--timeout', '30', '--ca', certs.caCert]);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /macchina registrata/);
  assert.match(r.out, /1\. \[PROBLEMA\] Outlook su Windows 7 non usa TLS 1\.2/);
  assert.match(r.out, /\[ da fare \] {3}Installa l’aggiornamento di Windows KB3140245/);
  assert.match(r.out, /Riavvia il computer \(una volta, alla fine\)/);
  // The Windows 7 steps appear once (in the plan), not card by card.
  assert.equal(r.out.split('MicrosoftEasyFix51044.msi»').length - 1, 1, r.out);
  const json = await cli(['check', '--machine', machine, '--server', url, '--timeout', '30', '--ca', certs.caCert, '--json']);
  const report = JSON.parse(json.out) as Report;
  assert.equal(report.inventory?.os.name?.includes('Windows 7'), true);
  assert.deepEqual(
    report.plans.map((p) => p.id),
    ['windows7-tls12'],
  );
  assert.ok(report.findings.filter((f) => f.plan === 'windows7-tls12').every((f) => f.severity === 'error'));
  // A directory that is not a recording is bad usage.
  const bad = await cli(['check', '--machine', dir]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--machine vuole una cartella registrata/);
});

test('each check of this machine is kept in the local history; a recorded machine is not', async () => {
  const home = tempDir('pec-doctor-history-');
  const env = { ...process.env, PEC_DOCTOR_HOME: home };
  const run = (args: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', ENTRY, ...args],
        { timeout: 120_000, env, maxBuffer: 32 * 1024 * 1024 },
        (err, stdout) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: String(stdout) }),
      );
    });
  try {
    const checked = await run(['check', '--no-discovery', '--email', 'studio@gmail.com', '--json']);
    const report = JSON.parse(checked.out) as Report;
    await run([
      'check',
      '--machine',
      path.join(__dirname, '../../fixtures/inventory/win7-sp1-x86-outlook2010'),
      '--no-discovery',
      '--json',
    ]);
    const listed = await run(['history', 'list', '--json']);
    const runs = (JSON.parse(listed.out) as { runs: { caseCode: string; status: string }[] }).runs;
    assert.equal(runs.length, 1, listed.out);
    assert.equal(runs[0].caseCode, report.caseCode);
    assert.equal(runs[0].status, 'not-pec');
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test('--ca naming a FIFO is refused at once with a clear message (no hang)', async () => {
  const fifo = path.join(dir, 'ca-fifo.pem');
  execFileSync('mkfifo', [fifo]);
  const r = await cli(['check', '--no-discovery', '--ca', fifo, '--server', 'imaps://127.0.0.1:1']);
  assert.equal(r.code, 2);
  assert.match(r.err, /FIFO.*not a regular file/);
});

test('--html never replaces a saved report without --force, and says so before any check runs', async () => {
  const saved = path.join(dir, 'kept.html');
  fs.writeFileSync(saved, 'the report the studio saved');
  const r = await cli(['check', '--no-discovery', '--email', 'x@gmail.com', '--html', saved]);
  assert.equal(r.code, 2);
  assert.match(r.err, /esiste già/);
  assert.equal(fs.readFileSync(saved, 'utf8'), 'the report the studio saved');
  const forced = await cli(['check', '--no-discovery', '--email', 'x@gmail.com', '--html', saved, '--force']);
  assert.equal(forced.code, 4, forced.err);
  assert.match(fs.readFileSync(saved, 'utf8'), /pec-doctor-report/);
});

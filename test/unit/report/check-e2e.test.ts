// `pec-doctor check` end to end in a child process against real loopback servers: an
// `openssl s_server` that speaks only TLS 1.0 (→ server-no-tls12, error verdict, exit 1) and a
// healthy Dovecot (IMAP with implicit TLS and STARTTLS, TLS 1.2 minimum; s_server sends no IMAP
// greeting) with a certificate from a local test CA given with --ca (→ no problem for the
// server part). Then `evaluate` on the saved report
// gives the same findings.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeCertificates, startDovecot, startOpensslServer, tempDir } from '../../support/servers';
import type { Certificates, DovecotServer, RunningServer } from '../../support/servers';
import type { Report } from '../../../src/diagnosis/types';

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
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: String(stdout), err: String(stderr) }),
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
  const r = await cli(['check', '--no-discovery', '--server', url, '--server', starttls, '--timeout', '30', '--ca', certs.caCert, '--json', '--html', html]);
  const report = JSON.parse(r.out) as Report;
  assert.equal(report.endpoints.length, 2);
  for (const u of [url, starttls]) {
    const mine = serverFindings(report, u);
    assert.deepEqual(mine.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.id}: ${f.detail.en}`), [], u);
    assert.ok(mine.some((f) => f.id === 'server-ok'), `${u}: ${mine.map((f) => f.id).join(', ')}`);
  }
  assert.equal(report.endpoints[0].tls.versions['TLSv1.2'], true);
  assert.equal(report.endpoints[0].tls.versions.TLSv1, false);
  assert.ok(fs.readFileSync(html, 'utf8').includes(url));
  // The exit code follows the verdict of the whole machine.
  assert.equal(r.code, report.verdict.status === 'ok' ? 0 : 1);
});

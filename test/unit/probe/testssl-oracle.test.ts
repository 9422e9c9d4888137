// testssl.sh (Debian package, `testssl`) as the oracle: on the same loopback servers our version
// and cipher verdicts must equal its verdicts. Few runs (≈10 s each): protocols on four configs,
// full cipher lists (-e) on two.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { makeCertificates, run, startDovecot, startOpensslServer, startPostfix, tempDir, type Certificates } from '../../support/servers';
import { probeEndpoint } from '../../../src/probe';
import { suiteByCode } from '../../../src/probe/cipher-suites';
import type { Endpoint, EndpointResult, TlsVersionName } from '../../../src/probe/types';

let certs: Certificates;
let work: string;
const stops: Array<() => Promise<void>> = [];
before(async () => {
  work = tempDir('pec-testssl-');
  certs = await makeCertificates(path.join(work, 'certs'));
});
after(async () => {
  for (const s of stops) await s();
  rmSync(work, { recursive: true, force: true });
});

interface Oracle {
  versions: Record<TlsVersionName, boolean>;
  ciphers: string[] | null;
}

const TESTSSL_IDS: Record<string, TlsVersionName> = { TLS1: 'TLSv1', TLS1_1: 'TLSv1.1', TLS1_2: 'TLSv1.2', TLS1_3: 'TLSv1.3' };

/** Runs testssl on 127.0.0.1:port and reads its --jsonfile. */
async function testssl(e: Endpoint, withCiphers: boolean): Promise<Oracle> {
  const file = path.join(work, `testssl-${e.port}-${withCiphers ? 'e' : 'p'}.json`);
  const args = ['--quiet', '--color', '0', '--warnings', 'off', '--jsonfile', file, '-p'];
  if (withCiphers) args.push('-e');
  if (e.security === 'starttls') args.push('-t', e.protocol);
  args.push(`127.0.0.1:${e.port}`);
  await run('testssl', args, { timeoutMs: 180_000 });
  const findings = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; finding: string }>;
  const versions = {} as Record<TlsVersionName, boolean>;
  for (const f of findings) {
    const v = TESTSSL_IDS[f.id];
    if (v) versions[v] = /^offered/.test(f.finding);
  }
  let ciphers: string[] | null = null;
  if (withCiphers) {
    ciphers = findings
      .filter((f) => /^cipher_x[0-9a-f]+$/.test(f.id))
      .map((f) => {
        const code = parseInt(f.id.slice('cipher_x'.length), 16);
        return suiteByCode(code)?.name ?? `unknown 0x${code.toString(16)}`;
      })
      .sort();
  }
  return { versions, ciphers };
}

function union(r: EndpointResult): string[] {
  return [...new Set(Object.values(r.tls.ciphers).flatMap((l) => l ?? []))].sort();
}

const V = (a: boolean, b: boolean, c: boolean, d: boolean): Record<TlsVersionName, boolean> => ({ TLSv1: a, 'TLSv1.1': b, 'TLSv1.2': c, 'TLSv1.3': d });

async function compare(e: Endpoint, withCiphers: boolean, expected: Record<TlsVersionName, boolean>): Promise<void> {
  const ours = await probeEndpoint({ ...e, host: '127.0.0.1' }, { simulate: false, ciphers: withCiphers, stepTimeouts: { bannerMs: 300 } });
  const oracle = await testssl(e, withCiphers);
  assert.deepEqual(ours.tls.versions, oracle.versions, `versions on ${e.protocol}/${e.security}:${e.port}`);
  // And both match the server's configuration, so the comparison is not vacuous.
  assert.deepEqual(ours.tls.versions, expected);
  if (withCiphers) {
    assert.deepEqual(union(ours), oracle.ciphers, `ciphers on ${e.protocol}/${e.security}:${e.port}`);
    assert.ok((oracle.ciphers ?? []).length >= 2);
  }
}

test('Dovecot imaps, ssl_min_protocol TLSv1: same versions and same cipher list as testssl -p -e', async () => {
  const d = await startDovecot({ cert: certs.cert, key: certs.key, minProtocol: 'TLSv1' });
  stops.push(d.stop);
  await compare({ host: '127.0.0.1', port: d.ports.imaps, protocol: 'imap', security: 'tls' }, true, V(true, true, true, true));
});

test('openssl s_server TLS 1.2 with two suites: same as testssl -p -e', async () => {
  const s = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1_2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA' });
  stops.push(s.stop);
  await compare({ host: '127.0.0.1', port: s.port, protocol: 'imap', security: 'tls' }, true, V(false, false, true, false));
});

test('Dovecot POP3 STARTTLS, ssl_min_protocol TLSv1.3: same versions as testssl -t pop3 -p', async () => {
  const d = await startDovecot({ cert: certs.cert, key: certs.key, minProtocol: 'TLSv1.3' });
  stops.push(d.stop);
  await compare({ host: '127.0.0.1', port: d.ports.pop3, protocol: 'pop3', security: 'starttls' }, false, V(false, false, false, true));
});

test('Postfix submission STARTTLS, TLS ≥ 1.1: same versions as testssl -t smtp -p', async () => {
  const p = await startPostfix({ cert: certs.cert, key: certs.key, tlsProtocols: '>=TLSv1.1', extraMain: 'tls_medium_cipherlist = DEFAULT:@SECLEVEL=0' });
  stops.push(p.stop);
  await compare({ host: '127.0.0.1', port: p.ports.submission, protocol: 'smtp', security: 'starttls' }, false, V(false, true, true, true));
});

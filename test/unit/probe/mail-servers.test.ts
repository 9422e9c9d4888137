// The probe against real Dovecot (IMAP/POP3, implicit TLS and STARTTLS) and Postfix (SMTP
// submission with STARTTLS and implicit TLS), each with a private config on 127.0.0.1.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { makeCertificates, startDovecot, startPostfix, tempDir, type Certificates } from '../../support/servers';
import { probeEndpoint } from '../../../src/probe';
import type { EndpointResult } from '../../../src/probe/types';

let certs: Certificates;
let ca: Buffer;
const stops: Array<() => Promise<void>> = [];
before(async () => {
  certs = await makeCertificates(tempDir());
  ca = readFileSync(certs.caCert);
});
after(async () => {
  for (const stop of stops) await stop();
  rmSync(certs.dir, { recursive: true, force: true });
});

const sim = (r: EndpointResult, id: string) => r.simulations.find((x) => x.client === id);

test('Dovecot, ssl_min_protocol TLSv1.2: IMAP and POP3, implicit TLS and STARTTLS', async () => {
  const d = await startDovecot({ cert: certs.cert, key: certs.key, minProtocol: 'TLSv1.2' });
  stops.push(d.stop);
  const cases = [
    { protocol: 'imap', security: 'tls', port: d.ports.imaps, banner: /^\* OK .*Dovecot/ },
    { protocol: 'imap', security: 'starttls', port: d.ports.imap, banner: /^\* OK .*STARTTLS.*Dovecot/ },
    { protocol: 'pop3', security: 'tls', port: d.ports.pop3s, banner: /^\+OK Dovecot/ },
    { protocol: 'pop3', security: 'starttls', port: d.ports.pop3, banner: /^\+OK Dovecot/ },
  ] as const;
  for (const c of cases) {
    const r = await probeEndpoint(
      { host: 'localhost', port: c.port, protocol: c.protocol, security: c.security },
      { ca, ciphers: c.security === 'tls' },
    );
    const label = `${c.protocol}/${c.security}`;
    assert.equal(r.verdict, 'ok', `${label}: ${r.detail}`);
    assert.deepEqual(r.tls.versions, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true }, label);
    assert.match(r.banner ?? '', c.banner, label);
    assert.deepEqual(
      r.steps.map((s) => s.step).filter((s) => s === 'starttls'),
      c.security === 'starttls' ? ['starttls'] : [],
      label,
    );
    assert.ok(
      r.steps.every((s) => s.status !== 'failed'),
      label,
    );
    assert.equal(sim(r, 'windows7-default')?.reason, 'no-common-version', label);
    assert.equal(sim(r, 'windows7-tls12')?.ok, true, label);
    assert.equal(sim(r, 'thunderbird-current')?.version, 'TLSv1.3', label);
    if (c.security === 'tls') {
      assert.ok((r.tls.ciphers['TLSv1.2'] ?? []).includes('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'), label);
      assert.equal(r.tls.ciphers['TLSv1'], undefined, label);
    }
  }
});

test('Dovecot, ssl_min_protocol TLSv1.3: SChannel clients have no common version', async () => {
  const d = await startDovecot({ cert: certs.cert, key: certs.key, minProtocol: 'TLSv1.3' });
  stops.push(d.stop);
  const r = await probeEndpoint({ host: '127.0.0.1', port: d.ports.imap, protocol: 'imap', security: 'starttls' }, { ca });
  assert.equal(r.verdict, 'ok');
  assert.deepEqual(r.tls.versions, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': true });
  assert.equal(sim(r, 'windows10')?.reason, 'no-common-version');
  assert.equal(sim(r, 'thunderbird-current')?.ok, true);
});

test('Dovecot with only ECDHE-RSA AES-GCM: Windows 7 fails on ciphers, Windows 10 connects', async () => {
  const d = await startDovecot({
    cert: certs.cert,
    key: certs.key,
    minProtocol: 'TLSv1.2',
    cipherList: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384',
  });
  stops.push(d.stop);
  const r = await probeEndpoint({ host: '127.0.0.1', port: d.ports.pop3s, protocol: 'pop3', security: 'tls' }, { ca });
  assert.deepEqual([...(r.tls.ciphers['TLSv1.2'] ?? [])].sort(), [
    'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  ]);
  assert.equal(sim(r, 'windows7-tls12')?.reason, 'no-common-cipher');
  assert.equal(sim(r, 'windows81')?.reason, 'no-common-cipher');
  assert.equal(sim(r, 'windows10')?.ok, true);
  assert.equal(r.verdict, 'ok');
});

test('Dovecot, ssl_min_protocol TLSv1: every version, and Windows 7 as shipped connects with TLS 1.0', async () => {
  const d = await startDovecot({ cert: certs.cert, key: certs.key, minProtocol: 'TLSv1' });
  stops.push(d.stop);
  const r = await probeEndpoint({ host: 'localhost', port: d.ports.imaps, protocol: 'imap', security: 'tls' }, { ca });
  assert.deepEqual(r.tls.versions, { TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': true });
  const w7 = sim(r, 'windows7-default');
  assert.deepEqual([w7?.ok, w7?.version], [true, 'TLSv1']);
  assert.ok((r.tls.ciphers.TLSv1 ?? []).length > 0);
});

test('Postfix: submission with STARTTLS and implicit TLS (smtps)', async () => {
  const p = await startPostfix({ cert: certs.cert, key: certs.key, tlsProtocols: '>=TLSv1.2' });
  stops.push(p.stop);
  const sub = await probeEndpoint(
    { host: 'localhost', port: p.ports.submission, protocol: 'smtp', security: 'starttls' },
    { ca, ciphers: false },
  );
  assert.equal(sub.verdict, 'ok', sub.detail);
  assert.match(sub.banner ?? '', /^220 localhost ESMTP Postfix/);
  assert.deepEqual(sub.tls.versions, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
  assert.equal(sub.steps.find((s) => s.step === 'starttls')?.status, 'ok');
  const smtps = await probeEndpoint({ host: 'localhost', port: p.ports.smtps, protocol: 'smtp', security: 'tls' }, { ca, ciphers: false });
  assert.equal(smtps.verdict, 'ok', smtps.detail);
  assert.match(smtps.banner ?? '', /^220 /);
  assert.equal(smtps.tls.versions['TLSv1.1'], false);
});

test('Postfix without STARTTLS: starttls-not-offered', async () => {
  const p = await startPostfix({ cert: certs.cert, key: certs.key, starttls: false });
  stops.push(p.stop);
  const r = await probeEndpoint({ host: '127.0.0.1', port: p.ports.submission, protocol: 'smtp', security: 'starttls' }, { ca });
  assert.equal(r.verdict, 'starttls-not-offered');
  assert.equal(r.steps.find((s) => s.step === 'starttls')?.verdict, 'starttls-not-offered');
  assert.equal(r.connections, 1);
  assert.deepEqual(r.tls.versions, { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null });
});

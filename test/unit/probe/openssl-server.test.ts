// The probe against `openssl s_server` restricted to one version, one cipher, or serving a
// broken certificate (all on 127.0.0.1, started and stopped here).
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import * as tls from 'node:tls';
import { makeCertificates, startOpensslServer, tempDir, type Certificates, type OpensslServerOptions } from '../../support/servers';
import { probeEndpoint } from '../../../src/probe';
import { CLIENT_PROFILES } from '../../../src/probe/client-profiles';
import { analyzeChain, describePeer, parseCaOption, peerChain } from '../../../src/probe/certificate';
import type { EndpointResult, ProbeOptions } from '../../../src/probe/types';

let certs: Certificates;
let ca: Buffer;
before(async () => {
  certs = await makeCertificates(tempDir());
  ca = readFileSync(certs.caCert);
});
after(() => rmSync(certs.dir, { recursive: true, force: true }));

async function probeServer(server: Partial<OpensslServerOptions>, options: ProbeOptions = {}, host = '127.0.0.1'): Promise<EndpointResult> {
  const s = await startOpensslServer({ cert: certs.cert, key: certs.key, ...server });
  try {
    // s_server sends no mail banner: a short banner timeout keeps the test quick.
    return await probeEndpoint(
      { host, port: s.port, protocol: 'imap', security: 'tls' },
      { ca, stepTimeouts: { bannerMs: 300 }, ...options },
    );
  } finally {
    await s.stop();
  }
}

const sim = (r: EndpointResult, id: string) => {
  const s = r.simulations.find((x) => x.client === id);
  assert.ok(s, `simulation ${id} missing`);
  return s;
};

test('TLS 1.2 only with ECDHE-RSA-AES128-GCM-SHA256: Windows 7 with TLS 1.2 has no common cipher', async () => {
  const r = await probeServer({ version: 'tls1_2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256' });
  assert.deepEqual(r.tls.versions, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': false });
  assert.deepEqual(r.tls.ciphers, { 'TLSv1.2': ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'] });
  assert.equal(sim(r, 'windows7-tls12').reason, 'no-common-cipher');
  assert.equal(sim(r, 'windows81').reason, 'no-common-cipher');
  assert.equal(sim(r, 'dotnet-4.6').reason, 'no-common-cipher');
  assert.equal(sim(r, 'windows7-default').reason, 'no-common-version');
  const w10 = sim(r, 'windows10');
  assert.deepEqual([w10.ok, w10.version, w10.cipher], [true, 'TLSv1.2', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']);
  assert.equal(sim(r, 'thunderbird-current').ok, true);
  assert.equal(sim(r, 'thunderbird-45.6').ok, true);
  // No mail banner from s_server: the one failure is the banner step.
  assert.equal(r.verdict, 'banner-unexpected');
  assert.equal(r.certificate?.trusted, true);
  // 4 versions, 1 suite, one hello per distinct client hello (each replayed: the server decides), the certificate.
  assert.ok((r.connections ?? 0) <= 20, `polite: ${r.connections} connections`);
});

test('TLS 1.3 only: older clients have no common version', async () => {
  const r = await probeServer({ version: 'tls1_3' });
  assert.deepEqual(r.tls.versions, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': true });
  assert.deepEqual([...(r.tls.ciphers['TLSv1.3'] ?? [])].sort(), [
    'TLS_AES_128_GCM_SHA256',
    'TLS_AES_256_GCM_SHA384',
    'TLS_CHACHA20_POLY1305_SHA256',
  ]);
  for (const id of ['windows7-tls12', 'windows10', 'java-8u132', 'applemail-10.12'])
    assert.equal(sim(r, id).reason, 'no-common-version', id);
  const tb = sim(r, 'thunderbird-current');
  assert.deepEqual([tb.ok, tb.version], [true, 'TLSv1.3']);
  assert.equal(r.negotiated?.version, 'TLSv1.3');
});

test('TLS 1.0 only: no-tls12, and only Windows 7 as shipped gets in', async () => {
  const r = await probeServer({ version: 'tls1' }, { ciphers: true });
  assert.deepEqual(r.tls.versions, { TLSv1: true, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': false });
  assert.equal(r.verdict, 'no-tls12');
  assert.equal(sim(r, 'windows7-default').ok, true);
  assert.equal(sim(r, 'thunderbird-current').reason, 'no-common-version');
  // The certificate is read even when the local TLS library refuses TLS 1.0.
  assert.equal(r.certificate?.subject, 'CN=localhost');
});

test('certificates: trusted via the ca option, expired, not yet valid, wrong host, self-signed', async () => {
  const fast: ProbeOptions = { ciphers: false, simulate: false };
  let r = await probeServer({ version: 'tls1_2' }, fast);
  assert.equal(r.certificate?.trusted, true);
  assert.equal(r.certificate?.hostnameMatches, true);
  assert.ok(r.certificate?.san.includes('IP:127.0.0.1'));
  assert.equal(r.certificate?.keyType, 'RSA');
  assert.equal(r.certificate?.keyBits, 2048);
  assert.equal(r.certificate?.signatureAlgorithm, 'sha256WithRSAEncryption');
  assert.equal(r.certificate?.chain[0].issuer, 'O=PEC Doctor Test, CN=PEC Doctor Test CA');
  assert.equal(r.steps.find((s) => s.step === 'certificate')?.status, 'ok');

  r = await probeServer({ version: 'tls1_2' }, { ...fast, ca: undefined });
  assert.equal(r.verdict, 'cert-untrusted');
  assert.equal(r.certificate?.trusted, false);

  r = await probeServer({ version: 'tls1_2', cert: certs.expiredCert }, fast);
  assert.equal(r.verdict, 'cert-expired');
  assert.equal(r.certificate?.validTo, '2021-01-01T00:00:00.000Z');

  r = await probeServer({ version: 'tls1_2', cert: certs.notYetValidCert }, fast);
  assert.equal(r.verdict, 'cert-not-yet-valid');

  r = await probeServer({ version: 'tls1_2', cert: certs.wrongHostCert }, fast, 'localhost');
  assert.equal(r.verdict, 'cert-hostname-mismatch');
  assert.deepEqual(r.certificate?.san, ['DNS:wrong.example']);

  r = await probeServer({ version: 'tls1_2', cert: certs.selfSignedCert }, fast, 'localhost');
  assert.equal(r.verdict, 'cert-untrusted');
  assert.equal(r.certificate?.trustError, 'DEPTH_ZERO_SELF_SIGNED_CERT');

  r = await probeServer({ version: 'tls1_3', cert: certs.ecCert, key: certs.ecKey }, fast, 'localhost');
  assert.equal(r.certificate?.keyType, 'EC prime256v1');
  assert.equal(r.certificate?.signatureAlgorithm, 'sha256WithRSAEncryption');
  assert.equal(r.certificate?.hostnameMatches, true);
});

test('the getPeerCertificate fallback describes a chain like the X509Certificate path', async () => {
  const s = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1_2' });
  try {
    for (const [host, caOpt] of [
      ['127.0.0.1', ca],
      ['localhost', undefined],
    ] as const) {
      const socket = tls.connect({
        host: '127.0.0.1',
        port: s.port,
        servername: host === 'localhost' ? host : undefined,
        rejectUnauthorized: false,
        ca: caOpt ? [caOpt] : undefined,
      });
      await once(socket, 'secureConnect');
      const viaPeer = describePeer(socket, host);
      const viaX509 = analyzeChain(peerChain(socket), host, caOpt ? parseCaOption(caOpt) : []);
      socket.destroy();
      for (const k of [
        'subject',
        'san',
        'validFrom',
        'validTo',
        'keyType',
        'keyBits',
        'signatureAlgorithm',
        'fingerprintSha256',
        'trusted',
        'hostnameMatches',
      ] as const) {
        assert.deepEqual(viaPeer[k], viaX509[k], `${host}: ${k}`);
      }
      assert.equal(viaPeer.trusted, caOpt !== undefined);
    }
  } finally {
    await s.stop();
  }
});

test('ECDHE on X25519 only: SChannel clients on Windows 7 fail on the curve, not on the cipher', async () => {
  const r = await probeServer({ version: 'tls1_2', cipher: 'ECDHE-RSA-AES128-SHA', args: ['-groups', 'X25519'] });
  assert.deepEqual(r.tls.ciphers, { 'TLSv1.2': ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] });
  const w7 = sim(r, 'windows7-tls12');
  assert.deepEqual([w7.ok, w7.reason], [false, 'no-common-curve']);
  assert.equal(sim(r, 'java-8u132').reason, 'no-common-curve');
  assert.equal(sim(r, 'windows10').ok, true);
});

test('the connection cap stops cipher enumeration early and keeps room for the rest', async () => {
  const r = await probeServer({ version: 'tls1_2', cipher: 'ALL' }, { maxConnections: 32 });
  const list = r.tls.ciphers['TLSv1.2'] ?? [];
  assert.ok(list.length >= 2 && list.length < 20, `${list.length} suites`);
  const st = r.steps.find((s) => s.step === 'ciphers');
  assert.equal(st?.status, 'ok');
  assert.match(st?.detail ?? '', /incompleto/);
  assert.equal(r.simulations.length, CLIENT_PROFILES.length);
  assert.ok(r.certificate);
  assert.ok((r.connections ?? 0) <= 32, `${r.connections} connections`);
});

test('certificates: a CA named in NODE_EXTRA_CA_CERTS is trusted, as Node and Electron trust it', async () => {
  const fast: ProbeOptions = { ciphers: false, simulate: false, ca: undefined };
  const before = process.env.NODE_EXTRA_CA_CERTS;
  try {
    process.env.NODE_EXTRA_CA_CERTS = certs.caCert;
    let r = await probeServer({ version: 'tls1_2' }, fast);
    assert.equal(r.certificate?.trusted, true);
    process.env.NODE_EXTRA_CA_CERTS = certs.dir + '/missing.pem';
    r = await probeServer({ version: 'tls1_2' }, fast);
    assert.equal(r.certificate?.trusted, false);
    assert.equal(r.verdict, 'cert-untrusted');
  } finally {
    if (before === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
    else process.env.NODE_EXTRA_CA_CERTS = before;
  }
});

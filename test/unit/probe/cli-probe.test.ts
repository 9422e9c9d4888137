// `pec-doctor probe` end to end against real loopback servers: JSON validated against
// docs/probe.schema.json with ajv, Italian human output, exit codes.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { EndpointResult } from '../../../src/probe/types';
import { CLIENT_PROFILES } from '../../../src/probe/client-profiles';
import {
  freePort,
  makeCertificates,
  run,
  startDovecot,
  startOpensslServer,
  tempDir,
  type Certificates,
  type DovecotServer,
  type RunningServer,
} from '../../support/servers';
import { cli } from '../../support/cli';

const schema = JSON.parse(readFileSync(path.join(__dirname, '../../../docs/probe.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, validateFormats: false });
const validate = ajv.compile(schema);

let certs: Certificates;
let dovecot: DovecotServer;
let expired: RunningServer;
before(async () => {
  certs = await makeCertificates(tempDir());
  dovecot = await startDovecot({ cert: certs.cert, key: certs.key, minProtocol: 'TLSv1.2' });
  expired = await startOpensslServer({ cert: certs.expiredCert, key: certs.key, version: 'tls1_2' });
});
after(async () => {
  await dovecot?.stop();
  await expired?.stop();
  rmSync(certs.dir, { recursive: true, force: true });
});

test('--json: every endpoint, valid against docs/probe.schema.json; exit 1 when one is not ok', async () => {
  const closed = await freePort();
  const urls = [
    `imaps://localhost:${dovecot.ports.imaps}`,
    `pop3://localhost:${dovecot.ports.pop3}`,
    `imaps://127.0.0.1:${expired.port}`,
    `smtp://127.0.0.1:${closed}`,
    'imaps://nonexistent.invalid',
  ];
  const r = await cli('probe', '--json', '--ca', certs.caCert, '--timeout', '20', ...urls);
  const json = JSON.parse(r.out) as { endpoints: EndpointResult[] };
  assert.ok(validate(json), ajv.errorsText(validate.errors, { separator: '\n' }));
  assert.deepEqual(
    json.endpoints.map((e) => [e.url, e.verdict]),
    [
      [`imaps://localhost:${dovecot.ports.imaps}`, 'ok'],
      [`pop3://localhost:${dovecot.ports.pop3}`, 'ok'],
      [`imaps://127.0.0.1:${expired.port}`, 'cert-expired'],
      [`smtp://127.0.0.1:${closed}`, 'connect-refused'],
      ['imaps://nonexistent.invalid:993', 'dns-failed'],
    ],
  );
  assert.equal(r.code, 1);
  const first = json.endpoints[0];
  assert.ok(first.tls.ciphers['TLSv1.2']?.includes('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'));
  assert.equal(first.simulations.length, CLIENT_PROFILES.length);
  // The schema is strict: an unknown field or a wrong verdict is rejected.
  assert.equal(validate({ endpoints: [{ ...first, verdict: 'fine' }] }), false);
  assert.equal(validate({ endpoints: [{ ...first, extra: 1 }] }), false);
});

test('human output is Italian and short; exit 0 when every endpoint is ok', async () => {
  const r = await cli('probe', '--ca', certs.caCert, `imap://localhost:${dovecot.ports.imap}`, `pop3s://localhost:${dovecot.ports.pop3s}`);
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, new RegExp(`^imap://localhost:${dovecot.ports.imap}  OK$`, 'm'));
  assert.match(r.out, /Versioni: TLS 1\.0 no · TLS 1\.1 no · TLS 1\.2 sì · TLS 1\.3 sì/);
  assert.match(r.out, /Certificato: CN=localhost .* attendibile, nome corretto/);
  assert.match(r.out, /✗ Outlook su Windows 7 \(SChannel, TLS 1\.2 non abilitato\): NO — no-common-version/);
  const bad = await cli('probe', `imaps://127.0.0.1:${expired.port}`, '--no-ciphers', '--timeout', '5');
  assert.equal(bad.code, 1);
  assert.match(bad.out, /PROBLEMA: cert-expired/);
});

test('--ca is repeatable like check --ca: every file is trusted; a file without a certificate is a usage error', async () => {
  const self = await startOpensslServer({ cert: certs.selfSignedCert, key: certs.key, version: 'tls1_2' });
  try {
    const urls = [`imaps://localhost:${dovecot.ports.imaps}`, `imaps://localhost:${self.port}`];
    const both = await cli('probe', '--json', '--no-ciphers', '--ca', certs.caCert, '--ca', certs.selfSignedCert, ...urls);
    const json = JSON.parse(both.out) as { endpoints: EndpointResult[] };
    assert.deepEqual(
      json.endpoints.map((e) => e.certificate?.trusted),
      [true, true],
    );
    const one = await cli('probe', '--json', '--no-ciphers', '--ca', certs.caCert, ...urls);
    assert.deepEqual(
      (JSON.parse(one.out) as { endpoints: EndpointResult[] }).endpoints.map((e) => e.certificate?.trusted),
      [true, false],
    );
    const notPem = await cli('probe', '--ca', certs.caCert, '--ca', certs.key.replace(/key\.pem$/, 'missing.txt'), urls[0]);
    assert.equal(notPem.code, 2);
    const keyFile = await cli('probe', '--ca', certs.key, urls[0]);
    assert.equal(keyFile.code, 2);
    assert.match(keyFile.err + keyFile.out, /non contiene un certificato PEM/);
    // A FIFO as --ca is refused at once, not read for ever.
    const fifo = path.join(certs.dir, 'ca.fifo');
    await run('mkfifo', [fifo]);
    const t = Date.now();
    const fromFifo = await cli('probe', '--ca', fifo, urls[0]);
    assert.equal(fromFifo.code, 2);
    assert.ok(Date.now() - t < 10_000);
  } finally {
    await self.stop();
  }
});

test('bad usage exits 2', async () => {
  assert.equal((await cli('probe', 'http://example.invalid')).code, 2);
  assert.equal((await cli('probe', 'imaps://localhost', '--timeout', 'x')).code, 2);
  assert.equal((await cli('probe', 'imaps://localhost', '--ca', '/nonexistent/ca.pem')).code, 2);
});

// ClientHello bytes and the first-flight parser, on hand-built input (no network).
import { test } from 'node:test';
import { randomBytes } from 'node:crypto';
import * as assert from 'node:assert/strict';
import { buildClientHello } from '../../../src/probe/client-hello';
import { FlightParser, MAX_RECORD } from '../../../src/probe/server-hello';
import { CIPHER_SUITES, ianaFromOpenssl, suiteByName, suitesFor } from '../../../src/probe/cipher-suites';
import { CLIENT_PROFILES } from '../../../src/probe/client-profiles';
import { interceptorOf } from '../../../src/probe/av-issuers';
import { HRR_RANDOM } from '../../../src/probe/tls-constants';

function record(type: number, body: Buffer): Buffer {
  const h = Buffer.alloc(5);
  h[0] = type;
  h.writeUInt16BE(0x0303, 1);
  h.writeUInt16BE(body.length, 3);
  return Buffer.concat([h, body]);
}
function handshake(type: number, body: Buffer): Buffer {
  const h = Buffer.alloc(4);
  h[0] = type;
  h.writeUIntBE(body.length, 1, 3);
  return Buffer.concat([h, body]);
}
function serverHello(version: number, cipher: number, opts: { random?: Buffer; supportedVersion?: number } = {}): Buffer {
  const exts = opts.supportedVersion
    ? Buffer.from([0x00, 0x2b, 0x00, 0x02, opts.supportedVersion >> 8, opts.supportedVersion & 0xff])
    : Buffer.alloc(0);
  const body = Buffer.concat([
    Buffer.from([version >> 8, version & 0xff]),
    opts.random ?? Buffer.alloc(32, 7),
    Buffer.from([0]),
    Buffer.from([cipher >> 8, cipher & 0xff, 0]),
    Buffer.from([exts.length >> 8, exts.length & 0xff]),
    exts,
  ]);
  return handshake(2, body);
}

test('a TLS 1.2 ClientHello carries the version, suites, SNI and no supported_versions', () => {
  const hello = buildClientHello({
    versions: ['TLSv1.2'],
    ciphers: [0xc02f, 0x009c],
    groups: ['x25519'],
    sigalgs: ['rsa_pkcs1_sha256'],
    serverName: 'imaps.pec.example',
  });
  assert.equal(hello[0], 22);
  assert.equal(hello.readUInt16BE(3), hello.length - 5);
  assert.equal(hello[5], 1); // ClientHello
  assert.equal(hello.readUInt16BE(9), 0x0303);
  const suitesLen = hello.readUInt16BE(9 + 2 + 32 + 1);
  assert.equal(suitesLen, 6); // two suites + renegotiation SCSV
  assert.ok(hello.includes(Buffer.from('imaps.pec.example')));
  assert.ok(!hello.includes(Buffer.from([0x00, 0x2b, 0x00, 0x03])));
});

test('a TLS 1.3 ClientHello says 1.2 in the header and 1.3 in supported_versions with a key share', () => {
  const hello = buildClientHello({
    versions: ['TLSv1.3'],
    ciphers: [0x1301],
    groups: ['x25519'],
    sigalgs: ['rsa_pss_rsae_sha256'],
    serverName: '127.0.0.1',
  });
  assert.equal(hello.readUInt16BE(9), 0x0303);
  assert.ok(hello.includes(Buffer.from([0x00, 0x2b, 0x00, 0x03, 0x02, 0x03, 0x04])));
  assert.ok(hello.includes(Buffer.from([0x00, 0x33])));
  assert.ok(!hello.includes(Buffer.from('127.0.0.1')), 'no SNI for an IP literal');
  // Padded out of the 256-511 byte range some middleboxes choke on.
  const big = buildClientHello({
    versions: ['TLSv1.2'],
    ciphers: suitesFor('TLSv1.2').slice(0, 100),
    groups: ['x25519'],
    sigalgs: ['rsa_pkcs1_sha256'],
  });
  assert.ok(big.length - 5 < 256 || big.length - 5 >= 512, `hello of ${big.length - 5} bytes`);
});

test('the parser reads ServerHello, HelloRetryRequest, alerts, certificates and rejects garbage', () => {
  let p = new FlightParser(false);
  const sh = record(22, serverHello(0x0303, 0xc02f));
  assert.equal(p.feed(sh.subarray(0, 7)), null, 'waits for the rest of the record');
  const r = p.feed(sh.subarray(7));
  assert.deepEqual(r && r.kind === 'server-hello' && [r.version, r.cipher, r.helloRetry], ['TLSv1.2', 0xc02f, false]);

  p = new FlightParser(false);
  const hrr = p.feed(record(22, serverHello(0x0303, 0x1302, { random: HRR_RANDOM, supportedVersion: 0x0304 })));
  assert.deepEqual(hrr && hrr.kind === 'server-hello' && [hrr.version, hrr.helloRetry], ['TLSv1.3', true]);

  p = new FlightParser(false);
  assert.deepEqual(p.feed(record(21, Buffer.from([2, 70]))), { kind: 'alert', alert: 'protocol_version', code: 70 });

  p = new FlightParser(true);
  const der = Buffer.from([0x30, 0x03, 0x02, 0x01, 0x05]);
  const certMsg = handshake(11, Buffer.concat([Buffer.from([0, 0, der.length + 3, 0, 0, der.length]), der]));
  const withCert = p.feed(Buffer.concat([record(22, serverHello(0x0303, 0x002f)), record(22, certMsg)]));
  assert.ok(withCert && withCert.kind === 'server-hello');
  assert.deepEqual(withCert.certificates, [der]);

  p = new FlightParser(false);
  const text = p.feed(Buffer.from('* OK IMAP ready\r\n'));
  assert.ok(text && text.kind === 'not-tls' && /in chiaro/.test(text.detail));

  p = new FlightParser(false);
  const huge = Buffer.from([22, 3, 3, 0xff, 0xff]);
  const h = p.feed(huge);
  assert.ok(h && h.kind === 'not-tls' && h.detail.includes(String(MAX_RECORD)));
});

test('the cipher table maps OpenSSL and IANA names and knows which version a suite needs', () => {
  assert.equal(ianaFromOpenssl('ECDHE-RSA-AES128-GCM-SHA256'), 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
  assert.equal(suiteByName('TLS_AES_128_GCM_SHA256')?.minVersion, 'TLSv1.3');
  assert.ok(!suitesFor('TLSv1').includes(0xc02f), 'no GCM at TLS 1.0');
  assert.ok(suitesFor('TLSv1.2').includes(0xc02f));
  assert.deepEqual(suitesFor('TLSv1.3').sort(), [0x1301, 0x1302, 0x1303, 0x1304, 0x1305]);
  assert.equal(new Set(CIPHER_SUITES.map((s) => s.code)).size, CIPHER_SUITES.length, 'no duplicate code points');
});

test('client profiles use known suites and the required ids, with a source each', () => {
  const ids = CLIENT_PROFILES.map((p) => p.id);
  assert.deepEqual(ids, [
    'windows7-default',
    'windows7-tls12',
    'windows81',
    'windows10',
    'windows11',
    'thunderbird-45.6',
    'thunderbird-current',
    'applemail-10.12',
    'applemail-current',
    'outlook-mac',
    'ios-mail',
    'android-5',
    'java-8u132',
    'dotnet-4.6',
    'openssl-1.0.1h',
  ]);
  for (const p of CLIENT_PROFILES) {
    for (const n of p.ciphers) assert.ok(suiteByName(n), `${p.id}: unknown suite ${n}`);
    assert.ok(p.source.length > 10);
  }
  const win7 = CLIENT_PROFILES.find((p) => p.id === 'windows7-tls12');
  assert.ok(win7 && !win7.ciphers.some((n) => /^TLS_ECDHE_RSA_.*_GCM_/.test(n)), 'Windows 7 has no ECDHE_RSA GCM');
  assert.deepEqual(CLIENT_PROFILES.find((p) => p.id === 'windows7-default')?.versions, ['TLSv1']);
});

test('antivirus interception is recognised from the issuer', () => {
  assert.equal(interceptorOf(['CN=ESET SSL Filter CA, O=ESET, spol. s r. o., C=SK']), 'ESET');
  assert.equal(interceptorOf(['CN=Avast Web/Mail Shield Root']), 'Avast');
  assert.equal(interceptorOf(['CN=Kaspersky Anti-Virus Personal Root Certificate, O=AO Kaspersky Lab']), 'Kaspersky');
  assert.equal(interceptorOf(['CN=Bitdefender Personal CA.Net-Defender']), 'Bitdefender');
  assert.equal(interceptorOf(["CN=R3, O=Let's Encrypt, C=US"]), null);
});

test('the parser never throws on random or truncated input', () => {
  const good = Buffer.concat([record(22, serverHello(0x0303, 0xc02f)), record(22, handshake(11, Buffer.from([0, 0, 3, 0, 0, 0])))]);
  for (let i = 0; i < 3000; i++) {
    const p = new FlightParser(true);
    const input = i % 2 ? randomBytes(1 + (i % 300)) : Buffer.from(good.subarray(0, i % good.length));
    if (i % 3 === 0 && input.length > 6) input[5 + (i % (input.length - 5))] ^= 0xff; // corrupt one byte
    assert.doesNotThrow(() => {
      for (let o = 0; o < input.length; o += 7) p.feed(input.subarray(o, o + 7));
    });
  }
});

// The server's ephemeral key decides some handshakes the ServerHello alone does not: Java 8 refuses
// DH primes above 2048 bits, SChannel and NSS refuse small ones. Real s_server instances with real
// DH groups on loopback; the parser is also fed hostile bytes.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { makeCertificates, makeDhParams, startOpensslServer, tempDir, type Certificates } from '../../support/servers';
import { probeEndpoint } from '../../../src/probe';
import { FlightParser, parseServerKeyExchange } from '../../../src/probe/server-hello';
import { simulationResult, type Learned } from '../../../src/probe/simulate';
import type { HelloOutcome } from '../../../src/probe/session';
import { profileById } from '../../../src/probe/client-profiles';
import type { EndpointResult } from '../../../src/probe/types';

let certs: Certificates;
let work: string;
const stops: Array<() => Promise<void>> = [];
before(async () => {
  work = tempDir('pec-kex-');
  certs = await makeCertificates(path.join(work, 'certs'));
});
after(async () => {
  for (const s of stops) await s();
  rmSync(work, { recursive: true, force: true });
});

async function probe(cipher: string, args: string[]): Promise<EndpointResult> {
  const s = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1_2', cipher: `${cipher}:@SECLEVEL=0`, args });
  stops.push(s.stop);
  // The local CA is trusted: the devices table also counts whether each client accepts the certificate.
  return probeEndpoint(
    { host: '127.0.0.1', port: s.port, protocol: 'imap', security: 'tls' },
    { stepTimeouts: { bannerMs: 300 }, ca: readFileSync(certs.caCert) },
  );
}
const sim = (r: EndpointResult, id: string) => {
  const s = r.simulations.find((x) => x.client === id);
  assert.ok(s, `no simulation ${id}`);
  return s;
};

test('DHE only with a 4096-bit group: Java 8 fails with dh-too-large, SChannel connects, the size is in the JSON', async () => {
  const dh = await makeDhParams(path.join(work, 'ffdhe4096.pem'), { group: 'ffdhe4096' });
  const r = await probe('DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-SHA', ['-dhparam', dh]);
  assert.equal(sim(r, 'java-8u132').ok, false);
  assert.equal(sim(r, 'java-8u132').reason, 'dh-too-large');
  assert.match(sim(r, 'java-8u132').detail ?? '', /4096 bit.*2048/);
  assert.deepEqual(sim(r, 'java-8u132').keyExchange, { kind: 'dh', bits: 4096, group: null });
  assert.equal(sim(r, 'windows10').ok, true, JSON.stringify(sim(r, 'windows10')));
  assert.equal(sim(r, 'windows10').keyExchange?.bits, 4096);
  // Windows 7 has DHE-RSA only with GCM (no 0x0033/0x0039): it connects with GCM at TLS 1.2.
  assert.equal(sim(r, 'windows7-tls12').cipher, 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256');
  assert.deepEqual(
    { dhBits: r.keyExchange?.dhBits, curves: r.keyExchange?.curves, dhSizes: r.keyExchange?.dhSizes },
    { dhBits: 4096, curves: [], dhSizes: [4096] },
  );
  // Every accepted DHE suite was asked for its own prime.
  assert.deepEqual(
    r.keyExchange?.dhSuites?.map((d) => d.bits),
    (r.tls.ciphers['TLSv1.2'] ?? []).filter((n) => /_DHE_/.test(n)).map(() => 4096),
  );
});

test('a DH prime below the client minimum fails with dh-too-small (OpenSSL 3 will not serve one: judged from a parsed outcome)', () => {
  const learned = (): Learned => ({
    versions: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': false },
    ciphers: { 'TLSv1.2': ['TLS_DHE_RSA_WITH_AES_128_CBC_SHA'] },
  });
  const outcome: HelloOutcome = {
    kind: 'server-hello',
    version: 'TLSv1.2',
    versionCode: 0x0303,
    cipher: 0x0033,
    helloRetry: false,
    certificates: null,
    keyExchange: { kind: 'dh', bits: 768, group: null },
  };
  for (const id of ['windows81', 'windows10', 'thunderbird-45.6']) {
    const r = simulationResult(profileById(id)!, learned(), outcome);
    assert.equal(r.reason, 'dh-too-small', id);
    assert.equal(r.ok, false);
    assert.match(r.detail ?? '', /768 bit/);
  }
  const java = simulationResult(profileById('java-8u132')!, learned(), outcome);
  assert.equal(java.ok, true, 'Java 8 GA had no DH minimum (jdk.tls.disabledAlgorithms gained DH limits in later updates)');
});

test('ECDHE: the named curve of the ServerKeyExchange is reported per client and per server', async () => {
  const r = await probe('ECDHE-RSA-AES128-SHA', ['-groups', 'P-384']);
  assert.deepEqual(sim(r, 'windows7-tls12').keyExchange, { kind: 'ecdh', bits: 384, group: 'secp384r1' });
  assert.deepEqual(r.keyExchange, { dhBits: null, curves: ['secp384r1'], dhSizes: [], dhSuites: [] });
  const win7 = r.devices?.find((d) => d.device === 'windows7');
  assert.equal(win7?.status, 'partial', 'TLS 1.2 only: Windows 7 connects only once TLS 1.2 is on');
  assert.equal(r.devices?.find((d) => d.device === 'windows10')?.status, 'ok');
});

test('ServerKeyExchange parser: sizes from real encodings, nothing thrown on hostile bytes', () => {
  const p = Buffer.alloc(256, 0xff);
  assert.deepEqual(parseServerKeyExchange(Buffer.concat([Buffer.from([0x01, 0x00]), p]), 'dh'), { kind: 'dh', bits: 2048, group: null });
  // A leading zero byte does not count.
  const q = Buffer.concat([Buffer.from([0x00, 0x81, 0x00]), Buffer.alloc(128, 0x80)]);
  assert.equal(parseServerKeyExchange(q, 'dh')?.bits, 1024);
  assert.deepEqual(parseServerKeyExchange(Buffer.from([3, 0x00, 0x1d, 32]), 'ecdh'), { kind: 'ecdh', bits: 255, group: 'x25519' });
  for (let i = 0; i < 2000; i++) {
    const junk = Buffer.from(Array.from({ length: i % 40 }, () => Math.floor(Math.random() * 256)));
    for (const k of ['dh', 'ecdh', null] as const) parseServerKeyExchange(junk, k);
  }
  assert.deepEqual(parseServerKeyExchange(Buffer.from([0xff, 0xff, 1]), 'dh'), { kind: 'dh', bits: null, group: null });
});

test('first flight: the parser waits for the ServerKeyExchange only when asked, and a stalled server still yields its ServerHello', () => {
  const hs = (type: number, body: Buffer) => Buffer.concat([Buffer.from([type, 0, body.length >> 8, body.length & 0xff]), body]);
  const rec = (b: Buffer) => Buffer.concat([Buffer.from([22, 3, 3, b.length >> 8, b.length & 0xff]), b]);
  // ServerHello: TLS 1.2, 32-byte random, empty session id, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 (0x009e), no compression.
  const sh = hs(2, Buffer.concat([Buffer.from([3, 3]), Buffer.alloc(32, 7), Buffer.from([0, 0x00, 0x9e, 0])]));
  const ske = hs(12, Buffer.concat([Buffer.from([0x00, 0x80]), Buffer.alloc(128, 0xc0), Buffer.from([0, 1, 2, 0, 0])]));
  const plain = new FlightParser(false);
  const first = plain.feed(rec(sh));
  assert.equal(first?.kind, 'server-hello', 'without keyExchange the ServerHello is enough');
  const waiting = new FlightParser(false, true);
  assert.equal(waiting.feed(rec(sh)), null, 'waits for the ServerKeyExchange');
  const stalled = waiting.partial();
  assert.equal(stalled?.kind, 'server-hello', 'a server that stops here still gives its choice');
  const done = waiting.feed(rec(ske));
  assert.ok(done && done.kind === 'server-hello');
  assert.deepEqual(done.keyExchange, { kind: 'dh', bits: 1024, group: null });
  // ServerHelloDone without a ServerKeyExchange (a broken server) ends the wait too.
  const broken = new FlightParser(false, true);
  broken.feed(rec(sh));
  const r = broken.feed(rec(hs(14, Buffer.alloc(0))));
  assert.ok(r && r.kind === 'server-hello' && r.keyExchange === undefined);
});

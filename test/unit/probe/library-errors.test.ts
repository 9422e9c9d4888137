// Real errors of this process's TLS library, raised by real loopback servers, become plain Italian
// reasons; the raw OpenSSL text stays in `technical` (issue #23: "807C4BD57B7F0000:error:0A000410:
// SSL routines:..." reached the lawyer's sentence).
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { rmSync } from 'node:fs';
import { makeCertificates, startOpensslServer, tempDir, type Certificates, type RunningServer } from '../../support/servers';
import { libraryError } from '../../../src/probe/library-errors';

let work: string;
let certs: Certificates;
const servers: RunningServer[] = [];
before(async () => {
  work = tempDir('pec-liberr-');
  certs = await makeCertificates(path.join(work, 'certs'));
});
after(async () => {
  for (const s of servers) await s.stop();
  rmSync(work, { recursive: true, force: true });
});

function connectError(port: number, o: tls.ConnectionOptions = {}): Promise<Error> {
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, ...o });
    s.once('secureConnect', () => {
      s.destroy();
      reject(new Error('handshake unexpectedly succeeded'));
    });
    s.once('error', (e) => resolve(e));
  });
}

const RAW = /error:[0-9A-F]{8}|SSL routines|ERR_SSL|0x[0-9a-f]+|[0-9A-F]{12,}/;

test('plaintext mail greeting instead of TLS: "not a protected connection", raw text kept for the technician', async () => {
  const server = net.createServer((s) => s.end('* OK IMAP ready\r\n'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  const e = await connectError(port);
  server.close();
  const r = libraryError(e);
  assert.match(r.plain, /non risponde con una connessione protetta/);
  assert.doesNotMatch(r.plain, RAW);
  assert.match(r.technical, /ERR_SSL|wrong version|packet length|record/i);
});

test('no common version (server TLS 1.0 only, client TLS 1.2+) and no common cipher: plain reasons, never the OpenSSL line', async () => {
  const old = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1' });
  servers.push(old);
  const v = libraryError(await connectError(old.port, { minVersion: 'TLSv1.2' }));
  assert.match(v.plain, /versione di TLS in comune/);
  assert.doesNotMatch(v.plain, RAW);
  const one = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1_2', cipher: 'AES128-SHA' });
  servers.push(one);
  const c = libraryError(await connectError(one.port, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES256-GCM-SHA384' }));
  assert.match(c.plain, /modo comune di cifrare/);
  assert.match(c.technical, /handshake failure|HANDSHAKE_FAILURE/i);
});

test('a server that closes during the handshake, and an unknown error: plain words, nothing raw', async () => {
  const server = net.createServer((s) => s.once('data', () => s.destroy()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const e = await connectError((server.address() as net.AddressInfo).port);
  server.close();
  assert.match(libraryError(e).plain, /ha chiuso la connessione/);
  const odd = libraryError(
    Object.assign(new Error('807C4BD57B7F0000:error:0A0000FF:SSL routines::something new'), { code: 'ERR_SSL_SOMETHING_NEW' }),
  );
  assert.equal(odd.plain, 'l’avvio della connessione protetta con il server non è riuscito');
  assert.match(odd.technical, /807C4BD57B7F0000/);
});

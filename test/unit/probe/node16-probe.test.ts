// The probe on Node 16.17, the Node inside Electron 22 (Windows 7/8.1 build): the compiled CLI
// (dist/, built by scripts/test.sh) probes a loopback server. Fails, rather than pretends, when
// Node 16.17 or dist/ is missing (scripts/test.sh provides both).
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeCertificates, startOpensslServer, tempDir, type Certificates, type RunningServer } from '../../support/servers';
import type { EndpointResult } from '../../../src/probe/types';

const root = path.resolve(__dirname, '..', '..', '..');
const node16 = process.env.PEC_DOCTOR_NODE16 ?? path.join(root, '.tmp', 'node16', 'bin', 'node');
const bin = path.join(root, 'bin', 'pec-doctor.js');

let certs: Certificates;
let server: RunningServer;
before(async () => {
  certs = await makeCertificates(tempDir());
  server = await startOpensslServer({ cert: certs.cert, key: certs.key, cipher: 'ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA' });
});
after(async () => {
  await server?.stop();
  fs.rmSync(certs.dir, { recursive: true, force: true });
});

test('pec-doctor probe --json runs on Node 16.17 with the same engine', async () => {
  assert.ok(fs.existsSync(node16), `missing ${node16}: run scripts/test.sh, which fetches it`);
  assert.ok(fs.existsSync(path.join(root, 'dist', 'src', 'probe', 'probe.js')), 'dist/ not built: npm run build');
  const out = await new Promise<string>((resolve, reject) => {
    // Exit 1 is expected (s_server sends no mail banner); the JSON is what matters.
    execFile(
      node16,
      [bin, 'probe', '--json', '--ca', certs.caCert, '--timeout', '20', `imaps://127.0.0.1:${server.port}`],
      { timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } },
      (err, stdout) => (err && err.code !== 1 ? reject(err) : resolve(stdout)),
    );
  });
  const r = (JSON.parse(out) as { endpoints: EndpointResult[] }).endpoints[0];
  assert.deepEqual(r.tls.versions, { TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': true });
  assert.deepEqual([...(r.tls.ciphers['TLSv1.2'] ?? [])].sort(), ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA']);
  assert.equal(r.certificate?.trusted, true);
  assert.equal(r.simulations.find((s) => s.client === 'windows7-tls12')?.cipher, 'TLS_RSA_WITH_AES_128_CBC_SHA');
  assert.equal(r.verdict, 'banner-unexpected');
});

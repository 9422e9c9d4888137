// Once per test run: a local CA and server certificates for the loopback mail servers. The
// workers read the paths from PEC_E2E_CERTS, and the CA is trusted through NODE_EXTRA_CA_CERTS
// (the probe honours it, like Node and Electron do for company CAs), so a server with a
// certificate for 127.0.0.1 counts as trusted, like a real provider's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { makeCertificates } from '../support/servers';

export default async function globalSetup(): Promise<() => void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pec-e2e-certs-'));
  const certs = await makeCertificates(dir);
  process.env.PEC_E2E_CERTS = JSON.stringify(certs);
  // Set before the workers start, so they inherit it.
  process.env.NODE_EXTRA_CA_CERTS = certs.caCert;
  return () => rmSync(dir, { recursive: true, force: true });
}

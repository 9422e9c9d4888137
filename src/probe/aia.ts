// Fetching a missing intermediate from the certificate's AIA "CA Issuers" address (RFC 5280
// §4.2.2.1), as the Windows and Apple chain engines do when a server forgets to send it. One GET,
// plain http or https, bounded in time and size, no redirects; the answer is a DER or PEM
// certificate (a PKCS#7 bundle is not read). Nothing else is sent anywhere.
import { X509Certificate } from 'crypto';
import * as http from 'http';
import * as https from 'https';

const MAX_BYTES = 64 * 1024;

/** The certificate at `url`, or null (unreachable, too slow, too big, not a certificate). */
export function fetchIssuer(url: string, timeoutMs: number): Promise<X509Certificate | null> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve(null);
  }
  const lib = target.protocol === 'http:' ? http : target.protocol === 'https:' ? https : null;
  if (!lib) return Promise.resolve(null);
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: X509Certificate | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => finish(null), Math.max(1, timeoutMs));
    const req = lib.get(target, { headers: { 'user-agent': 'pec-doctor' } }, (res) => {
      if (res.statusCode !== 200) return finish(null);
      const parts: Buffer[] = [];
      let size = 0;
      res.on('data', (d: Buffer) => {
        size += d.length;
        if (size > MAX_BYTES) finish(null);
        else parts.push(d);
      });
      res.on('end', () => finish(parseCertificate(Buffer.concat(parts))));
      res.on('error', () => finish(null));
    });
    req.on('error', () => finish(null));
  });
}

function parseCertificate(body: Buffer): X509Certificate | null {
  try {
    const text = body.toString('latin1');
    const pem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text);
    return new X509Certificate(pem ? pem[0] : body);
  } catch {
    return null;
  }
}

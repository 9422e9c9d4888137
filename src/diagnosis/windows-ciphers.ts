// Which of a server's TLS 1.2 suites Windows 7 SChannel could use. The suite list itself is the
// probe's `windows7-tls12` client profile (Microsoft's "TLS Cipher Suites in Windows 7"), so the
// rules and the handshake simulation share one table; names may arrive in OpenSSL form from an
// older report and are mapped through the probe's cipher-suite table.
import { profileById } from '../probe/client-profiles';
import { ianaFromOpenssl } from '../probe/cipher-suites';

const WIN7_TLS12 = new Set(profileById('windows7-tls12')?.ciphers ?? []);

export function toIana(name: string): string {
  const n = name.trim();
  return ianaFromOpenssl(n) ?? ianaFromOpenssl(n.toUpperCase()) ?? n.toUpperCase();
}

/** The server's TLS 1.2 suites that Windows 7 could use; null when the server's list is unknown. */
export function win7CommonCiphers(serverTls12: readonly string[] | undefined): string[] | null {
  if (!serverTls12 || serverTls12.length === 0) return null;
  return serverTls12.filter((c) => WIN7_TLS12.has(toIana(c)));
}

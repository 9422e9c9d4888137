// Endpoint URLs as technicians type them: imaps://host[:port] (implicit TLS) or
// imap://host[:port] (STARTTLS), and the same for pop3 and smtp.
import type { Endpoint, MailProtocol, Security } from './types';

interface Scheme {
  protocol: MailProtocol;
  security: Security;
  port: number;
}

// Default ports from RFC 8314 (implicit TLS) and RFC 3501/1939/6409 (STARTTLS submission).
const SCHEMES: Record<string, Scheme> = {
  imaps: { protocol: 'imap', security: 'tls', port: 993 },
  pop3s: { protocol: 'pop3', security: 'tls', port: 995 },
  smtps: { protocol: 'smtp', security: 'tls', port: 465 },
  imap: { protocol: 'imap', security: 'starttls', port: 143 },
  pop3: { protocol: 'pop3', security: 'starttls', port: 110 },
  smtp: { protocol: 'smtp', security: 'starttls', port: 587 },
};

export const SCHEME_NAMES = Object.keys(SCHEMES);

export class EndpointUrlError extends Error {}

export function parseEndpointUrl(input: string): Endpoint {
  const m = /^([a-z0-9]+):\/\/(\[[0-9a-fA-F:.]+\]|[^\s/:?#[\]@]+)(?::(\d{1,5}))?\/?$/.exec(input.trim());
  if (!m) {
    throw new EndpointUrlError(
      `"${input}" non è un indirizzo di server valido: usa per esempio imaps://imaps.pec.aruba.it o smtp://smtps.pec.aruba.it:587`,
    );
  }
  const scheme = SCHEMES[m[1].toLowerCase()];
  if (!scheme) {
    throw new EndpointUrlError(`schema "${m[1]}" non supportato: usa ${SCHEME_NAMES.join(', ')}`);
  }
  const port = m[3] === undefined ? scheme.port : Number(m[3]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new EndpointUrlError(`porta "${m[3]}" non valida in "${input}" (1-65535)`);
  }
  const host = m[2].replace(/^\[|\]$/g, '').toLowerCase();
  return { host, port, protocol: scheme.protocol, security: scheme.security };
}

export function endpointUrl(e: Endpoint): string {
  const entry = Object.entries(SCHEMES).find(([, s]) => s.protocol === e.protocol && s.security === e.security);
  const scheme = entry ? entry[0] : e.protocol;
  const host = e.host.includes(':') ? `[${e.host}]` : e.host;
  return `${scheme}://${host}:${e.port}`;
}

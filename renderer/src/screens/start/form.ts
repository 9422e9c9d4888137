// The start form's data and what it asks the core to check (pure: unit-tested in the e2e suite's
// node tests and used by StartScreen).
import type { DiagnosisRequest } from '../../../../src/api';

export type Protocol = 'imap' | 'pop3' | 'smtp';
export type SecurityMode = 'tls' | 'starttls';

export interface StartForm {
  email: string;
  server: string;
  port: string;
  protocol: Protocol;
  security: SecurityMode;
  skipDiscovery: boolean;
  advancedOpen: boolean;
}

export const EMPTY_FORM: StartForm = {
  email: '',
  server: '',
  port: '',
  protocol: 'imap',
  security: 'tls',
  skipDiscovery: false,
  advancedOpen: false,
};

const SCHEME: Record<Protocol, Record<SecurityMode, string>> = {
  imap: { tls: 'imaps', starttls: 'imap' },
  pop3: { tls: 'pop3s', starttls: 'pop3' },
  smtp: { tls: 'smtps', starttls: 'smtp' },
};

export const looksLikeEmail = (s: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(s.trim());

/** The server of the advanced area as an endpoint URL (imaps://host:port), or null when empty. */
export function serverUrl(form: StartForm): string | null {
  const server = form.server.trim();
  if (!server) return null;
  if (server.includes('://')) return server;
  let host = server;
  let port = form.port.trim();
  const hostPort = /^([^:[\]]+):(\d{1,5})$/.exec(server);
  if (hostPort) {
    // "imaps.pec.aruba.it:993": the port typed with the name.
    host = hostPort[1];
    port = port || hostPort[2];
  } else if (server.includes(':') && !server.startsWith('[')) host = `[${server}]`; // IPv6
  return `${SCHEME[form.protocol][form.security]}://${host}${port ? `:${port}` : ''}`;
}

/** What to check; null when there is nothing (no account found, nothing typed). */
export function buildRequest(form: StartForm, accountsFound: number): DiagnosisRequest | null {
  const emails = looksLikeEmail(form.email) ? [form.email.trim()] : [];
  const url = serverUrl(form);
  const servers = url ? [url] : [];
  const skipDiscovery = form.skipDiscovery && (emails.length > 0 || servers.length > 0);
  if (!emails.length && !servers.length && accountsFound === 0) return null;
  return { emails, servers, skipDiscovery };
}

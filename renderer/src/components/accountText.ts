// How a mail program and a server setting are named on screen (start screen, technician view).
import type { Messages } from '../i18n';
import type { ServerSetting } from '../types';

export function clientName(client: string): string {
  return (
    ({ thunderbird: 'Thunderbird', outlook: 'Outlook', windowslivemail: 'Windows Live Mail', manual: '—' } as Record<string, string>)[
      client
    ] ?? client
  );
}

export function serverText(s: ServerSetting | null, m: Messages): string {
  if (!s) return m.unknown;
  return `${s.host}:${s.port} (${s.protocol.toUpperCase()}, ${s.security === 'tls' ? 'SSL/TLS' : s.security === 'starttls' ? 'STARTTLS' : s.security})`;
}

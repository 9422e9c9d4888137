// What the probe engine tests for the found accounts: one endpoint per configured server,
// linked to its account and role. Plain-text servers are left out (they are reported by the
// account-plaintext finding; a TLS probe of a connection the client makes without TLS would
// say nothing about that client), see docs/accounts.md.
import type { Endpoint } from '../probe/types';
import type { Account, AccountsResult, ServerSetting } from './types';

export interface AccountEndpoint {
  endpoint: Endpoint;
  account: Account;
  role: 'incoming' | 'outgoing';
}

export function serverEndpoint(s: ServerSetting): Endpoint | null {
  if (s.security === 'plain') return null;
  return { host: s.host, port: s.port, protocol: s.protocol, security: s.security };
}

export function accountEndpoints(result: AccountsResult): AccountEndpoint[] {
  const out: AccountEndpoint[] = [];
  for (const account of result.accounts) {
    const seen = new Set<string>();
    const add = (s: ServerSetting | null | undefined, role: AccountEndpoint['role']) => {
      const endpoint = s ? serverEndpoint(s) : null;
      if (!endpoint) return;
      const id = `${role} ${endpoint.protocol} ${endpoint.security} ${endpoint.host}:${endpoint.port}`;
      if (seen.has(id)) return;
      seen.add(id);
      out.push({ endpoint, account, role });
    };
    add(account.incoming, 'incoming');
    add(account.outgoing, 'outgoing');
    for (const identity of account.identities ?? []) add(identity.outgoing, 'outgoing');
  }
  return out;
}

// Configuration findings of one account, by comparing its servers with what the provider
// publishes (src/accounts/providers.ts) and with the well-known ports (RFC 8314: 993/995/465
// are implicit TLS; 143/110/587/25 are plain ports that STARTTLS upgrades). Pure. The ids are
// documented in docs/accounts.md; the diagnosis turns them into texts.
import type { Account, AccountFindingDetail, ServerSetting } from './types';
import type { Provider } from './providers';
import { serviceOf } from './providers';

export const IMPLICIT_TLS_PORTS = new Set([993, 995, 465]);
export const STARTTLS_PORTS = new Set([143, 110, 587, 25]);

/** security.tls.version.max values: 1 TLS 1.0, 2 TLS 1.1, 3 TLS 1.2, 4 TLS 1.3 (docs/facts/windows-and-clients.md §7). */
export const TLS12_PREF_VALUE = 3;

const SECURITY_LABEL = { tls: 'SSL/TLS', starttls: 'STARTTLS', plain: 'nessuna' } as const;

const hostPort = (s: ServerSetting): string => `${s.host}:${s.port}`;

function serverFindings(role: 'incoming' | 'outgoing', s: ServerSetting, provider: Provider | null): AccountFindingDetail[] {
  const out: AccountFindingDetail[] = [];
  const server = hostPort(s);
  const spec = provider ? serviceOf(provider, s.protocol) : null;
  const expected = spec
    ? `${spec.host}:${spec.ports.length ? spec.ports.join('/') : '?'}${spec.security ? ' ' + SECURITY_LABEL[spec.security] : ''}`
    : null;
  if (s.security === 'plain') {
    out.push({ id: 'account-plaintext', role, server, expected, actual: `${s.protocol} ${SECURITY_LABEL.plain}` });
  }
  if (spec) {
    if (s.host.toLowerCase().replace(/\.$/, '') !== spec.host)
      out.push({ id: 'account-wrong-host', role, server, expected, actual: s.host });
    if (spec.ports.length > 0 && !spec.ports.includes(s.port))
      out.push({ id: 'account-wrong-port', role, server, expected, actual: String(s.port) });
  }
  if (s.security !== 'plain') {
    const wanted = spec?.security ?? null;
    const portSays = IMPLICIT_TLS_PORTS.has(s.port) ? 'tls' : STARTTLS_PORTS.has(s.port) ? 'starttls' : null;
    if ((wanted && wanted !== s.security) || (portSays && portSays !== s.security)) {
      out.push({
        id: 'account-security-mismatch',
        role,
        server,
        expected: expected ?? `${SECURITY_LABEL[portSays as 'tls' | 'starttls']} sulla porta ${s.port}`,
        actual: SECURITY_LABEL[s.security],
      });
    }
  }
  return out;
}

export function configFindings(account: Account, provider: Provider | null): AccountFindingDetail[] {
  const details: AccountFindingDetail[] = [];
  if (account.incoming) details.push(...serverFindings('incoming', account.incoming, provider));
  const seen = new Set<string>();
  const outgoing = [account.outgoing, ...(account.identities ?? []).map((i) => i.outgoing)];
  for (const o of outgoing) {
    if (!o || seen.has(hostPort(o) + o.security)) continue;
    seen.add(hostPort(o) + o.security);
    details.push(...serverFindings('outgoing', o, provider));
  }
  const max = account.tlsVersionPrefs?.max;
  if (typeof max === 'number' && max < TLS12_PREF_VALUE) {
    details.push({
      id: 'thunderbird-tls-max-lowered',
      role: 'profile',
      server: null,
      expected: `security.tls.version.max >= ${TLS12_PREF_VALUE}`,
      actual: `security.tls.version.max=${max}`,
    });
  }
  return details;
}

/** Fills provider-independent fields: ids in first-seen order. */
export const findingIds = (details: AccountFindingDetail[]): string[] => [...new Set(details.map((d) => d.id))];

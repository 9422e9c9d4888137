// Rules on the accounts found by discovery: the account reader's own finding ids (see
// src/accounts/), plain-text connections, and "no PEC account found".
import type { Finding, RuleInput } from '../types';
import { CATALOGUE_BY_ID } from '../catalogue';
import { PROVIDERS } from '../../accounts/providers';
import { endpointUrl } from '../../probe/url';
import type { Account, ServerSetting } from '../../accounts/types';
import { accountLabel, isPecAccount, makeFinding } from './make';
import { text } from '../../util/text';
import type { Text } from '../../util/text';

/** Ids the account reader raises that are handled elsewhere (not per account). */
const HANDLED_ELSEWHERE = new Set(['thunderbird-tls-max-lowered']);

function serverText(s: ServerSetting | null): string {
  if (!s) return '?';
  return `${s.host}:${s.port} (${s.protocol.toUpperCase()}, ${s.security === 'plain' ? 'nessuna protezione' : s.security.toUpperCase()})`;
}

const SEE_PROVIDER = text('vedi le istruzioni del gestore', 'see the provider’s instructions');

function expectedFor(a: Account, which: 'incoming' | 'outgoing'): Text | string {
  const p = PROVIDERS.find((x) => x.id === a.provider || x.name === a.provider);
  if (!p) return SEE_PROVIDER;
  const list = which === 'incoming' ? p.incoming : p.outgoing;
  return list.map((e) => endpointUrl(e)).join(', ') || SEE_PROVIDER;
}

/** Which server of the account a finding is about: the first one that looks wrong. */
function suspectServer(a: Account, id: string): 'incoming' | 'outgoing' {
  if (id === 'account-plaintext') return a.incoming?.security === 'plain' ? 'incoming' : 'outgoing';
  return a.incoming ? 'incoming' : 'outgoing';
}

export function accountRules(input: RuleInput): Finding[] {
  const accounts = input.accounts?.accounts ?? [];
  const out: Finding[] = [];
  for (const a of accounts) {
    const ids = new Set(a.findings.filter((id) => !HANDLED_ELSEWHERE.has(id)));
    if (a.incoming?.security === 'plain' || a.outgoing?.security === 'plain') ids.add('account-plaintext');
    const provider = PROVIDERS.find((x) => x.id === a.provider || x.name === a.provider)?.name ?? a.provider ?? '?';
    const evidence = { client: a.client, profile: a.profile, email: a.email, provider: a.provider, incoming: a.incoming, outgoing: a.outgoing, findings: a.findings };
    for (const id of ids) {
      const known = CATALOGUE_BY_ID.get(id)?.area === 'accounts';
      // The account reader's details name the server and what the provider publishes; one finding per detail.
      const details = (a.findingDetails ?? []).filter((d) => d.id === id && d.role !== 'profile');
      if (details.length) {
        for (const d of details) {
          const params = { account: accountLabel(a), server: text(`${d.server ?? '?'} (posta in ${d.role === 'incoming' ? 'arrivo' : 'uscita'})`, `${d.server ?? '?'} (${d.role})`), provider, expected: d.expected ?? expectedFor(a, d.role as 'incoming' | 'outgoing'), code: id };
          out.push(makeFinding(known ? id : 'account-other', params, [{ ...evidence, detail: d }], { subject: `${a.client}:${a.profile}:${accountLabel(a)}:${d.role}` }));
        }
        continue;
      }
      const which = suspectServer(a, id);
      const params = { account: accountLabel(a), server: serverText(a[which]), provider, expected: expectedFor(a, which), code: id };
      out.push(makeFinding(known ? id : 'account-other', params, [evidence], { subject: `${a.client}:${a.profile}:${accountLabel(a)}` }));
    }
  }
  for (const l of input.context.lookups) {
    if (!l.provider) out.push(makeFinding('provider-unknown', { email: l.email }, [{ lookup: l }], { subject: l.email }));
  }
  const discoveryRan = !input.context.skipDiscovery && input.accounts !== null;
  if (discoveryRan && !accounts.some(isPecAccount)) {
    out.push(
      makeFinding('no-pec-account-found', {}, [{ accounts: accounts.map((a) => ({ client: a.client, email: a.email, incoming: a.incoming?.host ?? null })), errors: input.accounts?.errors ?? [] }], {
        subject: 'accounts',
      }),
    );
  }
  return out;
}

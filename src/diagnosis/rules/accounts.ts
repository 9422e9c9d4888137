// Rules on the accounts found by discovery: the account reader's own finding ids (see
// src/accounts/), plain-text connections, and "no PEC account found".
import type { Finding, RuleInput } from '../types';
import { CATALOGUE_BY_ID } from '../catalogue';
import { PROVIDERS, ordinaryMailboxDomain, providerById } from '../../accounts/providers';
import { domainOf, providerByDomain } from '../../accounts/provider-match';
import type { Evidence } from '../../util/evidence';
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
    const evidence = {
      client: a.client,
      profile: a.profile,
      email: a.email,
      provider: a.provider,
      incoming: a.incoming,
      outgoing: a.outgoing,
      findings: a.findings,
    };
    for (const id of ids) {
      const known = CATALOGUE_BY_ID.get(id)?.area === 'accounts';
      // The account reader's details name the server and what the provider publishes; one finding per detail.
      const details = (a.findingDetails ?? []).filter((d) => d.id === id && d.role !== 'profile');
      if (details.length) {
        for (const d of details) {
          const params = {
            account: accountLabel(a),
            server: text(`${d.server ?? '?'} (posta in ${d.role === 'incoming' ? 'arrivo' : 'uscita'})`, `${d.server ?? '?'} (${d.role})`),
            provider,
            expected: d.expected ?? expectedFor(a, d.role as 'incoming' | 'outgoing'),
            code: id,
          };
          out.push(
            makeFinding(known ? id : 'account-other', params, [{ ...evidence, detail: d, technical: id }], {
              subject: `${a.client}:${a.profile}:${accountLabel(a)}:${d.role}`,
            }),
          );
        }
        continue;
      }
      const which = suspectServer(a, id);
      const params = { account: accountLabel(a), server: serverText(a[which]), provider, expected: expectedFor(a, which), code: id };
      out.push(
        makeFinding(known ? id : 'account-other', params, [{ ...evidence, technical: id }], {
          subject: `${a.client}:${a.profile}:${accountLabel(a)}`,
        }),
      );
    }
  }
  // Typed addresses: an ordinary mailbox is named as such (from our table, never from the file);
  // an unknown domain asks for the servers.
  for (const email of input.context.emails) {
    const ordinary = ordinaryMailboxDomain(domainOf(email));
    if (ordinary)
      out.push(
        makeFinding(
          'address-not-pec',
          { email, service: ordinary.service },
          [{ email, domain: ordinary.domain, source: ordinary.source, reason: ordinary.reason }],
          { subject: email },
        ),
      );
  }
  for (const l of input.context.lookups) {
    if (ordinaryMailboxDomain(domainOf(l.email))) continue;
    const known = providerById(l.provider?.id) ?? providerByDomain(domainOf(l.email));
    if (!known)
      out.push(
        makeFinding('provider-unknown', { email: l.email }, [{ lookup: { email: l.email, message: l.message } }], { subject: l.email }),
      );
  }
  const discoveryRan = !input.context.skipDiscovery && input.accounts !== null;
  const unreadable = appleMailUnreadable(input);
  if (discoveryRan && unreadable && !accounts.some(isPecAccount)) {
    out.push(makeFinding('apple-mail-accounts-unreadable', { reason: unreadable.reason }, [unreadable.evidence], { subject: 'applemail' }));
  }
  // Not when an address was typed (the user told us which mailbox), nor when a reader could not look.
  if (discoveryRan && !unreadable && input.context.emails.length === 0 && !accounts.some(isPecAccount)) {
    out.push(
      makeFinding(
        'no-pec-account-found',
        {},
        [
          {
            accounts: accounts.map((a) => ({ client: a.client, email: a.email, incoming: a.incoming?.host ?? null })),
            errors: input.accounts?.errors ?? [],
          },
        ],
        {
          subject: 'accounts',
        },
      ),
    );
  }
  return out;
}

/** Apple Mail's account store could not be read (the reader's error evidence, source `applemail:`...). */
export function appleMailUnreadable(input: RuleInput): { reason: Text; evidence: Evidence } | null {
  const e = (input.accounts?.errors ?? []).find((x) => /^applemail\b/i.test(x.source) || /Library[\\/]+(Mail|Accounts)\b/.test(x.source));
  if (!e) return null;
  const why = e.error ?? 'unreadable';
  const reason = /not permitted|EPERM|EACCES|denied/i.test(why)
    ? text(
        'macOS non concede l’accesso alla cartella di Mail senza «Accesso completo al disco»',
        'macOS denies access to Mail’s folder without "Full Disk Access"',
      )
    : /sqlite|Accounts4/i.test(e.source + why)
      ? text(
          'il database degli account di macOS richiede sqlite, che qui non è disponibile',
          'macOS’s accounts database needs sqlite, not available here',
        )
      : // The reader’s own error stays in the evidence (error) for the technician, not in the sentence.
        text('il sistema non ha permesso di leggerli', 'the system did not allow reading them');
  return { reason, evidence: e };
}

// Resolves a typed PEC address to its provider's servers, the same way found accounts are
// matched: by domain (pec.it, legalmail.it, *.legalmail.it...), then for a custom domain by its
// MX records. An ordinary mailbox (gmail.com, libero.it, ...: providers.ts) is named as such without
// any DNS query; an unknown provider asks for the servers.
import type { AddressLookup } from './types';
import { domainOf, matchProvider } from './provider-match';
import { ordinaryMailboxDomain } from './providers';
import type { MxResolver } from './provider-match';
import { text } from '../util/text';

export interface LookupOptions {
  /** MX resolver for custom domains; default dns.resolveMx; null = no DNS. */
  resolveMx?: MxResolver | null;
  mxTimeoutMs?: number;
}

const EMAIL = /^[^\s@]+@([a-z0-9-]+\.)+[a-z]{2,}$/i;

export async function lookupAddress(email: string, options: LookupOptions = {}): Promise<AddressLookup> {
  const address = email.trim().toLowerCase();
  if (!EMAIL.test(address)) {
    return {
      email,
      provider: null,
      endpoints: [],
      message: text(
        `«${email.trim()}» non sembra un indirizzo PEC: scrivilo per intero, per esempio nome.cognome@pec.it.`,
        `"${email.trim()}" does not look like a PEC address: write it in full, for example name.surname@pec.it.`,
      ),
    };
  }
  const ordinary = ordinaryMailboxDomain(domainOf(address));
  if (ordinary) {
    return {
      email,
      provider: null,
      endpoints: [],
      message: text(
        `${email.trim()} è una casella ${ordinary.service}, non un indirizzo PEC: scrivi l’indirizzo della tua casella PEC (per esempio nome.cognome@pec.it).`,
        `${email.trim()} is a ${ordinary.service} mailbox, not a PEC address: enter your PEC mailbox address (for example name.surname@pec.it).`,
      ),
    };
  }
  const m = await matchProvider(address, [], { resolveMx: options.resolveMx, mxTimeoutMs: options.mxTimeoutMs ?? 3000 });
  const p = m.provider;
  if (!p) {
    return {
      email,
      provider: null,
      endpoints: [],
      message: text(
        'Gestore PEC non riconosciuto: indica i server di posta in arrivo e in uscita (li trovi nella guida del gestore o nelle impostazioni del programma di posta).',
        'PEC provider not recognised: enter the incoming and outgoing mail servers (see the provider’s guide or the mail program’s settings).',
      ),
    };
  }
  return { email, provider: { id: p.id, name: p.name, webmail: p.webmail }, endpoints: [...p.incoming, ...p.outgoing], message: null };
}

// Resolves a typed PEC address to its provider's servers, the same way found accounts are
// matched: by domain (pec.it, legalmail.it, *.legalmail.it...), then for a custom domain by its
// MX records. An unknown provider asks for the servers.
import type { AddressLookup } from './types';
import { matchProvider } from './provider-match';
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

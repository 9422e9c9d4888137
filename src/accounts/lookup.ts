// Resolves a typed PEC address to its provider's servers (issue #5). Minimal until the
// catalogue lands: domain match only.
import type { AddressLookup } from '../api';
import { PROVIDERS } from './providers';
import { text } from '../util/text';

export async function lookupAddress(email: string): Promise<AddressLookup> {
  const domain = email.trim().toLowerCase().split('@')[1] ?? '';
  const p = PROVIDERS.find((x) => x.domains.includes(domain));
  if (!p) {
    return {
      email,
      provider: null,
      endpoints: [],
      message: text(
        'Gestore PEC non riconosciuto: indica i server nelle impostazioni avanzate.',
        'PEC provider not recognised: enter the servers in the advanced settings.',
      ),
    };
  }
  return { email, provider: { id: p.id, name: p.name, webmail: p.webmail }, endpoints: [...p.incoming, ...p.outgoing], message: null };
}

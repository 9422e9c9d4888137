// Catalogue of Italian PEC providers (issue #5). Placeholder until the catalogue lands.
import type { Endpoint } from '../probe/types';

export interface Provider {
  id: string;
  name: string;
  domains: string[];
  incoming: Endpoint[];
  outgoing: Endpoint[];
  webmail: string | null;
  /** Where these settings were published. */
  source: string;
}

export const PROVIDERS: readonly Provider[] = [];

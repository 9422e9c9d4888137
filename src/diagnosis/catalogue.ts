// Findings catalogue (issue #6). Placeholder until the catalogue lands.
import type { FixLink } from './types';

/** Every link a finding may show: the external-link allow-list is derived from it. */
export const FIX_LINKS: readonly FixLink[] = [];

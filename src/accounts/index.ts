// Entry point of account discovery (issue #5). Placeholder until the readers land.
import type { AccountsResult } from './types';

export interface DiscoverOptions {
  /** Environment whose HOME / APPDATA / LOCALAPPDATA locate the profiles (tests point it elsewhere). */
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

export async function discoverAccounts(_options: DiscoverOptions = {}): Promise<AccountsResult> {
  return { accounts: [], errors: [] };
}

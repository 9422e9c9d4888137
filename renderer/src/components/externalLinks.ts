// Official links open in the system browser through the contract: Electron opens them itself
// ('opened'); the web bridge answers 'use-browser' and the page opens a new tab; a link that is
// not on the allow-list is 'refused' and nothing opens.
import type { BridgeApi } from '../../../src/api';

export type LinkOutcome = 'opened' | 'refused' | 'failed';

export async function openOfficialLink(api: BridgeApi, url: string): Promise<LinkOutcome> {
  try {
    const result = await api.openExternal(url);
    if (result.status === 'opened') return 'opened';
    if (result.status === 'use-browser') {
      window.open(url, '_blank', 'noopener,noreferrer');
      return 'opened';
    }
    return 'refused';
  } catch {
    return 'failed';
  }
}

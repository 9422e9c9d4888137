// The external-link allow-list: only https links that our own data tables name (fix links of
// the findings catalogue, providers' webmail pages) may be opened in the system browser.
import { FIX_LINKS } from './diagnosis/catalogue';
import { PROVIDERS } from './accounts/providers';

export function allowedLinks(): Set<string> {
  const urls = new Set<string>();
  for (const link of FIX_LINKS) urls.add(link.url);
  for (const p of PROVIDERS) if (p.webmail) urls.add(p.webmail);
  return urls;
}

/** Why a URL may not be opened, or null when it may. */
export function externalUrlRefusal(url: string, allowed: Set<string> = allowedLinks()): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'https:') return 'only https links are opened';
  if (parsed.username || parsed.password) return 'links with credentials are refused';
  if (!allowed.has(parsed.href) && !allowed.has(url)) return 'not on the allow-list of official pages';
  return null;
}

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

const canonical = (url: string): string | null => {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
};

export type ExternalUrlCheck = { ok: true; href: string } | { ok: false; reason: string };

/**
 * Whether a URL may be opened, and if so the canonical `href` to hand to the system: the parsed
 * and re-serialised form that matched the allow-list, never the raw string (a browser or OS
 * handler might read the raw one differently: whitespace, backslashes, odd escapes).
 */
export function checkExternalUrl(url: string, allowed: Set<string> = allowedLinks()): ExternalUrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (parsed.protocol !== 'https:') return { ok: false, reason: 'only https links are opened' };
  if (parsed.username || parsed.password) return { ok: false, reason: 'links with credentials are refused' };
  // Matched in canonical form on both sides (a table entry without its trailing slash still counts).
  if (!allowed.has(parsed.href) && ![...allowed].some((a) => canonical(a) === parsed.href)) {
    return { ok: false, reason: 'not on the allow-list of official pages' };
  }
  return { ok: true, href: parsed.href };
}

/** Why a URL may not be opened, or null when it may. */
export function externalUrlRefusal(url: string, allowed: Set<string> = allowedLinks()): string | null {
  const check = checkExternalUrl(url, allowed);
  return check.ok ? null : check.reason;
}

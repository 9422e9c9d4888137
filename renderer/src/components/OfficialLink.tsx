// A link to an official page (Microsoft's fix, the provider's webmail): a real link for the
// keyboard and screen readers, opened through the contract's openExternal. Only an https
// address becomes a link: anything else that reached a report (a hostile or damaged file) is
// shown as text, never made clickable (the host also refuses pages not on its allow-list).
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { BridgeApi } from '../../../src/api';
import { openOfficialLink } from './externalLinks';
import type { LinkOutcome } from './externalLinks';
import { useI18n } from '../i18n';
import { Icon } from './Icons';

/** The canonical https URL, or null when the address must not become a link. */
export function linkableUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' || u.username || u.password) return null;
    return u.href;
  } catch {
    return null;
  }
}

export function OfficialLink({ api, url, children, className }: { api: BridgeApi; url: string; children: ReactNode; className?: string }) {
  const { m } = useI18n();
  const [outcome, setOutcome] = useState<LinkOutcome | null>(null);
  const href = linkableUrl(url);
  if (!href) {
    return (
      <span className="official-link link-as-text" data-testid="link-as-text">
        {children}{' '}
        <span className="link-note">
          ({String(url)} — {m.linkAsText})
        </span>
      </span>
    );
  }
  return (
    <span className="official-link">
      <a
        href={href}
        className={className ?? 'button button-link'}
        target="_blank"
        rel="noopener noreferrer"
        onClick={(e) => {
          e.preventDefault();
          void openOfficialLink(api, href).then(setOutcome);
        }}
        onAuxClick={(e) => {
          // A middle click would open the page without asking the host: it asks too.
          e.preventDefault();
          void openOfficialLink(api, href).then(setOutcome);
        }}
      >
        {children}
        <Icon name="external" />
        <span className="visually-hidden"> {m.linkOpensBrowser}</span>
      </a>
      {outcome && outcome !== 'opened' && (
        <span className="link-note" role="status">
          {m.linkRefused}
        </span>
      )}
    </span>
  );
}

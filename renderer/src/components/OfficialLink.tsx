// A link to an official page (Microsoft's fix, the provider's webmail): a real link for the
// keyboard and screen readers, opened through the contract's openExternal.
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { BridgeApi } from '../../../src/api';
import { openOfficialLink } from './externalLinks';
import type { LinkOutcome } from './externalLinks';
import { useI18n } from '../i18n';
import { Icon } from './Icons';

export function OfficialLink({ api, url, children, className }: { api: BridgeApi; url: string; children: ReactNode; className?: string }) {
  const { m } = useI18n();
  const [outcome, setOutcome] = useState<LinkOutcome | null>(null);
  return (
    <span className="official-link">
      <a
        href={url}
        className={className ?? 'button button-link'}
        target="_blank"
        rel="noopener noreferrer"
        onClick={(e) => {
          e.preventDefault();
          void openOfficialLink(api, url).then(setOutcome);
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

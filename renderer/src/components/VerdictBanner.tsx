// The verdict in one glance: colour, icon and words all say the same thing.
import type { Report } from '../../../src/api';
import { useI18n, verdictTitle } from '../i18n';
import { Icon } from './Icons';

export function VerdictBanner({ verdict }: { verdict: Report['verdict'] }) {
  const { m, tx } = useI18n();
  const status = verdict?.status ?? 'warning';
  return (
    <div className={`verdict verdict-${status}`} data-testid="verdict" data-status={status}>
      <Icon name={status === 'ok' ? 'ok' : status === 'error' ? 'error' : 'warning'} className="verdict-icon" />
      <div>
        <p className="verdict-title">{verdictTitle(m, status)}</p>
        <p className="verdict-summary">{tx(verdict?.summary)}</p>
      </div>
    </div>
  );
}

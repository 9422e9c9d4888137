// The verdict in one glance: colour, icon and words all say the same thing. Green only for a
// verified `ok`; `incomplete` and `not-pec` are neutral (nothing is wrong, nothing is proven),
// `offline` has the network's colour (the PEC is not to blame). The title is a heading, with what
// was not verified and the one thing to do next right under it.
import { useId } from 'react';
import type { Verdict, VerdictStatus } from '../../../src/api';
import { knownVerdictStatus, useI18n, verdictHeading } from '../i18n';
import { Icon } from './Icons';
import type { IconName } from './Icons';

const ICON: Record<VerdictStatus, IconName> = {
  ok: 'ok',
  warning: 'warning',
  error: 'error',
  incomplete: 'question',
  'not-pec': 'info',
  offline: 'offline',
};

export function VerdictBanner({ verdict }: { verdict: Verdict | null | undefined }) {
  const { m, tx, lang } = useI18n();
  const id = useId();
  const status = knownVerdictStatus(verdict?.status);
  const notVerified = Array.isArray(verdict?.notVerified) ? verdict.notVerified : [];
  return (
    <section className={`verdict verdict-${status}`} data-testid="verdict" data-status={status} aria-labelledby={`${id}-t`}>
      <Icon name={ICON[status]} className="verdict-icon" />
      <div className="verdict-body">
        <h2 id={`${id}-t`} className="verdict-title" data-testid="verdict-title">
          {verdictHeading(m, verdict, lang)}
        </h2>
        <p className="verdict-summary">{tx(verdict?.summary)}</p>
        {notVerified.length > 0 && (
          <div className="verdict-extra" data-testid="not-verified">
            <p className="verdict-label">{m.verdictNotVerified}</p>
            <ul>
              {notVerified.map((t, i) => (
                <li key={i}>{tx(t)}</li>
              ))}
            </ul>
          </div>
        )}
        {verdict?.next && (
          <p className="verdict-next" data-testid="verdict-next">
            <strong>{m.verdictNext}</strong> {tx(verdict.next)}
          </p>
        )}
      </div>
    </section>
  );
}

// After a repair's restart (issue #18): Windows started the app once with --after-repair; the
// same check ran again. This screen says it plainly ("Ora la PEC funziona", or what is still
// wrong) over the before/after of the history, then the full result is one click away.
import { useEffect, useRef } from 'react';
import type { BridgeApi, Report, Text } from '../../../../src/api';
import { recheckOutcome, showInvisiblesInline } from '../../../../src/api';
import { useI18n } from '../../i18n';
import { RerunComparison, type HeldRun } from '../history/Comparison';
import type { RunKept } from '../running/useDiagnosis';
import { useRepairMessages } from './messages';

interface Props {
  api: BridgeApi;
  report: Report;
  kept: RunKept | null;
  /** The run the repair started from (null: not in the history any more). */
  before: HeldRun | null;
  onFull: () => void;
  onNew: () => void;
}

export function AfterRepair({ api, report, kept, before, onFull, onNew }: Props) {
  const m = useRepairMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [report]);
  const outcome = recheckOutcome(report);
  return (
    <section className="screen repair" aria-labelledby="after-repair-h" data-testid="after-repair">
      <h1 id="after-repair-h" className="screen-title" tabIndex={-1} ref={heading}>
        {m.afterHeading}
      </h1>
      <p className="lead">{m.afterIntro}</p>
      <div
        className={`notice ${outcome.works ? 'notice-ok' : 'notice-warn'}`}
        data-testid="recheck-outcome"
        data-works={outcome.works ? 'yes' : 'no'}
      >
        <p>
          <strong>{outcome.works ? m.afterWorks : outcome.stillWrong.length ? m.afterStill : m.afterIncomplete}</strong>
        </p>
        <TitleList titles={outcome.stillWrong} testId="recheck-still" />
        {outcome.toCheck.length > 0 && <p>{m.afterToCheck}</p>}
        <TitleList titles={outcome.toCheck} testId="recheck-to-check" />
      </div>
      {before ? (
        <RerunComparison api={api} before={before} after={{ report, kept }} />
      ) : (
        <p className="notice notice-info" data-testid="after-repair-no-before">
          {m.afterNoBefore}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onFull}>
          {m.afterFull}
        </button>
        <button type="button" className="button button-secondary" onClick={onNew}>
          {m.afterNew}
        </button>
      </div>
    </section>
  );
}

function TitleList({ titles, testId }: { titles: Text[]; testId: string }) {
  const { tx } = useI18n();
  if (titles.length === 0) return null;
  return (
    <ul data-testid={testId}>
      {titles.map((t, i) => (
        <li key={i}>{showInvisiblesInline(tx(t))}</li>
      ))}
    </ul>
  );
}

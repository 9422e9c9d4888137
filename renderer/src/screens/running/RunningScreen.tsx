// Screen 2: the checklist filling in live, an overall progress bar, and cancel. When the run
// fails, the same screen says so and offers to try again.
import { useEffect, useId, useRef } from 'react';
import type { DiagnosisState } from './useDiagnosis';
import { useI18n } from '../../i18n';
import { Checklist } from './Checklist';
import { Icon } from '../../components/Icons';

interface Props {
  state: DiagnosisState;
  onCancel: () => void;
  onRetry: () => void;
  onBack: () => void;
}

export function RunningScreen({ state, onCancel, onRetry, onBack }: Props) {
  const { m, tx } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const failedHeading = useRef<HTMLHeadingElement>(null);
  const failed = state.phase === 'failed';
  const pct = Math.round(state.fraction * 100);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (failed) failedHeading.current?.focus();
  }, [failed]);

  return (
    <section className="screen screen-running" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} className="screen-title" tabIndex={-1} ref={heading}>
        {failed ? m.stoppedHeading : m.runningHeading}
      </h1>
      {!failed && <p className="lead">{m.runningIntro}</p>}
      <div className="progress-row">
        <progress
          id={`${id}-p`}
          className="progress"
          max={100}
          value={pct}
          aria-label={m.progressLabel}
          aria-valuetext={m.progressText(pct)}
        />
        <span className="progress-text" aria-hidden="true">
          {m.progressText(pct)}
        </span>
        {!failed && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {m.cancelButton}
          </button>
        )}
      </div>

      {failed && (
        <div className="panel failure" role="alert">
          <h2 tabIndex={-1} ref={failedHeading} className="failure-title">
            <Icon name="error" /> {m.failedHeading}
          </h2>
          <p data-testid="failure-message">{tx(state.error)}</p>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={onRetry}>
              {m.retryButton}
            </button>
            <button type="button" className="button button-secondary" onClick={onBack}>
              {m.backButton}
            </button>
          </div>
        </div>
      )}

      <Checklist items={state.items} />
    </section>
  );
}

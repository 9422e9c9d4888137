// Before and after: the findings of two runs of the local history, matched by the core
// (compareRuns): fixed, still there, new. Two runs of different servers are said to be different
// checks, never "Risolti" (issue #19); stored texts are shown with invisible characters visible.
import { useEffect, useId, useRef, useState } from 'react';
import type { BridgeApi, FindingRef, Report, RunComparison, RunSummary, Severity } from '../../../../src/api';
import { checkedOf, compareReports, showInvisiblesInline } from '../../../../src/api';
import type { RunKept } from '../running/useDiagnosis';
import { formatDate, severityLabel, useI18n } from '../../i18n';
import { Icon, SeverityIcon } from '../../components/Icons';
import { errorText } from '../running/useDiagnosis';

type State = { status: 'loading' } | { status: 'done'; comparison: RunComparison } | { status: 'error'; detail: string };

function RefList({ refs, label, kind }: { refs: FindingRef[]; label: string; kind: string }) {
  const { m, tx } = useI18n();
  const id = useId();
  return (
    <section className={`compare-col compare-${kind}`} aria-labelledby={id} data-testid={`compare-${kind}`}>
      <h3 id={id}>
        {label} <span className="compare-count">({refs.length})</span>
      </h3>
      {refs.length === 0 ? (
        <p className="muted">{m.compareNone}</p>
      ) : (
        <ul className="compare-list">
          {refs.map((r, i) => (
            <li key={`${r.id}-${r.subject ?? ''}-${i}`} data-finding-id={r.id} data-severity={r.severity}>
              {/* A fixed finding shows as fixed; the others with their severity. */}
              {kind === 'fixed' ? <Icon name="ok" className="icon-fixed" /> : <SeverityIcon severity={r.severity} />}
              <span>
                <span className="visually-hidden">{severityLabel(m, r.severity)}: </span>
                {showInvisiblesInline(tx(r.title))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface ComparisonProps {
  api: BridgeApi;
  beforeId: string;
  afterId: string;
  /** When the history cannot answer: a comparison made here instead, with the note that says so. */
  fallback?: () => RunComparison;
  fallbackNote?: string;
}

/** Two runs of the history, compared by the core. */
export function Comparison({ api, beforeId, afterId, fallback, fallbackNote }: ComparisonProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [note, setNote] = useState<{ text: string; detail: string } | null>(null);
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    setNote(null);
    api.compareRuns(beforeId, afterId).then(
      (comparison) => live && setState({ status: 'done', comparison }),
      (err: unknown) => {
        if (!live) return;
        const made = fallbackRef.current?.();
        if (made && fallbackNote) {
          setNote({ text: fallbackNote, detail: errorText(err) });
          setState({ status: 'done', comparison: made });
        } else setState({ status: 'error', detail: errorText(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, beforeId, afterId, fallbackNote]);
  return <ComparisonView state={state} beforeId={beforeId} afterId={afterId} note={note?.text} detail={note?.detail} />;
}

interface ViewProps {
  state: State;
  beforeId?: string;
  afterId?: string;
  /** Said plainly when the comparison did not come from the history. */
  note?: string;
  detail?: string;
}

function ComparisonView({ state, beforeId, afterId, note, detail }: ViewProps) {
  const { m, lang } = useI18n();
  const checkedText = (checked: unknown): string => {
    const list = Array.isArray(checked) ? checked.filter((c): c is string => typeof c === 'string') : [];
    return list.length ? list.map(showInvisiblesInline).join(', ') : m.historyCheckedNone;
  };
  const id = useId();
  // The ids of the runs compared, for whoever checks which two they were (the e2e tests).
  const before = state.status === 'done' ? state.comparison.before.id || beforeId : beforeId;
  const after = state.status === 'done' ? state.comparison.after.id || afterId : afterId;
  return (
    <section
      className="panel comparison"
      aria-labelledby={`${id}-h`}
      data-testid="comparison"
      data-before-id={before || undefined}
      data-after-id={after || undefined}
      data-source={note ? 'window' : 'history'}
      aria-busy={state.status === 'loading'}
    >
      <h2 id={`${id}-h`}>{m.compareHeading}</h2>
      {state.status === 'loading' && <p className="muted">{m.compareLoading}</p>}
      {state.status === 'error' && (
        <p className="notice notice-error" role="alert">
          {m.compareError} <span className="notice-detail">{m.errorDetail(state.detail)}</span>
        </p>
      )}
      {state.status === 'done' && (
        <>
          {note && (
            <p className="notice notice-info" data-testid="compare-note">
              {note} {detail && <span className="notice-detail">{m.errorDetail(detail)}</span>}
            </p>
          )}
          <p>{m.compareIntro(formatDate(state.comparison.before.createdAt, lang), formatDate(state.comparison.after.createdAt, lang))}</p>
          {state.comparison.sameChecks === false ? (
            <div className="notice notice-info" data-testid="compare-different">
              <p>{m.compareDifferent}</p>
              <ul>
                <li>{m.compareChecked(checkedText(state.comparison.before.checked))}</li>
                <li>{m.compareChecked(checkedText(state.comparison.after.checked))}</li>
              </ul>
            </div>
          ) : (
            <div className="compare-grid">
              <RefList refs={state.comparison.fixed} label={m.compareFixed} kind="fixed" />
              <RefList refs={state.comparison.remaining} label={m.compareRemaining} kind="remaining" />
              <RefList refs={state.comparison.added} label={m.compareAdded} kind="added" />
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** One finished run as the results screen holds it: its report and its place in the history. */
export interface HeldRun {
  report: Report;
  kept: RunKept | null;
}

/** The summary compareReports needs, made from the report itself (a run the history does not hold). */
function heldSummary(run: HeldRun): RunSummary {
  const counts: Record<Severity, number> = { ok: 0, info: 0, warning: 0, error: 0 };
  for (const f of Array.isArray(run.report.findings) ? run.report.findings : []) if (f.severity in counts) counts[f.severity]++;
  const r = run.report;
  return {
    id: run.kept?.historyId ?? '',
    createdAt: r.createdAt,
    caseCode: r.caseCode ?? '',
    status: r.verdict.status,
    title: r.verdict.title,
    counts,
    checked: checkedOf(r),
  };
}

/**
 * After "Ripeti il controllo": the run that was repeated against the one that just finished, by
 * their history ids (the core said which entry each run became), never "the two newest entries",
 * which another window or the command line may have added meanwhile. When either run is not in
 * the history (switched off, a write that failed, an entry deleted since), the two reports held
 * here are compared by the same rule and the screen says so.
 */
export function RerunComparison({ api, before, after }: { api: BridgeApi; before: HeldRun; after: HeldRun }) {
  const { m } = useI18n();
  const local = (): RunComparison =>
    compareReports({ summary: heldSummary(before), report: before.report }, { summary: heldSummary(after), report: after.report });
  const beforeId = before.kept?.historyId;
  const afterId = after.kept?.historyId;
  if (beforeId && afterId)
    return <Comparison api={api} beforeId={beforeId} afterId={afterId} fallback={local} fallbackNote={m.compareHistoryGone} />;
  const off = before.kept?.notKept?.reason === 'off' || after.kept?.notKept?.reason === 'off';
  const detail = after.kept?.notKept?.detail || before.kept?.notKept?.detail;
  return (
    <ComparisonView
      state={{ status: 'done', comparison: local() }}
      note={off ? m.compareHistoryOff : m.compareHistoryFailed}
      detail={off ? undefined : detail}
    />
  );
}

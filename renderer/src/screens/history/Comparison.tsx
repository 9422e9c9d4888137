// Before and after: the findings of two runs of the local history, matched by the core
// (compareRuns): fixed, still there, new.
import { useEffect, useId, useState } from 'react';
import type { BridgeApi, FindingRef, RunComparison } from '../../../../src/api';
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
                {tx(r.title)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Comparison({ api, beforeId, afterId }: { api: BridgeApi; beforeId: string; afterId: string }) {
  const { m, lang } = useI18n();
  const id = useId();
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    api.compareRuns(beforeId, afterId).then(
      (comparison) => live && setState({ status: 'done', comparison }),
      (err: unknown) => live && setState({ status: 'error', detail: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, beforeId, afterId]);
  return (
    <section className="panel comparison" aria-labelledby={`${id}-h`} data-testid="comparison" aria-busy={state.status === 'loading'}>
      <h2 id={`${id}-h`}>{m.compareHeading}</h2>
      {state.status === 'loading' && <p className="muted">{m.compareLoading}</p>}
      {state.status === 'error' && (
        <p className="notice notice-error" role="alert">
          {m.compareError} <span className="notice-detail">{m.errorDetail(state.detail)}</span>
        </p>
      )}
      {state.status === 'done' && (
        <>
          <p>{m.compareIntro(formatDate(state.comparison.before.createdAt, lang), formatDate(state.comparison.after.createdAt, lang))}</p>
          <div className="compare-grid">
            <RefList refs={state.comparison.fixed} label={m.compareFixed} kind="fixed" />
            <RefList refs={state.comparison.remaining} label={m.compareRemaining} kind="remaining" />
            <RefList refs={state.comparison.added} label={m.compareAdded} kind="added" />
          </div>
        </>
      )}
    </section>
  );
}

/** After "Ripeti il controllo": the two newest runs of the history, when there are two. */
export function LatestComparison({ api, report }: { api: BridgeApi; report: unknown }) {
  const [pair, setPair] = useState<{ before: string; after: string } | null>(null);
  useEffect(() => {
    let live = true;
    api.listRuns().then(
      (runs) => {
        if (live && Array.isArray(runs) && runs.length >= 2) setPair({ before: runs[1].id, after: runs[0].id });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, report]);
  return pair ? <Comparison api={api} beforeId={pair.before} afterId={pair.after} /> : null;
}

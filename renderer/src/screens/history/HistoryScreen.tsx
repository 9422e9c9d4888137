// The local history (the last runs, kept in the user's app-data folder by the core): open one,
// delete one or all (each asks first, issue #19), pick two to compare before and after. Each row
// says what was checked; stored strings are shown with their invisible characters made visible.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { BridgeApi, RepairRecordView, Report, RunSummary } from '../../../../src/api';
import { showInvisiblesInline } from '../../../../src/api';
import { formatDate, useI18n, verdictHeading } from '../../i18n';
import type { Messages } from '../../i18n';
import { errorText } from '../running/useDiagnosis';
import { Comparison } from './Comparison';
import { UndoRepair } from './UndoRepair';
import { useRepairMessages } from '../repair/messages';

type Undoable = RepairRecordView & { runId: string };

/** The repairs the host recorded that can still be undone, by the run they started from. */
function useUndoable(api: BridgeApi): [Map<string, Undoable>, () => void] {
  const [records, setRecords] = useState<Map<string, Undoable>>(new Map());
  const load = useCallback(() => {
    api.listRepairs().then(
      (list) => {
        const open = (Array.isArray(list) ? list : []).filter((r): r is Undoable => typeof r.runId === 'string' && r.undoneAt === null);
        // Newest first: the first record of a run is the one its button undoes.
        setRecords(new Map(open.reverse().map((r) => [r.runId, r])));
      },
      () => setRecords(new Map()),
    );
  }, [api]);
  useEffect(load, [load]);
  return [records, load];
}

type State = { status: 'loading' } | { status: 'done'; runs: RunSummary[] } | { status: 'error'; detail: string };

/** What a run checked, short: the first three items, then how many more. */
function checkedLabel(m: Messages, checked: unknown): string {
  const list = Array.isArray(checked) ? checked.filter((c): c is string => typeof c === 'string') : [];
  if (list.length === 0) return m.historyCheckedNone;
  const shown = list.slice(0, 3).map(showInvisiblesInline).join(', ');
  return list.length > 3 ? `${shown} ${m.historyCheckedMore(list.length - 3)}` : shown;
}

interface Props {
  api: BridgeApi;
  onOpen: (report: Report) => void;
  onBack: () => void;
}

export function HistoryScreen({ api, onOpen, onBack }: Props) {
  const { m } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [picked, setPicked] = useState<string[]>([]);
  const [compare, setCompare] = useState<{ before: string; after: string } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  /** The deletion waiting for a "Sì, elimina": one run (its id and date) or all. */
  const [confirming, setConfirming] = useState<{ which: string | 'all'; date: string } | null>(null);
  const [repairs, reloadRepairs] = useUndoable(api);
  const [undoing, setUndoing] = useState<{ record: Undoable; date: string } | null>(null);

  const load = useCallback(() => {
    api.listRuns().then(
      (runs) => setState({ status: 'done', runs: Array.isArray(runs) ? runs : [] }),
      (err: unknown) => setState({ status: 'error', detail: errorText(err) }),
    );
  }, [api]);
  useEffect(() => {
    heading.current?.focus();
    load();
  }, [load]);

  const runs = state.status === 'done' ? state.runs : [];
  const remove = async (which: string | 'all') => {
    setConfirming(null);
    try {
      const { deleted } = await api.deleteRuns(which);
      setNote(m.historyDeleted(deleted));
      setPicked((p) => (which === 'all' ? [] : p.filter((x) => x !== which)));
      setCompare(null);
    } catch (err) {
      setNote(`${m.historyError} ${errorText(err)}`);
    }
    load();
  };
  const toggle = (runId: string, on: boolean) =>
    setPicked((p) => (on ? [...p.filter((x) => x !== runId), runId].slice(-2) : p.filter((x) => x !== runId)));
  const startCompare = () => picked.length === 2 && setCompare(olderFirst(picked, runs));

  return (
    <section className="screen screen-history" aria-labelledby={`${id}-h`}>
      <div className="results-head">
        <h1 id={`${id}-h`} className="screen-title" tabIndex={-1} ref={heading}>
          {m.historyHeading}
        </h1>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {m.historyBack}
        </button>
      </div>
      <p className="lead">{m.historyIntro}</p>
      <div aria-live="polite">{note && <p className="notice notice-info">{note}</p>}</div>
      {state.status === 'loading' && <p className="muted">{m.historyLoading}</p>}
      {state.status === 'error' && (
        <p className="notice notice-error" role="alert">
          {m.historyError} <span className="notice-detail">{m.errorDetail(state.detail)}</span>
        </p>
      )}
      {state.status === 'done' && runs.length === 0 && <p data-testid="history-empty">{m.historyEmpty}</p>}
      {runs.length > 0 && (
        <>
          <RunsTable
            runs={runs}
            picked={picked}
            onPick={toggle}
            onOpen={(runId) => void api.getRun(runId).then(onOpen, (err: unknown) => setNote(`${m.historyError} ${errorText(err)}`))}
            onDelete={(runId, date) => setConfirming({ which: runId, date })}
            repairs={repairs}
            onUndo={(record, date) => setUndoing({ record, date })}
          />
          {undoing && (
            <UndoRepair api={api} {...undoing} onClose={() => setUndoing(null)} onUndone={reloadRepairs} key={undoing.record.undoFile} />
          )}
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={startCompare} disabled={picked.length !== 2}>
              {m.historyCompare}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming({ which: 'all', date: '' })}>
              {m.historyDeleteAll}
            </button>
          </div>
          {confirming && (
            <ConfirmDelete
              text={confirming.which === 'all' ? m.historyConfirmAll(runs.length) : m.historyConfirmOne(confirming.date)}
              onYes={() => void remove(confirming.which)}
              onNo={() => setConfirming(null)}
            />
          )}
          {picked.length !== 2 && <p className="hint">{m.historyPickTwo}</p>}
        </>
      )}
      {compare && <Comparison api={api} beforeId={compare.before} afterId={compare.after} />}
    </section>
  );
}

/** The two picked runs, older first (the list is newest first). */
function olderFirst(picked: string[], runs: RunSummary[]): { before: string; after: string } {
  const order = picked.slice().sort((a, b) => runs.findIndex((r) => r.id === b) - runs.findIndex((r) => r.id === a));
  return { before: order[0], after: order[1] };
}

/** One stored run: pick it for the comparison, open it, delete it (after asking). */
function RunRow(props: {
  run: RunSummary;
  picked: boolean;
  onPick: (on: boolean) => void;
  onOpen: () => void;
  onDelete: (date: string) => void;
  /** Set when a repair started from this run and can be undone. */
  onUndo?: (date: string) => void;
}) {
  const { m, lang } = useI18n();
  const rm = useRepairMessages();
  const r = props.run;
  const date = formatDate(r.createdAt, lang);
  return (
    <tr data-testid="history-run" data-run-id={r.id} data-status={r.status}>
      <td>
        <input type="checkbox" aria-label={m.historyPick(date)} checked={props.picked} onChange={(e) => props.onPick(e.target.checked)} />
      </td>
      <td>
        {date}
        <span className="muted history-case">{showInvisiblesInline(String(r.caseCode ?? ''))}</span>
      </td>
      <td data-testid="history-checked">{checkedLabel(m, r.checked)}</td>
      <td>
        <span className={`history-status status-${r.status}`}>{verdictHeading(m, r, lang)}</span>
        <span className="muted history-counts">{m.historyCounts(r.counts?.error ?? 0, r.counts?.warning ?? 0)}</span>
      </td>
      <td className="history-actions">
        <button type="button" className="button button-link" onClick={props.onOpen}>
          {m.historyOpen}
          <span className="visually-hidden"> {date}</span>
        </button>
        <button type="button" className="button button-link" onClick={() => props.onDelete(date)}>
          {m.historyDelete}
          <span className="visually-hidden"> {date}</span>
        </button>
        {props.onUndo && (
          <button type="button" className="button button-link" data-testid="history-undo" onClick={() => props.onUndo?.(date)}>
            {rm.undoButton}
            <span className="visually-hidden"> {date}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

/** The question before a deletion, focused when it appears so a keyboard user hears it. */
function ConfirmDelete(props: { text: string; onYes: () => void; onNo: () => void }) {
  const { m } = useI18n();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [props.text]);
  return (
    <div
      className="notice notice-warn"
      role="alertdialog"
      aria-labelledby={`${id}-confirm`}
      tabIndex={-1}
      ref={ref}
      data-testid="history-confirm"
    >
      <p id={`${id}-confirm`}>{props.text}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={props.onYes}>
          {m.historyConfirmYes}
        </button>
        <button type="button" className="button button-secondary" data-escape="cancel" onClick={props.onNo}>
          {m.historyConfirmNo}
        </button>
      </div>
    </div>
  );
}

function RunsTable(props: {
  runs: RunSummary[];
  picked: string[];
  onPick: (runId: string, on: boolean) => void;
  onOpen: (runId: string) => void;
  onDelete: (runId: string, date: string) => void;
  repairs: Map<string, Undoable>;
  onUndo: (record: Undoable, date: string) => void;
}) {
  const { m } = useI18n();
  return (
    <div className="table-scroll">
      <table className="table history-table" data-testid="history">
        <thead>
          <tr>
            <th scope="col">{m.historyColPick}</th>
            <th scope="col">{m.historyColDate}</th>
            <th scope="col">{m.historyColChecked}</th>
            <th scope="col">{m.historyColResult}</th>
            <th scope="col">{m.historyColActions}</th>
          </tr>
        </thead>
        <tbody>
          {props.runs.map((r) => (
            <RunRow
              key={r.id}
              run={r}
              picked={props.picked.includes(r.id)}
              onPick={(on) => props.onPick(r.id, on)}
              onOpen={() => props.onOpen(r.id)}
              onDelete={(date) => props.onDelete(r.id, date)}
              onUndo={props.repairs.has(r.id) ? (date) => props.onUndo(props.repairs.get(r.id)!, date) : undefined}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

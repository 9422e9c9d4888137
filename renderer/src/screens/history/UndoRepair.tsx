// "Annulla la riparazione" for a run of the history that a repair started from (issue #18): what
// the undo file saved then would put back (read strictly by the host), the consent, one
// administrator prompt, then every value read back. The file's path never comes from here: the
// host finds it from the run's id in its own record of repairs.
import { useEffect, useRef, useState } from 'react';
import type { BridgeApi, RepairRecordView, UndoResult } from '../../../../src/api';
import { showInvisiblesInline } from '../../../../src/api';
import { useI18n } from '../../i18n';
import { useRepairMessages } from '../repair/messages';
import { errorText } from '../running/useDiagnosis';

type Phase = { kind: 'consent' } | { kind: 'working' } | { kind: 'result'; result: UndoResult };

interface Props {
  api: BridgeApi;
  record: RepairRecordView & { runId: string };
  /** The run's date, as the list shows it. */
  date: string;
  onClose: () => void;
  /** The record changed (undone): the list reloads. */
  onUndone: () => void;
}

export function UndoRepair({ api, record, date, onClose, onUndone }: Props) {
  const m = useRepairMessages();
  const { tx } = useI18n();
  const [phase, setPhase] = useState<Phase>({ kind: 'consent' });
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [phase.kind]);
  const undo = async () => {
    setPhase({ kind: 'working' });
    let result: UndoResult;
    try {
      result = await api.undoRepair(record.runId);
    } catch (err) {
      const t = errorText(err);
      result = { status: 'failed', message: { it: t, en: t }, readBack: [] };
    }
    setPhase({ kind: 'result', result });
    if (result.status === 'done' || result.status === 'nothing') onUndone();
  };
  if (phase.kind === 'result') {
    const r = phase.result;
    const ok = r.status === 'done' || r.status === 'nothing';
    return (
      <div
        className={`notice ${ok ? 'notice-ok' : 'notice-warn'}`}
        tabIndex={-1}
        ref={ref}
        data-testid="undo-result"
        data-status={r.status}
      >
        <h2>{r.status === 'refused' ? m.refusedHeading : ok ? m.undoDone : m.undoFailed}</h2>
        <p>{tx(r.message)}</p>
        {r.status !== 'refused' && r.readBack.length > 0 && (
          <>
            <h3>{m.undoReadBack}</h3>
            <ul data-testid="undo-readback">
              {r.readBack.map((v) => (
                <li key={`${v.path}\\${v.name}`} className="break">
                  <code>{v.name}</code> = {v.value} ({v.ok ? m.readBackOk : m.readBackWrong})
                </li>
              ))}
            </ul>
          </>
        )}
        <button type="button" className="button button-secondary" onClick={onClose}>
          {m.undoClose}
        </button>
      </div>
    );
  }
  const busy = phase.kind === 'working';
  return (
    <div className="notice notice-warn" role="alertdialog" aria-labelledby="undo-h" tabIndex={-1} ref={ref} data-testid="undo-consent">
      <h2 id="undo-h">{m.undoHeading(date)}</h2>
      {record.values ? (
        <>
          <p>{m.undoIntro}</p>
          <ul>
            {record.values.map((v) => (
              <li key={`${v.path}\\${v.name}`} data-testid="undo-value">
                <strong>{tx(v.label)}</strong>
                <div className="muted">{m.undoValue(v.name, v.value)}</div>
              </li>
            ))}
          </ul>
          <details className="sub-details" data-testid="undo-keys">
            <summary>{m.keysSummary}</summary>
            <ul>
              {[...new Set(record.values.map((v) => v.path))].map((p) => (
                <li key={p} className="break">
                  <code>{p}</code>
                </li>
              ))}
            </ul>
          </details>
          <p>{m.undoWarning}</p>
          <p>{m.undoUac}</p>
        </>
      ) : (
        <p data-testid="undo-problem">{record.problem ? tx(record.problem) : ''}</p>
      )}
      <p className="muted break">{m.undoFromFile(showInvisiblesInline(record.undoFile))}</p>
      {busy && (
        <p role="status" data-testid="undo-working">
          {m.undoWorking}
        </p>
      )}
      <div className="button-row">
        {record.values && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void undo()}>
            {m.undoYes}
          </button>
        )}
        <button type="button" className="button button-secondary" disabled={busy} onClick={onClose}>
          {m.undoNo}
        </button>
      </div>
    </div>
  );
}

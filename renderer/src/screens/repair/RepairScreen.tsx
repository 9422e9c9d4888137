// The repair (issue #18): consent (exactly what will change, the safety nets, the one UAC prompt),
// then the work, then the result with every value read back and the restart offer. A refused
// prompt changes nothing and says so.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { BridgeApi, RepairOffer, RepairResult, RestartResult } from '../../../../src/api';
import { nothingChanged } from '../../../../src/api';
import { useI18n } from '../../i18n';
import { useRepairMessages } from './messages';

type Ready = Extract<RepairOffer, { status: 'ready' }>;
type Phase = { kind: 'consent' } | { kind: 'working' } | { kind: 'result'; result: RepairResult };
type Heading = RefObject<HTMLHeadingElement | null>;

/** `beforeRunId`: the history id of the run on screen, the "before" of the re-check after the restart. */
export function RepairScreen({
  api,
  offer,
  beforeRunId,
  onBack,
}: {
  api: BridgeApi;
  offer: Ready;
  beforeRunId?: string;
  onBack: () => void;
}) {
  const [phase, setPhase] = useState<Phase>({ kind: 'consent' });
  const [goOn, setGoOn] = useState(true);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [phase.kind]);

  const start = async () => {
    setPhase({ kind: 'working' });
    try {
      setPhase({
        kind: 'result',
        result: await api.startRepair({
          consentId: offer.consentId,
          goOnWithoutRestorePoint: goOn,
          ...(beforeRunId ? { beforeRunId } : {}),
        }),
      });
    } catch (err) {
      const message = { it: (err as Error).message, en: (err as Error).message };
      setPhase({ kind: 'result', result: nothingChanged('failed', message) });
    }
  };
  if (phase.kind !== 'result')
    return (
      <Consent
        offer={offer}
        busy={phase.kind === 'working'}
        goOn={goOn}
        setGoOn={setGoOn}
        onStart={() => void start()}
        onBack={onBack}
        heading={heading}
      />
    );
  if (phase.result.status === 'refused')
    return <Refused result={phase.result} onRetry={() => setPhase({ kind: 'consent' })} onBack={onBack} heading={heading} />;
  return <Done api={api} result={phase.result} onBack={onBack} heading={heading} terminalServer={offer.terminalServer === true} />;
}

function Consent(props: {
  offer: Ready;
  busy: boolean;
  goOn: boolean;
  setGoOn: (b: boolean) => void;
  onStart: () => void;
  onBack: () => void;
  heading: Heading;
}) {
  const { offer, busy } = props;
  const m = useRepairMessages();
  const { tx } = useI18n();
  return (
    <section className="repair" aria-labelledby="repair-h" data-testid="repair-consent">
      <h1 id="repair-h" className="screen-title" tabIndex={-1} ref={props.heading}>
        {m.consentHeading}
      </h1>
      <p className="lead">{m.consentIntro}</p>
      <ul className="repair-changes">
        {offer.changes.map((c) => (
          <li key={`${c.path}\\${c.name}`} data-testid="repair-change">
            <strong>{tx(c.label)}</strong>
            <div className="muted">
              <code>{c.name}</code>: {m.changeFrom} {c.before}, {m.changeTo} {c.after}
            </div>
          </li>
        ))}
        {offer.update && <li data-testid="repair-update">{m.updateLine}</li>}
      </ul>
      <details className="sub-details" data-testid="repair-keys">
        <summary>{m.keysSummary}</summary>
        <ul>
          {[...new Set(offer.changes.map((c) => c.path))].map((p) => (
            <li key={p} className="break">
              <code>{p}</code>
            </li>
          ))}
        </ul>
      </details>
      {offer.notes.map((n, i) => (
        <p key={i} className="notice notice-info">
          {tx(n)}
        </p>
      ))}
      <h2>{m.safetyHeading}</h2>
      <ul>
        <li>{m.safetyUndo}</li>
        <li>{m.safetyRestore}</li>
        <li>{m.safetyUac}</li>
        <li>{m.safetyRestart}</li>
      </ul>
      <label className="check">
        <input type="checkbox" checked={props.goOn} disabled={busy} onChange={(e) => props.setGoOn(e.target.checked)} /> {m.goOnLabel}
      </label>
      {busy && (
        <p className="notice notice-info" role="status" data-testid="repair-working">
          {m.working}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button-primary button-big" disabled={busy} onClick={props.onStart}>
          {m.confirm}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={props.onBack}>
          {m.cancel}
        </button>
      </div>
    </section>
  );
}

function Refused({
  result,
  onRetry,
  onBack,
  heading,
}: {
  result: Extract<RepairResult, { status: 'refused' }>;
  onRetry: () => void;
  onBack: () => void;
  heading: Heading;
}) {
  const m = useRepairMessages();
  const { tx } = useI18n();
  return (
    <section className="repair" aria-labelledby="repair-h" data-testid="repair-refused">
      <h1 id="repair-h" className="screen-title" tabIndex={-1} ref={heading}>
        {m.refusedHeading}
      </h1>
      <p className="notice notice-warn">{tx(result.message)}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onRetry}>
          {m.retry}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {m.back}
        </button>
      </div>
    </section>
  );
}

function Done({
  api,
  result: r,
  onBack,
  heading,
  terminalServer,
}: {
  api: BridgeApi;
  result: Exclude<RepairResult, { status: 'refused' }>;
  onBack: () => void;
  heading: Heading;
  terminalServer: boolean;
}) {
  const m = useRepairMessages();
  const { tx } = useI18n();
  const title = r.status === 'done' ? m.doneHeading : r.status === 'stopped' ? m.stoppedHeading : m.failedHeading;
  return (
    <section className="repair" aria-labelledby="repair-h" data-testid="repair-result" data-status={r.status}>
      <h1 id="repair-h" className="screen-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p className={`notice ${r.status === 'done' ? 'notice-ok' : 'notice-error'}`}>{tx(r.message)}</p>
      {r.restorePoint && <p>{tx(r.restorePoint)}</p>}
      {r.update && <p>{tx(r.update)}</p>}
      {r.undoFile && <p data-testid="repair-undo-file">{m.undoFile(r.undoFile)}</p>}
      {r.readBack.length > 0 && (
        <>
          <h2>{m.readBackHeading}</h2>
          <ul className="repair-changes" data-testid="repair-readback">
            {r.readBack.map((v) => (
              <li key={`${v.path}\\${v.name}`}>
                <span className={v.ok ? 'state-ok' : 'state-error'}>{v.ok ? m.readBackOk : m.readBackWrong}</span>: <code>{v.name}</code> ={' '}
                {v.value}
                <div className="muted break">{v.path}</div>
              </li>
            ))}
          </ul>
        </>
      )}
      {r.status === 'done' && r.restartNeeded && <RestartOffer api={api} terminalServer={terminalServer} />}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={onBack}>
          {m.back}
        </button>
      </div>
    </section>
  );
}

function RestartOffer({ api, terminalServer }: { api: BridgeApi; terminalServer: boolean }) {
  const m = useRepairMessages();
  const { tx } = useI18n();
  const [restart, setRestart] = useState<RestartResult | null>(null);
  return (
    <section aria-labelledby="repair-restart-h" data-testid="repair-restart">
      <h2 id="repair-restart-h">{m.restartHeading}</h2>
      {restart === null ? (
        <>
          <p>{m.restartIntro}</p>
          {terminalServer && (
            <p className="notice notice-warn" data-testid="repair-restart-terminal-server">
              {m.restartTerminalServer}
            </p>
          )}
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => void api.restartAfterRepair('now').then(setRestart)}>
              {m.restartNow}
            </button>
            <button type="button" className="button button-secondary" onClick={() => void api.restartAfterRepair('later').then(setRestart)}>
              {m.restartLater}
            </button>
          </div>
        </>
      ) : (
        <p role="status" data-testid="repair-restart-status">
          {restart.status === 'scheduled'
            ? m.restartScheduled(restart.seconds)
            : restart.status === 'later'
              ? m.restartLaterNote
              : tx(restart.message)}
          {restart.status !== 'failed' && restart.recheck ? ` ${m.recheckNote}` : ''}
        </p>
      )}
    </section>
  );
}

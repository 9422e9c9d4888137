// "Apri un rapporto salvato": reads a saved report — our HTML page (which embeds the data) or the
// JSON — by the file picker or by dropping it here, and has the core re-evaluate it with this
// version's rules. A file that is not a report gets a message in plain words, shown where the
// user is looking (focused and scrolled into view); the raw reason is folded away for the
// technician. Never a crash.
import { useEffect, useId, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import type { BridgeApi, Report } from '../../../../src/api';
import { showInvisiblesInline } from '../../../../src/api';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n';
import { Icon } from '../../components/Icons';
import { errorText } from '../running/useDiagnosis';

interface Props {
  api: BridgeApi;
  onOpened: (report: Report, fileName: string) => void;
  hint?: string;
}

/** The one cap of saved reports, as at the other doors: MAX_REPORT_BYTES of src/report/read.ts (issue #20.7). */
const MAX_BYTES = 20 * 1024 * 1024;

type Problem = 'empty' | 'too-big' | 'html-no-data' | 'not-report' | 'corrupt' | 'damaged' | 'many';
type State = { status: 'idle' } | { status: 'reading' } | { status: 'error'; problem: Problem; detail: string | null };

function problemText(m: Messages, p: Problem): string {
  return {
    empty: m.openReportEmpty,
    'too-big': m.openReportTooBig,
    'html-no-data': m.openReportHtmlNoData,
    'not-report': m.openReportNotReport,
    corrupt: m.openReportCorrupt,
    damaged: m.openReportDamaged,
    many: m.openReportMany,
  }[p];
}

/** What kind of failure, in words a secretary understands; the core's message stays as detail. */
function classify(content: string, err: unknown): Problem {
  // The core checked it against the report schema (issue #19): ours, but damaged or of another version.
  if (/danneggiato o di un'altra versione|damaged report|più recente di PEC Doctor|newer PEC Doctor/i.test(errorText(err)))
    return 'damaged';
  const head = content.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html-no-data';
  if (!head.startsWith('{')) return 'not-report';
  return /schemaversion|not a .*report|non è un rapporto/i.test(errorText(err)) ? 'not-report' : 'corrupt';
}

export function OpenReport({ api, onOpened, hint }: Props) {
  const { m } = useI18n();
  const id = useId();
  const [state, setState] = useState<State>({ status: 'idle' });
  const [over, setOver] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.status !== 'error') return;
    errorRef.current?.scrollIntoView({ block: 'nearest' });
    errorRef.current?.focus();
  }, [state]);

  const open = async (file: File | undefined) => {
    if (!file) return;
    if (file.size === 0) return setState({ status: 'error', problem: 'empty', detail: null });
    if (file.size > MAX_BYTES)
      return setState({ status: 'error', problem: 'too-big', detail: `${Math.round(file.size / 1024 / 1024)} MB` });
    setState({ status: 'reading' });
    let content = '';
    try {
      content = await file.text();
      const report = await api.evaluateReport(content);
      if (!report || typeof report !== 'object' || !Array.isArray(report.findings)) throw new Error('unexpected answer');
      setState({ status: 'idle' });
      onOpened(report, file.name);
    } catch (err) {
      setState({ status: 'error', problem: classify(content, err), detail: errorText(err) });
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const files = e.dataTransfer?.files;
    if (!files || files.length === 0) return;
    if (files.length > 1) return setState({ status: 'error', problem: 'many', detail: null });
    void open(files[0]);
  };

  return (
    <div
      className={`open-report${over ? ' drop-over' : ''}`}
      data-testid="open-report"
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <input
        id={`${id}-file`}
        className="file-input"
        type="file"
        accept=".html,.htm,.json,text/html,application/json"
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          void open(file);
        }}
      />
      <label htmlFor={`${id}-file`} className="button button-secondary file-label">
        <Icon name="open" />
        {m.openReportLabel}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {over ? m.openReportDrop : hint}
        </p>
      )}
      <div aria-live="polite">
        {state.status === 'reading' && <p className="muted">{m.openReportReading}</p>}
        {state.status === 'error' && (
          <div className="notice notice-error" role="alert" data-testid="open-report-error" tabIndex={-1} ref={errorRef}>
            <p>
              <Icon name="error" /> {problemText(m, state.problem)}
            </p>
            {state.detail && (
              <details className="notice-detail">
                <summary>{m.openReportTechDetail}</summary>
                <span>{showInvisiblesInline(state.detail)}</span>
              </details>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

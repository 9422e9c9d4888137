// "Apri rapporto": reads a saved JSON report and has the core re-evaluate it with this
// version's rules; a file that is not a report gets a clear message, never a crash.
import { useId, useState } from 'react';
import type { BridgeApi, Report } from '../../../../src/api';
import { useI18n } from '../../i18n';
import { Icon } from '../../components/Icons';
import { errorText } from '../running/useDiagnosis';

interface Props {
  api: BridgeApi;
  onOpened: (report: Report, fileName: string) => void;
  hint?: string;
}

export function OpenReport({ api, onOpened, hint }: Props) {
  const { m } = useI18n();
  const id = useId();
  const [state, setState] = useState<{ status: 'idle' } | { status: 'reading' } | { status: 'error'; detail: string }>({ status: 'idle' });

  const onChange = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setState({ status: 'reading' });
    try {
      const content = await file.text();
      const report = await api.evaluateReport(content);
      if (!report || typeof report !== 'object' || !Array.isArray(report.findings)) throw new Error('unexpected answer');
      setState({ status: 'idle' });
      onOpened(report, file.name);
    } catch (err) {
      setState({ status: 'error', detail: errorText(err) });
    }
  };

  return (
    <div className="open-report">
      <input
        id={`${id}-file`}
        className="file-input"
        type="file"
        accept=".json,application/json"
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => void onChange(e.currentTarget)}
      />
      <label htmlFor={`${id}-file`} className="button button-secondary file-label">
        <Icon name="open" />
        {m.openReportLabel}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div aria-live="polite">
        {state.status === 'reading' && <p className="muted">{m.openReportReading}</p>}
        {state.status === 'error' && (
          <p className="notice notice-error" role="alert" data-testid="open-report-error">
            <Icon name="error" /> {m.openReportCorrupt}
            <span className="notice-detail">{m.errorDetail(state.detail)}</span>
          </p>
        )}
      </div>
    </div>
  );
}

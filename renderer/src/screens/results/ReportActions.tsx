// Screen 5: "Salva rapporto" (PDF by default in the desktop app, HTML and JSON too), with the
// option to hide addresses and user names (and a note on what stays visible), and, for a
// Windows machine, "Salva la correzione (.reg)" with its undo file. The web bridge hands the
// files back: they are then offered as downloads; its PDF is the report opened in a new tab
// with the browser's print dialog ("Salva come PDF"), as no printToPDF exists outside Electron.
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { AppInfo, BridgeApi, Report, ReportFile, ReportFormat } from '../../../../src/api';
import { REDACTION_NOTE } from '../../../../src/api';
import { useI18n } from '../../i18n';
import { Icon } from '../../components/Icons';
import { errorText } from '../running/useDiagnosis';

/** The file's bytes: base64 content (the UTF-16LE .reg files) decoded, text as it is. */
export function fileBlob(file: ReportFile): Blob {
  const type = file.mimeType || 'application/octet-stream';
  if (file.encoding !== 'base64') return new Blob([file.content], { type });
  const bin = atob(file.content);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

export function downloadFile(file: ReportFile): void {
  const url = URL.createObjectURL(fileBlob(file));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.className = 'offscreen';
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; text: string }
  | { status: 'print'; url: string; opened: boolean }
  | { status: 'error'; detail: string };

export function ReportActions({
  api,
  report,
  host,
  children,
}: {
  api: BridgeApi;
  report: Report;
  host: AppInfo['host'] | null;
  children?: ReactNode;
}) {
  const { m, tx } = useI18n();
  const id = useId();
  const desktop = host === 'electron';
  const formats: ReportFormat[] = desktop ? ['pdf', 'html', 'json'] : ['html', 'pdf', 'json'];
  const [chosen, setChosen] = useState<ReportFormat | null>(null);
  const format = chosen && formats.includes(chosen) ? chosen : formats[0];
  const [redact, setRedact] = useState(false);
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const label: Record<ReportFormat, string> = { pdf: m.formatPdf, html: m.formatHtml, json: m.formatJson };

  const save = async () => {
    setState({ status: 'saving' });
    try {
      const result = await api.saveReport(report, format, redact);
      if (result.status === 'saved') setState({ status: 'saved', text: m.savedTo(result.path) });
      else if (result.status === 'download') {
        downloadFile(result.file);
        setState({ status: 'saved', text: m.downloaded(result.file.fileName) });
      } else if (result.status === 'print') {
        const url = new URL(result.url, window.location.href).href;
        const tab = window.open(url, '_blank');
        if (tab) tab.opener = null;
        setState({ status: 'print', url, opened: tab !== null });
      } else setState({ status: 'idle' });
    } catch (err) {
      setState({ status: 'error', detail: errorText(err) });
    }
  };

  return (
    <section className="panel report-actions" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{m.reportHeading}</h2>
      <p>{m.reportIntro}</p>
      {children}
      <fieldset className="formats">
        <legend>{m.formatLegend}</legend>
        {formats.map((f) => (
          <div className="check" key={f}>
            <input type="radio" id={`${id}-${f}`} name={`${id}-format`} value={f} checked={format === f} onChange={() => setChosen(f)} />
            <label htmlFor={`${id}-${f}`}>{label[f]}</label>
          </div>
        ))}
        {!desktop && format === 'pdf' && <p className="hint">{m.formatPdfWeb}</p>}
      </fieldset>
      <div className="check">
        <input type="checkbox" id={`${id}-redact`} checked={redact} onChange={(e) => setRedact(e.target.checked)} />
        <label htmlFor={`${id}-redact`}>{m.redactLabel}</label>
      </div>
      {redact && (
        <p className="hint redact-note" data-testid="redact-note">
          {tx(REDACTION_NOTE)}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={state.status === 'saving'}>
          <Icon name="save" />
          {state.status === 'saving' ? m.saving : m.saveButton}
        </button>
      </div>
      <div aria-live="polite">
        {state.status === 'saved' && (
          <p className="notice notice-ok" data-testid="save-result">
            <Icon name="ok" /> {state.text}
          </p>
        )}
        {state.status === 'print' && (
          <div className="notice notice-ok" data-testid="print-result">
            <p>
              <Icon name="ok" /> {state.opened ? m.printOpened : m.printBlocked}
            </p>
            <p>
              <a href={state.url} target="_blank" rel="noopener noreferrer">
                {m.printLink}
              </a>
            </p>
          </div>
        )}
        {state.status === 'error' && (
          <p className="notice notice-error" role="alert">
            <Icon name="error" /> {m.saveFailed}
            <span className="notice-detail">{m.errorDetail(state.detail)}</span>
          </p>
        )}
      </div>
      {report.inventory?.os?.platform === 'windows' && <RegFix api={api} report={report} />}
    </section>
  );
}

type RegState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; text: string } | { status: 'error'; detail: string };

/** "Salva la correzione (.reg)": the fix and `<name>-annulla.reg`, never applied by us. */
function RegFix({ api, report }: { api: BridgeApi; report: Report }) {
  const { m } = useI18n();
  const id = useId();
  const [state, setState] = useState<RegState>({ status: 'idle' });
  const save = async () => {
    setState({ status: 'saving' });
    try {
      const result = await api.saveRegFix(report);
      if (result.status === 'saved') setState({ status: 'saved', text: m.regFixSaved(result.path, (result.also ?? []).join(', ')) });
      else if (result.status === 'download') {
        const files = [result.file, ...(result.also ?? [])];
        for (const f of files) downloadFile(f);
        setState({ status: 'saved', text: m.regFixDownloaded(files.map((f) => f.fileName).join(', ')) });
      } else setState({ status: 'idle' });
    } catch (err) {
      setState({ status: 'error', detail: errorText(err) });
    }
  };
  return (
    <section className="reg-fix" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{m.regFixHeading}</h3>
      <p className="hint">{m.regFixIntro}</p>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => void save()} disabled={state.status === 'saving'}>
          <Icon name="save" />
          {m.regFixButton}
        </button>
      </div>
      <div aria-live="polite">
        {state.status === 'saved' && (
          <p className="notice notice-ok" data-testid="regfix-result">
            <Icon name="ok" /> {state.text}
          </p>
        )}
        {state.status === 'error' && (
          <p className="notice notice-error" role="alert" data-testid="regfix-error">
            <Icon name="error" /> {m.regFixFailed}
            <span className="notice-detail">{state.detail}</span>
          </p>
        )}
      </div>
    </section>
  );
}

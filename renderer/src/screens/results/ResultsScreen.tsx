// Screen 3 (and 4, 5): the verdict, the findings as cards, the webmail stop-gap, and for the
// technician the details, the instructions to copy and the report to save.
import { useEffect, useId, useRef, useState } from 'react';
import type { AppInfo, BridgeApi, Report } from '../../../../src/api';
import { CopyInstructions } from './CopyInstructions';
import { FindingCard } from './FindingCard';
import { formatDate, useI18n } from '../../i18n';
import { SeverityIcon } from '../../components/Icons';
import { OpenReport } from '../open-report/OpenReport';
import { ReportActions } from './ReportActions';
import { TechnicianDetails } from '../technician/TechnicianDetails';
import { sortFindings } from '../../types';
import { VerdictBanner } from '../../components/VerdictBanner';
import { WebmailStopGap } from './WebmailStopGap';

export type ReportOrigin = { kind: 'live' } | { kind: 'file'; fileName: string };

interface Props {
  api: BridgeApi;
  report: Report;
  origin: ReportOrigin;
  host: AppInfo['host'] | null;
  onNew: () => void;
  onReportOpened: (report: Report, fileName: string) => void;
}

export function ResultsScreen({ api, report, origin, host, onNew, onReportOpened }: Props) {
  const { m, tx, lang } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [view, setView] = useState<'summary' | 'technician'>('summary');
  const findings = sortFindings(report.findings ?? []);
  const problems = findings.filter((f) => f.severity !== 'ok');
  const passed = findings.filter((f) => f.severity === 'ok');

  // A new result (a run finished, a report opened): back to the summary, focus on its heading.
  useEffect(() => {
    setView('summary');
    heading.current?.focus();
  }, [report]);

  return (
    <section className="screen screen-results" aria-labelledby={`${id}-h`}>
      <div className="results-head">
        <h1 id={`${id}-h`} className="screen-title" tabIndex={-1} ref={heading}>
          {m.resultsHeading}
        </h1>
        <button type="button" className="button button-secondary" onClick={onNew}>
          {m.newDiagnosis}
        </button>
      </div>
      <p className="muted" data-testid="report-origin">
        {origin.kind === 'file' ? m.openedReportNote(origin.fileName, formatDate(report.createdAt, lang)) : m.liveReportNote(formatDate(report.createdAt, lang))}
      </p>

      <nav className="views" aria-label={m.viewsLabel}>
        <button type="button" className="view-button" aria-current={view === 'summary' ? 'page' : undefined} onClick={() => setView('summary')}>
          {m.tabSummary}
        </button>
        <button type="button" className="view-button" aria-current={view === 'technician' ? 'page' : undefined} onClick={() => setView('technician')}>
          {m.tabTechnician}
        </button>
      </nav>

      {view === 'summary' ? (
        <div className="summary">
          <VerdictBanner verdict={report.verdict} />
          <WebmailStopGap api={api} report={report} />
          <section aria-labelledby={`${id}-f`} className="findings">
            <h2 id={`${id}-f`}>{m.findingsHeading}</h2>
            {problems.length === 0 && <p>{m.findingsNone}</p>}
            {problems.map((f, i) => (
              <FindingCard key={`${f.id}-${i}`} api={api} finding={f} />
            ))}
          </section>
          {passed.length > 0 && (
            <section aria-labelledby={`${id}-ok`} className="passed">
              <h2 id={`${id}-ok`}>{m.okHeading}</h2>
              <ul className="passed-list">
                {passed.map((f, i) => (
                  <li key={`${f.id}-${i}`} data-testid="passed">
                    <SeverityIcon severity="ok" />
                    <span>
                      <span className="visually-hidden">{m.sevOk}: </span>
                      {tx(f.title)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      ) : (
        <section aria-labelledby={`${id}-t`}>
          <h2 id={`${id}-t`} className="visually-hidden">
            {m.techHeading}
          </h2>
          <TechnicianDetails report={report} />
        </section>
      )}

      <ReportActions api={api} report={report} host={host}>
        <CopyInstructions report={report} />
      </ReportActions>
      <div className="panel panel-quiet">
        <OpenReport api={api} onOpened={onReportOpened} hint={m.openReportHint} />
      </div>
    </section>
  );
}

// Screen 3: the verdict, the fix plans (one per root cause, with the findings folded under
// them), the other findings as cards, what works; for the technician the details, the
// instructions to copy, the report and the .reg fix to save. "Ripeti il controllo" runs the same
// check again and then shows what changed.
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { AppInfo, BridgeApi, Report } from '../../../../src/api';
import { CopyInstructions } from './CopyInstructions';
import { FindingCard } from './FindingCard';
import { PlanCard, foldedFindings } from './PlanCard';
import { formatDate, useI18n } from '../../i18n';
import { Icon, SeverityIcon } from '../../components/Icons';
import { OpenReport } from '../open-report/OpenReport';
import { ReportActions } from './ReportActions';
import { TechnicianDetails } from '../technician/TechnicianDetails';
import { LogFileLine } from './LogFileLine';
import { sortFindings } from '../../types';
import { VerdictBanner } from '../../components/VerdictBanner';
import { RerunComparison } from '../history/Comparison';
import type { HeldRun } from '../history/Comparison';
import type { RunKept } from '../running/useDiagnosis';
import { REDACTION_NOTE } from '../../../../src/api';

/** `before`: the run this one repeats (for the before/after); `kept`: this run's place in the history. */
export type ReportOrigin =
  { kind: 'live'; before?: HeldRun | null; kept?: RunKept | null } | { kind: 'file'; fileName: string } | { kind: 'history' };

interface Props {
  api: BridgeApi;
  report: Report;
  origin: ReportOrigin;
  host: AppInfo['host'] | null;
  onNew: () => void;
  /** Runs the same check again (only for a run made here, not for an opened file). */
  onRepeat?: () => void;
  onReportOpened: (report: Report, fileName: string) => void;
}

export function ResultsScreen({ api, report, origin, host, onNew, onRepeat, onReportOpened }: Props) {
  const { m } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [view, setView] = useState<'summary' | 'technician'>('summary');

  // A new result (a run finished, a report opened): back to the summary, focus on its heading.
  useEffect(() => {
    setView('summary');
    heading.current?.focus();
  }, [report]);

  return (
    <section className="screen screen-results" aria-labelledby={`${id}-h`}>
      <ResultsHead report={report} origin={origin} headingId={`${id}-h`} heading={heading} onNew={onNew} onRepeat={onRepeat} />
      <ViewSwitch view={view} setView={setView} />
      {view === 'summary' ? (
        <ResultsSummary api={api} report={report} origin={origin} showRepeatHint={!!onRepeat} />
      ) : (
        <section aria-labelledby={`${id}-t`}>
          <h2 id={`${id}-t`} className="visually-hidden">
            {m.techHeading}
          </h2>
          <TechnicianDetails api={api} report={report} />
          <LogFileLine api={api} />
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

/** The heading, "Ripeti il controllo" / "Nuova diagnosi", and where this result comes from. */
function ResultsHead(props: {
  report: Report;
  origin: ReportOrigin;
  headingId: string;
  heading: RefObject<HTMLHeadingElement | null>;
  onNew: () => void;
  onRepeat?: () => void;
}) {
  const { m, lang } = useI18n();
  const { report, origin, onRepeat } = props;
  const date = formatDate(report.createdAt, lang);
  return (
    <>
      <div className="results-head">
        <h1 id={props.headingId} className="screen-title" tabIndex={-1} ref={props.heading}>
          {m.resultsHeading}
        </h1>
        <div className="button-row">
          {onRepeat && (
            <button type="button" className="button button-secondary" onClick={onRepeat}>
              <Icon name="repeat" />
              {m.repeatButton}
            </button>
          )}
          <button type="button" className="button button-secondary" onClick={props.onNew}>
            {m.newDiagnosis}
          </button>
        </div>
      </div>
      <p className="muted" data-testid="report-origin">
        {origin.kind === 'file'
          ? m.openedReportNote(origin.fileName, date)
          : origin.kind === 'history'
            ? m.historyReportNote(date)
            : m.liveReportNote(date)}
        {report.caseCode && (
          <>
            {' '}
            <span className="case-code" data-testid="case-code">
              {m.caseCode(report.caseCode)}
            </span>
          </>
        )}
      </p>
    </>
  );
}

/** Summary or technician's view. */
function ViewSwitch({ view, setView }: { view: 'summary' | 'technician'; setView: (v: 'summary' | 'technician') => void }) {
  const { m } = useI18n();
  return (
    <nav className="views" aria-label={m.viewsLabel}>
      <button
        type="button"
        className="view-button"
        aria-current={view === 'summary' ? 'page' : undefined}
        data-escape={view === 'technician' ? 'back' : undefined}
        onClick={() => setView('summary')}
      >
        {m.tabSummary}
      </button>
      <button
        type="button"
        className="view-button"
        aria-current={view === 'technician' ? 'page' : undefined}
        onClick={() => setView('technician')}
      >
        {m.tabTechnician}
      </button>
    </nav>
  );
}

/** The verdict, the before/after of a repeat, the plans with their findings folded, the other findings, what works. */
function ResultsSummary({
  api,
  report,
  origin,
  showRepeatHint,
}: {
  api: BridgeApi;
  report: Report;
  origin: ReportOrigin;
  showRepeatHint: boolean;
}) {
  const { m, tx } = useI18n();
  const id = useId();
  const findings = sortFindings(Array.isArray(report.findings) ? report.findings : []);
  const plans = Array.isArray(report.plans) ? report.plans : [];
  const folded = new Set(plans.flatMap((p) => foldedFindings(p, findings)));
  const problems = findings.filter((f) => f.severity !== 'ok' && !folded.has(f));
  const passed = findings.filter((f) => f.severity === 'ok' && !folded.has(f));
  return (
    <div className="summary">
      <VerdictBanner verdict={report.verdict} />
      {report.redacted === true && (
        <p className="notice notice-info redacted-note" data-testid="redacted-report-note">
          <b>{m.redactedReportNote}</b> {tx(REDACTION_NOTE)}
        </p>
      )}
      {origin.kind === 'live' && origin.before && (
        <RerunComparison api={api} before={origin.before} after={{ report, kept: origin.kept ?? null }} />
      )}
      {plans.length > 0 && (
        <section aria-labelledby={`${id}-p`} className="plans">
          <h2 id={`${id}-p`}>{m.plansHeading}</h2>
          {plans.map((p, i) => (
            <PlanCard key={p.id} api={api} plan={p} findings={foldedFindings(p, findings)} index={i} total={plans.length} />
          ))}
        </section>
      )}
      {(plans.length === 0 || problems.length > 0) && (
        <section aria-labelledby={`${id}-f`} className="findings">
          <h2 id={`${id}-f`}>{plans.length ? m.otherFindingsHeading : m.findingsHeading}</h2>
          {problems.length === 0 && <p>{m.findingsNone}</p>}
          {problems.map((f, i) => (
            <FindingCard key={`${f.id}-${i}`} api={api} finding={f} />
          ))}
        </section>
      )}
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
      {showRepeatHint && plans.some((p) => p.steps?.some((s) => s.state !== 'done')) && <p className="hint repeat-hint">{m.repeatHint}</p>}
    </div>
  );
}

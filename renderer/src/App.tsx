// The whole interface: a header with the language switch, then one screen at a time
// (start → running → results; a saved report; the history), and the footer with the version
// from the core. One polite live region, always mounted, announces the verdict when a run ends
// (the running screen's own region announces each check as it changes).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AccountsResult, AppInfo, BridgeApi, DiagnosisRequest, Report } from '../../src/api';
import { I18nContext, initialLang, makeI18n, rememberLang, verdictHeading } from './i18n';
import type { Lang } from './types';
import { ResultsScreen } from './screens/results/ResultsScreen';
import type { ReportOrigin } from './screens/results/ResultsScreen';
import { RunningScreen } from './screens/running/RunningScreen';
import { EMPTY_FORM, StartScreen } from './screens/start/StartScreen';
import type { StartForm } from './screens/start/StartScreen';
import { HistoryScreen } from './screens/history/HistoryScreen';
import { useDiagnosis } from './screens/running/useDiagnosis';
import type { HeldRun } from './screens/history/Comparison';
import { Icon } from './components/Icons';

type Screen =
  | { kind: 'start' }
  /** `before`: the run being repeated, compared with this one when it ends. */
  | { kind: 'run'; before: HeldRun | null }
  | { kind: 'file'; report: Report; fileName: string }
  | { kind: 'history' }
  | { kind: 'saved-run'; report: Report };

export function App({ api }: { api: BridgeApi }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    rememberLang(l);
  }, []);
  const i18n = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  const { m } = i18n;

  const [info, setInfo] = useState<AppInfo | null>(null);
  const [accounts, setAccounts] = useState<AccountsResult | null | 'error'>(null);
  const [form, setForm] = useState<StartForm>(EMPTY_FORM);
  const [screen, setScreen] = useState<Screen>({ kind: 'start' });
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string; detail?: string } | null>(null);
  const lastRequest = useRef<DiagnosisRequest | null>(null);
  const [returned, setReturned] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const diagnosis = useDiagnosis(api);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${m.appTitle} — ${m.appSubtitle}`;
  }, [lang, m]);

  useEffect(() => {
    api.getAppInfo().then(setInfo, () => undefined);
    api.findAccounts().then(
      (r) => setAccounts(r && Array.isArray(r.accounts) ? r : 'error'),
      () => setAccounts('error'),
    );
  }, [api]);

  // A file dropped outside the drop zone must not replace the app with the file's page.
  useEffect(() => {
    const stop = (e: DragEvent) => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  const { state } = diagnosis;
  // The verdict, announced once at the end of a run.
  useEffect(() => {
    if (state.phase === 'done' && state.report) setAnnouncement(m.runFinished(verdictHeading(m, state.report.verdict, lang)));
    else if (state.phase === 'starting') setAnnouncement('');
  }, [state.phase, state.report, m, lang]);

  const start = (request: DiagnosisRequest, before: HeldRun | null = null) => {
    lastRequest.current = request;
    setNotice(null);
    setScreen({ kind: 'run', before });
    void diagnosis.start(request);
  };
  const backToStart = (note: typeof notice = null) => {
    diagnosis.reset();
    setNotice(note);
    setReturned(true);
    setScreen({ kind: 'start' });
  };
  const opened = (report: Report, fileName: string) => {
    diagnosis.reset();
    setScreen({ kind: 'file', report, fileName });
  };
  // The run on screen is the "before" of the repeat: its report and its history id, held here.
  const repeat =
    lastRequest.current && state.phase === 'done' && state.report
      ? () => lastRequest.current && state.report && start(lastRequest.current, { report: state.report, kept: state.kept })
      : undefined;
  const host = info?.host ?? null;

  let body;
  if (screen.kind === 'file') {
    const origin: ReportOrigin = { kind: 'file', fileName: screen.fileName };
    body = (
      <ResultsScreen api={api} report={screen.report} origin={origin} host={host} onNew={() => backToStart()} onReportOpened={opened} />
    );
  } else if (screen.kind === 'saved-run') {
    body = (
      <ResultsScreen
        api={api}
        report={screen.report}
        origin={{ kind: 'history' }}
        host={host}
        onNew={() => backToStart()}
        onReportOpened={opened}
      />
    );
  } else if (screen.kind === 'history') {
    body = <HistoryScreen api={api} onOpen={(report) => setScreen({ kind: 'saved-run', report })} onBack={() => backToStart()} />;
  } else if (screen.kind === 'run' && state.phase === 'done' && state.report) {
    body = (
      <ResultsScreen
        api={api}
        report={state.report}
        origin={{ kind: 'live', before: screen.before, kept: state.kept }}
        host={host}
        onNew={() => backToStart()}
        onRepeat={repeat}
        onReportOpened={opened}
      />
    );
  } else if (screen.kind === 'run') {
    body = (
      <RunningScreen
        state={state}
        onCancel={() => {
          diagnosis.cancel();
          backToStart({ kind: 'info', text: m.cancelledNote });
        }}
        onRetry={() => screen.kind === 'run' && lastRequest.current && start(lastRequest.current, screen.before)}
        onBack={() => backToStart()}
      />
    );
  } else {
    body = (
      <StartScreen
        api={api}
        accounts={accounts}
        form={form}
        setForm={setForm}
        onStart={start}
        notice={notice}
        onReportOpened={opened}
        onHistory={() => setScreen({ kind: 'history' })}
        focusHeading={returned}
      />
    );
  }

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <header className="app-header">
        <div className="brand">
          <Icon name="shield" className="brand-icon" />
          <span className="brand-name">{m.appTitle}</span>
          <span className="brand-sub">{m.appSubtitle}</span>
        </div>
        <button
          type="button"
          className="button button-quiet lang-switch"
          lang={lang === 'it' ? 'en' : 'it'}
          onClick={() => setLang(lang === 'it' ? 'en' : 'it')}
        >
          {m.switchLanguage}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {body}
      </main>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </p>
      <footer className="app-footer">
        <p>{m.footerPrivacy}</p>
        <p data-testid="version">{info ? m.version(info.version) : m.loading}</p>
      </footer>
    </I18nContext.Provider>
  );
}

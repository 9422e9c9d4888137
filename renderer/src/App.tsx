// The whole interface: a header with the language switch, then one screen at a time
// (start → running → results), and the footer with the version from the core.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AccountsResult, AppInfo, BridgeApi, DiagnosisRequest, Report } from '../../src/api';
import { I18nContext, initialLang, makeI18n, rememberLang } from './i18n';
import type { Lang } from './types';
import { ResultsScreen } from './screens/results/ResultsScreen';
import type { ReportOrigin } from './screens/results/ResultsScreen';
import { RunningScreen } from './screens/running/RunningScreen';
import { EMPTY_FORM, StartScreen } from './screens/start/StartScreen';
import type { StartForm } from './screens/start/StartScreen';
import { useDiagnosis } from './screens/running/useDiagnosis';
import { Icon } from './components/Icons';

type Screen = { kind: 'start' } | { kind: 'run' } | { kind: 'file'; report: Report; fileName: string };

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

  const start = (request: DiagnosisRequest) => {
    lastRequest.current = request;
    setNotice(null);
    setScreen({ kind: 'run' });
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

  const { state } = diagnosis;
  let body;
  if (screen.kind === 'file') {
    const origin: ReportOrigin = { kind: 'file', fileName: screen.fileName };
    body = <ResultsScreen api={api} report={screen.report} origin={origin} host={info?.host ?? null} onNew={() => backToStart()} onReportOpened={opened} />;
  } else if (screen.kind === 'run' && state.phase === 'done' && state.report) {
    body = <ResultsScreen api={api} report={state.report} origin={{ kind: 'live' }} host={info?.host ?? null} onNew={() => backToStart()} onReportOpened={opened} />;
  } else if (screen.kind === 'run') {
    body = (
      <RunningScreen
        state={state}
        onCancel={() => {
          diagnosis.cancel();
          backToStart({ kind: 'info', text: m.cancelledNote });
        }}
        onRetry={() => lastRequest.current && start(lastRequest.current)}
        onBack={() => backToStart()}
      />
    );
  } else {
    body = <StartScreen api={api} accounts={accounts} form={form} setForm={setForm} onStart={start} notice={notice} onReportOpened={opened} focusHeading={returned} />;
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
        <button type="button" className="button button-quiet lang-switch" lang={lang === 'it' ? 'en' : 'it'} onClick={() => setLang(lang === 'it' ? 'en' : 'it')}>
          {m.switchLanguage}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {body}
      </main>
      <footer className="app-footer">
        <p>{m.footerPrivacy}</p>
        <p data-testid="version">{info ? m.version(info.version) : m.loading}</p>
      </footer>
    </I18nContext.Provider>
  );
}


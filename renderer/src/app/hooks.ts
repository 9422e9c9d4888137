// The App's effects, one concern each: the language (remembered, on <html> and the title), the
// first answers of the core (version, accounts), no file dropped outside a drop zone, the
// verdict announced once at the end of a run, and the re-check after a repair's restart.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AccountsResult, AppInfo, BridgeApi, DiagnosisRequest } from '../../../src/api';
import { recheckRequest } from '../../../src/api';
import { initialLang, makeI18n, rememberLang, verdictHeading, type I18n } from '../i18n';
import type { Lang } from '../types';
import type { DiagnosisState } from '../screens/running/useDiagnosis';
import type { HeldRun } from '../screens/history/Comparison';

export function useLang(): I18n {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    rememberLang(l);
  }, []);
  const i18n = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  const { m } = i18n;
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${m.appTitle} — ${m.appSubtitle}`;
  }, [lang, m]);
  return i18n;
}

export function useStartupData(api: BridgeApi): { info: AppInfo | null; accounts: AccountsResult | null | 'error' } {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [accounts, setAccounts] = useState<AccountsResult | null | 'error'>(null);
  useEffect(() => {
    api.getAppInfo().then(setInfo, () => undefined);
    api.findAccounts().then(
      (r) => setAccounts(r && Array.isArray(r.accounts) ? r : 'error'),
      () => setAccounts('error'),
    );
  }, [api]);
  return { info, accounts };
}

/** A file dropped outside the drop zone must not replace the app with the file's page. */
export function useNoFileDrop(): void {
  useEffect(() => {
    const stop = (e: DragEvent) => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}

/** The verdict, announced once at the end of a run. */
export function useVerdictAnnouncement(state: DiagnosisState, { m, lang }: I18n): string {
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (state.phase === 'done' && state.report) setAnnouncement(m.runFinished(verdictHeading(m, state.report.verdict, lang)));
    else if (state.phase === 'starting') setAnnouncement('');
  }, [state.phase, state.report, m, lang]);
  return announcement;
}

/**
 * Started by Windows after a repair's restart (the host says so once): the run the repair started
 * from is read from the history and the same check starts again, as the "before" of the comparison.
 */
export function useAfterRepairStart(api: BridgeApi, start: (request: DiagnosisRequest, before: HeldRun | null) => void): void {
  const startRef = useRef(start);
  startRef.current = start;
  useEffect(() => {
    let live = true;
    void (async () => {
      const intent = await api.getStartupIntent().catch(() => null);
      if (!live || !intent || intent.kind !== 'after-repair') return;
      const id = intent.beforeRunId;
      const report = id ? await api.getRun(id).catch(() => null) : null;
      if (!live) return;
      startRef.current(recheckRequest(report), report && id ? { report, kept: { historyId: id } } : null);
    })();
    return () => {
      live = false;
    };
  }, [api]);
}

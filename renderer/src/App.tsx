// The whole interface: the frame (header with the language switch, footer with the version),
// then one screen at a time (start → running → results; a saved report; the history; after a
// repair's restart, the re-check). One polite live region, always mounted, announces the verdict
// when a run ends (the running screen's own region announces each check as it changes).
import { useRef, useState } from 'react';
import type { BridgeApi, DiagnosisRequest, Report } from '../../src/api';
import { I18nContext } from './i18n';
import { EMPTY_FORM, StartScreen } from './screens/start/StartScreen';
import type { StartForm } from './screens/start/StartScreen';
import { useDiagnosis } from './screens/running/useDiagnosis';
import { useEscapeKey } from './useEscapeKey';
import type { HeldRun } from './screens/history/Comparison';
import { AppFrame } from './app/AppFrame';
import { AppBody, type RepairView, type Screen } from './app/AppBody';
import { useAfterRepairStart, useLang, useNoFileDrop, useStartupData, useVerdictAnnouncement } from './app/hooks';

type Notice = { kind: 'info' | 'error'; text: string; detail?: string } | null;

export function App({ api }: { api: BridgeApi }) {
  const i18n = useLang();
  const { info, accounts } = useStartupData(api);
  const [form, setForm] = useState<StartForm>(EMPTY_FORM);
  const [screen, setScreen] = useState<Screen>({ kind: 'start' });
  const [notice, setNotice] = useState<Notice>(null);
  const lastRequest = useRef<DiagnosisRequest | null>(null);
  const [returned, setReturned] = useState(false);
  const diagnosis = useDiagnosis(api);
  // Escape closes the open fold, or goes back from the technician view (useEscapeKey.ts).
  useEscapeKey();
  useNoFileDrop();
  const [repair, setRepair] = useState<RepairView>(null);
  const { state } = diagnosis;
  const announcement = useVerdictAnnouncement(state, i18n);

  const start = (request: DiagnosisRequest, before: HeldRun | null = null, afterRepair = false) => {
    lastRequest.current = request;
    setNotice(null);
    setRepair(null);
    setScreen({ kind: 'run', before, afterRepair });
    void diagnosis.start(request);
  };
  useAfterRepairStart(api, (request, before) => start(request, before, true));
  const backToStart = (note: Notice = null) => {
    diagnosis.reset();
    setRepair(null);
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

  return (
    <I18nContext.Provider value={i18n}>
      <AppFrame api={api} info={info} announcement={announcement}>
        {screen.kind === 'start' ? (
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
        ) : (
          <AppBody
            api={api}
            screen={screen}
            state={state}
            host={info?.host ?? null}
            repair={repair}
            setRepair={setRepair}
            setScreen={setScreen}
            onNew={() => backToStart()}
            onRepeat={repeat}
            onOpened={opened}
            onCancelRun={() => {
              diagnosis.cancel();
              backToStart({ kind: 'info', text: i18n.m.cancelledNote });
            }}
            onRetryRun={() => screen.kind === 'run' && lastRequest.current && start(lastRequest.current, screen.before, screen.afterRepair)}
          />
        )}
      </AppFrame>
    </I18nContext.Provider>
  );
}

// One screen at a time: start → running → results (with the repair over them), a saved report,
// the history, and after a repair's restart the running screen then the before/after.
import type { AppInfo, BridgeApi, Report } from '../../../src/api';
import type { RepairOffer } from '../../../src/api';
import { ResultsScreen } from '../screens/results/ResultsScreen';
import { RunningScreen } from '../screens/running/RunningScreen';
import { HistoryScreen } from '../screens/history/HistoryScreen';
import type { HeldRun } from '../screens/history/Comparison';
import type { DiagnosisState } from '../screens/running/useDiagnosis';
import { RepairEntry } from '../screens/repair/RepairEntry';
import { RepairScreen } from '../screens/repair/RepairScreen';
import { AfterRepair } from '../screens/repair/AfterRepair';

export type Screen =
  | { kind: 'start' }
  /** `before`: the run being repeated, compared with this one when it ends; `afterRepair`: the re-check after a repair's restart. */
  | { kind: 'run'; before: HeldRun | null; afterRepair?: boolean }
  | { kind: 'file'; report: Report; fileName: string }
  | { kind: 'history' }
  | { kind: 'saved-run'; report: Report };

/** The repair (issue #18) over the live run's results: closing it goes back to them. */
export type RepairView = Extract<RepairOffer, { status: 'ready' }> | null;

interface Props {
  api: BridgeApi;
  screen: Exclude<Screen, { kind: 'start' }>;
  state: DiagnosisState;
  host: AppInfo['host'] | null;
  repair: RepairView;
  setRepair: (r: RepairView) => void;
  setScreen: (s: Screen) => void;
  onNew: () => void;
  onRepeat?: () => void;
  onOpened: (report: Report, fileName: string) => void;
  onCancelRun: () => void;
  onRetryRun: () => void;
}

/** Every screen but the start one (App draws that, it holds the form). */
export function AppBody(p: Props) {
  const { api, screen, state, host } = p;
  if (screen.kind === 'file' || screen.kind === 'saved-run') {
    const origin = screen.kind === 'file' ? { kind: 'file' as const, fileName: screen.fileName } : { kind: 'history' as const };
    return <ResultsScreen api={api} report={screen.report} origin={origin} host={host} onNew={p.onNew} onReportOpened={p.onOpened} />;
  }
  if (screen.kind === 'history')
    return <HistoryScreen api={api} onOpen={(report) => p.setScreen({ kind: 'saved-run', report })} onBack={p.onNew} />;
  if (state.phase !== 'done' || !state.report)
    return <RunningScreen state={state} onCancel={p.onCancelRun} onRetry={p.onRetryRun} onBack={p.onNew} />;
  if (screen.afterRepair)
    return (
      <AfterRepair
        api={api}
        report={state.report}
        kept={state.kept}
        before={screen.before}
        onFull={() => p.setScreen({ ...screen, afterRepair: false })}
        onNew={p.onNew}
      />
    );
  if (p.repair) return <RepairScreen api={api} offer={p.repair} beforeRunId={state.kept?.historyId} onBack={() => p.setRepair(null)} />;
  return (
    <>
      <ResultsScreen
        api={api}
        report={state.report}
        origin={{ kind: 'live', before: screen.before, kept: state.kept }}
        host={host}
        onNew={p.onNew}
        onRepeat={p.onRepeat}
        onReportOpened={p.onOpened}
      />
      <RepairEntry api={api} report={state.report} onOpen={p.setRepair} />
    </>
  );
}

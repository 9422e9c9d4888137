// One diagnosis run as React state: start, follow the streamed progress, finish with a report,
// fail, or be cancelled. Events of other runs (or of a cancelled one) are ignored.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { BridgeApi, DiagnosisEvent, DiagnosisRequest, ProgressItem, Report, Text } from '../../../../src/api';
import { eventsReady } from '../../bridge';

export type Phase = 'idle' | 'starting' | 'running' | 'done' | 'failed';

export interface DiagnosisState {
  phase: Phase;
  runId: string | null;
  /** In the order the lines first appeared; later events update a line in place. */
  items: ProgressItem[];
  fraction: number;
  report: Report | null;
  /** Where the finished run is in the local history, or why it is not there (from the `done` event). */
  kept: RunKept | null;
  error: Text | null;
}

/** A finished run and its place in the history: what a before/after compares. */
export interface RunKept {
  historyId?: string;
  notKept?: { reason: 'off' | 'failed'; detail: string };
}

type Action =
  | { type: 'start' }
  | { type: 'started'; runId: string }
  | { type: 'event'; event: DiagnosisEvent }
  | { type: 'failed'; message: Text }
  | { type: 'reset' };

const INITIAL: DiagnosisState = { phase: 'idle', runId: null, items: [], fraction: 0, report: null, kept: null, error: null };

function reduce(state: DiagnosisState, action: Action): DiagnosisState {
  switch (action.type) {
    case 'start':
      return { ...INITIAL, phase: 'starting' };
    case 'started':
      return { ...state, phase: state.phase === 'starting' ? 'running' : state.phase, runId: action.runId };
    case 'failed':
      return { ...state, phase: 'failed', error: action.message };
    case 'reset':
      return INITIAL;
    case 'event': {
      const ev = action.event;
      if (ev.kind === 'progress') {
        const i = state.items.findIndex((x) => x.id === ev.item.id);
        const items = i < 0 ? [...state.items, ev.item] : state.items.map((x, j) => (j === i ? ev.item : x));
        const fraction = Number.isFinite(ev.fraction) ? Math.min(1, Math.max(state.fraction, ev.fraction)) : state.fraction;
        return { ...state, phase: state.phase === 'starting' ? 'running' : state.phase, items, fraction };
      }
      if (ev.kind === 'done') {
        // Checked: the event crosses a process boundary, and an id is only used when it is one.
        const kept: RunKept = {};
        if (typeof ev.historyId === 'string' && ev.historyId) kept.historyId = ev.historyId;
        else if (ev.historyNotKept)
          kept.notKept = { reason: ev.historyNotKept.reason === 'off' ? 'off' : 'failed', detail: String(ev.historyNotKept.detail ?? '') };
        return { ...state, phase: 'done', fraction: 1, report: ev.report, kept };
      }
      return { ...state, phase: 'failed', error: ev.message };
    }
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function useDiagnosis(api: BridgeApi) {
  const [state, dispatch] = useReducer(reduce, INITIAL);
  /** The run whose events are shown; null when none (or when it was cancelled). */
  const current = useRef<string | null>(null);
  /** While startDiagnosis has not answered yet, events may already arrive: kept here. */
  const buffer = useRef<DiagnosisEvent[] | null>(null);
  const generation = useRef(0);

  useEffect(
    () =>
      api.onDiagnosisEvent((event) => {
        if (event.runId === current.current) dispatch({ type: 'event', event });
        else if (buffer.current) buffer.current.push(event);
      }),
    [api],
  );

  const start = useCallback(
    async (request: DiagnosisRequest) => {
      const gen = ++generation.current;
      current.current = null;
      buffer.current = [];
      dispatch({ type: 'start' });
      try {
        await eventsReady(api);
        const { runId } = await api.startDiagnosis(request);
        if (gen !== generation.current) {
          // Cancelled (or restarted) while starting.
          void api.cancelDiagnosis(runId).catch(() => undefined);
          return;
        }
        const early = buffer.current ?? [];
        buffer.current = null;
        current.current = runId;
        dispatch({ type: 'started', runId });
        for (const event of early) if (event.runId === runId) dispatch({ type: 'event', event });
      } catch (err) {
        if (gen !== generation.current) return;
        buffer.current = null;
        const msg = errorText(err);
        dispatch({ type: 'failed', message: { it: msg, en: msg } });
      }
    },
    [api],
  );

  const cancel = useCallback(() => {
    generation.current++;
    const runId = current.current;
    current.current = null;
    buffer.current = null;
    dispatch({ type: 'reset' });
    if (runId) void api.cancelDiagnosis(runId).catch(() => undefined);
  }, [api]);

  const reset = useCallback(() => {
    generation.current++;
    current.current = null;
    buffer.current = null;
    dispatch({ type: 'reset' });
  }, []);

  return { state, start, cancel, reset };
}

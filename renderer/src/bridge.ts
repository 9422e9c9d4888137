// The renderer's only way to the core: the typed contract, either as exposed by the Electron
// preload (window.pecDoctor) or through the web bridge (HTTP + server-sent events).
import type { ApiMethod, BridgeApi, DiagnosisEvent } from '../../src/api';
import { API_METHODS, BRIDGE_GLOBAL } from '../../src/api';

/** Resolves once diagnosis events can be received (the event stream is connected). */
const readiness = new WeakMap<BridgeApi, () => Promise<void>>();

function webBridge(): BridgeApi {
  // The page is served at /<token>/, so relative URLs carry the token.
  const base = new URL('./', window.location.href);
  const listeners = new Set<(e: DiagnosisEvent) => void>();
  let source: EventSource | null = null;
  let opened: Promise<void> | null = null;
  const call = async (method: ApiMethod, args: unknown[]): Promise<unknown> => {
    const res = await fetch(new URL(`api/${method}`, base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body = (await res.json()) as { result?: unknown; error?: string };
    if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
    return body.result;
  };
  const connect = (): Promise<void> => {
    if (!source) {
      const es = new EventSource(new URL('api/events', base));
      source = es;
      opened = new Promise<void>((resolve) => {
        es.addEventListener('open', () => resolve());
        // Never block a run on the stream: after a short wait, go ahead anyway.
        window.setTimeout(resolve, 3000);
      });
      es.onmessage = (msg) => {
        let event: DiagnosisEvent;
        try {
          event = JSON.parse(msg.data as string) as DiagnosisEvent;
        } catch {
          return;
        }
        for (const l of listeners) l(event);
      };
    }
    return opened ?? Promise.resolve();
  };
  const api = Object.fromEntries(API_METHODS.map((m) => [m, (...args: unknown[]) => call(m, args)])) as unknown as BridgeApi;
  api.onDiagnosisEvent = (listener) => {
    listeners.add(listener);
    void connect();
    return () => listeners.delete(listener);
  };
  readiness.set(api, connect);
  return api;
}

export function getBridge(): BridgeApi {
  const exposed = (window as unknown as Record<string, BridgeApi | undefined>)[BRIDGE_GLOBAL];
  return exposed ?? webBridge();
}

/** Waits until the bridge delivers diagnosis events (immediate in Electron, where IPC is always on). */
export function eventsReady(api: BridgeApi): Promise<void> {
  const ready = readiness.get(api);
  return ready ? ready() : Promise.resolve();
}

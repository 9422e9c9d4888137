// The renderer's only way to the core: the typed contract, either as exposed by the Electron
// preload (window.pecDoctor) or through the web bridge (HTTP + server-sent events).
import type { ApiMethod, BridgeApi, DiagnosisEvent } from '../../src/api';
import { API_METHODS, BRIDGE_GLOBAL } from '../../src/api';

function webBridge(): BridgeApi {
  // The page is served at /<token>/, so relative URLs carry the token.
  const base = new URL('./', window.location.href);
  const listeners = new Set<(e: DiagnosisEvent) => void>();
  let source: EventSource | null = null;
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
  const api = Object.fromEntries(API_METHODS.map((m) => [m, (...args: unknown[]) => call(m, args)])) as unknown as BridgeApi;
  api.onDiagnosisEvent = (listener) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource(new URL('api/events', base));
      source.onmessage = (msg) => {
        const event = JSON.parse(msg.data as string) as DiagnosisEvent;
        for (const l of listeners) l(event);
      };
    }
    return () => listeners.delete(listener);
  };
  return api;
}

export function getBridge(): BridgeApi {
  const exposed = (window as unknown as Record<string, BridgeApi | undefined>)[BRIDGE_GLOBAL];
  return exposed ?? webBridge();
}

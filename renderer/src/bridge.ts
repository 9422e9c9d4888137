// The renderer's only way to the core: the typed contract, either as exposed by the Electron
// preload (window.pecDoctor) or through the web bridge (HTTP + a server-sent event stream).
// Through the bridge under /app/, every request carries the session secret the login page left
// in sessionStorage (per origin, so it never goes to another port) as a header; under /<token>/
// the path carries the token. When `pec-doctor ui` has stopped, calls fail with a sentence in
// plain Italian and the connection state changes, for the banner (components/BridgeStatus.tsx).
import type { ApiMethod, BridgeApi, DiagnosisEvent } from '../../src/api';
import { API_METHODS, BRIDGE_GLOBAL } from '../../src/api';

/** Must match src/web/server.ts and src/web/pages.ts (the renderer imports only the contract). */
const SESSION_HEADER = 'X-PEC-Doctor-Session';
const SESSION_STORAGE_KEY = 'pec-doctor-session';

/** `gone`: the bridge does not answer; `session`: it answers but this tab's session is not (or no longer) valid. */
export type ConnectionState = 'ok' | 'gone' | 'session';

interface Connection {
  ready: () => Promise<void>;
  state: () => ConnectionState;
  subscribe: (listener: (s: ConnectionState) => void) => () => void;
  check: () => Promise<ConnectionState>;
}
const connections = new WeakMap<BridgeApi, Connection>();

/** The message of a call that could not reach the bridge (instead of the browser's "Failed to fetch"). */
export const BRIDGE_GONE_MESSAGE =
  'PEC Doctor non risponde: il programma «pec-doctor ui» è stato chiuso. Avvialo di nuovo (npx pec-doctor ui) e continua nella nuova scheda.';

function readSecret(): string | null {
  try {
    return window.sessionStorage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** One contract call over HTTP; a bridge that does not answer gives a sentence, not "Failed to fetch". */
async function callBridge(
  base: URL,
  headers: Record<string, string>,
  method: ApiMethod,
  args: unknown[],
  setState: (s: ConnectionState) => void,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(new URL(`api/${method}`, base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(args),
    });
  } catch {
    // The browser's own words ("Failed to fetch", "NetworkError…") mean nothing to a lawyer.
    setState('gone');
    throw new Error(BRIDGE_GONE_MESSAGE);
  }
  let body: { result?: unknown; error?: string } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // an answer without JSON: the status says enough
  }
  setState(res.status === 401 ? 'session' : 'ok');
  if (!res.ok) throw new Error(typeof body.error === 'string' ? body.error : `HTTP ${res.status}`);
  return body.result;
}

/** The event of one server-sent block ("data: …" lines), or null. */
function parseEventBlock(block: string): DiagnosisEvent | null {
  const data = block
    .split('\n')
    .filter((l) => l.startsWith('data: '))
    .map((l) => l.slice(6))
    .join('\n');
  if (!data) return null;
  try {
    return JSON.parse(data) as DiagnosisEvent;
  } catch {
    return null;
  }
}

/** Reads a server-sent event stream to its end, block by block. */
async function readBlocks(body: ReadableStream<Uint8Array>, onBlock: (block: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    pending += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = pending.indexOf('\n\n')) >= 0) {
      onBlock(pending.slice(0, end));
      pending = pending.slice(end + 2);
    }
  }
}

function webBridge(): BridgeApi {
  // The page is served at /app/ or /<token>/, so relative URLs land on the right prefix.
  const base = new URL('./', window.location.href);
  const secret = readSecret();
  const headers: Record<string, string> = secret ? { [SESSION_HEADER]: secret } : {};
  const listeners = new Set<(e: DiagnosisEvent) => void>();
  const watchers = new Set<(s: ConnectionState) => void>();
  let state: ConnectionState = 'ok';
  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const w of watchers) w(next);
  };
  const dispatch = (block: string) => {
    const event = parseEventBlock(block);
    if (event) for (const l of listeners) l(event);
  };

  // The event stream, read with fetch (EventSource cannot send a header). Reconnects while the
  // page lives; a stream that cannot be opened marks the bridge as gone.
  let stream: Promise<void> | null = null;
  let retry: number | null = null;
  const openStream = (): Promise<void> =>
    new Promise<void>((resolve) => {
      // Never block a run on the stream: after a short wait, go ahead anyway.
      window.setTimeout(resolve, 3000);
      void (async () => {
        try {
          const res = await fetch(new URL('api/events', base), { headers: { Accept: 'text/event-stream', ...headers } });
          if (res.status === 401) return setState('session');
          if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
          setState('ok');
          resolve();
          await readBlocks(res.body, dispatch);
          throw new Error('stream ended');
        } catch {
          setState('gone');
          if (retry === null) {
            retry = window.setTimeout(() => {
              retry = null;
              stream = openStream();
            }, 3000);
          }
        }
      })();
    });
  const connect = (): Promise<void> => (stream ??= openStream());

  const api = Object.fromEntries(
    API_METHODS.map((m) => [m, (...args: unknown[]) => callBridge(base, headers, m, args, setState)]),
  ) as unknown as BridgeApi;
  api.onDiagnosisEvent = (listener) => {
    listeners.add(listener);
    void connect();
    return () => listeners.delete(listener);
  };
  connections.set(api, {
    ready: connect,
    state: () => state,
    subscribe: (w) => {
      watchers.add(w);
      return () => watchers.delete(w);
    },
    check: async () => {
      await api.getAppInfo().catch(() => undefined);
      return state;
    },
  });
  return api;
}

export function getBridge(): BridgeApi {
  const exposed = (window as unknown as Record<string, BridgeApi | undefined>)[BRIDGE_GLOBAL];
  return exposed ?? webBridge();
}

/** Waits until the bridge delivers diagnosis events (immediate in Electron, where IPC is always on). */
export function eventsReady(api: BridgeApi): Promise<void> {
  const c = connections.get(api);
  return c ? c.ready() : Promise.resolve();
}

/** The web bridge's connection state, and its changes (always 'ok' in Electron). */
export function connectionOf(api: BridgeApi): Pick<Connection, 'state' | 'subscribe' | 'check'> {
  return connections.get(api) ?? ALWAYS_CONNECTED;
}

const ALWAYS_CONNECTED: Pick<Connection, 'state' | 'subscribe' | 'check'> = {
  state: () => 'ok',
  subscribe: () => () => undefined,
  check: () => Promise.resolve('ok'),
};

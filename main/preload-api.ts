// What the preload exposes on window.pecDoctor: the contract's methods as ipcRenderer.invoke
// calls, plus the diagnosis event subscription. Built from API_METHODS, so it can expose
// nothing more (no ipcRenderer, no Node) and nothing less.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { BridgeApi, DiagnosisEvent } from '../src/api';
import { API_METHODS, DIAGNOSIS_EVENT_CHANNEL, channelOf } from '../src/api';

export function createPreloadApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): BridgeApi {
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) {
    api[method] = async (...args: unknown[]) => {
      try {
        return await ipc.invoke(channelOf(method), ...args);
      } catch (err) {
        // Electron wraps every failure as "Error invoking remote method '<channel>': Error: …";
        // the person reading it gets only the main process's sentence.
        throw new Error(ipcErrorMessage(err));
      }
    };
  }
  api.onDiagnosisEvent = (listener: (event: DiagnosisEvent) => void) => {
    // The listener gets the event only, never Electron's IpcRendererEvent (it carries `sender`).
    const wrapped = (_e: IpcRendererEvent, event: DiagnosisEvent) => listener(event);
    ipc.on(DIAGNOSIS_EVENT_CHANNEL, wrapped);
    return () => {
      ipc.removeListener(DIAGNOSIS_EVENT_CHANNEL, wrapped);
    };
  };
  return Object.freeze(api) as unknown as BridgeApi;
}

/** The main process's message inside Electron's wrapping of a failed invoke. */
export function ipcErrorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, '');
}

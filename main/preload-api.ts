// What the preload exposes on window.pecDoctor: the contract's methods as ipcRenderer.invoke
// calls, plus the diagnosis event subscription. Built from API_METHODS, so it can expose
// nothing more (no ipcRenderer, no Node) and nothing less.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { BridgeApi, DiagnosisEvent } from '../src/api';
import { API_METHODS, DIAGNOSIS_EVENT_CHANNEL, channelOf } from '../src/api';

export function createPreloadApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): BridgeApi {
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) {
    api[method] = (...args: unknown[]) => ipc.invoke(channelOf(method), ...args);
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

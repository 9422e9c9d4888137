// IPC wiring derived from the contract: one `ipcMain.handle` per API method, on the channel
// src/api.ts names. Nothing else is handled, and only our own window's frames may call.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiMethod, PecDoctorApi } from '../src/api';
import { API_METHODS, channelOf } from '../src/api';

export type TrustedSender = (event: IpcMainInvokeEvent) => boolean;

export function registerApiHandlers(ipcMain: Pick<IpcMain, 'handle'>, api: PecDoctorApi, isTrusted: TrustedSender): ApiMethod[] {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), (event, ...args: unknown[]) => {
      if (!isTrusted(event)) throw new Error('IPC refused: untrusted sender');
      const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
      return fn(...args);
    });
  }
  return [...API_METHODS];
}

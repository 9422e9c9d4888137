// IPC wiring derived from the contract: one `ipcMain.handle` per API method, on the channel
// src/api.ts names. Nothing else is handled, only our own window's frames may call, and every
// call's arguments pass the contract's schema (src/api-validate.ts) before the core sees them.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiMethod, PecDoctorApi } from '../src/api';
import { API_METHODS, channelOf } from '../src/api';
import { isInternalError, publicErrorMessage, validateArgs } from '../src/api-validate';

export type TrustedSender = (event: IpcMainInvokeEvent) => boolean;

/** Where every failed call goes (the main process passes its log); `internal`: a bug, not a refusal or a write error. */
export type ErrorSink = (method: ApiMethod, err: unknown, internal: boolean) => void;

export function registerApiHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  api: PecDoctorApi,
  isTrusted: TrustedSender,
  onError: ErrorSink = (method, err, internal) => {
    if (internal) console.error(`${method}:`, err);
  },
): ApiMethod[] {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event, ...args: unknown[]) => {
      if (!isTrusted(event)) throw new Error('IPC refused: untrusted sender');
      const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
      try {
        return await fn(...(validateArgs(method, args) as unknown[]));
      } catch (err) {
        // The renderer shows the message: a clear sentence, never JavaScript's own text.
        onError(method, err, isInternalError(err));
        throw new Error(publicErrorMessage(method, err));
      }
    });
  }
  return [...API_METHODS];
}

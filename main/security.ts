// The window's security settings in one place, as data, so a unit test can read them
// (Electron's own checklist: contextIsolation, sandbox, no nodeIntegration, no webview, CSP,
// navigation and new windows blocked, every permission denied).
import type { WebPreferences } from 'electron';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CONTENT_SECURITY_POLICY } from '../src/csp';

export { CONTENT_SECURITY_POLICY };

export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    // Middle-click would open links in a new window outside our navigation rules.
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !process.env.PEC_DOCTOR_NO_DEVTOOLS,
  };
}

/** The only page our window may show: the bundled renderer. */
export function rendererIndexUrl(rendererDir: string): string {
  return pathToFileURL(path.join(rendererDir, 'index.html')).href;
}

/** True for URLs inside the bundled renderer folder (IPC senders, navigation targets). */
export function isAppUrl(url: string, rendererDir: string): boolean {
  const base = pathToFileURL(rendererDir + path.sep).href;
  try {
    const u = new URL(url);
    return u.protocol === 'file:' && u.href.startsWith(base) && !u.href.slice(base.length).includes('..');
  } catch {
    return false;
  }
}

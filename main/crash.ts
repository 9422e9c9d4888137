// What to do when the page's process dies: reload once; if it dies again soon after that reload
// (a crash at load would loop forever), stop and show a plain message instead. A crash long
// after the last reload is a new, separate incident and is reloaded again.
export const RELOAD_GRACE_MS = 5 * 60_000;

export interface CrashState {
  /** When the last automatic reload happened (ms since epoch), or null. */
  lastReloadAt: number | null;
}

export type CrashAction = 'ignore' | 'reload' | 'give-up';

export function afterRendererGone(state: CrashState, reason: string, now: number): { action: CrashAction; state: CrashState } {
  if (reason === 'clean-exit') return { action: 'ignore', state };
  if (state.lastReloadAt !== null && now - state.lastReloadAt < RELOAD_GRACE_MS) return { action: 'give-up', state };
  return { action: 'reload', state: { lastReloadAt: now } };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page shown after giving up: no script, no link, only words (and where the log is). */
export function crashPage(logFolder: string): string {
  const html = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>PEC Doctor</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1.5rem;color:#1b1b1b}h1{font-size:1.4rem}code{word-break:break-all}</style>
</head><body><main><h1>PEC Doctor si è interrotto</h1>
<p>La finestra si è chiusa in modo imprevisto due volte di seguito, quindi non viene riaperta di nuovo da sola.</p>
<p>Chiudi PEC Doctor e riaprilo. Se succede ancora, invia al tecnico il file di log di oggi, che si trova in questa cartella:</p>
<p><code>${escapeHtml(logFolder)}</code></p>
<p lang="en">PEC Doctor stopped unexpectedly twice. Close and reopen it; if it happens again, send the technician today's log file from the folder above.</p>
</main></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

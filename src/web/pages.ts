// The bridge's own small pages, read by a person rather than by the app: the landing page of the
// one-time login link, the page of a link already used (a hand-over file opened twice), and the
// printable report. Each comes with its own Content-Security-Policy naming the hash of its one
// inline style and script: nothing else runs.
import * as crypto from 'crypto';

export interface Page {
  html: string;
  csp: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const hash = (s: string): string => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const STYLE =
  'body{font-family:"Segoe UI","Helvetica Neue",Arial,sans-serif;font-size:17px;line-height:1.5;color:#1b1b1b;' +
  'max-width:40em;margin:3em auto;padding:0 1em}h1{font-size:1.5em}code{background:#f1f1f1;padding:.1em .3em;white-space:nowrap}' +
  '.en{color:#555;margin-top:2em;border-top:1px solid #ccc;padding-top:1em}';

/** The policy of a page with exactly this inline style and script (no script: none runs). */
export function policyFor(style: string, script?: string): string {
  return [
    "default-src 'none'",
    `style-src ${hash(style)}`,
    script === undefined ? "script-src 'none'" : `script-src ${hash(script)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function page(title: string, body: string, script?: string): Page {
  const html =
    `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main>${body}</main>${script === undefined ? '' : `<script>${script}</script>`}</body></html>`;
  return { html, csp: policyFor(STYLE, script) };
}

/** Where the app's session secret lives in the browser: per origin, so per port, never sent anywhere. */
export const SESSION_STORAGE_KEY = 'pec-doctor-session';

/**
 * The answer to a valid one-time code: the page keeps the session secret in sessionStorage
 * (bound to this origin, that is to this port) and moves on to the app.
 */
export function loginPage(secret: string, appPath: string): Page {
  const script =
    `try{sessionStorage.setItem(${JSON.stringify(SESSION_STORAGE_KEY)},${JSON.stringify(secret)})}catch(e){}` +
    `location.replace(${JSON.stringify(appPath)});`;
  return page(
    'PEC Doctor',
    `<h1>PEC Doctor</h1><p>Apertura di PEC Doctor…</p>` +
      `<noscript><p>Per usare PEC Doctor nel browser servono i JavaScript attivi. (JavaScript is needed.)</p></noscript>`,
    script,
  );
}

/** A hand-over file opened again, or after its code expired: plain words, no JSON. */
export function usedLinkPage(): Page {
  return page(
    'PEC Doctor: collegamento già usato',
    `<h1>Questo collegamento è già stato usato</h1>` +
      `<p>Per sicurezza, il collegamento che apre PEC Doctor nel browser funziona una sola volta (e solo per qualche minuto).</p>` +
      `<p>Se PEC Doctor è già aperto in un’altra scheda del browser, continua da quella e chiudi questa.</p>` +
      `<p>Altrimenti chiudi questa scheda e avvia di nuovo PEC Doctor: nel terminale scrivi <code>npx pec-doctor ui</code> e premi Invio. ` +
      `Si aprirà una nuova scheda.</p>` +
      `<div class="en" lang="en"><p><strong>This link was already used.</strong> The link that opens PEC Doctor works once, ` +
      `for a few minutes. If PEC Doctor is open in another tab, go on there; otherwise close this tab and run ` +
      `<code>npx pec-doctor ui</code> again.</p></div>`,
  );
}

// The printable report: the report's own page with a hint on top (never printed) and a script
// that opens the browser's print dialog, where "Salva come PDF" is one of the printers.
const PRINT_STYLE =
  '.pd-print-hint{font-family:"Segoe UI","Helvetica Neue",Arial,sans-serif;font-size:12pt;background:#fff7d6;' +
  'border:2px solid #8a6d00;border-radius:6px;padding:10px 14px;margin:0 0 12px}.pd-print-hint p{margin:.3em 0}' +
  '.pd-print-hint button{font:inherit;padding:6px 14px;margin-top:4px;cursor:pointer}@media print{.pd-print-hint{display:none}}';
const PRINT_SCRIPT =
  'document.getElementById("pd-print").addEventListener("click",function(){window.print()});' +
  'window.addEventListener("load",function(){setTimeout(function(){window.print()},300)});';

/**
 * Our HTML report made printable. `reportCsp` is the policy its own <meta> tag carries (the
 * report is self-contained and script-free): that tag is replaced by one allowing exactly our
 * hint's style and script, and the same policy goes in the header.
 */
export function printablePage(reportHtml: string, reportCsp: string): Page | null {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${reportCsp}">`;
  const bodyAt = reportHtml.indexOf('<body>');
  if (!reportHtml.includes(meta) || bodyAt < 0) return null;
  // The report's inline <style> stays allowed, as in the report itself.
  const csp = [
    "default-src 'none'",
    `style-src 'unsafe-inline'`,
    `script-src ${hash(PRINT_SCRIPT)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const hint =
    `<style>${PRINT_STYLE}</style><div class="pd-print-hint" role="note" lang="it">` +
    `<p><strong>Per salvare il PDF:</strong> nella finestra di stampa, come stampante (destinazione) scegli <strong>«Salva come PDF»</strong>, poi premi «Salva».</p>` +
    `<p lang="en">To save the PDF: in the print dialog choose “Save as PDF” as the printer (destination), then “Save”.</p>` +
    `<button type="button" id="pd-print">Apri la finestra di stampa (Print)</button></div>`;
  // Our report escapes `<` in everything it quotes: its first <body> and last </body> are its own.
  const at = bodyAt + '<body>'.length;
  const end = reportHtml.lastIndexOf('</body>');
  if (end < at) return null;
  const html = (
    reportHtml.slice(0, at) +
    hint +
    reportHtml.slice(at, end) +
    `<script>${PRINT_SCRIPT}</script>` +
    reportHtml.slice(end)
  ).replace(meta, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  return { html, csp };
}

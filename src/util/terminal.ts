// One sanitizer for everything that reaches a terminal. Strings from outside (a server's
// greeting sent before TLS, a saved report, a prefs.js, a profile name) may hold escape
// sequences that clear the screen, paint a fake green verdict, move the cursor back with a bare
// CR or retitle the window (ESC[2J, ESC]0;…BEL). Every such character is shown escaped instead
// (`\x1b`, `\r`, `\u202e`), so the text stays visible and inert; our own newlines and tabs stay.
// Two forms: text for humans, and JSON-safe (`\u001b`) for --json, which must stay valid JSON.
import { StringDecoder } from 'string_decoder';
import { Writable } from 'stream';

/**
 * Characters a terminal interprets: C0 controls, DEL, C1 controls (U+0080–U+009F, CSI is U+009B
 * on 8-bit terminals), and the Unicode bidi and line controls that reorder or break what is shown
 * (U+061C, U+200E/F, U+2028–U+202E, U+2066–U+2069: "Trojan Source", CVE-2021-42574); also the
 * invisible ones that make two names look equal (U+180E, U+200B–U+200D, U+2060–U+2064, U+FEFF),
 * the same set src/util/invisible.ts shows as <U+XXXX> in pages.
 */
// eslint-disable-next-line no-control-regex
const DANGEROUS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex
const DANGEROUS_INLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

const jsonEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text for a terminal: dangerous characters escaped, newlines and tabs kept. A CR is kept only
 * as part of CRLF (harmless); a bare CR would move the cursor back over what was printed.
 */
export function escapeForTerminal(s: string): string {
  return s.replace(/\r(?!\n)/g, '\\r').replace(DANGEROUS, (c) => (c === '\r' ? '\r' : escapeChar(c)));
}

/** One cell or one line of foreign text: newlines and tabs escaped too, so a value cannot fake a line. */
export function escapeInline(s: string): string {
  return s.replace(DANGEROUS_INLINE, escapeChar);
}

/**
 * JSON text (already produced by JSON.stringify) made safe for a terminal while staying valid
 * JSON: JSON.stringify leaves DEL, C1 and bidi controls raw; they only occur inside strings, where
 * `\uXXXX` means the same character. C0 never occurs raw (JSON.stringify escapes it); our own
 * newlines between tokens are kept.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(DANGEROUS, jsonEscape);
}

/** A JSON.stringify that is also terminal-safe. */
export function terminalSafeJson(value: unknown, space?: number): string {
  return escapeJsonForTerminal(JSON.stringify(value, null, space));
}

/**
 * A stream that writes everything, sanitized, to `target`: what the CLI hands to every command
 * as stdout/stderr, so no renderer can forget. `json` selects the JSON-safe form. Writes pass
 * through synchronously (order with the target's other writers is kept); a CR at the end of one
 * write is held until the next tells whether it starts a CRLF.
 */
export class TerminalSafeStream extends Writable {
  private readonly decoder = new StringDecoder('utf8');
  private pendingCr = false;

  constructor(
    private readonly target: NodeJS.WritableStream,
    private readonly mode: 'text' | 'json' = 'text',
  ) {
    super({ decodeStrings: false });
    // Pipes and terminals of the target remain the same: expose whether it is a TTY.
    (this as unknown as { isTTY?: boolean }).isTTY = (target as unknown as { isTTY?: boolean }).isTTY;
  }

  /** Sanitizes one piece of text (exposed for tests). */
  sanitize(text: string): string {
    if (this.mode === 'json') return escapeJsonForTerminal(text);
    let s = this.pendingCr ? `\r${text}` : text;
    this.pendingCr = s.endsWith('\r');
    if (this.pendingCr) s = s.slice(0, -1);
    return escapeForTerminal(s);
  }

  override _write(chunk: unknown, encoding: BufferEncoding | 'buffer', callback: (error?: Error | null) => void): void {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk as Buffer);
    const out = this.sanitize(text);
    if (out) this.target.write(out);
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    const rest = this.decoder.end() + (this.pendingCr ? '\r' : '');
    this.pendingCr = false;
    if (rest) this.target.write(this.mode === 'json' ? escapeJsonForTerminal(rest) : escapeForTerminal(rest));
    callback();
  }

  /** Writes out a CR still held back (called when the command ends). */
  flushPending(): void {
    if (this.pendingCr) {
      this.pendingCr = false;
      this.target.write('\\r');
    }
  }
}

// Invisible and reordering characters shown, not obeyed (issue #20.7). A report or a server
// certificate may carry a right-to-left override (U+202E) that makes "\u202eti.abura.cep.spami"
// display as imaps.pec.aruba.it, zero-width characters that make two names look equal, or line
// separators that fake a new line. Wherever such text is shown to a person (HTML/PDF report, UI,
// terminal), each of these characters becomes a visible `<U+202E>` instead: the text stays
// readable and says exactly what it holds. The terminal has its own escaping (terminal.ts), for
// escape sequences; this one is for pages and screens.

/**
 * The characters shown as `<U+XXXX>`:
 * - C0 controls except TAB and LF (CR only when it is not part of CRLF), DEL, C1 controls;
 * - bidi embeddings/overrides/isolates U+202A–U+202E, U+2066–U+2069, the marks U+200E/U+200F
 *   and U+061C (the "Trojan Source" set, CVE-2021-42574);
 * - zero-width U+200B–U+200D, U+2060–U+2064 (word joiner, invisible operators), U+FEFF, U+180E;
 * - the line and paragraph separators U+2028/U+2029 (a line break that is not a line feed).
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex
const INVISIBLE_INLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const visible = (c: string): string => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;

/**
 * Text with its invisible/reordering characters shown as `<U+XXXX>`. Line feeds and tabs are kept
 * (raw outputs in the technician's view have lines), and CR only inside CRLF.
 */
export function showInvisibles(s: string): string {
  return s.replace(INVISIBLE, visible);
}

/** The same for one value that must stay on one line (a name, an address): LF, CR and TAB shown too. */
export function showInvisiblesInline(s: string): string {
  return s.replace(INVISIBLE_INLINE, visible);
}

/** True when the text holds a character showInvisibles would change. */
export function hasInvisibles(s: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(s);
  INVISIBLE.lastIndex = 0;
  return found;
}

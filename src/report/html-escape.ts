// Escaping for the HTML report: every string that reaches the page goes through esc().
import type { Text } from '../util/text';
import { showInvisiblesInline } from '../util/invisible';

export function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/**
 * Italian text of a label or sentence, escaped. Sentences of findings and plans may quote the
 * evidence (a program's name, a server): its invisible and bidi characters are shown (<U+202E>).
 */
export const it = (t: Text | null | undefined): string => esc(showInvisiblesInline(t?.it ?? ''));

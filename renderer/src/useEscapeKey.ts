// Escape closes or cancels what is open, everywhere in the app (issue #21), innermost first:
// - a native <dialog> closes itself (the browser does it; nothing to add);
// - an open question (role="alertdialog" or "dialog") is answered by its control marked
//   `data-escape="cancel"` (the history's "Annulla" before a deletion);
// - the open fold (<details>) that holds the focus closes, and its summary takes the focus;
// - otherwise the screen's own "back" control, marked `data-escape="back"` (the technician view's
//   way back to the summary), is pressed.
// A component that handles Escape itself calls preventDefault, and this hook leaves it alone.
import { useEffect } from 'react';

type EscapeTarget = { kind: 'fold'; fold: HTMLDetailsElement } | { kind: 'back' | 'cancel'; control: HTMLElement };

export function escapeTarget(doc: Document): EscapeTarget | null {
  const cancel = doc.querySelector<HTMLElement>('[role="alertdialog"] [data-escape="cancel"], [role="dialog"] [data-escape="cancel"]');
  if (cancel) return { kind: 'cancel', control: cancel };
  const active = doc.activeElement;
  const fold = active?.closest('details[open]');
  if (fold instanceof HTMLDetailsElement) return { kind: 'fold', fold };
  const backs = [...doc.querySelectorAll<HTMLElement>('[data-escape="back"]')].filter((el) => el.offsetParent !== null);
  const control = backs[backs.length - 1];
  return control ? { kind: 'back', control } : null;
}

export function useEscapeKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing) return;
      if (document.querySelector('dialog[open]')) return;
      const target = escapeTarget(document);
      if (!target) return;
      e.preventDefault();
      if (target.kind === 'fold') {
        target.fold.open = false;
        target.fold.querySelector<HTMLElement>(':scope > summary')?.focus();
      } else {
        target.control.click();
        // A "back" control stays on screen and takes the focus; a dialog's "cancel" is gone with it.
        if (target.control.isConnected) target.control.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

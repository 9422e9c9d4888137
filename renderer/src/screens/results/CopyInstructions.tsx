// "Copia istruzioni per il tecnico": to the clipboard, or shown to copy by hand when the
// clipboard is not available.
import { useId, useState } from 'react';
import type { Report } from '../../../../src/api';
import { copyText } from '../../components/clipboard';
import { useI18n } from '../../i18n';
import { Icon } from '../../components/Icons';
import { buildInstructions } from './instructions';

export function CopyInstructions({ report }: { report: Report }) {
  const { m, lang } = useI18n();
  const id = useId();
  const [state, setState] = useState<{ status: 'idle' } | { status: 'copied' } | { status: 'manual'; text: string }>({ status: 'idle' });
  const copy = async () => {
    const text = buildInstructions(report, m, lang);
    setState((await copyText(text)) ? { status: 'copied' } : { status: 'manual', text });
  };
  return (
    <div className="copy">
      <button type="button" className="button button-secondary" onClick={() => void copy()}>
        <Icon name="copy" />
        {m.copyButton}
      </button>
      <div aria-live="polite" className="copy-status">
        {state.status === 'copied' && (
          <p className="notice notice-ok" data-testid="copy-done">
            <Icon name="ok" /> {m.copyDone}
          </p>
        )}
        {state.status === 'manual' && (
          <>
            <p className="notice notice-warn">{m.copyFallback}</p>
            <label htmlFor={`${id}-text`}>{m.copyFallbackLabel}</label>
            <textarea
              id={`${id}-text`}
              className="copy-text"
              readOnly
              value={state.text}
              rows={10}
              onFocus={(e) => e.currentTarget.select()}
            />
          </>
        )}
      </div>
    </div>
  );
}

// The PEC address field, with the provider recognised as the user types.
import type { RefObject } from 'react';
import type { BridgeApi } from '../../../../src/api';
import { useI18n } from '../../i18n';
import { Icon } from '../../components/Icons';
import { useAddressLookup } from './useAddressLookup';

interface Props {
  api: BridgeApi;
  id: string;
  value: string;
  onChange: (email: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  accountsFound: boolean;
}

export function EmailField({ api, id, value, onChange, inputRef, accountsFound }: Props) {
  const { m } = useI18n();
  const lookup = useAddressLookup(api, value);
  return (
    <div className="field">
      <label htmlFor={`${id}-email`}>{accountsFound ? m.emailLabelExtra : m.emailLabel}</label>
      <p className="hint" id={`${id}-email-hint`}>
        {m.emailHint}
      </p>
      <input
        ref={inputRef}
        id={`${id}-email`}
        type="email"
        inputMode="email"
        autoComplete="off"
        spellCheck={false}
        className="input-wide"
        value={value}
        aria-describedby={`${id}-email-hint ${id}-lookup`}
        aria-invalid={lookup.invalid || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-lookup`} className={`lookup lookup-${lookup.kind}`} role="status" aria-live="polite">
        {lookup.kind === 'ok' && <Icon name="ok" />}
        {lookup.kind === 'warn' && <Icon name="warning" />}
        <span data-testid="lookup">{lookup.text}</span>
      </p>
    </div>
  );
}

// The provider of a PEC address, recognised while the user types: debounced, and a late answer
// for an older text is dropped. Returns what the field's status line says.
import { useEffect, useState } from 'react';
import type { AddressLookup, BridgeApi } from '../../../../src/api';
import { useI18n } from '../../i18n';
import { looksLikeEmail } from './form';

type LookupState = { status: 'idle' } | { status: 'checking' } | { status: 'invalid' } | { status: 'done'; result: AddressLookup };

export interface LookupLine {
  text: string;
  kind: 'ok' | 'warn' | 'none';
  invalid: boolean;
}

export function useAddressLookup(api: BridgeApi, typed: string): LookupLine {
  const { m, tx } = useI18n();
  const [lookup, setLookup] = useState<LookupState>({ status: 'idle' });
  useEffect(() => {
    const email = typed.trim();
    if (!email) return setLookup({ status: 'idle' });
    if (!looksLikeEmail(email)) {
      const t = window.setTimeout(
        () => setLookup(email.includes('@') && email.split('@')[1].includes('.') ? { status: 'invalid' } : { status: 'idle' }),
        800,
      );
      return () => window.clearTimeout(t);
    }
    let live = true;
    const t = window.setTimeout(() => {
      setLookup({ status: 'checking' });
      api.lookupAddress(email).then(
        (result) => live && setLookup({ status: 'done', result }),
        () => live && setLookup({ status: 'idle' }),
      );
    }, 350);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [api, typed]);

  if (lookup.status === 'checking') return { text: m.lookupChecking, kind: 'none', invalid: false };
  if (lookup.status === 'invalid') return { text: m.lookupInvalid, kind: 'warn', invalid: true };
  if (lookup.status === 'done' && lookup.result.provider)
    return { text: m.lookupFound(lookup.result.provider.name), kind: 'ok', invalid: false };
  if (lookup.status === 'done') return { text: tx(lookup.result.message), kind: 'warn', invalid: false };
  return { text: '', kind: 'none', invalid: false };
}

// The typed registry fix (src/fix/registry-fix.ts) as the diagnosis shows it: the values of one
// machine's fix, and one line per value for the technician. Findings and plan steps quote these,
// so what a step says to set is exactly what the .reg file and the repair write.
import type { WindowsTls } from '../inventory/types';
import type { WindowsFamily } from './windows-family';
import type { FixValue } from '../fix/registry-fix';
import { FIX_KEYS, fixInputsOf, planRegistryFix } from '../fix/registry-fix';
import { formatDword } from '../util/dword';

/** The values this machine's fix changes (none when no fix is needed or possible). */
export function fixValues(fam: WindowsFamily, win: WindowsTls): FixValue[] {
  const fix = planRegistryFix(fam, fixInputsOf(win));
  return fix.status === 'needed' ? fix.values : [];
}

export const schannelFixValues = (fam: WindowsFamily, win: WindowsTls) =>
  fixValues(fam, win).filter((v) => v.key === 'schannelTls12Client');
export const winhttpFixValues = (fam: WindowsFamily, win: WindowsTls) => fixValues(fam, win).filter((v) => v.key !== 'schannelTls12Client');

/** "KEY: Name 0x… (n) → 0x… (n), Name …": the values of the fix as the technician reads them, one key once. */
export function fixValuesText(values: readonly FixValue[]): string {
  const keys = [...new Set(values.map((v) => v.key))];
  return keys
    .map((k) => {
      const list = values
        .filter((v) => v.key === k)
        .map((v) => {
          const was = v.before === undefined ? 'non letto / not read' : v.before === null ? 'assente / absent' : formatDword(v.before);
          return `${v.name} ${was} → ${formatDword(v.after)}`;
        });
      return `${FIX_KEYS[k]}: ${list.join(', ')}`;
    })
    .join('; ');
}

/** "Enabled = 1 (oggi vale 0), DisabledByDefault = 0": the SChannel values to set, in words. */
export function valuesToSet(values: readonly FixValue[], lang: 'it' | 'en'): string {
  return values
    .map((v) => {
      const today = typeof v.before === 'number' ? (lang === 'it' ? ` (oggi vale ${v.before})` : ` (${v.before} today)`) : '';
      return `${v.name} = ${v.after}${today}`;
    })
    .join(', ');
}

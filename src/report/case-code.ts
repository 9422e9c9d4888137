// A short case code a lawyer can read on the phone ("PEC-7KQ-4MZ"): derived from when the
// evidence was collected and the machine, so a re-evaluated report keeps the code of its run.
// Alphabet without look-alikes (no 0/O, 1/I/L) so it survives dictation.
import * as crypto from 'crypto';
import type { Report } from '../diagnosis/types';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function caseCodeOf(report: Pick<Report, 'createdAt' | 'inventory'>): string {
  const os = report.inventory?.os;
  const seed = JSON.stringify([report.createdAt, os ? [os.platform, os.name, os.version, os.build] : null]);
  const digest = crypto.createHash('sha256').update(seed).digest();
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[digest[i] % ALPHABET.length];
  return `PEC-${code.slice(0, 3)}-${code.slice(3)}`;
}

// The overall verdict and the order of the findings: the most serious first, then by area as
// the rules produce them (stable sort).
import type { Finding, Severity, Verdict } from './types';
import { SEVERITY_ORDER } from './types';
import { text } from '../util/text';

export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (s: Severity) => SEVERITY_ORDER.indexOf(s);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.severity) - rank(b.f.severity) || a.i - b.i)
    .map((x) => x.f);
}

export function decideVerdict(findings: readonly Finding[], checkedServers: number): Verdict {
  const sorted = sortFindings(findings);
  const errors = sorted.filter((f) => f.severity === 'error');
  const warnings = sorted.filter((f) => f.severity === 'warning');
  if (errors.length) {
    const first = errors[0].title;
    const more = errors.length - 1;
    return {
      status: 'error',
      title: text('', ''),
      notVerified: [],
      next: null,
      summary: text(
        `La PEC non può funzionare correttamente su questo computer: ${lower(first.it)}${more ? ` (e ${more} ${more === 1 ? 'altro problema' : 'altri problemi'})` : ''}. Qui sotto trovi come risolvere.`,
        `PEC cannot work properly on this computer: ${lower(first.en)}${more ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''}. How to fix it is below.`,
      ),
    };
  }
  if (warnings.length) {
    return {
      status: 'warning',
      title: text('', ''),
      notVerified: [],
      next: null,
      summary: text(
        `La PEC dovrebbe funzionare, ma c’è qualcosa da sistemare: ${lower(warnings[0].title.it)}${warnings.length > 1 ? ` (e altre ${warnings.length - 1} ${warnings.length - 1 === 1 ? 'cosa' : 'cose'})` : ''}.`,
        `PEC should work, but something needs attention: ${lower(warnings[0].title.en)}${warnings.length > 1 ? ` (and ${warnings.length - 1} more)` : ''}.`,
      ),
    };
  }
  if (checkedServers === 0) {
    return {
      status: 'ok',
      title: text('', ''),
      notVerified: [],
      next: null,
      summary: text(
        'Su questo computer non abbiamo trovato problemi per la PEC; i server del gestore non sono stati verificati: indica il tuo indirizzo PEC per un controllo completo.',
        'We found no PEC problem on this computer; the provider’s servers were not checked: enter your PEC address for a complete check.',
      ),
    };
  }
  return {
    status: 'ok',
    title: text('', ''),
    notVerified: [],
    next: null,
    summary: text(
      'Tutto a posto: questo computer e i server PEC controllati usano correttamente TLS 1.2.',
      'All good: this computer and the PEC servers checked use TLS 1.2 correctly.',
    ),
  };
}

const COMMON_FIRST_WORDS = new Set(['Il', 'La', 'Lo', 'Le', 'Gli', 'I', 'Un', 'Una', 'Uno', 'In', 'Non', 'Nota', 'Manca', 'The', 'Your', 'A', 'An', 'No', 'This', 'Server', 'Account', 'Note']);

/** Lower-cases the first letter so a title reads inside a sentence (names like "Outlook" stay). */
function lower(s: string): string {
  const first = /^[^\s’']+/.exec(s)?.[0] ?? '';
  const word = first.startsWith('L’') ? 'La' : first;
  return COMMON_FIRST_WORDS.has(word) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

// All rules, in report order within each severity. Every rule is a pure function of the
// evidence (RuleInput); a rule that throws becomes a `check-failed` finding, never a dead run.
import type { Finding, RuleInput } from '../types';
import type { DerivedFacts } from '../derived';
import { deriveFacts } from '../derived';
import { makeFinding } from './make';
import { antivirusRules, clockRules, osRules, windowsTlsRules } from './system';
import { browserRules, mailClientRules, runtimeRules, thunderbirdPrefRules } from './clients';
import { accountRules } from './accounts';
import { serverRules } from './servers';

/** A rule reads the evidence and the facts derived from it once per diagnosis (derived.ts). */
export type Rule = (input: RuleInput, facts: DerivedFacts) => Finding[];

export const RULES: readonly { name: string; rule: Rule }[] = [
  { name: 'os', rule: osRules },
  { name: 'windows-tls', rule: windowsTlsRules },
  { name: 'clock', rule: clockRules },
  { name: 'antivirus', rule: antivirusRules },
  { name: 'mail-clients', rule: mailClientRules },
  { name: 'thunderbird-prefs', rule: thunderbirdPrefRules },
  { name: 'browsers', rule: browserRules },
  { name: 'runtimes', rule: runtimeRules },
  { name: 'accounts', rule: accountRules },
  { name: 'servers', rule: serverRules },
];

export function checkFailedFinding(check: string, message: string): Finding {
  return makeFinding('check-failed', { check, message }, [{ check, message, technical: message }], { subject: check });
}

export function evaluateRules(
  input: RuleInput,
  rules: readonly { name: string; rule: Rule }[] = RULES,
  facts: DerivedFacts = deriveFacts(input),
): Finding[] {
  const out: Finding[] = [];
  for (const f of input.context.failures) out.push(checkFailedFinding(f.check, f.message));
  for (const { name, rule } of rules) {
    try {
      out.push(...rule(input, facts));
    } catch (err) {
      out.push(checkFailedFinding(`rule:${name}`, err instanceof Error ? err.message : String(err)));
    }
  }
  return out;
}

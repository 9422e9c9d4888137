// Fix plans (issue #11): from the findings and the machine's evidence, one plan per root cause,
// in the order to work through them. Pure. Each step's state comes from the evidence (KB3140245
// already installed → done; Enabled=0 → "set Enabled=1"; WinHTTP per registry view, and 32-bit
// Windows has no Wow6432Node view; one reboot, last). Findings fold under their plan
// (`Finding.plan`) and take its severity: a missing KB that is part of Outlook's block is an error.
// The stop-gap webmail comes from our provider catalogue by id, never from a file. The Windows
// plans are in plans-windows.ts; the facts (Windows family, providers, ...) come from derived.ts.
import type { Finding, FixPlan, PlanStep, RuleInput, Severity } from './types';
import { SEVERITY_ORDER } from './types';
import { fillText } from './catalogue';
import { CAUSES, EXPLANATIONS, PLAN_DEFINITIONS, PLAN_ORDER } from './plan-definitions';
import type { PlanId } from './plan-definitions';
import type { DerivedFacts } from './derived';
import { deriveFacts } from './derived';
import type { Draft } from './plan-steps';
import { step, stopGapOf } from './plan-steps';
import { noTls12Plan, reenablePlan, windows7Plan, xpPlan } from './plans-windows';

const worst = (list: Severity[]): Severity => SEVERITY_ORDER.find((s) => list.includes(s)) ?? 'info';

function networkPlan(input: RuleInput): Draft {
  return {
    cause: CAUSES['network-offline'],
    explanation: EXPLANATIONS['network-offline'],
    affects: (input.inventory?.clients ?? []).map((c) => c.id),
    steps: (['check-connection', 'check-proxy', 'check-firewall', 'run-again'] as const).map((id) => step(id, 'todo', {}, null)),
    stopGap: null,
  };
}

/** A Thunderbird below the providers' minimum: update it (to 52.9.1 ESR where nothing newer runs). */
function thunderbirdPlan(facts: DerivedFacts, folded: Finding[]): Draft {
  const legacy = facts.windows?.tls12.route === 'impossible';
  const params = { version: [...new Set(folded.map(versionOf))].join(', '), os: facts.windowsName ?? '' };
  return {
    cause: fillText(CAUSES['thunderbird-update'], params),
    explanation: fillText(EXPLANATIONS['thunderbird-update'], params),
    affects: ['thunderbird'],
    steps: [step('update-thunderbird', 'todo', params, null, legacy ? 'update-thunderbird-legacy' : undefined)],
    stopGap: stopGapOf(facts),
  };
}

/** The version a thunderbird-too-old finding names (its evidence's client). */
function versionOf(f: Finding): string {
  const ev = f.evidence[0] as { client?: { version?: string | null } } | undefined;
  return ev?.client?.version ?? '?';
}

function draftFor(id: PlanId, input: RuleInput, facts: DerivedFacts, folded: Finding[]): Draft | null {
  const fam = facts.windows;
  switch (id) {
    case 'network-offline':
      return facts.offline ? networkPlan(input) : null;
    case 'windows-xp':
      return fam?.release === 'xp' && !fam.server ? xpPlan(input, facts) : null;
    case 'windows-no-tls12':
      return fam?.tls12.route === 'impossible' && !(fam.release === 'xp' && !fam.server) ? noTls12Plan(input, facts) : null;
    case 'windows7-tls12':
      return windows7Plan(input, facts, folded);
    case 'windows-tls12-reenable':
      return reenablePlan(input, facts);
    case 'thunderbird-update':
      return thunderbirdPlan(facts, folded);
  }
}

/**
 * The plans for these findings, in order (network first, then by severity), and the findings
 * with `plan` set and their severity raised to the plan's. Findings no plan folds stay as they are.
 */
export function buildPlans(
  input: RuleInput,
  findings: readonly Finding[],
  facts: DerivedFacts = deriveFacts(input),
): { plans: FixPlan[]; findings: Finding[] } {
  const out = findings.map((f) => ({ ...f }));
  const plans: FixPlan[] = [];
  for (const id of PLAN_ORDER) {
    const def = PLAN_DEFINITIONS[id];
    const folded = out.filter((f) => !f.plan && (def.folds as readonly string[]).includes(f.id));
    if (folded.length === 0) continue;
    const draft = draftFor(id, input, facts, folded);
    if (!draft) continue;
    const severity = worst(folded.map((f) => f.severity));
    for (const f of folded) {
      f.plan = id;
      // A warning that is part of a blocking cause becomes an error; notes (info) stay notes.
      if (f.severity === 'warning' && severity === 'error') f.severity = severity;
    }
    plans.push({
      id,
      severity,
      ...draft,
      findings: folded.map((f) => (f.subject === undefined ? { id: f.id } : { id: f.id, subject: f.subject })),
    });
  }
  // The network comes first whatever its severity; the others by severity, keeping PLAN_ORDER.
  const rank = (p: FixPlan) => (p.id === 'network-offline' ? -1 : SEVERITY_ORDER.indexOf(p.severity));
  plans.sort((a, b) => rank(a) - rank(b));
  return { plans, findings: out };
}

/** The first step still to do (todo or unknown) of the first plan, for the verdict's "next". */
export function firstOpenStep(plans: readonly FixPlan[]): PlanStep | null {
  for (const p of plans) for (const s of p.steps) if (s.state !== 'done') return s;
  return null;
}

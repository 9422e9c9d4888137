// The small pieces every plan builder uses: a step from its texts (plan-definitions.ts) in a
// state, the reboot step (a terminal server warns that every session drops), the stop-gap
// webmail from our provider catalogue (never from a file).
import type { FixLink, FixPlan, PlanStep, PlanStepState, StopGap } from './types';
import type { Text } from '../util/text';
import { text } from '../util/text';
import { LINKS, fillText } from './catalogue';
import type { Params } from './catalogue';
import { STEPS } from './plan-definitions';
import type { StepId } from './plan-definitions';
import type { DerivedFacts } from './derived';

/** A plan without the fields buildPlans fills in (id, severity, findings). */
export type Draft = Omit<FixPlan, 'id' | 'severity' | 'findings'>;

/** One step: its texts by `override ?? id`, in the given state, with the fact it was derived from. */
export function step(id: StepId, state: PlanStepState, params: Params, evidence: Text | null, override?: StepId): PlanStep {
  const texts = STEPS[override ?? id] as { todo: Text; done?: Text; unknown?: Text; links: readonly string[] };
  const tx = (state === 'done' && texts.done) || (state === 'unknown' && texts.unknown) || texts.todo;
  return {
    id,
    state,
    text: fillText(tx, params),
    evidence,
    links: texts.links.map((k) => LINKS[k as keyof typeof LINKS] as FixLink),
  };
}

/** The one reboot, last: to do while any step is open; on a terminal server it warns that every user's session ends. */
export function rebootStep(steps: PlanStep[], client: Text | string, facts?: DerivedFacts): PlanStep {
  const open = steps.some((s) => s.state !== 'done');
  const terminal = facts?.windows?.terminalServer === true;
  return step('reboot', open ? 'todo' : 'done', { client }, null, terminal ? 'reboot-terminal-server' : undefined);
}

/** The provider webmail to use meanwhile, from our catalogue (first known provider with one). */
export function stopGapOf(facts: DerivedFacts): StopGap | null {
  if (facts.offline) return null;
  const p = facts.providers.find((x) => x.webmail);
  return p && p.webmail ? { providerId: p.id, providerName: p.name, url: p.webmail } : null;
}

export const names = (list: string[]): Text =>
  list.length ? text(list.join(' / '), list.join(' / ')) : text('il programma di posta', 'the mail program');

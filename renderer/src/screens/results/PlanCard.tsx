// One fix plan: the root cause, why, the steps in order (those already done shown as done, from
// the machine's evidence), the provider's webmail as a stop-gap (from our catalogue, through
// `plan.stopGap`, never from a file's lookups), and the findings that fold under it.
import { useId } from 'react';
import type { BridgeApi, Finding, FixPlan, PlanStep } from '../../../../src/api';
import { severityLabel, useI18n } from '../../i18n';
import type { Messages } from '../../i18n';
import { Icon, SeverityIcon } from '../../components/Icons';
import type { IconName } from '../../components/Icons';
import { OfficialLink } from '../../components/OfficialLink';
import { clientName } from '../../components/accountText';
import { findingSubject } from '../../types';
import { splitTechnical } from '../../components/plainWords';

export type StepState = PlanStep['state'];

export function stepStateText(m: Messages, s: StepState): string {
  return { done: m.planStepDone, todo: m.planStepTodo, unknown: m.planStepUnknown }[s] ?? m.planStepUnknown;
}
const STEP_ICON: Record<StepState, IconName> = { done: 'ok', todo: 'todo', unknown: 'question' };

/** The findings of the report that fold under this plan (by `finding.plan`, or named by the plan). */
export function foldedFindings(plan: FixPlan, findings: readonly Finding[]): Finding[] {
  const refs = Array.isArray(plan.findings) ? plan.findings : [];
  return findings.filter(
    (f) =>
      f.plan === plan.id ||
      refs.some((r) => r && r.id === f.id && (r.subject === undefined || r.subject === findingSubject(f) || r.subject === f.subject)),
  );
}

export function PlanCard({
  api,
  plan,
  findings,
  index,
  total,
}: {
  api: BridgeApi;
  plan: FixPlan;
  findings: Finding[];
  index: number;
  total: number;
}) {
  const { m, tx } = useI18n();
  const id = useId();
  const steps = Array.isArray(plan.steps) ? plan.steps : [];
  const done = steps.filter((s) => s.state === 'done').length;
  const affects = Array.isArray(plan.affects) ? plan.affects : [];
  const stopGap = plan.stopGap;
  return (
    <article
      className={`plan plan-${plan.severity}${plan.id.startsWith('network-') ? ' plan-network' : ''}`}
      aria-labelledby={`${id}-t`}
      data-testid="plan"
      data-plan-id={plan.id}
      data-severity={plan.severity}
    >
      <header className="plan-head">
        <span className={`badge badge-${plan.severity}`}>
          <SeverityIcon severity={plan.severity} />
          {severityLabel(m, plan.severity)}
        </span>
        {total > 1 && <span className="plan-order muted">{`${index + 1}/${total}`}</span>}
      </header>
      <h3 id={`${id}-t`} className="plan-title">
        <span className="visually-hidden">{m.planCause}: </span>
        {tx(plan.cause)}
      </h3>
      <p>{tx(plan.explanation)}</p>
      <p className="muted plan-affects">{affects.length ? m.planAffects(affects.map(clientName).join(', ')) : m.planAffectsNone}</p>
      {steps.length > 0 && (
        <>
          <h4 id={`${id}-s`}>
            {m.planStepsHeading}
            {done > 0 && <span className="plan-progress"> · {m.planProgress(done, steps.length)}</span>}
          </h4>
          <ol className="plan-steps" aria-labelledby={`${id}-s`}>
            {steps.map((s, i) => (
              <li key={s.id} className={`plan-step step-${s.state}`} data-testid="plan-step" data-step-id={s.id} data-state={s.state}>
                <Icon name={STEP_ICON[s.state] ?? 'question'} className="step-icon" />
                <div className="step-body">
                  <span className="step-state">
                    {i + 1}. {stepStateText(m, s.state)}:{' '}
                  </span>
                  <span className="step-text">{tx(s.text)}</span>
                  {(s.links ?? []).length > 0 && (
                    <span className="links step-links">
                      {s.links.map((l) => (
                        <OfficialLink key={l.url} api={api} url={l.url}>
                          {tx(l.label) || l.url}
                        </OfficialLink>
                      ))}
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      {stopGap && (
        <div className="stopgap" data-testid="webmail">
          <h4>{m.stopGapHeading}</h4>
          <p>{m.stopGapIntro(stopGap.providerName)}</p>
          <OfficialLink api={api} url={stopGap.url} className="button button-primary">
            {m.webmailButton(stopGap.providerName)}
          </OfficialLink>
        </div>
      )}
      {findings.length > 0 && (
        <details className="plan-findings">
          <summary>{m.planFolded(findings.length)}</summary>
          <ul>
            {findings.map((f, i) => (
              <li key={`${f.id}-${i}`} data-testid="folded-finding" data-finding-id={f.id}>
                <strong>{tx(f.title)}</strong> — {splitTechnical(tx(f.detail)).plain}
                <span className="finding-code"> ({f.id})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

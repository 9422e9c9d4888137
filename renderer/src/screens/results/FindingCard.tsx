// One finding as a card: what it means, why it matters, how to fix it, official links.
import { useId } from 'react';
import type { BridgeApi } from '../../../../src/api';
import { severityLabel, useI18n } from '../../i18n';
import type { Messages } from '../../i18n';
import { SeverityIcon } from '../../components/Icons';
import { OfficialLink } from '../../components/OfficialLink';
import type { Finding, Severity } from '../../types';
import { findingSubject } from '../../types';
import { splitTechnical, technicalEvidence } from '../../components/plainWords';

export function whyItMatters(m: Messages, s: Severity): string {
  return { error: m.whyError, warning: m.whyWarning, info: m.whyInfo, ok: m.whyOk }[s] ?? '';
}

export function FindingCard({ api, finding }: { api: BridgeApi; finding: Finding }) {
  const { m, tx } = useI18n();
  const id = useId();
  const steps = finding.fix?.steps ?? [];
  const links = finding.fix?.links ?? [];
  const detail = splitTechnical(tx(finding.detail));
  // Codes the core keeps in the evidence, plus any left in the sentence (reports of older versions).
  const technical = [...new Set([...technicalEvidence(finding.evidence), ...detail.technical])];
  return (
    <article
      className={`finding finding-${finding.severity}`}
      aria-labelledby={`${id}-t`}
      data-testid="finding"
      data-finding-id={finding.id}
      data-severity={finding.severity}
    >
      <header className="finding-head">
        <span className={`badge badge-${finding.severity}`}>
          <SeverityIcon severity={finding.severity} />
          {severityLabel(m, finding.severity)}
        </span>
        <h3 id={`${id}-t`} className="finding-title">
          {tx(finding.title)}
        </h3>
      </header>
      <h4>{m.findingMeaning}</h4>
      <p data-testid="finding-detail">{detail.plain}</p>
      <h4>{m.findingWhy}</h4>
      <p>{whyItMatters(m, finding.severity)}</p>
      {(steps.length > 0 || links.length > 0) && (
        <>
          <h4>{m.findingFix}</h4>
          {steps.length > 0 && (
            <ol className="steps">
              {steps.map((s, i) => (
                <li key={i}>{tx(s)}</li>
              ))}
            </ol>
          )}
          {links.length > 0 && (
            <p className="links">
              {links.map((l) => (
                <OfficialLink key={l.url} api={api} url={l.url}>
                  {tx(l.label) || l.url}
                </OfficialLink>
              ))}
            </p>
          )}
        </>
      )}
      {technical.length > 0 ? (
        <details className="finding-tech">
          <summary>{m.findingTechDetail}</summary>
          <p className="finding-code">
            {m.findingCode(finding.id)}
            {findingSubject(finding) && <> · {findingSubject(finding)}</>}
          </p>
          <ul>
            {technical.map((t, i) => (
              <li key={i}>
                <code className="break-any">{t}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="finding-code">
          {m.findingCode(finding.id)}
          {findingSubject(finding) && <> · {findingSubject(finding)}</>}
        </p>
      )}
    </article>
  );
}

// The plain-text summary "Copia istruzioni per il tecnico" puts on the clipboard: the verdict
// (with what was not verified and what to do next), the case code, the machine, the mail
// accounts and servers, then each fix plan with its steps (done / to do / to verify), links and
// stop-gap, and the findings that have no plan.
import type { Report, Text } from '../../../../src/api';
import type { Messages } from '../../i18n';
import { formatDate, severityLabel, verdictHeading } from '../../i18n';
import type { Lang } from '../../types';
import { findingSubject, sortFindings } from '../../types';
import { clientName, serverText } from '../../components/accountText';
import { foldedFindings, stepStateText } from './PlanCard';

export function buildInstructions(report: Report, m: Messages, lang: Lang): string {
  const tx = (t: Text | null | undefined) => (t ? (t[lang] ?? t.it ?? '') : '');
  const lines: string[] = [];
  lines.push(m.clipTitle, `${report.app?.name ?? 'PEC Doctor'} ${report.app?.version ?? ''} — ${formatDate(report.createdAt, lang)}`);
  if (report.caseCode) lines.push(`${m.clipCaseCode}: ${report.caseCode}`);
  lines.push('', `${verdictHeading(m, report.verdict, lang)} — ${tx(report.verdict?.summary)}`);
  for (const t of report.verdict?.notVerified ?? []) lines.push(`  ${m.clipNotVerified}: ${tx(t)}`);
  if (report.verdict?.next) lines.push(`  ${m.clipNext}: ${tx(report.verdict.next)}`);
  lines.push('');

  const os = report.inventory?.os;
  if (os) {
    // The marketing name often already holds the service pack: say each thing once.
    const name = os.name ?? '';
    const parts = [
      name,
      os.version,
      os.build && `build ${os.build}`,
      os.servicePack && !name.includes(os.servicePack) ? os.servicePack : null,
      os.arch,
    ];
    lines.push(`${m.clipComputer}: ${parts.filter(Boolean).join(' · ')}`);
  }
  const clients = report.inventory?.clients ?? [];
  if (clients.length)
    lines.push(`${m.clipClients}: ${clients.map((c) => [c.name, c.marketingName, c.version].filter(Boolean).join(' ')).join('; ')}`);
  const accounts = report.accounts?.accounts ?? [];
  if (accounts.length) {
    lines.push(`${m.clipAccounts}:`);
    for (const a of accounts) {
      lines.push(`  - ${clientName(a.client)} · ${a.email ?? a.profile}`);
      lines.push(`    ${m.incomingShort}: ${serverText(a.incoming, m)}`, `    ${m.outgoingShort}: ${serverText(a.outgoing, m)}`);
    }
  }
  if (report.endpoints?.length) {
    lines.push(`${m.clipServers}:`);
    for (const e of report.endpoints) {
      const versions = Object.entries(e.tls?.versions ?? {})
        .filter(([, ok]) => ok)
        .map(([v]) => v)
        .join(', ');
      lines.push(`  - ${e.url}: ${e.verdict}${versions ? ` (${versions})` : ''}`);
    }
  }

  const findings = sortFindings(report.findings ?? []);
  const plans = Array.isArray(report.plans) ? report.plans : [];
  const folded = new Set(plans.flatMap((p) => foldedFindings(p, findings)));
  if (plans.length) {
    lines.push('', `${m.clipPlans}:`);
    plans.forEach((p, i) => {
      lines.push('', `${i + 1}. [${severityLabel(m, p.severity)}] ${tx(p.cause)} (${p.id})`, `   ${tx(p.explanation)}`);
      (p.steps ?? []).forEach((s, j) => {
        lines.push(`   ${j + 1}) [${stepStateText(m, s.state)}] ${tx(s.text)}`);
        if (s.evidence) lines.push(`      (${tx(s.evidence)})`);
        for (const l of s.links ?? []) lines.push(`      - ${tx(l.label)}: ${l.url}`);
      });
      if (p.stopGap) lines.push(`   ${m.clipStopGap(p.stopGap.providerName, p.stopGap.url)}`);
      const mine = foldedFindings(p, findings);
      if (mine.length)
        lines.push(`   ${m.clipFolded}: ${mine.map((f) => `${f.id}${findingSubject(f) ? ` (${findingSubject(f)})` : ''}`).join(', ')}`);
    });
  }
  const problems = findings.filter((f) => f.severity !== 'ok' && !folded.has(f));
  if (problems.length) {
    lines.push('', `${plans.length ? m.clipOther : m.clipFindings}:`);
    problems.forEach((f, i) => {
      lines.push(
        '',
        `${i + 1}. [${severityLabel(m, f.severity)}] ${tx(f.title)} (${f.id}${findingSubject(f) ? `, ${findingSubject(f)}` : ''})`,
        `   ${tx(f.detail)}`,
      );
      const steps = f.fix?.steps ?? [];
      if (steps.length) {
        lines.push(`   ${m.clipSteps}:`);
        steps.forEach((s, j) => lines.push(`   ${j + 1}) ${tx(s)}`));
      }
      const links = f.fix?.links ?? [];
      if (links.length) {
        lines.push(`   ${m.clipLinks}:`);
        for (const l of links) lines.push(`   - ${tx(l.label)}: ${l.url}`);
      }
    });
  }
  return lines.join('\n') + '\n';
}

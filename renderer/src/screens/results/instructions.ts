// The plain-text summary "Copia istruzioni per il tecnico" puts on the clipboard: the verdict,
// the machine, the servers, then every problem with its fix steps and links.
import type { Report, Text } from '../../../../src/api';
import type { Messages } from '../../i18n';
import { formatDate, severityLabel, verdictTitle } from '../../i18n';
import type { Lang } from '../../types';
import { findingSubject, sortFindings } from '../../types';

export function buildInstructions(report: Report, m: Messages, lang: Lang): string {
  const tx = (t: Text | null | undefined) => (t ? (t[lang] ?? t.it ?? '') : '');
  const lines: string[] = [];
  lines.push(m.clipTitle, `${report.app?.name ?? 'PEC Doctor'} ${report.app?.version ?? ''} — ${formatDate(report.createdAt, lang)}`, '');
  lines.push(`${verdictTitle(m, report.verdict.status)} — ${tx(report.verdict.summary)}`);
  const os = report.inventory?.os;
  if (os) {
    // The marketing name often already holds the service pack: say each thing once.
    const name = os.name ?? '';
    const parts = [name, os.version, os.build && `build ${os.build}`, os.servicePack && !name.includes(os.servicePack) ? os.servicePack : null, os.arch];
    lines.push(`${m.clipComputer}: ${parts.filter(Boolean).join(' · ')}`);
  }
  const clients = report.inventory?.clients ?? [];
  if (clients.length) lines.push(`${m.clipClients}: ${clients.map((c) => [c.name, c.marketingName, c.version].filter(Boolean).join(' ')).join('; ')}`);
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
  const problems = sortFindings(report.findings ?? []).filter((f) => f.severity !== 'ok');
  if (problems.length) {
    lines.push('', `${m.clipFindings}:`);
    problems.forEach((f, i) => {
      lines.push('', `${i + 1}. [${severityLabel(m, f.severity)}] ${tx(f.title)} (${f.id}${findingSubject(f) ? `, ${findingSubject(f)}` : ''})`, `   ${tx(f.detail)}`);
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

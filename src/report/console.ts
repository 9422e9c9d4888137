// The report as plain text for the terminal, in Italian: the verdict sentence first, then each
// finding with its fix steps and links; successful checks last, one line each.
import type { Finding, Report, Severity } from '../diagnosis/types';

const LABEL: Record<Severity, string> = { error: 'PROBLEMA', warning: 'ATTENZIONE', info: 'NOTA', ok: 'OK' };
const STATUS: Record<Report['verdict']['status'], string> = { error: 'ESITO: ci sono problemi da risolvere', warning: 'ESITO: qualcosa da sistemare', ok: 'ESITO: tutto a posto', incomplete: 'ESITO: controllo incompleto', 'not-pec': 'ESITO: non è un indirizzo PEC', offline: 'ESITO: questo computer non raggiunge Internet' };

function findingLines(f: Finding, n: number): string[] {
  const lines = [`${n}. [${LABEL[f.severity]}] ${f.title.it}`, `   ${f.detail.it}`];
  if (f.fix.steps.length) {
    lines.push('   Come risolvere:');
    f.fix.steps.forEach((s, i) => lines.push(`     ${i + 1}) ${s.it}`));
  }
  for (const l of f.fix.links) lines.push(`   → ${l.label.it}: ${l.url}`);
  return lines;
}

export function renderConsole(report: Report, options: { findingsOnly?: boolean } = {}): string {
  const problems = report.findings.filter((f) => f.severity !== 'ok');
  const oks = report.findings.filter((f) => f.severity === 'ok');
  const out: string[] = [];
  if (!options.findingsOnly) out.push(`${report.app.name} ${report.app.version} — ${report.createdAt.slice(0, 16).replace('T', ' ')} UTC`, '');
  out.push(STATUS[report.verdict.status], report.verdict.summary.it, '');
  problems.forEach((f, i) => out.push(...findingLines(f, i + 1), ''));
  if (oks.length) {
    out.push('Controlli riusciti:');
    for (const f of oks) out.push(`  ✓ ${f.title.it}`);
    out.push('');
  }
  return out.join('\n');
}

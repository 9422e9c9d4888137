// The report as plain text for the terminal, in Italian: the verdict (heading, sentence, what was
// not verified, the one thing to do next), then the fix plans in order with their steps marked
// done / to do / to check, then the findings no plan folds (with their own steps), successful
// checks last, one line each. A finding that folds under a plan is named under it, never repeated
// with the plan's steps. (Escape sequences are neutralised by the CLI's terminal-safe streams.)
// With `technician`, the technician's detail follows: the technician model (technician/model.ts)
// drawn as text, the same rows and marks as the HTML report and the UI.
import type { Finding, FixPlan, PlanStep, Report, Severity } from '../diagnosis/types';
import { escapeInline } from '../util/terminal';
import { technicianModel } from './technician/model';
import type { TechBlock, TechFinding, TechRow, TechSection } from './technician/types';
import { TECH_LABELS } from './labels';

const LABEL: Record<Severity, string> = { error: 'PROBLEMA', warning: 'ATTENZIONE', info: 'NOTA', ok: 'OK' };
const STATUS: Record<Report['verdict']['status'], string> = {
  error: 'ESITO: ci sono problemi da risolvere',
  warning: 'ESITO: qualcosa da sistemare',
  ok: 'ESITO: tutto a posto (verificato)',
  incomplete: 'ESITO: controllo incompleto',
  'not-pec': 'ESITO: non è un indirizzo PEC',
  offline: 'ESITO: questo computer non raggiunge Internet',
};
const STEP_MARK: Record<PlanStep['state'], string> = { done: '[✓ fatto]     ', todo: '[ da fare ]   ', unknown: '[? verifica ] ' };

function findingLines(f: Finding, n: number): string[] {
  const lines = [`${n}. [${LABEL[f.severity]}] ${f.title.it}`, `   ${f.detail.it}`];
  if (f.fix.steps.length) {
    lines.push('   Come risolvere:');
    f.fix.steps.forEach((s, i) => lines.push(`     ${i + 1}) ${s.it}`));
  }
  for (const l of f.fix.links) lines.push(`   → ${l.label.it}: ${l.url}`);
  return lines;
}

function planLines(p: FixPlan, n: number, findings: readonly Finding[]): string[] {
  const lines = [`${n}. [${LABEL[p.severity]}] ${p.cause.it}`, `   ${p.explanation.it}`, '   Passi:'];
  for (const s of p.steps) {
    lines.push(`     ${STEP_MARK[s.state]}${s.text.it}`);
    if (s.evidence) lines.push(`                   (rilevato: ${s.evidence.it})`);
  }
  const links = new Map<string, string>();
  for (const s of p.steps) for (const l of s.links) links.set(l.url, l.label.it);
  for (const [url, label] of links) lines.push(`   → ${label}: ${url}`);
  if (p.stopGap) lines.push(`   Nel frattempo: usa la webmail di ${p.stopGap.providerName}: ${p.stopGap.url}`);
  const titles = p.findings.map((ref) => findings.find((f) => f.id === ref.id && f.subject === ref.subject)?.title.it ?? ref.id);
  if (titles.length) lines.push(`   Riguarda: ${[...new Set(titles)].join('; ')}`);
  return lines;
}

/** The mark after a row: what the HTML report highlights and the UI calls "decisivo". */
export const CONSOLE_MARK = { decisive: '  [DECISIVO]', partial: '  [IN PARTE]' } as const;

/** One row on one line: its cells separated by " | ", then its mark. */
const rowLine = (r: TechRow): string => `  ${r.cells.map((c) => c.text.it).join(' | ')}${r.mark ? CONSOLE_MARK[r.mark] : ''}`;

const findingLine = (f: TechFinding): string => `  [${LABEL[f.severity]}] ${f.title.it} (${f.id}${f.subject ? ` · ${f.subject}` : ''})`;

function blockLines(b: TechBlock): string[] {
  switch (b.kind) {
    case 'table': {
      const head = b.heading ? [`-- ${b.heading.text.it} --`] : [];
      if (!b.rows.length) return [...head, `  » ${TECH_LABELS.values.noData.it}`];
      return [...head, `  # ${b.head.map((h) => h.it).join(' | ')}`, ...b.rows.map(rowLine)];
    }
    case 'note':
      return [`  » ${b.text.it}${b.code ? ` · ${b.code}` : ''}`];
    case 'findings':
      return b.problems.length || b.passed.length ? [...b.problems, ...b.passed].map(findingLine) : [`  » ${TECH_LABELS.values.none.it}`];
    case 'endpoint':
      return [`── ${b.url}`, ...b.blocks.flatMap(blockLines)];
  }
}

const sectionLines = (s: TechSection): string[] => [
  ...(s.level ? [s.level === 2 ? `=== ${s.title.it.toUpperCase()} ===` : `== ${s.title.it} ==`] : []),
  ...s.blocks.flatMap(blockLines),
];

/** The technician's detail as text (Italian): summary, then every section of the model. */
export function renderTechnicianConsole(report: Report): string {
  const model = technicianModel(report);
  const out = [
    TECH_LABELS.sections.technician.it.toUpperCase(),
    `== ${TECH_LABELS.sections.summary.it} ==`,
    ...model.summary.map(rowLine),
    ...model.sections.flatMap(sectionLines),
  ];
  return out.map(escapeInline).join('\n');
}

export function renderConsole(report: Report, options: { findingsOnly?: boolean; technician?: boolean } = {}): string {
  const plans = Array.isArray(report.plans) ? report.plans : [];
  const loose = report.findings.filter((f) => f.severity !== 'ok' && !(f.plan && plans.some((p) => p.id === f.plan)));
  const oks = report.findings.filter((f) => f.severity === 'ok');
  const v = report.verdict;
  const out: string[] = [];
  if (!options.findingsOnly) {
    const code = report.caseCode ? ` — codice pratica ${report.caseCode}` : '';
    out.push(`${report.app.name} ${report.app.version} — ${report.createdAt.slice(0, 16).replace('T', ' ')} UTC${code}`, '');
  }
  // The verdict's own heading when it has one (it names the outcome); the state's label otherwise.
  out.push(v.title?.it ? `ESITO: ${v.title.it}` : (STATUS[v.status] ?? `ESITO: ${String(v.status)}`));
  out.push(v.summary.it);
  const notVerified = Array.isArray(v.notVerified) ? v.notVerified : [];
  if (notVerified.length) {
    out.push('Non verificato:');
    for (const t of notVerified) out.push(`  - ${t.it}`);
  }
  if (v.next) out.push(`Prossimo passo: ${v.next.it}`);
  out.push('');
  let n = 0;
  if (plans.length) {
    out.push(plans.length === 1 ? 'Cosa fare:' : 'Cosa fare, in quest’ordine:', '');
    for (const p of plans) out.push(...planLines(p, ++n, report.findings), '');
  }
  if (loose.length && plans.length) out.push('Altre segnalazioni:', '');
  for (const f of loose) out.push(...findingLines(f, ++n), '');
  if (oks.length) {
    out.push('Controlli riusciti:');
    for (const f of oks) out.push(`  ✓ ${f.title.it}`);
    out.push('');
  }
  // One element = one line: a newline inside a value from a saved report cannot fake a line of ours.
  const text = out.map(escapeInline).join('\n');
  return options.technician ? `${text}\n${renderTechnicianConsole(report)}\n` : text;
}

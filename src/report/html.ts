// The HTML report (issue #12): one self-contained page in Italian (inline CSS, no external
// resources, nothing executable) that prints on A4.
// - Page 1 is what the lawyer hands over (html-page1.ts).
// - Then, from a page break, the technician detail: the technician model (technician/model.ts)
//   drawn as Italian sections and tables; this file only draws it (rows, marks and values are the
//   model's).
// - The machine-readable report rides along in an inert <script type="application/json"> block
//   (never displayed, never executed: the page's CSP has no script source), so "Apri un
//   rapporto salvato" and `evaluate` read this very file back (read.ts).
// Everything sits in one <main> landmark (axe: landmark-one-main, region).
import type { Report } from '../diagnosis/types';
import { TECH_LABELS as L } from './labels';
import { EMBEDDED_CLOSE, EMBEDDED_OPEN, embeddableJson } from './read';
import { formatLocalDate } from './dates';
import { caseCodeOf } from './case-code';
import { CSS } from './html-css';
import { esc, it } from './html-escape';
import { summaryPage } from './html-page1';
import { technicianModel } from './technician/model';
import type { TechBlock, TechCell, TechFinding, TechFindings, TechRow, TechSection, TechTable } from './technician/types';

export { esc } from './html-escape';
export { withShortPaths } from './html-page1';

/** The page's own CSP: styles inline, nothing else (the JSON block is data, not a script). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

function cellHtml(c: TechCell): string {
  if (c.mono) return `<td class="mono">${esc(c.text.it)}</td>`;
  const body = c.lines ? c.lines.map((l) => esc(l.it)).join('<br>') : esc(c.text.it);
  return `<td${c.bad ? ' class="bad"' : ''}>${body}</td>`;
}

const rowHtml = (r: TechRow) =>
  `<tr${r.mark === 'decisive' ? ' class="decisive"' : r.mark === 'partial' ? ' class="partial"' : ''}>${r.cells.map(cellHtml).join('')}</tr>`;

/** A table; `widths` fixes the layout, for tables whose machine strings would squeeze their neighbours. */
function tableHtml(t: TechTable): string {
  const heading = !t.heading
    ? ''
    : t.heading.style === 'h3'
      ? `<h3>${it(t.heading.text)}</h3>\n`
      : `<p class="sub"><b>${it(t.heading.text)}</b></p>`;
  if (!t.rows.length) return `${heading}<p class="muted">${it(L.values.noData)}</p>`;
  const cols = t.widths ? `<colgroup>${t.widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : '';
  const head = t.head.map((h) => `<th>${it(h)}</th>`).join('');
  return `${heading}<table${t.widths ? ' class="fixed"' : ''}>${cols}<thead><tr>${head}</tr></thead><tbody>${t.rows.map(rowHtml).join('')}</tbody></table>`;
}

function linksHtml(links: TechFinding['links']): string {
  return links.length
    ? `<ul class="links">${links.map((l) => `<li><a href="${esc(l.url)}">${it(l.label)}</a> <span class="url">${esc(l.url)}</span></li>`).join('')}</ul>`
    : '';
}

function findingHtml(f: TechFinding): string {
  const steps = f.planCause
    ? `<p class="muted">Passi: vedi «${it(f.planCause)}» a pagina 1.</p>`
    : f.steps.length
      ? `<ol>${f.steps.map((s) => `<li>${it(s)}</li>`).join('')}</ol>`
      : '';
  return `<section class="finding">
<span class="badge sev-${esc(f.severity)}">${it(L.severity[f.severity])}</span><h3>${it(f.title)}</h3>
<p>${it(f.detail)}</p>${steps}${linksHtml(f.links)}
<p class="id">${esc(f.id)}${f.subject ? ` · ${esc(f.subject)}` : ''}</p>
</section>`;
}

function findingsHtml(b: TechFindings): string {
  const problems = b.problems.length ? b.problems.map(findingHtml).join('\n') : `<p>${it(L.values.none)}</p>`;
  const passed = b.passed.length
    ? `\n<p class="sub"><b>${it(L.sections.checksPassed)}</b></p><ul class="oks">${b.passed.map((x) => `<li>${it(x.title)}</li>`).join('')}</ul>`
    : '';
  return problems + passed;
}

function blockHtml(b: TechBlock): string {
  switch (b.kind) {
    case 'table':
      return tableHtml(b);
    case 'note':
      return `<p${b.muted ? ' class="muted"' : ''}>${it(b.text)}${b.code ? ` · <span class="mono">${esc(b.code)}</span>` : ''}</p>`;
    case 'findings':
      return findingsHtml(b);
    case 'endpoint':
      return `<div class="endpoint"><h3>${esc(b.url)}</h3>\n${b.blocks.map(blockHtml).join('\n')}\n</div>`;
  }
}

function sectionHtml(s: TechSection): string {
  const heading = s.level === 2 ? `<h2>${it(s.title)}</h2>\n` : s.level === 3 ? `<h3>${it(s.title)}</h3>\n` : '';
  return heading + s.blocks.map(blockHtml).join('\n');
}

function technicianHtml(report: Report): string {
  const model = technicianModel(report);
  return `<section class="tech">
<h2>${it(L.sections.technician)}</h2>
${model.sections.map(sectionHtml).join('\n')}
</section>`;
}

export function renderHtml(report: Report): string {
  const tz = report.inventory?.clock.timeZone;
  const when = formatLocalDate(report.createdAt, { timeZone: tz, showZone: true });
  const code = report.caseCode ?? caseCodeOf(report);
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="generator" content="PEC Doctor ${esc(report.app.version)}">
<title>PEC Doctor — rapporto del ${esc(when)} — ${esc(code)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${summaryPage(report, when, code)}
${technicianHtml(report)}
</main>
${EMBEDDED_OPEN}${embeddableJson(report)}${EMBEDDED_CLOSE}
</body>
</html>
`;
}

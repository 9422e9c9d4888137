// Page 1 of the HTML report: what the lawyer hands over. The verdict (title, summary, what was not
// verified, the next step), the fix plans with their steps done/to do and the webmail stop-gap,
// the findings no plan covers (by title), the machine in three lines, which office devices connect
// to each server while the page still has room, and the case code to read on the phone.
import type { Finding, FixPlan, Report } from '../diagnosis/types';
import type { EndpointResult } from '../probe/types';
import type { Text } from '../util/text';
import { TECH_LABELS as L } from './labels';
import { REDACTION_NOTE } from './redact';
import { esc, it } from './html-escape';
import { providerName } from './technician/model';
import { reachLine } from './technician/devices';
import { shown } from './technician/format';

const text2 = (itText: string, en: string): Text => ({ it: itText, en });

function verdictHtml(report: Report): string {
  const v = report.verdict;
  const notVerified = v.notVerified ?? [];
  return `<section class="verdict st-${esc(v.status)}" aria-label="${it(L.sections.verdict)}">
<h2>${it(v.title ?? L.verdict[v.status])}</h2>
<p>${it(v.summary)}</p>
${notVerified.length ? `<p><b>${it(L.values.notVerified)}:</b></p><ul>${notVerified.map((n) => `<li>${it(n)}</li>`).join('')}</ul>` : ''}
${v.next ? `<p class="next">${it(L.values.next)}: ${it(v.next)}</p>` : ''}
</section>`;
}

function linksHtml(links: { url: string; label: Text }[]): string {
  return links.length
    ? `<ul class="links">${links.map((l) => `<li><a href="${esc(l.url)}">${it(l.label)}</a> <span class="url">${esc(l.url)}</span></li>`).join('')}</ul>`
    : '';
}

// A registry path: a hive then backslash-separated keys; a key may hold spaces ("TLS 1.2",
// "Internet Settings") only when another key follows, so the sentence after the path is not taken in.
const REG_PATH_RE = /\b(HKEY_[A-Z_]+|HKLM|HKCU)((?:\\[^\\\s,;:()«»"]+(?: [^\\\s,;:()«»"]+){0,2}(?=\\))*\\[^\\\s,;:()«»"]+)/g;
const HIVES: Record<string, string> = { HKEY_LOCAL_MACHINE: 'HKLM', HKEY_CURRENT_USER: 'HKCU' };

/**
 * Page 1 speaks to the lawyer: a full registry path is jargon that also breaks the line, so it is
 * shortened to its hive and last two keys (in monospace, free to wrap); the whole path stays in the
 * technician detail (planEvidenceHtml) and in the .reg file.
 */
export function withShortPaths(sentence: string): string {
  let out = '';
  let last = 0;
  for (const m of sentence.matchAll(REG_PATH_RE)) {
    const keys = m[2].split('\\').filter(Boolean);
    const hive = HIVES[m[1]] ?? m[1];
    const short = keys.length > 2 ? `${hive}\\…\\${keys.slice(-2).join('\\')}` : `${hive}\\${keys.join('\\')}`;
    out += `${esc(sentence.slice(last, m.index))}<span class="regpath" title="${esc(m[0])}">${esc(short)}</span>`;
    last = (m.index ?? 0) + m[0].length;
  }
  return out + esc(sentence.slice(last));
}

function planHtml(p: FixPlan): string {
  const steps = p.steps
    .map(
      (s) =>
        `<li class="${esc(s.state)}"><span class="state">${it(L.planStep[s.state] ?? L.planStep.todo)}</span> — ${withShortPaths(s.text?.it ?? '')}${s.state === 'done' ? '' : linksHtml(s.links ?? [])}</li>`,
    )
    .join('');
  const gap = p.stopGap
    ? `<p class="stopgap"><b>${it(L.values.stopGap)}</b> ${it(L.values.stopGapText)} ${esc(p.stopGap.providerName)}: <a href="${esc(p.stopGap.url)}">${esc(p.stopGap.url)}</a></p>`
    : '';
  return `<section class="plan sev-${esc(p.severity)}">
<h3>${it(p.cause)}</h3>
<p>${it(p.explanation)}</p>
<ol class="steps">${steps}</ol>${gap}
</section>`;
}

/** The findings a plan does not already cover, shown on page 1 by title only. */
function unplanned(report: Report): Finding[] {
  const folded = new Set((report.plans ?? []).flatMap((p) => p.findings.map((f) => `${f.id}\u0000${f.subject ?? ''}`)));
  return report.findings.filter((f) => f.severity !== 'ok' && !f.plan && !folded.has(`${f.id}\u0000${f.subject ?? ''}`));
}

/** The machine in three lines: system, mail programs, accounts and servers. */
export function machineLines(report: Report): { label: Text; value: string }[] {
  const inv = report.inventory;
  const os = inv?.os;
  const system = os
    ? [
        os.name ?? os.platform,
        os.servicePack && !String(os.name ?? '').includes('Service Pack') ? `SP${String(os.servicePack).replace(/\.0$/, '')}` : null,
        os.arch === 'x86' ? '32 bit' : os.arch === 'x64' ? '64 bit' : os.arch,
        os.build && os.platform !== 'linux' ? `build ${os.build}` : os.platform === 'linux' ? null : os.version,
      ]
        .filter(Boolean)
        .join(' · ')
    : L.values.notRead.it;
  const programs = inv
    ? inv.clients.length
      ? inv.clients.map((c) => `${c.name}${c.marketingName ? ` ${c.marketingName}` : ''}${c.version ? ` (${c.version})` : ''}`).join(', ')
      : L.values.none.it
    : L.values.notRead.it;
  const accounts = report.accounts?.accounts ?? [];
  const providers = [...new Set(accounts.map((a) => providerName(a.provider)).filter(Boolean))];
  const accountText =
    report.accounts === null
      ? L.values.accountsNotSearched.it.replace(/\.$/, '')
      : `${accounts.length} account${providers.length ? ` (${providers.join(', ')})` : ''}`;
  const okServers = report.endpoints.filter((e) => e.verdict === 'ok').length;
  return [
    { label: L.fields.system, value: shown(system) },
    { label: L.sections.clients, value: shown(programs) },
    {
      label: L.sections.accounts,
      value: `${accountText} · ${L.sections.servers.it.toLowerCase()}: ${report.endpoints.length}${report.endpoints.length ? ` (${okServers} ok)` : ''}`,
    },
  ];
}

export function summaryPage(report: Report, when: string, code: string): string {
  const plans = report.plans ?? [];
  const others = unplanned(report);
  const listed = others.slice(0, 6);
  return `<header class="top">
<div><h1>PEC Doctor — rapporto di diagnosi</h1>
<p class="meta">${it(L.fields.created)} ${esc(when)} · ${esc(report.app.name)} ${esc(report.app.version)}${report.redacted ? ` · ${it(L.values.redacted)}` : ''}</p></div>
<div class="case" aria-label="${it(L.sections.caseCode)}"><span>${it(L.sections.caseCode)}</span><b>${esc(code)}</b><span>${it(L.values.readOnPhone)}</span></div>
</header>
${report.redacted ? `<p class="redaction"><b>${it(L.values.redactionTitle)}.</b> ${it(REDACTION_NOTE)}</p>` : ''}
${verdictHtml(report)}
${plans.length ? `<h2>${it(L.sections.plans)}</h2>\n${plans.map(planHtml).join('\n')}` : ''}
${
  listed.length
    ? `<h2>${it(plans.length ? text2('Altre segnalazioni', 'Other findings') : L.sections.findings)}</h2><ul class="others">${listed
        .map((f) => `<li><span class="badge sev-${esc(f.severity)}">${it(L.severity[f.severity])}</span>${it(f.title)}</li>`)
        .join(
          '',
        )}</ul>${others.length > listed.length ? `<p class="muted">… e altre ${others.length - listed.length} nei dettagli per il tecnico.</p>` : ''}`
    : ''
}
${!plans.length && !listed.length ? `<p>${it(report.verdict?.status === 'ok' ? L.values.noPlan : L.values.noPlanOpen)}</p>` : ''}
<h2>${it(L.sections.machine)}</h2>
<ul class="machine">${machineLines(report)
    .map((l) => `<li><b>${it(l.label)}</b> ${esc(l.value)}</li>`)
    .join('')}</ul>
${reachSummary(report)}`;
}

/** One short line per server for page 1: the devices that connect, those that do not. */
function reachLineHtml(e: EndpointResult, sameHost: boolean): string {
  const r = reachLine(e, sameHost);
  const parts: string[] = [];
  if (r.ok.length) parts.push(`${it(r.ok.length === 1 ? L.values.deviceOk : L.values.devicesOk)}: ${esc(r.ok.join(', '))}`);
  for (const d of r.onlyWithTls12)
    parts.push(`<span class="part">${esc(d)} ${it(L.values.deviceOnlyWithTls12).replace(/^si collega /, '')}</span>`);
  if (r.partial.length) parts.push(`<span class="part">${esc(r.partial.join(', '))} ${it(L.values.devicesPartial)}</span>`);
  if (r.fails.length)
    parts.push(
      `<span class="no">${it(r.fails.length === 1 ? L.values.deviceFails : L.values.devicesFail)}: ${esc(r.fails.join(', '))}</span>`,
    );
  if (r.unknown.length) parts.push(`${it(L.values.devicesUnknown)}: ${esc(r.unknown.join(', '))}`);
  return `<li><b>${esc(r.server)}</b> (${esc(r.direction.it.toLowerCase())}) — ${parts.join(' · ')}</li>`;
}

/**
 * Rough height of page 1 in lines of body text, so the device lines are added only while the
 * summary still fits on one A4 page (about 50 lines of 10.5 pt between the margins). Calibrated on
 * the Windows 7 + Outlook case printed by Chromium (html.test.ts checks the real PDF).
 */
export function page1Lines(report: Report): number {
  const len = (t: Text | null | undefined, perLine: number) => Math.ceil((t?.it.length ?? 0) / perLine);
  const v = report.verdict;
  let n = 6 + len(v.summary, 95) + (v.notVerified?.length ? 1 + v.notVerified.length : 0) + len(v.next, 90);
  for (const p of report.plans ?? []) {
    n += 2.5 + len(p.explanation, 100) + (p.stopGap ? 1.5 : 0);
    for (const s of p.steps) n += Math.max(1, len(s.text, 90)) + (s.state === 'done' ? 0 : (s.links?.length ?? 0) * 1.6);
  }
  const others = unplanned(report).length;
  if (others) n += 2.5 + Math.min(6, others) + (others > 6 ? 1 : 0);
  if (!(report.plans ?? []).length && !others) n += 1;
  n += 6; // the machine in three lines, with its heading
  if (report.redacted) n += Math.ceil(REDACTION_NOTE.it.length / 150) + 0.5;
  return n;
}

const PAGE1_LINES = 51;

function reachSummary(report: Report): string {
  const servers = report.endpoints.filter((e) => e.devices?.length);
  if (!servers.length) return '';
  // Heading ≈ 2.5 lines; each server line of 9 pt wraps to two when most devices are named.
  const room = Math.floor((PAGE1_LINES - page1Lines(report) - 2.5) / 2);
  if (room < 1) return '';
  const drawn = servers.slice(0, Math.min(room, 4));
  const more = servers.length - drawn.length;
  return `<h2>${it(L.sections.devicesShort)}</h2>
<ul class="reach">${drawn.map((e) => reachLineHtml(e, servers.filter((x) => x.host === e.host && x.protocol === e.protocol).length > 1)).join('')}${more ? `<li class="muted">… ${more} ${it(L.values.moreServers)}</li>` : ''}</ul>`;
}

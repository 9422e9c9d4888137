// The HTML report (issue #12): one self-contained page in Italian (inline CSS, no external
// resources, nothing executable) that prints on A4.
// - Page 1 is what the lawyer hands over: the verdict (title, summary, what was not verified,
//   the next step), the fix plans with their steps done/to do and the webmail stop-gap, the
//   machine in three lines, and the case code to read on the phone.
// - Then, from a page break, the technician detail in Italian sections, with the labels of the
//   one dictionary (labels.ts) the UI's technician view also uses; decisive rows highlighted.
// - The machine-readable report rides along in an inert <script type="application/json"> block
//   (never displayed, never executed: the page's CSP has no script source), so "Apri un
//   rapporto salvato" and `evaluate` read this very file back (read.ts).
import type { Finding, FixPlan, Report } from '../diagnosis/types';
import type { DeviceResult, EndpointResult, KeyExchange, Simulation } from '../probe/types';
import type { Inventory, SchannelProtocol } from '../inventory/types';
import type { Text } from '../util/text';
import { TECH_LABELS as L } from './labels';
import { EMBEDDED_CLOSE, EMBEDDED_OPEN, embeddableJson } from './read';
import { formatLocalDate } from './dates';
import { caseCodeOf } from './case-code';
import { providerById } from '../accounts/providers';
import { DEVICES, profileById } from '../probe/client-profiles';
import { simulationReason } from '../diagnosis/rules/servers';
import { REDACTION_NOTE } from './redact';

export function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** Italian text of a label, escaped. */
const it = (t: Text | null | undefined) => esc(t?.it ?? '');

/** The page's own CSP: styles inline, nothing else (the JSON block is data, not a script). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const CSS = `
@page { size: A4; margin: 14mm 14mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10pt; line-height: 1.36; color: #1b1b1b; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
@media print { body { padding: 0; max-width: none; } }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 12.5pt; margin: 5mm 0 2mm; border-bottom: 1px solid #888; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.top { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; }
.meta { color: #444; font-size: 9pt; margin: 1mm 0 0; }
.case { border: 1.5px solid #1b1b1b; border-radius: 2mm; padding: 1.5mm 3mm; text-align: center; white-space: nowrap; }
.case b { display: block; font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 15pt; letter-spacing: .06em; }
.case span { font-size: 8pt; color: #444; }
.verdict { border: 2px solid #666; border-radius: 3mm; padding: 2.5mm 4.5mm; margin: 3.5mm 0 2.5mm; break-inside: avoid; background: #f4f4f4; }
.verdict h2 { border: 0; margin: 0 0 1mm; padding: 0; font-size: 15pt; }
.verdict p { margin: 1mm 0; }
.verdict ul { margin: 1mm 0 0 5mm; padding: 0; }
.st-error, .st-offline { border-color: #b00020; background: #fdecee; }
.st-warning { border-color: #a15c00; background: #fff4e0; }
.st-ok { border-color: #1e7b34; background: #e9f6ec; }
.st-incomplete, .st-not-pec { border-color: #4a5568; background: #f1f3f6; }
.next { font-weight: bold; }
.plan { border-left: 4px solid #888; padding: .5mm 0 .5mm 4mm; margin: 0 0 3mm; break-inside: avoid; }
.plan.sev-error { border-color: #b00020; } .plan.sev-warning { border-color: #a15c00; } .plan.sev-info { border-color: #2a5db0; }
.plan h3 { margin: 0 0 1mm; }
.plan p { margin: 1mm 0; }
ol.steps { list-style: none; margin: 1mm 0; padding: 0; counter-reset: step; }
ol.steps li { margin: .8mm 0; padding-left: 7mm; position: relative; overflow-wrap: anywhere; }
ol.steps li::before { position: absolute; left: 0; font-weight: bold; }
ol.steps li.todo::before { content: "☐"; } ol.steps li.done::before { content: "☑"; color: #1e7b34; } ol.steps li.unknown::before { content: "?"; color: #a15c00; }
ol.steps li.done { color: #555; }
.state { font-size: 8pt; text-transform: uppercase; letter-spacing: .03em; color: #555; }
.stopgap { background: #eef4fc; border-radius: 1.5mm; padding: 1.5mm 3mm; margin: 1.5mm 0 0; }
.links { font-size: 8pt; line-height: 1.25; margin: .5mm 0 0; padding-left: 0; list-style: none; }
.links a { color: #0b4fa8; }
.url { word-break: break-all; color: #444; }
.others { margin: 1mm 0 0 5mm; padding: 0; }
.machine { margin: 0; padding: 0; list-style: none; }
.machine li { margin: .6mm 0; }
.machine b { display: inline-block; min-width: 40mm; }
.badge { display: inline-block; font-size: 8pt; font-weight: bold; text-transform: uppercase; letter-spacing: .03em; padding: .2mm 1.5mm; border-radius: 1mm; color: #fff; margin-right: 2mm; vertical-align: middle; background: #666; }
.badge.sev-error { background: #b00020; } .badge.sev-warning { background: #a15c00; } .badge.sev-info { background: #2a5db0; } .badge.sev-ok { background: #1e7b34; }
.finding { margin: 0 0 3mm; break-inside: avoid; }
.finding h3 { display: inline; font-size: 10.5pt; vertical-align: middle; }
.finding p, .finding li { margin: 1mm 0; overflow-wrap: anywhere; }
.finding ol { margin: 1mm 0 1mm 5mm; padding-left: 3mm; }
.id { color: #666; font-size: 8pt; font-family: Consolas, "DejaVu Sans Mono", monospace; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 8.5pt; break-inside: auto; }
tr { break-inside: avoid; }
th, td { border: 1px solid #bbb; padding: .8mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f0f0f0; }
table.fixed { table-layout: fixed; }
tr.decisive td { background: #fdecee; font-weight: bold; }
td.mono, .mono { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 8pt; }
td.mono { word-break: break-all; }
.tech { break-before: page; }
.endpoint { margin-bottom: 4mm; }
.muted { color: #666; }
.oks { columns: 2; font-size: 9pt; margin: 0; padding-left: 4mm; }
.sub { break-after: avoid; margin: 2.5mm 0 1mm; }
.redaction { font-size: 8pt; line-height: 1.3; color: #333; border: 1px dashed #888; border-radius: 1.5mm; padding: 1mm 2.5mm; margin: 2mm 0 0; }
.regpath { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 8.5pt; overflow-wrap: anywhere; white-space: normal; }
.reach { margin: 0; padding: 0; list-style: none; font-size: 9pt; }
.reach li { margin: .5mm 0; overflow-wrap: anywhere; }
.reach .no { color: #b00020; font-weight: bold; } .reach .part { color: #8a4d00; font-weight: bold; }
tr.partial td { background: #fff4e0; }
td.bad { color: #b00020; font-weight: bold; background: #fdecee; }
`;

function cell(c: unknown, header: boolean): string {
  const tag = header ? 'th' : 'td';
  if (c && typeof c === 'object' && 'mono' in (c as Record<string, unknown>))
    return `<${tag} class="mono">${esc((c as { mono: unknown }).mono)}</${tag}>`;
  // A cell already made of escaped parts (several lines), optionally marked as the failing value.
  if (c && typeof c === 'object' && 'html' in (c as Record<string, unknown>)) {
    const h = c as { html: string; bad?: boolean };
    return `<${tag}${h.bad ? ' class="bad"' : ''}>${h.html}</${tag}>`;
  }
  return `<${tag}>${esc(c)}</${tag}>`;
}

interface Row {
  cells: unknown[];
  decisive?: boolean;
  /** A softer highlight: only some of the clients behind the row fail. */
  partial?: boolean;
}

/**
 * A table; `widths` (percent per column) fixes the layout, for tables whose machine strings
 * (registry paths, cipher lists) would otherwise squeeze their neighbours to a letter per line.
 */
function table(headers: Text[], rows: (unknown[] | Row)[], widths?: number[]): string {
  if (!rows.length) return `<p class="muted">${it(L.values.noData)}</p>`;
  const body = rows
    .map((r) => (Array.isArray(r) ? { cells: r } : r))
    .map(
      (r: Row) =>
        `<tr${r.decisive ? ' class="decisive"' : r.partial ? ' class="partial"' : ''}>${r.cells.map((c) => cell(c, false)).join('')}</tr>`,
    )
    .join('');
  const cols = widths ? `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : '';
  return `<table${widths ? ' class="fixed"' : ''}>${cols}<thead><tr>${headers.map((h) => cell(h.it, true)).join('')}</tr></thead><tbody>${body}</tbody></table>`;
}

const mono = (v: unknown) => ({ mono: v });
const yesNo = (v: boolean | null | undefined) => (v === true ? L.values.yes.it : v === false ? L.values.no.it : L.values.unknown.it);
const orAbsent = (v: number | null | undefined) => (v === null || v === undefined ? L.values.absent.it : String(v));
function hex(v: number | null | undefined): string {
  return v === null || v === undefined ? L.values.absent.it : `0x${v.toString(16).toUpperCase()} (${v})`;
}

// ---------------------------------------------------------------------------------------------
// Page 1: the summary.

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
    { label: L.fields.system, value: system },
    { label: L.sections.clients, value: programs },
    {
      label: L.sections.accounts,
      value: `${accountText} · ${L.sections.servers.it.toLowerCase()}: ${report.endpoints.length}${report.endpoints.length ? ` (${okServers} ok)` : ''}`,
    },
  ];
}

function summaryPage(report: Report, when: string, code: string): string {
  const plans = report.plans ?? [];
  const others = unplanned(report);
  const shown = others.slice(0, 6);
  return `<header class="top">
<div><h1>PEC Doctor — rapporto di diagnosi</h1>
<p class="meta">${it(L.fields.created)} ${esc(when)} · ${esc(report.app.name)} ${esc(report.app.version)}${report.redacted ? ` · ${it(L.values.redacted)}` : ''}</p></div>
<div class="case" aria-label="${it(L.sections.caseCode)}"><span>${it(L.sections.caseCode)}</span><b>${esc(code)}</b><span>${it(L.values.readOnPhone)}</span></div>
</header>
${report.redacted ? `<p class="redaction"><b>${it(L.values.redactionTitle)}.</b> ${it(REDACTION_NOTE)}</p>` : ''}
${verdictHtml(report)}
${plans.length ? `<h2>${it(L.sections.plans)}</h2>\n${plans.map(planHtml).join('\n')}` : ''}
${
  shown.length
    ? `<h2>${it(plans.length ? text2('Altre segnalazioni', 'Other findings') : L.sections.findings)}</h2><ul class="others">${shown
        .map((f) => `<li><span class="badge sev-${esc(f.severity)}">${it(L.severity[f.severity])}</span>${it(f.title)}</li>`)
        .join(
          '',
        )}</ul>${others.length > shown.length ? `<p class="muted">… e altre ${others.length - shown.length} nei dettagli per il tecnico.</p>` : ''}`
    : ''
}
${!plans.length && !shown.length ? `<p>${it(L.values.noPlan)}</p>` : ''}
<h2>${it(L.sections.machine)}</h2>
<ul class="machine">${machineLines(report)
    .map((l) => `<li><b>${it(l.label)}</b> ${esc(l.value)}</li>`)
    .join('')}</ul>
${reachSummary(report)}`;
}

// ---------------------------------------------------------------------------------------------
// Which office devices connect (EndpointResult.devices, issue #14).

/** The device's name from our own table (the file is data); an id we do not know stays as the file says. */
const deviceLabel = (d: DeviceResult) => DEVICES.find((x) => x.id === d.device)?.label.it ?? String(d.label?.it ?? d.device);
const deviceShort = (d: DeviceResult) => L.deviceShort[d.device]?.it ?? deviceLabel(d);
/** A simulated client's name from our own profile table; the file's name only for a profile we do not know. */
const clientName = (id: string, fromFile?: string) => profileById(id)?.name ?? (fromFile || id);

/** Windows 7 as shipped fails and the same SChannel with TLS 1.2 turned on connects: the fix the plan gives. */
function onlyWithTls12(d: DeviceResult): boolean {
  const by = (id: string) => d.clients.find((c) => c.client === id);
  return d.device === 'windows7' && by('windows7-default')?.ok === false && by('windows7-tls12')?.ok === true;
}

/** "si collega", "non si collega: <why>", "si collega solo con TLS 1.2 attivo", in plain Italian. */
export function deviceSentence(d: DeviceResult): string {
  const failing = d.clients.filter((c) => !c.ok);
  const why = [...new Set(failing.map((c) => simulationReason(c.reason).it))].join('; ');
  switch (d.status) {
    case 'ok':
      return L.values.deviceOk.it;
    case 'fails':
      return why ? `${L.values.deviceFails.it}: ${why}` : L.values.deviceFails.it;
    case 'partial':
      if (onlyWithTls12(d)) return L.values.deviceOnlyWithTls12.it;
      return `${L.values.deviceOnlyWith.it} ${d.clients
        .filter((c) => c.ok)
        .map((c) => clientName(c.client))
        .join(', ')}; ${failing.map((c) => `${clientName(c.client)}: ${simulationReason(c.reason).it}`).join('; ')}`;
    default:
      return L.values.deviceUnknown.it;
  }
}

/** "Windows 8.1", "Windows 10" → "Windows 8.1, 10": the page-1 line stays short. */
function joinWindows(names: string[]): string[] {
  const win = names.filter((n) => n.startsWith('Windows '));
  if (win.length < 2) return names;
  const rest = names.filter((n) => !n.startsWith('Windows '));
  return [`Windows ${win.map((n) => n.slice('Windows '.length)).join(', ')}`, ...rest];
}

/** One short line per server for page 1: the devices that connect, those that do not. */
function reachLine(e: EndpointResult, sameHost: boolean): string {
  const ds = e.devices ?? [];
  const names = (status: DeviceResult['status']) => ds.filter((d) => d.status === status && !onlyWithTls12(d)).map(deviceShort);
  const ok = joinWindows(names('ok'));
  const fails = joinWindows(names('fails'));
  const partial = joinWindows(names('partial'));
  const unknown = joinWindows(names('unknown'));
  const parts: string[] = [];
  if (ok.length) parts.push(`${it(ok.length === 1 ? L.values.deviceOk : L.values.devicesOk)}: ${esc(ok.join(', '))}`);
  for (const d of ds.filter(onlyWithTls12))
    parts.push(`<span class="part">${esc(deviceShort(d))} ${it(L.values.deviceOnlyWithTls12).replace(/^si collega /, '')}</span>`);
  if (partial.length) parts.push(`<span class="part">${esc(partial.join(', '))} ${it(L.values.devicesPartial)}</span>`);
  if (fails.length)
    parts.push(`<span class="no">${it(fails.length === 1 ? L.values.deviceFails : L.values.devicesFail)}: ${esc(fails.join(', '))}</span>`);
  if (unknown.length) parts.push(`${it(L.values.devicesUnknown)}: ${esc(unknown.join(', '))}`);
  const direction = e.protocol === 'smtp' ? L.fields.outgoing : L.fields.incoming;
  return `<li><b>${esc(sameHost ? `${e.host}:${e.port}` : e.host)}</b> (${esc(direction.it.toLowerCase())}) — ${parts.join(' · ')}</li>`;
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
  const shown = servers.slice(0, Math.min(room, 4));
  const more = servers.length - shown.length;
  return `<h2>${it(L.sections.devicesShort)}</h2>
<ul class="reach">${shown.map((e) => reachLine(e, servers.filter((x) => x.host === e.host && x.protocol === e.protocol).length > 1)).join('')}${more ? `<li class="muted">… ${more} ${it(L.values.moreServers)}</li>` : ''}</ul>`;
}

function kxText(k: KeyExchange | undefined): string {
  if (!k) return '';
  if (k.kind === 'dh')
    return `DH ${k.bits ?? L.values.keyNotRead.it}${k.bits ? ` ${L.values.bits.it}` : ''}${k.group ? ` (${k.group})` : ''}`;
  return `${k.group ?? 'ECDH'}${k.bits ? ` (${k.bits} ${L.values.bits.it})` : ''}`;
}

/** The simulation failed because of the server's ephemeral key (DH size, or a curve the client lacks). */
const kxRefused = (s: Simulation) =>
  !s.ok && !!s.keyExchange && (s.reason === 'dh-too-large' || s.reason === 'dh-too-small' || s.reason === 'no-common-curve');

function devicesHtml(e: EndpointResult): string {
  const ds = e.devices ?? [];
  if (!ds.length) return '';
  const f = L.fields;
  const rows: Row[] = ds.map((d) => {
    const detail = d.clients
      .map((c) => {
        const sim = e.simulations.find((s) => s.client === c.client);
        // The plain reason is in the middle column; here the technical one when the probe gave it.
        const why = c.ok ? '' : `: ${sim?.detail ?? simulationReason(c.reason).it}`;
        return `${c.ok ? '✓' : '✗'} ${esc(clientName(c.client))}${esc(why)}`;
      })
      .join('<br>');
    return {
      cells: [deviceLabel(d), deviceSentence(d), { html: detail }],
      decisive: d.status === 'fails',
      partial: d.status === 'partial',
    };
  });
  return `<p class="sub"><b>${it(L.sections.devices)}</b></p>${table([f.device, f.connects, f.detail], rows, [24, 30, 46])}`;
}

function keyExchangeHtml(e: EndpointResult): string {
  const k = e.keyExchange;
  const refused = e.simulations.filter(kxRefused);
  if (!k && !refused.length) return '';
  const f = L.fields;
  const dhBad = refused.some((s) => s.keyExchange?.kind === 'dh');
  const curveBad = refused.some((s) => s.keyExchange?.kind === 'ecdh');
  const rows: Row[] = [
    { cells: [f.dhBits.it, { html: esc(k?.dhBits ? `${k.dhBits} ${L.values.bits.it}` : L.values.noDhe.it), bad: dhBad }], decisive: dhBad },
    {
      cells: [f.curves.it, { html: esc(k?.curves.length ? k.curves.join(', ') : L.values.noCurves.it), bad: curveBad }],
      decisive: curveBad,
    },
    ...(refused.length
      ? [
          {
            cells: [
              f.keyExchangeRefused.it,
              {
                html: refused
                  .map((s) => `${esc(clientName(s.client, s.name))}: ${esc(s.detail ?? simulationReason(s.reason).it)}`)
                  .join('<br>'),
              },
            ],
            decisive: true,
          },
        ]
      : []),
  ];
  return `<p class="sub"><b>${it(L.sections.keyExchange)}</b></p>${table([f.item, f.value], rows, [30, 70])}`;
}

/** Provider names from our own catalogue (the file is data: an id we do not know stays an id). */
const providerName = (id: string | null | undefined) => (id ? (providerById(id)?.name ?? id) : '');

const text2 = (itText: string, en: string): Text => ({ it: itText, en });

// ---------------------------------------------------------------------------------------------
// The technician detail.

function findingHtml(f: Finding, plans: FixPlan[]): string {
  const plan = f.plan ? plans.find((p) => p.id === f.plan) : undefined;
  const steps = plan
    ? `<p class="muted">Passi: vedi «${it(plan.cause)}» a pagina 1.</p>`
    : f.fix.steps.length
      ? `<ol>${f.fix.steps.map((s) => `<li>${it(s)}</li>`).join('')}</ol>`
      : '';
  return `<section class="finding">
<span class="badge sev-${esc(f.severity)}">${it(L.severity[f.severity])}</span><h3>${it(f.title)}</h3>
<p>${it(f.detail)}</p>${steps}${plan ? '' : linksHtml(f.fix.links)}
<p class="id">${esc(f.id)}${f.subject ? ` · ${esc(f.subject)}` : ''}</p>
</section>`;
}

function schannelRow(name: string, p: SchannelProtocol): Row {
  const state =
    p.effective === 'enabled'
      ? L.values.enabledState.it
      : p.effective === 'disabled'
        ? L.values.disabledState.it
        : L.values.unknownState.it;
  const by = p.decidedBy === 'registry' ? L.values.byRegistry.it : p.decidedBy === 'os-default' ? L.values.byOsDefault.it : '';
  // TLS 1.2 off is the row that decides the case (and Enabled=0 set by someone).
  const decisive = (name === 'TLS 1.2' && p.effective !== 'enabled') || p.enabled === 0;
  return { cells: [name, orAbsent(p.enabled), orAbsent(p.disabledByDefault), state, by], decisive };
}

function inventoryHtml(inv: Inventory | null, tz: string | null | undefined): string {
  if (!inv) return `<p class="muted">${it(L.values.inventoryMissing)}</p>`;
  const os = inv.os;
  const f = L.fields;
  const parts = [
    `<h3>${it(L.sections.os)}</h3>`,
    table(
      [f.item, f.value],
      [
        [f.name.it, os.name ?? L.values.notRead.it],
        [f.version.it, os.version],
        [f.build.it, os.build],
        ...(os.servicePack ? [[f.servicePack.it, os.servicePack]] : []),
        ...(os.edition ? [[f.edition.it, os.edition]] : []),
        ...(os.displayVersion ? [[f.displayVersion.it, os.displayVersion]] : []),
        [f.arch.it, os.arch === 'x86' ? 'x86 (32 bit)' : os.arch === 'x64' ? 'x64 (64 bit)' : os.arch],
        ...(os.kernel ? [[f.kernel.it, os.kernel]] : []),
        ...(inv.collectedFrom && inv.collectedFrom !== 'machine' ? [[f.collectedFrom.it, mono(inv.collectedFrom)]] : []),
      ],
    ),
  ];
  if (inv.windows) {
    const w = inv.windows;
    const is32 = os.arch === 'x86';
    parts.push(
      `<h3>${it(L.sections.schannel)}</h3>`,
      table(
        [f.protocol, f.enabled, f.disabledByDefault, f.effective, f.decidedBy],
        Object.entries(w.schannel).map(([k, p]) => schannelRow(k, p)),
      ),
      `<h3>${it(L.sections.registry)}</h3>`,
      table(
        [f.item, f.value],
        [
          ...(is32
            ? [
                {
                  cells: [f.winhttpNative.it, mono(hex(w.winhttp.defaultSecureProtocols64))],
                  decisive: !((w.winhttp.defaultSecureProtocols64 ?? 0) & 0x800) && w.kb3140245 !== null,
                },
              ]
            : [
                {
                  cells: [f.winhttp64.it, mono(hex(w.winhttp.defaultSecureProtocols64))],
                  decisive: !((w.winhttp.defaultSecureProtocols64 ?? 0) & 0x800) && w.kb3140245 !== null,
                },
                {
                  cells: [f.winhttp32.it, mono(hex(w.winhttp.defaultSecureProtocols32))],
                  decisive: !((w.winhttp.defaultSecureProtocols32 ?? 0) & 0x800) && w.kb3140245 !== null,
                },
              ]),
          [f.internetSettingsHkcu.it, mono(hex(w.internetSettings.hkcu))],
          [f.internetSettingsHklm.it, mono(hex(w.internetSettings.hklm))],
          {
            cells: [
              f.kb3140245.it,
              w.kb3140245 === true ? L.values.installed.it : w.kb3140245 === false ? L.values.notInstalled.it : L.values.unknown.it,
            ],
            decisive: w.kb3140245 === false,
          },
          [f.dotnetVersion.it, `${w.dotnet.version ?? L.values.unknown.it}${w.dotnet.release !== null ? ` (${w.dotnet.release})` : ''}`],
        ],
      ),
    );
    if (w.dotnet.keys?.length) {
      parts.push(
        `<h3>${it(L.sections.dotnet)}</h3>`,
        table(
          [f.framework, f.view, f.schUseStrongCrypto, f.systemDefaultTlsVersions],
          w.dotnet.keys.map((k) => [
            k.framework,
            is32 ? '32 bit' : `${k.view} bit`,
            orAbsent(k.schUseStrongCrypto),
            orAbsent(k.systemDefaultTlsVersions),
          ]),
        ),
      );
    }
    const pk = w.servicing ? [...w.servicing.kb3140245, ...w.servicing.languagePacks] : [];
    if (pk.length) {
      parts.push(
        `<h3>${it(L.sections.servicing)}</h3>`,
        table(
          [f.package, f.installedAt],
          pk.map((p) => [mono(p.name), p.installedAt ? formatLocalDate(p.installedAt, { timeZone: tz }) : L.values.unknown.it]),
          [70, 30],
        ),
      );
    }
  }
  const av =
    inv.antivirusChecked === false
      ? L.values.antivirusNotChecked.it
      : inv.antivirus.map((a) => `${a.name}${a.state ? ` (${a.state})` : ''}`).join(', ') || L.values.antivirusNone.it;
  parts.push(
    `<h3>${it(L.sections.clients)}</h3>`,
    table(
      [f.program, f.version, f.marketingName, f.build, f.bitness],
      inv.clients.map((c) => [c.name, c.version ?? L.values.unknown.it, c.marketingName, c.build, c.bitness]),
    ),
    `<h3>${it(L.sections.browsers)}</h3>`,
    table(
      [f.browser, f.version],
      inv.browsers.map((b) => [b.name, b.version ?? L.values.unknown.it]),
    ),
    ...(inv.runtimes.length
      ? [
          `<h3>${it(L.sections.runtimes)}</h3>`,
          table(
            [f.component, f.version],
            inv.runtimes.map((r) => [r.name, r.version ?? L.values.unknown.it]),
          ),
        ]
      : []),
    `<h3>${it(L.sections.clockAntivirus)}</h3>`,
    table(
      [f.item, f.value],
      [
        [f.clockNow.it, formatLocalDate(inv.clock.now, { timeZone: inv.clock.timeZone ?? tz, showZone: true })],
        ...(inv.clock.timeZone ? [[f.timeZone.it, inv.clock.timeZone]] : []),
        [f.clockOffset.it, inv.clock.offsetSeconds ?? L.values.notMeasured.it],
        [f.antivirus.it, av],
      ],
    ),
  );
  if (inv.errors.length)
    parts.push(
      `<h3>${it(L.sections.readErrors)}</h3>`,
      table(
        [f.source, f.error],
        inv.errors.map((e) => [mono(e.source), e.error ?? '']),
        [45, 55],
      ),
    );
  return parts.join('\n');
}

const TLS_LABEL: Record<string, string> = { TLSv1: 'TLS 1.0', 'TLSv1.1': 'TLS 1.1', 'TLSv1.2': 'TLS 1.2', 'TLSv1.3': 'TLS 1.3' };

function endpointHtml(e: EndpointResult, tz: string | null | undefined): string {
  const f = L.fields;
  const c = e.certificate;
  const versions = Object.entries(e.tls.versions).map(([v, ok]) => ({
    cells: [TLS_LABEL[v] ?? v, yesNo(ok), mono((e.tls.ciphers[v as keyof typeof e.tls.ciphers] ?? []).join(', '))],
    decisive: v === 'TLSv1.2' && ok === false,
  }));
  const failed = e.steps.filter((s) => s.status === 'failed');
  return `<div class="endpoint"><h3>${esc(e.url)}</h3>
${table([f.outcome, f.addresses, f.banner, f.detail], [{ cells: [e.verdict, e.addresses.join(', '), mono((e.banner ?? '').slice(0, 160)), e.detail ?? ''], decisive: e.verdict !== 'ok' }], [18, 20, 30, 32])}
${table([f.tlsVersion, f.accepted, f.ciphers], versions, [14, 12, 74])}
${e.negotiated ? `<p class="muted">${it(f.negotiated)}: ${esc(e.negotiated.version)} · <span class="mono">${esc(e.negotiated.cipher)}</span></p>` : ''}
${devicesHtml(e)}
${keyExchangeHtml(e)}
${
  e.simulations.length
    ? `<p class="sub"><b>${it(L.sections.simulations)}</b></p>${table(
        [f.simulatedProgram, f.outcome, f.version, f.cipher, f.keyExchange, f.reason],
        e.simulations.map((s) => ({
          cells: [
            clientName(s.client, s.name),
            s.ok ? L.values.succeeds.it : L.values.fails.it,
            s.version ? TLS_LABEL[s.version] : '',
            mono(s.cipher ?? ''),
            { html: esc(kxText(s.keyExchange)), bad: kxRefused(s) },
            s.ok ? '' : (s.detail ?? simulationReason(s.reason).it),
          ],
          decisive: !s.ok,
        })),
        [19, 9, 9, 25, 12, 26],
      )}`
    : ''
}
${
  c
    ? `<p class="sub"><b>${it(L.sections.certificate)}</b></p>${table(
        [f.item, f.value],
        [
          [f.certSubject.it, c.subject],
          [f.certIssuer.it, c.issuer],
          [f.certSan.it, c.san.join(', ')],
          [f.certValidFrom.it, formatLocalDate(c.validFrom, { timeZone: tz })],
          [f.certValidTo.it, formatLocalDate(c.validTo, { timeZone: tz })],
          [f.certKey.it, `${c.keyType} ${c.keyBits ?? ''} / ${c.signatureAlgorithm ?? ''}`],
          { cells: [f.certTrusted.it, `${yesNo(c.trusted)}${c.trustError ? ` (${c.trustError})` : ''}`], decisive: !c.trusted },
          { cells: [f.certHostname.it, yesNo(c.hostnameMatches)], decisive: !c.hostnameMatches },
          { cells: [f.certIntercepted.it, c.interceptedBy ?? L.values.notIntercepted.it], decisive: !!c.interceptedBy },
          [f.certFingerprint.it, mono(c.fingerprintSha256)],
        ],
        [25, 75],
      )}`
    : `<p class="muted">${it(L.values.noCertificate)}</p>`
}
${
  failed.length
    ? `<p class="sub"><b>${it(L.sections.probeSteps)}</b></p>${table(
        [f.step, f.state, f.detail, f.ms],
        failed.map((x) => ({
          cells: [L.probeStep[x.step]?.it ?? x.step, L.stepStatus[x.status].it, x.detail ?? x.verdict ?? '', x.ms],
          decisive: true,
        })),
        [22, 14, 54, 10],
      )}`
    : ''
}
</div>`;
}

function planEvidenceHtml(plans: FixPlan[]): string {
  return plans
    .filter((p) => p.steps.length)
    .map(
      (p) =>
        `<h3>${it(text2('Da cosa è dedotto ogni passo', 'What each step is derived from'))}: ${it(p.cause)}</h3>${table(
          [L.fields.state, L.fields.step, text2('Prova', 'Evidence')],
          p.steps.map((s) => ({ cells: [L.planStep[s.state]?.it ?? s.state, s.text.it, s.evidence ? mono(s.evidence.it) : ''] })),
          [11, 50, 39],
        )}`,
    )
    .join('\n');
}

function technicianHtml(report: Report): string {
  const tz = report.inventory?.clock.timeZone;
  const plans = report.plans ?? [];
  const problems = report.findings.filter((f) => f.severity !== 'ok');
  const oks = report.findings.filter((f) => f.severity === 'ok');
  const accounts = report.accounts?.accounts ?? [];
  const srv = (s: { host: string; port: number; protocol: string; security: string; userName?: string | null } | null) =>
    s
      ? `${s.host}:${s.port} (${s.protocol.toUpperCase()}, ${L.security[s.security]?.it ?? s.security})${s.userName ? ` · ${L.fields.userName.it} ${s.userName}` : ''}`
      : '';
  const failures = report.context?.failures ?? [];
  const f = L.fields;
  return `<section class="tech">
<h2>${it(L.sections.technician)}</h2>
<h3>${it(L.sections.findings)}</h3>
${problems.length ? problems.map((x) => findingHtml(x, plans)).join('\n') : `<p>${it(L.values.none)}</p>`}
${oks.length ? `<p class="sub"><b>${it(L.sections.checksPassed)}</b></p><ul class="oks">${oks.map((x) => `<li>${it(x.title)}</li>`).join('')}</ul>` : ''}
${planEvidenceHtml(plans)}
<h2>${it(L.sections.machine)}</h2>
${inventoryHtml(report.inventory, tz)}
<h2>${it(L.sections.accounts)}</h2>
${
  report.accounts === null
    ? `<p class="muted">${it(L.values.accountsNotSearched)}</p>`
    : table(
        [f.program, f.profile, f.address, f.provider, f.incoming, f.outgoing, f.accountFindings],
        accounts.map((a) => [
          L.accountClient[a.client]?.it ?? a.client,
          a.profile,
          a.email,
          a.provider ? providerName(a.provider) : L.values.unrecognised.it,
          srv(a.incoming),
          srv(a.outgoing),
          a.findings.join(', '),
        ]),
        [12, 9, 15, 10, 21, 21, 12],
      )
}
${
  report.accounts?.errors.length
    ? table(
        [f.source, f.error],
        report.accounts.errors.map((e) => [mono(e.source), e.error ?? '']),
        [45, 55],
      )
    : ''
}
${
  report.context?.lookups.length
    ? `<h3>${it(L.sections.lookups)}</h3>${table(
        [f.address, f.provider, f.webmail],
        report.context.lookups.map((l) => [l.email, l.provider?.name ?? L.values.unrecognised.it, l.provider?.webmail ?? '']),
      )}`
    : ''
}
<h2>${it(L.sections.servers)}</h2>
${report.endpoints.length ? report.endpoints.map((e) => endpointHtml(e, tz)).join('\n') : `<p class="muted">${it(L.values.noServer)}</p>`}
${
  failures.length
    ? `<h3>${it(L.sections.failures)}</h3>${table(
        [f.check, f.error],
        failures.map((x) => [x.check, x.message]),
      )}`
    : ''
}
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
${summaryPage(report, when, code)}
${technicianHtml(report)}
${EMBEDDED_OPEN}${embeddableJson(report)}${EMBEDDED_CLOSE}
</body>
</html>
`;
}

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
import type { EndpointResult } from '../probe/types';
import type { Inventory, SchannelProtocol } from '../inventory/types';
import type { Text } from '../util/text';
import { TECH_LABELS as L } from './labels';
import { EMBEDDED_CLOSE, EMBEDDED_OPEN, embeddableJson } from './read';
import { formatLocalDate } from './dates';
import { caseCodeOf } from './case-code';
import { providerById } from '../accounts/providers';

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Italian text of a label, escaped. */
const it = (t: Text | null | undefined) => esc(t?.it ?? '');

/** The page's own CSP: styles inline, nothing else (the JSON block is data, not a script). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const CSS = `
@page { size: A4; margin: 14mm 14mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.38; color: #1b1b1b; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
@media print { body { padding: 0; max-width: none; } }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 13pt; margin: 6mm 0 2.5mm; border-bottom: 1px solid #888; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.top { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; }
.meta { color: #444; font-size: 9pt; margin: 1mm 0 0; }
.case { border: 1.5px solid #1b1b1b; border-radius: 2mm; padding: 1.5mm 3mm; text-align: center; white-space: nowrap; }
.case b { display: block; font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 15pt; letter-spacing: .06em; }
.case span { font-size: 8pt; color: #444; }
.verdict { border: 2px solid #666; border-radius: 3mm; padding: 3mm 4.5mm; margin: 4mm 0 3mm; break-inside: avoid; background: #f4f4f4; }
.verdict h2 { border: 0; margin: 0 0 1mm; padding: 0; font-size: 15pt; }
.verdict p { margin: 1mm 0; }
.verdict ul { margin: 1mm 0 0 5mm; padding: 0; }
.st-error, .st-offline { border-color: #b00020; background: #fdecee; }
.st-warning { border-color: #a15c00; background: #fff4e0; }
.st-ok { border-color: #1e7b34; background: #e9f6ec; }
.st-incomplete, .st-not-pec { border-color: #4a5568; background: #f1f3f6; }
.next { font-weight: bold; }
.plan { border-left: 4px solid #888; padding: .5mm 0 .5mm 4mm; margin: 0 0 3.5mm; break-inside: avoid; }
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
.links { font-size: 8.5pt; margin: .5mm 0 0; padding-left: 0; list-style: none; }
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
`;

function cell(c: unknown, header: boolean): string {
  const tag = header ? 'th' : 'td';
  if (c && typeof c === 'object' && 'mono' in (c as Record<string, unknown>)) return `<${tag} class="mono">${esc((c as { mono: unknown }).mono)}</${tag}>`;
  return `<${tag}>${esc(c)}</${tag}>`;
}

interface Row {
  cells: unknown[];
  decisive?: boolean;
}

/**
 * A table; `widths` (percent per column) fixes the layout, for tables whose machine strings
 * (registry paths, cipher lists) would otherwise squeeze their neighbours to a letter per line.
 */
function table(headers: Text[], rows: (unknown[] | Row)[], widths?: number[]): string {
  if (!rows.length) return `<p class="muted">${it(L.values.noData)}</p>`;
  const body = rows
    .map((r) => (Array.isArray(r) ? { cells: r } : r))
    .map((r) => `<tr${r.decisive ? ' class="decisive"' : ''}>${r.cells.map((c) => cell(c, false)).join('')}</tr>`)
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
  return links.length ? `<ul class="links">${links.map((l) => `<li><a href="${esc(l.url)}">${it(l.label)}</a> <span class="url">${esc(l.url)}</span></li>`).join('')}</ul>` : '';
}

function planHtml(p: FixPlan): string {
  const steps = p.steps
    .map(
      (s) =>
        `<li class="${esc(s.state)}"><span class="state">${it(L.planStep[s.state] ?? L.planStep.todo)}</span> — ${it(s.text)}${s.state === 'done' ? '' : linksHtml(s.links ?? [])}</li>`,
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
    ? [os.name ?? os.platform, os.servicePack && !String(os.name ?? '').includes('Service Pack') ? `SP${String(os.servicePack).replace(/\.0$/, '')}` : null, os.arch === 'x86' ? '32 bit' : os.arch === 'x64' ? '64 bit' : os.arch, os.build && os.platform !== 'linux' ? `build ${os.build}` : os.platform === 'linux' ? null : os.version]
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
  const accountText = report.accounts === null ? L.values.accountsNotSearched.it.replace(/\.$/, '') : `${accounts.length} account${providers.length ? ` (${providers.join(', ')})` : ''}`;
  const okServers = report.endpoints.filter((e) => e.verdict === 'ok').length;
  return [
    { label: L.fields.system, value: system },
    { label: L.sections.clients, value: programs },
    { label: L.sections.accounts, value: `${accountText} · ${L.sections.servers.it.toLowerCase()}: ${report.endpoints.length}${report.endpoints.length ? ` (${okServers} ok)` : ''}` },
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
${verdictHtml(report)}
${plans.length ? `<h2>${it(L.sections.plans)}</h2>\n${plans.map(planHtml).join('\n')}` : ''}
${
  shown.length
    ? `<h2>${it(plans.length ? text2('Altre segnalazioni', 'Other findings') : L.sections.findings)}</h2><ul class="others">${shown
        .map((f) => `<li><span class="badge sev-${esc(f.severity)}">${it(L.severity[f.severity])}</span>${it(f.title)}</li>`)
        .join('')}</ul>${others.length > shown.length ? `<p class="muted">… e altre ${others.length - shown.length} nei dettagli per il tecnico.</p>` : ''}`
    : ''
}
${!plans.length && !shown.length ? `<p>${it(L.values.noPlan)}</p>` : ''}
<h2>${it(L.sections.machine)}</h2>
<ul class="machine">${machineLines(report).map((l) => `<li><b>${it(l.label)}</b> ${esc(l.value)}</li>`).join('')}</ul>`;
}

/** Provider names from our own catalogue (the file is data: an id we do not know stays an id). */
const providerName = (id: string | null | undefined) => (id ? providerById(id)?.name ?? id : '');

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
  const state = p.effective === 'enabled' ? L.values.enabledState.it : p.effective === 'disabled' ? L.values.disabledState.it : L.values.unknownState.it;
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
      table([f.protocol, f.enabled, f.disabledByDefault, f.effective, f.decidedBy], Object.entries(w.schannel).map(([k, p]) => schannelRow(k, p))),
      `<h3>${it(L.sections.registry)}</h3>`,
      table([f.item, f.value], [
        ...(is32
          ? [{ cells: [f.winhttpNative.it, mono(hex(w.winhttp.defaultSecureProtocols64))], decisive: !((w.winhttp.defaultSecureProtocols64 ?? 0) & 0x800) && w.kb3140245 !== null }]
          : [
              { cells: [f.winhttp64.it, mono(hex(w.winhttp.defaultSecureProtocols64))], decisive: !((w.winhttp.defaultSecureProtocols64 ?? 0) & 0x800) && w.kb3140245 !== null },
              { cells: [f.winhttp32.it, mono(hex(w.winhttp.defaultSecureProtocols32))], decisive: !((w.winhttp.defaultSecureProtocols32 ?? 0) & 0x800) && w.kb3140245 !== null },
            ]),
        [f.internetSettingsHkcu.it, mono(hex(w.internetSettings.hkcu))],
        [f.internetSettingsHklm.it, mono(hex(w.internetSettings.hklm))],
        { cells: [f.kb3140245.it, w.kb3140245 === true ? L.values.installed.it : w.kb3140245 === false ? L.values.notInstalled.it : L.values.unknown.it], decisive: w.kb3140245 === false },
        [f.dotnetVersion.it, `${w.dotnet.version ?? L.values.unknown.it}${w.dotnet.release !== null ? ` (${w.dotnet.release})` : ''}`],
      ]),
    );
    if (w.dotnet.keys?.length) {
      parts.push(
        `<h3>${it(L.sections.dotnet)}</h3>`,
        table([f.framework, f.view, f.schUseStrongCrypto, f.systemDefaultTlsVersions], w.dotnet.keys.map((k) => [k.framework, is32 ? '32 bit' : `${k.view} bit`, orAbsent(k.schUseStrongCrypto), orAbsent(k.systemDefaultTlsVersions)])),
      );
    }
    const pk = w.servicing ? [...w.servicing.kb3140245, ...w.servicing.languagePacks] : [];
    if (pk.length) {
      parts.push(`<h3>${it(L.sections.servicing)}</h3>`, table([f.package, f.installedAt], pk.map((p) => [mono(p.name), p.installedAt ? formatLocalDate(p.installedAt, { timeZone: tz }) : L.values.unknown.it]), [70, 30]));
    }
  }
  const av = inv.antivirusChecked === false ? L.values.antivirusNotChecked.it : inv.antivirus.map((a) => `${a.name}${a.state ? ` (${a.state})` : ''}`).join(', ') || L.values.antivirusNone.it;
  parts.push(
    `<h3>${it(L.sections.clients)}</h3>`,
    table([f.program, f.version, f.marketingName, f.build, f.bitness], inv.clients.map((c) => [c.name, c.version ?? L.values.unknown.it, c.marketingName, c.build, c.bitness])),
    `<h3>${it(L.sections.browsers)}</h3>`,
    table([f.browser, f.version], inv.browsers.map((b) => [b.name, b.version ?? L.values.unknown.it])),
    ...(inv.runtimes.length ? [`<h3>${it(L.sections.runtimes)}</h3>`, table([f.component, f.version], inv.runtimes.map((r) => [r.name, r.version ?? L.values.unknown.it]))] : []),
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
  if (inv.errors.length) parts.push(`<h3>${it(L.sections.readErrors)}</h3>`, table([f.source, f.error], inv.errors.map((e) => [mono(e.source), e.error ?? '']), [45, 55]));
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
${e.simulations.length ? `<p><b>${it(L.sections.simulations)}</b></p>${table([f.simulatedProgram, f.outcome, f.version, f.cipher, f.reason], e.simulations.map((s) => ({ cells: [s.name || s.client, s.ok ? L.values.succeeds.it : L.values.fails.it, s.version ? TLS_LABEL[s.version] : '', mono(s.cipher ?? ''), s.ok ? '' : s.detail ?? s.reason], decisive: !s.ok })), [22, 12, 10, 32, 24])}` : ''}
${
  c
    ? `<p><b>${it(L.sections.certificate)}</b></p>${table([f.item, f.value], [
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
      ], [25, 75])}`
    : `<p class="muted">${it(L.values.noCertificate)}</p>`
}
${
  failed.length
    ? `<p><b>${it(L.sections.probeSteps)}</b></p>${table([f.step, f.state, f.detail, f.ms], failed.map((x) => ({ cells: [L.probeStep[x.step]?.it ?? x.step, L.stepStatus[x.status].it, x.detail ?? x.verdict ?? '', x.ms], decisive: true })), [22, 14, 54, 10])}`
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
    s ? `${s.host}:${s.port} (${s.protocol.toUpperCase()}, ${L.security[s.security]?.it ?? s.security})${s.userName ? ` · ${L.fields.userName.it} ${s.userName}` : ''}` : '';
  const failures = report.context?.failures ?? [];
  const f = L.fields;
  return `<section class="tech">
<h2>${it(L.sections.technician)}</h2>
<h3>${it(L.sections.findings)}</h3>
${problems.length ? problems.map((x) => findingHtml(x, plans)).join('\n') : `<p>${it(L.values.none)}</p>`}
${oks.length ? `<p><b>${it(L.sections.checksPassed)}</b></p><ul class="oks">${oks.map((x) => `<li>${it(x.title)}</li>`).join('')}</ul>` : ''}
${planEvidenceHtml(plans)}
<h2>${it(L.sections.machine)}</h2>
${inventoryHtml(report.inventory, tz)}
<h2>${it(L.sections.accounts)}</h2>
${report.accounts === null ? `<p class="muted">${it(L.values.accountsNotSearched)}</p>` : table([f.program, f.profile, f.address, f.provider, f.incoming, f.outgoing, f.accountFindings], accounts.map((a) => [L.accountClient[a.client]?.it ?? a.client, a.profile, a.email, a.provider ? providerName(a.provider) : L.values.unrecognised.it, srv(a.incoming), srv(a.outgoing), a.findings.join(', ')]), [12, 9, 15, 10, 21, 21, 12])}
${report.accounts?.errors.length ? table([f.source, f.error], report.accounts.errors.map((e) => [mono(e.source), e.error ?? '']), [45, 55]) : ''}
${report.context?.lookups.length ? `<h3>${it(L.sections.lookups)}</h3>${table([f.address, f.provider, f.webmail], report.context.lookups.map((l) => [l.email, l.provider?.name ?? L.values.unrecognised.it, l.provider?.webmail ?? '']))}` : ''}
<h2>${it(L.sections.servers)}</h2>
${report.endpoints.length ? report.endpoints.map((e) => endpointHtml(e, tz)).join('\n') : `<p class="muted">${it(L.values.noServer)}</p>`}
${failures.length ? `<h3>${it(L.sections.failures)}</h3>${table([f.check, f.error], failures.map((x) => [x.check, x.message]))}` : ''}
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

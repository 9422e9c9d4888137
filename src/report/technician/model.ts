// The technician's view of a report, built once (issue #22): the HTML report, the UI's technician
// view and the console draw it (src/report/html.ts, renderer/src/screens/technician,
// src/report/console.ts). Order: the summary (UI, console), the findings, what each plan step is
// derived from, the machine, the accounts, the servers. Labels from TECH_LABELS, values from the
// formatters of format.ts, marks from the findings (machine.ts, servers.ts).
import type { Finding, FixPlan, Report, VerdictStatus } from '../../diagnosis/types';
import { VERDICT_STATUSES } from '../../diagnosis/types';
import { providerById } from '../../accounts/providers';
import { windowsFamily } from '../../diagnosis/windows-family';
import { TECH_LABELS as L } from '../labels';
import type { TechEvidence, TechFinding, TechnicianModel, TechRow, TechSection } from './types';
import { both, cell, dateText, effectiveState, installed, same, serverSetting, shown, thunderbirdTls } from './format';
import { errorsTable, indexFindings, machineSections, row, table, tls12Decisive, type FindingIndex } from './machine';
import { endpointBlock } from './servers';
import { text, type Text } from '../../util/text';
import { showInvisibles } from '../../util/invisible';

const f = L.fields;

/** Provider names from our own catalogue (a report is data: an id we do not know stays an id). */
export const providerName = (id: string | null | undefined): string => (id ? shown(providerById(id)?.name ?? id) : '');

/** The Windows families whose TLS 1.2 needs KB3140245 (7, 8, Server 2008 R2/2012), from the rules' own table. */
const needsKb3140245 = (r: Report) =>
  windowsFamily(r.inventory?.os, r.inventory?.windows)?.tls12.updates.some((u) => u.id === 'KB3140245') ?? false;

function summaryRows(r: Report, has: FindingIndex): TechRow[] {
  const status: VerdictStatus = VERDICT_STATUSES.includes(r.verdict?.status) ? r.verdict.status : 'incomplete';
  const inv = r.inventory;
  const win = inv?.windows ?? null;
  const os = inv?.os;
  const plans = r.plans ?? [];
  const kv = (label: (typeof L.sections)[keyof typeof L.sections] | typeof f.kb3140245, value: Parameters<typeof cell>[0], mark = false) =>
    row([cell(label), cell(value)], mark);
  return [
    kv(
      L.sections.verdict,
      both((l) => `${L.verdict[status][l]}: ${r.verdict.title?.[l]?.trim() || L.verdict[status][l]}`),
    ),
    ...(r.caseCode ? [row([cell(L.sections.caseCode), cell(r.caseCode, { mono: true })])] : []),
    kv(L.sections.machine, os ? same([os.name, os.version, os.arch].filter(Boolean).join(' · ')) : L.values.inventoryMissing),
    kv(
      L.sections.clients,
      inv?.clients.length ? inv.clients.map((c) => [c.name, c.version].filter(Boolean).join(' ')).join(', ') : L.values.none,
    ),
    ...(win ? [row([cell('SCHANNEL TLS 1.2'), cell(effectiveState(win.schannel['TLS 1.2']?.effective))], tls12Decisive(has))] : []),
    ...(win && needsKb3140245(r) ? [kv(f.kb3140245, installed(win.kb3140245), has('win7-kb3140245-missing'))] : []),
    kv(
      L.sections.servers,
      r.endpoints.length ? r.endpoints.map((e) => `${e.url}: ${e.verdict}`).join(' · ') : L.values.noServer,
      r.endpoints.some((e) => e.verdict !== 'ok'),
    ),
    kv(
      L.sections.plans,
      plans.length
        ? both((l) => plans.map((p) => p.cause[l]).join(' · '))
        : r.verdict?.status === 'ok'
          ? L.values.noPlan
          : L.values.noPlanOpen,
    ),
    kv(f.created, dateText(r.createdAt, inv?.clock.timeZone)),
  ];
}

/** A sentence of the rules, which may quote the evidence: its invisible characters shown. */
const visible = (t: Text): Text => both((l) => shown(t[l]));

function techFinding(x: Finding, plans: readonly FixPlan[]): TechFinding {
  const plan = x.plan ? plans.find((p) => p.id === x.plan) : undefined;
  return {
    id: shown(x.id),
    subject: x.subject ? shown(x.subject) : null,
    severity: x.severity,
    title: visible(x.title),
    detail: visible(x.detail),
    steps: plan ? [] : x.fix.steps.map(visible),
    links: plan ? [] : x.fix.links,
    planCause: plan ? plan.cause : null,
  };
}

function findingsSections(r: Report): TechSection[] {
  const plans = r.plans ?? [];
  const findings: TechSection = {
    id: 'findings',
    title: L.sections.findings,
    level: 3,
    folded: true,
    blocks: [
      {
        kind: 'findings',
        problems: r.findings.filter((x) => x.severity !== 'ok').map((x) => techFinding(x, plans)),
        passed: r.findings.filter((x) => x.severity === 'ok').map((x) => techFinding(x, plans)),
      },
    ],
  };
  const withSteps = plans.filter((p) => p.steps.length);
  const derived = text('Da cosa è dedotto ogni passo', 'What each step is derived from');
  const evidence: TechSection = {
    id: 'plans',
    title: L.sections.plans,
    level: 0,
    folded: false,
    blocks: withSteps.map((p) =>
      table(
        `plan-${p.id}`,
        [f.state, f.step, text('Prova', 'Evidence')],
        p.steps.map((s) =>
          row([cell(L.planStep[s.state] ?? s.state), cell(s.text), cell(s.evidence ?? '', s.evidence ? { mono: true } : {})]),
        ),
        { heading: { text: both((l) => `${derived[l]}: ${p.cause[l]}`), style: 'h3' }, widths: [11, 50, 39] },
      ),
    ),
  };
  return withSteps.length ? [findings, evidence] : [findings];
}

function accountsSection(r: Report): TechSection {
  const blocks: TechSection['blocks'] = [];
  if (r.accounts === null) blocks.push({ kind: 'note', text: L.values.accountsNotSearched, muted: true });
  else
    blocks.push(
      table(
        'accounts',
        [f.program, f.profile, f.accountName, f.address, f.provider, f.incoming, f.outgoing, f.thunderbirdTls, f.accountFindings],
        r.accounts.accounts.map((a) =>
          row([
            cell(L.accountClient[a.client] ?? a.client),
            cell(a.isDefaultProfile ? both((l) => `${a.profile} (${L.values.defaultProfile[l]})`) : a.profile),
            cell(a.name),
            cell(a.email),
            cell(a.provider ? providerName(a.provider) : L.values.unrecognised),
            cell(serverSetting(a.incoming)),
            cell(serverSetting(a.outgoing)),
            // Only Thunderbird has its own TLS minimum and maximum (security.tls.version.min/max).
            cell(a.client === 'thunderbird' ? thunderbirdTls(a.tlsVersionPrefs) : L.values.notApplicable),
            cell(a.findings.join(', ')),
          ]),
        ),
        { widths: [11, 9, 9, 12, 9, 15, 14, 9, 12], layout: 'records' },
      ),
    );
  if (r.accounts?.errors.length) blocks.push(errorsTable('account-errors', r.accounts.errors));
  if (r.context?.lookups.length)
    blocks.push(
      table(
        'lookups',
        [f.address, f.provider, f.webmail],
        r.context.lookups.map((l) =>
          row([cell(l.email), cell(l.provider?.name ?? L.values.unrecognised), cell(l.provider?.webmail ?? '')]),
        ),
        { heading: { text: L.sections.lookups, style: 'h3' } },
      ),
    );
  return { id: 'accounts', title: L.sections.accounts, level: 2, folded: false, blocks };
}

function serversSection(r: Report, has: FindingIndex, tz: string | null | undefined): TechSection {
  const failures = r.context?.failures ?? [];
  const blocks: TechSection['blocks'] = r.endpoints.length
    ? r.endpoints.map((e) => endpointBlock(e, has, tz))
    : [{ kind: 'note', text: L.values.noServer, muted: true }];
  if (failures.length)
    blocks.push(
      table(
        'failures',
        [f.check, f.error],
        failures.map((x) => row([cell(x.check), cell(x.message)])),
        { heading: { text: L.sections.failures, style: 'h3' } },
      ),
    );
  return { id: 'endpoints', title: L.sections.servers, level: 2, folded: false, blocks };
}

/** Every evidence entry of the report, with what it belongs to (shown raw, in the UI only). */
function collectEvidence(r: Report): TechEvidence[] {
  const out: TechEvidence[] = [];
  const push = (where: string, list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const ev of list) {
      if (!ev || typeof ev !== 'object') continue;
      const e = ev as { source?: unknown; raw?: unknown; error?: unknown };
      const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
      out.push({ where: shown(where), source: shown(str(e.source) ?? ''), raw: str(e.raw), error: str(e.error) });
    }
  };
  const inv = r.inventory;
  if (inv) {
    push('os', inv.os.evidence);
    for (const c of inv.clients) push(c.name || c.id, c.evidence);
    for (const b of inv.browsers) push(b.name || b.id, b.evidence);
    for (const x of inv.runtimes) push(x.name || x.id, x.evidence);
    push('Windows TLS', inv.windows?.evidence);
    for (const a of inv.antivirus) push(a.name, a.evidence);
  }
  for (const a of r.accounts?.accounts ?? []) push(`${a.client} ${a.email ?? a.profile}`, a.evidence);
  for (const x of r.findings) push(x.id, x.evidence);
  return out.map((e) => ({ ...e, raw: e.raw === null ? null : showInvisibles(e.raw), error: e.error === null ? null : shown(e.error) }));
}

export function technicianModel(report: Report): TechnicianModel {
  const has = indexFindings(report.findings);
  const tz = report.inventory?.clock.timeZone;
  return {
    summary: summaryRows(report, has),
    sections: [
      ...findingsSections(report),
      ...machineSections(report.inventory, report.findings, tz),
      accountsSection(report),
      serversSection(report, has, tz),
    ],
    evidence: collectEvidence(report),
  };
}

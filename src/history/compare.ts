// Before/after between two runs (issue #12): findings matched by id and subject, so the same
// problem on the same server or program is recognised across runs. Findings that say a check
// passed (severity ok) are not problems: they are left out of the three lists.
// Two runs that checked different servers (or addresses) are not before and after of anything
// (issue #19): a problem of server A is not "fixed" because run B looked at server B. Then the
// lists stay empty and `sameChecks` is false, so every screen says they are different checks.
import type { FindingRef, RunComparison, RunSummary } from '../api';
import type { Finding, Report } from '../diagnosis/types';

const keyOf = (f: Pick<Finding, 'id' | 'subject'>) => `${f.id}\u0000${f.subject ?? ''}`;

const refOf = (f: Finding): FindingRef => {
  const ref: FindingRef = { id: f.id, severity: f.severity, title: f.title };
  if (f.subject !== undefined) ref.subject = f.subject;
  return ref;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const unique = (list: string[]) => [...new Set(list)];

/** The servers a run probed, `host:port` (host in lower case), in the run's order. */
export function checkedServers(report: Pick<Report, 'endpoints'>): string[] {
  const list = Array.isArray(report.endpoints) ? (report.endpoints as unknown[]) : [];
  return unique(
    list
      .filter(isObject)
      .flatMap((e) => (typeof e.host === 'string' && typeof e.port === 'number' ? [`${e.host.toLowerCase()}:${e.port}`] : [])),
  );
}

/** The PEC addresses a run was asked about (given, or looked up). */
export function checkedAddresses(report: Pick<Report, 'context'>): string[] {
  const c: Record<string, unknown> = isObject(report.context) ? report.context : {};
  const emails = Array.isArray(c.emails) ? c.emails.filter((x): x is string => typeof x === 'string') : [];
  const lookups = Array.isArray(c.lookups) ? c.lookups.filter(isObject).flatMap((l) => (typeof l.email === 'string' ? [l.email] : [])) : [];
  return unique([...emails, ...lookups].map((e) => e.toLowerCase()));
}

/** What a run checked, for the history's rows: addresses first, then servers. */
export function checkedOf(report: Pick<Report, 'endpoints' | 'context'>): string[] {
  return [...checkedAddresses(report), ...checkedServers(report)];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The same servers probed (or, when neither run reached the servers' stage, the same addresses). */
export function sameChecks(a: Report, b: Report): boolean {
  const sa = checkedServers(a);
  const sb = checkedServers(b);
  if (sa.length || sb.length) return sameSet(sa, sb);
  return sameSet(checkedAddresses(a), checkedAddresses(b));
}

export function compareReports(
  before: { summary: RunSummary; report: Report },
  after: { summary: RunSummary; report: Report },
): RunComparison {
  const same = sameChecks(before.report, after.report);
  if (!same) return { before: before.summary, after: after.summary, fixed: [], remaining: [], added: [], sameChecks: false };
  const problems = (r: Report) => (Array.isArray(r.findings) ? r.findings : []).filter((f) => f.severity !== 'ok');
  const beforeKeys = new Set(problems(before.report).map(keyOf));
  const afterKeys = new Set(problems(after.report).map(keyOf));
  const dedupe = (list: Finding[]) => [...new Map(list.map((f) => [keyOf(f), f])).values()];
  return {
    before: before.summary,
    after: after.summary,
    fixed: dedupe(problems(before.report).filter((f) => !afterKeys.has(keyOf(f)))).map(refOf),
    remaining: dedupe(problems(after.report).filter((f) => beforeKeys.has(keyOf(f)))).map(refOf),
    added: dedupe(problems(after.report).filter((f) => !beforeKeys.has(keyOf(f)))).map(refOf),
    sameChecks: true,
  };
}

// Before/after between two runs (issue #12): findings matched by id and subject, so the same
// problem on the same server or program is recognised across runs. Findings that say a check
// passed (severity ok) are not problems: they are left out of the three lists.
import type { FindingRef, RunComparison, RunSummary } from '../api';
import type { Finding, Report } from '../diagnosis/types';

const keyOf = (f: Pick<Finding, 'id' | 'subject'>) => `${f.id}\u0000${f.subject ?? ''}`;

const refOf = (f: Finding): FindingRef => {
  const ref: FindingRef = { id: f.id, severity: f.severity, title: f.title };
  if (f.subject !== undefined) ref.subject = f.subject;
  return ref;
};

export function compareReports(
  before: { summary: RunSummary; report: Report },
  after: { summary: RunSummary; report: Report },
): RunComparison {
  const problems = (r: Report) => r.findings.filter((f) => f.severity !== 'ok');
  const beforeKeys = new Set(problems(before.report).map(keyOf));
  const afterKeys = new Set(problems(after.report).map(keyOf));
  const unique = (list: Finding[]) => [...new Map(list.map((f) => [keyOf(f), f])).values()];
  return {
    before: before.summary,
    after: after.summary,
    fixed: unique(problems(before.report).filter((f) => !afterKeys.has(keyOf(f)))).map(refOf),
    remaining: unique(problems(after.report).filter((f) => beforeKeys.has(keyOf(f)))).map(refOf),
    added: unique(problems(after.report).filter((f) => !beforeKeys.has(keyOf(f)))).map(refOf),
  };
}

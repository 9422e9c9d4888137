// Shapes the renderer uses, all derived from the typed contract (src/api.ts): the renderer
// imports nothing else from the core.
import type { AccountsResult, EndpointResult, Inventory, Report, Text } from '../../src/api';

export type Lang = keyof Text;
export type { Finding, Severity, FixLink } from '../../src/api';
import type { Finding, Severity } from '../../src/api';
export type VerdictStatus = Report['verdict']['status'];
export type Account = AccountsResult['accounts'][number];
export type ServerSetting = NonNullable<Account['incoming']>;
export type Evidence = Inventory['os']['evidence'][number];
export type StepResult = EndpointResult['steps'][number];
export type Simulation = EndpointResult['simulations'][number];
export type CertificateInfo = NonNullable<EndpointResult['certificate']>;

/** The most serious first: the order findings are shown in. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, ok: 3 };

export function sortFindings(findings: readonly Finding[]): Finding[] {
  // A stable copy sort (Array.prototype.toSorted is newer than Chromium 108).
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (SEVERITY_RANK[a.f.severity] ?? 9) - (SEVERITY_RANK[b.f.severity] ?? 9) || a.i - b.i)
    .map((x) => x.f);
}

/** What a finding is about (an endpoint URL, a client, an account), in cores that say it. */
export function findingSubject(f: Finding): string | null {
  const s = (f as { subject?: unknown }).subject;
  return typeof s === 'string' && s ? s : null;
}

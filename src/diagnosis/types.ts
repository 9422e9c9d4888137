// The report: findings, verdict and all evidence (issue #6); JSON documented in
// docs/report.schema.json and docs/report.md. `schemaVersion` changes when a field changes meaning;
// fields are only ever added.
import type { Text } from '../util/text';
import type { Inventory } from '../inventory/types';
import type { AccountsResult } from '../accounts/types';
import type { EndpointResult } from '../probe/types';
import type { AddressLookup } from '../api';

export type Severity = 'ok' | 'info' | 'warning' | 'error';

/** Severities from the most to the least serious: the order of the report. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'ok'];

export interface FixLink {
  url: string;
  label: Text;
}

export interface Finding {
  id: string;
  severity: Severity;
  title: Text;
  detail: Text;
  evidence: unknown[];
  fix: { steps: Text[]; links: FixLink[] };
  /** What the finding is about when the same id can appear more than once (an endpoint URL, a client id, an account). */
  subject?: string;
}

export interface Verdict {
  status: 'ok' | 'warning' | 'error';
  summary: Text;
}

/** A check that crashed: it becomes a `check-failed` finding instead of stopping the run. */
export interface CheckFailure {
  check: string;
  message: string;
}

/** What was asked and what was resolved besides the collectors' results: rules read it too. */
export interface ReportContext {
  emails: string[];
  servers: string[];
  skipDiscovery: boolean;
  /** The typed addresses resolved to their provider (request.emails). */
  lookups: AddressLookup[];
  failures: CheckFailure[];
}

export interface Report {
  schemaVersion: number;
  app: { name: string; version: string };
  createdAt: string;
  redacted: boolean;
  inventory: Inventory | null;
  accounts: AccountsResult | null;
  endpoints: EndpointResult[];
  findings: Finding[];
  verdict: Verdict;
  /** Present in reports made by schemaVersion 1 and later runs. */
  context?: ReportContext;
}

/** The evidence the rules read: everything in a report except the conclusions. */
export interface RuleInput {
  inventory: Inventory | null;
  accounts: AccountsResult | null;
  endpoints: EndpointResult[];
  context: ReportContext;
  /** When the evidence was collected (certificate dates are judged against it). */
  now: string;
}

export const REPORT_SCHEMA_VERSION = 1;

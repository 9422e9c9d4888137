// The report: findings, verdict and all evidence (issue #6); JSON documented in
// docs/report.schema.json. `schemaVersion` changes when a field changes meaning.
import type { Text } from '../util/text';
import type { Inventory } from '../inventory/types';
import type { AccountsResult } from '../accounts/types';
import type { EndpointResult } from '../probe/types';

export type Severity = 'ok' | 'info' | 'warning' | 'error';

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
}

export interface Verdict {
  status: 'ok' | 'warning' | 'error';
  summary: Text;
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
}

// The report: findings, verdict and all evidence (issue #6); JSON documented in
// docs/report.schema.json and docs/report.md. `schemaVersion` changes when a field changes meaning;
// fields are only ever added.
import type { Text } from '../util/text';
import type { Inventory } from '../inventory/types';
import type { AccountsResult } from '../accounts/types';
import type { EndpointResult } from '../probe/types';
import type { AddressLookup } from '../accounts/types';

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
  /** Id of the fix plan this finding folds under (its steps are the plan's), when it has one. */
  plan?: string;
}

/**
 * What the run could honestly conclude (issue #11). `ok` only when at least one PEC provider's
 * server was reached and this machine's mail program (or its simulation) completed a TLS 1.2+
 * handshake with it; anything less is `incomplete`, never green.
 * - `error`: something blocks PEC on this machine or at its servers (a fix plan says what to do);
 * - `warning`: PEC works today but something should be fixed;
 * - `offline`: every endpoint failed at DNS or TCP connect: the network, not the PEC;
 * - `not-pec`: the typed address belongs to an ordinary mailbox (gmail.com, outlook.com, ...);
 * - `incomplete`: no server was verified (unknown provider, nothing typed, nothing found), so
 *   the verdict names what was not verified and the one thing to do next.
 */
export type VerdictStatus = 'ok' | 'warning' | 'error' | 'incomplete' | 'not-pec' | 'offline';

/** Every verdict state, most serious first (schema, docs and UI colours follow this list). */
export const VERDICT_STATUSES: readonly VerdictStatus[] = ['error', 'offline', 'warning', 'not-pec', 'incomplete', 'ok'];

export interface Verdict {
  status: VerdictStatus;
  /** Short heading for the banner ("La PEC è bloccata su questo computer", "Controllo incompleto"). */
  title: Text;
  summary: Text;
  /** What this run did not verify (empty only when `ok`): shown under the heading. */
  notVerified: Text[];
  /** The one thing to do next (first plan's first open step, or "indica i server"), or null. */
  next: Text | null;
}

/** State of one step of a fix plan, derived from the machine's evidence. */
export type PlanStepState = 'todo' | 'done' | 'unknown';

export interface PlanStep {
  /** Stable id within its plan: `install-kb3140245`, `schannel-tls12-client`, `winhttp-defaults`, `reboot`, ... */
  id: string;
  state: PlanStepState;
  /** What to do (todo/unknown) or what is already in place (done), in plain words. */
  text: Text;
  /** The fact the state was derived from, for the technician ("Enabled=0 in HKLM\...\TLS 1.2\Client"). */
  evidence: Text | null;
  links: FixLink[];
}

/** The provider's webmail as a stop-gap: always from our own catalogue (by provider id), never from a file. */
export interface StopGap {
  providerId: string;
  providerName: string;
  url: string;
}

/**
 * One root cause and the one plan that fixes it (issue #11). Plans are ordered: the first one is
 * what to do first. Findings keep their ids and fold under their plan (`Finding.plan`), so the
 * plan's steps are never repeated card by card.
 */
export interface FixPlan {
  /** Stable id: `windows7-outlook-tls12`, `network-offline`, `thunderbird-too-old`, ... (docs/findings.md). */
  id: string;
  /** The most serious severity of the findings it folds (a missing KB that blocks Outlook is an error). */
  severity: Severity;
  /** The root cause in one line ("Outlook su Windows 7 non usa TLS 1.2"). */
  cause: Text;
  /** Why, in two or three plain sentences, naming the program that fails. */
  explanation: Text;
  /** Programs (client ids as in the inventory) that this cause stops; empty when none is affected. */
  affects: string[];
  /** Steps in order; done ones stay listed as done. A reboot, when needed, is the last step, once. */
  steps: PlanStep[];
  stopGap: StopGap | null;
  /** The findings folded under this plan: id and subject, as in `Report.findings`. */
  findings: { id: string; subject?: string }[];
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
  /** Ordered fix plans, one per root cause (schemaVersion 2 and later). */
  plans: FixPlan[];
  verdict: Verdict;
  /** Short code to read on the phone (src/report/case-code.ts); kept when re-evaluated. */
  caseCode?: string;
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

export const REPORT_SCHEMA_VERSION = 2;

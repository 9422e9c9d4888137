// The technician's view of a report as data (issue #22): sections of tables whose rows hold
// values already worded and formatted (Italian and English), and the mark of the rows that decide
// the case. The HTML report, the UI's technician view and the console draw this and decide
// nothing themselves. Every string taken from the report has its invisible and reordering
// characters shown as <U+XXXX> (src/util/invisible.ts) before it gets here.
import type { Severity } from '../../diagnosis/types';
import type { Text } from '../../util/text';

/** Why a row stands out: it decides the case, or only some of the clients behind it fail. */
export type RowMark = 'decisive' | 'partial';

export interface TechCell {
  /** The value (one line). For a multi-line cell, its lines joined by "; ". */
  text: Text;
  /** A value of several lines (one per client, per refusal). */
  lines?: Text[];
  /** Machine text (cipher names, fingerprints, paths): monospace, may break anywhere. */
  mono?: boolean;
  /** This very value is the failing one (a DH size a client refuses). */
  bad?: boolean;
  /** A yes/no answer: true is the good one, false the bad one (a renderer may draw ✔/✘). */
  check?: boolean;
}

export interface TechRow {
  cells: TechCell[];
  mark?: RowMark;
}

export interface TechTable {
  kind: 'table';
  /** Stable name of the table (UI test ids: "tls-versions", "simulations", ...). */
  id: string;
  /** Its heading: a sub-heading ('h3') or a bold line inside a server ('sub'). */
  heading?: { text: Text; style: 'h3' | 'sub' };
  head: Text[];
  rows: TechRow[];
  /** Column widths in percent, for the printed page (machine strings would squeeze their neighbours). */
  widths?: number[];
  /**
   * 'kv': a label column and a value column; 'records': one row per account, each a small
   * record (a narrow screen may show each as label/value pairs); 'grid': an ordinary table.
   */
  layout: 'kv' | 'grid' | 'records';
}

export interface TechNote {
  kind: 'note';
  text: Text;
  /** Machine text after the sentence (a negotiated cipher), in monospace. */
  code?: string;
  muted: boolean;
}

export interface TechFinding {
  id: string;
  subject: string | null;
  severity: Severity;
  title: Text;
  detail: Text;
  /** The finding's own steps, when no plan folds it. */
  steps: Text[];
  links: { url: string; label: Text }[];
  /** The plan that holds its steps ("see page 1"). */
  planCause: Text | null;
}

export interface TechFindings {
  kind: 'findings';
  /** The findings that are not ok, in the report's order. */
  problems: TechFinding[];
  /** The checks that passed (severity ok). */
  passed: TechFinding[];
}

export interface TechEndpoint {
  kind: 'endpoint';
  url: string;
  blocks: TechBlock[];
}

export type TechBlock = TechTable | TechNote | TechFindings | TechEndpoint;

export interface TechSection {
  /** 'findings', 'plans', 'machine', 'os', 'windows', 'clients', ... (UI test id: tech-<id>). */
  id: string;
  title: Text;
  /** 2: a part of the report; 3: a group inside it; 0: no heading of its own on the printed page. */
  level: 0 | 2 | 3;
  /** Long or secondary: the UI shows it folded. */
  folded: boolean;
  blocks: TechBlock[];
}

/** One piece of raw evidence (a registry output, a file), with the thing it belongs to. */
export interface TechEvidence {
  where: string;
  source: string;
  raw: string | null;
  error: string | null;
}

export interface TechnicianModel {
  /** The summary a technician reads first (UI and console; the printed page has its own page 1). */
  summary: TechRow[];
  sections: TechSection[];
  /** Raw evidence (UI only: the printed report leaves raw data out). */
  evidence: TechEvidence[];
}

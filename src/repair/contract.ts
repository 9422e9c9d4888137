// The repair as the UI sees it (issue #18): the offer (what will change, in words and values),
// the user's request, the result with the read-back, the restart. Plain data for the contract
// (src/api.ts); the host computes it from the live machine, never from the report's text.
import type { Text } from '../util/text';

export interface RepairChangeView {
  /** The full key (from FIX_KEYS). */
  path: string;
  name: string;
  /** "assente" or "0x00000800 (2048)". */
  before: string;
  after: string;
  label: Text;
}

export type RepairOffer =
  | {
      status: 'ready';
      /** Our own name of this Windows. */
      windows: string;
      changes: RepairChangeView[];
      /** KB3140245 is downloaded from Microsoft and installed. */
      update: boolean;
      notes: Text[];
      /** Identifies exactly this plan: the repair stops if the machine's plan is no longer this one. */
      consentId: string;
    }
  /** Nothing to repair, no repair possible here (the findings' plan says what to do), or this host cannot repair (web bridge, not Windows). */
  | { status: 'nothing' | 'blocked' | 'unavailable'; reason: Text };

export interface RepairRequest {
  consentId: string;
  /** Go on when Windows cannot make a restore point (the undo file is always made). */
  goOnWithoutRestorePoint: boolean;
}

export interface RepairReadBack {
  path: string;
  name: string;
  value: string;
  ok: boolean;
}

export type RepairResult =
  /** The administrator's permission was not given: nothing changed. */
  | { status: 'refused'; message: Text }
  | {
      status: 'done' | 'failed' | 'stopped';
      message: Text;
      undoFile: string | null;
      restorePoint: Text | null;
      readBack: RepairReadBack[];
      update: Text | null;
      rolledBack: boolean;
      restartNeeded: boolean;
    };

export type RestartChoice = 'now' | 'later';

export type RestartResult =
  { status: 'scheduled'; seconds: number; recheck: boolean } | { status: 'later'; recheck: boolean } | { status: 'failed'; message: Text };

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
      /** A terminal server: the restart ends every connected user's session (said before the restart). */
      terminalServer?: boolean;
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
  /** The history id of the run the repair starts from: the "before" of the re-check after the restart. */
  beforeRunId?: string;
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

/** How the app was started: by the user, or by Windows after a repair's restart (the one-time re-check, RunOnce). */
export type StartupIntent = { kind: 'normal' } | { kind: 'after-repair'; beforeRunId: string | null };

/** One value an undo file puts back, as the history's "Annulla la riparazione" shows it. */
export interface UndoValueView {
  /** What the value does, in plain words (the repair's own label). */
  label: Text;
  path: string;
  name: string;
  /** "assente" (the value is deleted) or "0x000000a0 (160)". */
  value: string;
}

/** A repair made by this app, kept in the app-data folder: the run it repaired and the undo file it saved first. */
export interface RepairRecordView {
  /** The history id of the run the repair started from (null when that run was not kept). */
  runId: string | null;
  at: string;
  undoFile: string;
  /** What the undo file would put back, read strictly now; null with the reason when it cannot be used. */
  values: UndoValueView[] | null;
  problem: Text | null;
  /** When it was undone from the history (ISO), if it was. */
  undoneAt: string | null;
}

export type UndoResult =
  /** The administrator's permission was not given: nothing changed. */
  | { status: 'refused'; message: Text }
  /** `nothing`: every value already was as the undo file says. */
  | { status: 'done' | 'nothing' | 'failed'; message: Text; readBack: RepairReadBack[] };

/** A repair that changed nothing (refused before any write, or stopped): the one shape every side reports. */
export function nothingChanged(status: 'failed' | 'stopped', message: Text): RepairResult {
  return { status, message, undoFile: null, restorePoint: null, readBack: [], update: null, rolledBack: false, restartNeeded: false };
}

// The repair (issue #18): plan from the live machine, safety nets, changes, read-back, update.
export { readFixInputs, liveFamily, liveState, viewOf } from './live';
export { repairPlan, changedSince, showValue, type RepairPlan, type RepairChange, type RepairUpdate, type RepairBlock } from './plan';
export { parseUndoFile, regLines, regFileBytes, UndoFileError, type RegAssignment } from './reg-file';
export {
  runRepair,
  reinstallNotDone,
  runUndo,
  defaultUndoDir,
  saveUndoFile,
  type RepairOutcome,
  type RepairEvent,
  type RepairOptions,
  type ReadyPlan,
} from './run';
export {
  KB3140245_PACKAGES,
  MICROSOFT_KB_BASE,
  packageFor,
  downloadPackage,
  installPackage,
  wusaResult,
  type WusaResult,
  type KbPackage,
} from './kb3140245';
export { makeRestorePoint, type RestorePointResult } from './restore-point';
export type { RepairLog } from './log';

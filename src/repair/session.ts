// The repair behind the desktop app: the offer from the live machine (compared with the values
// the diagnosis saw), the job file handed to the elevated instance with its hash, the job run
// there, and its result in the contract's shape. No Electron here: main/repair-*.ts wire it.
import * as crypto from 'crypto';
import * as fs from 'fs';
import type { Report } from '../diagnosis/types';
import type { WindowsFamily } from '../diagnosis/windows-family';
import { FIX_KEYS, fixInputsOf } from '../fix/registry-fix';
import type { Exec } from '../platform/exec';
import type { Registry } from '../platform/registry';
import { text } from '../util/text';
import { readFixInputs } from './live';
import type { RepairLog } from './log';
import { repairPlan, showValue, type RepairPlan } from './plan';
import { reinstallNotDone, runRepair, runUndo, type ReadyPlan } from './run';
import { readUndoFile } from './records';
import type { RepairOffer, RepairRecordView, RepairRequest, RepairResult, StartupIntent, UndoResult } from './contract';
import { nothingChanged } from './contract';

/** Where a repair reads and writes: this Windows (reg.exe), or a test machine. */
export interface RepairMachine {
  family(): Promise<WindowsFamily | null>;
  /** The language pack installed after KB3140245 ("en-US, 2020-10-05"), or null (none, or not known). */
  languagePackAfterKb?(): Promise<string | null>;
  registry: Registry;
  exec: Exec;
  regExe?: string;
}

export const UNAVAILABLE = text(
  'La riparazione automatica si fa dall’app PEC Doctor installata su questo computer Windows.',
  'The automatic repair runs from the PEC Doctor app installed on this Windows computer.',
);

/** Same plan, same id: what the user consented to is what the elevated instance must find. */
export function consentIdOf(plan: ReadyPlan): string {
  const essence = {
    w: plan.windows.name,
    c: plan.changes.map((c) => [c.key, c.name, c.before, c.after]),
    u: plan.updates.map((u) => u.id),
  };
  return crypto.createHash('sha256').update(JSON.stringify(essence)).digest('hex').slice(0, 32);
}

/** The plan from the machine as it is now; stops when it differs from what the report's diagnosis saw. */
export async function livePlan(machine: RepairMachine, report: Report | null): Promise<{ plan: RepairPlan; family: WindowsFamily | null }> {
  const family = await machine.family();
  const live = await readFixInputs(machine.registry, family?.arch ?? null);
  const diagnosed = report?.inventory?.windows ? fixInputsOf(report.inventory.windows) : undefined;
  const trap = (await machine.languagePackAfterKb?.()) ?? null;
  return { plan: repairPlan(family, live, diagnosed, trap), family };
}

export function offerOf(plan: RepairPlan): RepairOffer {
  if (plan.status !== 'ready') return { status: plan.status, reason: plan.reason };
  if (plan.changes.length === 0 && plan.updates.length === 0)
    return { status: 'nothing', reason: text('Non c’è nulla da cambiare.', 'There is nothing to change.') };
  return {
    status: 'ready',
    windows: plan.windows.name,
    terminalServer: plan.windows.terminalServer === true,
    changes: plan.changes.map((c) => ({
      path: c.path,
      name: c.name,
      before: showValue(c.before),
      after: showValue(c.after),
      label: c.label,
    })),
    update: plan.updates.length > 0,
    notes: plan.notes,
    consentId: consentIdOf(plan),
  };
}

/** What the elevated instance is asked to do: the consented repair... */
export interface RepairJob {
  consentId: string;
  goOnWithoutRestorePoint: boolean;
  undoDir: string;
  resultFile: string;
}

/** ...or an undo file written back (the history's "Annulla la riparazione"). */
export interface UndoJob {
  undo: string;
  resultFile: string;
}

export function writeJob(file: string, job: RepairJob | UndoJob): string {
  const bytes = Buffer.from(JSON.stringify(job), 'utf8');
  fs.writeFileSync(file, bytes, { flag: 'wx', mode: 0o600 });
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

const isUndoJob = (j: Record<string, unknown>): boolean =>
  Object.keys(j).length === 2 && typeof j.undo === 'string' && typeof j.resultFile === 'string';

/** The job, only when its bytes still have the hash given on the elevated command line. */
export function readJob(file: string, hash: string): RepairJob | UndoJob | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  if (bytes.length > 16 * 1024 || crypto.createHash('sha256').update(bytes).digest('hex') !== hash) return null;
  const j = JSON.parse(bytes.toString('utf8')) as Partial<RepairJob>;
  if (j && typeof j === 'object' && isUndoJob(j as Record<string, unknown>)) return j as unknown as UndoJob;
  if (
    typeof j.consentId !== 'string' ||
    typeof j.undoDir !== 'string' ||
    typeof j.resultFile !== 'string' ||
    typeof j.goOnWithoutRestorePoint !== 'boolean'
  )
    return null;
  return j as RepairJob;
}

/** Runs the job (in the elevated instance): plans again from the live machine, checks the consent, repairs. */
export async function runJob(job: RepairJob, machine: RepairMachine, log: RepairLog): Promise<RepairResult> {
  const { plan, family } = await livePlan(machine, null);
  if (plan.status !== 'ready' || consentIdOf(plan) !== job.consentId || !family) {
    log.warn('repair.consent-mismatch', { status: plan.status });
    return nothingChanged(
      'stopped',
      text(
        'Il computer non è più nello stato mostrato quando hai dato il consenso: nulla è stato cambiato. Ripeti il controllo.',
        'The computer is no longer in the state shown when you consented: nothing was changed. Run the check again.',
      ),
    );
  }
  const out = await runRepair({
    plan,
    family,
    registry: machine.registry,
    exec: machine.exec,
    log,
    undoDir: job.undoDir,
    regExe: machine.regExe,
    goOnWithoutRestorePoint: async () => job.goOnWithoutRestorePoint,
  });
  return {
    status: out.status,
    message:
      out.failure ??
      reinstallNotDone(plan, out.update) ??
      (out.restartNeeded
        ? text(
            'Riparazione completata. Riavvia il computer perché abbia effetto.',
            'Repair complete. Restart the computer for it to take effect.',
          )
        : text('Riparazione completata.', 'Repair complete.')),
    undoFile: out.undoFile,
    restorePoint: out.restorePoint ? out.restorePoint.note : null,
    readBack: out.values.map((v) => ({
      path: plan.changes.find((c) => c.key === v.key)?.path ?? v.key,
      name: v.name,
      value: showValue(v.readBack),
      ok: v.ok,
    })),
    update: out.update ? out.update.text : null,
    rolledBack: out.rolledBack,
    restartNeeded: out.restartNeeded,
  };
}

/** Runs an undo job (in the elevated instance): the file read strictly again, each value written and read back. */
export async function runUndoJob(job: UndoJob, machine: RepairMachine, log: RepairLog): Promise<UndoResult> {
  const read = readUndoFile(job.undo);
  const family = await machine.family();
  if ('problem' in read || !family) {
    log.warn('repair.undo.refused', { file: job.undo });
    const problem = 'problem' in read && read.problem ? read.problem : UNAVAILABLE;
    return { status: 'failed', message: text(`${problem.it} Nulla è stato cambiato.`, `${problem.en} Nothing was changed.`), readBack: [] };
  }
  log.info('repair.undo.file', { file: job.undo });
  const r = await runUndo({
    values: read.values,
    arch: family.arch,
    registry: machine.registry,
    exec: machine.exec,
    log,
    regExe: machine.regExe,
  });
  const readBack = r.values.map((v) => ({ path: FIX_KEYS[v.key], name: v.name, value: showValue(v.readBack), ok: v.ok }));
  if (!r.ok) return { status: 'failed', message: r.failure ?? text('Annullamento non riuscito.', 'Undo failed.'), readBack };
  if (r.unchanged)
    return {
      status: 'nothing',
      message: text(
        'I valori erano già quelli di prima della riparazione: nulla da cambiare.',
        'The values already were those from before the repair: nothing to change.',
      ),
      readBack,
    };
  return {
    status: 'done',
    message: text(
      'I valori del registro sono tornati com’erano prima della riparazione. Riavvia il computer perché abbia effetto.',
      'The registry values are back as they were before the repair. Restart the computer for it to take effect.',
    ),
    readBack,
  };
}

export function isRepairRequest(r: RepairRequest): boolean {
  return /^[0-9a-f]{32}$/.test(r.consentId);
}

/** The repair's host methods where no repair can run (the web bridge): each says so. */
export function unavailableRepairHost(): {
  planRepair(): Promise<RepairOffer>;
  startRepair(): Promise<RepairResult>;
  restartAfterRepair(): Promise<{ status: 'failed'; message: typeof UNAVAILABLE }>;
  getStartupIntent(): Promise<StartupIntent>;
  listRepairs(): Promise<RepairRecordView[]>;
  undoRepair(): Promise<UndoResult>;
} {
  return {
    planRepair: async () => ({ status: 'unavailable', reason: UNAVAILABLE }),
    startRepair: async () => ({ status: 'refused', message: UNAVAILABLE }),
    restartAfterRepair: async () => ({ status: 'failed', message: UNAVAILABLE }),
    getStartupIntent: async () => ({ kind: 'normal' }),
    listRepairs: async () => [],
    undoRepair: async () => ({ status: 'refused', message: UNAVAILABLE }),
  };
}

// One repair, in the order the safety nets demand: (download and check the update, which changes
// nothing) → the undo file → a restore point (or the user's choice to go on without one) → the
// registry changes → a read-back of every value → the update installed. Any failure after the
// first change puts back what was changed and says what happened. Every step goes to the log.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { undoValues, type FixKeyId, type FixValueName } from '../fix/registry-fix';
import type { Exec } from '../platform/exec';
import type { Registry } from '../platform/registry';
import { safeWriteFileSync } from '../platform/safe-write';
import type { WindowsFamily } from '../diagnosis/windows-family';
import type { Text } from '../util/text';
import { text } from '../util/text';
import type { RepairLog } from './log';
import type { RepairPlan } from './plan';
import { regFileBytes, regLines, type RegAssignment } from './reg-file';
import { applyWrites, rollback, type RegWrite, type RegWriteResult, type RegWriterOptions } from './registry-write';
import { makeRestorePoint, type RestorePointResult } from './restore-point';
import {
  downloadPackage,
  installPackage,
  KbDownloadError,
  packageFor,
  type DownloadEvent,
  type KbPackage,
  type WusaResult,
} from './kb3140245';
import { readFixValue, viewOf } from './live';

export type ReadyPlan = Extract<RepairPlan, { status: 'ready' }>;

export type RepairEvent =
  | { step: 'download'; received: number; total: number | null }
  | { step: 'downloaded'; file: string }
  | { step: 'undo-saved'; file: string }
  | { step: 'restore-point'; result: RestorePointResult }
  | { step: 'registry'; results: RegWriteResult[] }
  | { step: 'install'; result: WusaResult };

export interface RepairOutcome {
  status: 'done' | 'failed' | 'stopped';
  /** The undo file saved before any change (null when none was needed or it failed). */
  undoFile: string | null;
  restorePoint: RestorePointResult | null;
  /** Every value written and what it read back. */
  values: RegWriteResult[];
  update: WusaResult | null;
  /** Set when something failed: what happened. */
  failure: Text | null;
  rolledBack: boolean;
  /** A restart completes the change (SChannel reads its settings at start; wusa may say so). */
  restartNeeded: boolean;
}

export interface RepairOptions {
  plan: ReadyPlan;
  family: Pick<WindowsFamily, 'release' | 'arch' | 'server'>;
  registry: Registry;
  exec: Exec;
  log: RepairLog;
  /** Where the undo file goes (the user's Documents folder in the app and the CLI). */
  undoDir: string;
  skipUpdate?: boolean;
  /** Called when no restore point could be made: true = go on (the undo file exists). Default: go on. */
  goOnWithoutRestorePoint?: (r: RestorePointResult) => Promise<boolean>;
  /** Injected in tests (a stand-in for Checkpoint-Computer). */
  restorePoint?: () => Promise<RestorePointResult>;
  /** KB download: tests inject a loopback base URL, CA and package table. */
  kb?: { baseUrl?: string; ca?: string | Buffer; packages?: readonly KbPackage[]; wusa?: string; dir?: string };
  onEvent?: (e: RepairEvent) => void;
  now?: () => Date;
  signal?: AbortSignal;
  regExe?: string;
}

const stamp = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
};

/** Where the undo file is kept: the user's Documents\PEC Doctor (PEC_DOCTOR_HOME in tests and portable use). */
export function defaultUndoDir(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (env.PEC_DOCTOR_HOME) return path.join(path.resolve(env.PEC_DOCTOR_HOME), 'riparazioni');
  return path.join(env.USERPROFILE || home, 'Documents', 'PEC Doctor');
}

/** Writes the undo file (never over an existing one) and returns its path. */
export function saveUndoFile(dir: string, values: RegAssignment[], when: Date, comments: string[]): string {
  fs.mkdirSync(dir, { recursive: true });
  let file = path.join(dir, `annulla-riparazione-pec-${stamp(when)}.reg`);
  for (let i = 2; fs.existsSync(file); i++) file = path.join(dir, `annulla-riparazione-pec-${stamp(when)}-${i}.reg`);
  safeWriteFileSync(file, regFileBytes(regLines(values, comments)));
  return file;
}

function undoComments(when: Date): string[] {
  return [
    `PEC Doctor: valori del registro com'erano prima della riparazione del ${when.toLocaleString('it-IT')}.`,
    'Per tornare indietro: pec-doctor repair --undo <questo file> --yes (prompt dei comandi da amministratore),',
    'oppure doppio clic su questo file da amministratore. Poi riavvia il computer.',
  ];
}

const stop = (out: RepairOutcome, failure: Text): RepairOutcome => ({ ...out, status: 'stopped', failure });

/** Step 1: the update's package, downloaded and checked (changes nothing). A Text when it failed. */
async function fetchUpdate(o: RepairOptions): Promise<{ file: string } | { failure: Text }> {
  const p = packageFor(o.family, o.kb?.packages);
  if (!p) {
    o.log.warn('repair.stopped', { reason: 'no package', release: o.family.release, arch: o.family.arch });
    return {
      failure: text(
        'Non c’è un pacchetto KB3140245 per questo Windows e questa architettura: nulla è stato cambiato.',
        'There is no KB3140245 package for this Windows and architecture: nothing was changed.',
      ),
    };
  }
  try {
    o.log.info('repair.download.start', { file: p.fileName });
    const file = await downloadPackage(p, {
      baseUrl: o.kb?.baseUrl,
      ca: o.kb?.ca,
      dir: o.kb?.dir ?? path.join(os.tmpdir(), 'pec-doctor-update'),
      signal: o.signal,
      onProgress: (e: DownloadEvent) => o.onEvent?.({ step: 'download', ...e }),
    });
    o.log.fileWritten(file, { what: 'kb3140245', sha1: p.sha1 });
    o.onEvent?.({ step: 'downloaded', file });
    return { file };
  } catch (err) {
    const e =
      err instanceof KbDownloadError
        ? err
        : new KbDownloadError('network', text('Scaricamento non riuscito.', 'Download failed.'), String(err));
    o.log.error('repair.download.failed', { reason: e.reason, error: e.message });
    return { failure: text(`${e.text.it} Nulla è stato cambiato.`, `${e.text.en} Nothing was changed.`) };
  }
}

/** Steps 2–3: the undo file, then a restore point (or the user's choice). A Text when the repair must stop. */
async function safetyNets(o: RepairOptions, out: RepairOutcome, now: () => Date): Promise<Text | null> {
  try {
    out.undoFile = saveUndoFile(o.undoDir, undoValues(o.plan.changes), now(), undoComments(now()));
    o.log.fileWritten(out.undoFile, { what: 'reg-undo' });
    o.onEvent?.({ step: 'undo-saved', file: out.undoFile });
  } catch (err) {
    o.log.error('repair.undo.failed', { error: err as Error });
    return text(
      `Non riesco a salvare il file di annullamento in "${o.undoDir}": senza, non cambio nulla.`,
      `Cannot save the undo file in "${o.undoDir}": without it, nothing is changed.`,
    );
  }
  const rp = await (o.restorePoint ?? (() => makeRestorePoint({ exec: o.exec, server: o.family.server !== null })))();
  out.restorePoint = rp;
  o.onEvent?.({ step: 'restore-point', result: rp });
  if (rp.made) {
    o.log.info('repair.restore-point', { made: true });
    return null;
  }
  o.log.warn('repair.restore-point', { made: false, reason: rp.reason, detail: rp.detail });
  if (!o.goOnWithoutRestorePoint || (await o.goOnWithoutRestorePoint(rp))) return null;
  o.log.info('repair.stopped', { reason: 'no restore point, user stopped' });
  return text(
    'Riparazione interrotta: senza punto di ripristino hai scelto di non continuare. Nulla è stato cambiato.',
    'Repair stopped: without a restore point you chose not to go on. Nothing was changed.',
  );
}

/** Step 6: wusa; a failed install puts the registry back. */
async function installUpdate(
  o: RepairOptions,
  out: RepairOutcome,
  file: string,
  wo: RegWriterOptions,
  writes: RegWrite[],
): Promise<RepairOutcome> {
  o.log.info('repair.install.start', { file });
  const update = await installPackage(file, { exec: o.exec, wusa: o.kb?.wusa });
  o.onEvent?.({ step: 'install', result: update });
  o.log[update.ok ? 'info' : 'error']('repair.install', { outcome: update.outcome, code: update.code });
  fs.rmSync(file, { force: true });
  if (update.ok) return { ...out, update, restartNeeded: out.restartNeeded || update.outcome !== 'already-installed' };
  const rb = writes.length ? await rollback(wo, writes) : null;
  const back = rb
    ? rb.ok
      ? [' Ho rimesso i valori del registro com’erano.', ' The registry values were put back.']
      : [
          ' ATTENZIONE: non tutti i valori sono tornati com’erano: usa il file di annullamento.',
          ' WARNING: not every value is back: use the undo file.',
        ]
    : ['', ''];
  return {
    ...out,
    update,
    status: 'failed',
    rolledBack: rb !== null,
    restartNeeded: false,
    failure: text(update.text.it + back[0], update.text.en + back[1]),
  };
}

export async function runRepair(o: RepairOptions): Promise<RepairOutcome> {
  const now = o.now ?? (() => new Date());
  let out: RepairOutcome = {
    status: 'failed',
    undoFile: null,
    restorePoint: null,
    values: [],
    update: null,
    failure: null,
    rolledBack: false,
    restartNeeded: false,
  };
  const wantsUpdate = !o.skipUpdate && o.plan.updates.length > 0;
  o.log.info('repair.start', {
    windows: o.plan.windows.name,
    changes: o.plan.changes.map((c) => `${c.path}\\${c.name}`),
    update: wantsUpdate ? 'KB3140245' : 'none',
  });

  let packageFile: string | null = null;
  if (wantsUpdate) {
    const got = await fetchUpdate(o);
    if ('failure' in got) return stop(out, got.failure);
    packageFile = got.file;
  }
  const writes: RegWrite[] = o.plan.changes.map((c) => ({ key: c.key, name: c.name, before: c.before as number | null, after: c.after }));
  if (writes.length) {
    const stopped = await safetyNets(o, out, now);
    if (stopped) return stop(out, stopped);
  }
  // 4–5. The changes, each read back; a failure puts back what was written.
  const wo: RegWriterOptions = { exec: o.exec, registry: o.registry, view: viewOf(o.family.arch), log: o.log, regExe: o.regExe };
  if (writes.length) {
    const applied = await applyWrites(wo, writes);
    out.values = applied.results;
    o.onEvent?.({ step: 'registry', results: applied.results });
    if (!applied.ok) {
      o.log.error('repair.failed', { step: 'registry', reason: applied.failure?.en ?? '' });
      const nothing = applied.results.length === 0 && applied.rolledBack === null;
      return { ...out, failure: applied.failure, rolledBack: applied.rolledBack !== null, status: nothing ? 'stopped' : 'failed' };
    }
    out.restartNeeded = true;
  }
  if (packageFile) {
    out = await installUpdate(o, out, packageFile, wo, writes);
    if (!out.update?.ok) return out;
  }
  o.log.info('repair.done', { undo: out.undoFile ?? '', restart: out.restartNeeded });
  return { ...out, status: 'done' };
}

/**
 * The language-pack trap asked for a reinstall and wusa answered "already installed": Windows did
 * not apply the package again, so the trap may still be there. Said plainly, with the technician's
 * way out (uninstall, restart, install). null otherwise.
 */
export function reinstallNotDone(plan: ReadyPlan, update: WusaResult | null): Text | null {
  if (!update || update.outcome !== 'already-installed' || !plan.updates.some((u) => u.reinstallAfter)) return null;
  return text(
    'Windows dice che KB3140245 è già installato e non l’ha reinstallato: il problema del pacchetto di lingua potrebbe restare. Il controllo dopo il riavvio lo dirà; altrimenti il tecnico lo disinstalla (wusa /uninstall /kb:3140245), riavvia e lo reinstalla.',
    'Windows says KB3140245 is already installed and did not reinstall it: the language-pack problem may remain. The check after the restart will tell; otherwise a technician uninstalls it (wusa /uninstall /kb:3140245), restarts and installs it again.',
  );
}

/** `repair --undo`: the values of an undo file written back, each read back; a failure puts back the values found. */
export async function runUndo(o: {
  values: RegAssignment[];
  arch: WindowsFamily['arch'];
  registry: Registry;
  exec: Exec;
  log: RepairLog;
  regExe?: string;
}): Promise<{ ok: boolean; values: RegWriteResult[]; failure: Text | null; unchanged: boolean }> {
  const wo: RegWriterOptions = { exec: o.exec, registry: o.registry, view: viewOf(o.arch), log: o.log, regExe: o.regExe };
  const writes: { key: FixKeyId; name: FixValueName; before: number | null; after: number | null }[] = [];
  for (const v of o.values) {
    const before = await readFixValue(o.registry, v.key, v.name, wo.view);
    if (before === undefined) {
      return {
        ok: false,
        values: [],
        unchanged: true,
        failure: text(`Non riesco a leggere ${v.name}: nulla è stato cambiato.`, `Cannot read ${v.name}: nothing was changed.`),
      };
    }
    if (before !== v.value) writes.push({ key: v.key, name: v.name, before, after: v.value });
  }
  o.log.info('repair.undo.start', { values: o.values.map((v) => `${v.key}\\${v.name}`), toChange: writes.length });
  if (writes.length === 0) return { ok: true, values: [], failure: null, unchanged: true };
  const r = await applyWrites(wo, writes);
  o.log[r.ok ? 'info' : 'error']('repair.undo.done', { ok: r.ok });
  return { ok: r.ok, values: r.results, failure: r.failure, unchanged: false };
}

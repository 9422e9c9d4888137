// The repair's host methods in the desktop app (issue #18): the offer from the live machine, the
// job handed to an elevated instance of this same executable (one UAC prompt for the batch), the
// result read back from that instance, the restart and the one-time re-check. The elevated side
// is runRepairJob below, started by main.ts before the single-instance lock.
import { app } from 'electron';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { HostApi, RepairResult } from '../src/api';
import { nothingChanged } from '../src/repair/contract';
import { exec as realExec } from '../src/platform/exec';
import { log } from '../src/log/index';
import { text } from '../src/util/text';
import { livePlan, offerOf, readJob, runJob, runUndoJob, UNAVAILABLE, writeJob, type RepairJob, type UndoJob } from '../src/repair/session';
import type { RepairMachine } from '../src/repair/session';
import { addRecord, markUndone, readRecords, recordOfRun, recordsFile, recordView } from '../src/repair/records';
import { startupIntent } from '../src/repair/recheck';
import { windowsRepairMachine } from '../src/repair/machine';
import { defaultUndoDir } from '../src/repair/run';
import { afterRepairArgs, registerRecheck, scheduleRestart } from '../src/repair/restart';
import type { UndoResult } from '../src/api';
import { elevate, HASH_FLAG, JOB_FLAG, repairJobArgs } from './repair-elevate';
import { testMachine, testRepairDir } from './repair-test-machine';

type RepairHost = Pick<HostApi, 'planRepair' | 'startRepair' | 'restartAfterRepair' | 'getStartupIntent' | 'listRepairs' | 'undoRepair'>;

function machine(): (RepairMachine & { uacRefused?: () => boolean; recordRestart?: (a: unknown) => void }) | null {
  const dir = testRepairDir(app.isPackaged);
  if (dir) return testMachine(dir);
  return process.platform === 'win32' ? windowsRepairMachine() : null;
}

const refused = (): RepairResult => ({
  status: 'refused',
  message: text(
    'Il permesso di amministratore non è stato dato: nulla è stato cambiato. Puoi riprovare quando vuoi.',
    'Administrator permission was not given: nothing was changed. You can try again at any time.',
  ),
});
const failed = (detail: string): RepairResult =>
  nothingChanged(
    'failed',
    text(`La riparazione non è partita (${detail}): nulla è stato cambiato.`, `The repair did not start (${detail}): nothing was changed.`),
  );

export function createRepairHost(): RepairHost {
  return {
    async planRepair(report) {
      const m = machine();
      if (!m) {
        log.info('repair.offer', { status: 'unavailable' });
        return { status: 'unavailable', reason: UNAVAILABLE };
      }
      const { plan } = await livePlan(m, report);
      const offer = offerOf(plan);
      log.info('repair.offer', { status: offer.status });
      return offer;
    },
    async startRepair(request) {
      const m = machine();
      if (!m) return failed('non è Windows');
      const job = (resultFile: string): RepairJob => ({
        consentId: request.consentId,
        goOnWithoutRestorePoint: request.goOnWithoutRestorePoint,
        undoDir: defaultUndoDir(),
        resultFile,
      });
      const r = await elevated<RepairResult>(m, job, refused, failed);
      logged(r);
      // The record: which run was repaired (the re-check's "before") and where its undo file is.
      if (r.status !== 'refused' && r.undoFile && r.status === 'done')
        addRecord(recordsFile(), { runId: request.beforeRunId ?? null, at: new Date().toISOString(), undoFile: r.undoFile });
      return r;
    },
    async getStartupIntent() {
      // Once per process: a reloaded window does not start the re-check again.
      const intent = startupConsumed ? ({ kind: 'normal' } as const) : startupIntent(afterRepairArgs(process.argv));
      startupConsumed = true;
      log.info('repair.startup-intent', { kind: intent.kind, before: intent.kind === 'after-repair' ? (intent.beforeRunId ?? '') : '' });
      return intent;
    },
    async listRepairs() {
      return readRecords(recordsFile()).map(recordView);
    },
    async undoRepair(runId) {
      const m = machine();
      const record = recordOfRun(readRecords(recordsFile()), runId);
      if (!m || !record) return { status: 'failed', message: NO_UNDO, readBack: [] };
      log.info('repair.undo.request', { run: runId, file: record.undoFile });
      const r = await elevated<UndoResult>(
        m,
        (resultFile): UndoJob => ({ undo: record.undoFile, resultFile }),
        () => ({ status: 'refused', message: refused().message }),
        (detail) => ({ status: 'failed', message: failed(detail).message, readBack: [] }),
      );
      log[r.status === 'done' || r.status === 'nothing' ? 'info' : 'warn']('repair.undo.result', { status: r.status });
      if (r.status === 'done' || r.status === 'nothing') markUndone(recordsFile(), record.undoFile, new Date().toISOString());
      return r;
    },
    async restartAfterRepair(choice) {
      const m = machine();
      if (!m) return { status: 'failed', message: UNAVAILABLE };
      // The re-check after the restart: only the installed app can be started by Windows.
      let recheck = false;
      const before = readRecords(recordsFile())[0]?.runId ?? null;
      if (app.isPackaged && process.platform === 'win32') recheck = (await registerRecheck(realExec, process.execPath, before)).ok;
      if (choice === 'later') return { status: 'later', recheck };
      if (m.recordRestart) {
        m.recordRestart({ restart: 'shutdown.exe /r /t 60' });
        return { status: 'scheduled', seconds: 60, recheck };
      }
      const r = await scheduleRestart(realExec, 60);
      log[r.ok ? 'info' : 'error']('repair.restart', { ok: r.ok, code: r.code });
      return r.ok
        ? { status: 'scheduled', seconds: 60, recheck }
        : {
            status: 'failed',
            message: text(
              'Windows non ha accettato il riavvio: riavvia dal menu Start.',
              'Windows did not accept the restart: restart from the Start menu.',
            ),
          };
    },
  };
}

let startupConsumed = false;

const NO_UNDO = text('Per questo controllo non c’è una riparazione da annullare.', 'There is no repair to undo for this check.');

type Machine = NonNullable<ReturnType<typeof machine>>;

/**
 * One elevation for a job (a repair or an undo): the job file with its hash, this executable
 * started elevated, its result read back. The stand-in Windows of the desktop suite answers the
 * prompt from a file and runs the job here.
 */
async function elevated<R>(
  m: Machine,
  jobOf: (resultFile: string) => RepairJob | UndoJob,
  onRefused: () => R,
  onFailed: (detail: string) => R,
): Promise<R> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-repair-'));
  const resultFile = path.join(dir, 'result.json');
  const jobFile = path.join(dir, 'job.json');
  const hash = writeJob(jobFile, jobOf(resultFile));
  log.info('repair.elevate', { job: jobFile });
  try {
    if (m.uacRefused) {
      if (m.uacRefused()) return onRefused();
      const job = readJob(jobFile, hash)!;
      fs.writeFileSync(resultFile, JSON.stringify('undo' in job ? await runUndoJob(job, m, log) : await runJob(job, m, log)));
    } else {
      const r = await elevate(realExec, process.execPath, [`${JOB_FLAG}${jobFile}`, `${HASH_FLAG}${hash}`]);
      if (r.status === 'refused') return onRefused();
      if (r.status === 'failed') return onFailed(r.detail);
    }
    return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as R;
  } catch (err) {
    log.error('repair.host', { error: err as Error });
    return onFailed((err as Error).message);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function logged(r: RepairResult): RepairResult {
  log[r.status === 'done' ? 'info' : 'warn']('repair.result', { status: r.status });
  return r;
}

export { repairJobArgs };

/** Runs the job in the elevated instance and writes its result next to it; returns the exit code. */
export async function runRepairJob(args: { job: string; hash: string }): Promise<number> {
  const job = readJob(args.job, args.hash);
  if (!job) {
    log.error('repair.job.refused', { job: args.job });
    return 2;
  }
  log.info('repair.job.start', { job: args.job, id: crypto.createHash('sha256').update(args.hash).digest('hex').slice(0, 8) });
  const result = 'undo' in job ? await runUndoJob(job, windowsRepairMachine(), log) : await runJob(job, windowsRepairMachine(), log);
  fs.writeFileSync(job.resultFile, JSON.stringify(result));
  return result.status === 'done' || result.status === 'nothing' ? 0 : 1;
}

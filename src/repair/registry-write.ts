// Writing the fix's values with reg.exe (execFile, argument arrays, a timeout), reading each one
// back, and putting back what was there when anything fails. Keys come only from FIX_KEYS and
// data only from DWORD integers: nothing read from a file or a report becomes an argument.
import * as path from 'path';
import { FIX_KEYS, isDword, type FixKeyId, type FixValueName } from '../fix/registry-fix';
import type { Exec } from '../platform/exec';
import type { Registry } from '../platform/registry';
import type { Text } from '../util/text';
import { text } from '../util/text';
import { readFixValue } from './live';
import { showValue } from './plan';
import type { RepairLog } from './log';

export interface RegWrite {
  key: FixKeyId;
  name: FixValueName;
  /** What the machine had (null: absent): the value the rollback puts back. */
  before: number | null;
  /** What to write (null: delete the value). */
  after: number | null;
}

export interface RegWriteResult extends RegWrite {
  /** What reg.exe reads after the write (undefined: could not be read). */
  readBack: number | null | undefined;
  ok: boolean;
}

export interface ApplyResult {
  ok: boolean;
  results: RegWriteResult[];
  /** Set when it failed: what happened, in plain words. */
  failure: Text | null;
  /** Set when a failure made us put the previous values back: whether every one read back as before. */
  rolledBack: { ok: boolean; values: RegWriteResult[] } | null;
}

export interface RegWriterOptions {
  exec: Exec;
  registry: Registry;
  /** 64 on 64-bit Windows (explicit view), undefined on 32-bit Windows. */
  view: 64 | undefined;
  log: RepairLog;
  regExe?: string;
  timeoutMs?: number;
}

export const defaultRegExe = () => (process.env.SystemRoot ? path.win32.join(process.env.SystemRoot, 'System32', 'reg.exe') : 'reg');

/** The reg.exe arguments of one write: `add … /t REG_DWORD /d <decimal> /f` or `delete … /v <name> /f`. */
export function regArgs(w: { key: FixKeyId; name: FixValueName; value: number | null }, view: 64 | undefined): string[] {
  const viewArg = view ? [`/reg:${view}`] : [];
  if (w.value === null) return ['delete', FIX_KEYS[w.key], '/v', w.name, '/f', ...viewArg];
  if (!isDword(w.value)) throw new Error(`not a DWORD: ${String(w.value)}`);
  return ['add', FIX_KEYS[w.key], '/v', w.name, '/t', 'REG_DWORD', '/d', String(w.value >>> 0), '/f', ...viewArg];
}

/** Deleting a value that is already absent is a success (the state wanted is there). */
const ABSENT = /unable to find|impossibile trovare|nicht gefunden|impossible de trouver/i;

async function writeOne(o: RegWriterOptions, w: { key: FixKeyId; name: FixValueName; value: number | null }): Promise<string | null> {
  const args = regArgs(w, o.view);
  const r = await o.exec(o.regExe ?? defaultRegExe(), args, { timeoutMs: o.timeoutMs ?? 30_000, encoding: 'console' });
  o.log.info('repair.reg', { command: r.command, code: r.code, ok: r.ok });
  if (r.ok) return null;
  if (w.value === null && r.error === null && ABSENT.test(`${r.stderr}\n${r.stdout}`)) return null;
  return (r.error ?? `${r.stderr || r.stdout}`.trim().split(/\r?\n/)[0]) || `exit ${r.code}`;
}

async function readBackAll(o: RegWriterOptions, ws: RegWrite[], target: 'after' | 'before'): Promise<RegWriteResult[]> {
  const out: RegWriteResult[] = [];
  for (const w of ws) {
    const readBack = await readFixValue(o.registry, w.key, w.name, o.view);
    out.push({ ...w, readBack, ok: readBack === w[target] });
  }
  return out;
}

const where = (w: RegWrite) => `${FIX_KEYS[w.key]}\\${w.name}`;

/** Puts back `before` for every write given (reverse order), then reads each back. */
export async function rollback(o: RegWriterOptions, applied: RegWrite[]): Promise<{ ok: boolean; values: RegWriteResult[] }> {
  for (const w of [...applied].reverse()) {
    const err = await writeOne(o, { key: w.key, name: w.name, value: w.before });
    if (err) o.log.error('repair.rollback.failed', { value: where(w), error: err });
  }
  const values = await readBackAll(o, applied, 'before');
  const ok = values.every((v) => v.ok);
  o.log[ok ? 'info' : 'error']('repair.rollback', { ok, values: values.map((v) => `${where(v)}=${showValue(v.readBack)}`) });
  return { ok, values };
}

/**
 * Checks that every value is still what `before` says, writes them one by one, reads every one
 * back; on any failure puts back what was written. Nothing is written if the check fails.
 */
export async function applyWrites(o: RegWriterOptions, writes: RegWrite[]): Promise<ApplyResult> {
  // The state consented to must be the state we change.
  const now = await readBackAll(o, writes, 'before');
  const moved = now.filter((v) => !v.ok);
  if (moved.length) {
    o.log.warn('repair.state-changed', { values: moved.map((v) => `${where(v)}: ${showValue(v.before)} → ${showValue(v.readBack)}`) });
    return {
      ok: false,
      results: [],
      failure: text(
        `Il registro non è più com’era quando è stato preparato il piano (${moved.map((v) => v.name).join(', ')}): nulla è stato cambiato. Ripeti il controllo.`,
        `The registry is no longer as it was when the plan was made (${moved.map((v) => v.name).join(', ')}): nothing was changed. Run the check again.`,
      ),
      rolledBack: null,
    };
  }
  const applied: RegWrite[] = [];
  for (const w of writes) {
    const err = await writeOne(o, { key: w.key, name: w.name, value: w.after });
    if (err) {
      o.log.error('repair.write.failed', { value: where(w), error: err });
      const denied = /access is denied|accesso negato|denied/i.test(err);
      const rolledBack = applied.length ? await rollback(o, applied) : null;
      return {
        ok: false,
        results: [],
        failure: text(
          `Non sono riuscito a scrivere ${w.name} (${denied ? 'servono i permessi di amministratore' : err}).` +
            (rolledBack
              ? rolledBack.ok
                ? ' Ho rimesso i valori com’erano.'
                : ' ATTENZIONE: non tutti i valori sono tornati com’erano: usa il file di annullamento.'
              : ' Nulla è stato cambiato.'),
          `Could not write ${w.name} (${denied ? 'administrator rights are needed' : err}).` +
            (rolledBack
              ? rolledBack.ok
                ? ' The previous values were put back.'
                : ' WARNING: not every value is back as it was: use the undo file.'
              : ' Nothing was changed.'),
        ),
        rolledBack,
      };
    }
    applied.push(w);
  }
  const results = await readBackAll(o, writes, 'after');
  o.log.info('repair.read-back', { values: results.map((v) => `${where(v)}=${showValue(v.readBack)} ${v.ok ? 'ok' : 'DIFFERENT'}`) });
  if (results.every((r) => r.ok)) return { ok: true, results, failure: null, rolledBack: null };
  const rolledBack = await rollback(o, applied);
  return {
    ok: false,
    results,
    failure: text(
      'Dopo la scrittura alcuni valori non risultano quelli attesi: ' +
        (rolledBack.ok
          ? 'ho rimesso i valori com’erano.'
          : 'ATTENZIONE: non tutti i valori sono tornati com’erano: usa il file di annullamento.'),
      'After writing, some values do not read back as expected: ' +
        (rolledBack.ok ? 'the previous values were put back.' : 'WARNING: not every value is back as it was: use the undo file.'),
    ),
    rolledBack,
  };
}

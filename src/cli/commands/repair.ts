// `pec-doctor repair --dry-run | --yes [--skip-update] | --undo <file> (--dry-run | --yes)`:
// the repair of issue #18 for the technician, from an elevated console. The plan is computed
// from this machine read now (never from a report); --yes saves the undo file first and prints
// its full path, tries a restore point, writes, reads every value back, installs KB3140245
// (unless --skip-update). Exit 0 only when every change was applied and read back, or nothing
// was needed; 1 otherwise; 2 bad usage.
import * as fs from 'fs';
import * as os from 'os';
import type { Command, CommandContext } from '../command';
import { UsageError, writeJson } from '../command';
import { machineSource } from '../../inventory/index';
import { windowsArch } from '../../inventory/windows-os';
import { exec } from '../../platform/exec';
import { windowsRegistry } from '../../platform/registry';
import { log } from '../../log/index';
import { FIX_KEYS } from '../../fix/registry-fix';
import {
  defaultUndoDir,
  liveState,
  parseUndoFile,
  readFixInputs,
  reinstallNotDone,
  repairPlan,
  runRepair,
  runUndo,
  showValue,
  UndoFileError,
  type RepairPlan,
  type RepairEvent,
  type RepairOutcome,
  type ReadyPlan,
} from '../../repair/index';

function planText(plan: RepairPlan, skipUpdate: boolean): string {
  if (plan.status === 'nothing') return `Nulla da cambiare: ${plan.reason.it}\n`;
  if (plan.status === 'blocked') return `Riparazione non possibile: ${plan.reason.it}\n`;
  const lines = [`Riparazione per ${plan.windows.name}${plan.windows.arch ? ` (${plan.windows.arch})` : ''}:`];
  if (plan.changes.length === 0) lines.push('  registro: nessun valore da cambiare');
  for (const c of plan.changes) {
    lines.push(`  - ${c.label.it}`, `      ${c.path}`, `      ${c.name}: ${showValue(c.before)} → ${showValue(c.after)}`);
  }
  for (const u of plan.updates) {
    lines.push(
      skipUpdate
        ? `  - aggiornamento ${u.id}: lasciato da parte (--skip-update)`
        : u.reinstallAfter
          ? `  - reinstalla l’aggiornamento ${u.id} da Microsoft (pacchetto di lingua aggiunto dopo: ${u.reinstallAfter})`
          : `  - installa l’aggiornamento ${u.id} da Microsoft${u.installed === null ? ' (non verificato se già presente: Windows lo dirà)' : ''}`,
    );
  }
  for (const n of plan.notes) lines.push(`  nota: ${n.it}`);
  return lines.join('\n') + '\n';
}

function outcomeText(o: RepairOutcome, plan: ReadyPlan): string {
  const lines: string[] = [];
  if (o.restorePoint)
    lines.push(`Punto di ripristino: ${o.restorePoint.note.it}${o.restorePoint.made ? '' : ` (${o.restorePoint.detail})`}`);
  if (o.values.length) {
    lines.push('Rilettura dei valori:');
    for (const v of o.values) lines.push(`  ${v.ok ? 'OK ' : 'NO '} ${FIX_KEYS[v.key]}\\${v.name} = ${showValue(v.readBack)}`);
  }
  if (o.update) lines.push(`Aggiornamento: ${o.update.text.it}`);
  const notDone = reinstallNotDone(plan, o.update);
  if (notDone) lines.push(`ATTENZIONE: ${notDone.it}`);
  if (o.failure) lines.push(`ERRORE: ${o.failure.it}`);
  if (o.status === 'done') {
    lines.push('Riparazione completata.');
    if (o.restartNeeded) lines.push('Riavvia il computer perché le modifiche abbiano effetto (shutdown /r /t 60).');
  }
  if (o.undoFile) lines.push(`Per annullarla: pec-doctor repair --undo "${o.undoFile}" --yes`);
  return lines.join('\n') + '\n';
}

const windowsOnly = (ctx: CommandContext): number => {
  ctx.stderr.write('pec-doctor repair: la riparazione si fa solo su Windows / the repair runs on Windows only\n');
  return 1;
};

async function undo(ctx: CommandContext, file: string, apply: boolean): Promise<number> {
  let values;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new UsageError(`--undo vuole un file .reg / needs a .reg file: "${file}"`);
    values = parseUndoFile(fs.readFileSync(file));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const msg = err instanceof UndoFileError ? err.text.it : (err as Error).message;
    log.warn('repair.undo.refused', { file, reason: msg });
    ctx.stderr.write(`pec-doctor repair: file di annullamento rifiutato / undo file refused: ${msg}\n`);
    return 1;
  }
  if (!apply) {
    if (ctx.json) writeJson(ctx, { status: 'dry-run', values });
    else {
      ctx.stdout.write('Il file rimetterebbe questi valori (nulla è stato cambiato):\n');
      for (const v of values) ctx.stdout.write(`  ${FIX_KEYS[v.key]}\\${v.name} = ${showValue(v.value)}\n`);
    }
    return 0;
  }
  if (process.platform !== 'win32') return windowsOnly(ctx);
  const arch = windowsArch(process.env, os.arch()) as 'x64' | 'x86' | 'arm64' | null;
  log.info('repair.undo.file', { file });
  const r = await runUndo({ values, arch, registry: windowsRegistry({ exec }), exec, log });
  if (ctx.json) writeJson(ctx, { status: r.ok ? (r.unchanged ? 'nothing' : 'restored') : 'failed', values: r.values, failure: r.failure });
  else {
    if (r.unchanged && r.ok) ctx.stdout.write('I valori sono già quelli del file: nulla da cambiare.\n');
    for (const v of r.values) ctx.stdout.write(`  ${v.ok ? 'OK ' : 'NO '} ${FIX_KEYS[v.key]}\\${v.name} = ${showValue(v.readBack)}\n`);
    if (r.failure) ctx.stderr.write(`ERRORE: ${r.failure.it}\n`);
    else if (!r.unchanged) ctx.stdout.write('Valori ripristinati. Riavvia il computer perché abbiano effetto.\n');
  }
  return r.ok ? 0 : 1;
}

export const repairCommand: Command = {
  name: 'repair',
  summary: 'ripara TLS 1.2 su Windows 7/8 (registro e KB3140245), da amministratore / repair TLS 1.2 on Windows (as administrator)',
  minArgs: 0,
  maxArgs: 0,
  options: {
    'dry-run': { type: 'boolean', description: 'mostra cosa cambierebbe, senza cambiare nulla / show the changes only' },
    yes: {
      type: 'boolean',
      description: 'applica senza chiedere (prompt dei comandi da amministratore) / apply without prompts (elevated console)',
    },
    'skip-update': { type: 'boolean', description: 'non installa KB3140245 / leave KB3140245 aside' },
    undo: { type: 'string', arg: '<file.reg>', description: 'rimette i valori di un file di annullamento / restore from an undo file' },
  },
  epilog: 'Codici di uscita: 0 tutto applicato e riletto (o nulla da fare), 1 non riuscito o non possibile, 2 uso errato.',
  async run(ctx) {
    const dry = ctx.values['dry-run'] === true;
    const yes = ctx.values.yes === true;
    const skipUpdate = ctx.values['skip-update'] === true;
    if (dry === yes) throw new UsageError('scegli --dry-run oppure --yes / choose --dry-run or --yes');
    if (ctx.values.undo !== undefined) {
      if (typeof ctx.values.undo !== 'string' || ctx.values.undo === '')
        throw new UsageError('--undo vuole un file .reg / needs a .reg file');
      return undo(ctx, ctx.values.undo, yes);
    }
    if (process.platform !== 'win32') return windowsOnly(ctx);
    const src = machineSource({ signal: ctx.signal });
    const { family, languagePackAfterKb } = await liveState(src);
    const registry = windowsRegistry({ exec });
    const inputs = await readFixInputs(registry, family?.arch ?? null);
    const plan = repairPlan(family, inputs, undefined, languagePackAfterKb);
    log.info('repair.plan', {
      mode: dry ? 'dry-run' : 'apply',
      status: plan.status,
      changes: plan.status === 'ready' ? plan.changes.length : 0,
    });
    const nothingToDo =
      plan.status === 'nothing' || (plan.status === 'ready' && plan.changes.length === 0 && (skipUpdate || plan.updates.length === 0));
    if (dry || plan.status !== 'ready' || nothingToDo) {
      if (ctx.json) writeJson(ctx, { status: dry ? 'dry-run' : nothingToDo ? 'nothing' : plan.status, plan, applied: false });
      else {
        ctx.stdout.write(planText(plan, skipUpdate));
        if (dry && plan.status === 'ready')
          ctx.stdout.write('Nulla è stato cambiato (--dry-run). Per applicare: pec-doctor repair --yes, da amministratore.\n');
        else if (nothingToDo && plan.status === 'ready') ctx.stdout.write('Nulla da cambiare nel registro.\n');
      }
      return plan.status === 'blocked' ? 1 : 0;
    }
    if (!ctx.json) ctx.stdout.write(planText(plan, skipUpdate));
    let lastPercent = -1;
    const onEvent = (e: RepairEvent) => {
      if (e.step === 'undo-saved')
        (ctx.json ? ctx.stderr : ctx.stdout).write(`File di annullamento salvato / undo file saved: ${e.file}\n`);
      if (e.step === 'download' && e.total) {
        const p = Math.floor((e.received / e.total) * 10) * 10;
        if (p !== lastPercent) ctx.stderr.write(`Scaricamento KB3140245: ${(lastPercent = p)}%\n`);
      }
      if (e.step === 'install') ctx.stderr.write(`${e.result.text.it}\n`);
    };
    const outcome = await runRepair({
      plan,
      family: family!,
      registry,
      exec,
      log,
      undoDir: defaultUndoDir(),
      skipUpdate,
      onEvent,
      signal: ctx.signal,
    });
    if (ctx.json) writeJson(ctx, { status: outcome.status, plan, outcome, applied: outcome.status === 'done' });
    else ctx.stdout.write(outcomeText(outcome, plan));
    return outcome.status === 'done' ? 0 : 1;
  },
};

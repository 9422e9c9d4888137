// `pec-doctor fix-reg [<file>] [--from report.json|report.html | --machine <dir>]`: writes the
// .reg fix written for one machine from its evidence (this computer, a saved report, or a
// recorded machine) and its undo `<name>-annulla.reg` next to it. Never applied automatically;
// never overwrites either file without --force (both are checked before anything is written).
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from '../command';
import { UsageError, writeJson } from '../command';
import type { Report } from '../../diagnosis/types';
import { buildReport } from '../../diagnosis/run';
import { collectInventory, recordedSource } from '../../inventory/index';
import { readReportFile, ReportReadError } from '../../report/read';
import { regFixStem, renderRegFixFiles, undoFileName } from '../../report/reg-fix';

async function machineReport(signal: AbortSignal, machine: string | undefined): Promise<Report> {
  const inventory = await collectInventory({ signal, source: machine ? recordedSource(machine) : undefined });
  return buildReport({
    inventory,
    accounts: null,
    endpoints: [],
    context: { emails: [], servers: [], skipDiscovery: true, lookups: [], failures: [] },
    now: new Date().toISOString(),
  });
}

export const fixRegCommand: Command = {
  name: 'fix-reg',
  summary: 'scrive la correzione .reg (e il file per annullarla) per questo computer o per un rapporto / write the .reg fix and its undo',
  args: '[<file.reg>]',
  minArgs: 0,
  maxArgs: 1,
  options: {
    from: { type: 'string', arg: '<rapporto>', description: 'dal rapporto salvato (.json o .html) / from a saved report (.json or .html)' },
    machine: { type: 'string', arg: '<dir>', description: 'da una macchina registrata (inventory --record) / from a recorded machine' },
    force: { type: 'boolean', description: 'sovrascrive i file se esistono / overwrite existing files' },
  },
  async run(ctx) {
    const from = ctx.values.from;
    const machine = ctx.values.machine;
    if (from !== undefined && (typeof from !== 'string' || from === ''))
      throw new UsageError('--from vuole un rapporto .json o .html / needs a report file');
    if (machine !== undefined && (typeof machine !== 'string' || !fs.existsSync(path.join(machine, 'machine.json')))) {
      throw new UsageError(`--machine vuole una cartella con machine.json / needs a recorded machine directory: "${String(machine)}"`);
    }
    if (from !== undefined && machine !== undefined)
      throw new UsageError('--from e --machine non vanno insieme / --from and --machine exclude each other');

    let report: Report;
    if (typeof from === 'string') {
      try {
        report = await readReportFile(from);
      } catch (err) {
        if (!(err instanceof ReportReadError)) throw err;
        ctx.stderr.write(`pec-doctor fix-reg: ${err.text.it} / ${err.text.en}\n`);
        return 1;
      }
    } else {
      report = await machineReport(ctx.signal, machine as string | undefined);
    }

    const file = ctx.positionals[0] ?? `${regFixStem(report)}.reg`;
    const result = renderRegFixFiles(
      report,
      path.basename(file).toLowerCase().endsWith('.reg') ? path.basename(file) : `${path.basename(file)}.reg`,
    );
    if (result.status === 'not-needed') {
      if (ctx.json) writeJson(ctx, { status: 'not-needed', reason: result.reason, applied: false });
      else ctx.stdout.write(`Nessun file scritto: ${result.reason.it}\n`);
      return 0;
    }
    const fixPath = path.join(path.dirname(file), result.fix.fileName);
    const undoPath = path.join(path.dirname(file), undoFileName(result.fix.fileName));
    const force = ctx.values.force === true;
    if (!force) {
      const existing = [fixPath, undoPath].filter((p) => fs.existsSync(p));
      if (existing.length) {
        ctx.stderr.write(
          `pec-doctor fix-reg: ${existing.map((p) => `"${p}"`).join(' e ')} esiste già: scegli un altro nome o usa --force / file exists, use --force\n`,
        );
        return 1;
      }
    }
    try {
      // The undo first: a fix is never on disk without the way back.
      fs.writeFileSync(undoPath, Buffer.from(result.undo.content, 'base64'), { flag: force ? 'w' : 'wx' });
      fs.writeFileSync(fixPath, Buffer.from(result.fix.content, 'base64'), { flag: force ? 'w' : 'wx' });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      ctx.stderr.write(
        code === 'EEXIST'
          ? `pec-doctor fix-reg: un file con lo stesso nome è comparso nel frattempo: riprova / a file appeared meanwhile, retry\n`
          : `pec-doctor fix-reg: non riesco a scrivere "${fixPath}": ${(err as Error).message}\n`,
      );
      return 1;
    }
    if (ctx.json) {
      writeJson(ctx, { status: 'ready', path: fixPath, undo: undoPath, encoding: 'utf-16le-bom', notes: result.notes, applied: false });
    } else {
      ctx.stdout.write(
        [
          `Correzione scritta / fix written: ${fixPath}`,
          `Per annullarla / undo file:      ${undoPath}`,
          'Non è stato applicato nulla. Il tecnico esporta prima le chiavi (i comandi reg export sono in testa al file),',
          'poi importa il file da amministratore (doppio clic) e riavvia il computer.',
          ...result.notes.map((n) => `  - ${n.it}`),
          '',
        ].join('\n'),
      );
    }
    return 0;
  },
};

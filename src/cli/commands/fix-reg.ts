// `pec-doctor fix-reg [<file>] [--from report.json|report.html | --machine <dir>]`: writes the
// .reg fix written for one machine from its evidence (this computer, a saved report, or a
// recorded machine) and its undo `<name>-annulla.reg` next to it. Never applied automatically;
// never overwrites either file without --force (both are checked before anything is written).
// The output names are the user's, or derived from validated fields only (issue #20.2): a case
// code of our strict form, else the one computed from the evidence; never a report's own text.
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from '../command';
import { UsageError, writeJson } from '../command';
import type { Report } from '../../diagnosis/types';
import { buildReport } from '../../diagnosis/run';
import { collectInventory, recordedSource } from '../../inventory/index';
import { RecordingError } from '../../inventory/source';
import { evaluateSavedReport, readReportFile, ReportReadError, trustedCaseCode } from '../../report/read';
import { renderRegFixFiles, undoFileName } from '../../report/reg-fix';
import { caseCodeOf } from '../../report/case-code';
import { outputProblem, safeWriteFileSync, SafeWriteError } from '../../platform/safe-write';
import { escapeInline } from '../../util/terminal';
import { EXIT_BAD_REPORT, REPORT_EXIT_HELP, outputRefusal } from './check';

/** `pec-doctor-tls12-pec-7kq-4mz.reg`: only characters of our case-code alphabet, never a path. */
export function defaultFixName(report: Report): string {
  return `pec-doctor-tls12-${(trustedCaseCode(report) ?? caseCodeOf(report)).toLowerCase()}.reg`;
}

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
  epilog: `Con --from / with --from: ${REPORT_EXIT_HELP.split('\n').pop()?.trim()}`,
  async run(ctx) {
    const from = ctx.values.from;
    const machine = ctx.values.machine;
    if (from !== undefined && (typeof from !== 'string' || from === ''))
      throw new UsageError('--from vuole un rapporto .json o .html / needs a report file');
    if (machine !== undefined && (typeof machine !== 'string' || !fs.existsSync(path.join(machine, 'machine.json')))) {
      throw new UsageError(
        `--machine vuole una cartella con machine.json / needs a recorded machine directory: "${escapeInline(String(machine))}"`,
      );
    }
    if (from !== undefined && machine !== undefined)
      throw new UsageError('--from e --machine non vanno insieme / --from and --machine exclude each other');

    let report: Report;
    if (typeof from === 'string') {
      try {
        // Judged again by our rules, as every reopened report: the fix follows our findings, not the file's.
        report = evaluateSavedReport(await readReportFile(from));
      } catch (err) {
        if (!(err instanceof ReportReadError)) throw err;
        ctx.stderr.write(`pec-doctor fix-reg: ${escapeInline(err.text.it)}\n  (${escapeInline(err.text.en)})\n`);
        return EXIT_BAD_REPORT;
      }
    } else {
      try {
        report = await machineReport(ctx.signal, machine as string | undefined);
      } catch (err) {
        if (err instanceof RecordingError) throw new UsageError(`--machine: ${err.message}`);
        throw err;
      }
    }

    const file = ctx.positionals[0] ?? defaultFixName(report);
    const result = renderRegFixFiles(
      report,
      path.basename(file).toLowerCase().endsWith('.reg') ? path.basename(file) : `${path.basename(file)}.reg`,
    );
    if (result.status === 'not-needed') {
      if (ctx.json) writeJson(ctx, { status: 'not-needed', reason: result.reason, applied: false });
      else ctx.stdout.write(`Nessun file scritto: ${escapeInline(result.reason.it)}\n`);
      return 0;
    }
    const fixPath = path.join(path.dirname(file), result.fix.fileName);
    const undoPath = path.join(path.dirname(file), undoFileName(result.fix.fileName));
    const force = ctx.values.force === true;
    // Both checked before either is written: a FIFO, a link or (without --force) any existing file.
    const problems = [fixPath, undoPath].map((p) => outputProblem(p, force)).filter((p): p is SafeWriteError => p !== null);
    if (problems.length) {
      const exist = problems.filter((p) => p.reason === 'exists');
      ctx.stderr.write(
        `pec-doctor fix-reg: ${
          exist.length === problems.length
            ? `${exist.map((p) => `"${escapeInline(p.file)}"`).join(' e ')} esiste già: scegli un altro nome o usa --force / file exists, use --force`
            : outputRefusal(problems.find((p) => p.reason !== 'exists') as SafeWriteError)
        }\n`,
      );
      return 1;
    }
    try {
      // The undo first: a fix is never on disk without the way back.
      safeWriteFileSync(undoPath, Buffer.from(result.undo.content, 'base64'), { overwrite: force });
      safeWriteFileSync(fixPath, Buffer.from(result.fix.content, 'base64'), { overwrite: force });
    } catch (err) {
      if (!(err instanceof SafeWriteError)) throw err;
      ctx.stderr.write(
        err.reason === 'exists'
          ? `pec-doctor fix-reg: un file con lo stesso nome è comparso nel frattempo: riprova / a file appeared meanwhile, retry\n`
          : `pec-doctor fix-reg: ${outputRefusal(err)}\n`,
      );
      return 1;
    }
    if (ctx.json) {
      writeJson(ctx, { status: 'ready', path: fixPath, undo: undoPath, encoding: 'utf-16le-bom', notes: result.notes, applied: false });
    } else {
      ctx.stdout.write(
        [
          `Correzione scritta / fix written: ${escapeInline(fixPath)}`,
          `Per annullarla / undo file:      ${escapeInline(undoPath)}`,
          'Non è stato applicato nulla. Il tecnico esporta prima le chiavi (i comandi reg export sono in testa al file),',
          'poi importa il file da amministratore (doppio clic) e riavvia il computer.',
          ...result.notes.map((n) => `  - ${escapeInline(n.it)}`),
          '',
        ].join('\n'),
      );
    }
    return 0;
  },
};

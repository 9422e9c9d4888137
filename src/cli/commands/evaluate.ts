// `pec-doctor evaluate <report.json>`: re-runs this version's rules on a saved report's
// evidence and prints the new findings. An unreadable or corrupt file: clear message, exit 1.
import * as fs from 'fs';
import type { Command } from '../command';
import { evaluateReportJson } from '../../diagnosis/run';
import { renderReportFile } from '../../report/render';
import { renderConsole } from '../../report/console';

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'rivaluta un rapporto JSON salvato con le regole di questa versione / re-evaluate a saved report',
  args: '<report.json>',
  minArgs: 1,
  maxArgs: 1,
  options: {
    html: { type: 'string', arg: '<file>', description: 'salva il rapporto HTML rivalutato / save the re-evaluated HTML report' },
    redact: { type: 'boolean', description: 'oscura indirizzi e nomi utente / redact addresses and user names' },
  },
  async run(ctx) {
    const file = ctx.positionals[0];
    let json: string;
    try {
      json = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      ctx.stderr.write(`pec-doctor evaluate: non riesco a leggere "${file}"${code === 'ENOENT' ? ': il file non esiste' : `: ${(err as Error).message}`} / cannot read the file\n`);
      return 1;
    }
    let report;
    try {
      report = await evaluateReportJson(json);
    } catch (err) {
      ctx.stderr.write(`pec-doctor evaluate: "${file}" non è un rapporto valido: ${(err as Error).message}\n`);
      return 1;
    }
    const redact = ctx.values.redact === true;
    if (typeof ctx.values.html === 'string') fs.writeFileSync(ctx.values.html, renderReportFile(report, 'html', redact).content, 'utf8');
    if (ctx.json) ctx.stdout.write(renderReportFile(report, 'json', redact).content);
    else {
      const shown = redact ? (JSON.parse(renderReportFile(report, 'json', true).content) as typeof report) : report;
      ctx.stdout.write(`Rapporto del ${report.createdAt.slice(0, 16).replace('T', ' ')} UTC rivalutato con ${report.app.name} ${report.app.version}\n\n${renderConsole(shown, { findingsOnly: true })}\n`);
    }
    return report.verdict.status === 'ok' ? 0 : 1;
  },
};

// `pec-doctor evaluate <report.json|report.html>`: re-runs this version's rules on a saved
// report's evidence (our JSON, or our HTML page, which embeds it) and prints the new findings.
// Exit codes as `check` (per verdict state); an unreadable, damaged, foreign or oversized file:
// a clear message, exit 1. `--html` never overwrites an existing file without --force.
import * as fs from 'fs';
import type { Command } from '../command';
import { UsageError } from '../command';
import type { Report } from '../../diagnosis/types';
import { reevaluate } from '../../diagnosis/run';
import { readReportFile, ReportReadError } from '../../report/read';
import { renderReportFile } from '../../report/render';
import { renderConsole } from '../../report/console';
import { formatLocalDate } from '../../report/dates';
import { EXIT_CODES } from './check';

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'rivaluta un rapporto salvato (.json o .html) con le regole di questa versione / re-evaluate a saved report',
  args: '<rapporto.json|rapporto.html>',
  minArgs: 1,
  maxArgs: 1,
  options: {
    html: { type: 'string', arg: '<file>', description: 'salva il rapporto HTML rivalutato / save the re-evaluated HTML report' },
    force: { type: 'boolean', description: 'con --html, sovrascrive il file se esiste / with --html, overwrite an existing file' },
    redact: { type: 'boolean', description: 'oscura indirizzi e nomi utente / redact addresses and user names' },
  },
  async run(ctx) {
    const file = ctx.positionals[0];
    const html = ctx.values.html;
    if (html !== undefined && (typeof html !== 'string' || html === ''))
      throw new UsageError('--html vuole il nome di un file / needs a file name');
    let saved: Report;
    try {
      saved = await readReportFile(file);
    } catch (err) {
      if (!(err instanceof ReportReadError)) throw err;
      ctx.stderr.write(`pec-doctor evaluate: ${err.text.it}\n  (${err.text.en})\n`);
      return 1;
    }
    const report = reevaluate(saved);
    if (typeof saved.caseCode === 'string') report.caseCode = saved.caseCode;
    const redact = ctx.values.redact === true;
    if (typeof html === 'string') {
      try {
        fs.writeFileSync(html, renderReportFile(report, 'html', redact).content, {
          encoding: 'utf8',
          flag: ctx.values.force === true ? 'w' : 'wx',
        });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        ctx.stderr.write(
          code === 'EEXIST'
            ? `pec-doctor evaluate: "${html}" esiste già: scegli un altro nome o usa --force / file exists, use --force\n`
            : `pec-doctor evaluate: non riesco a scrivere "${html}": ${(err as Error).message}\n`,
        );
        return 1;
      }
      ctx.stderr.write(`Rapporto HTML salvato in ${html}\n`);
    }
    if (ctx.json) ctx.stdout.write(renderReportFile(report, 'json', redact).content);
    else {
      const shown = redact ? (JSON.parse(renderReportFile(report, 'json', true).content) as Report) : report;
      ctx.stdout.write(
        `Rapporto del ${formatLocalDate(report.createdAt, { timeZone: report.inventory?.clock.timeZone, showZone: true })} rivalutato con ${report.app.name} ${report.app.version}\n\n${renderConsole(shown, { findingsOnly: true })}\n`,
      );
    }
    // The same codes as `check` for the re-judged verdict (1 also for a file that cannot be read).
    return EXIT_CODES[report.verdict.status] ?? 1;
  },
};

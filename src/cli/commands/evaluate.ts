// `pec-doctor evaluate <report.json|report.html>`: re-runs this version's rules on a saved
// report's evidence (our JSON, or our HTML page, which embeds it) and prints the new findings.
// Exit codes as `check` (per verdict state); a report that cannot be used (unreadable, damaged,
// of another version, foreign, oversized): a clear message and its own code, EXIT_BAD_REPORT.
// `--html` never overwrites an existing file without --force, nor anything but a regular file.
import type { Command } from '../command';
import { UsageError } from '../command';
import { evaluateSavedReport, readReportFile, ReportReadError } from '../../report/read';
import { renderReportFile } from '../../report/render';
import { renderConsole } from '../../report/console';
import { formatLocalDate } from '../../report/dates';
import type { Report } from '../../diagnosis/types';
import { outputProblem, safeWriteFileSync, SafeWriteError } from '../../platform/safe-write';
import { escapeInline } from '../../util/terminal';
import { EXIT_BAD_REPORT, EXIT_CODES, REPORT_EXIT_HELP, TECHNICIAN_OPTIONS, outputRefusal, wantsTechnician } from './check';

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
    ...TECHNICIAN_OPTIONS,
  },
  epilog: REPORT_EXIT_HELP,
  async run(ctx) {
    const file = ctx.positionals[0];
    const html = ctx.values.html;
    if (html !== undefined && (typeof html !== 'string' || html === ''))
      throw new UsageError('--html vuole il nome di un file / needs a file name');
    const force = ctx.values.force === true;
    if (typeof html === 'string') {
      const problem = outputProblem(html, force);
      if (problem) {
        ctx.stderr.write(`pec-doctor evaluate: ${outputRefusal(problem)}\n`);
        return 1;
      }
    }
    let report: Report;
    try {
      // The same re-derivation as every reopened report (provider names, webmail, links from our catalogue).
      report = evaluateSavedReport(await readReportFile(file));
    } catch (err) {
      if (!(err instanceof ReportReadError)) throw err;
      ctx.stderr.write(`pec-doctor evaluate: ${escapeInline(err.text.it)}\n  (${escapeInline(err.text.en)})\n`);
      return EXIT_BAD_REPORT;
    }
    const redact = ctx.values.redact === true;
    if (typeof html === 'string') {
      try {
        safeWriteFileSync(html, renderReportFile(report, 'html', redact).content, { overwrite: force });
      } catch (err) {
        if (!(err instanceof SafeWriteError)) throw err;
        ctx.stderr.write(`pec-doctor evaluate: ${outputRefusal(err)}\n`);
        return 1;
      }
      ctx.stderr.write(`Rapporto HTML salvato in ${escapeInline(html)}\n`);
    }
    if (ctx.json) ctx.stdout.write(renderReportFile(report, 'json', redact).content);
    else {
      const shown = redact ? (JSON.parse(renderReportFile(report, 'json', true).content) as Report) : report;
      ctx.stdout.write(
        `Rapporto del ${formatLocalDate(report.createdAt, { timeZone: report.inventory?.clock.timeZone, showZone: true })} rivalutato con ${report.app.name} ${report.app.version}\n\n${renderConsole(shown, { findingsOnly: true, technician: wantsTechnician(ctx.values) })}\n`,
      );
    }
    // The same codes as `check` for the re-judged verdict.
    return EXIT_CODES[report.verdict.status] ?? 1;
  },
};

// `pec-doctor check`: the whole diagnosis (inventory, accounts, probes, rules), progress on
// stderr, the verdict, the fix plans and the other findings on stdout (or the JSON report).
// The exit code follows the verdict state (EXIT_CODES, documented in --help and docs/cli.md);
// 2 is bad usage. `--machine <dir>` judges a machine recorded with `inventory --record`.
import * as fs from 'fs';
import type { Command, CommandContext, OptionSpec } from '../command';
import { UsageError, parseSeconds } from '../command';
import type { ProgressItem } from '../../api';
import { runDiagnosis } from '../../diagnosis/run';
import type { RunDeps } from '../../diagnosis/run';
import { renderReportFile } from '../../report/render';
import { renderConsole } from '../../report/console';
import { parseEndpointUrl } from '../../probe/url';
import type { VerdictStatus } from '../../diagnosis/types';
import { collectInventory, recordedSource } from '../../inventory/index';
import { RecordingError } from '../../inventory/source';
import { discoverRecordedAccounts } from '../../accounts/index';
import { errorMessage } from '../../util/errors';
import { recordRun } from '../../history/index';
import { LIMITS, readBoundedSync } from '../../platform/read-bounded';
import { outputProblem, safeWriteFileSync, SafeWriteError } from '../../platform/safe-write';
import { escapeInline } from '../../util/terminal';

/** Exit code per verdict state: scripts can tell "verified" from "not verified" from "blocked". */
export const EXIT_CODES: Record<VerdictStatus, number> = { ok: 0, error: 1, warning: 3, incomplete: 4, 'not-pec': 4, offline: 5 };

export const EXIT_HELP = [
  'Codici di uscita / exit codes:',
  '  0  ok: la PEC funziona, verificato (server PEC e programma di posta) / verified',
  '  1  error: qualcosa blocca la PEC (vedi i piani) / something blocks PEC',
  '  2  uso sbagliato (opzioni) / bad usage',
  '  3  warning: la PEC funziona, ma c’è qualcosa da sistemare / works, something to fix',
  '  4  incomplete o not-pec: non verificato, o non è un indirizzo PEC / not verified, or not a PEC address',
  '  5  offline: questo computer non raggiunge Internet / this computer is offline',
].join('\n');

/**
 * A saved report that cannot be used (damaged, of another version, not ours, too large, not
 * readable): its own code, so a script never takes it for a PEC error verdict (1).
 */
export const EXIT_BAD_REPORT = 6;

/** The exit codes of the commands that reopen a saved report (evaluate, fix-reg --from). */
export const REPORT_EXIT_HELP = `${EXIT_HELP}\n  ${EXIT_BAD_REPORT}  rapporto danneggiato o di un'altra versione (o non leggibile) / damaged, foreign or unreadable report`;

/** Why an output file was not written, in one line (the name escaped: it may hold a line break). */
export function outputRefusal(err: SafeWriteError): string {
  const name = escapeInline(err.file);
  switch (err.reason) {
    case 'exists':
      return `"${name}" esiste già: scegli un altro nome o usa --force / file exists, use --force`;
    case 'not-regular':
      return `${escapeInline(err.message)}: scegli un altro nome / not a regular file, choose another name`;
    default:
      return escapeInline(err.message);
  }
}

/** `--tecnico` (alias `--technician`): the technician's detail after the verdict, as text (check and evaluate). */
export const TECHNICIAN_OPTIONS = {
  tecnico: { type: 'boolean', description: 'aggiunge i dettagli per il tecnico (tutte le righe) / add the technician details' },
  technician: { type: 'boolean', description: 'come --tecnico / same as --tecnico' },
} as const satisfies Record<string, OptionSpec>;
export const wantsTechnician = (values: CommandContext['values']): boolean => values.tecnico === true || values.technician === true;

const MARK: Record<string, string> = { ok: '✓', warning: '!', error: '✗', skipped: '-' };

function progressPrinter(ctx: CommandContext): (item: ProgressItem) => void {
  const printed = new Map<string, string>();
  return (item) => {
    const mark = MARK[item.state];
    if (!mark || printed.get(item.id) === item.state) return;
    printed.set(item.id, item.state);
    const where = item.group === 'system' || item.group === 'clients' || item.group === 'accounts' ? '' : `${item.group} — `;
    const detail = item.detail ? ` (${escapeInline(item.detail.it)})` : '';
    // Labels name servers and accounts found in files: one line each, whatever they hold.
    ctx.stderr.write(`  ${mark} ${escapeInline(where)}${escapeInline(item.label.it)}${detail}\n`);
  };
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'diagnosi completa: sistema, account, server, soluzioni / full diagnosis with fixes',
  options: {
    email: { type: 'string', multiple: true, arg: '<indirizzo>', description: 'indirizzo PEC da verificare / PEC address to check' },
    server: { type: 'string', multiple: true, arg: '<url>', description: 'server da verificare / server to check' },
    html: { type: 'string', arg: '<file>', description: 'salva il rapporto HTML / save the HTML report' },
    force: { type: 'boolean', description: 'con --html, sovrascrive il file se esiste / with --html, overwrite an existing file' },
    timeout: { type: 'string', arg: '<s>', description: 'tempo massimo per server, in secondi / deadline per server' },
    ca: {
      type: 'string',
      multiple: true,
      arg: '<file.pem>',
      description: 'CA aggiuntiva di cui fidarsi (aziendale, di test) / extra trusted CA',
    },
    redact: { type: 'boolean', description: 'oscura indirizzi e nomi utente nel rapporto / redact addresses and user names' },
    'no-discovery': { type: 'boolean', description: 'non cercare gli account configurati / skip account discovery' },
    ...TECHNICIAN_OPTIONS,
    machine: {
      type: 'string',
      arg: '<dir>',
      description: 'giudica una macchina registrata (inventory --record) invece di questa / judge a recorded machine instead of this one',
    },
  },
  epilog: EXIT_HELP,
  async run(ctx) {
    const emails = (ctx.values.email as string[] | undefined) ?? [];
    const servers = (ctx.values.server as string[] | undefined) ?? [];
    for (const e of emails)
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) throw new UsageError(`"${e}" non è un indirizzo e-mail / not an e-mail address`);
    for (const s of servers) {
      try {
        parseEndpointUrl(s);
      } catch (err) {
        throw new UsageError(err instanceof Error ? err.message : String(err));
      }
    }
    const timeoutSeconds = parseSeconds(ctx.values.timeout, 'timeout');
    const html = ctx.values.html;
    if (html !== undefined && (typeof html !== 'string' || html === ''))
      throw new UsageError('--html vuole il nome di un file / needs a file name');
    // Refused before the run, not after it: a saved report is never replaced by surprise, and an
    // output that is a FIFO, a device or a link is never opened (--force or not: it would hang).
    const overwrite = ctx.values.force === true;
    if (typeof html === 'string') {
      const problem = outputProblem(html, overwrite);
      if (problem) throw new UsageError(outputRefusal(problem));
    }
    const redact = ctx.values.redact === true;
    const ca = ((ctx.values.ca as string[] | undefined) ?? []).map((file) => {
      let pem: string;
      try {
        pem = readBoundedSync(file, { maxBytes: LIMITS.certificate, label: 'certificate' }).toString('utf8');
      } catch (err) {
        throw new UsageError(`non riesco a leggere il certificato "${file}": ${(err as Error).message}`);
      }
      if (!pem.includes('-----BEGIN CERTIFICATE-----'))
        throw new UsageError(`"${file}" non contiene un certificato PEM / not a PEM certificate`);
      return pem;
    });

    const machine = ctx.values.machine;
    let deps: Partial<RunDeps> = {};
    if (machine !== undefined) {
      if (typeof machine !== 'string' || machine === '' || !fs.existsSync(`${machine}/machine.json`)) {
        throw new UsageError(
          `--machine vuole una cartella registrata con "inventory --record" (con machine.json) / needs a recorded machine directory: "${String(machine)}"`,
        );
      }
      let source;
      try {
        source = recordedSource(machine);
      } catch (err) {
        if (err instanceof RecordingError) throw new UsageError(`--machine: ${err.message}`);
        throw new UsageError(
          `--machine: la macchina registrata in "${machine}" non è leggibile (machine.json o commands.json non validi) / the recorded machine is unreadable: ${errorMessage(err)}`,
        );
      }
      const recorded = source;
      deps = {
        collectInventory: (o) => collectInventory({ signal: o.signal, source: recorded }),
        discoverAccounts: () => discoverRecordedAccounts(machine),
      };
      ctx.stderr.write(`PEC Doctor: controllo della macchina registrata in ${escapeInline(machine)}…\n`);
    } else {
      ctx.stderr.write('PEC Doctor: controllo in corso…\n');
    }
    const print = progressPrinter(ctx);
    const report = await runDiagnosis(
      { emails, servers, skipDiscovery: ctx.values['no-discovery'] === true, timeoutSeconds },
      { signal: ctx.signal, onProgress: (item) => print(item), ca, deps },
    );
    // This machine's runs go to its local history ("pec-doctor history"); a recorded machine is someone else's.
    if (!machine) {
      const kept = recordRun(report);
      if ('error' in kept) ctx.stderr.write(`Cronologia non aggiornata / history not updated: ${escapeInline(kept.error)}\n`);
    }
    if (typeof html === 'string') {
      try {
        safeWriteFileSync(html, renderReportFile(report, 'html', redact).content, { overwrite });
      } catch (err) {
        if (!(err instanceof SafeWriteError)) throw err;
        ctx.stderr.write(`pec-doctor check: ${outputRefusal(err)}\n`);
        return 1;
      }
      ctx.stderr.write(`Rapporto HTML salvato in ${escapeInline(html)}\n`);
    }
    if (ctx.json) {
      ctx.stdout.write(renderReportFile(report, 'json', redact).content);
    } else {
      const shown = redact ? (JSON.parse(renderReportFile(report, 'json', true).content) as typeof report) : report;
      const technician = wantsTechnician(ctx.values);
      ctx.stdout.write('\n' + renderConsole(shown, { technician }) + '\n');
      if (typeof html !== 'string' && !technician)
        ctx.stdout.write('Per il tecnico: pec-doctor check --tecnico, oppure --html rapporto.html (o --json)\n');
    }
    return EXIT_CODES[report.verdict.status] ?? 1;
  },
};

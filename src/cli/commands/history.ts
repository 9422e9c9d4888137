// `pec-doctor history [list | show <id> | compare <prima> <dopo> | delete <id> --yes | delete --all --yes]`:
// the runs kept in the user's app-data folder (the last 20, src/history), and the before/after
// of two of them. `--json` prints the contract's shapes (RunSummary[], Report, RunComparison).
// Every stored string is printed on one line, escaped (a forged case code or title cannot print a
// fake row); delete asks first (--yes, or an answer at the terminal).
import * as readline from 'readline';
import type { Command, CommandContext } from '../command';
import { UsageError, writeJson } from '../command';
import type { FindingRef, RunComparison, RunSummary } from '../../api';
import { compareRuns, deleteRuns, getRun, historyDir, HistoryError, listRuns } from '../../history/index';
import { renderConsole } from '../../report/console';
import { formatLocalDate } from '../../report/dates';
import { TECH_LABELS as L } from '../../report/labels';
import { escapeInline } from '../../util/terminal';
import { EXIT_BAD_REPORT } from './check';

const ACTIONS: Record<string, { min: number; max: number }> = {
  list: { min: 0, max: 0 },
  show: { min: 1, max: 1 },
  compare: { min: 2, max: 2 },
  delete: { min: 0, max: 1 },
};

/** What a run checked, short: the first three items, then how many more. */
export function checkedText(checked: string[] | undefined): string {
  const list = Array.isArray(checked) ? checked.filter((c) => typeof c === 'string') : [];
  if (list.length === 0) return 'solo questo computer';
  const shown = list.slice(0, 3).map(escapeInline).join(', ');
  return list.length > 3 ? `${shown} e altri ${list.length - 3}` : shown;
}

export function listText(runs: RunSummary[], skipped: { reason: { it: string } }[], dir: string): string {
  const lines = [`Controlli salvati: ${runs.length} (in ${escapeInline(dir)})`];
  if (runs.length) lines.push('');
  for (const r of runs) {
    const c = r.counts;
    const status = L.verdict[r.status]?.it ?? r.status;
    lines.push(
      `${escapeInline(r.id)}  ${escapeInline(formatLocalDate(r.createdAt))}  ${escapeInline(r.caseCode)}  ${escapeInline(status)} — problemi ${Number(c?.error) || 0}, attenzione ${Number(c?.warning) || 0}`,
      `    controllato: ${checkedText(r.checked)}`,
    );
  }
  for (const s of skipped) lines.push(`  nota: ${escapeInline(s.reason.it)}`);
  if (runs.length) lines.push('', 'pec-doctor history compare <prima> <dopo> confronta due controlli.');
  return lines.join('\n') + '\n';
}

const refLine = (f: FindingRef) => `  - ${escapeInline(f.title.it)}${f.subject ? ` (${escapeInline(f.subject)})` : ''}`;

export function comparisonText(c: RunComparison): string {
  const run = (label: string, s: RunSummary) =>
    `${label} ${escapeInline(s.id)} (${escapeInline(formatLocalDate(s.createdAt))}) — ${escapeInline(s.title.it)}\n       controllato: ${checkedText(s.checked)}`;
  const lines = [run('Prima:', c.before), run('Dopo: ', c.after), ''];
  if (!c.sameChecks) {
    lines.push(
      'Sono controlli diversi: hanno verificato server (o indirizzi) diversi, quindi non si può dire cosa è stato risolto.',
      'Ripeti il controllo degli stessi server per un confronto prima/dopo.',
    );
    return lines.join('\n') + '\n';
  }
  lines.push(
    `Risolti: ${c.fixed.length}`,
    ...c.fixed.map(refLine),
    `Ancora presenti: ${c.remaining.length}`,
    ...c.remaining.map(refLine),
    `Nuovi: ${c.added.length}`,
    ...c.added.map(refLine),
  );
  return lines.join('\n') + '\n';
}

/** Asks at the terminal; false when there is no terminal to ask (then --yes is needed). */
async function confirm(question: string, ctx: CommandContext): Promise<boolean> {
  const input = process.stdin;
  if (!input.isTTY) return false;
  const rl = readline.createInterface({ input, output: ctx.stderr });
  try {
    const answer = await new Promise<string>((resolve) => {
      rl.question(question, resolve);
      ctx.signal.addEventListener('abort', () => resolve(''), { once: true });
    });
    return /^\s*(s|si|sì|y|yes)\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}

async function run(ctx: CommandContext, action: string, args: string[]): Promise<number> {
  switch (action) {
    case 'list': {
      const { runs, skipped } = await listRuns();
      if (ctx.json) writeJson(ctx, { runs, skipped });
      else ctx.stdout.write(listText(runs, skipped, historyDir()));
      return 0;
    }
    case 'show': {
      const report = await getRun(args[0]);
      if (ctx.json) writeJson(ctx, report);
      else ctx.stdout.write(renderConsole(report) + '\n');
      return 0;
    }
    case 'compare': {
      const c = await compareRuns(args[0], args[1]);
      if (ctx.json) writeJson(ctx, c);
      else ctx.stdout.write(comparisonText(c));
      return 0;
    }
    default: {
      const all = ctx.values.all === true;
      if (all === (args.length === 1))
        throw new UsageError('delete vuole il codice di un controllo oppure --all / needs a run id or --all');
      if (ctx.values.yes !== true) {
        const what = all ? 'tutti i controlli salvati' : `il controllo ${escapeInline(args[0])}`;
        if (!(await confirm(`Cancellare ${what}? Non si può annullare. [s/N] `, ctx))) {
          if (!process.stdin.isTTY)
            throw new UsageError(`per cancellare ${what} aggiungi --yes (conferma) / add --yes to confirm the deletion`);
          ctx.stderr.write('Nessun controllo cancellato / nothing deleted\n');
          return 1;
        }
      }
      const r = deleteRuns(all ? 'all' : args[0]);
      if (ctx.json) writeJson(ctx, r);
      else ctx.stdout.write(`Controlli cancellati: ${r.deleted}\n`);
      return 0;
    }
  }
}

export const historyCommand: Command = {
  name: 'history',
  summary: 'controlli salvati su questo computer (gli ultimi 20) e confronto prima/dopo / saved runs and before/after',
  args: '[list | show <id> | compare <prima> <dopo> | delete <id> | delete --all]',
  minArgs: 0,
  maxArgs: 3,
  options: {
    all: { type: 'boolean', description: 'con delete: cancella tutti i controlli / with delete: delete every run' },
    yes: { type: 'boolean', short: 'y', description: 'con delete: conferma senza chiedere / with delete: confirm without asking' },
  },
  epilog: [
    'delete chiede conferma al terminale; senza terminale (script) serve --yes / delete asks first; scripts pass --yes',
    `Uscita / exit: 0 fatto, 1 errore, 2 uso sbagliato, ${EXIT_BAD_REPORT} controllo salvato danneggiato o di un'altra versione / damaged run`,
  ].join('\n'),
  async run(ctx) {
    const [action = 'list', ...args] = ctx.positionals;
    const spec = ACTIONS[action];
    if (!spec) throw new UsageError(`azione sconosciuta "${action}": list, show, compare o delete / unknown action`);
    if (args.length < spec.min || args.length > spec.max)
      throw new UsageError(`history ${action}: numero di argomenti sbagliato / wrong number of arguments`);
    if (ctx.values.all === true && action !== 'delete') throw new UsageError('--all vale solo con delete / --all only with delete');
    if (ctx.values.yes === true && action !== 'delete') throw new UsageError('--yes vale solo con delete / --yes only with delete');
    try {
      return await run(ctx, action, args);
    } catch (err) {
      if (!(err instanceof HistoryError)) throw err;
      ctx.stderr.write(`pec-doctor history: ${escapeInline(err.text.it)}\n  (${escapeInline(err.text.en)})\n`);
      return err.damaged ? EXIT_BAD_REPORT : 1;
    }
  },
};

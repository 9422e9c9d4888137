// `pec-doctor history [list | show <id> | compare <prima> <dopo> | delete <id> | delete --all]`:
// the runs kept in the user's app-data folder (the last 20, src/history), and the before/after
// of two of them. `--json` prints the contract's shapes (RunSummary[], Report, RunComparison).
import type { Command, CommandContext } from '../command';
import { UsageError, writeJson } from '../command';
import type { FindingRef, RunComparison, RunSummary } from '../../api';
import { compareRuns, deleteRuns, getRun, historyDir, HistoryError, listRuns } from '../../history/index';
import { renderConsole } from '../../report/console';
import { formatLocalDate } from '../../report/dates';
import { TECH_LABELS as L } from '../../report/labels';

const ACTIONS: Record<string, { min: number; max: number }> = {
  list: { min: 0, max: 0 },
  show: { min: 1, max: 1 },
  compare: { min: 2, max: 2 },
  delete: { min: 0, max: 1 },
};

function listText(runs: RunSummary[], skipped: { reason: { it: string } }[], dir: string): string {
  const lines = [`Controlli salvati: ${runs.length} (in ${dir})`];
  if (runs.length) lines.push('');
  for (const r of runs) {
    const c = r.counts;
    lines.push(
      `${r.id}  ${formatLocalDate(r.createdAt)}  ${r.caseCode}  ${L.verdict[r.status]?.it ?? r.status} — problemi ${c.error}, attenzione ${c.warning}`,
    );
  }
  for (const s of skipped) lines.push(`  nota: ${s.reason.it}`);
  if (runs.length) lines.push('', 'pec-doctor history compare <prima> <dopo> confronta due controlli.');
  return lines.join('\n') + '\n';
}

const refLine = (f: FindingRef) => `  - ${f.title.it}${f.subject ? ` (${f.subject})` : ''}`;

export function comparisonText(c: RunComparison): string {
  const lines = [
    `Prima: ${c.before.id} (${formatLocalDate(c.before.createdAt)}) — ${c.before.title.it}`,
    `Dopo:  ${c.after.id} (${formatLocalDate(c.after.createdAt)}) — ${c.after.title.it}`,
    '',
    `Risolti: ${c.fixed.length}`,
    ...c.fixed.map(refLine),
    `Ancora presenti: ${c.remaining.length}`,
    ...c.remaining.map(refLine),
    `Nuovi: ${c.added.length}`,
    ...c.added.map(refLine),
  ];
  return lines.join('\n') + '\n';
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
  },
  async run(ctx) {
    const [action = 'list', ...args] = ctx.positionals;
    const spec = ACTIONS[action];
    if (!spec) throw new UsageError(`azione sconosciuta "${action}": list, show, compare o delete / unknown action`);
    if (args.length < spec.min || args.length > spec.max)
      throw new UsageError(`history ${action}: numero di argomenti sbagliato / wrong number of arguments`);
    if (ctx.values.all === true && action !== 'delete') throw new UsageError('--all vale solo con delete / --all only with delete');
    try {
      return await run(ctx, action, args);
    } catch (err) {
      if (!(err instanceof HistoryError)) throw err;
      ctx.stderr.write(`pec-doctor history: ${err.text.it}\n  (${err.text.en})\n`);
      return 1;
    }
  },
};

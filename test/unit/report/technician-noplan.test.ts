// Issue #19: the technician summary never says "Nessuna correzione necessaria" under a verdict
// that is not green; with no plan it says that nothing is to be applied here and points at the result.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { technicianModel } from '../../../src/report/technician/model';
import { buildReport } from '../../../src/diagnosis/run';
import type { Report } from '../../../src/diagnosis/types';
import { NOW, OS, context, inventory, win10Tls } from '../diagnosis/evidence';
import { renderReportFile } from '../../../src/report/render';
import { TECH_LABELS } from '../../../src/report/labels';

const plansRow = (r: Report) => {
  const row = technicianModel(r).summary.find((x) => x.cells[0]?.text.it === TECH_LABELS.sections.plans.it);
  assert.ok(row, 'the summary has a row for the plans');
  return row.cells[1].text.it;
};

test('no plan: "Nessuna correzione necessaria" only under a green verdict', () => {
  const base = buildReport({
    inventory: inventory(OS.win10, { windows: win10Tls() }),
    accounts: null,
    endpoints: [],
    context: context(),
    now: NOW,
  });
  for (const status of ['warning', 'incomplete', 'error'] as const) {
    const r = { ...base, plans: [], verdict: { ...base.verdict!, status } } as Report;
    assert.doesNotMatch(plansRow(r), /Nessuna correzione necessaria/, status);
    assert.match(plansRow(r), /ciò che resta da fare/, status);
  }
  const ok = { ...base, plans: [], verdict: { ...base.verdict!, status: 'ok' } } as Report;
  assert.match(plansRow(ok), /Nessuna correzione necessaria/);
  const html = Buffer.from(
    renderReportFile({ ...ok, verdict: { ...ok.verdict!, status: 'warning' }, findings: [] } as Report, 'html', false).content,
    'utf8',
  ).toString();
  assert.doesNotMatch(html, /Nessuna correzione necessaria/);
});

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { decideVerdict, sortFindings } from '../../../src/diagnosis/verdict';
import { evaluateRules } from '../../../src/diagnosis/rules/index';
import type { Finding, Severity } from '../../../src/diagnosis/types';
import { OS, client, endpoint, input, inventory, win7Tls } from './evidence';

const f = (id: string, severity: Severity, title = id): Finding => ({ id, severity, title: { it: title, en: title }, detail: { it: '', en: '' }, evidence: [], fix: { steps: [], links: [] } });

test('findings are ordered error, warning, info, ok, keeping rule order within a severity', () => {
  const sorted = sortFindings([f('a', 'ok'), f('b', 'info'), f('c', 'error'), f('d', 'warning'), f('e', 'error')]);
  assert.deepEqual(sorted.map((x) => x.id), ['c', 'e', 'd', 'b', 'a']);
});

test('the verdict is the worst severity, with one sentence a lawyer understands', () => {
  assert.equal(decideVerdict([f('a', 'ok'), f('b', 'info')], 1).status, 'ok');
  assert.match(decideVerdict([f('a', 'ok')], 1).summary.it, /^Tutto a posto/);
  assert.match(decideVerdict([], 0).summary.it, /indica il tuo indirizzo PEC/);
  const w = decideVerdict([f('a', 'warning', 'Manca l’aggiornamento Windows KB3140245'), f('b', 'info')], 1);
  assert.equal(w.status, 'warning');
  assert.equal(w.summary.it, 'La PEC dovrebbe funzionare, ma c’è qualcosa da sistemare: manca l’aggiornamento Windows KB3140245.');
  const e = decideVerdict([f('w', 'warning'), f('a', 'error', 'Il tuo Outlook su Windows 7 non può usare TLS 1.2'), f('b', 'error')], 1);
  assert.equal(e.status, 'error');
  assert.equal(e.summary.it, 'La PEC non può funzionare correttamente su questo computer: il tuo Outlook su Windows 7 non può usare TLS 1.2 (e 1 altro problema). Qui sotto trovi come risolvere.');
  for (const v of [w, e]) assert.doesNotMatch(v.summary.it + v.summary.en, /\n/);
});

test('Windows 7 + Outlook: the verdict sentence names Outlook and TLS 1.2', () => {
  const findings = sortFindings(evaluateRules(input({ inventory: inventory(OS.win7, { windows: win7Tls(), clients: [client('outlook', '15.0.4420.1017')] }), endpoints: [endpoint()] })));
  assert.equal(findings[0].id, 'win7-tls12-client-disabled');
  assert.match(decideVerdict(findings, 1).summary.it, /il tuo Outlook su Windows 7 non può usare TLS 1\.2/);
});

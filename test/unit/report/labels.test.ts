// The one dictionary of the technician's words (src/report/labels.ts): every entry a Text with
// both languages, exported by the contract for the UI, and the words the HTML report prints.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TECH_LABELS } from '../../../src/report/labels';
import { TECH_LABELS as FROM_API } from '../../../src/api';
import { VERDICT_STATUSES, SEVERITY_ORDER } from '../../../src/diagnosis/types';
import { renderHtml } from '../../../src/report/html';
import { sampleReport } from './sample';

test('every label is a Text with Italian and English, no key empty', () => {
  let n = 0;
  for (const [group, entries] of Object.entries(TECH_LABELS)) {
    for (const [key, t] of Object.entries(entries as Record<string, { it: unknown; en: unknown }>)) {
      assert.equal(typeof t.it, 'string', `${group}.${key}`);
      assert.equal(typeof t.en, 'string', `${group}.${key}`);
      assert.ok((t.it as string).trim() && (t.en as string).trim(), `${group}.${key} is empty`);
      n++;
    }
  }
  assert.ok(n > 100, `${n} labels`);
  for (const s of VERDICT_STATUSES) assert.ok(TECH_LABELS.verdict[s], s);
  for (const s of SEVERITY_ORDER) assert.ok(TECH_LABELS.severity[s], s);
});

test('the contract exports the same dictionary for the renderer', () => {
  assert.equal(FROM_API, TECH_LABELS);
});

test('the HTML report speaks the dictionary: Italian labels, no English ones', () => {
  const r = sampleReport();
  r.inventory!.os.edition = 'Professional';
  const html = renderHtml(r);
  for (const t of [
    TECH_LABELS.fields.edition,
    TECH_LABELS.fields.arch,
    TECH_LABELS.fields.certValidFrom,
    TECH_LABELS.fields.certTrusted,
    TECH_LABELS.sections.schannel,
  ]) {
    assert.ok(html.includes(t.it), t.it);
  }
  const visible = html.slice(0, html.indexOf('<script type="application/json"'));
  for (const en of ['>Edition<', '>Arch<', '>Valid from<', '>Trusted<', '>failed<', '>skipped<']) assert.ok(!visible.includes(en), en);
});

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { redactReport, sensitiveNames } from '../../../src/report/redact';
import { renderReportFile } from '../../../src/report/render';
import { sampleReport } from './sample';

const SECRETS = ['avv.mario.rossi', 'studio@legalmail', 'GBIANCHI77', 'mrossi', 'Mario Rossi', 'Studio Legale Bianchi'];

test('the sample holds the secrets the redaction must remove (the test can fail)', () => {
  const plain = JSON.stringify(sampleReport());
  for (const s of SECRETS) assert.ok(plain.includes(s), s);
});

test('redaction removes e-mail local parts and user names everywhere, keeps domains and the rest', () => {
  const report = sampleReport();
  // Logins, display names and their name words (titles and office words are not names), user folders,
  // and distinctive local parts (a PST file name holds one alone).
  assert.deepEqual(
    sensitiveNames(report).sort(),
    [
      'Avv. Mario Rossi',
      'Bianchi',
      'GBIANCHI77',
      'Mario',
      'Rossi',
      'Studio Legale Bianchi',
      'avv.mario.rossi',
      'mrossi',
      'studio.rossi',
    ].sort(),
  );
  const r = redactReport(report);
  const json = JSON.stringify(r);
  for (const s of SECRETS) assert.ok(!json.includes(s), `still contains ${s}`);
  assert.equal(r.redacted, true);
  assert.equal(report.redacted, false, 'the original is not touched');
  assert.equal(r.accounts?.accounts[0].email, 'indirizzo1@pec.it');
  assert.match(json, /C:\\\\Users\\\\utente\d\\\\AppData/);
  assert.equal(r.accounts?.accounts[1].incoming?.host, 'mbox.cert.legalmail.it');
  assert.deepEqual(
    r.findings.map((f) => f.id),
    report.findings.map((f) => f.id),
  );
  assert.equal(r.verdict.status, report.verdict.status);
  // The same address gets the same placeholder everywhere.
  assert.equal(r.context?.emails[0], 'indirizzo1@pec.it');
});

test('JSON and HTML files honour the redact flag', () => {
  const report = sampleReport();
  for (const format of ['json', 'html'] as const) {
    const plain = renderReportFile(report, format, false);
    const red = renderReportFile(report, format, true);
    assert.ok(plain.content.includes('avv.mario.rossi@pec.it'), format);
    for (const s of SECRETS) assert.ok(!red.content.includes(s), `${format} still contains ${s}`);
    assert.match(red.fileName, /oscurato/);
  }
});

test('a login that is a common word or a host label does not mangle host names', () => {
  const report = sampleReport();
  report.accounts!.accounts[1].incoming!.userName = 'pec';
  report.accounts!.accounts[1].outgoing!.userName = 'cert';
  const r = redactReport(report);
  assert.equal(r.endpoints[0].host, 'imaps.pec.aruba.it');
  assert.equal(r.accounts?.accounts[1].incoming?.host, 'mbox.cert.legalmail.it');
  assert.equal(r.accounts?.accounts[1].incoming?.userName, 'utente');
  assert.equal(r.accounts?.accounts[1].outgoing?.userName, 'utente');
});

// The one reader of saved reports (src/report/read.ts): our JSON and our HTML alike, and every
// bad file refused with its own plain message (never a raw JSON.parse error), the size checked
// before anything is parsed.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_REPORT_BYTES, ReportReadError, evaluateSavedContent, readReportContent, readReportFile } from '../../../src/report/read';
import { renderReportFile } from '../../../src/report/render';
import { sampleReport } from './sample';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-read-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const same = (a: unknown) => JSON.parse(JSON.stringify(a));

function refused(fn: () => unknown, re: RegExp): ReportReadError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof ReportReadError, `expected a ReportReadError, got ${String(caught)}`);
  assert.match(caught.text.it, re);
  assert.ok(caught.text.en.length > 10);
  assert.doesNotMatch(caught.message, /Unexpected token|JSON\.parse|in JSON at position/);
  return caught;
}

test('our JSON and our HTML give the same report', () => {
  const r = sampleReport();
  const json = renderReportFile(r, 'json', false).content;
  const html = renderReportFile(r, 'html', false).content;
  assert.deepEqual(readReportContent(json), same(r));
  assert.deepEqual(readReportContent(html), same(r));
  // A UTF-8 BOM (Notepad) does not matter.
  assert.deepEqual(readReportContent('\ufeff' + html), same(r));
});

test('a redacted HTML report carries the redacted data only', () => {
  const html = renderReportFile(sampleReport(), 'html', true).content;
  assert.ok(!html.includes('avv.mario.rossi'));
  assert.equal(readReportContent(html).redacted, true);
});

test('re-evaluating an HTML report gives the findings of the JSON and keeps the case code', () => {
  const r = sampleReport();
  const fromHtml = evaluateSavedContent(renderReportFile(r, 'html', false).content);
  const fromJson = evaluateSavedContent(renderReportFile(r, 'json', false).content);
  assert.deepEqual(fromHtml.findings, fromJson.findings);
  assert.deepEqual(same(fromHtml.findings), same(r.findings));
  assert.equal(fromHtml.caseCode, r.caseCode);
});

test('hostile HTML: a second, fake block after ours is ignored; a page whose block is broken is refused', () => {
  const r = sampleReport();
  const html = renderReportFile(r, 'html', false).content;
  const withFake = html.replace(
    '</body>',
    '<script type="application/json" id="pec-doctor-report">{"schemaVersion":1,"evil":true}</script></body>',
  );
  assert.deepEqual(readReportContent(withFake), same(r));
  // The block cut short (someone edited the page): damaged, in plain words.
  const cut = html.replace(/("findings":\[)/, '$1</script>');
  refused(() => readReportContent(cut), /dati nella pagina HTML sono danneggiati o incompleti/);
  // A block holding another shape: not a report.
  const other =
    '<!DOCTYPE html><html><body><script type="application/json" id="pec-doctor-report">{"hello":"world"}</script></body></html>';
  refused(() => readReportContent(other), /la pagina HTML: non è un rapporto di PEC Doctor/);
  // A block claiming a newer schema: the reader of the rules explains.
  const newer = other.replace(
    '{"hello":"world"}',
    '{"schemaVersion":99,"app":{"name":"PEC Doctor"},"createdAt":"2026-01-01T00:00:00Z","endpoints":[]}',
  );
  refused(() => readReportContent(newer), /aggiorna PEC Doctor/);
});

test('files that are not ours: a web page, another JSON, a text file, an old HTML report without data, an empty file', () => {
  refused(
    () => readReportContent('<!DOCTYPE html><html><body><h1>Fattura</h1></body></html>'),
    /questa pagina HTML: non è un rapporto di PEC Doctor/,
  );
  refused(() => readReportContent('{"name":"x","version":"1.0.0"}'), /il file JSON: non è un rapporto di PEC Doctor/);
  refused(() => readReportContent('[1,2,3]'), /non è un rapporto di PEC Doctor/);
  refused(() => readReportContent('Caro avvocato,\nle scrivo'), /né JSON né HTML: non è un rapporto di PEC Doctor/);
  refused(
    () =>
      readReportContent(
        '<!DOCTYPE html>\n<html lang="it"><title>PEC Doctor — rapporto del 1/1/2026</title><h1>PEC Doctor — rapporto di diagnosi</h1></html>',
      ),
    /versione precedente.*\.json/,
  );
  refused(() => readReportContent('   \n'), /vuoto/);
  refused(() => readReportContent('{"schemaVersion":2,"app":{"name":"PEC Doctor"'), /il file è danneggiato o incompleto/);
});

test('too big: refused from the file size before reading, and from the length of a content string', async () => {
  const big = path.join(dir, 'big.json');
  const fd = fs.openSync(big, 'w');
  // A sparse file: 5 MB over the limit on paper, nothing on disk; reading it would take the memory.
  fs.ftruncateSync(fd, MAX_REPORT_BYTES + 5 * 1024 * 1024);
  fs.closeSync(fd);
  await assert.rejects(
    readReportFile(big),
    (err: unknown) =>
      err instanceof ReportReadError &&
      new RegExp(`troppo grande \\(${MAX_REPORT_BYTES / 1048576 + 5} MB, oltre ${MAX_REPORT_BYTES / 1048576} MB\\)`).test(err.text.it),
  );
  refused(
    () => readReportContent('{' + ' '.repeat(MAX_REPORT_BYTES) + '}'),
    new RegExp(`troppo grande \\(oltre ${MAX_REPORT_BYTES / 1048576} MB\\)`),
  );
});

test('files: missing, a folder, a FIFO (never waits for a writer), UTF-16LE (re-saved by Notepad)', async () => {
  await assert.rejects(readReportFile(path.join(dir, 'nope.html')), /il file non esiste/);
  await assert.rejects(readReportFile(dir), /non è un file/);
  if (process.platform !== 'win32') {
    const fifo = path.join(dir, 'report.json');
    execFileSync('mkfifo', [fifo]);
    await assert.rejects(readReportFile(fifo), /non è un file \(è una cartella, una pipe o un dispositivo\)/);
  }
  const r = sampleReport();
  const utf16 = path.join(dir, 'utf16.json');
  fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(renderReportFile(r, 'json', false).content, 'utf16le')]));
  assert.deepEqual(await readReportFile(utf16), same(r));
});

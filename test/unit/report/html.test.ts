// The HTML report: self-contained (no scripts, no external resources), Italian, and printable on
// A4: rendered by Debian's Chromium headless to PDF, then to PNG pages with pdftoppm.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderHtml } from '../../../src/report/html';
import { renderReportFile } from '../../../src/report/render';
import { sampleReport } from './sample';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-html-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(cmd: string, args: string[], timeout = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout, maxBuffer: 8 * 1024 * 1024 }, (err, stdout, stderr) => (err ? reject(new Error(`${cmd}: ${err.message}\n${stderr}`)) : resolve(String(stdout))));
  });
}

const CHROMIUM = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--no-pdf-header-footer'];

test('the page is self-contained: inline CSS, no scripts, no external resources, lang="it"', () => {
  const html = renderHtml(sampleReport());
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<html lang="it">/);
  assert.match(html, /<style>[^]*@page \{ size: A4/);
  assert.doesNotMatch(html, /<script|<link\b|<img\b|<iframe|@import|url\(/i);
  assert.doesNotMatch(html, /\bsrc=/i);
  // Only links are hrefs, and only to the fix pages.
  for (const m of html.matchAll(/href="([^"]+)"/g)) assert.match(m[1], /^https:\/\//);
  assert.match(html, /Il tuo Outlook su Windows 7 non può usare TLS 1\.2/);
  assert.match(html, /MicrosoftEasyFix51044\.msi/);
  assert.match(html, /Dettagli per il tecnico/);
  assert.match(html, /Prove di ogni segnalazione/);
});

test('texts from the evidence are escaped', () => {
  const r = sampleReport();
  r.inventory!.clients[0].name = '<script>alert(1)</script> & co';
  const html = renderHtml(r);
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'));
  assert.doesNotMatch(html, /<script>alert/);
});

test('Chromium prints it on A4 pages, and the pages render to PNG', async () => {
  const htmlFile = path.join(dir, 'report.html');
  fs.writeFileSync(htmlFile, renderReportFile(sampleReport(), 'html', false).content);
  const pdf = path.join(dir, 'report.pdf');
  await run('/usr/bin/chromium', [...CHROMIUM, `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${pdf}`, `file://${htmlFile}`]);
  if (process.env.PEC_DOCTOR_KEEP_PDF) fs.copyFileSync(pdf, process.env.PEC_DOCTOR_KEEP_PDF);
  const info = await run('pdfinfo', [pdf]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  assert.ok(size, info);
  // A4 = 595.28 x 841.89 pt.
  assert.ok(Math.abs(Number(size[1]) - 595) < 2 && Math.abs(Number(size[2]) - 842) < 2, `page size ${size[0]}`);
  // Findings on the first pages, technician details after a page break: a few pages, not dozens.
  assert.ok(pages >= 3 && pages <= 12, `pages: ${pages}`);
  await run('pdftoppm', ['-png', '-r', '50', pdf, path.join(dir, 'page')]);
  const pngs = fs.readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f));
  assert.equal(pngs.length, pages);
  for (const p of pngs) {
    const buf = fs.readFileSync(path.join(dir, p));
    assert.equal(buf.subarray(1, 4).toString('latin1'), 'PNG');
    // 50 dpi A4 ≈ 413 x 585 px (IHDR width/height).
    assert.ok(Math.abs(buf.readUInt32BE(16) - 413) <= 2 && Math.abs(buf.readUInt32BE(20) - 585) <= 2, `${p} ${buf.readUInt32BE(16)}x${buf.readUInt32BE(20)}`);
  }
  // Every page carries text (no blank page from a bad break), and the first one starts with the verdict.
  for (let n = 1; n <= pages; n++) {
    const txt = await run('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']);
    assert.ok(txt.trim().length > 20, `page ${n} is not blank`);
    if (n === 1) assert.match(txt, /Ci sono problemi da risolvere[^]*Il tuo Outlook su Windows 7 non può usare TLS 1\.2/);
  }
});

test('Chromium screenshot of the page on screen', async () => {
  const htmlFile = path.join(dir, 'screen.html');
  fs.writeFileSync(htmlFile, renderReportFile(sampleReport(), 'html', true).content);
  const png = path.join(dir, 'screen.png');
  await run('/usr/bin/chromium', [...CHROMIUM, `--user-data-dir=${path.join(dir, 'profile2')}`, '--window-size=1024,1400', '--hide-scrollbars', `--screenshot=${png}`, `file://${htmlFile}`]);
  const buf = fs.readFileSync(png);
  assert.equal(buf.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(buf.readUInt32BE(16), 1024);
  assert.equal(buf.readUInt32BE(20), 1400);
  assert.ok(buf.length > 20_000, 'the screenshot shows content');
  if (process.env.PEC_DOCTOR_KEEP_PNG) fs.copyFileSync(png, process.env.PEC_DOCTOR_KEEP_PNG);
});

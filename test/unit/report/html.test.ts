// The HTML report: self-contained (nothing executable, no external resources), Italian, and
// printable on A4: rendered by Debian's Chromium headless to PDF, then to PNG pages with
// pdftoppm. Page 1 is the one-page summary; the report's JSON rides along, inert and unprinted.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderHtml } from '../../../src/report/html';
import { renderReportFile } from '../../../src/report/render';
import { readReportContent, extractEmbeddedJson } from '../../../src/report/read';
import { sampleReport, win7UntouchedReport } from './sample';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-html-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(cmd: string, args: string[], timeout = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout, maxBuffer: 8 * 1024 * 1024 }, (err, stdout, stderr) => (err ? reject(new Error(`${cmd}: ${err.message}\n${stderr}`)) : resolve(String(stdout))));
  });
}

const CHROMIUM = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--no-pdf-header-footer'];

test('the page is self-contained: inline CSS, only the inert JSON block, no external resources, lang="it"', () => {
  const html = renderHtml(sampleReport());
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<html lang="it">/);
  assert.match(html, /<style>[^]*@page \{ size: A4/);
  // The CSP gives no script source at all: even the data block could not run.
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
  assert.deepEqual(scripts, ['<script type="application/json" id="pec-doctor-report">']);
  assert.doesNotMatch(html, /<link\b|<img\b|<iframe|@import|url\(/i);
  assert.doesNotMatch(html, /\bsrc=/i);
  // Only links are hrefs, and only to the fix pages.
  for (const m of html.matchAll(/href="([^"]+)"/g)) assert.match(m[1], /^https:\/\//);
  assert.match(html, /Il tuo Outlook su Windows 7 non può usare TLS 1\.2/);
  assert.match(html, /MicrosoftEasyFix51044\.msi/);
  assert.match(html, /Dettagli per il tecnico/);
  assert.doesNotMatch(html, /Prove di ogni segnalazione/, 'no raw evidence JSON in print');
});

test('the embedded report reads back as the same report, also with a hostile string in the evidence', () => {
  const r = sampleReport();
  const hostile = '</script><script>alert(1)</script> <!-- \u2028\u2029 & </SCRIPT >';
  r.inventory!.clients[0].name = hostile;
  r.findings[0].detail.it = hostile;
  const html = renderHtml(r);
  // Exactly one </script (the block's own end): nothing in the data can close the block.
  assert.equal(html.match(/<\/script/gi)?.length, 1);
  const json = extractEmbeddedJson(html) as string;
  assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
  assert.deepEqual(readReportContent(html), JSON.parse(JSON.stringify(r)));
  assert.equal(readReportContent(html).inventory!.clients[0].name, hostile);
});

test('dates are local (the machine\'s zone), Italian format', () => {
  const html = renderHtml(win7UntouchedReport());
  // NOW is 10:00 UTC; Europe/Rome in November is UTC+1.
  assert.match(html, /Creato il 23\/11\/2026, 11:00 \(Europe\/Rome\)/);
  assert.doesNotMatch(html, /\d{2}:\d{2} UTC/);
});

test('page 1 summary: verdict, plan with done/todo steps and webmail, machine in three lines, case code', () => {
  const r = win7UntouchedReport();
  const html = renderHtml(r);
  const page1 = html.slice(0, html.indexOf('<section class="tech">'));
  assert.match(page1, /La PEC è bloccata su questo computer/);
  assert.match(page1, /Prossimo passo: /);
  assert.match(page1, /Outlook su Windows 7 non usa TLS 1\.2/);
  assert.equal(page1.match(/<li class="todo">/g)?.length, 4);
  assert.equal(page1.match(/<li class="done">/g)?.length, 1);
  assert.match(page1, /Nel frattempo<\/b> usa la webmail del gestore Aruba PEC: <a href="https:\/\/webmail\.pec\.it">/);
  assert.equal(page1.match(/<ul class="machine">(.*?)<\/ul>/s)?.[1].match(/<li>/g)?.length, 3);
  assert.match(page1, /Microsoft Windows 7 Professional · SP1 · 64 bit · build 7601/);
  assert.match(page1, /Microsoft Outlook 2010 \(14\.0\.7015\.1000\)/);
  assert.match(page1, /1 account \(Aruba PEC\)/);
  assert.ok(r.caseCode && page1.includes(`<b>${r.caseCode}</b>`));
  // Findings folded under the plan are not repeated on page 1; the one outside it is listed by title.
  assert.doesNotMatch(page1, /Manca l’aggiornamento Windows KB3140245/);
  assert.match(page1, /Altre segnalazioni[^]*Windows 7 non riceve più aggiornamenti/);
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
  // The summary on page 1, technician details after a page break: a few pages, not dozens.
  assert.ok(pages >= 2 && pages <= 8, `pages: ${pages}`);
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
    assert.doesNotMatch(txt, /"schemaVersion"|\{"/, `page ${n}: no raw JSON in print`);
    if (n === 2) assert.match(txt, /^\s*Dettagli per il tecnico/);
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

test('Windows 7 + Outlook untouched: page 1 of the PDF is the whole summary, the detail starts on page 2', async () => {
  const htmlFile = path.join(dir, 'win7.html');
  fs.writeFileSync(htmlFile, renderReportFile(win7UntouchedReport(), 'html', false).content);
  const pdf = path.join(dir, 'win7.pdf');
  await run('/usr/bin/chromium', [...CHROMIUM, `--user-data-dir=${path.join(dir, 'profile3')}`, `--print-to-pdf=${pdf}`, `file://${htmlFile}`]);
  const page = (n: number) => run('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']);
  const p1 = await page(1);
  for (const re of [
    /PEC Doctor — rapporto di diagnosi/,
    /Codice pratica/,
    /PEC-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}\s+da leggere al telefono al tecnico/,
    /La PEC è bloccata su questo computer/,
    /Prossimo passo: Installa/,
    /Cosa fare\s+Outlook su Windows 7 non usa TLS 1\.2/,
    /DA FARE — Installa l’aggiornamento di Windows KB3140245/,
    /GIÀ FATTO — \.NET Framework 4\.7\.2/,
    /DA FARE — Riavvia il computer/,
    /Nel frattempo usa la webmail del gestore Aruba PEC: https:\/\/webmail\.pec\.it/,
    /Questo computer\s+Sistema\s+Microsoft Windows 7 Professional/,
    /Programmi di posta\s+Microsoft Outlook 2010/,
    /Account di posta\s+1 account \(Aruba PEC\)/,
  ]) {
    assert.match(p1, re);
  }
  // Page 1 ends with the machine: nothing of the summary spills to page 2.
  assert.doesNotMatch(p1, /Dettagli per il tecnico/);
  const p2 = await page(2);
  assert.match(p2, /^\s*Dettagli per il tecnico/);
  assert.doesNotMatch(p2, /Account di posta\s+1 account|Nel frattempo/);
  if (process.env.PEC_DOCTOR_KEEP_PDF_DIR) {
    fs.mkdirSync(process.env.PEC_DOCTOR_KEEP_PDF_DIR, { recursive: true });
    fs.copyFileSync(pdf, path.join(process.env.PEC_DOCTOR_KEEP_PDF_DIR, 'win7-untouched.pdf'));
    await run('pdftoppm', ['-png', '-r', '80', pdf, path.join(process.env.PEC_DOCTOR_KEEP_PDF_DIR, 'win7-untouched')]);
  }
});

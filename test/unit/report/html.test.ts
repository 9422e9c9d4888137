// The HTML report: self-contained (nothing executable, no external resources), Italian, and
// printable on A4: rendered by Debian's Chromium headless to PDF, then to PNG pages with
// pdftoppm. Page 1 is the one-page summary; the report's JSON rides along, inert and unprinted.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { esc, renderHtml, withShortPaths } from '../../../src/report/html';
import { REDACTION_NOTE } from '../../../src/report/redact';
import { deviceResults } from '../../../src/probe/simulate';
import type { Report } from '../../../src/diagnosis/types';
import { text } from '../../../src/util/text';
import { endpoint, sims } from '../diagnosis/evidence';
import { renderReportFile } from '../../../src/report/render';
import { readReportContent, extractEmbeddedJson } from '../../../src/report/read';
import { sampleReport, win7UntouchedReport } from './sample';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-html-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(cmd: string, args: string[], timeout = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout, maxBuffer: 8 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${cmd}: ${err.message}\n${stderr}`)) : resolve(String(stdout)),
    );
  });
}

const CHROMIUM = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--no-pdf-header-footer',
];

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

test("dates are local (the machine's zone), Italian format", () => {
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
  await run('/usr/bin/chromium', [
    ...CHROMIUM,
    `--user-data-dir=${path.join(dir, 'profile')}`,
    `--print-to-pdf=${pdf}`,
    `file://${htmlFile}`,
  ]);
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
    assert.ok(
      Math.abs(buf.readUInt32BE(16) - 413) <= 2 && Math.abs(buf.readUInt32BE(20) - 585) <= 2,
      `${p} ${buf.readUInt32BE(16)}x${buf.readUInt32BE(20)}`,
    );
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
  await run('/usr/bin/chromium', [
    ...CHROMIUM,
    `--user-data-dir=${path.join(dir, 'profile2')}`,
    '--window-size=1024,1400',
    '--hide-scrollbars',
    `--screenshot=${png}`,
    `file://${htmlFile}`,
  ]);
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
  await run('/usr/bin/chromium', [
    ...CHROMIUM,
    `--user-data-dir=${path.join(dir, 'profile3')}`,
    `--print-to-pdf=${pdf}`,
    `file://${htmlFile}`,
  ]);
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

// ---------------------------------------------------------------------------------------------
// Issue #14: which office devices connect, and the server's key exchange; issue #15: the
// redaction note; page 1 without registry jargon.

/** The Windows 7 case with two servers: a healthy one (ECDHE) and a DHE-only one with a 4096-bit group. */
function win7TwoServers(): Report {
  const r = win7UntouchedReport();
  const healthy = r.endpoints[0];
  healthy.simulations = healthy.simulations.map((s) =>
    s.ok ? { ...s, keyExchange: { kind: 'ecdh' as const, bits: 255, group: 'x25519' } } : s,
  );
  healthy.keyExchange = { dhBits: 2048, curves: ['x25519', 'secp256r1'] };
  healthy.devices = deviceResults(healthy.simulations);
  const dhe = endpoint({
    host: 'smtps.pec.aruba.it',
    port: 465,
    protocol: 'smtp',
    simulations: sims({ 'windows7-default': 'no-common-version', 'thunderbird-current': 'no-common-cipher' }),
  });
  dhe.simulations = dhe.simulations.map((s) =>
    s.client === 'java-8u132'
      ? {
          ...s,
          ok: false,
          reason: 'dh-too-large',
          detail: 'il server usa un gruppo Diffie-Hellman di 4096 bit, il client ne accetta al massimo 2048',
          keyExchange: { kind: 'dh' as const, bits: 4096, group: null },
        }
      : s.ok
        ? { ...s, cipher: 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', keyExchange: { kind: 'dh' as const, bits: 4096, group: null } }
        : s,
  );
  dhe.keyExchange = { dhBits: 4096, curves: [] };
  dhe.devices = deviceResults(dhe.simulations);
  r.endpoints.push(dhe);
  // A plan step as the rules write it: the full registry path in the sentence.
  r.plans[0].steps[2].text = text(
    'Nel Registro di sistema crea la chiave HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client con il valore DWORD DisabledByDefault = 0.',
    'In the registry create the key HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client with DisabledByDefault = 0.',
  );
  return r;
}

const techPart = (html: string) => html.slice(html.indexOf('<section class="tech">'), html.indexOf('<script type="application/json"'));
const page1Part = (html: string) => html.slice(0, html.indexOf('<section class="tech">'));

test('technician detail: per server, which office devices connect, in plain Italian; failing devices highlighted', () => {
  const html = renderHtml(win7TwoServers());
  const tech = techPart(html);
  assert.equal(tech.match(/Dispositivi dello studio che si collegano/g)?.length, 2, 'one device table per server');
  const rows = [...tech.matchAll(/<tr( class="[a-z]+")?><td>([^<]*)<\/td><td>([^<]*)<\/td><td>/g)].map((m) => ({
    cls: m[1] ?? '',
    device: m[2],
    says: m[3],
  }));
  const w7 = rows.filter((x) => x.device === 'PC con Windows 7 (Outlook)');
  assert.equal(w7.length, 2);
  for (const x of w7) assert.deepEqual([x.says, x.cls], ['si collega solo con TLS 1.2 attivo', ' class="partial"']);
  const tb = rows.filter((x) => x.device === 'Thunderbird aggiornato');
  assert.deepEqual(
    tb.map((x) => [x.says, x.cls]),
    [
      ['si collega', ''],
      ['non si collega: nessun cifrario in comune con il server', ' class="decisive"'],
    ],
  );
  assert.ok(rows.some((x) => x.device === 'iPhone e iPad (iOS 11 e successivi)' && x.says === 'si collega'));
  // Each client behind a device, with its own outcome.
  assert.match(
    tech,
    /✗ Outlook su Windows 7 \(SChannel, TLS 1\.2 non abilitato\): nessuna versione di TLS in comune con il server<br>✓ Outlook su Windows 7 con TLS 1\.2 abilitato/,
  );
});

test("technician detail: the server's DH size and curves, each simulation's key exchange, the refused DH size highlighted", () => {
  const html = renderHtml(win7TwoServers());
  const tech = techPart(html);
  assert.equal(tech.match(/Scambio di chiavi del server/g)?.length, 2);
  // Healthy server: 2048-bit DH, two curves, nothing refused, nothing marked.
  assert.match(tech, /<td>Gruppo Diffie-Hellman \(DHE\): dimensione<\/td><td>2048 bit<\/td>/);
  assert.match(tech, /<td>Curve ellittiche usate \(ECDHE\)<\/td><td>x25519, secp256r1<\/td>/);
  assert.match(tech, /<td>x25519 \(255 bit\)<\/td>/);
  // DHE server: 4096 bits is what Java 8 refuses: the row, the value and the simulation's cell say so.
  assert.match(tech, /<tr class="decisive"><td>Gruppo Diffie-Hellman \(DHE\): dimensione<\/td><td class="bad">4096 bit<\/td><\/tr>/);
  assert.match(
    tech,
    /<tr class="decisive"><td>Rifiutato da<\/td><td>Java 8 \(build 132[^<]*\): il server usa un gruppo Diffie-Hellman di 4096 bit, il client ne accetta al massimo 2048<\/td>/,
  );
  assert.equal(tech.match(/<td class="bad">DH 4096 bit<\/td>/g)?.length, 1, 'only the refused simulation is marked');
  assert.equal(tech.match(/<td>DH 4096 bit<\/td>/g)?.length, dheOkCount(), 'the other simulations show their DH size unmarked');
  assert.match(tech, /<th>Scambio di chiavi<\/th>/);
});

function dheOkCount(): number {
  return win7TwoServers().endpoints[1].simulations.filter((s) => s.ok).length;
}

test('page 1: one short line per server with the devices that connect; Windows 7 only with TLS 1.2 on', () => {
  const page1 = page1Part(renderHtml(win7TwoServers()));
  assert.match(page1, /<h2>Quali dispositivi si collegano ai server PEC<\/h2>/);
  const lines = [...page1.matchAll(/<ul class="reach">(.*?)<\/ul>/gs)][0][1].match(/<li>.*?<\/li>/g) ?? [];
  assert.equal(lines.length, 2);
  assert.match(
    lines[0],
    /^<li><b>imaps\.pec\.aruba\.it<\/b> \(in arrivo\) — si collegano: Windows 8\.1, 10, 11, Thunderbird, Mac, iPhone\/iPad, Android · <span class="part">Windows 7 solo con TLS 1\.2 attivo<\/span><\/li>$/,
  );
  assert.match(
    lines[1],
    /^<li><b>smtps\.pec\.aruba\.it<\/b> \(in uscita\) — si collegano: Windows 8\.1, 10, 11, Mac, iPhone\/iPad, Android · .*<span class="no">non si collega: Thunderbird<\/span><\/li>$/,
  );
  // No programs names, no jargon on page 1's device lines.
  assert.doesNotMatch(lines.join(''), /SChannel|cifrari|Diffie|DH /);
});

test('page 1: a registry path in a step is shortened (monospace, wraps); the full path stays in the technician detail', () => {
  const html = renderHtml(win7TwoServers());
  const page1 = page1Part(html);
  assert.doesNotMatch(page1, /<li class="todo">[^]*HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet[^"]*<\/li>/);
  assert.match(
    page1,
    /crea la chiave <span class="regpath" title="HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1\.2\\Client">HKLM\\…\\TLS 1\.2\\Client<\/span> con il valore DWORD/,
  );
  assert.match(
    techPart(html),
    /<td>Nel Registro di sistema crea la chiave HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1\.2\\Client con il valore/,
  );
  // Paths with spaces in their keys, HKCU, and text around them.
  assert.equal(
    withShortPaths('Vedi HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\SecureProtocols, poi riavvia.'),
    'Vedi <span class="regpath" title="HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\SecureProtocols">HKCU\\…\\Internet Settings\\SecureProtocols</span>, poi riavvia.',
  );
  assert.equal(withShortPaths('Nessun percorso <qui> & là.'), 'Nessun percorso &lt;qui&gt; &amp; là.');
});

test('a redacted report says what stays visible (REDACTION_NOTE) near the top; the page stays inert', () => {
  const r = win7TwoServers();
  r.endpoints[0].banner = '<img src=x onerror=alert(1)> </script><script>alert(2)</script>';
  const plain = renderReportFile(r, 'html', false).content;
  const red = renderReportFile(r, 'html', true).content;
  assert.ok(!plain.includes(REDACTION_NOTE.it.slice(0, 40)));
  const note = red.indexOf(esc(REDACTION_NOTE.it));
  assert.ok(note > 0, 'the note is there, escaped');
  assert.ok(note < red.indexOf('<section class="verdict'), 'before the verdict');
  assert.ok(note > red.indexOf('</header>'), 'right under the header');
  for (const html of [plain, red]) {
    assert.deepEqual(
      [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]),
      ['<script type="application/json" id="pec-doctor-report">'],
    );
    assert.equal(html.match(/<\/script/gi)?.length, 1);
    // The hostile banner is text: no tag of it, no event handler on any tag.
    assert.doesNotMatch(html, /<img|<[a-z][^>]*\son[a-z]+=/i);
    assert.match(html, /content="default-src 'none'; style-src 'unsafe-inline'"/);
  }
  // Devices and key exchange ride along in the redacted report too (they name no person).
  assert.match(red, /Dispositivi dello studio che si collegano/);
});

test('a device list from a hostile file: our own labels for known devices, unknown ones escaped, never raw', () => {
  const r = win7TwoServers();
  const e = r.endpoints[0];
  e.devices![0].label = { it: 'Apri <a href="http://evil">qui</a>', en: 'x' };
  e.devices!.push({
    device: 'fridge' as never,
    label: { it: '<b>Frigo</b>', en: '' },
    status: 'weird' as never,
    clients: [{ client: '<i>x</i>', ok: false, reason: '<u>r</u>' }],
  });
  const html = renderHtml(r);
  assert.doesNotMatch(html.slice(0, html.indexOf('<script type="application/json"')), /evil|<b>Frigo|<i>x|<u>r/);
  assert.match(html, /<td>PC con Windows 7 \(Outlook\)<\/td>/);
  assert.match(html, /&lt;b&gt;Frigo&lt;\/b&gt;/);
});

async function pdfPages(name: string, content: string): Promise<{ pdf: string; pages: number; page: (n: number) => Promise<string> }> {
  const htmlFile = path.join(dir, `${name}.html`);
  fs.writeFileSync(htmlFile, content);
  const pdf = path.join(dir, `${name}.pdf`);
  await run('/usr/bin/chromium', [
    ...CHROMIUM,
    `--user-data-dir=${path.join(dir, `profile-${name}`)}`,
    `--print-to-pdf=${pdf}`,
    `file://${htmlFile}`,
  ]);
  const pages = Number(/Pages:\s+(\d+)/.exec(await run('pdfinfo', [pdf]))?.[1]);
  return { pdf, pages, page: (n) => run('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']) };
}

test('PDF: with the device lines and the redaction note page 1 is still one page; a crowded page 1 drops the device lines, never spills', async () => {
  const r = win7TwoServers();
  const plain = await pdfPages('devices-plain', renderReportFile(r, 'html', false).content);
  const p1 = await plain.page(1);
  assert.match(p1, /Quali dispositivi si collegano ai server PEC/);
  assert.match(p1, /imaps\.pec\.aruba\.it \(in arrivo\) — si collegano: Windows 8\.1, 10, 11/);
  assert.match(p1, /HKLM\\…\\TLS 1\.2\\Client/);
  assert.doesNotMatch(p1, /HKEY_LOCAL_MACHINE|Dettagli per il tecnico/);
  assert.match(await plain.page(2), /^\s*Dettagli per il tecnico/);
  const tech = (await Promise.all(Array.from({ length: plain.pages - 1 }, (_, i) => plain.page(i + 2)))).join('\n');
  assert.match(tech, /Dispositivi dello studio che si collegano/);
  assert.match(tech, /Gruppo Diffie-Hellman[^]*?4096 bit/);

  // Redacted, and with more on page 1: whatever is shown, the technician detail starts on page 2.
  const crowded = win7TwoServers();
  for (const n of [1, 2]) crowded.plans[0].steps.push(...crowded.plans[0].steps.slice(0, 2).map((s) => ({ ...s, id: `${s.id}-${n}` })));
  for (const [name, report] of [
    ['devices-redacted', r],
    ['devices-crowded', crowded],
  ] as const) {
    const out = await pdfPages(name, renderReportFile(report, 'html', true).content);
    const first = await out.page(1);
    assert.match(first, /Rapporto oscurato\./, name);
    assert.match(first, /Questo computer\s+Sistema/, `${name}: the machine is on page 1`);
    assert.doesNotMatch(first, /Dettagli per il tecnico/, name);
    assert.match(await out.page(2), /^\s*Dettagli per il tecnico/, `${name}: page 2 starts the detail (page 1 did not spill)`);
    if (process.env.PEC_DOCTOR_KEEP_PDF_DIR) {
      fs.mkdirSync(process.env.PEC_DOCTOR_KEEP_PDF_DIR, { recursive: true });
      await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', out.pdf, path.join(process.env.PEC_DOCTOR_KEEP_PDF_DIR, name)]);
    }
    if (name === 'devices-crowded')
      assert.doesNotMatch(first, /Quali dispositivi si collegano/, 'no room: the device lines stay in the detail');
  }
});

// The three renderers of the technician's view (issue #22) draw one model: the HTML report, the
// UI's technician view (the real React component, bundled by esbuild as Vite would and rendered
// to markup by react-dom/server) and the console. For every recorded machine and saved report,
// each of them shows exactly the model's rows, in its order, with its marks (decisive, partial),
// and the same findings; the UI and the console show the same summary. Plus the fixes the model
// brought: one DWORD format, TLS 1.0 off on Windows 11 not decisive, invisible characters shown.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Report } from '../../../src/diagnosis/types';
import { renderHtml } from '../../../src/report/html';
import { CONSOLE_MARK, renderTechnicianConsole } from '../../../src/report/console';
import { technicianModel } from '../../../src/report/technician/model';
import type { TechBlock, TechnicianModel, TechRow } from '../../../src/report/technician/types';
import { technicianFixtures } from './tech-fixtures';
import { sampleReport } from './sample';
import { TECH_LABELS } from '../../../src/report/labels';

// Inside the repository (.tmp, ignored by git) so the bundle finds this project's React.
const ROOT = path.join(__dirname, '..', '..', '..');
fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
const dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'technician-view-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

type View = ComponentType<{ model: TechnicianModel; report: Report }>;
let TechnicianView: View;
before(() => {
  const out = path.join(dir, 'technician-view.cjs');
  buildSync({
    entryPoints: [path.join(ROOT, 'renderer', 'src', 'screens', 'technician', 'TechnicianDetails.tsx')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    jsx: 'automatic',
    external: ['react', 'react-dom'],
    outfile: out,
    logLevel: 'error',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  TechnicianView = (require(out) as { TechnicianView: View }).TechnicianView;
});

// ---------------------------------------------------------------------------------------------
// What the model says: one line per row ("cell | cell | cell" and its mark), per finding its title.

const rowText = (r: TechRow) => `${r.cells.map((c) => c.text.it).join(' | ')}${r.mark ? ` [${r.mark}]` : ''}`;

function modelRows(blocks: TechBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.kind === 'table') return b.rows.map(rowText);
    if (b.kind === 'endpoint') return modelRows(b.blocks);
    return [];
  });
}
const modelTitles = (m: TechnicianModel) =>
  m.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'findings' ? [...b.problems, ...b.passed].map((f) => f.title.it) : [])));

// ---------------------------------------------------------------------------------------------
// What each renderer shows.

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const plain = (html: string) =>
  html
    .replace(/<br\s*\/?>/g, '; ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e]);
const markOf = (attrs: string) => /(?:class|data-mark)="(decisive|partial)"/.exec(attrs)?.[1];
const withMark = (cells: string[], mark: string | undefined) => `${cells.join(' | ')}${mark ? ` [${mark}]` : ''}`;

function htmlRows(html: string): { rows: string[]; titles: string[] } {
  const tech = html.slice(html.indexOf('<section class="tech">'), html.indexOf('<script type="application/json"'));
  const rows = [...tech.matchAll(/<tbody>(.*?)<\/tbody>/gs)].flatMap((b) =>
    [...b[1].matchAll(/<tr([^>]*)>(.*?)<\/tr>/gs)].map((r) =>
      withMark(
        [...r[2].matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => plain(c[1])),
        markOf(r[1]),
      ),
    ),
  );
  const titles = [
    ...[...tech.matchAll(/<section class="finding">\s*<span[^>]*>[^<]*<\/span><h3>(.*?)<\/h3>/gs)].map((m) => plain(m[1])),
    ...[...tech.matchAll(/<ul class="oks">(.*?)<\/ul>/gs)].flatMap((u) => [...u[1].matchAll(/<li>(.*?)<\/li>/gs)].map((l) => plain(l[1]))),
  ];
  return { rows, titles };
}

/** A cell of the UI: its text without the "decisivo" badge and the ✔/✘ drawn before yes/no. */
const uiCell = (inner: string) =>
  plain(inner.replace(/<span class="decisive-mark">.*?<\/span>/g, ''))
    .replace(/^[✔✘] /, '')
    .trim();

function uiTableRows(table: string): string[] {
  return [...table.matchAll(/<tbody>(.*?)<\/tbody>/gs)].flatMap((b) =>
    [...b[1].matchAll(/<tr([^>]*)>(.*?)<\/tr>/gs)].map((r) =>
      withMark(
        [...r[2].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => uiCell(c[1])),
        markOf(r[1]),
      ),
    ),
  );
}

function uiRows(markup: string): { summary: string[]; rows: string[]; titles: string[] } {
  const summaryEnd = markup.indexOf('</section>');
  const summary = uiTableRows(markup.slice(0, summaryEnd));
  const rest = markup.slice(summaryEnd, markup.indexOf('data-testid="tech-evidence"'));
  const rows: string[] = [];
  const titles: string[] = [];
  // Tables in document order; a record table (an account) is one row of its values.
  for (const m of rest.matchAll(/<table class="table( kv)?" data-testid="([^"]*)">(.*?)<\/table>/gs)) {
    if (m[2].endsWith('-record'))
      rows.push(
        uiTableRows(m[3])
          .map((r) => r.split(' | ').slice(1).join(' | '))
          .join(' | '),
      );
    else if (m[2] === 'findings') titles.push(...uiTableRows(m[3]).map((r) => r.split(' | ')[3]));
    else rows.push(...uiTableRows(m[3]));
  }
  return { summary, rows, titles };
}

function consoleRows(text: string): { summary: string[]; rows: string[]; titles: string[] } {
  const lines = text.split('\n');
  const isRow = (l: string) => l.startsWith('  ') && !/^ {2}(# |» |\[[A-Z]+\] )/.test(l);
  const row = (l: string) => {
    const mark = Object.entries(CONSOLE_MARK).find(([, suffix]) => l.endsWith(suffix));
    return `${l.slice(2, mark ? l.length - mark[1].length : undefined)}${mark ? ` [${mark[0]}]` : ''}`;
  };
  const firstSection = lines.findIndex((l, i) => i > 1 && /^(==|--|──)/.test(l));
  return {
    summary: lines.slice(2, firstSection).filter(isRow).map(row),
    rows: lines.slice(firstSection).filter(isRow).map(row),
    titles: lines.filter((l) => /^ {2}\[[A-Z]+\] /.test(l)).map((l) => l.replace(/^ {2}\[[A-Z]+\] /, '').replace(/ \([^()]*\)$/, '')),
  };
}

/** The three renderers against the model for one report; returns the model's rows. */
function assertSameRows(name: string, report: Report): string[] {
  const model = technicianModel(report);
  const expected = model.sections.flatMap((s) => modelRows(s.blocks));
  const summary = model.summary.map(rowText);
  assert.ok(expected.length > 10, `${name}: ${expected.length} rows`);

  const html = htmlRows(renderHtml(report));
  assert.deepEqual(html.rows, expected, `${name}: HTML rows`);
  assert.deepEqual(html.titles, modelTitles(model), `${name}: HTML findings`);

  const ui = uiRows(renderToStaticMarkup(createElement(TechnicianView, { model, report })));
  assert.deepEqual(ui.rows, expected, `${name}: UI rows`);
  assert.deepEqual(ui.titles, modelTitles(model), `${name}: UI findings`);
  assert.deepEqual(ui.summary, summary, `${name}: UI summary`);

  const cli = consoleRows(renderTechnicianConsole(report));
  assert.deepEqual(cli.rows, expected, `${name}: console rows`);
  assert.deepEqual(cli.titles, modelTitles(model), `${name}: console findings`);
  assert.deepEqual(cli.summary, summary, `${name}: console summary`);
  return expected;
}

test('the HTML report, the UI and the console show the same rows, marks and findings for every recorded machine and saved report', async () => {
  const fixtures = await technicianFixtures();
  assert.ok(fixtures.length >= 14, `${fixtures.length} fixtures`);
  let decisive = 0;
  for (const { name, report } of fixtures) {
    const rows = assertSameRows(name, report);
    decisive += rows.filter((r) => r.endsWith('[decisive]')).length;
    // Every server shows where it is and how it is reached, every step the probe took and the timings.
    for (const e of report.endpoints) {
      assert.ok(rows.includes(`Server (host:porta) | ${e.host}:${e.port}`), `${name}: host:port of ${e.url}`);
      assert.ok(
        rows.some((r) => r.startsWith(`Protocollo | ${e.protocol.toUpperCase()} · `)),
        `${name}: protocol of ${e.url}`,
      );
      for (const st of e.steps.filter((x) => x.status === 'ok'))
        assert.ok(
          rows.some((r) => r.startsWith(`${TECH_LABELS.probeStep[st.step].it} | riuscito |`)),
          `${name}: passed step ${st.step}`,
        );
      assert.ok(
        rows.some((r) => r.startsWith('Tempi (ms) | ') && r.includes(`totale ${e.timings.total}`)),
        `${name}: timings`,
      );
    }
  }
  assert.ok(decisive > 20, `decisive rows across the fixtures: ${decisive}`);
});

/** A report with every detail a probe and the account search record: chain, two key types, Thunderbird's TLS preferences. */
function fullDetailReport(): Report {
  const r = sampleReport();
  const [aruba, legalmail] = r.endpoints;
  const cert = aruba.certificate!;
  cert.chain = [
    { subject: cert.subject, issuer: 'CN=Actalis Organization Validated Server CA G3', validTo: '2027-03-01T10:00:00.000Z' },
    {
      subject: 'CN=Actalis Organization Validated Server CA G3',
      issuer: 'CN=Actalis Authentication Root CA',
      validTo: '2030-09-22T10:00:00.000Z',
    },
  ];
  cert.errorDepth = 1;
  aruba.certificates = [
    cert,
    { ...cert, keyType: 'EC', keyBits: 256, san: ['imaps.pec.aruba.it', 'pec.aruba.it'], fingerprintSha256: 'AB:CD:EF' },
  ];
  aruba.negotiated = { version: 'TLSv1.2', cipher: 'ECDHE-RSA-AES256-GCM-SHA384' };
  aruba.timings = { dns: 5, connect: 40, versions: 300, total: 600 };
  legalmail.steps.push({
    step: 'starttls',
    status: 'failed',
    verdict: 'starttls-refused',
    detail: 'Il server rifiuta STARTTLS',
    technical: '454 TLS not available',
    ms: 12,
  });
  // A rule about the chain: the certificate it is about is the decisive row of the chain.
  r.findings.push({ ...r.findings[0], id: 'cert-chain-incomplete', subject: aruba.url });
  const tb = r.accounts!.accounts.find((a) => a.client === 'thunderbird')!;
  tb.tlsVersionPrefs = { min: 1, max: 3 };
  tb.isDefaultProfile = true;
  return r;
}

test('the details only the old technician screen had are rows of the model, so the report, the UI and the console all show them', () => {
  const report = fullDetailReport();
  const rows = assertSameRows('full detail', report);
  const has = (re: RegExp) =>
    assert.ok(
      rows.some((r) => re.test(r)),
      `${re}\n${rows.join('\n')}`,
    );
  has(/^Server \(host:porta\) \| imaps\.pec\.aruba\.it:993$/);
  has(/^Protocollo \| IMAP · SSL\/TLS$/);
  has(/^Negoziato da questo programma \| TLS 1\.2 · ECDHE-RSA-AES256-GCM-SHA384$/);
  // The chain, leaf first, with each certificate's subject, issuer and validity; the second one decisive.
  has(/^0 \| CN=imaps\.pec\.aruba\.it \| CN=Actalis Organization Validated Server CA G3 \| 01\/03\/2027, \d\d:00$/);
  has(/^1 \| CN=Actalis Organization Validated Server CA G3 \| CN=Actalis Authentication Root CA \| 22\/09\/2030, \d\d:00 \[decisive\]$/);
  // The server's other certificate: its key and its names.
  has(/^Chiave \/ firma \| EC 256 \//);
  has(/^Nomi \(SAN\) \| imaps\.pec\.aruba\.it, pec\.aruba\.it$/);
  has(/^Impronta SHA-256 \| AB:CD:EF$/);
  // Every step, the passed ones too, and the failed one decisive with the library's own words.
  has(/^Ricerca del server \(DNS\) \| riuscito \|/);
  has(
    /^Passaggio a TLS \(STARTTLS\) \| non riuscito \| starttls-refused \| Il server rifiuta STARTTLS · 454 TLS not available \| 12 \[decisive\]$/,
  );
  has(/^Tempi \(ms\) \| Ricerca del server \(DNS\) 5 · Connessione 40 · Versioni TLS 300 · totale 600$/);
  // Each account: its name, its profile (the default one says so), Thunderbird's TLS min/max.
  has(/^Thunderbird \| [^|]+ \(predefinito\) \| Studio Legale Bianchi \| .* \| min 1 \(TLS 1\.0\) \/ max 3 \(TLS 1\.2\) \|/);
  has(/^Outlook \| [^|]+ \| Avv\. Mario Rossi \| .* \| non si applica \|/);
});

test('one DWORD format everywhere; TLS 1.0 off on Windows 11 is not decisive, TLS 1.2 off on Windows 7 is', async () => {
  const fixtures = new Map((await technicianFixtures()).map((f) => [f.name, f.report]));
  const win11 = technicianModel(fixtures.get('inventory/win11-x64-thunderbird')!);
  const win11Rows = win11.sections.flatMap((s) => modelRows(s.blocks));
  assert.ok(win11Rows.includes('TLS 1.0 | 0x00000000 (0) | 0x00000001 (1) | disattivato | registro'), win11Rows.join('\n'));
  assert.ok(win11Rows.includes('Internet Settings SecureProtocols (utente, HKCU) | 0x00002800 (10240)'));
  const win7 = renderHtml(fixtures.get('win7-untouched')!);
  assert.match(win7, /<tr class="decisive"><td>TLS 1\.2<\/td><td>assente \(valore non impostato\)<\/td>/);
  // Every registry value of every machine in the one format (or said to be absent).
  for (const [name, report] of fixtures) {
    for (const r of technicianModel(report).sections.flatMap((s) => modelRows(s.blocks)))
      if (/^(WinHTTP|Internet Settings)/.test(r))
        assert.match(r, / \| (0x[0-9A-F]{8} \(\d+\)|assente \(valore non impostato\))( \[decisive\])?$/, `${name}: ${r}`);
  }
});

test('invisible and reordering characters from a report are shown as <U+XXXX> in the HTML, the UI and the console', async () => {
  const report = (await technicianFixtures()).find((f) => f.name === 'win7-untouched')!.report;
  report.inventory!.clients[0].name = 'Outlook\u202Etxt.exe\u200B';
  report.endpoints[0].certificate!.issuer = 'CN=Evil\u2066CA';
  // A rule's sentence that quotes the evidence (a program's name) gets the same treatment.
  report.findings[0].title = { it: `${report.findings[0].title.it} \u202Eexe.`, en: report.findings[0].title.en };
  const model = technicianModel(report);
  const html = renderHtml(report);
  const ui = renderToStaticMarkup(createElement(TechnicianView, { model, report }));
  const cli = renderTechnicianConsole(report);
  for (const [name, out] of [
    ['HTML', html.slice(0, html.indexOf('<script type="application/json"'))],
    ['UI', ui.slice(0, ui.indexOf('raw-json'))],
    ['console', cli],
  ]) {
    assert.ok(
      out.includes('Outlook&lt;U+202E&gt;txt.exe&lt;U+200B&gt;') || out.includes('Outlook<U+202E>txt.exe<U+200B>'),
      `${name}: client name`,
    );
    assert.ok(out.includes('CN=Evil&lt;U+2066&gt;CA') || out.includes('CN=Evil<U+2066>CA'), `${name}: issuer`);
    assert.ok(out.includes('&lt;U+202E&gt;exe.') || out.includes('<U+202E>exe.'), `${name}: finding title`);
    assert.doesNotMatch(out, /[\u202E\u200B\u2066]/, `${name}: no raw control left`);
  }
});

// The one reader of saved reports (issue #12): our JSON, or our HTML page, which carries the
// same JSON in an inert `<script type="application/json" id="pec-doctor-report">` block. The
// CLI (`evaluate`, `fix-reg --from`), the core (`evaluateReport`) and the UI all come through
// here, so a report that comes back gets the same checks and the same plain messages whatever
// its format. The size is checked before anything is parsed: a 2 GB file is refused at once.
import type { Report } from '../diagnosis/types';
import { REPORT_SCHEMA_VERSION } from '../diagnosis/types';
import { parseReportJson, reevaluate } from '../diagnosis/run';
import type { Text } from '../util/text';
import { errorMessage } from '../util/errors';
import { readBounded } from '../platform/read-bounded';
import { validateSavedReport } from './report-validator.generated';
import { caseCodeOf } from './case-code';
import { MAX_REPORT_BYTES } from './limits';

// The one size cap for saved reports, at every door (CLI files, the bridge's body, the desktop's
// IPC), in limits.ts so the contract's validator can use it without this reader. Issue #20.7:
// the CLI took 32 MB while the bridge cut at 20 MB with a bare connection reset.
export { MAX_REPORT_BYTES };

/**
 * Deepest nesting of arrays/objects accepted in a report. Real ones reach 8 (an endpoint's steps
 * or a finding's evidence); 5,000 levels made later walkers overflow the stack ("errore interno").
 */
export const MAX_REPORT_DEPTH = 64;

/** Our case codes (case-code.ts), the only ones kept from a file or used in a file name. */
export const CASE_CODE_RE = /^PEC-[A-Z0-9]{3}-[A-Z0-9]{3}$/;

/** The report's case code when it has our form; null otherwise (a file never names our output files). */
export function trustedCaseCode(report: { caseCode?: unknown }): string | null {
  return typeof report.caseCode === 'string' && CASE_CODE_RE.test(report.caseCode) ? report.caseCode : null;
}

/** The message of every report that parses but does not have our shape: one sentence, the same everywhere. */
export const DAMAGED_REPORT = {
  it: "rapporto danneggiato o di un'altra versione: non si può rivalutare",
  en: 'damaged report, or one of another version: it cannot be re-evaluated',
} as const;

/** The id of the embedded block; html.ts writes it, readers look for exactly this. */
export const EMBEDDED_REPORT_ID = 'pec-doctor-report';
export const EMBEDDED_OPEN = `<script type="application/json" id="${EMBEDDED_REPORT_ID}">`;
export const EMBEDDED_CLOSE = '</script>';

/** A report that cannot be read, with the reason in Italian and English (`message` is "it / en"). */
export class ReportReadError extends Error {
  override name = 'ReportReadError';
  constructor(readonly text: Text) {
    super(`${text.it} / ${text.en}`);
  }
}

const fail = (it: string, en: string): never => {
  throw new ReportReadError({ it, en });
};

const NOT_OURS = (what: string, whatEn: string): never =>
  fail(`${what}: non è un rapporto di PEC Doctor`, `${whatEn}: not a PEC Doctor report`);

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/**
 * JSON text for `<script type="application/json">`: `<`, `>` and `&` become \u escapes so no
 * `</script>` or `<!--` in the data can end the block, and U+2028/2029 are escaped so the text
 * stays valid even for old JavaScript parsers. JSON.parse gives back the same strings.
 */
export function embeddableJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The embedded JSON of one of our HTML pages, or null when the page carries none. */
export function extractEmbeddedJson(html: string): string | null {
  const start = html.indexOf(EMBEDDED_OPEN);
  if (start < 0) return null;
  const from = start + EMBEDDED_OPEN.length;
  const end = html.indexOf(EMBEDDED_CLOSE, from);
  if (end < 0) return null;
  return html.slice(from, end);
}

/**
 * True when the JSON text nests deeper than `max` (arrays/objects, outside strings). One linear
 * pass before JSON.parse, so no walker of ours ever meets a 5,000-deep structure.
 */
export function jsonNestsDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Decodes file bytes: UTF-8 (with or without BOM), or UTF-16LE with BOM (a report re-saved by Notepad). */
export function decodeReportBytes(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  const s = buf.toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/**
 * A saved report from the content of a file: JSON or our HTML. Throws ReportReadError with a
 * specific message: too big, empty, an HTML page that is not ours, damaged JSON, another program's JSON.
 */
export function readReportContent(content: string): Report {
  if (typeof content !== 'string') fail('il contenuto del rapporto non è testo', 'the report content is not text');
  if (content.length > MAX_REPORT_BYTES) {
    fail(
      `il file è troppo grande (oltre ${MB(MAX_REPORT_BYTES)}) per essere un rapporto di PEC Doctor`,
      `the file is too large (over ${MB(MAX_REPORT_BYTES)}) to be a PEC Doctor report`,
    );
  }
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const head = body.trimStart();
  if (head === '') fail('il file è vuoto', 'the file is empty');
  let json: string;
  let from: { it: string; en: string; plural: boolean };
  if (head.startsWith('<')) {
    const embedded = extractEmbeddedJson(body);
    if (embedded === null) {
      if (/^<(!doctype html|html)/i.test(head) && body.includes('PEC Doctor')) {
        fail(
          'questa pagina HTML di PEC Doctor non contiene i dati del rapporto (è stata salvata da una versione precedente o modificata): apri il file .json',
          'this PEC Doctor HTML page carries no report data (saved by an older version, or edited): open the .json file',
        );
      }
      NOT_OURS('questa pagina HTML', 'this HTML page');
    }
    json = embedded as string;
    from = { it: 'i dati nella pagina HTML', en: 'the data in the HTML page', plural: true };
  } else if (head.startsWith('{') || head.startsWith('[')) {
    json = body;
    from = { it: 'il file', en: 'the file', plural: false };
  } else {
    return NOT_OURS('il file non è né JSON né HTML', 'the file is neither JSON nor HTML');
  }
  if (jsonNestsDeeperThan(json, MAX_REPORT_DEPTH)) {
    return fail(
      `${DAMAGED_REPORT.it} (annidato oltre ${MAX_REPORT_DEPTH} livelli)`,
      `${DAMAGED_REPORT.en} (nested deeper than ${MAX_REPORT_DEPTH} levels)`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail(
      from.plural
        ? `${from.it} sono danneggiati o incompleti: non si leggono come rapporto di PEC Doctor`
        : `${from.it} è danneggiato o incompleto: non si legge come rapporto di PEC Doctor`,
      `${from.en} is damaged or truncated: it does not read as a PEC Doctor report`,
    );
  }
  if (!isObject(data) || typeof data.schemaVersion !== 'number' || !isObject(data.app)) {
    return NOT_OURS(from.it === 'il file' ? 'il file JSON' : 'la pagina HTML', from.en === 'the file' ? 'the JSON file' : 'the HTML page');
  }
  if (data.schemaVersion > REPORT_SCHEMA_VERSION) {
    return fail(
      `il rapporto è di una versione più recente di PEC Doctor (schema ${data.schemaVersion}, questa conosce fino al ${REPORT_SCHEMA_VERSION}): aggiorna PEC Doctor`,
      `the report is from a newer PEC Doctor (schema ${data.schemaVersion}, this one knows up to ${REPORT_SCHEMA_VERSION}): update PEC Doctor`,
    );
  }
  // Every field the rules read, checked against docs/report.schema.json (compiled at build time):
  // "windows": {}, a numeric version or an endpoint without tls.versions is refused here, never
  // reaches the rules as "errore interno" or as a softer verdict.
  if (!validateSavedReport(data)) {
    const where = schemaErrorPath((validateSavedReport as { errors?: unknown }).errors);
    return fail(`${DAMAGED_REPORT.it}${where ? ` (${where})` : ''}`, `${DAMAGED_REPORT.en}${where ? ` (${where})` : ''}`);
  }
  try {
    return parseReportJson(json);
  } catch (err) {
    // The shape checks of the rules' reader: already specific ("aggiorna PEC Doctor", "endpoints ...").
    return fail(`${DAMAGED_REPORT.it}: ${errorMessage(err)}`, `${DAMAGED_REPORT.en}: ${errorMessage(err)}`);
  }
}

/** Where the first schema error is, for the technician ("/inventory/windows"): JSON-pointer characters only. */
function schemaErrorPath(errors: unknown): string {
  const first = Array.isArray(errors) ? (errors[0] as { instancePath?: unknown } | undefined) : undefined;
  const at = typeof first?.instancePath === 'string' ? first.instancePath : '';
  return at === '' ? '' : at.replace(/[^A-Za-z0-9/_. -]/g, '?').slice(0, 120);
}

/**
 * Reads a report file through the bounded reader (src/platform/read-bounded.ts): regular files
 * only (a FIFO or a device named report.json never hangs us), the size checked before reading.
 */
export async function readReportFile(file: string): Promise<Report> {
  const r = await readBounded(file, { maxBytes: MAX_REPORT_BYTES, label: 'report' });
  if (!r.ok) {
    switch (r.reason) {
      case 'missing':
        return fail(`non riesco a leggere "${file}": il file non esiste`, `cannot read "${file}": the file does not exist`);
      case 'not-regular':
        return fail(`"${file}" non è un file (è una cartella, una pipe o un dispositivo)`, `"${file}" is not a file (${r.message})`);
      case 'too-large':
        return fail(
          `"${file}" è troppo grande (${r.size === undefined ? `oltre ${MB(MAX_REPORT_BYTES)}` : `${MB(r.size)}, oltre ${MB(MAX_REPORT_BYTES)}`}) per essere un rapporto di PEC Doctor`,
          `"${file}" is too large (${r.message}) to be a PEC Doctor report`,
        );
      default:
        return fail(`non riesco a leggere "${file}": ${r.message}`, `cannot read "${file}": ${r.message}`);
    }
  }
  return readReportContent(decodeReportBytes(r.data));
}

/**
 * A saved report (JSON or HTML content) re-judged with this version's rules: what `evaluate`
 * and "Apri un rapporto salvato" show. The case code of the run is kept.
 */
export function evaluateSavedContent(content: string): Report {
  return evaluateSavedReport(readReportContent(content));
}

/**
 * The one re-derivation of every reopened report (a file, "Apri un rapporto salvato", a run of
 * the history): this version's rules on its evidence, provider names, webmail and links from our
 * own catalogue (reevaluate → trustedLookup), only a case code of our form kept.
 */
export function evaluateSavedReport(saved: Report): Report {
  const again = reevaluate(saved);
  again.caseCode = trustedCaseCode(saved) ?? caseCodeOf(saved);
  return again;
}

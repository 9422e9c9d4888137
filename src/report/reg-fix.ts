// The .reg fix for the machine of a report, and its undo: the typed fix of src/fix/registry-fix.ts
// written out, never applied by this module. A technician exports the keys, imports the file
// and restarts; `<name>-annulla.reg` puts back exactly what was there.
//
// Nothing read from a report reaches the file as text: keys come from the closed list FIX_KEYS,
// values are DWORD integers checked in range, and the header carries only fields that pass a
// strict pattern (version, case code, ISO date) and our own name for the Windows family. A
// last check refuses any line that is not a comment, a known key or a known value.
// Format: "Windows Registry Editor Version 5.00", UTF-16LE with BOM, CRLF line ends; `"Name"=-`
// deletes a value (the undo, for values the machine did not have). Facts: docs/windows-family.md.
import type { RegFixResult, ReportFile } from '../api';
import type { Report } from '../diagnosis/types';
import { windowsFamily, type RequiredUpdate, type WindowsFamily } from '../diagnosis/windows-family';
import { FIX_KEYS, fixInputsOf, isDword, planRegistryFix, type FixKeyId, type FixValue } from '../fix/registry-fix';
import { formatDword } from '../util/dword';
import type { Text } from '../util/text';
import { text } from '../util/text';
import { caseCodeOf } from './case-code';

export interface RegFixPlan {
  family: WindowsFamily;
  values: FixValue[];
  updates: RequiredUpdate[];
  notes: Text[];
}

const UPDATE_NAMES: Record<RequiredUpdate['id'], string> = {
  KB976932: 'Service Pack 1 (KB976932)',
  'SP2-2008': 'Service Pack 2 di Windows Server 2008',
  KB3140245: 'KB3140245',
  KB4019276: 'KB4019276',
};

const notNeeded = (it: string, en: string) => ({ notNeeded: text(it, en) });

/** What the fix writes for this report's machine, or why nothing is written. Pure. */
export function planRegFix(report: Report): RegFixPlan | { notNeeded: Text } {
  const inv = report.inventory;
  if (!inv)
    return notNeeded(
      'Il rapporto non contiene i dati di questo computer: non si può preparare una correzione.',
      'The report has no data about the computer: no fix can be prepared.',
    );
  if (inv.os.platform !== 'windows')
    return notNeeded(
      'Questo computer non usa Windows: la correzione del registro non serve.',
      'This computer does not run Windows: no registry fix is needed.',
    );
  if (!inv.windows)
    return notNeeded(
      'Il registro di Windows non è stato letto: non si può preparare una correzione su misura.',
      'The Windows registry was not read: no fix can be tailored.',
    );
  const family = windowsFamily(inv.os, inv.windows);
  if (!family)
    return notNeeded(
      'La versione di Windows non è stata riconosciuta: non si può preparare una correzione su misura.',
      'The Windows version was not recognised: no fix can be tailored.',
    );
  const fix = planRegistryFix(family, fixInputsOf(inv.windows));
  if (fix.status !== 'needed') return { notNeeded: fix.reason };
  const pending = fix.updates.filter((u) => u.installed !== true);
  if (fix.values.length === 0) {
    const names = pending.map((u) => UPDATE_NAMES[u.id]).join(', ');
    return notNeeded(
      `Il registro è già a posto: manca solo l’aggiornamento di Windows (${names}), che non si installa con un file .reg.`,
      `The registry is already right: only the Windows update (${names}) is missing, which a .reg file cannot install.`,
    );
  }
  const notes = [...fix.notes, ...updateNotes(pending)];
  if (family.arch === 'x86') notes.push(text('Windows a 32 bit: una sola vista del registro.', '32-bit Windows: one registry view.'));
  else if (!family.arch)
    notes.push(
      text(
        'Architettura non nota: scritte entrambe le viste del registro (64 e 32 bit).',
        'Unknown architecture: both registry views written (64 and 32 bit).',
      ),
    );
  if (family.terminalServer)
    notes.push(
      text(
        'È un server terminal: il riavvio chiude le sessioni di tutti gli utenti. Avvisali e scegli un momento di pausa.',
        'This is a terminal server: the restart ends every user’s session. Warn them and pick a quiet time.',
      ),
    );
  notes.push(
    text(
      'Prima di importare, esporta le chiavi (comandi reg export nel file); poi riavvia il computer.',
      'Before importing, export the keys (reg export commands in the file); then restart the computer.',
    ),
  );
  return { family, values: fix.values, updates: fix.updates, notes };
}

function updateNotes(pending: readonly RequiredUpdate[]): Text[] {
  return pending.map((u) =>
    text(
      u.installed === false
        ? `${UPDATE_NAMES[u.id]} non risulta installato: installalo prima, altrimenti le chiavi non bastano.`
        : `Non è stato verificato se ${UPDATE_NAMES[u.id]} è installato: serve perché le chiavi abbiano effetto.`,
      u.installed === false
        ? `${u.id} is not installed: install it first, or the keys are not enough.`
        : `Whether ${u.id} is installed was not verified: the keys need it.`,
    ),
  );
}

/** Why each value changes, in the technician's words; numbers only from checked DWORDs. */
function whyLine(v: FixValue): string {
  const was = v.before === undefined ? 'non letto' : v.before === null ? 'assente' : formatDword(v.before);
  const where: Record<FixKeyId, string> = {
    schannelTls12Client: 'SCHANNEL TLS 1.2 lato client',
    winhttpNative: 'WinHTTP (vista nativa)',
    winhttpWow64: 'WinHTTP (programmi a 32 bit, Wow6432Node)',
  };
  return `; ${where[v.key]}: ${v.name} era ${was}, diventa ${formatDword(v.after)}.`;
}

const VALUE_NAMES = new Set(['Enabled', 'DisabledByDefault', 'DefaultSecureProtocols']);
const KEY_PATHS = new Set<string>(Object.values(FIX_KEYS));

function checkValue(v: FixValue): void {
  if (
    !(v.key in FIX_KEYS) ||
    !VALUE_NAMES.has(v.name) ||
    !isDword(v.after) ||
    !(v.before === undefined || v.before === null || isDword(v.before))
  )
    throw new Error(`refused fix value: ${JSON.stringify(v)}`);
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/** Keys in the order of first appearance, each with its values. */
function byKey(values: readonly FixValue[]): { key: FixKeyId; values: FixValue[] }[] {
  const out: { key: FixKeyId; values: FixValue[] }[] = [];
  for (const v of values) {
    let entry = out.find((e) => e.key === v.key);
    if (!entry) out.push((entry = { key: v.key, values: [] }));
    entry.values.push(v);
  }
  return out;
}

const regExportName = (key: FixKeyId, i: number) => `backup-${i + 1}-${key}.reg`;

/** Header fields that pass a strict pattern, else nothing: report text never reaches the file. */
function headerFacts(report: Report, family: WindowsFamily): string[] {
  const version = /^\d{1,4}\.\d{1,4}\.\d{1,4}(?:-[0-9A-Za-z.]{1,20})?$/.test(String(report.app?.version)) ? report.app.version : null;
  const code = /^PEC-[A-Z0-9]{3}-[A-Z0-9]{3}$/.test(String(report.caseCode)) ? (report.caseCode as string) : caseCodeOf(report);
  const created = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(String(report.createdAt))
    ? report.createdAt
    : null;
  return [
    `; PEC Doctor${version ? ` ${version}` : ''} — pratica ${code}${created ? ` — rapporto del ${created}` : ''}`,
    `; Computer: ${family.name}${family.arch ? ` · ${family.arch}` : ''}`,
  ];
}

function header(report: Report, plan: RegFixPlan, title: string[]): string[] {
  return [
    'Windows Registry Editor Version 5.00',
    '',
    ...headerFacts(report, plan.family),
    ...title,
    '; NULLA VIENE APPLICATO AUTOMATICAMENTE. Nothing is applied automatically.',
    ';',
    '; Prima di importare, esporta le chiavi che questo file cambia (prompt dei comandi da amministratore):',
    '; Before importing, export the keys this file changes (administrator command prompt):',
    '; (una chiave che non esiste ancora non si può esportare: reg export lo dice, ed è normale)',
  ];
}

/** A comment line holds one line: every line or paragraph separator becomes a space. */
const oneLine = (s: string) => s.replace(/[\r\n\u0085\u2028\u2029\v\f]+/g, ' ');

/** The lines of the fix and of its undo. */
export function regFixTexts(report: Report, plan: RegFixPlan, undoName: string): { fix: string[]; undo: string[] } {
  plan.values.forEach(checkValue);
  const keys = byKey(plan.values);
  const exports = keys.map((k, i) => `;   reg export "${FIX_KEYS[k.key]}" ${regExportName(k.key, i)} /y`);
  const safeUndoName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.reg$/.test(undoName) ? undoName : 'il file di annullamento';
  const fix = [
    ...header(report, plan, [
      '; Abilita TLS 1.2 per Outlook e gli altri programmi che usano Windows (SChannel, WinHTTP).',
      '; Enables TLS 1.2 for Outlook and the programs that use Windows (SChannel, WinHTTP).',
    ]),
    ...exports,
    ';',
    '; Poi: doppio clic su questo file (da amministratore) e riavvia il computer.',
    '; Then: double-click this file (as administrator) and restart the computer.',
    `; Per tornare indietro: importa ${safeUndoName} (rimette i valori di prima) e riavvia.`,
    `; To go back: import ${safeUndoName} (puts back the previous values) and restart.`,
    ...plan.notes.map((n) => `; - ${oneLine(n.it)}`),
    '',
  ];
  for (const k of keys) {
    fix.push(...k.values.map(whyLine), `[${FIX_KEYS[k.key]}]`, ...k.values.map((v) => `"${v.name}"=dword:${hex8(v.after)}`), '');
  }
  const undo = [
    ...header(report, plan, [
      '; ANNULLA la correzione di PEC Doctor: rimette i valori che questo computer aveva al momento del controllo',
      '; e cancella ("valore"=-) quelli che non aveva. UNDOES the PEC Doctor fix: restores the values this',
      '; computer had when it was checked and deletes ("value"=-) those it did not have.',
    ]),
    ...exports,
    ';',
    '; Poi: doppio clic su questo file (da amministratore) e riavvia il computer.',
    '',
  ];
  for (const k of keys) {
    const lines: string[] = [];
    for (const v of k.values) {
      if (v.before === undefined) undo.push(`; ${FIX_KEYS[k.key]} — ${v.name}: valore precedente non letto, lasciato com'è.`);
      else lines.push(v.before === null ? `"${v.name}"=-` : `"${v.name}"=dword:${hex8(v.before)}`);
    }
    if (lines.length) undo.push(`[${FIX_KEYS[k.key]}]`, ...lines);
    undo.push('');
  }
  return { fix: assertRegLines(fix), undo: assertRegLines(undo) };
}

/** The last gate: only the header, comments, blank lines, known keys and known DWORD/delete values. */
export function assertRegLines(lines: string[]): string[] {
  lines.forEach((line, i) => {
    const ok =
      (i === 0 && line === 'Windows Registry Editor Version 5.00') ||
      line === '' ||
      (line.startsWith(';') && !/[\r\n\u0085\u2028\u2029\v\f]/.test(line)) ||
      (/^\[(.+)\]$/.test(line) && KEY_PATHS.has(line.slice(1, -1))) ||
      /^"(Enabled|DisabledByDefault|DefaultSecureProtocols)"=(dword:[0-9a-f]{8}|-)$/.test(line);
    if (!ok) throw new Error(`refused .reg line ${i + 1}`);
  });
  return lines;
}

/** A .reg file's bytes: UTF-16LE with BOM, CRLF. */
export function regFileBytes(lines: readonly string[]): Buffer {
  const body = lines.join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
}

/** The default file name: only from a case code that passes its format (else recomputed). */
export function regFixStem(report: Report): string {
  const code = /^PEC-[A-Z0-9]{3}-[A-Z0-9]{3}$/.test(String(report.caseCode)) ? (report.caseCode as string) : caseCodeOf(report);
  return `pec-doctor-tls12-${code.toLowerCase()}`;
}

/** `x.reg` → `x-annulla.reg`. */
export function undoFileName(fileName: string): string {
  return fileName.replace(/(\.reg)?$/i, '-annulla.reg');
}

const regFile = (fileName: string, lines: string[]): ReportFile => ({
  fileName,
  mimeType: 'text/x-ms-regedit',
  content: regFileBytes(lines).toString('base64'),
  encoding: 'base64',
});

/** The contract's result: both files as base64 UTF-16LE, or why none is needed. */
export function renderRegFixFiles(report: Report, fileName = `${regFixStem(report)}.reg`): RegFixResult {
  const plan = planRegFix(report);
  if ('notNeeded' in plan) return { status: 'not-needed', reason: plan.notNeeded };
  const undoName = undoFileName(fileName.replace(/^.*[\\/]/, ''));
  const { fix, undo } = regFixTexts(report, plan, undoName);
  return { status: 'ready', fix: regFile(fileName, fix), undo: regFile(undoFileName(fileName), undo), notes: plan.notes };
}

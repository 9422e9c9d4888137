// The .reg fix for the machine of a report, and its undo (issue #12). Written from the
// machine's evidence, never applied by PEC Doctor: a technician exports the keys, imports the
// file by hand and reboots; `<name>-annulla.reg` puts back exactly what was there.
//
// Keys and values, from public Microsoft documentation:
// - SCHANNEL Protocols\TLS 1.1|1.2\Client, Enabled=1 and DisabledByDefault=0: "TLS registry
//   settings" (windowsserverdocs security/tls/tls-registry-settings.md). SYSTEM is not
//   redirected, so there is one key whatever the bitness.
// - WinHTTP DefaultSecureProtocols, TLS 1.1 (0x200) + TLS 1.2 (0x800) = 0xA00, in each registry
//   view the machine has (Wow6432Node only on 64-bit Windows): KB3140245, which applies to
//   Windows 7 SP1 and Windows 8/Server 2012; later Windows already include TLS 1.2. The bits are
//   OR-ed into the current value so a choice already made (0xA80 keeps TLS 1.0) is kept.
// - .NET Framework SchUseStrongCrypto=1, SystemDefaultTlsVersions=1 for v4.0.30319 and
//   v2.0.50727, per view: ".NET Framework TLS best practices" (dotnet/docs network-programming/tls.md).
// Format: "Windows Registry Editor Version 5.00", UTF-16LE with BOM, CRLF line ends; `"Name"=-`
// deletes a value (used by the undo for values the machine did not have).
import type { RegFixResult, ReportFile } from '../api';
import type { Report } from '../diagnosis/types';
import type { WindowsTls } from '../inventory/types';
import type { Text } from '../util/text';
import { text } from '../util/text';
import { caseCodeOf } from './case-code';

const HKLM = 'HKEY_LOCAL_MACHINE';
const SCHANNEL = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols`;
const WINHTTP = 'Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';
const NET = 'Microsoft\\.NETFramework';
/** TLS 1.1 | TLS 1.2 (WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_1 | _TLS1_2). */
export const WINHTTP_TLS11_TLS12 = 0xa00;

type View = 'native' | 64 | 32;

/** One value the fix writes: where, what it was (null: absent; undefined: not read), what it becomes. */
export interface RegValueChange {
  key: string;
  name: string;
  before: number | null | undefined;
  after: number;
  /** One-line comment above the key, in Italian (the file is read by an Italian technician). */
  why: string;
}

export interface RegFixPlan {
  changes: RegValueChange[];
  notes: Text[];
}

const hex = (n: number) => `0x${n.toString(16).toUpperCase()}`;
const dword = (n: number) => `dword:${(n >>> 0).toString(16).padStart(8, '0')}`;

/** "6.1.7601" → 6.1; null when unknown. */
function ntVersion(version: string | null | undefined): number | null {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  return m ? Number(m[1]) + Number(m[2]) / 10 : null;
}

function softwareRoot(view: View): string {
  return view === 32 ? `${HKLM}\\SOFTWARE\\Wow6432Node` : `${HKLM}\\SOFTWARE`;
}

const viewLabel = (view: View) => (view === 32 ? '32 bit, Wow6432Node' : view === 64 ? '64 bit' : 'unica vista, Windows a 32 bit');

/**
 * What the fix would write for this report's machine, or why no fix is needed. Pure: the same
 * report gives the same plan.
 */
export function planRegFix(report: Report): RegFixPlan | { notNeeded: Text } {
  const inv = report.inventory;
  if (!inv)
    return {
      notNeeded: text(
        'Il rapporto non contiene i dati di questo computer: non si può preparare una correzione.',
        'The report has no data about the computer: no fix can be prepared.',
      ),
    };
  if (inv.os.platform !== 'windows') {
    return {
      notNeeded: text(
        'Questo computer non usa Windows: la correzione del registro non serve.',
        'This computer does not run Windows: no registry fix is needed.',
      ),
    };
  }
  const win = inv.windows;
  if (!win)
    return {
      notNeeded: text(
        'Il registro di Windows non è stato letto: non si può preparare una correzione su misura.',
        'The Windows registry was not read: no fix can be tailored.',
      ),
    };
  const nt = ntVersion(inv.os.version);
  if (nt !== null && nt < 6.1) {
    return {
      notNeeded: text(
        'Su Windows XP e Vista nessuna chiave di registro aggiunge TLS 1.2 a Outlook: usa la webmail del gestore o un programma con TLS proprio (Thunderbird), e pianifica la sostituzione del sistema.',
        'On Windows XP and Vista no registry key adds TLS 1.2 to Outlook: use the webmail or a program with its own TLS (Thunderbird), and plan to replace the system.',
      ),
    };
  }
  const notes: Text[] = [];
  const arch = inv.os.arch;
  const views: View[] = arch === 'x86' ? ['native'] : [64, 32];
  if (arch === 'x86')
    notes.push(
      text('Windows a 32 bit: una sola vista del registro, scritta una volta sola.', '32-bit Windows: one registry view, written once.'),
    );
  else if (!arch)
    notes.push(
      text(
        'Architettura non nota: scritte entrambe le viste del registro (64 e 32 bit).',
        'Unknown architecture: both registry views written (64 and 32 bit).',
      ),
    );

  const changes: RegValueChange[] = [];
  for (const p of ['TLS 1.1', 'TLS 1.2'] as const) changes.push(...schannelChanges(win, p));

  // KB3140245's WinHTTP switch: only Windows 7 and 8 (NT 6.1, 6.2) lack TLS 1.1/1.2 in WinHTTP.
  const legacy = nt === null || nt < 6.3;
  if (legacy) {
    for (const view of views) {
      const before = view === 32 ? win.winhttp.defaultSecureProtocols32 : win.winhttp.defaultSecureProtocols64;
      const after = before === null ? WINHTTP_TLS11_TLS12 : (before | WINHTTP_TLS11_TLS12) >>> 0;
      changes.push({
        key: `${softwareRoot(view)}\\${WINHTTP}`,
        name: 'DefaultSecureProtocols',
        before,
        after,
        why:
          before === null
            ? `WinHTTP (${viewLabel(view)}): valore assente, diventa ${hex(after)} (TLS 1.1 + TLS 1.2).`
            : `WinHTTP (${viewLabel(view)}): era ${hex(before)}, aggiunti i bit di TLS 1.1 e 1.2 (${hex(before)} | 0xA00 = ${hex(after)}).`,
      });
    }
    if (win.kb3140245 !== true && changes.some((c) => c.name === 'DefaultSecureProtocols' && c.before !== c.after)) {
      notes.push(
        text(
          win.kb3140245 === false
            ? 'KB3140245 non risulta installato: installalo prima, altrimenti il valore WinHTTP non ha effetto.'
            : 'Non è stato verificato se KB3140245 è installato: serve perché il valore WinHTTP abbia effetto.',
          win.kb3140245 === false
            ? 'KB3140245 is not installed: install it first, or the WinHTTP value has no effect.'
            : 'Whether KB3140245 is installed was not verified: the WinHTTP value needs it.',
        ),
      );
    }
  }
  // .NET comes along with a needed fix (business software on the same machine), but alone it does
  // not make one needed: no mail program reads these keys.
  const mailNeeded = changes.some((c) => c.before !== c.after);
  if (nt === null || nt < 10) changes.push(...dotnetChanges(win, views));

  if (!mailNeeded) {
    return {
      notNeeded: text(
        'Le impostazioni del registro di questo computer sono già quelle giuste: non c’è nulla da correggere.',
        'This computer’s registry settings are already right: nothing to fix.',
      ),
    };
  }
  if (changes.some((c) => c.before === undefined)) {
    notes.push(
      text(
        'Alcuni valori non erano leggibili: il file di annullamento non li tocca.',
        'Some values could not be read: the undo file leaves them alone.',
      ),
    );
  }
  notes.push(
    text(
      'Prima di importare, esporta le chiavi (comandi reg export nel file); poi riavvia il computer.',
      'Before importing, export the keys (reg export commands in the file); then restart the computer.',
    ),
    text(
      'PEC Doctor non applica nulla da solo: il file va importato a mano, da amministratore.',
      'PEC Doctor applies nothing itself: the file is imported by hand, as administrator.',
    ),
  );
  return { changes, notes };
}

function schannelChanges(win: WindowsTls, p: 'TLS 1.1' | 'TLS 1.2'): RegValueChange[] {
  const s = win.schannel[p];
  // A key that could not be read leaves the previous values unknown (undefined), not absent.
  const unread = s.effective === 'unknown' && s.decidedBy === undefined && s.enabled === null && s.disabledByDefault === null;
  if (s.effective === 'enabled' && s.enabled !== 0 && s.disabledByDefault !== 1) return [];
  const key = `${SCHANNEL}\\${p}\\Client`;
  const enabledBefore = unread ? undefined : s.enabled;
  const ddBefore = unread ? undefined : s.disabledByDefault;
  return [
    {
      key,
      name: 'Enabled',
      before: enabledBefore,
      after: 1,
      why:
        s.enabled === 0
          ? `SCHANNEL ${p} lato client: qualcuno ha impostato Enabled=0, che lo spegne; diventa Enabled=1 (e DisabledByDefault=0).`
          : `SCHANNEL ${p} lato client: Enabled=1, DisabledByDefault=0 (su questo Windows ${p} è spento se non indicato).`,
    },
    { key, name: 'DisabledByDefault', before: ddBefore, after: 0, why: '' },
  ];
}

function dotnetChanges(win: WindowsTls, views: View[]): RegValueChange[] {
  const out: RegValueChange[] = [];
  for (const view of views) {
    for (const framework of ['v4.0.30319', 'v2.0.50727'] as const) {
      // The inventory records the native view as 64 on every Windows (one view on 32-bit).
      const recorded = view === 32 ? 32 : 64;
      const key = win.dotnet.keys?.find((k) => k.framework === framework && k.view === recorded);
      const legacyNative = !win.dotnet.keys && framework === 'v4.0.30319' && recorded === 64;
      // A report from before the per-view list knows only the native v4 key: nothing is written blind.
      if (!win.dotnet.keys && !legacyNative) continue;
      const strong = key ? key.schUseStrongCrypto : legacyNative ? win.dotnet.schUseStrongCrypto : null;
      const system = key ? key.systemDefaultTlsVersions : legacyNative ? win.dotnet.systemDefaultTlsVersions : null;
      const where = `${softwareRoot(view)}\\${NET}\\${framework}`;
      out.push(
        {
          key: where,
          name: 'SchUseStrongCrypto',
          before: strong,
          after: 1,
          why: `.NET ${framework} (${viewLabel(view)}): crittografia forte e protocolli scelti da Windows.`,
        },
        { key: where, name: 'SystemDefaultTlsVersions', before: system, after: 1, why: '' },
      );
    }
  }
  return out;
}

/** Keys in the order of first appearance, each with its values. */
function byKey(changes: readonly RegValueChange[]): { key: string; why: string[]; values: RegValueChange[] }[] {
  const out: { key: string; why: string[]; values: RegValueChange[] }[] = [];
  for (const c of changes) {
    let entry = out.find((e) => e.key === c.key);
    if (!entry) out.push((entry = { key: c.key, why: [], values: [] }));
    if (c.why) entry.why.push(c.why);
    entry.values.push(c);
  }
  return out;
}

const regExportName = (key: string, i: number) =>
  `backup-${i + 1}-${key
    .split('\\')
    .slice(-2)
    .join('-')
    .replace(/[^A-Za-z0-9.-]+/g, '_')}.reg`;

function header(report: Report, title: string[]): string[] {
  const os = report.inventory?.os;
  return [
    'Windows Registry Editor Version 5.00',
    '',
    `; PEC Doctor ${report.app.version} — pratica ${report.caseCode ?? caseCodeOf(report)} — rapporto del ${report.createdAt}`,
    `; Computer: ${[os?.name, os?.version, os?.arch].filter(Boolean).join(' · ')}`,
    ...title,
    '; NULLA VIENE APPLICATO AUTOMATICAMENTE. Nothing is applied automatically.',
    ';',
    '; Prima di importare, esporta le chiavi che questo file cambia (prompt dei comandi da amministratore):',
    '; Before importing, export the keys this file changes (administrator command prompt):',
    '; (una chiave che non esiste ancora non si può esportare: reg export lo dice, ed è normale)',
  ];
}

/** The lines of the fix and of its undo. */
export function regFixTexts(report: Report, plan: RegFixPlan, undoName: string): { fix: string[]; undo: string[] } {
  const keys = byKey(plan.changes);
  const exports = keys.map((k, i) => `;   reg export "${k.key}" ${regExportName(k.key, i)} /y`);
  const fix = [
    ...header(report, [
      '; Abilita TLS 1.1 e TLS 1.2 per Outlook e gli altri programmi che usano Windows (SChannel, WinHTTP, .NET).',
      '; Enables TLS 1.1 and 1.2 for Outlook and the programs that use Windows (SChannel, WinHTTP, .NET).',
    ]),
    ...exports,
    ';',
    '; Poi: doppio clic su questo file (da amministratore) e riavvia il computer.',
    '; Then: double-click this file (as administrator) and restart the computer.',
    `; Per tornare indietro: importa ${undoName} (rimette i valori di prima) e riavvia.`,
    `; To go back: import ${undoName} (puts back the previous values) and restart.`,
    ...plan.notes.map((n) => `; - ${n.it}`),
    '',
  ];
  for (const k of keys) {
    fix.push(...k.why.map((w) => `; ${w}`));
    for (const v of k.values) if (v.before === v.after) fix.push(`; ${v.name} è già ${hex(v.after)}: riscritto uguale.`);
    fix.push(`[${k.key}]`, ...k.values.map((v) => `"${v.name}"=${dword(v.after)}`), '');
  }
  const undo = [
    ...header(report, [
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
    const skipped: string[] = [];
    for (const v of k.values) {
      if (v.before === undefined) skipped.push(`; ${k.key} — ${v.name}: valore precedente non letto, lasciato com'è.`);
      else lines.push(v.before === null ? `"${v.name}"=-` : `"${v.name}"=${dword(v.before)}`);
    }
    undo.push(...skipped);
    if (lines.length) undo.push(`[${k.key}]`, ...lines);
    undo.push('');
  }
  return { fix, undo };
}

/** A .reg file's bytes: UTF-16LE with BOM, CRLF. */
export function regFileBytes(lines: readonly string[]): Buffer {
  const body = lines.join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
}

export function regFixStem(report: Report): string {
  return `pec-doctor-tls12-${(report.caseCode ?? caseCodeOf(report)).toLowerCase()}`;
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

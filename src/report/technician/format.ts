// One formatter per kind of value of the technician's view (issue #22): registry DWORDs, dates,
// TLS versions, cipher lists, key exchanges, yes/no, states. Each gives a Text (Italian, English)
// and is the only place that kind of value is worded; cells are made here, where every string
// from the report gets its invisible characters shown (src/util/invisible.ts, issue #20.7).
import type { Text } from '../../util/text';
import type { KeyExchange } from '../../probe/types';
import type { SchannelProtocol } from '../../inventory/types';
import type { ServerSetting } from '../../accounts/types';
import { showInvisibles, showInvisiblesInline } from '../../util/invisible';
import { TECH_LABELS as L } from '../labels';
import { formatLocalDate, validZone } from '../dates';
import { formatDword } from '../../util/dword';
import type { TechCell } from './types';

type Lang = keyof Text;
const LANGS: readonly Lang[] = ['it', 'en'];

/** A Text worded per language by one function (labels in each language, values the same). */
export function both(word: (lang: Lang) => string): Text {
  return { it: word('it'), en: word('en') };
}

/** A value that reads the same in both languages (a name, a number, a path). */
export const same = (v: unknown): Text => both(() => (v === null || v === undefined ? '' : String(v)));

/** A cell; its text is shown with invisible characters made visible, on one line. */
export function cell(value: Text | string | number | null | undefined, opts: Omit<TechCell, 'text'> = {}): TechCell {
  const t = typeof value === 'object' && value !== null ? value : same(value);
  const lines = opts.lines?.map(inline);
  return { ...opts, text: lines ? both((l) => lines.map((x) => x[l]).join('; ')) : inline(t), ...(lines ? { lines } : {}) };
}

/** A cell of machine output with lines of its own (a server's greeting): line feeds kept. */
export function multilineCell(value: string): TechCell {
  return { text: same(showInvisibles(value)), mono: true };
}

function inline(t: Text): Text {
  return both((l) => showInvisiblesInline(t[l]));
}

/** A string from the report, for places that are not cells (a heading, a URL, an evidence source). */
export const shown = (v: unknown): string => showInvisiblesInline(v === null || v === undefined ? '' : String(v));

/** A registry DWORD in the one format of src/util/dword.ts (0x00000A00 (2560)); null: the value is not set. */
export function dword(v: number | null | undefined): Text {
  if (v === undefined) return L.values.unknown;
  if (v === null) return L.values.absent;
  return same(formatDword(v));
}

export const yesNo = (v: boolean | null | undefined): Text => (v === true ? L.values.yes : v === false ? L.values.no : L.values.unknown);

/** A yes/no cell that can carry ✔/✘ (accepted TLS versions). */
export const checkCell = (v: boolean | null | undefined): TechCell => cell(yesNo(v), v === null || v === undefined ? {} : { check: v });

/** A date as a person reads it, in the machine's zone: 23/11/2026, 11:00 (Italian and British order alike). */
export function dateText(iso: string | null | undefined, zone: string | null | undefined, showZone = false): Text {
  const it = formatLocalDate(iso, { timeZone: zone, showZone });
  const d = new Date(iso ?? '');
  if (!iso || Number.isNaN(d.getTime())) return same(it);
  const timeZone = validZone(zone);
  const en = d.toLocaleString('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return { it, en: showZone && timeZone ? `${en} (${timeZone})` : en };
}

const TLS_LABEL: Record<string, string> = { TLSv1: 'TLS 1.0', 'TLSv1.1': 'TLS 1.1', 'TLSv1.2': 'TLS 1.2', 'TLSv1.3': 'TLS 1.3' };
/** TLSv1.2 → "TLS 1.2". */
export const tlsVersion = (v: string | null | undefined): string => (v ? (TLS_LABEL[v] ?? v) : '');

/** A list of cipher suites (or names), one line. */
export const suites = (list: readonly string[] | null | undefined): string => (list ?? []).join(', ');

/** "DH 4096 bit (ffdhe4096)", "x25519 (255 bit)". */
export function keyExchangeText(k: KeyExchange | undefined): Text {
  if (!k) return same('');
  if (k.kind === 'dh')
    return both((l) => `DH ${k.bits ?? L.values.keyNotRead[l]}${k.bits ? ` ${L.values.bits[l]}` : ''}${k.group ? ` (${k.group})` : ''}`);
  return both((l) => `${k.group ?? 'ECDH'}${k.bits ? ` (${k.bits} ${L.values.bits[l]})` : ''}`);
}

/** SChannel's effective state of a protocol. */
export const effectiveState = (s: string | null | undefined): Text =>
  s === 'enabled' ? L.values.enabledState : s === 'disabled' ? L.values.disabledState : L.values.unknownState;

export const decidedBy = (p: SchannelProtocol): Text =>
  p.decidedBy === 'registry' ? L.values.byRegistry : p.decidedBy === 'os-default' ? L.values.byOsDefault : same('');

export const installed = (v: boolean | null | undefined): Text =>
  v === true ? L.values.installed : v === false ? L.values.notInstalled : L.values.unknown;

/** A version, or "non verificato" when it was not read. */
export const version = (v: string | null | undefined): Text => (v ? same(v) : L.values.unknown);

/** x86 → "x86 (32 bit)". */
export const archText = (arch: string | null | undefined): string =>
  arch === 'x86' ? 'x86 (32 bit)' : arch === 'x64' ? 'x64 (64 bit)' : String(arch ?? '');

/** "imaps.pec.aruba.it:993 (IMAP, SSL/TLS) · utente mario". */
export function serverSetting(s: ServerSetting | null): Text {
  if (!s) return same('');
  return both(
    (l) =>
      `${s.host}:${s.port} (${String(s.protocol).toUpperCase()}, ${L.security[s.security]?.[l] ?? s.security})${s.userName ? ` · ${L.fields.userName[l]} ${s.userName}` : ''}`,
  );
}

/** Labels are Texts; a renderer in one language takes its side. */
export const inLang = (t: Text, lang: Lang): string => t[lang] ?? t.it;
export { LANGS };

/** "IMAP · SSL/TLS": the protocol and how the connection is protected. */
export function protocolText(protocol: string, security: string): Text {
  return both((l) => `${String(protocol).toUpperCase()} · ${L.security[security]?.[l] ?? security}`);
}

// Thunderbird's security.tls.version.min/max numbers (1 = TLS 1.0 ... 4 = TLS 1.3; 0 = SSL 3.0).
const THUNDERBIRD_TLS: Record<number, string> = { 0: 'SSL 3.0', 1: 'TLS 1.0', 2: 'TLS 1.1', 3: 'TLS 1.2', 4: 'TLS 1.3' };

/** "min 1 (TLS 1.0) / max 3 (TLS 1.2)"; null: the preference was not changed (Thunderbird's default). */
export function thunderbirdTls(prefs: { min: number | null; max: number | null } | null | undefined): Text {
  if (!prefs) return L.values.thunderbirdDefaults;
  const one = (n: number | null, l: Lang) =>
    n === null ? L.values.defaultProfile[l] : `${n}${THUNDERBIRD_TLS[n] ? ` (${THUNDERBIRD_TLS[n]})` : ''}`;
  return both((l) => `min ${one(prefs.min, l)} / max ${one(prefs.max, l)}`);
}

/** "Connessione 40 · Versioni TLS 320 · totale 600": each step's time, in the probe's order. */
export function timingsText(timings: Record<string, number> | null | undefined): Text {
  const entries = Object.entries(timings ?? {});
  if (!entries.length) return L.values.notMeasured;
  const name = (k: string, l: Lang) => (k === 'total' ? L.values.total[l] : (L.probeStep[k as keyof typeof L.probeStep]?.[l] ?? k));
  return both((l) => entries.map(([k, ms]) => `${name(k, l)} ${ms}`).join(' · '));
}

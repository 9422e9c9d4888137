// The interface's sentences, Italian first and English: each screen keeps its own messages next
// to it (screens/*/messages.ts) and this file merges them into one catalogue. `en` is typed as
// the shape of `it`, so a key missing from either language is a compile error (tsc -p
// renderer/tsconfig.json runs in the test command), and a key defined by two screens is one too.
import { createContext, useContext } from 'react';
import type { Text } from '../../../src/api';
import type { Lang, Severity, VerdictStatus } from '../types';
import * as common from './common';
import * as components from '../components/messages';
import * as start from '../screens/start/messages';
import * as running from '../screens/running/messages';
import * as results from '../screens/results/messages';
import * as technician from '../screens/technician/messages';
import * as openReport from '../screens/open-report/messages';
import * as history from '../screens/history/messages';

const parts = [common, components, start, running, results, technician, openReport, history] as const;
type ItOf<T> = { [K in keyof T]: T[K] extends { it: infer I } ? I : never };
type ItParts = ItOf<typeof parts>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type Messages = UnionToIntersection<ItParts[number]>;

/** Keys defined by more than one screen (the merge would silently keep the last one). */
type Duplicates<T extends readonly unknown[], Seen = never> = T extends readonly [infer H, ...infer R]
  ? (keyof H & Seen) | Duplicates<R, Seen | keyof H>
  : never;
// Fails to compile, naming the key, when two screens define the same one.
const noDuplicateKeys: [Duplicates<ItParts>] extends [never] ? true : Duplicates<ItParts> = true;
void noDuplicateKeys;

const merge = (lang: Lang): Messages => Object.assign({}, ...parts.map((p) => p[lang])) as Messages;

export const CATALOGUE: Record<Lang, Messages> = { it: merge('it'), en: merge('en') };

export interface I18n {
  lang: Lang;
  m: Messages;
  /** The current language's side of a sentence coming from the core. */
  tx: (t: Text | null | undefined) => string;
  setLang: (lang: Lang) => void;
}

export function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  return {
    lang,
    m: CATALOGUE[lang],
    tx: (t) => (t ? (t[lang] ?? t.it ?? '') : ''),
    setLang,
  };
}

export const I18nContext = createContext<I18n>(makeI18n('it', () => undefined));
export const useI18n = (): I18n => useContext(I18nContext);

export function severityLabel(m: Messages, s: Severity): string {
  return { error: m.sevError, warning: m.sevWarning, info: m.sevInfo, ok: m.sevOk }[s] ?? s;
}

export function verdictTitle(m: Messages, s: VerdictStatus): string {
  const titles: Record<VerdictStatus, string> = {
    ok: m.verdictOk,
    warning: m.verdictWarning,
    error: m.verdictError,
    incomplete: m.verdictIncomplete,
    'not-pec': m.verdictNotPec,
    offline: m.verdictOffline,
  };
  return titles[s] ?? m.verdictIncomplete;
}

/** The verdict's heading: the core's own title, or ours for reports of cores that gave none. */
export function verdictHeading(
  m: Messages,
  verdict: { status: VerdictStatus; title?: Text | null } | null | undefined,
  lang: Lang,
): string {
  const own = verdict?.title ? (verdict.title[lang] ?? verdict.title.it ?? '') : '';
  return own.trim() || verdictTitle(m, knownVerdictStatus(verdict?.status));
}

const STATUSES: readonly VerdictStatus[] = ['ok', 'warning', 'error', 'incomplete', 'not-pec', 'offline'];
/** An unknown status (a newer or damaged report) is shown as incomplete: never green. */
export function knownVerdictStatus(s: unknown): VerdictStatus {
  return STATUSES.includes(s as VerdictStatus) ? (s as VerdictStatus) : 'incomplete';
}

export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
}

const LANG_KEY = 'pec-doctor.lang';
export function initialLang(): Lang {
  try {
    const saved = window.localStorage.getItem(LANG_KEY);
    if (saved === 'it' || saved === 'en') return saved;
  } catch {
    // storage unavailable: Italian
  }
  return 'it';
}
export function rememberLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not remembered: fine
  }
}

// The Windows plans (issue #11, #19): what the Windows family (derived.ts) needs for TLS 1.2, step
// by step, each step's state from the machine's evidence. XP: another computer and the webmail.
// Vista / Server 2003: the same, with what still runs there (Thunderbird 52.9.1 ESR, Firefox 52
// ESR, Chrome 49). Windows 7 / 2008 R2, 8.0 / 2012, Server 2008 SP2: the service pack first, then
// the update, WinHTTP, SChannel's TLS 1.2 client side, one reboot (a terminal server warns that
// every session drops). 8.1 and later: TLS 1.2 turned back on. The registry values a step names
// are the typed fix's (fix-view.ts), the ones the .reg file writes.
import type { Finding, PlanStep, RuleInput } from './types';
import type { Text } from '../util/text';
import { text } from '../util/text';
import { LINKS, fillText } from './catalogue';
import { CAUSES, EXPLANATIONS, TLS12_CLIENT_KEY } from './plan-definitions';
import { checkWebmailBrowser } from './requirements';
import type { DerivedFacts } from './derived';
import type { WindowsFamily } from './windows-family';
import type { ServicingPackage, WindowsTls } from '../inventory/types';
import type { Draft } from './plan-steps';
import { names, rebootStep, step, stopGapOf } from './plan-steps';
import { bitsOf } from './texts';
import { schannelFixValues, valuesToSet, winhttpFixValues } from './fix-view';
import { servicePackName } from './rules/system';
import { FIX_KEYS } from '../fix/registry-fix';
import { formatDword } from '../util/dword';

/** `agree`: "Outlook non può" for one program (the XP plan keeps its historical plural). */
function affectedText(facts: DerivedFacts, agree = false): Text {
  const clients = facts.schannelMailClients;
  const one = agree && clients.length === 1;
  return clients.length
    ? text(`${clients.join(' e ')} non ${one ? 'può' : 'possono'} collegarsi`, `${clients.join(' and ')} cannot connect`)
    : text(
        'i programmi che usano la crittografia di Windows non possono collegarsi',
        'programs that use Windows’ encryption cannot connect',
      );
}

/** A browser fit for the webmail on XP (and Vista, which has the same last browsers: Chrome 49, Firefox 52 ESR). */
function goodXpBrowser(input: RuleInput): string | null {
  const good = (input.inventory?.browsers ?? []).find((b) => checkWebmailBrowser('windows-xp', null, b.id, b.version).status === 'ok');
  return good ? `${good.name} ${good.version ?? ''}`.trim() : null;
}

export function xpPlan(input: RuleInput, facts: DerivedFacts): Draft {
  const browser = goodXpBrowser(input);
  return {
    cause: CAUSES['windows-xp'],
    explanation: fillText(EXPLANATIONS['windows-xp'], { affected: affectedText(facts) }),
    affects: facts.schannelClientIds,
    steps: [
      step('use-supported-computer', 'todo', { os: 'Windows XP' }, null),
      step('webmail-browser', browser ? 'done' : 'todo', { browser: browser ?? '' }, browser ? text(browser, browser) : null),
    ],
    stopGap: stopGapOf(facts),
  };
}

/** Vista and Server 2003: no update adds TLS 1.2; Thunderbird 52.9.1 ESR and the webmail still work there. */
export function noTls12Plan(input: RuleInput, facts: DerivedFacts): Draft {
  const os = facts.windowsName ?? '';
  const browser = goodXpBrowser(input);
  const thunderbird = facts.workingOwnTlsClients.join(', ') || null;
  const clients = facts.schannelMailClients;
  const params = { os, client: names(clients), affected: affectedText(facts, true) };
  return {
    cause: fillText(clients.length ? CAUSES['windows-no-tls12'] : CAUSES['windows-no-tls12-os'], params),
    explanation: fillText(EXPLANATIONS['windows-no-tls12'], params),
    affects: facts.schannelClientIds,
    steps: [
      step('use-supported-computer', 'todo', { os }, null),
      step(
        'thunderbird-legacy',
        thunderbird ? 'done' : 'todo',
        { os, thunderbird: thunderbird ?? '' },
        thunderbird ? text(thunderbird, thunderbird) : null,
      ),
      step('webmail-browser-vista', browser ? 'done' : 'todo', { os, browser: browser ?? '' }, browser ? text(browser, browser) : null),
    ],
    stopGap: stopGapOf(facts),
  };
}

// ---------------------------------------------------------------------------------------------
// Windows 7 / 2008 R2, 8.0 / 2012, Server 2008 SP2.

const latest = (list: readonly ServicingPackage[]): string | null =>
  list.reduce<string | null>((max, p) => (p.installedAt && (max === null || p.installedAt > max) ? p.installedAt : max), null);

const packLabel = (p: ServicingPackage): string => {
  const lang = /~([a-z]{2}-[A-Z]{2})~/.exec(p.name)?.[1];
  return `${lang ?? p.name}${p.installedAt ? `, ${p.installedAt.slice(0, 10)}` : ''}`;
};

function hotfixSource(win: WindowsTls): Text {
  return win.hotfixes === undefined
    ? text('wmic qfe / Get-HotFix', 'wmic qfe / Get-HotFix')
    : win.hotfixes === null
      ? text('elenco degli aggiornamenti non leggibile', 'update list unreadable')
      : text(`${win.hotfixes.length} aggiornamenti installati letti`, `${win.hotfixes.length} installed updates read`);
}

/** The service pack and KB4019276 steps the family requires before anything else. */
export function updateSteps(fam: WindowsFamily, win: WindowsTls, osName: string): PlanStep[] {
  const out: PlanStep[] = [];
  const bits = bitsOf(fam.arch);
  for (const u of fam.tls12.updates) {
    if (u.kind === 'service-pack') {
      const s = step(
        'install-service-pack',
        u.installed === true ? 'done' : 'todo',
        { os: osName, servicePack: servicePackName(u.id), bits },
        text(
          `build ${fam.build ?? '?'}, service pack ${fam.servicePack || 'nessuno'}`,
          `build ${fam.build ?? '?'}, service pack ${fam.servicePack || 'none'}`,
        ),
      );
      s.links = [u.id === 'KB976932' ? LINKS.servicePack1 : LINKS.servicePack2Server2008];
      out.push(s);
    } else if (u.id === 'KB4019276') {
      const state = u.installed === true ? 'done' : u.installed === false ? 'todo' : 'unknown';
      const src = hotfixSource(win);
      const ev =
        u.installed === null
          ? text(`stato di KB4019276 non verificato (${src.it})`, `KB4019276 state not verified (${src.en})`)
          : text(
              `KB4019276 ${u.installed ? 'installato' : 'non installato'} (${src.it})`,
              `KB4019276 ${u.installed ? 'installed' : 'not installed'} (${src.en})`,
            );
      out.push(step('install-kb4019276', state, { os: osName, bits }, ev));
    }
  }
  return out;
}

/**
 * KB3140245 and the language-pack trap. The servicing store's install times (InstallTimeHigh/Low
 * under Component Based Servicing\Packages, read by the inventory) are not confirmed from
 * Microsoft's documentation: when either time is missing the step says "non verificato" instead of
 * guessing (docs/findings.md).
 */
export function kbSteps(win: WindowsTls, osName: string, bits: Text): PlanStep[] {
  const kb = win.kb3140245;
  const servicing = win.servicing ?? null;
  const src = hotfixSource(win);
  const params = { os: osName, bits };
  if (kb === false)
    return [
      step(
        'install-kb3140245',
        'todo',
        params,
        text(`KB3140245 non risulta installato (${src.it})`, `KB3140245 is not installed (${src.en})`),
      ),
    ];
  if (kb === null)
    return [
      step(
        'install-kb3140245',
        'unknown',
        params,
        text(`stato di KB3140245 non verificato (${src.it})`, `KB3140245 state not verified (${src.en})`),
      ),
    ];
  const kbAt = servicing ? latest(servicing.kb3140245) : null;
  const done = step(
    'install-kb3140245',
    'done',
    params,
    text(`KB3140245 installato${kbAt ? ` il ${kbAt.slice(0, 10)}` : ''}`, `KB3140245 installed${kbAt ? ` on ${kbAt.slice(0, 10)}` : ''}`),
  );
  const packs = servicing?.languagePacks ?? [];
  if (!servicing || packs.length === 0) return [done];
  return [done, ...languagePackSteps(packs, kbAt)];
}

function languagePackSteps(packs: readonly ServicingPackage[], kbAt: string | null): PlanStep[] {
  const after = packs.filter((p) => kbAt !== null && p.installedAt !== null && p.installedAt > kbAt);
  if (after.length) {
    const languagePack = after.map(packLabel).join(', ');
    const ev = text(
      `KB3140245 installato il ${kbAt?.slice(0, 10)}; pacchetto di lingua installato dopo (${languagePack})`,
      `KB3140245 installed on ${kbAt?.slice(0, 10)}; language pack installed later (${languagePack})`,
    );
    return [step('reinstall-kb3140245', 'todo', { languagePack }, ev)];
  }
  if (kbAt === null || packs.some((p) => p.installedAt === null)) {
    const languagePack = packs.map(packLabel).join(', ');
    const packsAt = latest(packs);
    const ev = text(
      `date di installazione non registrate (KB: ${kbAt ?? '?'}; lingua: ${packsAt ?? '?'})`,
      `install dates not recorded (KB: ${kbAt ?? '?'}; language: ${packsAt ?? '?'})`,
    );
    return [step('reinstall-kb3140245', 'unknown', { languagePack }, ev)];
  }
  return [];
}

/** WinHTTP DefaultSecureProtocols per registry view (32-bit Windows has only the native one): the typed fix's values. */
export function winhttpStep(win: WindowsTls, fam: WindowsFamily): PlanStep {
  const fix = winhttpFixValues(fam, win);
  const views = fam.arch === 'x86' ? (['winhttpNative'] as const) : (['winhttpNative', 'winhttpWow64'] as const);
  const valueOf = (k: (typeof views)[number]) =>
    k === 'winhttpWow64' ? win.winhttp.defaultSecureProtocols32 : win.winhttp.defaultSecureProtocols64;
  const describe = (k: (typeof views)[number], absent: string) => {
    const v = valueOf(k);
    const change = fix.find((x) => x.key === k);
    return `${FIX_KEYS[k]} DefaultSecureProtocols: ${v === null ? absent : formatDword(v)}${change ? ` → ${formatDword(change.after)}` : ''}`;
  };
  const one =
    fam.arch === 'x86' ? text(' (Windows a 32 bit: una sola vista del Registro)', ' (32-bit Windows: one registry view)') : text('', '');
  const evidence = text(
    views.map((k) => describe(k, 'assente')).join('; ') + one.it,
    views.map((k) => describe(k, 'absent')).join('; ') + one.en,
  );
  if (fix.length === 0) return step('winhttp-defaults', 'done', {}, evidence);
  // Plain words for the lawyer; the registry views (Wow6432Node) and values are in the evidence.
  const where =
    views.length === 2
      ? fix.length === 2
        ? text(' (sia a 64 sia a 32 bit)', ' (both 64-bit and 32-bit ones)')
        : fix[0].key === 'winhttpWow64'
          ? text(' (a 32 bit: quelli a 64 bit sono già a posto)', ' (32-bit ones: the 64-bit ones are already right)')
          : text(' (a 64 bit: quelli a 32 bit sono già a posto)', ' (64-bit ones: the 32-bit ones are already right)')
      : text('', '');
  const keep = fix.some((v) => v.before !== null && v.before !== undefined)
    ? text(
        '; c’è già un’impostazione diversa, che il file .reg preparato da PEC Doctor («Salva la correzione (.reg)») conserva aggiungendo TLS 1.2',
        '; a different setting is already there, which the .reg file PEC Doctor prepares (“Salva la correzione (.reg)”) keeps while adding TLS 1.2',
      )
    : text('', '');
  return step('winhttp-defaults', 'todo', { views: text(where.it + keep.it, where.en + keep.en) }, evidence);
}

/** SChannel's TLS 1.2 client side: done, to do (the values of the typed fix), or not read. `reenable`: on by default (8.1+). */
export function schannelStep(win: WindowsTls, fam: WindowsFamily, facts: DerivedFacts, reenable = false): PlanStep {
  const p = win.schannel['TLS 1.2'];
  const show = (n: number | null | undefined, absent: string) => (n === null || n === undefined ? absent : String(n));
  const now = text(
    `${TLS12_CLIENT_KEY}: Enabled=${show(p?.enabled, 'assente')}, DisabledByDefault=${show(p?.disabledByDefault, 'assente')}`,
    `${TLS12_CLIENT_KEY}: Enabled=${show(p?.enabled, 'absent')}, DisabledByDefault=${show(p?.disabledByDefault, 'absent')}`,
  );
  const then = (tx: Text) => text(`${now.it}; ${tx.it}`, `${now.en}; ${tx.en}`);
  if (!p || facts.tls12Client === 'unknown' || facts.tls12Client === null) {
    const check = text(
      'deve valere: DisabledByDefault = 0 ed Enabled, se c’è, 1 (non letto)',
      'must be: DisabledByDefault = 0 and Enabled, if present, 1 (not read)',
    );
    return step('schannel-tls12-client', 'unknown', {}, then(check));
  }
  if (facts.tls12Client === 'on') return step('schannel-tls12-client', 'done', {}, now);
  const values = schannelFixValues(fam, win);
  // On by default (8.1+) and a value someone set: deleting the key is the other way back.
  const byDefault = reenable && p.enabled !== 0 && p.disabledByDefault !== null;
  const orDelete = byDefault ? text(', oppure eliminare la chiave', ', or delete the key') : text(' (DWORD)', ' (DWORD)');
  const set = values.length
    ? text(`da impostare: ${valuesToSet(values, 'it')}${orDelete.it}`, `to set: ${valuesToSet(values, 'en')}${orDelete.en}`)
    : text(`da impostare: Enabled = 1, DisabledByDefault = 0${orDelete.it}`, `to set: Enabled = 1, DisabledByDefault = 0${orDelete.en}`);
  if (p.enabled === 0) return step('schannel-tls12-client', 'todo', {}, then(set), 'schannel-tls12-enable');
  return step('schannel-tls12-client', 'todo', {}, then(set), byDefault ? 'schannel-tls12-default' : undefined);
}

const KEYS_ROUTES = new Set(['keys-and-update', 'winhttp-update', 'kb4019276', 'service-pack-first']);

export function windows7Plan(input: RuleInput, facts: DerivedFacts, folded: Finding[]): Draft | null {
  const inv = input.inventory;
  const win = inv?.windows;
  const fam = facts.windows;
  if (!inv || !win || !fam || !facts.windowsName || !KEYS_ROUTES.has(fam.tls12.route)) return null;
  const osName = facts.windowsName;
  const hasKb = fam.tls12.updates.some((u) => u.id === 'KB3140245');
  const steps: PlanStep[] = [
    ...updateSteps(fam, win, osName),
    ...(hasKb ? kbSteps(win, osName, bitsOf(fam.arch)) : []),
    ...(fam.tls12.winhttpNeedsValue ? [winhttpStep(win, fam)] : []),
    schannelStep(win, fam, facts),
  ];
  // Nothing open (the findings were about something else): no plan.
  if (steps.every((s) => s.state === 'done')) return null;
  const clientNames = facts.schannelMailClients;
  const tls12Off = folded.some((f) => f.id === 'win7-tls12-client-disabled');
  const client = names(clientNames);
  const thunderbird = facts.workingOwnTlsClients.join(', ') || null;
  // Outlook blocked and a working Thunderbird at hand: say it is a way in meanwhile.
  if (tls12Off && clientNames.length && thunderbird) steps.push(step('use-thunderbird-meanwhile', 'done', { thunderbird }, null));
  steps.push(rebootStep(steps, clientNames.length ? client : text('i programmi', 'the programs'), facts));
  const own = facts.ownTlsClients;
  const others = own.length
    ? text(`: ${own.join(', ')} usa una crittografia propria (NSS)`, `: ${own.join(', ')} uses its own encryption (NSS)`)
    : text('', '');
  const key = planKey(fam, steps, tls12Off, clientNames.length > 0);
  const params = { os: osName, client, others };
  return {
    cause: fillText(CAUSES[key.cause], params),
    explanation: fillText(EXPLANATIONS[key.explanation], params),
    affects: tls12Off ? facts.schannelClientIds : [],
    steps,
    stopGap: tls12Off && facts.schannelClientIds.length ? stopGapOf(facts) : null,
  };
}

type CauseKey = keyof typeof CAUSES;
type ExplanationKey = keyof typeof EXPLANATIONS;

/** Which cause and explanation fit: blocked, nothing blocked, SChannel not read, only the language-pack trap, only WinHTTP. */
function planKey(
  fam: WindowsFamily,
  steps: PlanStep[],
  tls12Off: boolean,
  hasClient: boolean,
): { cause: CauseKey; explanation: ExplanationKey } {
  const same = (k: CauseKey & ExplanationKey) => ({ cause: k, explanation: k });
  if (tls12Off && !hasClient) return same('windows7-no-client');
  if (tls12Off) {
    if (fam.release === 'vista') return same('windows2008-kb4019276');
    // On 8.0 / 2012 TLS 1.2 is on by default: someone turned it off ("lo contiene ma lo tiene spento" is not true there).
    return { cause: 'windows7-client', explanation: fam.tls12.schannelOffByDefault ? 'windows7-client' : 'windows-reenable' };
  }
  if (steps.some((s) => s.id === 'schannel-tls12-client' && s.state === 'unknown')) return same('windows7-unknown');
  const onlyTrap = steps.every((s) => s.state === 'done' || s.id === 'reinstall-kb3140245' || s.id === 'reboot');
  return same(onlyTrap ? 'windows7-language-pack' : 'windows7-winhttp');
}

/** 8.1 and later: TLS 1.2 is on by default, someone turned it off. */
export function reenablePlan(input: RuleInput, facts: DerivedFacts): Draft | null {
  const win = input.inventory?.windows;
  const fam = facts.windows;
  if (!win || !fam || fam.tls12.route !== 'built-in') return null;
  const clientNames = facts.schannelMailClients;
  const client = names(clientNames);
  const steps = [schannelStep(win, fam, facts, true)];
  const thunderbird = facts.workingOwnTlsClients.join(', ') || null;
  if (clientNames.length && thunderbird) steps.push(step('use-thunderbird-meanwhile', 'done', { thunderbird }, null));
  steps.push(rebootStep(steps, client, facts));
  const params = { os: facts.windowsName, client };
  return {
    cause: fillText(CAUSES['windows-reenable'], params),
    explanation: fillText(EXPLANATIONS['windows-reenable'], params),
    affects: facts.schannelClientIds,
    steps,
    stopGap: clientNames.length ? stopGapOf(facts) : null,
  };
}

// Fix plans (issue #11): from the findings and the machine's evidence, one plan per root cause,
// in the order to work through them. Pure. Each step's state comes from the evidence (KB3140245
// already installed → done; Enabled=0 → "set Enabled=1"; WinHTTP per registry view, and 32-bit
// Windows has no Wow6432Node view; one reboot, last). Findings fold under their plan
// (`Finding.plan`) and take its severity: a missing KB that is part of Outlook's block is an error.
// The stop-gap webmail comes from our provider catalogue by id, never from a file.
import type { Finding, FixLink, FixPlan, PlanStep, PlanStepState, RuleInput, Severity, StopGap } from './types';
import { SEVERITY_ORDER } from './types';
import type { Text } from '../util/text';
import { text } from '../util/text';
import { LINKS, fillText } from './catalogue';
import type { Params } from './catalogue';
import {
  CAUSES,
  EXPLANATIONS,
  PLAN_DEFINITIONS,
  PLAN_ORDER,
  STEPS,
  TLS12_CLIENT_KEY,
  WINHTTP_KEY_NATIVE,
  WINHTTP_KEY_WOW64,
} from './plan-definitions';
import type { PlanId, StepId } from './plan-definitions';
import { WINDOWS_NAMES, checkWebmailBrowser, windowsRelease } from './requirements';
import { schannelMailClients, userProviders } from './rules/make';
import { isOffline } from './network';
import type { ServicingPackage, WindowsTls } from '../inventory/types';

/** WinHTTP DefaultSecureProtocols bit for TLS 1.2 (KB3140245). */
const WINHTTP_TLS12 = 0x800;
const WINHTTP_DEFAULT = 0xa00;

const hex = (n: number) => `0x${n.toString(16).toUpperCase().padStart(8, '0')}`;

function step(id: StepId, state: PlanStepState, params: Params, evidence: Text | null, override?: StepId): PlanStep {
  const texts = STEPS[override ?? id] as { todo: Text; done?: Text; unknown?: Text; links: readonly string[] };
  const tx = (state === 'done' && texts.done) || (state === 'unknown' && texts.unknown) || texts.todo;
  return {
    id,
    state,
    text: fillText(tx, params),
    evidence,
    links: texts.links.map((k) => LINKS[k as keyof typeof LINKS] as FixLink),
  };
}

function rebootStep(steps: PlanStep[], client: Text | string): PlanStep {
  const open = steps.some((s) => s.state !== 'done');
  return step('reboot', open ? 'todo' : 'done', { client }, null);
}

const worst = (list: Severity[]): Severity => SEVERITY_ORDER.find((s) => list.includes(s)) ?? 'info';

/** The provider webmail to use meanwhile, from our catalogue (first known provider with one). */
export function stopGapOf(input: RuleInput): StopGap | null {
  if (isOffline(input.endpoints)) return null;
  const p = userProviders(input).find((x) => x.webmail);
  return p && p.webmail ? { providerId: p.id, providerName: p.name, url: p.webmail } : null;
}

const names = (list: string[]): Text =>
  list.length ? text(list.join(' / '), list.join(' / ')) : text('il programma di posta', 'the mail program');

function schannelClientIds(input: RuleInput): string[] {
  const label = schannelMailClients(input);
  return [...(label.includes('Outlook') ? ['outlook'] : []), ...(label.includes('Windows Live Mail') ? ['windowslivemail'] : [])];
}

// ---------------------------------------------------------------------------------------------
// Windows 7 (and 8.0): KB3140245, WinHTTP, SCHANNEL TLS 1.2\Client, reboot.

const latest = (list: readonly ServicingPackage[]): string | null =>
  list.reduce<string | null>((max, p) => (p.installedAt && (max === null || p.installedAt > max) ? p.installedAt : max), null);

const packLabel = (p: ServicingPackage): string => {
  const lang = /~([a-z]{2}-[A-Z]{2})~/.exec(p.name)?.[1];
  return `${lang ?? p.name}${p.installedAt ? `, ${p.installedAt.slice(0, 10)}` : ''}`;
};

/**
 * KB3140245 and the language-pack trap. The servicing store's install times (InstallTimeHigh/Low
 * under Component Based Servicing\Packages, read by the inventory) are not confirmed from
 * Microsoft's documentation: when either time is missing the step says "non verificato" instead of
 * guessing (docs/findings.md).
 */
export function kbSteps(win: WindowsTls, osName: string): PlanStep[] {
  const kb = win.kb3140245;
  const servicing = win.servicing ?? null;
  const src =
    win.hotfixes === undefined
      ? text('wmic qfe / Get-HotFix', 'wmic qfe / Get-HotFix')
      : win.hotfixes === null
        ? text('elenco degli aggiornamenti non leggibile', 'update list unreadable')
        : text(`${win.hotfixes.length} aggiornamenti installati letti`, `${win.hotfixes.length} installed updates read`);
  if (kb === false)
    return [
      step(
        'install-kb3140245',
        'todo',
        { os: osName },
        text(`KB3140245 non risulta installato (${src.it})`, `KB3140245 is not installed (${src.en})`),
      ),
    ];
  if (kb === null)
    return [
      step(
        'install-kb3140245',
        'unknown',
        { os: osName },
        text(`stato di KB3140245 non verificato (${src.it})`, `KB3140245 state not verified (${src.en})`),
      ),
    ];
  const kbAt = servicing ? latest(servicing.kb3140245) : null;
  const done = step(
    'install-kb3140245',
    'done',
    { os: osName },
    text(`KB3140245 installato${kbAt ? ` il ${kbAt.slice(0, 10)}` : ''}`, `KB3140245 installed${kbAt ? ` on ${kbAt.slice(0, 10)}` : ''}`),
  );
  const packs = servicing?.languagePacks ?? [];
  if (!servicing || packs.length === 0) return [done];
  const packsAt = latest(packs);
  const undated = kbAt === null || packs.some((p) => p.installedAt === null);
  const after = packs.filter((p) => kbAt !== null && p.installedAt !== null && p.installedAt > kbAt);
  if (after.length) {
    const languagePack = after.map(packLabel).join(', ');
    return [
      done,
      step(
        'reinstall-kb3140245',
        'todo',
        { languagePack },
        text(
          `KB3140245 installato il ${kbAt?.slice(0, 10)}; pacchetto di lingua installato dopo (${languagePack})`,
          `KB3140245 installed on ${kbAt?.slice(0, 10)}; language pack installed later (${languagePack})`,
        ),
      ),
    ];
  }
  if (undated) {
    const languagePack = packs.map(packLabel).join(', ');
    return [
      done,
      step(
        'reinstall-kb3140245',
        'unknown',
        { languagePack },
        text(
          `date di installazione non registrate (KB: ${kbAt ?? '?'}; lingua: ${packsAt ?? '?'})`,
          `install dates not recorded (KB: ${kbAt ?? '?'}; language: ${packsAt ?? '?'})`,
        ),
      ),
    ];
  }
  return [done];
}

/** WinHTTP DefaultSecureProtocols per registry view: 64-bit Windows has two, 32-bit Windows only the native one. */
export function winhttpStep(win: WindowsTls, arch: string | null): PlanStep {
  const is64 = arch === 'x64' || arch === 'arm64';
  const views: { key: string; value: number | null }[] = [{ key: WINHTTP_KEY_NATIVE, value: win.winhttp.defaultSecureProtocols64 }];
  if (is64) views.push({ key: WINHTTP_KEY_WOW64, value: win.winhttp.defaultSecureProtocols32 });
  const missing = views.filter((v) => v.value === null || (v.value & WINHTTP_TLS12) === 0);
  // An existing value keeps its bits: the TLS 1.1 + 1.2 bits are OR-ed in (0xA80 stays 0xA80).
  const target = (v: { value: number | null }) => hex((v.value ?? 0) | WINHTTP_DEFAULT);
  const describe = (v: { key: string; value: number | null }, absent: string) =>
    `${v.key} DefaultSecureProtocols: ${v.value === null ? absent : hex(v.value)}${missing.includes(v) ? ` → ${target(v)}` : ''}`;
  const one = is64 ? text('', '') : text(' (Windows a 32 bit: una sola vista del Registro)', ' (32-bit Windows: one registry view)');
  const evidence = text(
    views.map((v) => describe(v, 'assente')).join('; ') + one.it,
    views.map((v) => describe(v, 'absent')).join('; ') + one.en,
  );
  if (missing.length === 0) return step('winhttp-defaults', 'done', {}, evidence);
  // Plain words for the lawyer; the registry views (Wow6432Node) and values are in the evidence.
  const where = is64
    ? missing.length === 2
      ? text(' (sia a 64 sia a 32 bit)', ' (both 64-bit and 32-bit ones)')
      : missing[0].key === WINHTTP_KEY_WOW64
        ? text(' (a 32 bit: quelli a 64 bit sono già a posto)', ' (32-bit ones: the 64-bit ones are already right)')
        : text(' (a 64 bit: quelli a 32 bit sono già a posto)', ' (64-bit ones: the 32-bit ones are already right)')
    : text('', '');
  const kept = missing.filter((v) => v.value !== null);
  const keep = kept.length
    ? text(
        '; c’è già un’impostazione diversa, che il file .reg preparato da PEC Doctor («Salva la correzione (.reg)») conserva aggiungendo TLS 1.2',
        '; a different setting is already there, which the .reg file PEC Doctor prepares (“Salva la correzione (.reg)”) keeps while adding TLS 1.2',
      )
    : text('', '');
  return step('winhttp-defaults', 'todo', { views: text(where.it + keep.it, where.en + keep.en) }, evidence);
}

export function schannelStep(win: WindowsTls): PlanStep {
  const p = win.schannel['TLS 1.2'];
  const show = (n: number | null | undefined) => (n === null || n === undefined ? 'assente' : String(n));
  const now = text(
    `${TLS12_CLIENT_KEY}: Enabled=${show(p?.enabled)}, DisabledByDefault=${show(p?.disabledByDefault)}`,
    `${TLS12_CLIENT_KEY}: Enabled=${show(p?.enabled).replace('assente', 'absent')}, DisabledByDefault=${show(p?.disabledByDefault).replace('assente', 'absent')}`,
  );
  // What to set, for the technician who does it by hand: Enabled=0 must become 1 as well, or
  // DisabledByDefault=0 alone leaves TLS 1.2 off (windows-and-clients.md §3).
  const then = (tx: Text) => text(`${now.it}; ${tx.it}`, `${now.en}; ${tx.en}`);
  const create = text('da impostare: DisabledByDefault = 0 (DWORD)', 'to set: DisabledByDefault = 0 (DWORD)');
  const enable = text(
    'da impostare: Enabled = 1 (oggi vale 0), DisabledByDefault = 0 (DWORD)',
    'to set: Enabled = 1 (0 today), DisabledByDefault = 0 (DWORD)',
  );
  const check = text(
    'deve valere: DisabledByDefault = 0 ed Enabled, se c’è, 1 (non letto)',
    'must be: DisabledByDefault = 0 and Enabled, if present, 1 (not read)',
  );
  if (!p || p.effective === 'unknown') return step('schannel-tls12-client', 'unknown', {}, then(check));
  if (p.effective === 'enabled') return step('schannel-tls12-client', 'done', {}, now);
  if (p.enabled === 0) return step('schannel-tls12-client', 'todo', {}, then(enable), 'schannel-tls12-enable');
  return step('schannel-tls12-client', 'todo', {}, then(create));
}

// ---------------------------------------------------------------------------------------------
// Plan builders: each returns the plan without id/severity/findings (filled in by buildPlans).

type Draft = Omit<FixPlan, 'id' | 'severity' | 'findings'>;

function networkPlan(input: RuleInput): Draft {
  return {
    cause: CAUSES['network-offline'],
    explanation: EXPLANATIONS['network-offline'],
    affects: (input.inventory?.clients ?? []).map((c) => c.id),
    steps: (['check-connection', 'check-proxy', 'check-firewall', 'run-again'] as const).map((id) => step(id, 'todo', {}, null)),
    stopGap: null,
  };
}

function xpPlan(input: RuleInput): Draft {
  const inv = input.inventory;
  const affects = schannelClientIds(input);
  const good = (inv?.browsers ?? []).find((b) => checkWebmailBrowser('windows-xp', null, b.id, b.version).status === 'ok');
  const browser = good ? `${good.name} ${good.version ?? ''}`.trim() : '';
  const clients = schannelMailClients(input);
  const affected = clients.length
    ? text(`${clients.join(' e ')} non possono collegarsi`, `${clients.join(' and ')} cannot connect`)
    : text(
        'i programmi che usano la crittografia di Windows non possono collegarsi',
        'programs that use Windows’ encryption cannot connect',
      );
  return {
    cause: CAUSES['windows-xp'],
    explanation: fillText(EXPLANATIONS['windows-xp'], { affected }),
    affects,
    steps: [
      step('use-supported-computer', 'todo', {}, null),
      step('webmail-browser', good ? 'done' : 'todo', { browser }, good ? text(browser, browser) : null),
    ],
    stopGap: stopGapOf(input),
  };
}

function windows7Plan(input: RuleInput, folded: Finding[]): Draft | null {
  const inv = input.inventory;
  const win = inv?.windows;
  const rel = windowsRelease(inv?.os);
  if (!inv || !win || (rel !== '7' && rel !== '8.0')) return null;
  const osName = WINDOWS_NAMES[rel];
  const clientNames = schannelMailClients(input);
  const affects = schannelClientIds(input);
  const tls12Off = folded.some((f) => f.id === 'win7-tls12-client-disabled');
  const steps: PlanStep[] = [...kbSteps(win, osName), winhttpStep(win, inv.os.arch), schannelStep(win)];
  // Nothing open (the findings were about something else): no plan.
  if (steps.every((s) => s.state === 'done')) return null;
  const client = names(clientNames);
  steps.push(rebootStep(steps, clientNames.length ? client : text('i programmi', 'the programs')));
  const own = inv.clients.filter((c) => c.id === 'thunderbird').map((c) => `${c.name}${c.version ? ' ' + c.version : ''}`);
  const others = own.length
    ? text(`: ${own.join(', ')} usa una crittografia propria (NSS)`, `: ${own.join(', ')} uses its own encryption (NSS)`)
    : text('', '');
  const onlyTrap = !tls12Off && steps.every((s) => s.state === 'done' || s.id === 'reinstall-kb3140245' || s.id === 'reboot');
  const key = tls12Off
    ? clientNames.length
      ? 'windows7-client'
      : 'windows7-no-client'
    : onlyTrap
      ? 'windows7-language-pack'
      : 'windows7-winhttp';
  const params = { os: osName, client, others };
  return {
    cause: fillText(CAUSES[key], params),
    explanation: fillText(EXPLANATIONS[key], params),
    affects: tls12Off ? affects : [],
    steps,
    stopGap: tls12Off && affects.length ? stopGapOf(input) : null,
  };
}

function reenablePlan(input: RuleInput): Draft | null {
  const inv = input.inventory;
  const win = inv?.windows;
  const rel = windowsRelease(inv?.os);
  if (!inv || !win || !rel || rel === '7' || rel === '8.0' || rel === 'xp' || rel === 'vista') return null;
  const p = win.schannel['TLS 1.2'];
  const s = schannelStep(win);
  // On Windows 8.1+ the key is only a problem when someone set it: say which value to change.
  const fixed =
    s.state === 'todo' && p && p.enabled !== 0 && p.disabledByDefault !== null
      ? step(
          'schannel-tls12-client',
          'todo',
          {},
          text(
            `${TLS12_CLIENT_KEY}: Enabled=${p.enabled ?? 'assente'}, DisabledByDefault=${p.disabledByDefault}; da impostare: DisabledByDefault = 0 (oggi vale ${p.disabledByDefault}), oppure eliminare la chiave`,
            `${TLS12_CLIENT_KEY}: Enabled=${p.enabled ?? 'absent'}, DisabledByDefault=${p.disabledByDefault}; to set: DisabledByDefault = 0 (${p.disabledByDefault} today), or delete the key`,
          ),
          'schannel-tls12-default',
        )
      : s;
  const clientNames = schannelMailClients(input);
  const client = names(clientNames);
  const steps = [fixed];
  steps.push(rebootStep(steps, client));
  const params = { os: WINDOWS_NAMES[rel], client };
  return {
    cause: fillText(CAUSES['windows-reenable'], params),
    explanation: fillText(EXPLANATIONS['windows-reenable'], params),
    affects: schannelClientIds(input),
    steps,
    stopGap: clientNames.length ? stopGapOf(input) : null,
  };
}

function draftFor(id: PlanId, input: RuleInput, folded: Finding[]): Draft | null {
  if (id === 'network-offline') return isOffline(input.endpoints) ? networkPlan(input) : null;
  if (id === 'windows-xp') return windowsRelease(input.inventory?.os) === 'xp' ? xpPlan(input) : null;
  if (id === 'windows7-tls12') return windows7Plan(input, folded);
  return reenablePlan(input);
}

/**
 * The plans for these findings, in order (network first, then by severity), and the findings
 * with `plan` set and their severity raised to the plan's. Findings no plan folds stay as they are.
 */
export function buildPlans(input: RuleInput, findings: readonly Finding[]): { plans: FixPlan[]; findings: Finding[] } {
  const out = findings.map((f) => ({ ...f }));
  const plans: FixPlan[] = [];
  for (const id of PLAN_ORDER) {
    const def = PLAN_DEFINITIONS[id];
    const folded = out.filter((f) => !f.plan && (def.folds as readonly string[]).includes(f.id));
    if (folded.length === 0) continue;
    const draft = draftFor(id, input, folded);
    if (!draft) continue;
    const severity = worst(folded.map((f) => f.severity));
    for (const f of folded) {
      f.plan = id;
      // A warning that is part of a blocking cause becomes an error; notes (info) stay notes.
      if (f.severity === 'warning' && severity === 'error') f.severity = severity;
    }
    plans.push({
      id,
      severity,
      ...draft,
      findings: folded.map((f) => (f.subject === undefined ? { id: f.id } : { id: f.id, subject: f.subject })),
    });
  }
  // The network comes first whatever its severity; the others by severity, keeping PLAN_ORDER.
  const rank = (p: FixPlan) => (p.id === 'network-offline' ? -1 : SEVERITY_ORDER.indexOf(p.severity));
  plans.sort((a, b) => rank(a) - rank(b));
  return { plans, findings: out };
}

/** The first step still to do (todo or unknown) of the first plan, for the verdict's "next". */
export function firstOpenStep(plans: readonly FixPlan[]): PlanStep | null {
  for (const p of plans) for (const s of p.steps) if (s.state !== 'done') return s;
  return null;
}

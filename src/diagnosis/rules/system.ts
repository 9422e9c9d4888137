// Rules on the operating system: Windows release and support, SChannel TLS 1.2, the service
// pack and updates TLS 1.2 needs, WinHTTP defaults, the clock, and antivirus products that
// intercept the mail connection. The Windows family (derived.ts) decides what applies: the
// route to TLS 1.2, the updates, server or client, terminal server.
import type { Finding, RuleInput } from '../types';
import type { WindowsRelease } from '../requirements';
import type { DerivedFacts } from '../derived';
import { deriveFacts } from '../derived';
import type { WindowsFamily, WindowsServerRelease } from '../windows-family';
import { makeFinding } from './make';
import {
  TLS12_NO_CLIENT_DETAIL,
  TLS12_NO_CLIENT_TITLE,
  TLS12_REENABLE_DETAIL,
  TLS12_REENABLE_STEPS,
  WIN7_ENABLE_STEP,
  WIN7_STEPS,
} from '../catalogue';
import { RESTART_TERMINAL_SERVER, USE_THUNDERBIRD_MEANWHILE, WINHTTP_REG_STEP_NO_RESTART, bitsOf } from '../texts';
import { fillText } from '../catalogue';
import { FIX_KEYS } from '../../fix/registry-fix';
import { fixValuesText, schannelFixValues, winhttpFixValues } from '../fix-view';
import type { WindowsTls } from '../../inventory/types';
import type { Text } from '../../util/text';
import { text } from '../../util/text';

/** End of extended support (Microsoft Lifecycle pages for each release). */
export const WINDOWS_END_OF_SUPPORT: Partial<Record<WindowsRelease, string>> = {
  vista: '2017-04-11',
  '7': '2020-01-14',
  '8.0': '2016-01-12',
  '8.1': '2023-01-10',
  '10': '2025-10-14',
};

/** The same for the server editions (Microsoft Lifecycle pages). */
export const SERVER_END_OF_SUPPORT: Record<WindowsServerRelease, string> = {
  '2003': '2015-07-14',
  '2008': '2020-01-14',
  '2008 R2': '2020-01-14',
  '2012': '2023-10-10',
  '2012 R2': '2023-10-10',
  '2016': '2027-01-12',
  '2019': '2029-01-09',
  '2022': '2031-10-14',
  '2025': '2034-10-10',
};

export function osRules(input: RuleInput, facts: DerivedFacts = deriveFacts(input)): Finding[] {
  const os = input.inventory?.os;
  const fam = facts.windows;
  if (!fam || !facts.windowsName) return [];
  const osName = facts.windowsName;
  const ev = [{ os }];
  // XP needs the webmail most: the stop-gap names the provider's webmail wherever we know it.
  if (fam.release === 'xp' && !fam.server)
    return [makeFinding('os-windows-xp', { os: osName }, ev, { subject: 'os', webmail: facts.webmails })];
  // Vista and Server 2003: no update adds TLS 1.2 either (issue #19).
  if (fam.tls12.route === 'impossible') {
    // Only a Thunderbird with its own TLS to read PEC with: it works, so this is something to fix, not a block.
    const works = facts.schannelMailClients.length === 0 && facts.workingOwnTlsClients.length > 0;
    const severity = works ? ('warning' as const) : undefined;
    return [makeFinding('os-no-tls12', { os: osName }, ev, { subject: 'os', webmail: facts.webmails, severity })];
  }
  const eos = fam.server ? SERVER_END_OF_SUPPORT[fam.server] : WINDOWS_END_OF_SUPPORT[fam.release];
  if (eos && input.now.slice(0, 10) >= eos) {
    // Windows 10 still works for PEC; the older ones also need the fixes of the other findings.
    return [
      makeFinding('os-end-of-life', { os: osName }, [{ os, endOfSupport: eos }], {
        severity: fam.release === '10' ? 'info' : 'warning',
        subject: 'os',
      }),
    ];
  }
  return [];
}

export function windowsTlsRules(input: RuleInput, facts: DerivedFacts = deriveFacts(input)): Finding[] {
  const inv = input.inventory;
  const win = inv?.windows;
  const fam = facts.windows;
  if (!inv || !win || !fam || !facts.windowsName || fam.tls12.route === 'impossible') return [];
  const out: Finding[] = [];
  if (facts.tls12Client === 'off') out.push(tls12OffFinding(win, fam, facts));
  out.push(...updateFindings(win, fam, facts));
  const winhttp = winhttpFinding(win, fam, facts);
  if (winhttp) out.push(winhttp);
  return out;
}

/** SChannel's TLS 1.2 client side is off: the providers' steps where it is off by default, the re-enable elsewhere. */
function tls12OffFinding(win: WindowsTls, fam: WindowsFamily, facts: DerivedFacts): Finding {
  const tls12 = win.schannel['TLS 1.2'];
  const clients = facts.schannelMailClients;
  const client = clients.length ? clients.join(' / ') : text('programma di posta', 'mail program');
  const osName = facts.windowsName as string;
  // Name the programs that have their own TLS, so the text says why they are not affected.
  const own = facts.ownTlsClients;
  const others = own.length
    ? text(` (${own.join(', ')} usa una crittografia propria, NSS)`, ` (${own.join(', ')} uses its own encryption, NSS)`)
    : text('', '');
  const noClient = clients.length === 0;
  const offByDefault = fam.tls12.schannelOffByDefault;
  // Outlook blocked, a Thunderbird with its own TLS at hand: the stop-gap names it next to the webmail.
  const working = facts.workingOwnTlsClients;
  const meanwhile = !noClient && working.length ? [fillText(USE_THUNDERBIRD_MEANWHILE, { thunderbird: working.join(', ') })] : undefined;
  return makeFinding(
    'win7-tls12-client-disabled',
    { client, os: osName, others, bits: bitsOf(fam.arch) },
    // The key and the values to set are for the technician (evidence), not the step sentence.
    [{ schannel: { 'TLS 1.2': tls12 }, mailClients: clients, technical: schannelTarget(fam, win), evidence: win.evidence }],
    // Without a mail program that uses SChannel, only other software suffers: no webmail advice then.
    {
      severity: noClient ? 'warning' : 'error',
      webmail: noClient ? undefined : facts.webmails,
      subject: 'schannel',
      title: noClient ? TLS12_NO_CLIENT_TITLE : undefined,
      steps: offByDefault ? offByDefaultSteps(win, fam) : reenableSteps(fam),
      extraSteps: meanwhile,
      detail: noClient ? TLS12_NO_CLIENT_DETAIL : offByDefault ? offByDefaultDetail(fam) : TLS12_REENABLE_DETAIL,
    },
  );
}

/** Server 2008 gets TLS 1.2 only with KB4019276: "lo contiene" would not be true there. */
function offByDefaultDetail(fam: WindowsFamily): Text | undefined {
  if (fam.tls12.route !== 'kb4019276' && !(fam.release === 'vista' && fam.server)) return undefined;
  return text(
    'Dal 2019 i gestori PEC accettano solo connessioni protette con TLS 1.2. {os} lo ottiene solo con l’aggiornamento KB4019276 e anche dopo lo tiene spento finché il Registro di sistema non lo attiva; {client} usa le impostazioni di Windows: per questo non riesce a collegarsi. Il problema è di questo computer, non della casella PEC. I gestori consigliano di far eseguire i passi seguenti a un tecnico.',
    'Since 2019 PEC providers accept only TLS 1.2 connections. {os} gets it only with update KB4019276 and even then keeps it off until the registry turns it on; {client} uses Windows’ settings: that is why it cannot connect. The problem is this computer, not the PEC mailbox. Providers advise having a technician carry out the steps below.',
  );
}

/** The service pack first (7 / 2008 R2 RTM, 2008 before SP2), KB4019276 on Server 2008, KB3140245 and its language-pack trap on 7 / 8.0. */
function updateFindings(win: WindowsTls, fam: WindowsFamily, facts: DerivedFacts): Finding[] {
  const out: Finding[] = [];
  const osName = facts.windowsName as string;
  const bits = bitsOf(fam.arch);
  const sp = fam.tls12.updates.find((u) => u.kind === 'service-pack');
  if (sp && sp.installed === false) {
    const rest = fam.tls12.updates.filter((u) => u.kind !== 'service-pack').map((u) => u.id);
    out.push(
      makeFinding(
        'windows-service-pack-missing',
        { os: osName, servicePack: servicePackName(sp.id), updates: rest.join(', '), bits },
        [{ os: fam.name, build: fam.build, servicePack: fam.servicePack, required: sp.id }],
        { subject: sp.id },
      ),
    );
  }
  const kb4019276 = fam.tls12.updates.find((u) => u.id === 'KB4019276');
  if (kb4019276 && kb4019276.installed === false) {
    out.push(makeFinding('win2008-kb4019276-missing', { os: osName, bits }, [{ kb4019276: false }], { subject: 'kb4019276' }));
  }
  if (!fam.tls12.updates.some((u) => u.id === 'KB3140245')) return out;
  if (win.kb3140245 === false) {
    // On 8.0 / 2012 SChannel already speaks TLS 1.2: the update is for WinHTTP only, not "the first of three steps".
    const detail =
      fam.tls12.route === 'winhttp-update'
        ? text(
            'Su {os} TLS 1.2 è già attivo per i programmi di posta: KB3140245 serve perché Windows lo usi come protezione predefinita anche per i programmi che passano da WinHTTP (software gestionali e di firma).',
            'On {os} TLS 1.2 is already on for mail programs: KB3140245 makes Windows use it by default for programs that go through WinHTTP too (practice-management and signing software).',
          )
        : undefined;
    // On a terminal server the restart step warns that every session ends.
    const steps = fam.terminalServer ? [WIN7_STEPS.installKb, WIN7_STEPS.easyFix, restartStep(fam)] : undefined;
    out.push(makeFinding('win7-kb3140245-missing', { os: osName, bits }, [{ kb3140245: false }], { subject: 'kb3140245', detail, steps }));
  }
  // The language-pack trap (the providers' notices, after KB3140245's own warning): a language pack installed after the KB undoes it.
  const trap = languagePackAfterKb(win);
  if (trap) {
    out.push(
      makeFinding(
        'win7-kb3140245-language-pack',
        { os: osName, kbDate: trap.kbAt.slice(0, 10), languagePack: trap.packs },
        [{ servicing: win.servicing }],
        { subject: 'kb3140245' },
      ),
    );
  }
  return out;
}

export function servicePackName(id: string): Text {
  return id === 'KB976932' ? text('Service Pack 1 (KB976932)', 'Service Pack 1 (KB976932)') : text('Service Pack 2', 'Service Pack 2');
}

/** WinHTTP without the TLS 1.2 bit where the family needs the value (7 / 8.0): the values the typed fix writes. */
function winhttpFinding(win: WindowsTls, fam: WindowsFamily, facts: DerivedFacts): Finding | null {
  if (!fam.tls12.winhttpNeedsValue) return null;
  const values = winhttpFixValues(fam, win);
  if (values.length === 0) return null;
  const technical = fixValuesText(values);
  return makeFinding('win7-winhttp-defaults-missing', { os: facts.windowsName }, [{ winhttp: win.winhttp, arch: fam.arch, technical }], {
    subject: 'winhttp',
    steps: fam.terminalServer ? [WIN7_STEPS.easyFix, WINHTTP_REG_STEP_NO_RESTART, RESTART_TERMINAL_SERVER] : undefined,
  });
}

/**
 * KB3140245 installed and a client language pack installed after it, from the servicing store's
 * install times (unconfirmed source, see docs/findings.md): null when either time is unknown.
 */
export function languagePackAfterKb(win: WindowsTls): { kbAt: string; packs: string } | null {
  const s = win.servicing;
  if (win.kb3140245 !== true || !s) return null;
  const kbAt = s.kb3140245.reduce<string | null>((m, p) => (p.installedAt && (m === null || p.installedAt > m) ? p.installedAt : m), null);
  if (!kbAt) return null;
  const after = s.languagePacks.filter((p) => p.installedAt !== null && p.installedAt > kbAt);
  if (!after.length) return null;
  const packs = after.map((p) => `${/~([a-z]{2}-[A-Z]{2})~/.exec(p.name)?.[1] ?? p.name}, ${p.installedAt?.slice(0, 10)}`).join('; ');
  return { kbAt, packs };
}

/** The registry change the TLS 1.2 finding asks for: the SChannel values of the typed fix. */
function schannelTarget(fam: WindowsFamily, win: WindowsTls): string {
  const values = schannelFixValues(fam, win);
  return values.length ? fixValuesText(values) : `${FIX_KEYS.schannelTls12Client}: Enabled=1, DisabledByDefault=0`;
}

/** The restart step: a terminal server warns that every user's session ends. */
const restartStep = (fam: WindowsFamily): Text => (fam.terminalServer ? RESTART_TERMINAL_SERVER : WIN7_STEPS.restart);

/** The providers' steps as this machine needs them: no KB step when it is installed, Enabled=1 when Enabled=0 is set. */
function offByDefaultSteps(win: WindowsTls, fam: WindowsFamily): Text[] {
  const steps: Text[] = [];
  const kb3140245 = fam.tls12.updates.some((u) => u.id === 'KB3140245');
  if (kb3140245 && win.kb3140245 !== true) steps.push(WIN7_STEPS.installKb);
  if (kb3140245) steps.push(WIN7_STEPS.easyFix);
  steps.push(win.schannel['TLS 1.2']?.enabled === 0 ? WIN7_ENABLE_STEP : WIN7_STEPS.schannel, restartStep(fam));
  if (kb3140245) steps.push(WIN7_STEPS.languagePack);
  return steps;
}

function reenableSteps(fam: WindowsFamily): Text[] {
  return fam.terminalServer ? [TLS12_REENABLE_STEPS[0], RESTART_TERMINAL_SERVER] : TLS12_REENABLE_STEPS;
}

/** Offsets beyond these make certificates fail (error) or are suspicious (warning). */
export const CLOCK_ERROR_SECONDS = 24 * 3600;
export const CLOCK_WARNING_SECONDS = 5 * 60;

export function clockRules(input: RuleInput): Finding[] {
  const clock = input.inventory?.clock;
  if (!clock) return [];
  const before = clock.now.slice(0, 10) < clock.buildDate;
  const offset = clock.offsetSeconds;
  const abs = offset === null ? 0 : Math.abs(offset);
  if (!before && abs <= CLOCK_WARNING_SECONDS) return [];
  const hint = before
    ? text(
        `Il computer indica il ${clock.now.slice(0, 10)}, una data precedente a quella di questo programma (${clock.buildDate}).`,
        `The computer says ${clock.now.slice(0, 10)}, earlier than this program’s build date (${clock.buildDate}).`,
      )
    : text(`L’orologio è sfasato di circa ${Math.round(abs / 60)} minuti.`, `The clock is off by about ${Math.round(abs / 60)} minutes.`);
  const severity = before || abs > CLOCK_ERROR_SECONDS ? 'error' : 'warning';
  return [makeFinding('clock-wrong', { clock: hint }, [{ clock }], { severity, subject: 'clock' })];
}

export function antivirusRules(input: RuleInput): Finding[] {
  const byProduct = new Map<string, typeof input.endpoints>();
  for (const e of input.endpoints) {
    const m = /^tls-intercepted\((.*)\)$/.exec(e.verdict);
    const product = e.certificate?.interceptedBy ?? (m ? m[1] : null);
    if (!product) continue;
    byProduct.set(product, [...(byProduct.get(product) ?? []), e]);
  }
  return [...byProduct].map(([product, eps]) =>
    makeFinding(
      'antivirus-tls-interception',
      { product, url: eps.map((e) => e.url).join(', ') },
      eps.map((e) => ({
        url: e.url,
        verdict: e.verdict,
        issuer: e.certificate?.issuer,
        trusted: e.certificate?.trusted,
        antivirus: input.inventory?.antivirus,
      })),
      // The interception breaks the connection when the re-signed chain is not trusted.
      { severity: eps.some((e) => e.certificate && !e.certificate.trusted) ? 'error' : 'warning', subject: product },
    ),
  );
}

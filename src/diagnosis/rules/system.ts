// Rules on the operating system: Windows release and support, SChannel TLS 1.2, KB3140245,
// WinHTTP defaults, the clock, and antivirus products that intercept the mail connection.
import type { Finding, RuleInput } from '../types';
import { WINDOWS_NAMES, windowsRelease } from '../requirements';
import type { WindowsRelease } from '../requirements';
import { makeFinding, schannelMailClients, userWebmails } from './make';
import { TLS12_CLIENT_KEY, WINHTTP_KEY_NATIVE, WINHTTP_KEY_WOW64 } from '../plan-definitions';
import {
  TLS12_NO_CLIENT_DETAIL,
  TLS12_NO_CLIENT_TITLE,
  TLS12_REENABLE_DETAIL,
  TLS12_REENABLE_STEPS,
  WIN7_ENABLE_STEP,
  WIN7_STEPS,
} from '../catalogue';
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

/** WinHTTP DefaultSecureProtocols bit for TLS 1.2 (KB3140245). */
export const WINHTTP_TLS12 = 0x800;

export function osRules(input: RuleInput): Finding[] {
  const os = input.inventory?.os;
  const rel = windowsRelease(os);
  if (!rel) return [];
  const osName = WINDOWS_NAMES[rel];
  const ev = [{ os }];
  // XP needs the webmail most: the stop-gap names the provider's webmail wherever we know it.
  if (rel === 'xp') return [makeFinding('os-windows-xp', { os: osName }, ev, { subject: 'os', webmail: userWebmails(input) })];
  const eos = WINDOWS_END_OF_SUPPORT[rel];
  if (eos && input.now.slice(0, 10) >= eos) {
    // Windows 10 still works for PEC; the older ones also need the fixes of the other findings.
    return [
      makeFinding('os-end-of-life', { os: osName }, [{ os, endOfSupport: eos }], {
        severity: rel === '10' ? 'info' : 'warning',
        subject: 'os',
      }),
    ];
  }
  return [];
}

export function windowsTlsRules(input: RuleInput): Finding[] {
  const inv = input.inventory;
  const rel = windowsRelease(inv?.os);
  const win = inv?.windows;
  if (!inv || !win || !rel || rel === 'xp' || rel === 'vista') return [];
  const out: Finding[] = [];
  const osName = WINDOWS_NAMES[rel];
  const webmail = userWebmails(input);
  const tls12 = win.schannel['TLS 1.2'];
  // Windows 7 ships with TLS 1.2 off; on Windows 8 and later it is on unless someone turned it off.
  if (tls12 && tls12.effective === 'disabled') {
    const clients = schannelMailClients(input);
    const client = clients.length ? clients.join(' / ') : text('programma di posta', 'mail program');
    // Name the programs that have their own TLS, so the text says why they are not affected.
    const own = (inv.clients ?? []).filter((c) => c.id === 'thunderbird').map((c) => `${c.name}${c.version ? ' ' + c.version : ''}`);
    const others = own.length
      ? text(` (${own.join(', ')} usa una crittografia propria, NSS)`, ` (${own.join(', ')} uses its own encryption, NSS)`)
      : text('', '');
    const noClient = clients.length === 0;
    out.push(
      makeFinding(
        'win7-tls12-client-disabled',
        { client, os: osName, others },
        // The key and the values to set are for the technician (evidence), not the step sentence.
        [{ schannel: { 'TLS 1.2': tls12 }, mailClients: clients, technical: schannelTarget(rel, tls12.enabled), evidence: win.evidence }],
        // Without a mail program that uses SChannel, only other software suffers: no webmail advice then.
        {
          severity: noClient ? 'warning' : 'error',
          webmail: noClient ? undefined : webmail,
          subject: 'schannel',
          title: noClient ? TLS12_NO_CLIENT_TITLE : undefined,
          steps: rel === '7' ? win7Steps(win) : TLS12_REENABLE_STEPS,
          detail: noClient ? TLS12_NO_CLIENT_DETAIL : rel === '7' ? undefined : TLS12_REENABLE_DETAIL,
        },
      ),
    );
  }
  if (rel !== '7' && rel !== '8.0') return out;
  if (win.kb3140245 === false) {
    out.push(makeFinding('win7-kb3140245-missing', { os: osName }, [{ kb3140245: false }], { subject: 'kb3140245' }));
  }
  // The language-pack trap (requirements.md): a language pack installed after the KB undoes it.
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
  const is64 = inv.os.arch === 'x64' || inv.os.arch === 'arm64';
  const views = is64
    ? [win.winhttp.defaultSecureProtocols64, win.winhttp.defaultSecureProtocols32]
    : [win.winhttp.defaultSecureProtocols64];
  if (views.some((v) => v === null || (v & WINHTTP_TLS12) === 0)) {
    const technical = `${is64 ? `${WINHTTP_KEY_NATIVE}, ${WINHTTP_KEY_WOW64}` : WINHTTP_KEY_NATIVE}: DefaultSecureProtocols |= 0xA00 (TLS 1.1 + 1.2)`;
    out.push(
      makeFinding('win7-winhttp-defaults-missing', { os: osName }, [{ winhttp: win.winhttp, arch: inv.os.arch, technical }], {
        subject: 'winhttp',
      }),
    );
  }
  return out;
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

/** The registry change the TLS 1.2 finding asks for, as a technician writes it. */
function schannelTarget(rel: string, enabled: number | null | undefined): string {
  if (rel !== '7') return `${TLS12_CLIENT_KEY}: Enabled=1, DisabledByDefault=0 (o eliminare la chiave / or delete the key)`;
  return enabled === 0
    ? `${TLS12_CLIENT_KEY}: Enabled=1 (oggi 0 / today 0), DisabledByDefault=0`
    : `${TLS12_CLIENT_KEY}: DisabledByDefault=0 (DWORD)`;
}

/** The providers' Windows 7 steps as this machine needs them: no KB step when it is installed, Enabled=1 when Enabled=0 is set. */
function win7Steps(win: WindowsTls): Text[] {
  const steps: Text[] = [];
  WIN7_STEPS.forEach((s, i) => {
    if (i === 0 && win.kb3140245 === true) return;
    steps.push(i === 2 && win.schannel['TLS 1.2']?.enabled === 0 ? WIN7_ENABLE_STEP : s);
  });
  return steps;
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

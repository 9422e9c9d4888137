// Rules on the mail programs, browsers (webmail) and runtimes found on this machine, judged
// against the providers' requirement tables (requirements.ts).
import type { Finding, RuleInput } from '../types';
import {
  DOTNET_46_RELEASE,
  THUNDERBIRD_TLS12,
  checkWebmailBrowser,
  mailClientRequirement,
  osWithin,
  outlookMarketingName,
  runtimeRequirement,
} from '../requirements';
import type { WebmailOs } from '../requirements';
import { atLeast, majorOf } from '../versions';
import { makeFinding } from './make';
import type { DerivedFacts } from '../derived';
import { deriveFacts } from '../derived';
import { text } from '../../util/text';
import type { Text } from '../../util/text';

export function mailClientRules(input: RuleInput, facts: DerivedFacts = deriveFacts(input)): Finding[] {
  const inv = input.inventory;
  if (!inv) return [];
  const out: Finding[] = [];
  const webmail = facts.webmails;
  const mac = facts.macosVersion;
  for (const c of inv.clients) {
    const ev = [{ client: c }];
    if (c.id === 'outlook') {
      const req = mailClientRequirement('outlook');
      if (req.minClient && atLeast(c.version, req.minClient) === false) {
        const label = c.marketingName ?? outlookMarketingName(c.version) ?? c.version;
        out.push(makeFinding('outlook-too-old', { version: label }, ev, { webmail, subject: c.id }));
      }
    } else if (c.id === 'outlook-new') {
      // Its IMAP/SMTP runs in Microsoft's cloud: this PC's TLS does not matter, the mail and password pass through Microsoft.
      out.push(makeFinding('outlook-new-cloud', {}, [{ client: c, connectsFrom: 'microsoft-cloud' }], { subject: c.id }));
    } else if (c.id === 'outlook-mac') {
      const req = mailClientRequirement('outlook-mac-2011');
      if (majorOf(c.version) === 14 && osWithin(mac, req.os) === false) {
        out.push(
          makeFinding('outlook-mac-2011-unsupported-os', { osVersion: mac }, [{ client: c, os: inv.os }], { webmail, subject: c.id }),
        );
      }
    } else if (c.id === 'thunderbird') {
      const req = mailClientRequirement('thunderbird');
      if (req.minClient && atLeast(c.version, req.minClient) === false) {
        out.push(makeFinding('thunderbird-too-old', { version: c.version }, ev, { webmail, subject: c.id }));
      }
    } else if (c.id === 'applemail') {
      const req = mailClientRequirement('applemail');
      if (osWithin(mac, req.os) === false) {
        out.push(makeFinding('apple-mail-os-too-old', { osVersion: mac }, [{ client: c, os: inv.os }], { webmail, subject: c.id }));
      }
    }
  }
  return out;
}

/** Thunderbird profiles where security.tls.version.max was lowered below TLS 1.2. */
export function thunderbirdPrefRules(input: RuleInput, facts: DerivedFacts = deriveFacts(input)): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const a of input.accounts?.accounts ?? []) {
    if (a.client !== 'thunderbird') continue;
    const max = a.tlsVersionPrefs?.max ?? null;
    const lowered = (max !== null && max < THUNDERBIRD_TLS12) || a.findings.includes('thunderbird-tls-max-lowered');
    if (!lowered || seen.has(a.profile)) continue;
    seen.add(a.profile);
    out.push(
      makeFinding(
        'thunderbird-tls-max-lowered',
        { profile: a.profile, max: max ?? '?' },
        [{ profile: a.profile, tlsVersionPrefs: a.tlsVersionPrefs }],
        {
          webmail: facts.webmails,
          subject: a.profile,
        },
      ),
    );
  }
  return out;
}

const OS_LABELS: Record<WebmailOs, Text> = {
  android: text('Android', 'Android'),
  ios: text('iOS', 'iOS'),
  'windows-phone': text('Windows Phone', 'Windows Phone'),
  macos: text('macOS', 'macOS'),
  'windows-xp': text('Windows XP', 'Windows XP'),
  'windows-7': text('Windows 7', 'Windows 7'),
  'windows-8.0': text('Windows 8', 'Windows 8'),
  'windows-8.1': text('Windows 8.1', 'Windows 8.1'),
  'windows-10': text('Windows 10 e successivi', 'Windows 10 and later'),
  linux: text('Linux', 'Linux'),
};

export function browserRules(input: RuleInput, facts: DerivedFacts = deriveFacts(input)): Finding[] {
  const inv = input.inventory;
  const wos = facts.webmailOs;
  if (!inv || !wos) return [];
  const osVersion = wos === 'macos' ? facts.macosVersion : null;
  const judged = inv.browsers.map((b) => ({ b, check: checkWebmailBrowser(wos, osVersion, b.id, b.version) }));
  const usable = judged.filter((j) => j.check.status === 'ok');
  const out: Finding[] = [];
  for (const { b, check } of judged) {
    if (check.status !== 'too-old' && check.status !== 'not-supported') continue;
    const requirement =
      check.status === 'too-old'
        ? text(`${b.name} ${check.requirement.minBrowser} o successivo`, `${b.name} ${check.requirement.minBrowser} or later`)
        : text(`${b.name} non è tra i browser indicati`, `${b.name} is not among the listed browsers`);
    const others = usable.length
      ? text(
          `Puoi usare invece ${usable.map((u) => `${u.b.name} ${u.b.version ?? ''}`.trim()).join(', ')}.`,
          `You can use ${usable.map((u) => `${u.b.name} ${u.b.version ?? ''}`.trim()).join(', ')} instead.`,
        )
      : text('Nessun browser di questo computer va bene per la webmail.', 'No browser on this computer is suitable for webmail.');
    out.push(
      makeFinding(
        'browser-too-old-for-webmail',
        { browser: b.name, version: b.version ?? '', osName: OS_LABELS[wos], requirement, others },
        [{ browser: b, os: inv.os, requirement: check.status === 'too-old' ? check.requirement : check.reason }],
        // With another suitable browser at hand this is only a note.
        { severity: usable.length ? 'info' : 'warning', subject: b.id },
      ),
    );
  }
  return out;
}

export function runtimeRules(input: RuleInput): Finding[] {
  const inv = input.inventory;
  if (!inv) return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const r of inv.runtimes) {
    if (r.id !== 'java' && r.id !== 'openssl' && r.id !== 'dotnet') continue;
    // macOS's own openssl (/usr/bin, OpenSSL 0.9.8 or LibreSSL) serves no mail program: Apple Mail
    // uses Apple's TLS; a program that sends PEC itself brings its own library.
    if (r.id === 'openssl' && inv.os.platform === 'macos') continue;
    const req = runtimeRequirement(r.id);
    if (atLeast(r.version, req.minimum, req.kind) !== false) continue;
    const key = `${r.id}:${r.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(makeFinding(`${r.id}-too-old`, { version: r.version }, [{ runtime: r, minimum: req.minimum }], { subject: key }));
  }
  // .NET from the registry release key when the runtime list did not already say so.
  const dn = inv.windows?.dotnet;
  if (dn && dn.release !== null && dn.release < DOTNET_46_RELEASE && !out.some((f) => f.id === 'dotnet-too-old')) {
    out.push(
      makeFinding(
        'dotnet-too-old',
        { version: dn.version ?? `release ${dn.release}` },
        [{ dotnet: dn, minimumRelease: DOTNET_46_RELEASE }],
        { subject: 'dotnet' },
      ),
    );
  }
  return out;
}

// Thunderbird's account model in prefs.js, followed from the account list to the servers.
// Sources: docs/facts/windows-and-clients.md §7 (mail.accountmanager.*, mail.account.*, mail.server.*,
// mail.identity.*, mail.smtpserver.*, nsMsgSocketType 0 plain / 2 STARTTLS / 3 SSL), and
// Thunderbird 153.7.0esr itself (omni.ja, read for the facts):
//  - modules/OutgoingServerService.sys.mjs: outgoing servers are listed in `mail.smtpservers`
//    and stored under `mail.smtpserver.<key>.*` with `.type` "smtp" (or "ews" for Exchange);
//    libxul also knows a `mail.outgoingserver.` branch (EWS, Rust): read as a fallback.
//  - modules/SmtpServer.sys.mjs: the SMTP socket type is `try_ssl` (default 0), port 0 = default;
//    modules/SmtpClient.sys.mjs: default port = 465 with SSL/TLS, else 587.
//  - defaults/pref/mailnews.js: mail.server.default.socketType 0, port -1 (= protocol default).
// Pure: the caller reads the file.
import type { Account, AccountIdentity, ConnectionSecurity, ServerSetting } from './types';
import type { PrefValue } from './prefs-js';
import { prefLine } from './prefs-js';

export interface ProfileContext {
  profile: string;
  isDefault: boolean;
  /** Path of the prefs.js read, for evidence. */
  source: string;
  /** Distinguishes profiles with the same name in different roots (snap, flatpak...). */
  keyPrefix?: string;
}

/** nsMsgSocketType (MailNewsTypes2.idl): 0 plain, 1 trySTARTTLS (old, migrated to 2 by TB), 2 STARTTLS, 3 SSL/TLS. */
export function socketTypeSecurity(value: number): ConnectionSecurity {
  if (value === 3) return 'tls';
  if (value === 1 || value === 2) return 'starttls';
  return 'plain';
}

// Well-known ports: RFC 8314 (993, 995, 465), RFC 3501 (143), RFC 1939 (110); SMTP as TB 153's SmtpClient.
const INCOMING_DEFAULT_PORT: Record<'imap' | 'pop3', { plain: number; tls: number }> = {
  imap: { plain: 143, tls: 993 },
  pop3: { plain: 110, tls: 995 },
};

const INCOMING_TYPES = new Set(['imap', 'pop3']);

export interface ThunderbirdTlsPrefs {
  min: number | null;
  max: number | null;
}

export function tlsVersionPrefs(prefs: Map<string, PrefValue>): ThunderbirdTlsPrefs | null {
  const num = (k: string): number | null => (typeof prefs.get(k) === 'number' ? (prefs.get(k) as number) : null);
  const min = num('security.tls.version.min');
  const max = num('security.tls.version.max');
  return min === null && max === null ? null : { min, max };
}

export function accountsFromPrefs(prefs: Map<string, PrefValue>, ctx: ProfileContext): Account[] {
  const used: string[] = [];
  const get = (key: string): PrefValue | undefined => {
    const v = prefs.get(key);
    if (v !== undefined) used.push(prefLine(key, v));
    return v;
  };
  const str = (key: string): string | null => {
    const v = get(key);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  };
  const int = (key: string): number | null => {
    const v = get(key);
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
    return null;
  };
  const list = (key: string): string[] =>
    (str(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);

  const tls = tlsVersionPrefs(prefs);
  const tlsLines = ['security.tls.version.min', 'security.tls.version.max']
    .filter((k) => prefs.has(k))
    .map((k) => prefLine(k, prefs.get(k) as PrefValue));
  const defaultSmtp = str('mail.smtp.defaultserver');
  const accounts: Account[] = [];

  for (const acct of list('mail.accountmanager.accounts')) {
    used.length = 0;
    const serverKey = str(`mail.account.${acct}.server`);
    if (!serverKey) continue;
    const s = `mail.server.${serverKey}`;
    const type = (str(`${s}.type`) ?? '').toLowerCase();
    // Local Folders ("none"), RSS, news, Exchange and chat accounts are not mail servers we can check.
    if (!INCOMING_TYPES.has(type)) continue;
    const protocol = type as 'imap' | 'pop3';
    // realhostname/realuserName hold the values when the user renamed the server after creation.
    const host = str(`${s}.realhostname`) ?? str(`${s}.hostname`);
    const socketType = int(`${s}.socketType`) ?? 0;
    const security = socketTypeSecurity(socketType);
    const port = positivePort(int(`${s}.port`)) ?? INCOMING_DEFAULT_PORT[protocol][security === 'tls' ? 'tls' : 'plain'];
    const userName = str(`${s}.realuserName`) ?? str(`${s}.userName`);
    str(`${s}.authMethod`);
    const incoming: ServerSetting | null = host ? { host: host.toLowerCase(), port, protocol, security, userName } : null;
    const name = str(`${s}.name`);

    const identities: AccountIdentity[] = [];
    for (const id of list(`mail.account.${acct}.identities`)) {
      const i = `mail.identity.${id}`;
      const email = str(`${i}.useremail`);
      const fullName = str(`${i}.fullName`);
      let smtpKey = str(`${i}.smtpServer`);
      if (!smtpKey && defaultSmtp) {
        smtpKey = defaultSmtp;
        used.push(prefLine('mail.smtp.defaultserver', defaultSmtp));
      }
      identities.push({
        email: email ? email.toLowerCase() : null,
        name: fullName,
        outgoing: smtpKey ? outgoingServer(smtpKey, str, int) : null,
      });
    }
    const first = identities[0];
    accounts.push({
      client: 'thunderbird',
      profile: ctx.profile,
      isDefaultProfile: ctx.isDefault,
      key: `thunderbird:${ctx.keyPrefix ?? ''}${ctx.profile}:${acct}`,
      name,
      email: first?.email ?? (userName && userName.includes('@') ? userName.toLowerCase() : null),
      provider: null,
      providerMatch: null,
      incoming,
      outgoing: first?.outgoing ?? null,
      identities,
      findings: [],
      findingDetails: [],
      tlsVersionPrefs: tls,
      evidence: [{ source: ctx.source, raw: [...new Set([...used, ...tlsLines])].join('\n') }],
    });
  }
  return accounts;
}

function outgoingServer(key: string, str: (k: string) => string | null, int: (k: string) => number | null): ServerSetting | null {
  // TB 153 keeps SMTP servers under mail.smtpserver.<key>; the mail.outgoingserver.<key> branch
  // is read when the first has no host (newer builds, EWS).
  for (const branch of [`mail.smtpserver.${key}`, `mail.outgoingserver.${key}`]) {
    const type = (str(`${branch}.type`) ?? 'smtp').toLowerCase();
    const host = str(`${branch}.hostname`);
    if (!host) continue;
    if (type !== 'smtp') return null;
    const security = socketTypeSecurity(int(`${branch}.try_ssl`) ?? 0);
    const port = positivePort(int(`${branch}.port`)) ?? (security === 'tls' ? 465 : 587);
    str(`${branch}.authMethod`);
    return { host: host.toLowerCase(), port, protocol: 'smtp', security, userName: str(`${branch}.username`) };
  }
  return null;
}

const positivePort = (n: number | null): number | null => (n !== null && Number.isInteger(n) && n > 0 && n <= 65535 ? n : null);

// Outlook POP/IMAP accounts in the MAPI profiles of the registry (docs/facts/windows-and-clients.md §6):
//  - Outlook 2013/2016+: HKCU\Software\Microsoft\Office\<15.0|16.0>\Outlook\Profiles\<profile>\
//    9375CFF0413111d3B88A00104B2A6676\<8 hex digits>, default profile in
//    HKCU\Software\Microsoft\Office\<ver>\Outlook value DefaultProfile;
//  - Outlook 2003/2007/2010: HKCU\Software\Microsoft\Windows NT\CurrentVersion\Windows Messaging
//    Subsystem\Profiles\<profile>\9375CFF0...\<nnnnnnnn>, default in DefaultProfile of ...\Profiles.
// String values are REG_BINARY UTF-16LE with a trailing NUL; ports and flags may be DWORD or
// binary: both accepted, raw values kept as evidence. "* Password" values are never kept.
// The meaning of "* Secure Connection" (0 none, 1 SSL, 2 TLS, 3 auto) is NOT confirmed by a
// source [NC]: mapped as 1 = implicit TLS, 2 and 3 = STARTTLS, raw value kept. "* Use SSL" non-zero
// = SSL (third-party parsers). The registry is injected: Windows reads reg.exe, tests a recording.
import type { Account, ConnectionSecurity, ServerSetting } from './types';
import type { MailProtocol } from '../probe/types';
import type { Evidence } from '../util/evidence';
import type { Registry, RegKey, RegValue } from '../platform/registry';
import { formatRegKey, regNumber, regString as platformRegString } from '../platform/registry';

export type { Registry };

export const ACCOUNTS_GUID = '9375CFF0413111d3B88A00104B2A6676';

export interface ProfileRoot {
  /** Outlook version family, for the label. */
  version: string;
  profiles: string;
  /** Key holding the DefaultProfile value. */
  defaultKey: string;
}

export const OUTLOOK_PROFILE_ROOTS: readonly ProfileRoot[] = [
  {
    version: '16.0',
    profiles: 'HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles',
    defaultKey: 'HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook',
  },
  {
    version: '15.0',
    profiles: 'HKCU\\Software\\Microsoft\\Office\\15.0\\Outlook\\Profiles',
    defaultKey: 'HKCU\\Software\\Microsoft\\Office\\15.0\\Outlook',
  },
  {
    version: '2003-2010',
    profiles: 'HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles',
    defaultKey: 'HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles',
  },
];

const isSecret = (name: string): boolean => /password/i.test(name);

/** A string value (REG_SZ, or REG_BINARY UTF-16LE), trimmed; null when absent or empty. */
export function regString(v: RegValue | undefined): string | null {
  const s = platformRegString(v)?.trim();
  return s ? s : null;
}

const regNum = regNumber;

const DEFAULT_PORT: Record<MailProtocol, { plain: number; tls: number }> = {
  imap: { plain: 143, tls: 993 },
  pop3: { plain: 110, tls: 995 },
  smtp: { plain: 25, tls: 465 },
};

function securityOf(secureConnection: number | null, useSsl: number | null): ConnectionSecurity {
  if (secureConnection !== null)
    return secureConnection === 1 ? 'tls' : secureConnection === 2 || secureConnection === 3 ? 'starttls' : 'plain';
  return useSsl !== null && useSsl !== 0 ? 'tls' : 'plain';
}

function server(get: (n: string) => RegValue | undefined, prefix: 'IMAP' | 'POP3' | 'SMTP'): ServerSetting | null {
  const host = regString(get(`${prefix} Server`));
  if (!host) return null;
  const protocol = prefix.toLowerCase() as MailProtocol;
  const security = securityOf(regNum(get(`${prefix} Secure Connection`)), regNum(get(`${prefix} Use SSL`)));
  const port = regNum(get(`${prefix} Port`)) || DEFAULT_PORT[protocol][security === 'tls' ? 'tls' : 'plain'];
  const userName = regString(get(`${prefix} User`)) ?? regString(get(`${prefix} User Name`));
  return { host: host.toLowerCase(), port, protocol, security, userName };
}

export function accountFromKey(key: RegKey, profile: string, isDefault: boolean, version: string): Account | null {
  const values = key.values.filter((v) => !isSecret(v.name));
  const byName = new Map(values.map((v) => [v.name.toLowerCase(), v]));
  const get = (n: string): RegValue | undefined => byName.get(n.toLowerCase());
  const incoming = server(get, 'IMAP') ?? server(get, 'POP3');
  const outgoing = server(get, 'SMTP');
  if (!incoming && !outgoing) return null; // Exchange, PST and other services
  const email = regString(get('Email')) ?? regString(get('SMTP Email Address'));
  const subkey = key.path.split('\\').pop() ?? '';
  return {
    client: 'outlook',
    profile,
    isDefaultProfile: isDefault,
    key: `outlook:${version}:${profile}:${subkey}`,
    name: regString(get('Account Name')),
    email: email ? email.toLowerCase() : null,
    provider: null,
    providerMatch: null,
    incoming,
    outgoing,
    identities: [{ email: email ? email.toLowerCase() : null, name: regString(get('Display Name')), outgoing }],
    findings: [],
    findingDetails: [],
    evidence: [{ source: key.path, raw: formatRegKey({ path: key.path, values }) }],
  };
}

export interface OutlookSearch {
  accounts: Account[];
  errors: Evidence[];
}

const ACCOUNT_KEY = new RegExp(`\\\\Profiles\\\\([^\\\\]+)\\\\${ACCOUNTS_GUID}\\\\([0-9a-f]{8})$`, 'i');

/** Reads every POP/IMAP account of every MAPI profile. Never throws. */
export async function findOutlookAccounts(registry: Registry): Promise<OutlookSearch> {
  const out: OutlookSearch = { accounts: [], errors: [] };
  for (const root of OUTLOOK_PROFILE_ROOTS) {
    let keys: RegKey[];
    try {
      keys = await registry.readTree(root.profiles);
    } catch (err) {
      out.errors.push({ source: root.profiles, error: `unreadable: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    if (keys.length === 0) continue;
    let defaultProfile: string | null = null;
    try {
      const k = await registry.readKey(root.defaultKey);
      defaultProfile = regString(k?.key.values.find((v) => v.name.toLowerCase() === 'defaultprofile'));
    } catch {
      defaultProfile = null;
    }
    for (const key of keys) {
      const m = ACCOUNT_KEY.exec(key.path);
      if (!m) continue;
      const account = accountFromKey(
        key,
        m[1],
        defaultProfile !== null && m[1].toLowerCase() === defaultProfile.toLowerCase(),
        root.version,
      );
      if (account) out.accounts.push(account);
    }
  }
  return out;
}

// Apple Mail's accounts (macOS), read-only, where the files can be read:
// ~/Library/Mail/V<n>/MailData/Accounts.plist (XML or binary plist): `MailAccounts` (IMAP/POP
// accounts: Hostname, PortNumber, SSLEnabled, Username, EmailAddresses, SMTPIdentifier) and
// `DeliveryAccounts` (SMTP). Passwords are in the keychain, never in these files, and no key whose
// name contains "password" is read.
// What cannot be read is said, never taken for "no account":
// - macOS protects ~/Library/Mail (TCC): without "Full Disk Access" the folder listing fails with
//   EPERM, reported as such;
// - recent macOS keeps the accounts in ~/Library/Accounts/Accounts4.sqlite (an SQLite database):
//   Node 16 (Electron 22) has no SQLite module and we ship none, so it is reported as unreadable
//   instead of parsed.
// Errors carry the source prefix `applemail:` (the diagnosis turns them into
// `apple-mail-accounts-unreadable` instead of `no-pec-account-found`).
import * as fs from 'fs';
import * as path from 'path';
import type { Account, ConnectionSecurity, ServerSetting } from './types';
import type { Evidence } from '../util/evidence';
import type { PlistValue } from '../inventory/plist';
import { parsePlist } from '../inventory/plist';
import { isBinaryPlist, parseBinaryPlist } from './apple-mail-bplist';
import { MB, readBounded } from '../platform/read-bounded';
import { IMPLICIT_TLS_PORTS } from './config-findings';

export const ACCOUNTS_PLIST_MAX = 8 * MB;

type Dict = { [key: string]: PlistValue };
const isDict = (v: unknown): v is Dict =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);
const str = (v: PlistValue | undefined): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;
const yes = (v: PlistValue | undefined): boolean => v === true || v === 1 || (typeof v === 'string' && /^(yes|true|1)$/i.test(v));

function security(ssl: boolean, port: number): ConnectionSecurity {
  if (!ssl) return 'plain';
  return IMPLICIT_TLS_PORTS.has(port) ? 'tls' : 'starttls';
}

function server(d: Dict, protocol: ServerSetting['protocol']): ServerSetting | null {
  const host = str(d.Hostname);
  if (!host) return null;
  const ssl = yes(d.SSLEnabled);
  const defaults = { imap: ssl ? 993 : 143, pop3: ssl ? 995 : 110, smtp: ssl ? 465 : 587 } as const;
  const port = Number(str(d.PortNumber) ?? defaults[protocol]);
  return {
    host,
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : defaults[protocol],
    protocol,
    security: security(ssl, port),
    userName: str(d.Username),
  };
}

/**
 * The host of an SMTPIdentifier ("smtp.host:user", Mail's reference to its outgoing server),
 * or null when it does not start with a host name.
 */
export function smtpIdentifierHost(id: string | null): string | null {
  const host = id?.split(':')[0]?.trim().toLowerCase() ?? '';
  return /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/.test(host) ? host : null;
}

/** Accounts from a parsed Accounts.plist. Pure. */
export function accountsFromMailPlist(plist: PlistValue, source: string): Account[] {
  if (!isDict(plist)) return [];
  const delivery = (Array.isArray(plist.DeliveryAccounts) ? plist.DeliveryAccounts : []).filter(isDict);
  const smtpFor = (id: string | null): ServerSetting | null => {
    if (!id) return null;
    const d = delivery.find((x) =>
      [str(x.Identifier), str(x.uniqueId), `${str(x.Hostname)}:${str(x.Username)}`, str(x.Hostname)].includes(id),
    );
    return d ? server(d, 'smtp') : null;
  };
  const out: Account[] = [];
  const list = (Array.isArray(plist.MailAccounts) ? plist.MailAccounts : []).filter(isDict);
  list.forEach((a, i) => {
    const type = str(a.AccountType) ?? '';
    const protocol = /^IMAP|iTools/i.test(type) ? 'imap' : /^POP/i.test(type) ? 'pop3' : null;
    if (!protocol) return; // "On My Mac" (LocalAccount) and unknown kinds have no server
    const emails = Array.isArray(a.EmailAddresses) ? a.EmailAddresses.map((e) => str(e)).filter((e): e is string => !!e) : [];
    const name = str(a.AccountName);
    const smtpId = str(a.SMTPIdentifier);
    const outgoing = smtpFor(smtpId);
    const evidence: Evidence[] = [
      {
        source,
        raw: `MailAccounts[${i}]: ${type} ${str(a.Hostname) ?? '?'}:${str(a.PortNumber) ?? '?'} SSLEnabled=${str(a.SSLEnabled) ?? String(a.SSLEnabled ?? '?')}`,
      },
    ];
    // Recent Mail names its outgoing server only by this reference: the server's own entry (port,
    // SSL) is not in Accounts.plist. The host is kept in the evidence instead of being dropped.
    const smtpHost = outgoing ? null : smtpIdentifierHost(smtpId);
    if (smtpHost)
      evidence.push({
        source: `${source} MailAccounts[${i}].SMTPIdentifier`,
        raw:
          `outgoing server ${smtpHost}: port and security not in this file (DeliveryAccounts has no entry for it); ` +
          'Mail keeps them in its outgoing-server list (Mail > Settings > Accounts > Server Settings), stored in the macOS accounts database ~/Library/Accounts/Accounts4.sqlite, not read',
      });
    out.push({
      client: 'applemail',
      profile: name ?? `account ${i + 1}`,
      key: `applemail:${str(a.uniqueId) ?? i}`,
      name,
      email: emails[0] ?? null,
      provider: null,
      incoming: server(a, protocol),
      outgoing,
      identities: emails.map((email) => ({ email, outgoing })),
      findings: [],
      evidence,
    });
  });
  return out;
}

export function parseMailPlist(data: Buffer): PlistValue {
  return isBinaryPlist(data) ? parseBinaryPlist(data) : parsePlist(data.toString('utf8'));
}

const errorCode = (err: unknown): string => (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));

/** Reads Apple Mail's accounts under `home` (a Mac's home folder, or a recorded one). Never throws. */
export async function findAppleMailAccounts(home: string): Promise<{ accounts: Account[]; errors: Evidence[] }> {
  const errors: Evidence[] = [];
  const mailDir = path.join(home, 'Library', 'Mail');
  const sqlite = path.join(home, 'Library', 'Accounts', 'Accounts4.sqlite');
  let versions: string[] = [];
  try {
    versions = (await fs.promises.readdir(mailDir)).filter((n) => /^V\d+$/.test(n)).sort((a, b) => Number(b.slice(1)) - Number(a.slice(1)));
  } catch (err) {
    const code = errorCode(err);
    if (code === 'EPERM' || code === 'EACCES') {
      errors.push({
        source: `applemail: ${mailDir}`,
        error: `${code}: access not permitted (macOS privacy protection: PEC Doctor needs "Full Disk Access" to read Mail's folder)`,
      });
      return { accounts: [], errors };
    }
    if (code !== 'ENOENT' && code !== 'ENOTDIR') errors.push({ source: `applemail: ${mailDir}`, error: `unreadable: ${code}` });
  }
  for (const v of versions) {
    const file = path.join(mailDir, v, 'MailData', 'Accounts.plist');
    const r = await readBounded(file, { maxBytes: ACCOUNTS_PLIST_MAX, label: 'Accounts.plist' });
    if (!r.ok) {
      if (r.reason === 'missing') continue;
      errors.push({ source: `applemail: ${file}`, error: `unreadable: ${r.message}` });
      return { accounts: [], errors };
    }
    let accounts: Account[];
    try {
      accounts = accountsFromMailPlist(parseMailPlist(r.data), file);
    } catch (err) {
      errors.push({ source: `applemail: ${file}`, error: `unreadable: ${err instanceof Error ? err.message : String(err)}` });
      return { accounts: [], errors };
    }
    if (accounts.length) return { accounts, errors };
    break; // the newest store has no server accounts: they live in the accounts database
  }
  try {
    await fs.promises.stat(sqlite);
    errors.push({
      source: `applemail: ${sqlite}`,
      error:
        'not read: macOS keeps these accounts in an SQLite database (Accounts4.sqlite), and this version of PEC Doctor runs on Node 16, which cannot read SQLite',
    });
  } catch (err) {
    const code = errorCode(err);
    if (code === 'EPERM' || code === 'EACCES')
      errors.push({ source: `applemail: ${sqlite}`, error: `${code}: access not permitted (macOS privacy protection)` });
  }
  return { accounts: [], errors };
}

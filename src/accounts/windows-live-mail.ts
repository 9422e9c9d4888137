// Windows Live Mail accounts: one XML file per account,
// %LOCALAPPDATA%\Microsoft\Windows Live Mail\<account folder>\account{GUID}.oeaccount, usually
// UTF-16LE with a BOM. Elements such as <IMAP_Server type="SZ">, <IMAP_Port type="DWORD"> (8 hex
// digits), <IMAP_Secure_Connection type="DWORD">, <SMTP_Server>, <SMTP_Port>,
// <SMTP_Secure_Connection>, <SMTP_Email_Address>, <POP3_Server>... (issue #5;
// windows-and-clients.md §6: SMTP Secure Connection 1 with port 465 = SSL for Outlook Express/WLM).
// WLM has one "requires a secure connection (SSL)" switch per server: we read it as implicit TLS
// on 993/995/465 and STARTTLS on other ports (inference, documented in docs/accounts.md).
// *_Password2 elements are never kept.
import * as fs from 'fs';
import type { Account, ConnectionSecurity, ServerSetting } from './types';
import type { MailProtocol } from '../probe/types';
import { errorText, isMissing, pathFor } from './thunderbird-profiles';
import { IMPLICIT_TLS_PORTS } from './config-findings';
import type { Evidence } from '../util/evidence';

export interface OeValue {
  type: string | null;
  text: string;
}

/** Decodes the bytes of an .oeaccount file: UTF-16LE/BE with BOM, UTF-8 with or without BOM, or BOM-less UTF-16LE. */
export function decodeXmlBytes(buf: Uint8Array): string {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  if (b[0] === 0xfe && b[1] === 0xff) {
    const swapped = Buffer.from(b.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  if (b.length >= 2 && b[0] === 0x3c && b[1] === 0x00) return b.toString('utf16le');
  return b.toString('utf8');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

export class OeAccountError extends Error {}

/** The leaf elements of <MessageAccount>. Pure; throws OeAccountError when the file is not one. */
export function parseOeAccount(xml: string): Map<string, OeValue> {
  const body = /<MessageAccount\b[^>]*>([\s\S]*?)<\/MessageAccount\s*>/.exec(xml);
  if (!body) throw new OeAccountError('no <MessageAccount> element (not an .oeaccount file, or truncated)');
  const values = new Map<string, OeValue>();
  const re = /<([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(?:\/>|>([^<]*)<\/\1\s*>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body[1])) !== null) {
    const name = m[1];
    if (/password/i.test(name)) continue;
    const type = /\btype\s*=\s*["']([^"']*)["']/.exec(m[2] ?? '');
    values.set(name, { type: type ? type[1] : null, text: unescapeXml(m[3] ?? '') });
  }
  return values;
}

const str = (v: Map<string, OeValue>, name: string): string | null => {
  const t = v.get(name)?.text.trim();
  return t ? t : null;
};
/** DWORD elements hold 8 hex digits; accept decimal for hand-written files. */
function dword(v: Map<string, OeValue>, name: string): number | null {
  const e = v.get(name);
  if (!e) return null;
  const t = e.text.trim();
  if (/^[0-9a-fA-F]{8}$/.test(t) || (e.type ?? '').toUpperCase() === 'DWORD') {
    return /^[0-9a-fA-F]{1,8}$/.test(t) ? parseInt(t, 16) : null;
  }
  return /^\d+$/.test(t) ? Number(t) : null;
}

const DEFAULT_PORT: Record<MailProtocol, { plain: number; tls: number }> = {
  imap: { plain: 143, tls: 993 },
  pop3: { plain: 110, tls: 995 },
  smtp: { plain: 25, tls: 465 },
};

function server(v: Map<string, OeValue>, prefix: 'IMAP' | 'POP3' | 'SMTP'): ServerSetting | null {
  const host = str(v, `${prefix}_Server`);
  if (!host) return null;
  const protocol = prefix.toLowerCase() as MailProtocol;
  const secure = (dword(v, `${prefix}_Secure_Connection`) ?? 0) !== 0;
  const port = dword(v, `${prefix}_Port`) ?? DEFAULT_PORT[protocol][secure ? 'tls' : 'plain'];
  const security: ConnectionSecurity = !secure ? 'plain' : IMPLICIT_TLS_PORTS.has(port) ? 'tls' : 'starttls';
  return { host: host.toLowerCase(), port, protocol, security, userName: str(v, `${prefix}_User_Name`) };
}

/** One account from the parsed values, or null for news/directory-service accounts. */
export function accountFromOe(v: Map<string, OeValue>, profile: string, source: string, raw: string): Account | null {
  const incoming = server(v, 'IMAP') ?? server(v, 'POP3');
  const outgoing = server(v, 'SMTP');
  if (!incoming && !outgoing) return null;
  const email = str(v, 'SMTP_Email_Address');
  return {
    client: 'windowslivemail',
    profile,
    key: `windowslivemail:${profile}:${source.split(/[\\/]/).pop()}`,
    name: str(v, 'Account_Name'),
    email: email ? email.toLowerCase() : null,
    provider: null,
    providerMatch: null,
    incoming,
    outgoing,
    identities: [{ email: email ? email.toLowerCase() : null, name: str(v, 'SMTP_Display_Name'), outgoing }],
    findings: [],
    findingDetails: [],
    evidence: [{ source, raw }],
  };
}

/** Evidence text: the file without secret elements. */
export const redactOe = (xml: string): string => xml.replace(/<([A-Za-z_][\w.-]*password[\w.-]*)\b[^>]*>[^<]*<\/\1\s*>/gi, '').replace(/<[A-Za-z_][\w.-]*password[\w.-]*\b[^>]*\/>/gi, '');

export interface WlmSearch {
  accounts: Account[];
  errors: Evidence[];
}

/** Reads every account*.oeaccount under the Windows Live Mail store of LOCALAPPDATA. */
export async function findWindowsLiveMailAccounts(env: NodeJS.ProcessEnv): Promise<WlmSearch> {
  const out: WlmSearch = { accounts: [], errors: [] };
  const local = env.LOCALAPPDATA;
  if (!local) return out;
  const p = pathFor(local);
  const root = p.join(local, 'Microsoft', 'Windows Live Mail');
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(root, { withFileTypes: true });
  } catch (err) {
    if (!isMissing(err)) out.errors.push({ source: root, error: `unreadable: ${errorText(err)}` });
    return out;
  }
  for (const dir of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    let files: string[];
    try {
      files = (await fs.promises.readdir(p.join(root, dir.name))).filter((f) => /\.oeaccount$/i.test(f)).sort();
    } catch (err) {
      out.errors.push({ source: p.join(root, dir.name), error: `unreadable: ${errorText(err)}` });
      continue;
    }
    for (const f of files) {
      const file = p.join(root, dir.name, f);
      try {
        const xml = decodeXmlBytes(await fs.promises.readFile(file));
        const account = accountFromOe(parseOeAccount(xml), dir.name, file, redactOe(xml).trim());
        if (account) out.accounts.push(account);
      } catch (err) {
        out.errors.push({ source: file, error: `unreadable: ${err instanceof OeAccountError ? err.message : errorText(err)}` });
      }
    }
  }
  return out;
}

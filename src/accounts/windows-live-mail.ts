// Windows Live Mail accounts: one XML file per account,
// %LOCALAPPDATA%\Microsoft\Windows Live Mail\<account folder>\account{GUID}.oeaccount, usually
// UTF-16LE with a BOM. Elements such as <IMAP_Server type="SZ">, <IMAP_Port type="DWORD"> (8 hex
// digits), <IMAP_Secure_Connection type="DWORD">, <SMTP_Server>, <SMTP_Port>,
// <SMTP_Secure_Connection>, <SMTP_Email_Address>, <POP3_Server>... (issue #5;
// docs/facts/windows-and-clients.md §6: SMTP Secure Connection 1 with port 465 = SSL for Outlook Express/WLM).
// WLM has one "requires a secure connection (SSL)" switch per server: we read it as implicit TLS
// on 993/995/465 and STARTTLS on other ports (inference, documented in docs/accounts.md).
// *_Password2 elements (and any element whose name says password, whatever it holds, CDATA
// included) are never kept; the evidence is the values read, written back, not the file.
import * as fs from 'fs';
import type { Account, ConnectionSecurity, ServerSetting } from './types';
import type { MailProtocol } from '../probe/types';
import { errorText, isMissing, pathFor } from './thunderbird-profiles';
import { IMPLICIT_TLS_PORTS } from './config-findings';
import type { Evidence } from '../util/evidence';
import { LIMITS, readBounded } from '../platform/read-bounded';

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
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{1,8});/g, (m, e: string) => {
    if (e.startsWith('#')) {
      const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // A code point beyond Unicode would throw: kept as written.
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

const escapeXml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

export class OeAccountError extends Error {}

/** Any element whose name says password: dropped whatever it holds (text, CDATA, children). */
export const isSecretElement = (name: string): boolean => /password/i.test(name);

const NAME = /[A-Za-z_][\w.-]*/y;
// Attribute values stop at "<": a missing quote cannot make one value swallow the whole file.
const ATTR = /\s+([\w:.-]+)\s*=\s*("[^"<]*"|'[^'<]*')/y;
const TAG_END = /\s*(\/?>)/y;
const CLOSE = /<\/([A-Za-z_][\w.-]*)\s*>/y;

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** Start and end of the body of the first <MessageAccount>…</MessageAccount>, in one pass. */
function messageAccountBody(xml: string): { start: number; end: number } | null {
  let from = 0;
  for (;;) {
    const open = xml.indexOf('<MessageAccount', from);
    if (open < 0) return null;
    const after = xml[open + 15];
    if (after === '>' || after === '/' || /\s/.test(after ?? '')) {
      const gt = xml.indexOf('>', open);
      if (gt < 0) return null;
      // The first closing tag after it (as the former lazy regex did), found with indexOf.
      let c = xml.indexOf('</MessageAccount', gt);
      while (c >= 0) {
        const m = sticky(/<\/MessageAccount\s*>/y, xml, c);
        if (m) return { start: gt + 1, end: c };
        c = xml.indexOf('</MessageAccount', c + 1);
      }
      return null;
    }
    from = open + 1;
  }
}

/**
 * The leaf elements of <MessageAccount>, read in one linear pass (a regex with a backreference
 * took 9.9 s on a 938 KB hostile file). Comments, processing instructions and CDATA are
 * understood; an element whose name contains "password" is skipped with all it holds.
 * Pure; throws OeAccountError when the file is not one.
 */
export function parseOeAccount(xml: string): Map<string, OeValue> {
  const body = messageAccountBody(xml);
  if (!body) throw new OeAccountError('no <MessageAccount> element (not an .oeaccount file, or truncated)');
  const s = xml.slice(body.start, body.end);
  const values = new Map<string, OeValue>();
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    if (s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt + 4);
      if (e < 0) break;
      i = e + 3;
      continue;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const e = s.indexOf(']]>', lt + 9);
      if (e < 0) break;
      i = e + 3;
      continue;
    }
    if (s.startsWith('<?', lt) || s.startsWith('<!', lt) || s.startsWith('</', lt)) {
      const e = s.indexOf('>', lt + 2);
      if (e < 0) break;
      i = e + 1;
      continue;
    }
    const name = sticky(NAME, s, lt + 1);
    if (!name) {
      i = lt + 1;
      continue;
    }
    let j = lt + 1 + name[0].length;
    let type: string | null = null;
    for (let a = sticky(ATTR, s, j); a; a = sticky(ATTR, s, j)) {
      if (a[1] === 'type') type = a[2].slice(1, -1);
      j += a[0].length;
    }
    const end = sticky(TAG_END, s, j);
    if (!end) {
      i = lt + 1;
      continue;
    }
    j += end[0].length;
    if (isSecretElement(name[0])) {
      // Skip up to its own closing tag, whatever is inside (CDATA, children, anything).
      if (end[1] === '/>') {
        i = j;
        continue;
      }
      const close = s.indexOf(`</${name[0]}`, j);
      if (close < 0) break; // never closed: nothing after it is trusted
      const gt = s.indexOf('>', close);
      i = gt < 0 ? s.length : gt + 1;
      continue;
    }
    if (end[1] === '/>') {
      values.set(name[0], { type, text: '' });
      i = j;
      continue;
    }
    // Content: text and CDATA sections up to the next tag; a leaf only if that tag closes it.
    let text = '';
    let k = j;
    for (;;) {
      const next = s.indexOf('<', k);
      const stop = next < 0 ? s.length : next;
      text += unescapeXml(s.slice(k, stop));
      k = stop;
      if (next >= 0 && s.startsWith('<![CDATA[', next)) {
        const e = s.indexOf(']]>', next + 9);
        if (e < 0) {
          k = s.length;
          break;
        }
        text += s.slice(next + 9, e);
        k = e + 3;
        continue;
      }
      break;
    }
    const close = k < s.length ? sticky(CLOSE, s, k) : null;
    if (close && close[1] === name[0]) {
      values.set(name[0], { type, text });
      i = k + close[0].length;
    } else {
      // A container (or broken markup): its children are read on the next turns.
      i = j;
    }
  }
  return values;
}

/** Evidence text: the values read, written back as XML; secret elements were never kept. */
export function oeEvidence(values: Map<string, OeValue>): string {
  const lines = [...values].map(
    ([name, v]) => `\t<${name}${v.type === null ? '' : ` type="${escapeXml(v.type)}"`}>${escapeXml(v.text)}</${name}>`,
  );
  return ['<MessageAccount>', ...lines, '</MessageAccount>'].join('\n');
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
        const read = await readBounded(file, { maxBytes: LIMITS.oeAccount, label: 'Windows Live Mail account file', within: root });
        if (!read.ok) {
          out.errors.push({ source: file, error: `unreadable: ${read.message}` });
          continue;
        }
        const values = parseOeAccount(decodeXmlBytes(read.data));
        const account = accountFromOe(values, dir.name, file, oeEvidence(values));
        if (account) out.accounts.push(account);
      } catch (err) {
        out.errors.push({ source: file, error: `unreadable: ${err instanceof OeAccountError ? err.message : errorText(err)}` });
      }
    }
  }
  return out;
}

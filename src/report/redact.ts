// Redaction of a report before it leaves the office: the person must not be identifiable.
// Replaced everywhere, in every string of the report (evidence, raw command output, finding
// texts): e-mail local parts, logins, display names and profile names, the user folder in paths
// (C:\Users\<name>\, /home/<name>/, /Users/<name>/), and every domain or host name that is not a
// known PEC provider's (src/accounts/providers.ts): a studio's own domain names the studio.
// Binary evidence is decoded first (Outlook keeps names as REG_BINARY UTF-16LE hex, which a
// text search never sees): text becomes readable text and is redacted like any other; binary
// that may hold text (EntryIDs embed the PST path) is dropped. Anything named "password", in
// any form (JSON key, registry value, user_pref, XML element with CDATA, key=value), is dropped.
// What stays: the providers, their servers, ports, TLS results, versions of the system and of
// the programs, the findings (REDACTION_NOTE says so to the user).
import type { Report } from '../diagnosis/types';
import { PROVIDERS } from '../accounts/providers';

const EMAIL_RE = /([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
const HOME_RE =
  /(?:\/home\/|\/Users\/|\/var\/mail\/|[A-Za-z]:(?:\\\\|\\|\/)+(?:Users|Documents and Settings)(?:\\\\|\\|\/)+)([^\\/"'\s:]+(?: [^\\/"'\s:]+)?)/gi;
/** Folder names under the users' root that are not people. */
const NOT_PEOPLE = new Set(['public', 'default', 'default user', 'all users', 'shared', 'guest', 'administrator', 'root']);
/** Words too common to replace everywhere (they would also hit host names and texts). */
const TOO_COMMON = new Set([
  'pec',
  'mail',
  'posta',
  'admin',
  'user',
  'utente',
  'imap',
  'smtp',
  'pop3',
  'outlook',
  'thunderbird',
  'nobody',
  'local folders',
  'default',
  'default-release',
  'profile',
  'profilo',
  'studio',
  'ufficio',
  'info',
  'segreteria',
  'amministrazione',
]);
/** File extensions that EMAIL_RE would take for a top-level domain ("mario@studio.it.pst"). */
const FILE_EXTENSIONS = new Set([
  'pst',
  'ost',
  'pab',
  'nst',
  'oeaccount',
  'xml',
  'txt',
  'log',
  'json',
  'html',
  'htm',
  'eml',
  'msg',
  'ini',
  'js',
  'dat',
  'sqlite',
  'msf',
]);

export const REDACTED_USER = 'utente';
const REDACTED_DOMAIN = (n: number): string => `dominio${n}.example`;

export { REDACTION_NOTE } from './redaction-note';

// ---------------------------------------------------------------------------------------------
// Walking the report

const isSecretName = (name: string): boolean => /password/i.test(name);

/** A copy with every string visited and every key naming a password dropped. */
function walk(value: unknown, visit: (s: string) => string): unknown {
  if (typeof value === 'string') return visit(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, visit));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!isSecretName(k)) out[k] = walk(v, visit);
    return out;
  }
  return value;
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectStrings(v, into));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------
// Secrets in text evidence

/** A line that is a password setting: a registry value, a user_pref, a key=value line. Linear per line. */
function isSecretLine(line: string): boolean {
  if (!/password/i.test(line)) return false;
  return /\sREG_[A-Z_]+\b/.test(line) || /^\s*(?:user_|sticky_)?pref\(/.test(line) || /^\s*[\w.-]*password[\w.-]*\s*[=:]/i.test(line);
}

/** XML elements whose name contains "password", with whatever they hold (CDATA included). Linear. */
function dropXmlSecrets(s: string): string {
  if (!s.includes('<')) return s;
  const open = /<([A-Za-z_][\w.:-]*)/g;
  let out = '';
  let last = 0;
  for (let m = open.exec(s); m; m = open.exec(s)) {
    if (!isSecretName(m[1])) continue;
    const gt = s.indexOf('>', m.index);
    if (gt < 0) return out + s.slice(last, m.index);
    let end: number;
    if (s[gt - 1] === '/') end = gt + 1;
    else {
      const close = s.indexOf(`</${m[1]}`, gt);
      if (close < 0) return out + s.slice(last, m.index); // never closed: drop the rest
      const cgt = s.indexOf('>', close);
      end = cgt < 0 ? s.length : cgt + 1;
    }
    out += s.slice(last, m.index);
    last = end;
    open.lastIndex = end;
  }
  return out + s.slice(last);
}

function dropSecrets(s: string): string {
  if (!/password/i.test(s)) return s;
  const out = dropXmlSecrets(s);
  return out.includes('\n') || isSecretLine(out)
    ? out
        .split('\n')
        .filter((l) => !isSecretLine(l))
        .join('\n')
    : out;
}

// ---------------------------------------------------------------------------------------------
// Binary evidence

/** Plausible text: Latin letters, digits, punctuation, accented letters; at least one letter. */
function plausibleText(s: string): boolean {
  return s.length >= 2 && /[A-Za-z]/.test(s) && /^[\u0020-\u007e\u00a0-\u024f\u2010-\u2027\u20ac]+$/.test(s);
}

/** The text a hex string holds (UTF-16LE as Outlook writes it, or ASCII), trailing NULs removed; null if not text. */
export function hexText(hex: string): string | null {
  if (hex.length < 4 || hex.length % 2 !== 0 || !/^[0-9A-Fa-f]+$/.test(hex)) return null;
  const bytes = Buffer.from(hex, 'hex');
  let n = bytes.length;
  if (n % 2 === 0) {
    let m = n;
    while (m >= 2 && bytes[m - 1] === 0 && bytes[m - 2] === 0) m -= 2;
    const s = bytes.subarray(0, m).toString('utf16le');
    if (plausibleText(s)) return s;
  }
  while (n > 0 && bytes[n - 1] === 0) n--;
  const ascii = bytes.subarray(0, n).toString('latin1');
  return /^[\u0020-\u007e]+$/.test(ascii) && ascii.length >= 3 && /[A-Za-z]/.test(ascii) ? ascii : null;
}

/** Whether bytes embed text: 3+ UTF-16LE printable characters, or 4+ printable ASCII bytes in a row. */
function embedsText(hex: string, ascii: boolean): boolean {
  const b = Buffer.from(hex.length % 2 ? hex.slice(0, -1) : hex, 'hex');
  let u16 = 0;
  let u16odd = 0;
  let run = 0;
  for (let i = 0; i < b.length; i++) {
    const printable = b[i] >= 0x20 && b[i] < 0x7f;
    run = printable ? run + 1 : 0;
    if (ascii && run >= 4) return true;
    // UTF-16LE: a printable byte followed by 0, at either alignment.
    if (i + 1 < b.length && printable && b[i + 1] === 0) {
      if (i % 2 === 0) u16++;
      else u16odd++;
    } else if (i % 2 === 0) u16 = 0;
    else u16odd = 0;
    if (u16 >= 3 || u16odd >= 3) return true;
  }
  return false;
}

/** Registry binary values small enough to be flags, ports or UIDs stay as hex when they hold no text. */
const KEEP_BINARY_BYTES = 16;

function binaryValue(hex: string): string {
  const text = hexText(hex);
  if (text !== null) return `(testo / text) "${text}"`;
  if (hex.length / 2 <= KEEP_BINARY_BYTES && !embedsText(hex, true)) return hex;
  return `(dati binari tolti dal rapporto oscurato / binary data removed, ${Math.floor(hex.length / 2)} byte)`;
}

/** reg.exe lines `    Name    REG_BINARY    0A00…`, .reg `"Name"=hex:0a,00,…`, and hex runs elsewhere. */
function decodeBinary(s: string): string {
  let out = s;
  if (out.includes('REG_BINARY')) {
    out = out
      .split('\n')
      .map((line) => {
        const m = /^(.*?\sREG_BINARY\s+)([0-9A-Fa-f]+)(\s*)$/.exec(line);
        return m ? m[1] + binaryValue(m[2]) + m[3] : line;
      })
      .join('\n');
  }
  if (/=hex(?:\([0-9a-f]\))?:/i.test(out)) {
    out = out.replace(
      /(=hex(?:\([0-9a-f]\))?:)((?:[0-9A-Fa-f]{2},(?:\\\r?\n\s*)?)*[0-9A-Fa-f]{2})/gi,
      (_m, head: string, list: string) => head + binaryValue(list.replace(/[^0-9A-Fa-f]/g, '')),
    );
  }
  // Anywhere else: a hex run that is text is decoded; one that embeds UTF-16LE text is removed.
  return out.replace(/(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{2}){6,}(?![0-9A-Za-z])/g, (hex) => {
    // Decimal digits only: a number (a timestamp, a build), not bytes.
    if (/^[0-9]+$/.test(hex)) return hex;
    const text = hexText(hex);
    if (text !== null) return `"${text}"`;
    return embedsText(hex, false) ? `(dati binari tolti / binary data removed, ${hex.length / 2} byte)` : hex;
  });
}

// ---------------------------------------------------------------------------------------------
// Who is in the report

function knownProviderHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const p of PROVIDERS) {
    if (p.domains.includes(h) || p.domainSuffixes.some((d) => h === d || h.endsWith(`.${d}`))) return true;
    for (const mx of p.mx) if (mx.startsWith('.') ? h.endsWith(mx) || h === mx.slice(1) : h === mx) return true;
    for (const spec of [p.imap, p.pop3, p.smtp])
      if (spec && (spec.host === h || h.endsWith(`.${registrable(spec.host)}`) || h === registrable(spec.host))) return true;
    if (p.webmail) {
      try {
        const w = new URL(p.webmail).hostname;
        if (w === h || h.endsWith(`.${registrable(w)}`)) return true;
      } catch {
        // catalogue URLs are checked by their own tests
      }
    }
  }
  return false;
}

/** The last two labels: the name a studio registers (studio-rossi.it). */
function registrable(host: string): string {
  const labels = host.toLowerCase().split('.');
  return labels.slice(-2).join('.');
}

const isIp = (h: string): boolean => /^\d{1,3}(?:\.\d{1,3}){3}$/.test(h) || h.includes(':');
const isLocal = (h: string): boolean =>
  h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.invalid') || h.endsWith('.example') || h.endsWith('.test');

function cleanDomain(d: string): string {
  const labels = d.toLowerCase().split('.');
  while (labels.length > 2 && FILE_EXTENSIONS.has(labels[labels.length - 1])) labels.pop();
  return labels.join('.');
}

/** Domains and host names from the person's data that are not a known provider's. */
function foreignHosts(report: Report, strings: string[]): { hosts: string[]; domains: string[]; ips: string[] } {
  const candidates = new Set<string>();
  const add = (h: string | null | undefined) => {
    if (!h) return;
    const host = cleanDomain(h.trim().replace(/\.$/, ''));
    if (!host.includes('.') || isIp(host) || isLocal(host)) return;
    if (!knownProviderHost(host)) candidates.add(host);
  };
  for (const s of strings) for (const m of s.matchAll(EMAIL_RE)) add(m[2]);
  for (const e of report.endpoints) add(e.host);
  for (const a of report.accounts?.accounts ?? []) {
    for (const srv of [a.incoming, a.outgoing, ...(a.identities ?? []).map((i) => i.outgoing)]) add(srv?.host);
  }
  for (const s of report.context?.servers ?? []) {
    try {
      add(new URL(s.includes('://') ? s : `imaps://${s}`).hostname);
    } catch {
      // not a URL: its e-mail domains were collected above
    }
  }
  const hosts = [...candidates];
  const domains = [...new Set(hosts.map(registrable))].filter((d) => !knownProviderHost(d));
  // The addresses a studio's own server resolved to locate the studio as well as its name.
  const ips = new Set<string>();
  for (const e of report.endpoints) {
    if (!candidates.has(cleanDomain(e.host.toLowerCase()))) continue;
    for (const a of e.addresses ?? []) if (!/^(127\.|::1$|0\.0\.0\.0$)/.test(a)) ips.add(a);
  }
  return { hosts: hosts.filter((h) => !domains.includes(h)), domains, ips: [...ips] };
}

/** Words of a display name that say nothing about the person (titles, kinds of office, the providers' names). */
const NOT_A_NAME = new Set([
  ...[
    'avv',
    'avvocato',
    'avvocata',
    'dott',
    'dottore',
    'dottoressa',
    'dr',
    'ing',
    'ingegnere',
    'arch',
    'geom',
    'rag',
    'notaio',
    'prof',
    'sig',
    'sig.ra',
  ],
  ...[
    'studio',
    'legale',
    'associato',
    'associati',
    'ufficio',
    'tecnico',
    'segreteria',
    'amministrazione',
    'posta',
    'certificata',
    'casella',
  ],
  ...['personale', 'lavoro', 'principale', 'account', 'ditta', 'societa', 'società', 'srl', 'spa', 'snc', 'sas', 'comune', 'provincia'],
  ...PROVIDERS.flatMap((p) => p.name.toLowerCase().split(/[^a-zà-ÿ0-9]+/)),
]);

/** The user names a report holds: logins, display names (and their words), profile names, user folders, distinctive local parts. */
export function sensitiveNames(report: Report): string[] {
  const names = new Set<string>();
  const addName = (n: string | null | undefined) => {
    if (!n || n.includes('@')) return;
    names.add(n.trim());
    // A surname alone (a PST file, a folder) is the person too: capitalised words of 4+ letters.
    for (const w of n.split(/[\s.,;()'"]+/)) if (/^\p{Lu}\p{L}{3,}$/u.test(w) && !NOT_A_NAME.has(w.toLowerCase())) names.add(w);
  };
  for (const a of report.accounts?.accounts ?? []) {
    for (const s of [a.incoming, a.outgoing]) addName(s?.userName);
    addName(a.name);
    // Profile names a person chose ("Studio Zanetti"); Thunderbird's generated ones ("k2x9.default-release") are not names.
    if (!/(^|\.)default(-release|-esr|-beta)?(-\d+)?$/i.test(a.profile)) addName(a.profile);
    for (const id of a.identities ?? []) {
      addName(id.name);
      addName(id.outgoing?.userName);
    }
  }
  const all: string[] = [];
  collectStrings(report, all);
  for (const s of all) for (const m of s.matchAll(HOME_RE)) if (!NOT_PEOPLE.has(m[1].toLowerCase())) names.add(m[1]);
  // A local part alone (a PST file name, a login without domain) when it is distinctive.
  for (const s of all) for (const m of s.matchAll(EMAIL_RE)) if (/[._\-\d]/.test(m[1]) && m[1].length >= 4) names.add(m[1]);
  // Labels of the providers' server names stay readable: the technician needs the hosts.
  const hostLabels = new Set<string>();
  const hosts = [
    ...report.endpoints.map((e) => e.host),
    ...(report.accounts?.accounts ?? []).flatMap((a) => [a.incoming?.host, a.outgoing?.host]),
  ].filter((h): h is string => !!h && knownProviderHost(h));
  for (const h of hosts) for (const label of h.toLowerCase().split('.')) hostLabels.add(label);
  return [...names]
    .filter((n) => n.trim().length >= 3 && !TOO_COMMON.has(n.toLowerCase()) && !hostLabels.has(n.toLowerCase()))
    .sort((a, b) => b.length - a.length);
}

// ---------------------------------------------------------------------------------------------

/** The values of a distinguished name other than CN and C (O=, OU=, L=, ST=, emailAddress=...). */
function dnValues(dn: string): string[] {
  return dn
    .split(/,\s*(?=[A-Za-z.]+\s*=)|\/(?=[A-Za-z.]+\s*=)/)
    .map((part) => /^\s*([A-Za-z.]+)\s*=\s*(.+?)\s*$/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null && !/^(CN|C)$/i.test(m[1]))
    .map((m) => m[2]);
}

/** A copy of the report with the person replaced by stable placeholders (the original is untouched). */
export function redactReport(report: Report): Report {
  // 1. Secrets out, binary decoded, so that what follows sees every name in clear.
  const decoded = walk(report, (s) => decodeBinary(dropSecrets(s))) as Report;
  const strings: string[] = [];
  collectStrings(decoded, strings);

  // 2. Who is in it. The certificate of a studio's own server names the studio in O=, OU=, L=
  // (and its private CA too): those values go with the names; a public CA's stay.
  const { hosts, domains, ips } = foreignHosts(decoded, strings);
  const foreign = new Set([...hosts, ...domains]);
  const certNames: string[] = [];
  for (const e of decoded.endpoints) {
    if (!foreign.has(cleanDomain(e.host.toLowerCase()))) continue;
    // The certificate of the probe's own handshake and every other one the server presents (RSA, ECDSA).
    for (const c of [e.certificate, ...(e.certificates ?? [])]) {
      if (!c) continue;
      const privateCa = !c.trusted || c.issuer === c.subject;
      certNames.push(...dnValues(c.subject));
      if (privateCa)
        for (const link of [{ subject: c.issuer, issuer: c.issuer }, ...(c.chain ?? [])])
          certNames.push(...dnValues(link.subject), ...dnValues(link.issuer));
    }
  }
  const names = [
    ...new Set([...sensitiveNames(decoded), ...certNames.filter((n) => n.length >= 3 && !TOO_COMMON.has(n.toLowerCase()))]),
  ].sort((a, b) => b.length - a.length);
  const ipIds = new Map(ips.map((ip, i) => [ip, `ip-oscurato-${i + 1}`]));
  const ipRe = ips.length ? new RegExp(`(?<![0-9A-Fa-f.:])(${ips.map(escapeRe).join('|')})(?![0-9A-Fa-f.:])`, 'g') : null;
  const nameIds = new Map(names.map((n, i) => [n.toLowerCase(), `${REDACTED_USER}${i + 1}`]));
  const domainIds = new Map(domains.map((d, i) => [d, REDACTED_DOMAIN(i + 1)]));
  const hostIds = new Map<string, string>();
  hosts.forEach((h, i) => hostIds.set(h, `server${i + 1}.${domainIds.get(registrable(h)) ?? REDACTED_DOMAIN(0)}`));
  const emailIds = new Map<string, string>();

  const nameRe = names.length ? new RegExp(`(?<![A-Za-z0-9])(${names.map(escapeRe).join('|')})(?![A-Za-z0-9])`, 'gi') : null;
  const hostList = [...hosts, ...domains].sort((a, b) => b.length - a.length);
  const hostRe = hostList.length ? new RegExp(`(?<![A-Za-z0-9-])(${hostList.map(escapeRe).join('|')})(?![A-Za-z0-9-])`, 'gi') : null;
  const hostFor = (h: string): string => {
    const k = h.toLowerCase();
    return hostIds.get(k) ?? domainIds.get(k) ?? REDACTED_DOMAIN(0);
  };
  const visit = (s: string): string => {
    let out = s.replace(EMAIL_RE, (_all, local: string, domain: string) => {
      const key = local.toLowerCase();
      if (!emailIds.has(key)) emailIds.set(key, `indirizzo${emailIds.size + 1}`);
      return `${emailIds.get(key)}@${domain}`;
    });
    if (hostRe) out = out.replace(hostRe, hostFor);
    if (ipRe) out = out.replace(ipRe, (ip) => ipIds.get(ip) ?? 'ip-oscurato');
    if (nameRe) out = out.replace(nameRe, (n) => nameIds.get(n.toLowerCase()) ?? REDACTED_USER);
    return out;
  };
  const copy = walk(decoded, visit) as Report;

  // 3. Login fields are replaced whatever they hold (also when too common to replace everywhere).
  for (const a of copy.accounts?.accounts ?? []) {
    for (const srv of [a.incoming, a.outgoing, ...(a.identities ?? []).map((i) => i.outgoing)]) {
      if (srv?.userName && !/^(indirizzo\d+@|utente\d+$)/.test(srv.userName)) srv.userName = REDACTED_USER;
    }
  }
  copy.redacted = true;
  return copy;
}

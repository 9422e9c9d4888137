// Redaction of a report before it leaves the office: e-mail addresses (the local part; the
// domain stays, it names the provider) and user names (account logins, display names, the
// user folder in paths such as C:\Users\<name>\ or /home/<name>/) are replaced everywhere, in
// every string of the report: evidence, raw command output, finding texts.
import type { Report } from '../diagnosis/types';

const EMAIL_RE = /([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
const HOME_RE = /(?:\/home\/|\/Users\/|\/var\/mail\/|[A-Za-z]:(?:\\\\|\\|\/)+(?:Users|Documents and Settings)(?:\\\\|\\|\/)+)([^\\/"'\s:]+(?: [^\\/"'\s:]+)?)/gi;
/** Folder names under the users' root that are not people. */
const NOT_PEOPLE = new Set(['public', 'default', 'default user', 'all users', 'shared', 'guest', 'administrator', 'root']);
/** Words too common to replace everywhere (they would also hit host names and texts). */
const TOO_COMMON = new Set(['pec', 'mail', 'posta', 'admin', 'user', 'utente', 'imap', 'smtp', 'pop3', 'outlook', 'thunderbird', 'nobody', 'local folders']);

export const REDACTED_USER = 'utente';

function walkStrings(value: unknown, visit: (s: string) => string): unknown {
  if (typeof value === 'string') return visit(value);
  if (Array.isArray(value)) return value.map((v) => walkStrings(v, visit));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walkStrings(v, visit);
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

/** The user names a report holds: logins and display names of accounts, user folders in paths. */
export function sensitiveNames(report: Report): string[] {
  const names = new Set<string>();
  for (const a of report.accounts?.accounts ?? []) {
    for (const s of [a.incoming, a.outgoing]) if (s?.userName && !s.userName.includes('@')) names.add(s.userName);
    if (a.name && !a.name.includes('@')) names.add(a.name);
    for (const id of a.identities ?? []) {
      if (id.name && !id.name.includes('@')) names.add(id.name);
      if (id.outgoing?.userName && !id.outgoing.userName.includes('@')) names.add(id.outgoing.userName);
    }
  }
  const all: string[] = [];
  collectStrings(report, all);
  for (const s of all) for (const m of s.matchAll(HOME_RE)) if (!NOT_PEOPLE.has(m[1].toLowerCase())) names.add(m[1]);
  // Labels of server names stay readable: the technician needs the hosts.
  const hostLabels = new Set<string>();
  const hosts = [
    ...report.endpoints.map((e) => e.host),
    ...(report.accounts?.accounts ?? []).flatMap((a) => [a.incoming?.host, a.outgoing?.host]),
  ].filter((h): h is string => !!h);
  for (const h of hosts) for (const label of h.toLowerCase().split('.')) hostLabels.add(label);
  return [...names]
    .filter((n) => n.trim().length >= 3 && !TOO_COMMON.has(n.toLowerCase()) && !hostLabels.has(n.toLowerCase()))
    .sort((a, b) => b.length - a.length);
}

/** A copy of the report with e-mail local parts and user names replaced by stable placeholders. */
export function redactReport(report: Report): Report {
  const names = sensitiveNames(report);
  const nameIds = new Map(names.map((n, i) => [n, `${REDACTED_USER}${i + 1}`]));
  const emailIds = new Map<string, string>();
  const nameRe = names.length ? new RegExp(`(?<![A-Za-z0-9])(${names.map(escapeRe).join('|')})(?![A-Za-z0-9])`, 'g') : null;
  const visit = (s: string): string => {
    let out = s.replace(EMAIL_RE, (_all, local: string, domain: string) => {
      const key = local.toLowerCase();
      if (!emailIds.has(key)) emailIds.set(key, `indirizzo${emailIds.size + 1}`);
      return `${emailIds.get(key)}@${domain}`;
    });
    if (nameRe) out = out.replace(nameRe, (n) => nameIds.get(n) ?? REDACTED_USER);
    return out;
  };
  const copy = walkStrings(report, visit) as Report;
  // Login fields are replaced whatever they hold (also when too common to replace everywhere).
  for (const a of copy.accounts?.accounts ?? []) {
    for (const srv of [a.incoming, a.outgoing, ...(a.identities ?? []).map((i) => i.outgoing)]) {
      if (srv?.userName && !/^(indirizzo\d+@|utente\d+$)/.test(srv.userName)) srv.userName = REDACTED_USER;
    }
  }
  copy.redacted = true;
  return copy;
}

// Building findings from the catalogue, and small facts several rules share.
import type { Finding, FixLink, RuleInput, Severity } from '../types';
import type { Params } from '../catalogue';
import { CATALOGUE_BY_ID, LINKS, WEBMAIL_STEP_KNOWN, WEBMAIL_STEP_UNKNOWN, fillText } from '../catalogue';
import type { Text } from '../../util/text';
import { text } from '../../util/text';
import { PROVIDERS, providerById } from '../../accounts/providers';
import type { Provider } from '../../accounts/providers';
import { domainOf, providerByDomain } from '../../accounts/provider-match';
import type { Account } from '../../accounts/types';

export interface MakeOptions {
  severity?: Severity;
  subject?: string;
  /**
   * Adds the "use the webmail meanwhile" stop-gap (with the user's provider webmail when known).
   * `null` (DerivedFacts.webmails when the computer is offline): no webmail advice, it cannot work.
   */
  webmail?: Webmail[] | null;
  /** Replaces the catalogue's title (a variant for one case). */
  title?: Text;
  extraSteps?: Text[];
  /** Replaces the catalogue's steps (a variant of the fix for one case). */
  steps?: Text[];
  /** Replaces the catalogue's explanation (a variant for one case). */
  detail?: Text;
}

export interface Webmail {
  url: string;
  provider: string;
}

export function makeFinding(id: string, params: Params, evidence: unknown[], options: MakeOptions = {}): Finding {
  const entry = CATALOGUE_BY_ID.get(id);
  if (!entry) throw new Error(`finding "${id}" is not in the catalogue`);
  const steps = (options.steps ?? entry.steps).map((s) => fillText(s, params));
  if (options.extraSteps) steps.push(...options.extraSteps.map((s) => fillText(s, params)));
  const links: FixLink[] = entry.links.map((k) => LINKS[k]);
  if (options.webmail) {
    if (options.webmail.length > 0) {
      const urls = options.webmail.map((w) => w.url);
      steps.push(fillText(WEBMAIL_STEP_KNOWN, { webmail: text(urls.join(' oppure '), urls.join(' or ')) }));
      for (const w of options.webmail) links.push({ url: w.url, label: text(`Webmail ${w.provider}`, `${w.provider} webmail`) });
    } else {
      steps.push(WEBMAIL_STEP_UNKNOWN);
    }
  }
  const finding: Finding = {
    id,
    severity: options.severity ?? entry.severity,
    title: fillText(options.title ?? entry.title, params),
    detail: fillText(options.detail ?? entry.detail, params),
    evidence,
    fix: { steps, links },
  };
  if (options.subject !== undefined) finding.subject = options.subject;
  return finding;
}

/**
 * The user's providers from OUR catalogue (by id, or by the address's domain), never the names or
 * URLs a saved report carries: typed addresses first, then the providers of found accounts.
 */
export function userProviders(input: RuleInput): Provider[] {
  const out: Provider[] = [];
  const add = (p: Provider | undefined) => {
    if (p && !out.includes(p)) out.push(p);
  };
  for (const l of input.context.lookups) add(providerById(l.provider?.id) ?? providerByDomain(domainOf(l.email)));
  for (const a of input.accounts?.accounts ?? []) add(PROVIDERS.find((x) => x.id === a.provider || x.name === a.provider));
  return out;
}

/** Host names of PEC services we recognise without the provider catalogue (second-level names of the accredited providers' hosts, as in src/accounts/providers.ts). */
const PEC_HOST_HINTS =
  /(^|\.)(pec\.|legalmail\.it$|postecert\.it$|sicurezzapostale\.it$|telecompost\.it$|twtcert\.it$|pec-email\.com$|postacert|actalis\.it$|arubapec\.it$)/i;

export function isPecAccount(a: Account): boolean {
  if (a.provider) return true;
  const hosts = [a.incoming?.host, a.outgoing?.host].filter((h): h is string => !!h);
  const domain = (a.email ?? '').split('@')[1] ?? '';
  return (
    hosts.some((h) => PEC_HOST_HINTS.test(h)) || /(^|\.)pec\./i.test(domain) || /^(pec\.it|legalmail\.it|postecert\.it)$/i.test(domain)
  );
}

export function accountLabel(a: Account): string {
  return a.email ?? a.name ?? `${a.client} (${a.profile})`;
}

/** Which mail programs of this machine use Windows' own TLS (SChannel). */
export function schannelMailClients(input: RuleInput): string[] {
  const names = new Set<string>();
  for (const c of input.inventory?.clients ?? []) {
    if (c.id === 'outlook') names.add('Outlook');
    if (c.id === 'windowslivemail') names.add('Windows Live Mail');
  }
  for (const a of input.accounts?.accounts ?? []) {
    if (a.client === 'outlook') names.add('Outlook');
    if (a.client === 'windowslivemail') names.add('Windows Live Mail');
  }
  return [...names];
}

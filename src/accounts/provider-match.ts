// Which PEC provider an address or a server belongs to: by e-mail domain, by server host, or
// for a custom domain by its MX records (docs/facts/pec-providers.md §3 note 4: mx.cert.legalmail.it →
// InfoCert, *.sicurezzapostale.it → Namirial, mail.telecompost.it → TI.TT, server.pec-email.com →
// Register). DNS goes through an injectable resolver with a timeout; tests pass a fake one.
import * as dns from 'dns';
import type { Evidence } from '../util/evidence';
import type { Provider } from './providers';
import { PROVIDERS, serviceOf } from './providers';
import type { ProviderMatch } from './types';

export interface MxRecord {
  exchange: string;
  priority: number;
}
export type MxResolver = (domain: string) => Promise<MxRecord[]>;

export const systemMxResolver: MxResolver = (domain) => dns.promises.resolveMx(domain);

const norm = (host: string): string => host.trim().toLowerCase().replace(/\.$/, '');

export const domainOf = (email: string | null | undefined): string => {
  const at = (email ?? '').lastIndexOf('@');
  return at < 0 ? '' : norm((email as string).slice(at + 1));
};

export function providerByDomain(domain: string): Provider | undefined {
  const d = norm(domain);
  if (!d) return undefined;
  return PROVIDERS.find((p) => p.domains.includes(d) || p.domainSuffixes.some((s) => d.endsWith(`.${s}`)));
}

/** Every host the provider publishes. */
export const providerHosts = (p: Provider): string[] => [p.imap, p.pop3, p.smtp].filter((s) => s !== null).map((s) => norm(s.host));

/**
 * The zone of a published host: the host without its first label (imaps.pec.aruba.it →
 * pec.aruba.it), when two labels remain. A host in that zone that is not published (for example
 * smtp.pec.aruba.it) still belongs to the provider, and is then reported as a wrong host.
 */
export function providerZones(p: Provider): string[] {
  const zones = new Set<string>();
  for (const h of providerHosts(p)) {
    const rest = h.split('.').slice(1);
    if (rest.length >= 2) zones.add(rest.join('.'));
  }
  return [...zones];
}

export function providerByHost(host: string | null | undefined): Provider | undefined {
  if (!host) return undefined;
  const h = norm(host);
  return (
    PROVIDERS.find((p) => providerHosts(p).includes(h)) ??
    PROVIDERS.find((p) => providerZones(p).some((z) => h === z || h.endsWith(`.${z}`)))
  );
}

export function providerByMx(records: MxRecord[]): Provider | undefined {
  const hosts = [...records].sort((a, b) => a.priority - b.priority).map((r) => norm(r.exchange));
  for (const h of hosts) {
    const p = PROVIDERS.find((x) => x.mx.some((m) => (m.startsWith('.') ? h.endsWith(m) : h === m)));
    if (p) return p;
  }
  return undefined;
}

export interface MxLookup {
  records: MxRecord[] | null;
  evidence: Evidence;
}

/** MX records with a deadline; never throws. */
export async function lookupMx(domain: string, resolver: MxResolver, timeoutMs: number): Promise<MxLookup> {
  const source = `dns MX ${domain}`;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const records = await Promise.race([resolver(domain), timeout]);
    return { records, evidence: { source, raw: records.map((r) => `${r.priority} ${r.exchange}`).join('\n') } };
  } catch (err) {
    return {
      records: null,
      evidence: { source, error: (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err)) },
    };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export interface MatchOptions {
  /** null disables DNS (offline use, tests that want no MX step). */
  resolveMx?: MxResolver | null;
  mxTimeoutMs?: number;
  /** Cache shared by the accounts of one run, so a domain is asked once. */
  mxCache?: Map<string, Promise<MxLookup>>;
}

export interface ProviderMatchResult {
  provider: Provider | null;
  match: ProviderMatch;
  evidence: Evidence[];
}

/** Domain first, then the configured hosts, then the MX of the domain. */
export async function matchProvider(
  email: string | null,
  hosts: (string | null | undefined)[],
  options: MatchOptions = {},
): Promise<ProviderMatchResult> {
  const domain = domainOf(email);
  const byDomain = providerByDomain(domain);
  if (byDomain) return { provider: byDomain, match: 'domain', evidence: [] };
  for (const h of hosts) {
    const p = providerByHost(h);
    if (p) return { provider: p, match: 'host', evidence: [] };
  }
  const resolver = options.resolveMx === undefined ? systemMxResolver : options.resolveMx;
  if (!domain || !resolver) return { provider: null, match: null, evidence: [] };
  const cache = options.mxCache ?? new Map<string, Promise<MxLookup>>();
  let pending = cache.get(domain);
  if (!pending) {
    pending = lookupMx(domain, resolver, options.mxTimeoutMs ?? 3000);
    cache.set(domain, pending);
  }
  const mx = await pending;
  const p = mx.records ? providerByMx(mx.records) : undefined;
  return { provider: p ?? null, match: p ? 'mx' : null, evidence: [mx.evidence] };
}

export { serviceOf };

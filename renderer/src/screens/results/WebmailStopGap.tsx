// When mail is blocked: the provider's webmail as a stop-gap, for every provider we know of
// (addresses typed for this run, found accounts), resolved through lookupAddress.
import { useEffect, useState } from 'react';
import type { AddressLookup, BridgeApi, Report } from '../../../../src/api';
import { useI18n } from '../../i18n';
import { OfficialLink } from '../../components/OfficialLink';

type Provider = NonNullable<AddressLookup['provider']>;

export function mailBlocked(report: Report): boolean {
  return report.verdict?.status === 'error' || (report.findings ?? []).some((f) => f.severity === 'error');
}

export function WebmailStopGap({ api, report }: { api: BridgeApi; report: Report }) {
  const { m } = useI18n();
  const [providers, setProviders] = useState<Provider[]>([]);

  useEffect(() => {
    let live = true;
    const known: Provider[] = [];
    const add = (p: Provider | null | undefined) => {
      if (p && p.webmail && !known.some((k) => k.id === p.id)) known.push(p);
    };
    // `context.lookups` (the typed addresses, resolved) is in reports of newer cores only.
    const context = (report as { context?: { lookups?: AddressLookup[] } }).context;
    for (const l of context?.lookups ?? []) add(l?.provider);
    const emails = [...new Set((report.accounts?.accounts ?? []).map((a) => a.email).filter((e): e is string => !!e && e.includes('@')))];
    setProviders([...known]);
    if (emails.length === 0) return;
    void Promise.all(emails.map((e) => api.lookupAddress(e).catch(() => null))).then((results) => {
      for (const r of results) add(r?.provider);
      if (live) setProviders([...known]);
    });
    return () => {
      live = false;
    };
  }, [api, report]);

  if (!mailBlocked(report) || providers.length === 0) return null;
  return (
    <section className="panel webmail" aria-labelledby="webmail-h" data-testid="webmail">
      <h2 id="webmail-h">{m.webmailHeading}</h2>
      <p>{m.webmailIntro}</p>
      <p className="links">
        {providers.map((p) => (
          <OfficialLink key={p.id} api={api} url={p.webmail as string} className="button button-primary">
            {m.webmailButton(p.name)}
          </OfficialLink>
        ))}
      </p>
    </section>
  );
}

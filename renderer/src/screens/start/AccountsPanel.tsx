// The PEC accounts found on this machine, with their provider's name from our catalogue.
import { useEffect, useState } from 'react';
import type { AccountsResult, BridgeApi } from '../../../../src/api';
import { useI18n } from '../../i18n';
import { Icon } from '../../components/Icons';
import type { Account } from '../../types';
import { clientName, serverText } from '../../components/accountText';
import { looksLikeEmail } from './form';

export function AccountsPanel({ api, id, accounts }: { api: BridgeApi; id: string; accounts: AccountsResult | null | 'error' }) {
  const { m } = useI18n();
  const found = accounts && accounts !== 'error' ? accounts.accounts : [];
  return (
    <section className="panel accounts" aria-labelledby={`${id}-acc`} aria-busy={accounts === null}>
      <h2 id={`${id}-acc`}>{m.accountsHeading}</h2>
      {accounts === null ? (
        <p className="muted" role="status">
          <Icon name="running" /> {m.accountsSearching}
        </p>
      ) : accounts === 'error' ? (
        <p className="muted">{m.accountsError}</p>
      ) : found.length === 0 ? (
        <p data-testid="no-accounts">{m.accountsNone}</p>
      ) : (
        <>
          <p>{m.accountsFound(found.length)}</p>
          <AccountsTable api={api} accounts={found} />
        </>
      )}
    </section>
  );
}

/** Accounts name their provider by id: the catalogue (through lookupAddress) gives its name. */
function useProviderNames(api: BridgeApi, accounts: Account[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    const emails = [...new Set(accounts.map((a) => a.email).filter((e): e is string => !!e && looksLikeEmail(e)))];
    void Promise.all(emails.map((e) => api.lookupAddress(e).catch(() => null))).then((found) => {
      const next: Record<string, string> = {};
      for (const l of found) if (l?.provider) next[l.provider.id] = l.provider.name;
      if (live) setNames(next);
    });
    return () => {
      live = false;
    };
  }, [api, accounts]);
  return names;
}

function AccountsTable({ api, accounts }: { api: BridgeApi; accounts: Account[] }) {
  const { m } = useI18n();
  const names = useProviderNames(api, accounts);
  return (
    <div className="table-scroll">
      <table className="table accounts-table">
        <thead>
          <tr>
            <th scope="col">{m.colClient}</th>
            <th scope="col">{m.colAddress}</th>
            <th scope="col">{m.colProvider}</th>
            <th scope="col">{m.colServer}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a, i) => (
            <tr key={`${a.client}-${a.profile}-${a.email ?? i}`}>
              <td>{clientName(a.client)}</td>
              <td className="break">{a.email ?? m.unknown}</td>
              <td>{a.provider ? (names[a.provider] ?? a.provider) : m.unknown}</td>
              <td className="break">
                <span className="server-line">
                  {m.incomingShort}: {serverText(a.incoming, m)}
                </span>
                <span className="server-line">
                  {m.outgoingShort}: {serverText(a.outgoing, m)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

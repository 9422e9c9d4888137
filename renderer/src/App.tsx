import { useEffect, useState } from 'react';
import type { AccountsResult, AppInfo, BridgeApi } from '../../src/api';

export function App({ api }: { api: BridgeApi }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [accounts, setAccounts] = useState<AccountsResult | null>(null);
  useEffect(() => {
    void api.getAppInfo().then(setInfo);
    void api.findAccounts().then(setAccounts);
  }, [api]);
  return (
    <main>
      <h1>PEC Doctor</h1>
      <p>Controlla perché la tua PEC non si collega e ti spiega come risolvere.</p>
      <p data-testid="version">{info ? `Versione ${info.version}` : 'Caricamento…'}</p>
      <p data-testid="accounts">{accounts ? `Account PEC trovati: ${accounts.accounts.length}` : 'Ricerca degli account…'}</p>
    </main>
  );
}

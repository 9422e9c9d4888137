// In the browser (`pec-doctor ui`): when the local program behind the page has stopped, or this
// tab's session is no longer valid, a plain message on top of the page (kept in view while
// scrolling) says what happened and how to carry on; what is on screen stays readable. "Riprova"
// checks again: the banner goes away as soon as PEC Doctor answers. Nothing in Electron.
import { useEffect, useState } from 'react';
import type { BridgeApi, Text } from '../../../src/api';
import { connectionOf, type ConnectionState } from '../bridge';
import { useI18n } from '../i18n';
import { Icon } from './Icons';

const T = {
  goneTitle: { it: 'PEC Doctor non risponde più', en: 'PEC Doctor no longer answers' },
  gone: {
    it: 'Il programma «pec-doctor ui», che fa funzionare questa pagina, è stato chiuso. Quello che vedi resta sullo schermo, ma per fare un nuovo controllo o salvare il rapporto bisogna riaprirlo.',
    en: 'The “pec-doctor ui” program behind this page has stopped. What you see stays on screen, but to run a new check or save the report it must be started again.',
  },
  sessionTitle: { it: 'Questa scheda non è più collegata a PEC Doctor', en: 'This tab is no longer connected to PEC Doctor' },
  session: {
    it: 'PEC Doctor è stato riaperto in un’altra scheda, oppure questa scheda è stata aperta a mano. Continua nella scheda aperta da PEC Doctor e chiudi questa.',
    en: 'PEC Doctor was opened again in another tab, or this tab was opened by hand. Go on in the tab PEC Doctor opened, and close this one.',
  },
  howBefore: { it: 'Per riaprirlo: nel terminale scrivi', en: 'To start it again: type' },
  howAfter: { it: 'e premi Invio; si aprirà una nuova scheda.', en: 'in the terminal and press Enter; a new tab opens.' },
  retry: { it: 'Riprova', en: 'Try again' },
  checking: { it: 'Verifica in corso…', en: 'Checking…' },
  still: { it: 'PEC Doctor non risponde ancora.', en: 'PEC Doctor still does not answer.' },
} satisfies Record<string, Text>;

export function BridgeStatus({ api }: { api: BridgeApi }) {
  const { tx } = useI18n();
  const connection = connectionOf(api);
  const [state, setState] = useState<ConnectionState>(connection.state());
  const [checking, setChecking] = useState(false);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    setState(connection.state()); // a change between the first render and the subscription
    return connection.subscribe(setState);
  }, [connection]);
  if (state === 'ok') return null;

  const retry = async () => {
    setChecking(true);
    const now = await connection.check();
    setChecking(false);
    setTried(now !== 'ok');
    setState(now);
  };
  return (
    <div className="notice notice-error bridge-status" role="alert" data-testid="bridge-status">
      <p>
        <Icon name="offline" /> <strong>{tx(state === 'gone' ? T.goneTitle : T.sessionTitle)}</strong>
      </p>
      <p>{tx(state === 'gone' ? T.gone : T.session)}</p>
      <p>
        {tx(T.howBefore)} <code>npx pec-doctor ui</code> {tx(T.howAfter)}
      </p>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => void retry()} disabled={checking}>
          {tx(checking ? T.checking : T.retry)}
        </button>
      </div>
      {tried && !checking && <p className="notice-detail">{tx(T.still)}</p>}
    </div>
  );
}

// In the technician view of the desktop app: where today's log file is (issue #21), so that a
// technician on the phone can ask for it. The web UI has no log file: nothing is shown there.
import { useEffect, useState } from 'react';
import type { BridgeApi } from '../../../../src/api';
import { useI18n } from '../../i18n';

export function LogFileLine({ api }: { api: Pick<BridgeApi, 'getAppInfo'> }) {
  const { tx } = useI18n();
  const [file, setFile] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.getAppInfo().then(
      (info) => live && setFile(typeof info.logFile === 'string' ? info.logFile : null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  if (!file) return null;
  return (
    <p className="hint log-file" data-testid="log-file">
      {tx({ it: 'File di log di oggi (Aiuto ▸ Apri la cartella dei log): ', en: "Today's log file (Aiuto ▸ Apri la cartella dei log): " })}
      <code className="break">{file}</code>
    </p>
  );
}

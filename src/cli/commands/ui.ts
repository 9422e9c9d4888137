import * as fs from 'fs';
import * as path from 'path';
import type { Command } from '../command';
import { UsageError, writeJson } from '../command';
import { startWebBridge } from '../../web/server';
import { openInBrowser } from '../../web/open-browser';
import { writeHandoverFile, type HandoverFile } from '../../web/handover';
import { appRoot } from '../../version';

export const uiCommand: Command = {
  name: 'ui',
  summary: "apre l'interfaccia nel browser (senza Electron) / open the UI in the browser",
  options: {
    port: { type: 'string', arg: '<n>', description: 'porta locale (predefinita: casuale) / local port' },
    'no-open': { type: 'boolean', description: 'non aprire il browser / do not open the browser' },
  },
  async run(ctx) {
    const staticDir = path.join(appRoot(), 'dist', 'renderer');
    if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
      ctx.stderr.write(`Interfaccia non compilata (${staticDir}): esegui prima "npm run build".\n`);
      return 1;
    }
    const port = ctx.values.port === undefined ? 0 : Number(ctx.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port non valida: ${String(ctx.values.port)}`);
    const bridge = await startWebBridge({ staticDir, port });
    // The browser gets a file path, not the tokened URL: `ps` shows every command line to
    // every local user. Our own terminal (stdout) may show the URL.
    let handover: HandoverFile | null = null;
    // Ctrl-C arrives as ctx.signal; a service manager or a closed terminal sends SIGTERM/SIGHUP,
    // which would otherwise end the process before the hand-over folder is removed (#21).
    const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];
    let onSignal = (): void => undefined;
    const stopped = new Promise<void>((resolve) => {
      onSignal = resolve;
      for (const s of signals) process.once(s, onSignal);
      if (ctx.signal.aborted) resolve();
      ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    try {
      if (!ctx.values['no-open']) handover = writeHandoverFile(bridge.issueLoginUrl());
      if (ctx.json) writeJson(ctx, { url: bridge.url, port: bridge.port, handoverFile: handover?.path ?? null });
      else ctx.stdout.write(`PEC Doctor è aperto su ${bridge.url}\n(Ctrl-C per chiudere / to quit)\n`);
      if (handover) {
        const opened = await openInBrowser(handover.path);
        if (!opened) ctx.stderr.write("Non riesco ad aprire il browser: copia l'indirizzo qui sopra.\n");
      }
      await stopped;
    } finally {
      for (const s of signals) process.removeListener(s, onSignal);
      handover?.remove();
      await bridge.close();
    }
    return 0;
  },
};

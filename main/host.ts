// The host side of the contract in the desktop app: save dialogs (JSON, HTML, and PDF printed by
// Chromium from the HTML report) and the allow-listed external links.
import { BrowserWindow, dialog, shell } from 'electron';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CoreApi, HostApi, ReportFormat } from '../src/api';
import { externalUrlRefusal } from '../src/links';

const FILTERS: Record<ReportFormat, Electron.FileFilter> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  html: { name: 'Pagina web (HTML)', extensions: ['html'] },
  json: { name: 'Dati per il tecnico (JSON)', extensions: ['json'] },
};

export function createHostApi(core: CoreApi, parent: () => BrowserWindow | null): HostApi {
  return {
    async saveReport(report, format, redact) {
      const file = await core.renderReport(report, format === 'pdf' ? 'html' : format, redact);
      const defaultName = format === 'pdf' ? file.fileName.replace(/\.html$/, '.pdf') : file.fileName;
      const win = parent();
      const options = {
        title: 'Salva rapporto',
        defaultPath: path.join(os.homedir(), defaultName),
        filters: [FILTERS[format]],
      };
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
      const data = format === 'pdf' ? await htmlToPdf(file.content) : Buffer.from(file.content, 'utf8');
      // Write beside, then rename: a failed write never leaves half a report in place of a good one.
      const tmp = `${choice.filePath}.partial`;
      await fs.promises.writeFile(tmp, data);
      await fs.promises.rename(tmp, choice.filePath);
      return { status: 'saved', path: choice.filePath };
    },
    // Issue #12: save dialog for the .reg and its undo (main/ owner fills it in).
    saveRegFix: () => Promise.reject(new Error('saveRegFix: not yet implemented')),
    async openExternal(url) {
      const reason = externalUrlRefusal(url);
      if (reason) return { status: 'refused', reason };
      await shell.openExternal(url);
      return { status: 'opened' };
    },
  };
}

/** Prints the self-contained HTML report to an A4 PDF in a hidden, script-less window. */
async function htmlToPdf(html: string): Promise<Buffer> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pec-doctor-'));
  const file = path.join(dir, 'report.html');
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await fs.promises.writeFile(file, html, 'utf8');
    await win.loadFile(file);
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
  } finally {
    win.destroy();
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

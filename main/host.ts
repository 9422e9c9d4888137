// The host side of the contract in the desktop app: save dialogs (JSON, HTML, and PDF printed by
// Chromium from the HTML report; the .reg fix with its undo file) and the allow-listed external
// links.
import { BrowserWindow, dialog, shell } from 'electron';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CoreApi, HostApi, ReportFile, ReportFormat } from '../src/api';
import { checkExternalUrl } from '../src/links';
import { safeWriteFile, SafeWriteError } from '../src/platform/safe-write';
import { log } from '../src/log/index';
import { createRepairHost } from './repair-host';

const FILTERS: Record<ReportFormat, Electron.FileFilter> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  html: { name: 'Pagina web (HTML)', extensions: ['html'] },
  json: { name: 'Dati per il tecnico (JSON)', extensions: ['json'] },
};

export function createHostApi(core: CoreApi, parent: () => BrowserWindow | null): HostApi {
  return {
    ...createRepairHost(),
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
      const data = format === 'pdf' ? await htmlToPdf(file.content) : contentOf(file);
      await writeAtomically(choice.filePath, data);
      log.fileWritten(choice.filePath, { what: 'report', format, redact });
      return { status: 'saved', path: choice.filePath };
    },
    async saveRegFix(report) {
      const reg = await core.renderRegFix(report);
      if (reg.status !== 'ready') throw new Error(reg.reason.it);
      const win = parent();
      const options = {
        title: 'Salva la correzione (.reg)',
        defaultPath: path.join(os.homedir(), reg.fix.fileName),
        filters: [{ name: 'File di registro di Windows (.reg)', extensions: ['reg'] }],
      };
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
      const fixPath = /\.reg$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.reg`;
      await writeAtomically(fixPath, contentOf(reg.fix));
      // The undo goes next to the fix; an older undo file there (perhaps the only way back to the
      // machine's original settings) is never overwritten: the next free name is used.
      log.fileWritten(fixPath, { what: 'reg-fix' });
      const undoPath = await writeNew(undoPathFor(fixPath), contentOf(reg.undo));
      log.fileWritten(undoPath, { what: 'reg-undo' });
      return { status: 'saved', path: fixPath, also: [undoPath] };
    },
    async openExternal(url) {
      const check = checkExternalUrl(url);
      if (!check.ok) return { status: 'refused', reason: check.reason };
      // The canonical form that passed the check, never the raw string.
      await shell.openExternal(check.href);
      return { status: 'opened' };
    },
  };
}

/** `C:\…\correzione.reg` → `C:\…\correzione-annulla.reg`. */
export function undoPathFor(fixPath: string): string {
  return fixPath.replace(/(\.reg)?$/i, '-annulla.reg');
}

/** A report file's bytes: base64 for binary content (the UTF-16LE .reg files), text otherwise. */
export function contentOf(file: ReportFile): Buffer {
  return file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
}

/**
 * Write beside, then rename (src/platform/safe-write.ts): a failed write never leaves half a file
 * in place of a good one, and the temporary file is created exclusively with a random name, so a
 * link planted at `<name>.partial` is never followed (issue #20.5). The dialog asked about replacing.
 */
async function writeAtomically(file: string, data: Buffer): Promise<void> {
  try {
    await safeWriteFile(file, data, { overwrite: true });
  } catch (err) {
    throw new Error(err instanceof SafeWriteError && err.reason === 'not-regular' ? `${err.message}.` : writeFailure(file, err));
  }
}

// The system's reasons, said for people (the raw text is "ENOENT: no such file or directory, open …").
const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'la cartella non esiste',
  ENOTDIR: 'la cartella non esiste',
  EACCES: 'non hai il permesso di scrivere in questa cartella',
  EPERM: 'non hai il permesso di scrivere in questa cartella',
  EROFS: 'il disco è di sola lettura',
  ENOSPC: 'il disco è pieno',
  EISDIR: 'esiste già una cartella con questo nome',
  EBUSY: 'il file è aperto in un altro programma',
};

export function writeFailure(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  const why = WRITE_ERRORS[code] ?? `errore del sistema ${code || 'sconosciuto'}`;
  return `Non è stato possibile scrivere ${file}: ${why}.`;
}

/** Writes a file that did not exist: `x.reg`, else `x-2.reg`, `x-3.reg`…; returns the path used. */
async function writeNew(file: string, data: Buffer): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? file : file.replace(/\.reg$/i, `-${n}.reg`);
    try {
      await safeWriteFile(candidate, data, { overwrite: false });
      return candidate;
    } catch (err) {
      if (!(err instanceof SafeWriteError && err.reason !== 'io')) throw new Error(writeFailure(candidate, err));
    }
  }
  throw new Error(`Troppi file di annullamento accanto a ${file}: spostane qualcuno e riprova.`);
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

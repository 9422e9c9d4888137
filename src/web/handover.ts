// The hand-over file of `pec-doctor ui`, as notebook servers do it: a tiny HTML page in a
// private folder (0700, file 0600) that sends the browser to the bridge's one-time login URL.
// The browser is started with the file's path, so the command line that every local user can
// read with `ps` holds no secret; the code inside works once and expires (src/web/server.ts).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

export interface HandoverFile {
  /** Path of the file (give this, or `url`, to the browser). */
  path: string;
  url: string;
  remove(): void;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function writeHandoverFile(loginUrl: string, dir: string = os.tmpdir()): HandoverFile {
  const folder = fs.mkdtempSync(path.join(dir, 'pec-doctor-ui-'));
  fs.chmodSync(folder, 0o700);
  const file = path.join(folder, 'apri-pec-doctor.html');
  const href = escapeHtml(loginUrl);
  const html =
    '<!doctype html><html lang="it"><head><meta charset="utf-8">' +
    `<meta http-equiv="refresh" content="0;url=${href}">` +
    '<meta name="referrer" content="no-referrer"><title>PEC Doctor</title></head>' +
    `<body><p><a href="${href}">Apri PEC Doctor</a> (Open PEC Doctor)</p></body></html>\n`;
  // 'wx' + mode: created new, readable by this user only, never through a planted symlink.
  fs.writeFileSync(file, html, { mode: 0o600, flag: 'wx' });
  return {
    path: file,
    url: pathToFileURL(file).href,
    remove: () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

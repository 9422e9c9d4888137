// The application menu, in Italian (the app's users are Italian law offices). The Edit menu uses
// Electron's standard roles: on macOS the keyboard shortcuts (Cmd+V…) exist only through them.
// Types only: the template is pure data (unit-tested without Electron); main.ts builds it.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  platform: NodeJS.Platform;
  /** Help ▸ Apri la cartella dei log. */
  openLogFolder: () => void;
  /** Help ▸ Informazioni su PEC Doctor on Windows and Linux (macOS has the app menu's own panel). */
  showAbout: () => void;
}

export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = actions.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = {
    label: 'PEC Doctor',
    submenu: [
      { role: 'about', label: 'Informazioni su PEC Doctor' },
      { type: 'separator' },
      { role: 'services', label: 'Servizi' },
      { type: 'separator' },
      { role: 'hide', label: 'Nascondi PEC Doctor' },
      { role: 'hideOthers', label: 'Nascondi altre' },
      { role: 'unhide', label: 'Mostra tutte' },
      { type: 'separator' },
      { role: 'quit', label: 'Esci da PEC Doctor' },
    ],
  };
  return [
    ...(mac ? [appMenu] : []),
    { label: 'File', submenu: [mac ? { role: 'close', label: 'Chiudi finestra' } : { role: 'quit', label: 'Esci' }] },
    {
      label: 'Modifica',
      submenu: [
        { role: 'undo', label: 'Annulla' },
        { role: 'redo', label: 'Ripeti' },
        { type: 'separator' },
        { role: 'cut', label: 'Taglia' },
        { role: 'copy', label: 'Copia' },
        { role: 'paste', label: 'Incolla' },
        { role: 'selectAll', label: 'Seleziona tutto' },
      ],
    },
    {
      label: 'Vista',
      submenu: [
        { role: 'resetZoom', label: 'Dimensione reale' },
        { role: 'zoomIn', label: 'Ingrandisci' },
        { role: 'zoomOut', label: 'Riduci' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Schermo intero' },
      ],
    },
    {
      label: 'Finestra',
      submenu: [
        { role: 'minimize', label: 'Riduci a icona' },
        { role: 'close', label: 'Chiudi' },
      ],
    },
    {
      label: 'Aiuto',
      submenu: [
        { label: 'Apri la cartella dei log', click: () => actions.openLogFolder() },
        ...(mac ? [] : [{ type: 'separator' as const }, { label: 'Informazioni su PEC Doctor', click: () => actions.showAbout() }]),
      ],
    },
  ];
}

/** What the About box says (Windows and Linux; macOS builds its panel from the same facts). */
export function aboutText(version: string, electronVersion: string, logFolder: string): { message: string; detail: string } {
  return {
    message: `PEC Doctor ${version}`,
    detail: `Diagnostica della PEC e di TLS 1.2.\nVersione ${version} (Electron ${electronVersion}).\nCartella dei log: ${logFolder}`,
  };
}

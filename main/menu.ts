// The application menu, in Italian (the app's users are Italian law offices).
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function italianMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const, label: 'PEC Doctor' }] : []),
    { label: 'File', submenu: [{ role: 'quit', label: 'Esci' }] },
    {
      label: 'Modifica',
      submenu: [
        { role: 'copy', label: 'Copia' },
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
  ];
  return Menu.buildFromTemplate(template);
}

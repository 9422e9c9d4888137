// Right-click in a text field: Taglia / Copia / Incolla / Seleziona tutto, each enabled as
// Chromium says it can be done there; on selected text elsewhere, Copia. Nothing otherwise.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

export type ContextParams = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>;

export function contextMenuTemplate(params: ContextParams): MenuItemConstructorOptions[] {
  const flags = params.editFlags;
  if (params.isEditable) {
    return [
      { role: 'cut', label: 'Taglia', enabled: flags.canCut },
      { role: 'copy', label: 'Copia', enabled: flags.canCopy },
      { role: 'paste', label: 'Incolla', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: 'Seleziona tutto', enabled: flags.canSelectAll },
    ];
  }
  if (params.selectionText.trim() !== '') return [{ role: 'copy', label: 'Copia', enabled: flags.canCopy }];
  return [];
}

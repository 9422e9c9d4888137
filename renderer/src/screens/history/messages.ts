// Sentences of the history and comparison screens. Italian first; `en` has the type of `it`, so a
// key missing from either language is a compile error. i18n/index.ts merges every screen's messages.
export const it = {
  historyButton: 'Diagnosi precedenti',
  historyHeading: 'Diagnosi precedenti su questo computer',
  historyIntro: 'Le ultime diagnosi restano solo su questo computer. Scegline due per vedere cosa è cambiato.',
  historyEmpty: 'Nessuna diagnosi salvata su questo computer.',
  historyLoading: 'Carico la cronologia…',
  historyError: 'Non è stato possibile leggere la cronologia.',
  historyOpen: 'Apri',
  historyDelete: 'Elimina',
  historyDeleteAll: 'Elimina tutta la cronologia',
  historyDeleted: (n: number) => (n === 1 ? 'Eliminata 1 diagnosi.' : `Eliminate ${n} diagnosi.`),
  historyPick: (date: string) => `Scegli per il confronto la diagnosi del ${date}`,
  historyCompare: 'Confronta le due diagnosi scelte',
  historyPickTwo: 'Scegli due diagnosi da confrontare.',
  historyBack: 'Torna all’inizio',
  historyCounts: (e: number, w: number) => `${e} da risolvere, ${w} da controllare`,
  historyColDate: 'Data',
  historyColResult: 'Esito',
  historyColActions: 'Azioni',
  historyColPick: 'Confronta',
  historyColChecked: 'Cosa è stato controllato',
  historyCheckedNone: 'solo questo computer',
  historyCheckedMore: (n: number) => `e altri ${n}`,
  historyConfirmOne: (date: string) => `Eliminare la diagnosi del ${date}? Non si può annullare.`,
  historyConfirmAll: (n: number) =>
    n === 1
      ? 'Eliminare l’unica diagnosi salvata? Non si può annullare.'
      : `Eliminare tutte le ${n} diagnosi salvate? Non si può annullare.`,
  historyConfirmYes: 'Sì, elimina',
  historyConfirmNo: 'Annulla',
  compareDifferent:
    'Sono controlli diversi: hanno verificato server o indirizzi diversi, quindi non si può dire cosa è stato risolto. Ripeti il controllo degli stessi server per un confronto prima e dopo.',
  compareChecked: (what: string) => `Controllato: ${what}`,
  compareHeading: 'Prima e dopo',
  compareIntro: (before: string, after: string) => `Diagnosi del ${before} confrontata con quella del ${after}.`,
  compareFixed: 'Risolti',
  compareRemaining: 'Ancora presenti',
  compareAdded: 'Nuovi',
  compareNone: 'nessuno',
  compareLoading: 'Confronto le due diagnosi…',
  compareError: 'Non è stato possibile confrontare le diagnosi.',
  compareHistoryOff:
    'La cronologia è disattivata su questo computer: il confronto usa i due risultati ancora aperti in questa finestra, che non restano salvati.',
  compareHistoryFailed:
    'Uno dei due controlli non è stato salvato nella cronologia: il confronto usa i due risultati ancora aperti in questa finestra.',
  compareHistoryGone:
    'I due controlli non si leggono più dalla cronologia: il confronto usa i due risultati ancora aperti in questa finestra.',
};

export const en: typeof it = {
  historyButton: 'Earlier checks',
  historyHeading: 'Earlier checks on this computer',
  historyIntro: 'The latest checks stay on this computer only. Pick two to see what changed.',
  historyEmpty: 'No check saved on this computer.',
  historyLoading: 'Loading the history…',
  historyError: 'The history could not be read.',
  historyOpen: 'Open',
  historyDelete: 'Delete',
  historyDeleteAll: 'Delete the whole history',
  historyDeleted: (n: number) => (n === 1 ? '1 check deleted.' : `${n} checks deleted.`),
  historyPick: (date: string) => `Pick for the comparison the check of ${date}`,
  historyCompare: 'Compare the two checks picked',
  historyPickTwo: 'Pick two checks to compare.',
  historyBack: 'Back to start',
  historyCounts: (e: number, w: number) => `${e} to fix, ${w} to check`,
  historyColDate: 'Date',
  historyColResult: 'Result',
  historyColActions: 'Actions',
  historyColPick: 'Compare',
  historyColChecked: 'What was checked',
  historyCheckedNone: 'this computer only',
  historyCheckedMore: (n: number) => `and ${n} more`,
  historyConfirmOne: (date: string) => `Delete the check of ${date}? This cannot be undone.`,
  historyConfirmAll: (n: number) =>
    n === 1 ? 'Delete the only check saved? This cannot be undone.' : `Delete all ${n} checks saved? This cannot be undone.`,
  historyConfirmYes: 'Yes, delete',
  historyConfirmNo: 'Cancel',
  compareDifferent:
    'These are different checks: they looked at different servers or addresses, so nothing can be called fixed. Check the same servers again for a before and after.',
  compareChecked: (what: string) => `Checked: ${what}`,
  compareHeading: 'Before and after',
  compareIntro: (before: string, after: string) => `Check of ${before} compared with the one of ${after}.`,
  compareFixed: 'Fixed',
  compareRemaining: 'Still there',
  compareAdded: 'New',
  compareNone: 'none',
  compareLoading: 'Comparing the two checks…',
  compareError: 'The checks could not be compared.',
  compareHistoryOff:
    'The history is switched off on this computer: the comparison uses the two results still open in this window, which are not kept.',
  compareHistoryFailed:
    'One of the two checks was not saved in the history: the comparison uses the two results still open in this window.',
  compareHistoryGone:
    'The two checks can no longer be read from the history: the comparison uses the two results still open in this window.',
};

// Sentences of the history and comparison screens. Italian first; `en` has the type of `it`, so a
// key missing from either language is a compile error. i18n/index.ts merges every screen's messages.
export const it = {
  historyButton: 'Diagnosi precedenti',
};

export const en: typeof it = {
  historyButton: 'Earlier checks',
};

// Sentences of opening a saved report. Italian first; `en` has the type of `it`, so a key missing from either
// language is a compile error. i18n/index.ts merges every screen's messages into one catalogue.
export const it = {
  openReportLabel: 'Apri un rapporto salvato…',
  openReportHint: 'Per il tecnico: rilegge un rapporto in formato JSON.',
  openReportButton: 'Apri rapporto',
  openReportReading: 'Lettura del rapporto…',
  openReportCorrupt: 'Questo file non è un rapporto di PEC Doctor leggibile: forse è danneggiato o non è il file giusto.',
};

export const en: typeof it = {
  openReportLabel: 'Open a saved report…',
  openReportHint: 'For the technician: reads back a JSON report.',
  openReportButton: 'Open report',
  openReportReading: 'Reading the report…',
  openReportCorrupt: 'This file is not a readable PEC Doctor report: it may be damaged or the wrong file.',
};

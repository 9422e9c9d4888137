// Sentences of opening a saved report (button, drag and drop, errors in plain words).
// Italian first; `en` has the type of `it` (a key missing from either language is a compile
// error); i18n/index.ts merges every screen's messages into one catalogue.
export const it = {
  openReportLabel: 'Apri un rapporto salvato…',
  openReportHint: 'Per il tecnico: rilegge un rapporto di PEC Doctor (pagina web .html o dati .json). Puoi anche trascinare il file qui.',
  openReportDrop: 'Rilascia qui il rapporto per aprirlo',
  openReportReading: 'Lettura del rapporto…',
  openReportCorrupt: 'Questo file non è un rapporto di PEC Doctor leggibile: forse è danneggiato o non è il file giusto.',
  openReportDamaged:
    'È un rapporto di PEC Doctor, ma è danneggiato o di un’altra versione: non si può rivalutare. Chiedi di salvarlo e inviarlo di nuovo, o aggiorna PEC Doctor.',
  openReportEmpty: 'Il file è vuoto.',
  openReportTooBig: 'Il file è troppo grande per essere un rapporto di PEC Doctor.',
  openReportHtmlNoData:
    'È una pagina web, ma non contiene i dati di un rapporto di PEC Doctor (forse è stata salvata dal browser o modificata).',
  openReportNotReport: 'Il file non contiene un rapporto di PEC Doctor: scegli il file .html o .json salvato con “Salva rapporto”.',
  openReportMany: 'Trascina un solo file alla volta.',
  openReportTechDetail: 'Dettaglio per il tecnico',
};

export const en: typeof it = {
  openReportLabel: 'Open a saved report…',
  openReportHint: 'For the technician: reads back a PEC Doctor report (web page .html or data .json). You can also drop the file here.',
  openReportDrop: 'Drop the report here to open it',
  openReportReading: 'Reading the report…',
  openReportCorrupt: 'This file is not a readable PEC Doctor report: it may be damaged or the wrong file.',
  openReportDamaged:
    'It is a PEC Doctor report, but damaged or of another version: it cannot be re-evaluated. Ask for it to be saved and sent again, or update PEC Doctor.',
  openReportEmpty: 'The file is empty.',
  openReportTooBig: 'The file is too large to be a PEC Doctor report.',
  openReportHtmlNoData: 'It is a web page, but it holds no PEC Doctor report data (it may have been saved by the browser or edited).',
  openReportNotReport: 'The file holds no PEC Doctor report: pick the .html or .json file saved with “Save report”.',
  openReportMany: 'Drop one file at a time.',
  openReportTechDetail: 'Detail for the technician',
};

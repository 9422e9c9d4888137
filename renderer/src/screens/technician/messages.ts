// Sentences of the technician's view.
// Italian first; `en` has the type of `it` (a key missing from either language is a compile
// error); i18n/index.ts merges every screen's messages into one catalogue.
export const it = {
  techHeading: 'Dettagli per il tecnico',
  techEvidence: 'Evidenze lette (registro, file, comandi)',
  techRaw: 'Rapporto completo (JSON)',
  techRenderError: 'Questa sezione ha una forma inattesa: ecco i dati grezzi.',
  thField: 'Campo',
  thValue: 'Valore',
  thTitle: 'Titolo',
  thUser: 'Nome utente',
  techDecisive: 'decisivo',
  techOpenAll: 'Apri tutte le sezioni',
  techCloseAll: 'Chiudi tutte le sezioni',
  techLoading: 'Preparazione dei dettagli…',
};

export const en: typeof it = {
  techHeading: 'Details for the technician',
  techEvidence: 'Evidence read (registry, files, commands)',
  techRaw: 'Complete report (JSON)',
  techRenderError: 'This section has an unexpected shape: here is the raw data.',
  thField: 'Field',
  thValue: 'Value',
  thTitle: 'Title',
  thUser: 'User name',
  techDecisive: 'decisive',
  techOpenAll: 'Open every section',
  techCloseAll: 'Close every section',
  techLoading: 'Preparing the details…',
};

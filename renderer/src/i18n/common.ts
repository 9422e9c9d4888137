// Sentences shared by every screen (header, footer, severities, small words). Italian first; `en`
// has the type of `it`, so a key missing from either language is a compile error.
export const it = {
  appTitle: 'PEC Doctor',
  appSubtitle: 'Controllo della posta certificata',
  switchLanguage: 'English',
  skipToContent: 'Vai al contenuto',
  footerPrivacy: 'Nessun dato lascia questo computer: vengono solo contattati i server PEC da controllare.',
  version: (v: string) => `Versione ${v}`,
  loading: 'Caricamento…',
  unknown: 'non indicato',
  sevError: 'Da risolvere',
  sevWarning: 'Da controllare',
  sevInfo: 'Da sapere',
  sevOk: 'Tutto bene',
  errorDetail: (msg: string) => `Dettaglio: ${msg}`,
  no: 'no',
};

export const en: typeof it = {
  appTitle: 'PEC Doctor',
  appSubtitle: 'Certified e-mail check-up',
  switchLanguage: 'Italiano',
  skipToContent: 'Skip to content',
  footerPrivacy: 'No data leaves this computer: only the PEC servers being checked are contacted.',
  version: (v: string) => `Version ${v}`,
  loading: 'Loading…',
  unknown: 'not set',
  sevError: 'To fix',
  sevWarning: 'To check',
  sevInfo: 'Good to know',
  sevOk: 'All good',
  errorDetail: (msg: string) => `Detail: ${msg}`,
  no: 'no',
};

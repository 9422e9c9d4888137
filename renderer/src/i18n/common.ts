// Sentences shared by every screen (header, footer, severities, small words). Italian first; `en`
// has the type of `it`, so a key missing from either language is a compile error.
export const it = {
  appTitle: 'PEC Doctor',
  appSubtitle: 'Controllo della posta certificata',
  switchLanguage: 'English',
  skipToContent: 'Vai al contenuto',
  footerPrivacy:
    'Nessun dato personale lascia questo computer: PEC Doctor contatta solo i server PEC da controllare (e Microsoft, se accetti una riparazione che scarica un aggiornamento).',
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
  footerPrivacy:
    'No personal data leaves this computer: PEC Doctor contacts only the PEC servers being checked (and Microsoft, if you accept a repair that downloads an update).',
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

// Sentences used by both the findings catalogue (catalogue.ts) and the fix plans
// (plan-definitions.ts): written once here and referenced by name, so a finding's step and the
// plan's step can never drift apart. Italian first, English second.
import type { Text } from '../util/text';
import { text as t } from '../util/text';

// ----- the network
export const CHECK_CONNECTION = t(
  'Controlla il cavo di rete o il Wi-Fi e prova ad aprire un sito qualsiasi nel browser.',
  'Check the network cable or the Wi-Fi and try to open any web site in the browser.',
);
export const CHECK_PROXY = t(
  'Se in ufficio si usa un proxy, chiedi al tecnico di verificarne le impostazioni.',
  'If the office uses a proxy, ask the technician to check its settings.',
);
export const RUN_AGAIN_ONLINE = t(
  'Quando la connessione funziona, ripeti il controllo.',
  'When the connection works, run the check again.',
);
export const OFFLINE_TITLE = t(
  'Questo computer non raggiunge Internet (o il DNS non risponde)',
  'This computer cannot reach the Internet (or DNS does not answer)',
);

// ----- SChannel TLS 1.2 (the registry step; the key and values are in the evidence)
export const SCHANNEL_ON_STEP = t(
  'Il tecnico attiva TLS 1.2 per i programmi di Windows nel Registro di sistema: può usare il file .reg preparato da PEC Doctor («Salva la correzione (.reg)» nella schermata del risultato).',
  'The technician turns TLS 1.2 on for Windows programs in the registry: they can use the .reg file PEC Doctor prepares (“Salva la correzione (.reg)” on the result screen).',
);
/** Enabled=0 means "never negotiated" whatever DisabledByDefault says: DisabledByDefault=0 alone would leave TLS 1.2 off. */
export const SCHANNEL_ENABLE_STEP = t(
  'Il tecnico riattiva TLS 1.2 per i programmi di Windows nel Registro di sistema (oggi è disattivato esplicitamente: non basta crearlo, va riacceso): può usare il file .reg preparato da PEC Doctor («Salva la correzione (.reg)» nella schermata del risultato).',
  'The technician turns TLS 1.2 back on for Windows programs in the registry (today it is explicitly turned off: creating the setting is not enough, it must be switched on): they can use the .reg file PEC Doctor prepares (“Salva la correzione (.reg)” on the result screen).',
);
export const TLS12_OFF_NO_CLIENT = t(
  '{os} tiene spento TLS 1.2 per i programmi che usano Windows',
  '{os} keeps TLS 1.2 off for programs that rely on Windows',
);
export const LANGUAGE_PACK_UNDID_KB = t(
  'Un pacchetto di lingua ha annullato l’aggiornamento KB3140245',
  'A language pack undid update KB3140245',
);

// ----- KB3140245: which file, and where on Microsoft's page. The KB page's "How to get this
// update" section offers the Microsoft Update Catalog (method 2), where each Windows and
// architecture has its own package; {bits} names the one this computer needs.
export const INSTALL_KB3140245 = t(
  'Installa l’aggiornamento di Windows KB3140245: nella pagina Microsoft qui sotto, sezione «Come ottenere questo aggiornamento», apri il Catalogo di Microsoft Update e scarica (pulsante «Download») la versione per {os} {bits}.',
  'Install the Windows update KB3140245: on the Microsoft page below, section “How to get this update”, open the Microsoft Update Catalog and download (“Download” button) the package for {os} {bits}.',
);

/** {bits} of INSTALL_KB3140245 and the other update steps, from the report's architecture. */
export function bitsOf(arch: string | null | undefined): Text {
  if (arch === 'x64') return t('a 64 bit (la riga con «x64»)', '64-bit (the row with “x64”)');
  if (arch === 'x86') return t('a 32 bit (la riga senza «x64»)', '32-bit (the row without “x64”)');
  return t(
    'con la stessa architettura di questo computer (32 o 64 bit: Pannello di controllo › Sistema)',
    'with this computer’s architecture (32- or 64-bit: Control Panel › System)',
  );
}

export const EASY_FIX_STEP = t(
  'Scarica ed esegui l’Easy Fix di Microsoft «MicrosoftEasyFix51044.msi» (pulsante Download nella sezione Easy fix della stessa pagina).',
  'Download and run Microsoft’s Easy Fix "MicrosoftEasyFix51044.msi" (Download button in the Easy fix section of the same page).',
);
export const RESTART_REOPEN = t('Riavvia il computer e riapri il programma di posta.', 'Restart the computer and reopen the mail program.');
export const RESTART_TERMINAL_SERVER = t(
  'Riavvia il server in un momento di pausa e avvisa prima gli utenti: è un server terminal, e il riavvio chiude le sessioni di tutti gli utenti collegati. Poi riapri il programma di posta.',
  'Restart the server at a quiet time and warn the users first: it is a terminal server, and the restart ends every connected user’s session. Then reopen the mail program.',
);
/** The .reg alternative to the Easy Fix, when the restart is a step of its own (a terminal server). */
export const WINHTTP_REG_STEP_NO_RESTART = t(
  'In alternativa il tecnico può importare il file .reg preparato da PEC Doctor («Salva la correzione (.reg)» nella schermata del risultato).',
  'Alternatively the technician can import the .reg file PEC Doctor prepares (“Salva la correzione (.reg)” on the result screen).',
);
export const LANGUAGE_PACK_LATER = t(
  'Se in seguito aggiungi una lingua a Windows (language pack), reinstalla l’aggiornamento KB3140245.',
  'If you later add a language pack to Windows, reinstall update KB3140245.',
);

// ----- Thunderbird
export const UPDATE_THUNDERBIRD = t(
  'Aggiorna Thunderbird (menu Aiuto › Informazioni su Thunderbird) o scarica l’ultima versione dal sito ufficiale.',
  'Update Thunderbird (Help › About Thunderbird) or download the latest version from the official site.',
);

/** Outlook is blocked but the installed Thunderbird has its own TLS: a way in meanwhile. */
export const USE_THUNDERBIRD_MEANWHILE = t(
  'Nel frattempo puoi usare {thunderbird}, già installato: ha una crittografia propria e si collega alla PEC.',
  'Meanwhile you can use {thunderbird}, already installed: it has its own encryption and connects to PEC.',
);

// The findings catalogue: every finding the rules can raise, with its stable id, default
// severity, plain-Italian title and explanation (English as second language), fix steps and
// links. Documented one by one in docs/findings.md (a test keeps the two in step).
// Titles, details and steps may hold {placeholders} that the rule fills in (see fill()).
// Links point only at official pages (Microsoft, Mozilla, the PEC providers); every one of them
// is in FIX_LINKS, from which src/links.ts derives the external-link allow-list.
import type { FixLink, Severity } from './types';
import type { Text } from '../util/text';
import { text } from '../util/text';
import {
  CHECK_CONNECTION,
  CHECK_PROXY,
  EASY_FIX_STEP,
  INSTALL_KB3140245,
  LANGUAGE_PACK_LATER,
  LANGUAGE_PACK_UNDID_KB,
  OFFLINE_TITLE,
  RESTART_REOPEN,
  RUN_AGAIN_ONLINE,
  SCHANNEL_ENABLE_STEP,
  SCHANNEL_ON_STEP,
  TLS12_OFF_NO_CLIENT,
  UPDATE_THUNDERBIRD,
} from './texts';

const link = (url: string, it: string, en: string): FixLink => ({ url, label: text(it, en) });

/** Every link a finding may show: the providers' 2019 notices and Microsoft's and Mozilla's pages (docs/windows-family.md). */
export const LINKS = {
  // The article the providers quote (their 2019 notices, Windows 7 note).
  kb3140245: link(
    'https://support.microsoft.com/it-it/help/3140245/update-to-enable-tls-1-1-and-tls-1-2-as-default-secure-protocols-in-wi',
    'Microsoft: aggiornamento KB3140245 e Easy Fix (pagina ufficiale)',
    'Microsoft: update KB3140245 and Easy Fix (official page)',
  ),
  // Microsoft's direct download of the Easy Fix, quoted in its OneDrive support article.
  easyFix: link(
    'https://download.microsoft.com/download/0/6/5/0658B1A7-6D2E-474F-BC2C-D69E5B9E9A68/MicrosoftEasyFix51044.msi',
    'Microsoft: Easy Fix MicrosoftEasyFix51044.msi (download diretto)',
    'Microsoft: Easy Fix MicrosoftEasyFix51044.msi (direct download)',
  ),
  // MicrosoftDocs windowsserverdocs, security/tls/tls-registry-settings.md.
  tlsRegistry: link(
    'https://learn.microsoft.com/windows-server/security/tls/tls-registry-settings',
    'Microsoft: impostazioni di registro TLS (per il tecnico)',
    'Microsoft: TLS registry settings (for the technician)',
  ),
  // MicrosoftDocs dotnet/docs, framework/network-programming/tls.md.
  dotnetTls: link(
    'https://learn.microsoft.com/dotnet/framework/network-programming/tls',
    'Microsoft: TLS in .NET Framework (per il tecnico)',
    'Microsoft: TLS in .NET Framework (for the technician)',
  ),
  // The Microsoft pages of the updates the Windows family model names (docs/windows-family.md).
  servicePack1: link(
    'https://support.microsoft.com/help/976932',
    'Microsoft: Service Pack 1 per Windows 7 e Windows Server 2008 R2 (KB976932)',
    'Microsoft: Service Pack 1 for Windows 7 and Windows Server 2008 R2 (KB976932)',
  ),
  servicePack2Server2008: link(
    'https://support.microsoft.com/help/948465',
    'Microsoft: Service Pack 2 per Windows Server 2008 e Windows Vista (KB948465)',
    'Microsoft: Service Pack 2 for Windows Server 2008 and Windows Vista (KB948465)',
  ),
  kb4019276: link(
    'https://support.microsoft.com/help/4019276',
    'Microsoft: aggiornamento KB4019276 (TLS 1.1 e 1.2 per Windows Server 2008 SP2)',
    'Microsoft: update KB4019276 (TLS 1.1 and 1.2 for Windows Server 2008 SP2)',
  ),
  dotnetDownload: link(
    'https://dotnet.microsoft.com/download/dotnet-framework',
    'Microsoft: scarica .NET Framework',
    'Microsoft: download .NET Framework',
  ),
  thunderbird: link(
    'https://www.thunderbird.net/it/',
    'Mozilla Thunderbird: scarica la versione aggiornata',
    'Mozilla Thunderbird: download the current version',
  ),
  // Mozilla's release archive: 52.9.1 ESR is the last Thunderbird for Windows XP and Vista.
  thunderbird52: link(
    'https://ftp.mozilla.org/pub/thunderbird/releases/52.9.1/',
    'Mozilla: Thunderbird 52.9.1 ESR (archivio ufficiale; l’ultima per Windows XP e Vista)',
    'Mozilla: Thunderbird 52.9.1 ESR (official archive; the last for Windows XP and Vista)',
  ),
  firefox: link(
    'https://www.mozilla.org/it/firefox/new/',
    'Mozilla Firefox: scarica la versione aggiornata',
    'Mozilla Firefox: download the current version',
  ),
  // The providers' 2019 notices.
  actalisNotice: link(
    'https://www.actalis.com/it/news/sicurezza-it/pec-protocolli-di-sicurezza-e-compatibilita',
    'Actalis: requisiti di compatibilità della PEC (2019)',
    'Actalis: PEC compatibility requirements (2019)',
  ),
  arubaNotice: link(
    'https://aruba.it/magazine/pec/la-pec-adotta-il-nuovo-protocollo-di-sicurezza-tls-1-2.aspx',
    'Aruba: la PEC adotta TLS 1.2 (2019)',
    'Aruba: PEC moves to TLS 1.2 (2019)',
  ),
} as const;

export type LinkKey = keyof typeof LINKS;

/** Every link a finding may show: the external-link allow-list is derived from it. */
export const FIX_LINKS: readonly FixLink[] = Object.values(LINKS);

export type Area = 'system' | 'clients' | 'accounts' | 'servers' | 'run';

export interface CatalogueEntry {
  id: string;
  area: Area;
  /** Default severity; a rule may lower or raise it for one instance (the detail then says why). */
  severity: Severity;
  title: Text;
  detail: Text;
  steps: Text[];
  links: LinkKey[];
}

const t = text;

/** Step shown whenever the mail program cannot connect: the provider's webmail as a stop-gap. */
export const WEBMAIL_STEP_KNOWN = t(
  'Nel frattempo puoi leggere e inviare la PEC dalla webmail del tuo gestore ({webmail}) con un browser aggiornato.',
  'Meanwhile you can read and send PEC from your provider’s webmail ({webmail}) with an up-to-date browser.',
);
export const WEBMAIL_STEP_UNKNOWN = t(
  'Nel frattempo puoi leggere e inviare la PEC dalla webmail del tuo gestore (il sito dove entri con utente e password della PEC) con un browser aggiornato.',
  'Meanwhile you can read and send PEC from your provider’s webmail (the web site where you log in with your PEC user name and password) with an up-to-date browser.',
);

/** The providers' Windows 7 steps, by name (rules pick the ones a machine needs). */
export const WIN7_STEPS = {
  installKb: INSTALL_KB3140245,
  easyFix: EASY_FIX_STEP,
  // The key and its values are in the finding's evidence (technician); the sentence stays plain.
  schannel: SCHANNEL_ON_STEP,
  restart: RESTART_REOPEN,
  languagePack: LANGUAGE_PACK_LATER,
} as const satisfies Record<string, Text>;

/** Replaces WIN7_STEPS.schannel when someone set Enabled=0: DisabledByDefault=0 alone would leave TLS 1.2 off. */
export const WIN7_ENABLE_STEP = SCHANNEL_ENABLE_STEP;

/** Windows 7 with TLS 1.2 off but no installed mail program that relies on Windows' TLS (e.g. only Thunderbird, which has its own, NSS). */
export const TLS12_NO_CLIENT_TITLE = TLS12_OFF_NO_CLIENT;
export const TLS12_NO_CLIENT_DETAIL = t(
  'Dal 2019 i gestori PEC accettano solo connessioni protette con TLS 1.2. {os} lo contiene ma lo tiene spento. Nessuno dei programmi di posta installati ne è bloccato{others}: il problema tocca solo i programmi che usano la crittografia di Windows (Outlook, Windows Live Mail, software gestionali e di firma).',
  'Since 2019 PEC providers accept only TLS 1.2 connections. {os} has TLS 1.2 but keeps it off. None of the installed mail programs is blocked by it{others}: it affects only programs that use Windows’ encryption (Outlook, Windows Live Mail, practice-management and signing software).',
);

/** The same finding on Windows 8 and later, where TLS 1.2 is on by default and someone turned it off. */
export const TLS12_REENABLE_DETAIL = t(
  'Dal 2019 i gestori PEC accettano solo connessioni protette con TLS 1.2. Su {os} TLS 1.2 è attivo di serie, ma su questo computer è stato spento nel Registro di sistema, e {client} usa le impostazioni di Windows: per questo non riesce a collegarsi. Il problema è di questo computer, non della casella PEC.',
  'Since 2019 PEC providers accept only TLS 1.2 connections. {os} has TLS 1.2 on by default, but on this computer it was turned off in the registry, and {client} uses Windows’ settings: that is why it cannot connect. The problem is this computer, not the PEC mailbox.',
);
export const TLS12_REENABLE_STEPS: Text[] = [
  t(
    'Il tecnico riattiva TLS 1.2 per i programmi di Windows nel Registro di sistema (oppure toglie l’impostazione che lo spegne, per tornare al comportamento normale di Windows): può usare il file .reg preparato da PEC Doctor («Salva la correzione (.reg)» nella schermata del risultato).',
    'The technician turns TLS 1.2 back on for Windows programs in the registry (or removes the setting that turns it off, to return to Windows’ normal behaviour): they can use the .reg file PEC Doctor prepares (“Salva la correzione (.reg)” on the result screen).',
  ),
  RESTART_REOPEN,
];

export const CATALOGUE: readonly CatalogueEntry[] = [
  // ----- system --------------------------------------------------------------------------
  {
    id: 'os-windows-xp',
    area: 'system',
    severity: 'error',
    title: t(
      'Windows XP non può più collegarsi alla PEC con un programma di posta',
      'Windows XP can no longer connect a mail program to PEC',
    ),
    detail: t(
      'Windows XP non conosce TLS 1.2, l’unica protezione che i gestori PEC accettano dal 2019: Outlook e gli altri programmi che usano Windows per la crittografia non possono collegarsi. La webmail funziona solo con Chrome 49 o Firefox 49 su XP Service Pack 3.',
      'Windows XP does not know TLS 1.2, the only protection PEC providers accept since 2019: Outlook and other programs that rely on Windows for encryption cannot connect. Webmail works only with Chrome 49 or Firefox 49 on XP Service Pack 3.',
    ),
    steps: [
      t(
        'Usa per la PEC un computer con Windows 10 o 11 (o un Mac o un tablet aggiornati).',
        'Use a computer with Windows 10 or 11 (or an up-to-date Mac or tablet) for PEC.',
      ),
      t(
        'Nel frattempo usa la webmail del gestore con Firefox o Chrome in versione 49 o successiva.',
        'Meanwhile use the provider’s webmail with Firefox or Chrome 49 or later.',
      ),
    ],
    links: ['firefox'],
  },
  {
    // Vista and Server 2003: as XP, no update adds TLS 1.2 to their SChannel (issue #19).
    id: 'os-no-tls12',
    area: 'system',
    severity: 'error',
    title: t('{os} non può più collegarsi alla PEC con Outlook', '{os} can no longer connect Outlook to PEC'),
    detail: t(
      '{os} non conosce TLS 1.2, l’unica protezione che i gestori PEC accettano dal 2019, e nessun aggiornamento di Windows lo aggiunge: Outlook e gli altri programmi che usano Windows per la crittografia non possono collegarsi. La PEC funziona ancora dalla webmail con un browser che gira su {os} (Firefox 52 ESR, Chrome 49) o da Thunderbird 52.9.1 ESR, che ha una crittografia propria.',
      '{os} does not know TLS 1.2, the only protection PEC providers accept since 2019, and no Windows update adds it: Outlook and other programs that rely on Windows for encryption cannot connect. PEC still works from the webmail in a browser that runs on {os} (Firefox 52 ESR, Chrome 49) or from Thunderbird 52.9.1 ESR, which has its own encryption.',
    ),
    steps: [
      t(
        'Usa per la PEC un computer con Windows 10 o 11 (o un Mac o un tablet aggiornati).',
        'Use a computer with Windows 10 or 11 (or an up-to-date Mac or tablet) for PEC.',
      ),
      t(
        'Nel frattempo usa Thunderbird 52.9.1 ESR, l’ultima versione per {os}, oppure la webmail del gestore con Firefox 52 ESR o Chrome 49.',
        'Meanwhile use Thunderbird 52.9.1 ESR, the last version for {os}, or the provider’s webmail with Firefox 52 ESR or Chrome 49.',
      ),
    ],
    links: ['thunderbird52', 'firefox'],
  },
  {
    id: 'os-end-of-life',
    area: 'system',
    severity: 'warning',
    title: t('{os} non riceve più aggiornamenti di sicurezza da Microsoft', '{os} no longer gets security updates from Microsoft'),
    detail: t(
      'Microsoft ha terminato il supporto di {os}: non arrivano più correzioni di sicurezza e i programmi nuovi smettono via via di funzionare. Per la PEC si può ancora rimediare (vedi le altre voci), ma è bene programmare il passaggio a un sistema aggiornato.',
      'Microsoft has ended support for {os}: no more security fixes, and new software gradually stops working. PEC can still be fixed (see the other items), but plan a move to a supported system.',
    ),
    steps: [
      t(
        'Pianifica con il tecnico il passaggio a un sistema operativo supportato.',
        'Plan the move to a supported operating system with your technician.',
      ),
    ],
    links: [],
  },
  {
    id: 'win7-tls12-client-disabled',
    area: 'system',
    severity: 'error',
    title: t('Il tuo {client} su {os} non può usare TLS 1.2', 'Your {client} on {os} cannot use TLS 1.2'),
    detail: t(
      'Dal 2019 i gestori PEC accettano solo connessioni protette con TLS 1.2. {os} lo contiene ma lo tiene spento, e {client} usa le impostazioni di Windows: per questo non riesce a collegarsi (di solito con il messaggio «Il server non supporta il tipo di crittografia di connessione specificato»). Il problema è di questo computer, non della casella PEC. I gestori consigliano di far eseguire i passi seguenti a un tecnico.',
      'Since 2019 PEC providers accept only TLS 1.2 connections. {os} has TLS 1.2 but keeps it off, and {client} uses Windows’ settings: that is why it cannot connect (usually "The server does not support the specified connection encryption type"). The problem is this computer, not the PEC mailbox. Providers advise having a technician carry out the steps below.',
    ),
    steps: [WIN7_STEPS.installKb, WIN7_STEPS.easyFix, WIN7_STEPS.schannel, WIN7_STEPS.restart, WIN7_STEPS.languagePack],
    links: ['kb3140245', 'easyFix', 'tlsRegistry'],
  },
  {
    // Windows 7 / 2008 R2 without SP1, Server 2008 before SP2: the TLS 1.2 updates do not install yet.
    id: 'windows-service-pack-missing',
    area: 'system',
    severity: 'warning',
    title: t('Manca il {servicePack} di {os}', '{os} {servicePack} is missing'),
    detail: t(
      'Gli aggiornamenti che portano TLS 1.2 su {os} ({updates}) si installano solo sopra il {servicePack}: va installato per primo.',
      'The updates that bring TLS 1.2 to {os} ({updates}) install only on top of {servicePack}: it comes first.',
    ),
    steps: [
      t(
        'Installa il {servicePack} di {os} nella versione {bits} (pagina Microsoft qui sotto, oppure Windows Update), poi gli aggiornamenti indicati.',
        'Install {os} {servicePack}, the {bits} package (Microsoft page below, or Windows Update), then the updates named.',
      ),
    ],
    links: [],
  },
  {
    // Server 2008 SP2: KB4019276 adds TLS 1.2 to SChannel (off until the registry turns it on).
    id: 'win2008-kb4019276-missing',
    area: 'system',
    severity: 'warning',
    title: t('Manca l’aggiornamento Windows KB4019276', 'Windows update KB4019276 is missing'),
    detail: t(
      'Su {os} TLS 1.2 arriva solo con l’aggiornamento KB4019276; poi va attivato nel Registro di sistema, come su Windows 7.',
      'On {os} TLS 1.2 comes only with update KB4019276; it must then be turned on in the registry, as on Windows 7.',
    ),
    steps: [
      t(
        'Installa l’aggiornamento KB4019276 (pagina Microsoft qui sotto, versione {bits}) e riavvia il server.',
        'Install update KB4019276 (Microsoft page below, {bits} package) and restart the server.',
      ),
    ],
    links: ['kb4019276'],
  },
  {
    id: 'win7-kb3140245-missing',
    area: 'system',
    severity: 'warning',
    title: t('Manca l’aggiornamento Windows KB3140245', 'Windows update KB3140245 is missing'),
    detail: t(
      'È il primo dei tre passi che i gestori PEC indicano per usare TLS 1.2 su {os}: permette a Windows di usare TLS 1.1 e 1.2 come protezione predefinita.',
      'It is the first of the three steps PEC providers publish to use TLS 1.2 on {os}: it lets Windows use TLS 1.1 and 1.2 as default protocols.',
    ),
    steps: [WIN7_STEPS.installKb, WIN7_STEPS.easyFix, WIN7_STEPS.restart],
    links: ['kb3140245', 'easyFix'],
  },
  {
    id: 'win7-kb3140245-language-pack',
    area: 'system',
    severity: 'warning',
    title: LANGUAGE_PACK_UNDID_KB,
    detail: t(
      'KB3140245 risulta installato il {kbDate}, ma il pacchetto di lingua {languagePack} è stato aggiunto dopo: i gestori PEC avvertono che in questo caso l’aggiornamento va reinstallato, altrimenti {os} può tornare a non usare TLS 1.1 e 1.2 come protezione predefinita.',
      'KB3140245 was installed on {kbDate}, but language pack {languagePack} was added later: PEC providers warn that the update must then be reinstalled, or {os} may stop using TLS 1.1 and 1.2 as default protocols again.',
    ),
    steps: [
      t(
        'Reinstalla l’aggiornamento KB3140245 (pagina Microsoft qui sotto) e riavvia il computer.',
        'Reinstall update KB3140245 (Microsoft page below) and restart the computer.',
      ),
    ],
    links: ['kb3140245'],
  },
  {
    id: 'win7-winhttp-defaults-missing',
    area: 'system',
    severity: 'warning',
    title: t('Windows non usa TLS 1.2 come protezione predefinita (WinHTTP)', 'Windows does not use TLS 1.2 by default (WinHTTP)'),
    detail: t(
      'Windows non usa ancora TLS 1.2 come protezione predefinita per i programmi che passano da WinHTTP (ad esempio software gestionali e di firma): l’Easy Fix di Microsoft lo sistema. Outlook dipende soprattutto da un’altra impostazione, quella che attiva TLS 1.2 per i programmi di Windows.',
      'Windows does not yet use TLS 1.2 by default for programs that go through WinHTTP (practice-management and signing software, for example): Microsoft’s Easy Fix sets it. Outlook depends mainly on another setting, the one that turns TLS 1.2 on for Windows programs.',
    ),
    steps: [
      WIN7_STEPS.easyFix,
      t(
        'In alternativa il tecnico può importare il file .reg preparato da PEC Doctor («Salva la correzione (.reg)» nella schermata del risultato) e riavviare il computer.',
        'Alternatively the technician can import the .reg file PEC Doctor prepares (“Salva la correzione (.reg)” on the result screen) and restart the computer.',
      ),
    ],
    links: ['kb3140245', 'easyFix'],
  },
  {
    id: 'win7-ciphers-incompatible',
    area: 'servers',
    severity: 'error',
    title: t('Windows non ha un cifrario in comune con il server {host}', 'Windows shares no cipher suite with server {host}'),
    detail: t(
      'Anche con TLS 1.2 attivo, {os} conosce solo alcuni cifrari e il server {url} non ne accetta nessuno: Outlook e gli altri programmi che usano Windows non possono collegarsi. Non si risolve da questo computer.',
      'Even with TLS 1.2 enabled, {os} knows only some cipher suites and server {url} accepts none of them: Outlook and other programs that use Windows cannot connect. This cannot be fixed on this computer.',
    ),
    steps: [
      t(
        'Usa Mozilla Thunderbird aggiornato: ha una crittografia propria che non dipende da Windows.',
        'Use an up-to-date Mozilla Thunderbird: it has its own encryption, independent of Windows.',
      ),
      t('Oppure usa la PEC da un computer con Windows 10 o 11.', 'Or use PEC from a computer with Windows 10 or 11.'),
      t('Segnala il problema al gestore PEC indicando il server {url}.', 'Report the problem to the PEC provider, naming server {url}.'),
    ],
    links: ['thunderbird'],
  },
  {
    id: 'clock-wrong',
    area: 'system',
    severity: 'error',
    title: t('La data o l’ora del computer sono sbagliate', 'The computer’s date or time is wrong'),
    detail: t(
      'Con l’orologio sbagliato i certificati dei server sembrano scaduti o non ancora validi e la connessione protetta viene rifiutata. {clock}',
      'With a wrong clock, server certificates look expired or not yet valid and the secure connection is refused. {clock}',
    ),
    steps: [
      t(
        'Correggi data, ora e fuso orario (in Windows: Impostazioni data/ora, «Imposta automaticamente l’ora»).',
        'Fix date, time and time zone (on Windows: Date and time settings, "Set time automatically").',
      ),
      t(
        'Se l’ora torna sbagliata dopo lo spegnimento, fai cambiare la batteria tampone del computer.',
        'If the time is wrong again after a shutdown, have the computer’s CMOS battery replaced.',
      ),
    ],
    links: [],
  },
  {
    id: 'antivirus-tls-interception',
    area: 'system',
    severity: 'warning',
    title: t(
      'L’antivirus ({product}) si mette in mezzo alla connessione della posta',
      'The antivirus ({product}) sits inside the mail connection',
    ),
    detail: t(
      'Il certificato ricevuto da {url} non è quello del gestore ma uno creato dall’antivirus per controllare la posta. Se il programma di posta non si fida di quel certificato, o se l’antivirus usa una protezione vecchia, la PEC non si collega.',
      'The certificate received from {url} is not the provider’s but one made by the antivirus to scan mail. If the mail program does not trust it, or if the antivirus uses outdated protection, PEC does not connect.',
    ),
    steps: [
      t(
        'Nelle impostazioni dell’antivirus disattiva la scansione della posta cifrata (SSL/TLS) o aggiungi un’eccezione per il server PEC.',
        'In the antivirus settings turn off encrypted (SSL/TLS) mail scanning or add an exception for the PEC server.',
      ),
      t('Aggiorna l’antivirus all’ultima versione.', 'Update the antivirus to its latest version.'),
    ],
    links: [],
  },
  // ----- runtimes ------------------------------------------------------------------------
  {
    id: 'dotnet-too-old',
    area: 'clients',
    severity: 'warning',
    title: t('.NET Framework {version} è troppo vecchio per la PEC', '.NET Framework {version} is too old for PEC'),
    detail: t(
      'I gestori PEC indicano .NET Framework 4.6 come minimo per i programmi gestionali che inviano PEC da soli: con versioni precedenti TLS 1.2 non è attivo per default.',
      'PEC providers name .NET Framework 4.6 as the minimum for business software that sends PEC itself: older versions do not enable TLS 1.2 by default.',
    ),
    steps: [
      t('Installa .NET Framework 4.8 (o almeno 4.6) da Microsoft.', 'Install .NET Framework 4.8 (or at least 4.6) from Microsoft.'),
      t(
        'Il tecnico può anche far usare TLS 1.2 ai programmi .NET già installati con il file .reg preparato da PEC Doctor («Salva la correzione (.reg)» nella schermata del risultato).',
        'The technician can also make installed .NET programs use TLS 1.2 with the .reg file PEC Doctor prepares (“Salva la correzione (.reg)” on the result screen).',
      ),
    ],
    links: ['dotnetDownload', 'dotnetTls'],
  },
  {
    id: 'java-too-old',
    area: 'clients',
    severity: 'warning',
    title: t('Java {version} è troppo vecchio per la PEC', 'Java {version} is too old for PEC'),
    detail: t(
      'I gestori PEC indicano Java 8 (dalla prima versione, del 2014) come minimo per i programmi che inviano PEC da soli (ad esempio software per il processo telematico): Java 7 e precedenti non bastano.',
      'PEC providers name Java 8 (from its first release, 2014) as the minimum for programs that send PEC themselves (court filing software, for example): Java 7 and earlier are not enough.',
    ),
    steps: [
      t(
        'Aggiorna Java almeno alla versione 8 (meglio l’ultima disponibile) o chiedi al fornitore del programma una versione aggiornata.',
        'Update Java to version 8 or later (preferably the latest) or ask the software vendor for an updated version.',
      ),
    ],
    links: [],
  },
  {
    id: 'openssl-too-old',
    area: 'clients',
    severity: 'warning',
    title: t('OpenSSL {version} è troppo vecchio per la PEC', 'OpenSSL {version} is too old for PEC'),
    detail: t(
      'I gestori PEC indicano OpenSSL 1.0.1h come minimo per i programmi che inviano PEC da soli.',
      'PEC providers name OpenSSL 1.0.1h as the minimum for programs that send PEC themselves.',
    ),
    steps: [t('Aggiorna OpenSSL o il programma che lo contiene.', 'Update OpenSSL or the program that bundles it.')],
    links: [],
  },
  // ----- mail clients and browsers --------------------------------------------------------
  {
    // The new Outlook for Windows (olk.exe): IMAP/SMTP accounts are synchronised by Microsoft's cloud.
    id: 'outlook-new-cloud',
    area: 'clients',
    severity: 'warning',
    title: t(
      'Il nuovo Outlook si collega alla PEC dai server di Microsoft, non da questo computer',
      'The new Outlook connects to PEC from Microsoft’s servers, not from this computer',
    ),
    detail: t(
      'Il nuovo Outlook per Windows non si collega direttamente al gestore PEC: per le caselle IMAP e SMTP le connessioni partono dal cloud di Microsoft, quindi le impostazioni TLS di questo computer non contano per lui e da qui non si possono provare. Vuol dire anche che la posta PEC e la password della casella passano per i server di Microsoft.',
      'The new Outlook for Windows does not connect to the PEC provider directly: for IMAP and SMTP mailboxes the connections start from Microsoft’s cloud, so this computer’s TLS settings do not matter for it and cannot be tested from here. It also means that PEC mail and the mailbox password pass through Microsoft’s servers.',
    ),
    steps: [
      t(
        'Se la PEC e la sua password non devono passare per Microsoft (riservatezza, regole dello studio), usa Outlook classico, Thunderbird o la webmail del gestore.',
        'If PEC and its password must not pass through Microsoft (confidentiality, office rules), use classic Outlook, Thunderbird or the provider’s webmail.',
      ),
    ],
    links: [],
  },
  {
    id: 'outlook-too-old',
    area: 'clients',
    severity: 'error',
    title: t('Outlook {version} è troppo vecchio per la PEC', 'Outlook {version} is too old for PEC'),
    detail: t('I gestori PEC indicano Outlook 2003 come versione minima.', 'PEC providers name Outlook 2003 as the minimum version.'),
    steps: [
      t(
        'Installa una versione di Outlook recente, oppure Mozilla Thunderbird (gratuito).',
        'Install a recent Outlook, or Mozilla Thunderbird (free).',
      ),
    ],
    links: ['thunderbird'],
  },
  {
    id: 'outlook-mac-2011-unsupported-os',
    area: 'clients',
    severity: 'error',
    title: t(
      'Outlook 2011 per Mac non funziona con la PEC su macOS {osVersion}',
      'Outlook 2011 for Mac does not work with PEC on macOS {osVersion}',
    ),
    detail: t(
      'I gestori PEC indicano che Outlook 2011 per Mac funziona solo su OS X 10.11, 10.12 e 10.13.',
      'PEC providers state that Outlook 2011 for Mac works only on OS X 10.11, 10.12 and 10.13.',
    ),
    steps: [
      t(
        'Usa Apple Mail (incluso in macOS) oppure Mozilla Thunderbird per la PEC.',
        'Use Apple Mail (built into macOS) or Mozilla Thunderbird for PEC.',
      ),
      t('In alternativa passa a una versione recente di Outlook per Mac.', 'Alternatively move to a recent Outlook for Mac.'),
    ],
    links: ['thunderbird'],
  },
  {
    id: 'thunderbird-too-old',
    area: 'clients',
    severity: 'error',
    title: t('Thunderbird {version} è troppo vecchio per la PEC', 'Thunderbird {version} is too old for PEC'),
    detail: t(
      'I gestori PEC indicano Thunderbird 45.6 come versione minima.',
      'PEC providers name Thunderbird 45.6 as the minimum version.',
    ),
    steps: [UPDATE_THUNDERBIRD],
    links: ['thunderbird'],
  },
  {
    id: 'thunderbird-tls-max-lowered',
    area: 'accounts',
    severity: 'error',
    title: t('In Thunderbird TLS 1.2 è stato disattivato', 'TLS 1.2 has been turned off in Thunderbird'),
    detail: t(
      'Nel profilo «{profile}» l’impostazione security.tls.version.max vale {max}: così Thunderbird non usa TLS 1.2, che i gestori PEC richiedono.',
      'In profile "{profile}" security.tls.version.max is {max}: Thunderbird then does not use TLS 1.2, which PEC providers require.',
    ),
    steps: [
      t(
        'In Thunderbird apri Impostazioni › Generale › Editor di configurazione, cerca security.tls.version.max e ripristina il valore predefinito (pulsante di ripristino).',
        'In Thunderbird open Settings › General › Config Editor, search security.tls.version.max and reset it to its default (reset button).',
      ),
      t('Riavvia Thunderbird.', 'Restart Thunderbird.'),
    ],
    links: [],
  },
  {
    id: 'apple-mail-os-too-old',
    area: 'clients',
    severity: 'error',
    title: t('Apple Mail su macOS {osVersion} non può collegarsi alla PEC', 'Apple Mail on macOS {osVersion} cannot connect to PEC'),
    detail: t(
      'I gestori PEC indicano che Apple Mail funziona con la PEC da macOS 10.12 (Sierra) in poi.',
      'PEC providers state that Apple Mail works with PEC from macOS 10.12 (Sierra) on.',
    ),
    steps: [
      t('Aggiorna macOS almeno alla versione 10.12, se il Mac lo consente.', 'Update macOS to 10.12 or later, if the Mac allows it.'),
      t(
        'Altrimenti usa Mozilla Thunderbird aggiornato o la webmail del gestore.',
        'Otherwise use an up-to-date Mozilla Thunderbird or the provider’s webmail.',
      ),
    ],
    links: ['thunderbird'],
  },
  {
    id: 'browser-too-old-for-webmail',
    area: 'clients',
    severity: 'warning',
    title: t('{browser} {version} è troppo vecchio per la webmail PEC', '{browser} {version} is too old for PEC webmail'),
    detail: t(
      'Per la webmail i gestori PEC indicano su {osName}: {requirement}. {others}',
      'For webmail PEC providers require on {osName}: {requirement}. {others}',
    ),
    steps: [
      t(
        'Aggiorna il browser o usa un browser aggiornato (ad esempio Mozilla Firefox).',
        'Update the browser or use an up-to-date one (Mozilla Firefox for example).',
      ),
    ],
    links: ['firefox'],
  },
  // ----- accounts -----------------------------------------------------------------------
  {
    id: 'no-pec-account-found',
    area: 'accounts',
    severity: 'info',
    title: t('Non abbiamo trovato account PEC su questo computer', 'No PEC account found on this computer'),
    detail: t(
      'Abbiamo cercato negli account di Outlook, Thunderbird, Windows Live Mail e Apple Mail senza trovare una casella PEC. Se usi la PEC da un altro programma o solo dalla webmail, indica il tuo indirizzo PEC per controllare i server del gestore.',
      'We looked at Outlook, Thunderbird, Windows Live Mail and Apple Mail accounts and found no PEC mailbox. If you use PEC from another program or only through webmail, enter your PEC address to check the provider’s servers.',
    ),
    steps: [t('Scrivi il tuo indirizzo PEC e ripeti il controllo.', 'Enter your PEC address and run the check again.')],
    links: [],
  },
  {
    id: 'provider-unknown',
    area: 'accounts',
    severity: 'info',
    title: t('Non conosciamo il gestore PEC di {email}', 'We do not know the PEC provider of {email}'),
    detail: t(
      'L’indirizzo {email} non corrisponde a nessun gestore PEC del nostro elenco, quindi i suoi server non sono stati verificati.',
      'The address {email} matches no PEC provider in our list, so its servers were not checked.',
    ),
    steps: [
      t(
        'Chiedi al gestore (o guarda nelle impostazioni del programma di posta) i nomi dei server e ripeti il controllo indicandoli nelle impostazioni avanzate.',
        'Ask the provider (or look in the mail program’s settings) for the server names and run the check again with them in the advanced settings.',
      ),
    ],
    links: [],
  },
  {
    id: 'account-plaintext',
    area: 'accounts',
    severity: 'error',
    title: t('L’account {account} si collega senza protezione', 'Account {account} connects without encryption'),
    detail: t(
      'Il server {server} è impostato senza SSL/TLS. I gestori PEC rifiutano le connessioni non protette.',
      'Server {server} is set up without SSL/TLS. PEC providers refuse unencrypted connections.',
    ),
    steps: [
      t(
        'Nelle impostazioni dell’account scegli «SSL/TLS» come protezione della connessione, con il server e la porta indicati dal gestore: {expected}.',
        'In the account settings choose "SSL/TLS" as connection security, with the provider’s server and port: {expected}.',
      ),
    ],
    links: [],
  },
  {
    id: 'account-security-mismatch',
    area: 'accounts',
    severity: 'error',
    title: t('L’account {account} usa un tipo di protezione sbagliato', 'Account {account} uses the wrong connection security'),
    detail: t(
      'Per {server} la protezione impostata non corrisponde alla porta (ad esempio STARTTLS sulla porta 993 o 465, che vogliono SSL/TLS).',
      'For {server} the connection security does not match the port (STARTTLS on port 993 or 465, which expect SSL/TLS, for example).',
    ),
    steps: [
      t(
        'Imposta la protezione e la porta indicate dal gestore: {expected}.',
        'Set the connection security and port the provider publishes: {expected}.',
      ),
    ],
    links: [],
  },
  {
    id: 'account-wrong-host',
    area: 'accounts',
    severity: 'error',
    title: t('L’account {account} usa un server che il gestore non indica', 'Account {account} uses a server the provider does not list'),
    detail: t(
      'Il server {server} non è tra quelli pubblicati dal gestore PEC {provider}.',
      'Server {server} is not among those published by PEC provider {provider}.',
    ),
    steps: [
      t(
        'Correggi il nome del server con quello indicato dal gestore: {expected}.',
        'Correct the server name to the one the provider publishes: {expected}.',
      ),
    ],
    links: [],
  },
  {
    id: 'account-wrong-port',
    area: 'accounts',
    severity: 'warning',
    title: t(
      'L’account {account} usa una porta diversa da quella del gestore',
      'Account {account} uses a port different from the provider’s',
    ),
    detail: t(
      'Il server {server} è impostato su una porta che il gestore {provider} non indica.',
      'Server {server} is set to a port provider {provider} does not list.',
    ),
    steps: [t('Imposta la porta indicata dal gestore: {expected}.', 'Set the port the provider publishes: {expected}.')],
    links: [],
  },
  {
    id: 'account-other',
    area: 'accounts',
    severity: 'info',
    title: t('Nota sull’account {account}', 'Note on account {account}'),
    // The reader's code is in the evidence (technician), not in the sentence.
    detail: t(
      'La lettura dell’account ha segnalato una situazione che questa versione di PEC Doctor non sa ancora spiegare; il codice è nel dettaglio per il tecnico.',
      'Reading the account reported a situation this version of PEC Doctor cannot explain yet; the code is in the technician’s detail.',
    ),
    steps: [],
    links: [],
  },
  {
    id: 'address-not-pec',
    area: 'accounts',
    // Not a problem of this computer: the verdict says "not a PEC address" (status not-pec).
    severity: 'warning',
    title: t('{email} non è un indirizzo PEC', '{email} is not a PEC address'),
    detail: t(
      '{email} è una casella di posta ordinaria ({service}): la PEC si trova solo su domini certificati dei gestori accreditati (per esempio @pec.it, @legalmail.it), quindi non c’è un server PEC da controllare per questo indirizzo.',
      '{email} is an ordinary mailbox ({service}): PEC lives only on certified domains of accredited providers (for example @pec.it, @legalmail.it), so there is no PEC server to check for this address.',
    ),
    steps: [
      t(
        'Scrivi l’indirizzo della tua casella PEC (lo trovi nel contratto con il gestore o nelle impostazioni del programma di posta) e ripeti il controllo.',
        'Enter your PEC mailbox address (see the contract with the provider or the mail program’s settings) and run the check again.',
      ),
    ],
    links: [],
  },
  {
    id: 'apple-mail-accounts-unreadable',
    area: 'accounts',
    severity: 'info',
    title: t('Non abbiamo potuto leggere gli account di Apple Mail', 'We could not read Apple Mail’s accounts'),
    detail: t(
      'Su questo Mac gli account di Apple Mail non sono leggibili ({reason}), quindi non sappiamo se c’è una casella PEC configurata. Non vuol dire che manchi.',
      'On this Mac Apple Mail’s accounts cannot be read ({reason}), so we do not know whether a PEC mailbox is configured. It does not mean there is none.',
    ),
    steps: [t('Scrivi il tuo indirizzo PEC e ripeti il controllo.', 'Enter your PEC address and run the check again.')],
    links: [],
  },
  // ----- servers ------------------------------------------------------------------------
  {
    id: 'server-dns-failed',
    area: 'servers',
    severity: 'error',
    title: t('Il server {host} non viene trovato', 'Server {host} cannot be found'),
    detail: t(
      'Il nome {host} non corrisponde a nessun indirizzo: può essere scritto male nelle impostazioni o la connessione a Internet può non funzionare.',
      'The name {host} resolves to no address: it may be misspelt in the settings, or the Internet connection may be down.',
    ),
    steps: [
      t('Controlla che il computer sia collegato a Internet.', 'Check that the computer is connected to the Internet.'),
      t(
        'Controlla il nome del server nelle impostazioni dell’account rispetto a quello indicato dal gestore.',
        'Check the server name in the account settings against the provider’s.',
      ),
    ],
    links: [],
  },
  {
    id: 'server-unreachable',
    area: 'servers',
    severity: 'error',
    title: t('Il server {host} non risponde sulla porta {port}', 'Server {host} does not answer on port {port}'),
    detail: t(
      'La connessione a {url} non è riuscita: {reason}. Spesso è un firewall, l’antivirus o la rete dell’ufficio che blocca la porta.',
      'Connecting to {url} failed: {reason}. Often a firewall, the antivirus or the office network blocks the port.',
    ),
    steps: [
      t('Riprova tra qualche minuto.', 'Try again in a few minutes.'),
      t(
        'Chiedi al tecnico di verificare che firewall e antivirus lascino passare la porta {port}.',
        'Ask the technician to check that firewall and antivirus allow port {port}.',
      ),
    ],
    links: [],
  },
  {
    id: 'server-starttls-missing',
    area: 'servers',
    severity: 'error',
    title: t('Il server {host} non offre la protezione STARTTLS', 'Server {host} does not offer STARTTLS'),
    detail: t(
      'Su {url} il server non accetta di passare a una connessione protetta. Con la PEC si usano di solito le porte con SSL/TLS diretto (993, 995, 465).',
      'On {url} the server does not agree to upgrade to a secure connection. PEC normally uses the direct SSL/TLS ports (993, 995, 465).',
    ),
    steps: [
      t(
        'Nelle impostazioni dell’account usa «SSL/TLS» e la porta indicata dal gestore.',
        'In the account settings use "SSL/TLS" and the provider’s port.',
      ),
    ],
    links: [],
  },
  {
    id: 'server-starttls-failed',
    area: 'servers',
    severity: 'error',
    title: t(
      'Il server {host} accetta STARTTLS ma poi non avvia la protezione',
      'Server {host} accepts STARTTLS but then does not start the protection',
    ),
    detail: t(
      'Su {url} il server risponde sì alla richiesta di protezione ({reply}) e poi chiude la connessione: il problema è del server, non di questo computer.',
      'On {url} the server says yes to the request for protection ({reply}) and then closes the connection: the problem is the server’s, not this computer’s.',
    ),
    steps: [
      t(
        'Segnala il problema al gestore PEC (il server rifiuta la connessione protetta).',
        'Report the problem to the PEC provider (the server drops the secure connection).',
      ),
      t(
        'Nel frattempo, se il gestore lo prevede, usa «SSL/TLS» diretto (porte 993, 995, 465).',
        'Meanwhile, if the provider offers it, use direct "SSL/TLS" (ports 993, 995, 465).',
      ),
    ],
    links: [],
  },
  {
    id: 'server-no-tls12',
    area: 'servers',
    severity: 'error',
    title: t('Il server {host} non accetta TLS 1.2', 'Server {host} does not accept TLS 1.2'),
    detail: t(
      'Il server {url} accetta solo protocolli vecchi ({versions}). Un vero server PEC dal 2019 accetta solo TLS 1.2 o più recente: probabilmente non è il server giusto.',
      'Server {url} accepts only old protocols ({versions}). A real PEC server accepts only TLS 1.2 or later since 2019: it is probably not the right server.',
    ),
    steps: [
      t(
        'Controlla il nome del server nelle impostazioni rispetto a quello indicato dal gestore PEC.',
        'Check the server name in the settings against the one your PEC provider publishes.',
      ),
      t('Se il server è quello giusto, segnala il problema al gestore.', 'If it is the right server, report the problem to the provider.'),
    ],
    links: [],
  },
  {
    id: 'server-legacy-tls-accepted',
    area: 'servers',
    severity: 'info',
    title: t('Il server {host} accetta ancora protocolli vecchi', 'Server {host} still accepts old protocols'),
    detail: t(
      'Oltre a TLS 1.2, {url} accetta anche {versions}. Non impedisce il collegamento, ma i gestori PEC li hanno disattivati dal 2019: verifica che sia il server giusto.',
      'Besides TLS 1.2, {url} also accepts {versions}. This does not prevent connecting, but PEC providers turned them off in 2019: check it is the right server.',
    ),
    steps: [],
    links: [],
  },
  {
    id: 'server-handshake-failed',
    area: 'servers',
    severity: 'error',
    title: t('La connessione protetta con {host} non riesce', 'The secure connection with {host} fails'),
    // {reason} is plain (plain-reasons.ts); the probe's own line is in the evidence.
    detail: t('Il collegamento protetto con {url} si interrompe: {reason}.', 'The secure connection with {url} breaks off: {reason}.'),
    steps: [
      t(
        'Riprova tra qualche minuto; se continua, consegna il rapporto al tecnico.',
        'Try again in a few minutes; if it persists, hand the report to the technician.',
      ),
    ],
    links: [],
  },
  {
    id: 'cert-expired',
    area: 'servers',
    severity: 'error',
    title: t('Il certificato del server {host} non è valido in questa data', 'The certificate of server {host} is not valid at this date'),
    detail: t(
      'Il certificato di {url} vale dal {validFrom} al {validTo}. {clockHint}',
      'The certificate of {url} is valid from {validFrom} to {validTo}. {clockHint}',
    ),
    steps: [
      t('Controlla che data e ora del computer siano giuste.', 'Check that the computer’s date and time are right.'),
      t('Se lo sono, segnala il problema al gestore PEC.', 'If they are, report the problem to the PEC provider.'),
    ],
    links: [],
  },
  {
    id: 'cert-hostname-mismatch',
    area: 'servers',
    severity: 'error',
    title: t('Il certificato del server non corrisponde al nome {host}', 'The server certificate does not match the name {host}'),
    detail: t(
      'Il certificato ricevuto da {url} è intestato a {names}. Il programma di posta mostrerà un avviso o rifiuterà la connessione: di solito il nome del server nelle impostazioni è sbagliato.',
      'The certificate received from {url} is issued to {names}. The mail program will warn or refuse to connect: usually the server name in the settings is wrong.',
    ),
    steps: [
      t(
        'Correggi il nome del server con quello indicato dal gestore PEC.',
        'Correct the server name to the one your PEC provider publishes.',
      ),
    ],
    links: [],
  },
  {
    id: 'cert-chain-incomplete',
    area: 'servers',
    severity: 'error',
    title: t(
      'Il server {host} non invia tutta la catena del suo certificato',
      'Server {host} does not send the whole chain of its certificate',
    ),
    detail: t(
      'Il server {url} manda il suo certificato senza il certificato intermedio che lo collega all’autorità ({issuer}). Windows e i dispositivi Apple lo scaricano da soli e si collegano; Thunderbird, i telefoni Android e i programmi Java no. Il problema è del server, non di questo computer.',
      'Server {url} sends its certificate without the intermediate certificate that links it to the authority ({issuer}). Windows and Apple devices fetch it themselves and connect; Thunderbird, Android phones and Java programs do not. The problem is the server’s, not this computer’s.',
    ),
    steps: [
      t(
        'Segnala al gestore PEC che il server deve inviare anche il certificato intermedio.',
        'Tell the PEC provider that the server must also send the intermediate certificate.',
      ),
      t('Nel frattempo usa la webmail del gestore o un PC con Windows.', 'Meanwhile use the provider’s webmail or a Windows PC.'),
    ],
    links: [],
  },
  {
    id: 'cert-untrusted',
    area: 'servers',
    severity: 'error',
    title: t('Il certificato del server {host} non è riconosciuto come affidabile', 'The certificate of server {host} is not trusted'),
    detail: t(
      'Il certificato di {url} (emesso da {issuer}) non risulta firmato da un’autorità riconosciuta: {reason}. Possono essere certificati radice vecchi su questo computer, un programma che intercetta la connessione o un server sbagliato.',
      'The certificate of {url} (issued by {issuer}) is not signed by a recognised authority: {reason}. Causes: outdated root certificates on this computer, a program intercepting the connection, or the wrong server.',
    ),
    steps: [
      t(
        'Installa gli aggiornamenti di sistema (includono i certificati radice).',
        'Install the system updates (they include root certificates).',
      ),
      t('Controlla il nome del server con quello indicato dal gestore PEC.', 'Check the server name against your PEC provider’s.'),
    ],
    links: [],
  },
  {
    id: 'client-handshake-would-fail',
    area: 'servers',
    severity: 'error',
    title: t(
      '{client} di questo computer non riuscirebbe a collegarsi a {host}',
      'This computer’s {client} would fail to connect to {host}',
    ),
    detail: t(
      'Abbiamo simulato la connessione di {client} verso {url}: non riesce: {reason}.',
      'We simulated {client} connecting to {url}: it fails: {reason}.',
    ),
    steps: [
      t(
        'Aggiorna il programma o il sistema indicato; nel frattempo usa la webmail del gestore.',
        'Update the program or system named; meanwhile use the provider’s webmail.',
      ),
    ],
    links: [],
  },
  {
    id: 'server-ok',
    area: 'servers',
    severity: 'ok',
    title: t('Il server {host} funziona con TLS 1.2', 'Server {host} works with TLS 1.2'),
    detail: t(
      '{url}: connessione protetta riuscita ({versions}), certificato valido.',
      '{url}: secure connection succeeded ({versions}), valid certificate.',
    ),
    steps: [],
    links: [],
  },
  {
    id: 'network-offline',
    area: 'servers',
    severity: 'error',
    title: OFFLINE_TITLE,
    detail: t(
      'Nessuno dei server controllati ({hosts}) è stato raggiunto: tutti falliscono già alla ricerca del nome (DNS) o all’apertura della connessione. Il problema è la rete di questo computer, non la casella PEC né il gestore.',
      'None of the servers checked ({hosts}) was reached: all fail already at the name look-up (DNS) or when opening the connection. The problem is this computer’s network, not the PEC mailbox or the provider.',
    ),
    steps: [
      CHECK_CONNECTION,
      CHECK_PROXY,
      t(
        'Chiedi al tecnico di verificare che firewall e antivirus non blocchino i programmi di posta.',
        'Ask the technician to check that firewall and antivirus do not block mail programs.',
      ),
      RUN_AGAIN_ONLINE,
    ],
    links: [],
  },
  // ----- the run itself -------------------------------------------------------------------
  {
    id: 'check-failed',
    area: 'run',
    // Warning, not info: an unfinished check means we cannot say all is well.
    severity: 'warning',
    title: t('Un controllo non è stato completato: {check}', 'A check could not be completed: {check}'),
    // The error message is for the technician (evidence), not for the sentence.
    detail: t(
      'Il controllo «{check}» si è interrotto per un errore imprevisto (il messaggio è nel dettaglio per il tecnico). Gli altri controlli sono validi.',
      'Check "{check}" stopped with an unexpected error (the message is in the technician’s detail). The other checks are valid.',
    ),
    steps: [t('Consegna il rapporto al tecnico.', 'Hand the report to the technician.')],
    links: [],
  },
];

export const CATALOGUE_BY_ID: ReadonlyMap<string, CatalogueEntry> = new Map(CATALOGUE.map((e) => [e.id, e]));

/** Ids the issue requires (issue #6), all present in the catalogue. */
export const REQUIRED_IDS = [
  'os-windows-xp',
  'os-end-of-life',
  'win7-tls12-client-disabled',
  'win7-kb3140245-missing',
  'win7-winhttp-defaults-missing',
  'win7-ciphers-incompatible',
  'clock-wrong',
  'antivirus-tls-interception',
  'dotnet-too-old',
  'java-too-old',
  'openssl-too-old',
  'outlook-too-old',
  'outlook-mac-2011-unsupported-os',
  'thunderbird-too-old',
  'thunderbird-tls-max-lowered',
  'apple-mail-os-too-old',
  'browser-too-old-for-webmail',
  'no-pec-account-found',
  'account-plaintext',
  'account-security-mismatch',
  'account-wrong-host',
  'account-wrong-port',
  'server-dns-failed',
  'server-unreachable',
  'server-starttls-missing',
  'server-no-tls12',
  'server-legacy-tls-accepted',
  'cert-expired',
  'cert-hostname-mismatch',
  'cert-untrusted',
  'client-handshake-would-fail',
] as const;

export type Params = Record<string, string | number | Text | null | undefined>;

/** Replaces {name} with params.name in the given language (unknown placeholders stay visible, so tests catch them). */
export function fill(template: string, params: Params, lang: keyof Text = 'it'): string {
  return template
    .replace(/\{([a-zA-Z]+)\}/g, (all, name: string) => {
      const v = params[name];
      if (v === undefined || v === null) return all;
      return typeof v === 'object' ? v[lang] : String(v);
    })
    .replace(/\s+$/, '');
}

export function fillText(tx: Text, params: Params): Text {
  return { it: fill(tx.it, params, 'it'), en: fill(tx.en, params, 'en') };
}

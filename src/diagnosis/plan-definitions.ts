// The fix plans (issue #11) as data: one entry per root cause, with the findings it folds, the
// texts of its steps in every state, and where the facts come from. plans.ts decides, from the
// machine's evidence, which plans apply and the state of each step. Ids are stable and
// documented in docs/findings.md ("Piani / Plans").
import type { Text } from '../util/text';
import { text } from '../util/text';
import type { LinkKey } from './catalogue';
import {
  CHECK_CONNECTION,
  CHECK_PROXY,
  INSTALL_KB3140245,
  LANGUAGE_PACK_UNDID_KB,
  OFFLINE_TITLE,
  RUN_AGAIN_ONLINE,
  SCHANNEL_ENABLE_STEP,
  SCHANNEL_ON_STEP,
  TLS12_OFF_NO_CLIENT,
  UPDATE_THUNDERBIRD,
  USE_THUNDERBIRD_MEANWHILE,
} from './texts';

const t = text;

/** The registry paths the steps name (Microsoft "TLS registry settings"; KB3140245). */
export const TLS12_CLIENT_KEY =
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client';
export const WINHTTP_KEY_NATIVE = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';
export const WINHTTP_KEY_WOW64 =
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';

export interface StepTexts {
  todo: Text;
  done?: Text;
  unknown?: Text;
  links: LinkKey[];
}

export interface PlanDefinition {
  id: string;
  /** Finding ids this cause folds (every subject). */
  folds: readonly string[];
  /** Where the facts of the plan come from (reference files, Microsoft documents). */
  sources: readonly string[];
}

export const PLAN_DEFINITIONS = {
  'network-offline': {
    id: 'network-offline',
    folds: ['network-offline', 'server-dns-failed', 'server-unreachable'],
    sources: ['issue #11 "Network first": decided from the probes\' own DNS/connect steps (src/diagnosis/network.ts)'],
  },
  'windows-xp': {
    id: 'windows-xp',
    folds: ['os-windows-xp', 'browser-too-old-for-webmail', 'outlook-too-old'],
    sources: ['ITnet and Actalis 2019 notices: Windows XP has no TLS 1.2; webmail only with Chrome 49 / Firefox 49 on XP SP3'],
  },
  // Windows whose TLS 1.2 can still be reached (no update adds it to XP, Server 2003, Vista).
  'windows-no-tls12': {
    id: 'windows-no-tls12',
    folds: ['os-no-tls12', 'outlook-too-old'],
    sources: [
      'Microsoft "Protocols in TLS/SSL (Schannel SSP)": no TLS 1.2 on Vista / Server 2008 before KB4019276 (Server only)',
      'Mozilla: Thunderbird 52.9.1 ESR, Firefox 52 ESR and Chrome 49 were the last releases for Windows XP and Vista (docs/windows-family.md)',
    ],
  },
  // Windows 7 / 2008 R2, 8.0 / 2012 and Server 2008 SP2: service pack, update, registry, reboot.
  'windows7-tls12': {
    id: 'windows7-tls12',
    folds: [
      'win7-tls12-client-disabled',
      'windows-service-pack-missing',
      'win2008-kb4019276-missing',
      'win7-kb3140245-missing',
      'win7-kb3140245-language-pack',
      'win7-winhttp-defaults-missing',
    ],
    sources: [
      "ITnet and Actalis 2019 notices: the providers' three steps for Windows 7 (KB3140245, Easy Fix, TLS 1.2\\Client DisabledByDefault=0) and the language-pack note",
      'Microsoft KB3140245: WinHTTP DefaultSecureProtocols bits, both registry views on x64 only; KB976932 (SP1 first), KB4019276 (Server 2008 SP2): docs/windows-family.md',
      'Microsoft "TLS registry settings": SCHANNEL Enabled/DisabledByDefault semantics (Enabled=0 never negotiates)',
    ],
  },
  'windows-tls12-reenable': {
    id: 'windows-tls12-reenable',
    folds: ['win7-tls12-client-disabled'],
    sources: [
      'Microsoft "Protocols in TLS/SSL (Schannel SSP)" and "TLS registry settings": TLS 1.2 is on by default from Windows 8; Enabled=0 or DisabledByDefault=1 turn it off',
    ],
  },
  // A Thunderbird below the providers' minimum blocks PEC: its own plan, so it is listed with the other blocking causes.
  'thunderbird-update': {
    id: 'thunderbird-update',
    folds: ['thunderbird-too-old'],
    sources: [
      "ITnet and Actalis 2019 notices: Thunderbird 45.6 is the providers' minimum (MAIL_CLIENT_REQUIREMENTS in src/diagnosis/requirements.ts)",
    ],
  },
} as const satisfies Record<string, PlanDefinition>;

export type PlanId = keyof typeof PLAN_DEFINITIONS;

/** Plans in the order a technician should work through them: the network first, then the OS. */
export const PLAN_ORDER: readonly PlanId[] = [
  'network-offline',
  'windows-xp',
  'windows-no-tls12',
  'windows7-tls12',
  'windows-tls12-reenable',
  'thunderbird-update',
];

export const STEPS = {
  // ----- network-offline
  'check-connection': { todo: CHECK_CONNECTION, links: [] },
  'check-proxy': { todo: CHECK_PROXY, links: [] },
  'check-firewall': {
    todo: t(
      'Chiedi al tecnico di verificare che firewall e antivirus non blocchino le connessioni dei programmi di posta.',
      'Ask the technician to check that firewall and antivirus do not block the mail programs’ connections.',
    ),
    links: [],
  },
  'run-again': { todo: RUN_AGAIN_ONLINE, links: [] },
  // ----- windows-xp
  'use-supported-computer': {
    todo: t(
      'Usa per la PEC un computer con Windows 10 o 11 (o un Mac o un tablet aggiornati): {os} non conosce TLS 1.2 e non si può aggiornare per usarlo.',
      'Use a computer with Windows 10 or 11 (or an up-to-date Mac or tablet) for PEC: {os} does not know TLS 1.2 and cannot be updated to use it.',
    ),
    links: [],
  },
  'webmail-browser': {
    todo: t(
      'Per usare nel frattempo la webmail installa Firefox o Chrome in versione 49 o successiva (richiede Windows XP Service Pack 3).',
      'To use the webmail meanwhile install Firefox or Chrome 49 or later (needs Windows XP Service Pack 3).',
    ),
    done: t('Per la webmail puoi usare {browser}, già installato.', 'For the webmail you can use {browser}, already installed.'),
    links: ['firefox'],
  },
  // ----- windows-no-tls12 (Vista, Server 2003): the XP plan with what still runs there.
  'webmail-browser-vista': {
    todo: t(
      'Per usare nel frattempo la webmail installa Firefox 52 ESR o Chrome 49, le ultime versioni che funzionano su {os}.',
      'To use the webmail meanwhile install Firefox 52 ESR or Chrome 49, the last versions that run on {os}.',
    ),
    done: t('Per la webmail puoi usare {browser}, già installato.', 'For the webmail you can use {browser}, already installed.'),
    links: ['firefox'],
  },
  'thunderbird-legacy': {
    todo: t(
      'In alternativa installa Mozilla Thunderbird 52.9.1 ESR, l’ultima versione che funziona su {os}: ha una crittografia propria con TLS 1.2. Non riceve più aggiornamenti di sicurezza: usalo solo finché non cambi computer.',
      'Alternatively install Mozilla Thunderbird 52.9.1 ESR, the last version that runs on {os}: it has its own TLS 1.2 encryption. It no longer gets security updates: use it only until you change computer.',
    ),
    done: t(
      '{thunderbird}, già installato, ha una crittografia propria con TLS 1.2: puoi usarlo per la PEC finché non cambi computer.',
      '{thunderbird}, already installed, has its own TLS 1.2 encryption: you can use it for PEC until you change computer.',
    ),
    links: ['thunderbird52'],
  },
  // ----- windows7-tls12
  'install-service-pack': {
    todo: t(
      'Installa prima il {servicePack} di {os}, nella versione {bits}: gli aggiornamenti che portano TLS 1.2 si installano solo dopo (pagina Microsoft qui sotto, oppure Windows Update).',
      'First install {os} {servicePack}, the {bits} package: the updates that bring TLS 1.2 install only after it (Microsoft page below, or Windows Update).',
    ),
    done: t('Il {servicePack} è già installato.', '{servicePack} is already installed.'),
    // The link is the service pack's own page, added by the plan (SP1 for 7 / 2008 R2, SP2 for 2008).
    links: [],
  },
  'install-kb4019276': {
    todo: t(
      'Installa l’aggiornamento di Windows KB4019276, che aggiunge TLS 1.2 a {os}: nella pagina Microsoft qui sotto scegli la versione {bits}.',
      'Install the Windows update KB4019276, which adds TLS 1.2 to {os}: on the Microsoft page below pick the {bits} package.',
    ),
    done: t('L’aggiornamento KB4019276 è già installato.', 'Update KB4019276 is already installed.'),
    unknown: t(
      'Controlla in Windows Update (aggiornamenti installati) che ci sia KB4019276: non siamo riusciti a verificarlo. Se manca, installalo.',
      'Check in Windows Update (installed updates) that KB4019276 is there: we could not verify it. If it is missing, install it.',
    ),
    links: ['kb4019276'],
  },
  'install-kb3140245': {
    todo: INSTALL_KB3140245,
    done: t('L’aggiornamento KB3140245 è già installato.', 'Update KB3140245 is already installed.'),
    unknown: t(
      'Controlla in Windows Update (aggiornamenti installati) che ci sia KB3140245: non siamo riusciti a verificarlo. Se manca, installalo.',
      'Check in Windows Update (installed updates) that KB3140245 is there: we could not verify it. If it is missing, install it.',
    ),
    links: ['kb3140245'],
  },
  'reinstall-kb3140245': {
    todo: t(
      'Reinstalla l’aggiornamento KB3140245: dopo di esso è stato aggiunto un pacchetto di lingua ({languagePack}), e i gestori PEC indicano che in quel caso l’aggiornamento va installato di nuovo.',
      'Reinstall update KB3140245: a language pack ({languagePack}) was added after it, and PEC providers say the update must then be installed again.',
    ),
    unknown: t(
      'KB3140245 risulta installato, ma su questo computer c’è anche un pacchetto di lingua ({languagePack}) e non sappiamo se è stato aggiunto dopo: in quel caso reinstalla KB3140245.',
      'KB3140245 is installed, but this computer also has a language pack ({languagePack}) and we cannot tell whether it was added later: if so, reinstall KB3140245.',
    ),
    links: ['kb3140245'],
  },
  // Step texts are plain; registry keys and values (DefaultSecureProtocols = 0x...) are in the
  // step's evidence, which the technician's view shows (plans.ts).
  'winhttp-defaults': {
    todo: t(
      'Esegui l’Easy Fix di Microsoft «MicrosoftEasyFix51044.msi» (pulsante Download nella sezione Easy fix della pagina Microsoft): fa usare TLS 1.2 come protezione predefinita anche ai programmi che passano da WinHTTP{views}.',
      'Run Microsoft’s Easy Fix "MicrosoftEasyFix51044.msi" (Download button in the Easy fix section of the Microsoft page): it makes programs that go through WinHTTP use TLS 1.2 by default too{views}.',
    ),
    done: t(
      'Windows usa già TLS 1.2 come protezione predefinita per i programmi che passano da WinHTTP.',
      'Windows already uses TLS 1.2 by default for programs that go through WinHTTP.',
    ),
    links: ['easyFix'],
  },
  'schannel-tls12-client': {
    todo: SCHANNEL_ON_STEP,
    done: t('TLS 1.2 è già attivo per i programmi che usano Windows.', 'TLS 1.2 is already on for programs that use Windows.'),
    unknown: t(
      'Il tecnico controlla nel Registro di sistema che TLS 1.2 sia attivo per i programmi di Windows: non siamo riusciti a leggerlo.',
      'The technician checks in the registry that TLS 1.2 is on for Windows programs: we could not read it.',
    ),
    links: ['tlsRegistry'],
  },
  'schannel-tls12-enable': {
    // Enabled=0 means "never negotiated" whatever DisabledByDefault says: setting only
    // DisabledByDefault=0 by hand would leave the mail program broken.
    todo: SCHANNEL_ENABLE_STEP,
    links: ['tlsRegistry'],
  },
  'schannel-tls12-default': {
    todo: t(
      'Il tecnico riattiva TLS 1.2 per i programmi di Windows nel Registro di sistema (oggi è spento) oppure toglie l’impostazione per tornare al comportamento normale di Windows: può usare il file .reg preparato da PEC Doctor («Salva la correzione (.reg)» nella schermata del risultato).',
      'The technician turns TLS 1.2 back on for Windows programs in the registry (it is off today) or removes the setting to return to Windows’ normal behaviour: they can use the .reg file PEC Doctor prepares (“Salva la correzione (.reg)” on the result screen).',
    ),
    links: ['tlsRegistry'],
  },
  reboot: {
    todo: t(
      'Riavvia il computer (una volta, alla fine) e riapri {client}.',
      'Restart the computer (once, at the end) and reopen {client}.',
    ),
    done: t('Nessun riavvio necessario.', 'No restart needed.'),
    links: [],
  },
  'reboot-terminal-server': {
    todo: t(
      'Riavvia il server (una volta, alla fine) in un momento di pausa e avvisa prima gli utenti: è un server terminal, e il riavvio chiude le sessioni di tutti gli utenti collegati. Poi riapri {client}.',
      'Restart the server (once, at the end) at a quiet time and warn the users first: it is a terminal server, and the restart ends every connected user’s session. Then reopen {client}.',
    ),
    done: t('Nessun riavvio necessario.', 'No restart needed.'),
    links: [],
  },
  // ----- thunderbird-update
  'update-thunderbird': { todo: UPDATE_THUNDERBIRD, links: ['thunderbird'] },
  // XP and Vista run no Thunderbird after 52.9.1 ESR.
  'update-thunderbird-legacy': {
    todo: t(
      'Aggiorna Thunderbird alla versione 52.9.1 ESR, l’ultima che funziona su {os} (archivio ufficiale di Mozilla qui sotto).',
      'Update Thunderbird to 52.9.1 ESR, the last version that runs on {os} (Mozilla’s official archive below).',
    ),
    links: ['thunderbird52'],
  },
  // Outlook is blocked but the installed Thunderbird has its own TLS: it works meanwhile.
  'use-thunderbird-meanwhile': { todo: USE_THUNDERBIRD_MEANWHILE, links: [] },
} as const satisfies Record<string, StepTexts>;

export type StepId = keyof typeof STEPS;

export const CAUSES = {
  'network-offline': OFFLINE_TITLE,
  'windows-xp': t('Windows XP non può usare TLS 1.2', 'Windows XP cannot use TLS 1.2'),
  'windows-no-tls12': t('{client} su {os} non può usare TLS 1.2', '{client} on {os} cannot use TLS 1.2'),
  'windows-no-tls12-os': t('{os} non può usare TLS 1.2', '{os} cannot use TLS 1.2'),
  'thunderbird-update': t('Thunderbird {version} è troppo vecchio per la PEC', 'Thunderbird {version} is too old for PEC'),
  'windows7-client': t('{client} su {os} non usa TLS 1.2', '{client} on {os} does not use TLS 1.2'),
  'windows7-no-client': TLS12_OFF_NO_CLIENT,
  'windows7-winhttp': t('{os} non usa TLS 1.2 come protezione predefinita (WinHTTP)', '{os} does not use TLS 1.2 by default (WinHTTP)'),
  'windows7-unknown': t(
    'Non sappiamo se {os} usa TLS 1.2 per i programmi di Windows',
    'We do not know whether {os} uses TLS 1.2 for Windows programs',
  ),
  'windows2008-kb4019276': t('{client} su {os} non usa TLS 1.2', '{client} on {os} does not use TLS 1.2'),
  'windows7-language-pack': LANGUAGE_PACK_UNDID_KB,
  'windows-reenable': t('TLS 1.2 è stato spento su {os}', 'TLS 1.2 was turned off on {os}'),
} as const;

export const EXPLANATIONS = {
  'network-offline': t(
    'Nessun server controllato ha risposto: tutti falliscono già alla ricerca del nome (DNS) o all’apertura della connessione. Il problema è la rete di questo computer, non la casella PEC né il gestore; anche la webmail non funzionerà finché la rete non torna.',
    'No server checked answered: all fail already at the name look-up (DNS) or when opening the connection. The problem is this computer’s network, not the PEC mailbox or the provider; the webmail will not work either until the network is back.',
  ),
  'windows-xp': t(
    'Dal 2019 i gestori PEC accettano solo TLS 1.2, che Windows XP non conosce: {affected}. Si risolve solo usando un altro computer; nel frattempo la webmail funziona con un browser recente.',
    'Since 2019 PEC providers accept only TLS 1.2, which Windows XP does not know: {affected}. The only fix is another computer; meanwhile the webmail works with a recent browser.',
  ),
  'windows-no-tls12': t(
    'Dal 2019 i gestori PEC accettano solo TLS 1.2, che {os} non conosce e che nessun aggiornamento aggiunge: {affected}. Si risolve solo con un Windows più recente; nel frattempo la PEC funziona dalla webmail o da un programma con una crittografia propria.',
    'Since 2019 PEC providers accept only TLS 1.2, which {os} does not know and no update adds: {affected}. The only fix is a newer Windows; meanwhile PEC works from the webmail or from a program with its own encryption.',
  ),
  'thunderbird-update': t(
    'Dal 2019 i gestori PEC accettano solo TLS 1.2: Thunderbird lo usa dalla versione 45.6, e questa è più vecchia. Aggiornato, si collega di nuovo.',
    'Since 2019 PEC providers accept only TLS 1.2: Thunderbird uses it from version 45.6, and this one is older. Once updated, it connects again.',
  ),
  'windows7-client': t(
    'Dal 2019 i gestori PEC accettano solo TLS 1.2. {os} lo contiene ma lo tiene spento, e {client} usa le impostazioni di Windows: per questo non riesce a collegarsi. Il problema è di questo computer, non della casella PEC. Se in futuro aggiungi una lingua a Windows, reinstalla KB3140245.',
    'Since 2019 PEC providers accept only TLS 1.2. {os} has it but keeps it off, and {client} uses Windows’ settings: that is why it cannot connect. The problem is this computer, not the PEC mailbox. If you later add a language to Windows, reinstall KB3140245.',
  ),
  'windows7-no-client': t(
    '{os} tiene spento TLS 1.2, ma nessuno dei programmi di posta installati ne è bloccato{others}. Conviene sistemarlo per i programmi che usano la crittografia di Windows (Outlook, software gestionali e di firma).',
    '{os} keeps TLS 1.2 off, but none of the installed mail programs is blocked by it{others}. It is worth fixing for programs that use Windows’ encryption (Outlook, practice-management and signing software).',
  ),
  // SChannel unreadable: say what was not read instead of "TLS 1.2 è attivo".
  'windows7-unknown': t(
    'Non siamo riusciti a leggere se TLS 1.2 è attivo per i programmi che usano Windows (Outlook, software gestionali e di firma): il tecnico lo controlla con i passi qui sotto.',
    'We could not read whether TLS 1.2 is on for the programs that use Windows (Outlook, practice-management and signing software): the technician checks it with the steps below.',
  ),
  'windows7-winhttp': t(
    'TLS 1.2 è attivo per i programmi di posta, ma Windows non lo usa ancora come protezione predefinita per i programmi che passano da WinHTTP (software gestionali e di firma).',
    'TLS 1.2 is on for the mail programs, but Windows does not yet use it by default for programs that go through WinHTTP (practice-management and signing software).',
  ),
  'windows7-language-pack': t(
    'TLS 1.2 è attivo per i programmi di posta, ma dopo KB3140245 è stato aggiunto un pacchetto di lingua: i gestori PEC avvertono che l’aggiornamento va reinstallato, altrimenti Windows può tornare a non usare TLS 1.2 come protezione predefinita (programmi che passano da WinHTTP).',
    'TLS 1.2 is on for the mail programs, but a language pack was added after KB3140245: PEC providers warn that the update must be reinstalled, or Windows may stop using TLS 1.2 by default again (programs that go through WinHTTP).',
  ),
  'windows2008-kb4019276': t(
    'Dal 2019 i gestori PEC accettano solo TLS 1.2. {os} lo ottiene solo con l’aggiornamento KB4019276 e, anche dopo, lo tiene spento finché il Registro di sistema non lo attiva; {client} usa le impostazioni di Windows: per questo non riesce a collegarsi. Il problema è di questo computer, non della casella PEC.',
    'Since 2019 PEC providers accept only TLS 1.2. {os} gets it only with update KB4019276 and, even then, keeps it off until the registry turns it on; {client} uses Windows’ settings: that is why it cannot connect. The problem is this computer, not the PEC mailbox.',
  ),
  'windows-reenable': t(
    '{os} usa TLS 1.2 di serie, ma su questo computer è stato spento nel Registro di sistema, e {client} usa le impostazioni di Windows: per questo non riesce a collegarsi. Il problema è di questo computer, non della casella PEC.',
    '{os} uses TLS 1.2 by default, but on this computer it was turned off in the registry, and {client} uses Windows’ settings: that is why it cannot connect. The problem is this computer, not the PEC mailbox.',
  ),
} as const;

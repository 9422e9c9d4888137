// The fix plans (issue #11) as data: one entry per root cause, with the findings it folds, the
// texts of its steps in every state, and where the facts come from. plans.ts decides, from the
// machine's evidence, which plans apply and the state of each step. Ids are stable and
// documented in docs/findings.md ("Piani / Plans").
import type { Text } from '../util/text';
import { text } from '../util/text';
import type { LinkKey } from './catalogue';

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
    sources: ['requirements.md: Windows XP has no TLS 1.2; webmail only with Chrome 49 / Firefox 49 on XP SP3 (ITnet, Actalis 2019)'],
  },
  'windows7-tls12': {
    id: 'windows7-tls12',
    folds: ['win7-tls12-client-disabled', 'win7-kb3140245-missing', 'win7-kb3140245-language-pack', 'win7-winhttp-defaults-missing'],
    sources: [
      "requirements.md: the providers' three steps for Windows 7 (KB3140245, Easy Fix, TLS 1.2\\Client DisabledByDefault=0) and the language-pack note",
      'windows-and-clients.md §2: KB3140245, WinHTTP DefaultSecureProtocols bits, both registry views on x64 only',
      'windows-and-clients.md §3: SCHANNEL Enabled/DisabledByDefault semantics (Enabled=0 never negotiates)',
    ],
  },
  'windows-tls12-reenable': {
    id: 'windows-tls12-reenable',
    folds: ['win7-tls12-client-disabled'],
    sources: ['windows-and-clients.md §3: TLS 1.2 is on by default from Windows 8; Enabled=0 or DisabledByDefault=1 turn it off'],
  },
} as const satisfies Record<string, PlanDefinition>;

export type PlanId = keyof typeof PLAN_DEFINITIONS;

/** Plans in the order a technician should work through them: the network first, then the OS. */
export const PLAN_ORDER: readonly PlanId[] = ['network-offline', 'windows-xp', 'windows7-tls12', 'windows-tls12-reenable'];

export const STEPS = {
  // ----- network-offline
  'check-connection': {
    todo: t(
      'Controlla il cavo di rete o il Wi-Fi e prova ad aprire un sito qualsiasi nel browser.',
      'Check the network cable or the Wi-Fi and try to open any web site in the browser.',
    ),
    links: [],
  },
  'check-proxy': {
    todo: t(
      'Se in ufficio si usa un proxy, chiedi al tecnico di verificarne le impostazioni.',
      'If the office uses a proxy, ask the technician to check its settings.',
    ),
    links: [],
  },
  'check-firewall': {
    todo: t(
      'Chiedi al tecnico di verificare che firewall e antivirus non blocchino le connessioni dei programmi di posta.',
      'Ask the technician to check that firewall and antivirus do not block the mail programs’ connections.',
    ),
    links: [],
  },
  'run-again': {
    todo: t('Quando la connessione funziona, ripeti il controllo.', 'When the connection works, run the check again.'),
    links: [],
  },
  // ----- windows-xp
  'use-supported-computer': {
    todo: t(
      'Usa per la PEC un computer con Windows 10 o 11 (o un Mac o un tablet aggiornati): Windows XP non conosce TLS 1.2 e non si può aggiornare per usarlo.',
      'Use a computer with Windows 10 or 11 (or an up-to-date Mac or tablet) for PEC: Windows XP does not know TLS 1.2 and cannot be updated to use it.',
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
  // ----- windows7-tls12
  'install-kb3140245': {
    todo: t(
      'Installa l’aggiornamento di Windows KB3140245 (pagina Microsoft qui sotto, scegli la versione per {os} a 32 o 64 bit).',
      'Install the Windows update KB3140245 (Microsoft page below; pick the {os} 32- or 64-bit package).',
    ),
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
    todo: t(
      'Il tecnico attiva TLS 1.2 per i programmi di Windows nel Registro di sistema: può usare il file .reg preparato da PEC Doctor («Salva la correzione (.reg)» nella schermata del risultato).',
      'The technician turns TLS 1.2 on for Windows programs in the registry: they can use the .reg file PEC Doctor prepares (“Salva la correzione (.reg)” on the result screen).',
    ),
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
    todo: t(
      'Il tecnico riattiva TLS 1.2 per i programmi di Windows nel Registro di sistema (oggi è disattivato esplicitamente: non basta crearlo, va riacceso): può usare il file .reg preparato da PEC Doctor («Salva la correzione (.reg)» nella schermata del risultato).',
      'The technician turns TLS 1.2 back on for Windows programs in the registry (today it is explicitly turned off: creating the setting is not enough, it must be switched on): they can use the .reg file PEC Doctor prepares (“Salva la correzione (.reg)” on the result screen).',
    ),
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
} as const satisfies Record<string, StepTexts>;

export type StepId = keyof typeof STEPS;

export const CAUSES = {
  'network-offline': t(
    'Questo computer non raggiunge Internet (o il DNS non risponde)',
    'This computer cannot reach the Internet (or DNS does not answer)',
  ),
  'windows-xp': t('Windows XP non può usare TLS 1.2', 'Windows XP cannot use TLS 1.2'),
  'windows7-client': t('{client} su {os} non usa TLS 1.2', '{client} on {os} does not use TLS 1.2'),
  'windows7-no-client': t(
    '{os} tiene spento TLS 1.2 per i programmi che usano Windows',
    '{os} keeps TLS 1.2 off for programs that rely on Windows',
  ),
  'windows7-winhttp': t('{os} non usa TLS 1.2 come protezione predefinita (WinHTTP)', '{os} does not use TLS 1.2 by default (WinHTTP)'),
  'windows7-language-pack': t('Un pacchetto di lingua ha annullato l’aggiornamento KB3140245', 'A language pack undid update KB3140245'),
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
  'windows7-client': t(
    'Dal 2019 i gestori PEC accettano solo TLS 1.2. {os} lo contiene ma lo tiene spento, e {client} usa le impostazioni di Windows: per questo non riesce a collegarsi. Il problema è di questo computer, non della casella PEC. Se in futuro aggiungi una lingua a Windows, reinstalla KB3140245.',
    'Since 2019 PEC providers accept only TLS 1.2. {os} has it but keeps it off, and {client} uses Windows’ settings: that is why it cannot connect. The problem is this computer, not the PEC mailbox. If you later add a language to Windows, reinstall KB3140245.',
  ),
  'windows7-no-client': t(
    '{os} tiene spento TLS 1.2, ma nessuno dei programmi di posta installati ne è bloccato{others}. Conviene sistemarlo per i programmi che usano la crittografia di Windows (Outlook, software gestionali e di firma).',
    '{os} keeps TLS 1.2 off, but none of the installed mail programs is blocked by it{others}. It is worth fixing for programs that use Windows’ encryption (Outlook, practice-management and signing software).',
  ),
  'windows7-winhttp': t(
    'TLS 1.2 è attivo per i programmi di posta, ma Windows non lo usa ancora come protezione predefinita per i programmi che passano da WinHTTP (software gestionali e di firma).',
    'TLS 1.2 is on for the mail programs, but Windows does not yet use it by default for programs that go through WinHTTP (practice-management and signing software).',
  ),
  'windows7-language-pack': t(
    'TLS 1.2 è attivo per i programmi di posta, ma dopo KB3140245 è stato aggiunto un pacchetto di lingua: i gestori PEC avvertono che l’aggiornamento va reinstallato, altrimenti Windows può tornare a non usare TLS 1.2 come protezione predefinita (programmi che passano da WinHTTP).',
    'TLS 1.2 is on for the mail programs, but a language pack was added after KB3140245: PEC providers warn that the update must be reinstalled, or Windows may stop using TLS 1.2 by default again (programs that go through WinHTTP).',
  ),
  'windows-reenable': t(
    '{os} usa TLS 1.2 di serie, ma su questo computer è stato spento nel Registro di sistema, e {client} usa le impostazioni di Windows: per questo non riesce a collegarsi. Il problema è di questo computer, non della casella PEC.',
    '{os} uses TLS 1.2 by default, but on this computer it was turned off in the registry, and {client} uses Windows’ settings: that is why it cannot connect. The problem is this computer, not the PEC mailbox.',
  ),
} as const;

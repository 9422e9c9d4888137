// The one dictionary of the technician's words (issue #12): the HTML/PDF report and the
// renderer's technician view take their labels from here, so "Edizione" is "Edizione" in both.
// Every entry is a Text (Italian first, English second). Groups:
// - sections: headings of the technician detail, in the order the report shows them;
// - fields:   row and column names (the machine, registry values, certificates, servers);
// - values:   the words for states (sì/no/non verificato/assente ...);
// - severity, verdict, planStep, stepStatus, probeStep: labels of the enums of the data model.
// Pure data: no function here formats anything.
import type { Text } from '../util/text';
import type { PlanStepState, Severity, VerdictStatus } from '../diagnosis/types';
import type { DeviceResult, StepName, StepResult } from '../probe/types';

const t = (it: string, en: string): Text => ({ it, en });

const SECTIONS = {
  summary: t('Riepilogo', 'Summary'),
  verdict: t('Esito', 'Verdict'),
  plans: t('Cosa fare', 'What to do'),
  machine: t('Questo computer', 'This computer'),
  caseCode: t('Codice pratica', 'Case code'),
  technician: t('Dettagli per il tecnico', 'Technician details'),
  os: t('Sistema operativo', 'Operating system'),
  schannel: t('Impostazioni TLS di Windows (SCHANNEL, lato client)', 'Windows TLS settings (SCHANNEL, client side)'),
  registry: t('Valori del registro', 'Registry values'),
  dotnet: t('.NET Framework: chiavi TLS', '.NET Framework: TLS keys'),
  servicing: t('Pacchetti installati (servicing)', 'Installed packages (servicing)'),
  clients: t('Programmi di posta', 'Mail programs'),
  browsers: t('Browser', 'Browsers'),
  runtimes: t('Componenti per software gestionali', 'Components for business software'),
  clockAntivirus: t('Orologio e antivirus', 'Clock and antivirus'),
  readErrors: t('Letture non riuscite', 'Failed reads'),
  accounts: t('Account di posta', 'Mail accounts'),
  lookups: t('Indirizzi PEC indicati', 'PEC addresses given'),
  servers: t('Server verificati', 'Servers checked'),
  tlsVersions: t('Versioni TLS e cifrari accettati', 'TLS versions and cipher suites accepted'),
  simulations: t('Simulazione dei programmi di posta', 'Mail program simulation'),
  certificate: t('Certificato del server', 'Server certificate'),
  probeSteps: t('Passi della verifica', 'Check steps'),
  failures: t('Controlli non completati', 'Checks not completed'),
  findings: t('Segnalazioni', 'Findings'),
  checksPassed: t('Controlli riusciti', 'Checks passed'),
  devices: t('Dispositivi dello studio che si collegano', 'Office devices that connect'),
  devicesShort: t('Quali dispositivi si collegano ai server PEC', 'Which devices connect to the PEC servers'),
  keyExchange: t('Scambio di chiavi del server', "Server's key exchange"),
  certificateChain: t('Catena dei certificati inviata dal server', 'Certificate chain sent by the server'),
  otherCertificate: t('Altro certificato del server', "The server's other certificate"),
} satisfies Record<string, Text>;

const FIELDS = {
  system: t('Sistema', 'System'),
  platform: t('Piattaforma', 'Platform'),
  name: t('Nome', 'Name'),
  version: t('Versione', 'Version'),
  build: t('Build', 'Build'),
  servicePack: t('Service pack', 'Service pack'),
  edition: t('Edizione', 'Edition'),
  arch: t('Architettura', 'Architecture'),
  displayVersion: t('Aggiornamento di funzionalità', 'Feature update'),
  kernel: t('Kernel', 'Kernel'),
  collectedFrom: t('Letto da', 'Read from'),
  protocol: t('Protocollo', 'Protocol'),
  enabled: t('Enabled', 'Enabled'),
  disabledByDefault: t('DisabledByDefault', 'DisabledByDefault'),
  effective: t('Stato effettivo', 'Effective state'),
  decidedBy: t('Deciso da', 'Decided by'),
  item: t('Voce', 'Item'),
  value: t('Valore', 'Value'),
  winhttp64: t('WinHTTP DefaultSecureProtocols (vista a 64 bit)', 'WinHTTP DefaultSecureProtocols (64-bit view)'),
  winhttp32: t('WinHTTP DefaultSecureProtocols (vista a 32 bit, Wow6432Node)', 'WinHTTP DefaultSecureProtocols (32-bit view, Wow6432Node)'),
  winhttpNative: t('WinHTTP DefaultSecureProtocols', 'WinHTTP DefaultSecureProtocols'),
  internetSettingsHkcu: t('Internet Settings SecureProtocols (utente, HKCU)', 'Internet Settings SecureProtocols (user, HKCU)'),
  internetSettingsHklm: t('Internet Settings SecureProtocols (computer, HKLM)', 'Internet Settings SecureProtocols (machine, HKLM)'),
  kb3140245: t('Aggiornamento KB3140245', 'Update KB3140245'),
  dotnetVersion: t('.NET Framework (Release)', '.NET Framework (Release)'),
  framework: t('Framework', 'Framework'),
  view: t('Vista del registro', 'Registry view'),
  schUseStrongCrypto: t('SchUseStrongCrypto', 'SchUseStrongCrypto'),
  systemDefaultTlsVersions: t('SystemDefaultTlsVersions', 'SystemDefaultTlsVersions'),
  package: t('Pacchetto', 'Package'),
  installedAt: t('Installato il', 'Installed on'),
  program: t('Programma', 'Program'),
  marketingName: t('Nome commerciale', 'Marketing name'),
  bitness: t('Bit', 'Bits'),
  installType: t('Installazione', 'Installation'),
  browser: t('Browser', 'Browser'),
  component: t('Componente', 'Component'),
  clockNow: t('Ora del computer', 'Computer time'),
  buildDate: t('Data di questa versione', 'Date of this version'),
  clockOffset: t('Scarto misurato (s)', 'Measured offset (s)'),
  timeZone: t('Fuso orario', 'Time zone'),
  antivirus: t('Antivirus', 'Antivirus'),
  source: t('Fonte', 'Source'),
  error: t('Errore', 'Error'),
  profile: t('Profilo', 'Profile'),
  address: t('Indirizzo', 'Address'),
  provider: t('Gestore', 'Provider'),
  incoming: t('In arrivo', 'Incoming'),
  outgoing: t('In uscita', 'Outgoing'),
  accountFindings: t('Segnalazioni', 'Findings'),
  userName: t('utente', 'user'),
  webmail: t('Webmail', 'Webmail'),
  outcome: t('Esito', 'Outcome'),
  addresses: t('Indirizzi IP', 'IP addresses'),
  banner: t('Messaggio del server', 'Server greeting'),
  tlsVersion: t('Versione TLS', 'TLS version'),
  accepted: t('Accettata', 'Accepted'),
  ciphers: t('Cifrari', 'Cipher suites'),
  negotiated: t('Negoziato da questo programma', 'Negotiated by this program'),
  simulatedProgram: t('Programma simulato', 'Simulated program'),
  cipher: t('Cifrario', 'Cipher suite'),
  reason: t('Motivo', 'Reason'),
  step: t('Passo', 'Step'),
  state: t('Stato', 'State'),
  detail: t('Dettaglio', 'Detail'),
  ms: t('ms', 'ms'),
  certSubject: t('Intestatario', 'Subject'),
  certIssuer: t('Emesso da', 'Issuer'),
  certSan: t('Nomi (SAN)', 'Names (SAN)'),
  certValidFrom: t('Valido dal', 'Valid from'),
  certValidTo: t('Valido fino al', 'Valid until'),
  certKey: t('Chiave / firma', 'Key / signature'),
  certTrusted: t('Affidabile', 'Trusted'),
  certHostname: t('Nome corrispondente', 'Name matches'),
  certIntercepted: t('Intercettato da', 'Intercepted by'),
  certFingerprint: t('Impronta SHA-256', 'SHA-256 fingerprint'),
  check: t('Controllo', 'Check'),
  created: t('Creato il', 'Created on'),
  appVersion: t('Versione di PEC Doctor', 'PEC Doctor version'),
  findingId: t('Codice segnalazione', 'Finding id'),
  subject: t('Riguarda', 'About'),
  device: t('Dispositivo', 'Device'),
  connects: t('Si collega?', 'Connects?'),
  keyExchange: t('Scambio di chiavi', 'Key exchange'),
  dhBits: t('Gruppo Diffie-Hellman (DHE): dimensione', 'Diffie-Hellman group (DHE): size'),
  curves: t('Curve ellittiche usate (ECDHE)', 'Elliptic curves used (ECDHE)'),
  keyExchangeRefused: t('Rifiutato da', 'Refused by'),
  hostPort: t('Server (host:porta)', 'Server (host:port)'),
  timings: t('Tempi (ms)', 'Timings (ms)'),
  chainPosition: t('N.', 'No.'),
  accountName: t('Nome mostrato', 'Display name'),
  thunderbirdTls: t('TLS min/max (Thunderbird)', 'TLS min/max (Thunderbird)'),
  opensslError: t('Errore di OpenSSL (questo programma)', 'OpenSSL error (this program)'),
  missingIssuer: t('Emittente non inviato (AIA)', 'Issuer not sent (AIA)'),
} satisfies Record<string, Text>;

const VALUES = {
  yes: t('sì', 'yes'),
  no: t('no', 'no'),
  unknown: t('non verificato', 'not verified'),
  absent: t('assente (valore non impostato)', 'absent (value not set)'),
  notRead: t('non letto', 'not read'),
  none: t('nessuno', 'none'),
  noData: t('Nessun dato.', 'No data.'),
  notMeasured: t('non misurato', 'not measured'),
  enabledState: t('attivo', 'enabled'),
  disabledState: t('disattivato', 'disabled'),
  unknownState: t('non verificato', 'not verified'),
  byRegistry: t('registro', 'registry'),
  byOsDefault: t('impostazione predefinita di Windows', 'Windows default'),
  succeeds: t('riesce', 'succeeds'),
  fails: t('non riesce', 'fails'),
  installed: t('installato', 'installed'),
  notInstalled: t('non installato', 'not installed'),
  antivirusNotChecked: t('non verificato', 'not checked'),
  antivirusNone: t('nessuno rilevato', 'none detected'),
  notIntercepted: t('no', 'no'),
  unrecognised: t('non riconosciuto', 'not recognised'),
  redacted: t('indirizzi e nomi utente oscurati', 'addresses and user names redacted'),
  inventoryMissing: t('Inventario non disponibile.', 'Inventory not available.'),
  accountsNotSearched: t('Ricerca degli account non eseguita.', 'Account search not run.'),
  noServer: t('Nessun server verificato.', 'No server checked.'),
  noCertificate: t('Nessun certificato ricevuto.', 'No certificate received.'),
  noPlan: t('Nessuna correzione necessaria.', 'No fix needed.'),
  /** No plan, but the verdict is not green: never "nothing needed" under a problem (#19). */
  noPlanOpen: t(
    'Nessuna correzione da applicare su questo computer: ciò che resta da fare è detto nell’esito qui sopra.',
    'No fix to apply on this computer: what is left to do is in the result above.',
  ),
  stopGap: t('Nel frattempo', 'Meanwhile'),
  stopGapText: t('usa la webmail del gestore', "use the provider's webmail"),
  readOnPhone: t('da leggere al telefono al tecnico', 'to read to the technician on the phone'),
  notVerified: t('Non verificato', 'Not verified'),
  next: t('Prossimo passo', 'Next step'),
  redactionTitle: t('Rapporto oscurato', 'Redacted report'),
  deviceOk: t('si collega', 'connects'),
  deviceFails: t('non si collega', 'does not connect'),
  devicePartial: t('si collega solo in parte', 'connects only partly'),
  deviceUnknown: t('non verificato', 'not verified'),
  /** Windows 7 partial: SChannel as shipped fails, with TLS 1.2 turned on it connects. */
  deviceOnlyWithTls12: t('si collega solo con TLS 1.2 attivo', 'connects only with TLS 1.2 turned on'),
  deviceOnlyWith: t('si collega solo con', 'connects only with'),
  devicesOk: t('si collegano', 'connect'),
  devicesFail: t('non si collegano', 'do not connect'),
  devicesPartial: t('solo in parte', 'only partly'),
  devicesUnknown: t('non verificati', 'not verified'),
  moreServers: t('altri server nei dettagli per il tecnico', 'more servers in the technician details'),
  noDhe: t('nessuno (il server non ha usato DHE)', 'none (the server did not use DHE)'),
  noCurves: t('nessuna', 'none'),
  bits: t('bit', 'bits'),
  keyNotRead: t('non letto', 'not read'),
  defaultProfile: t('predefinito', 'default'),
  thunderbirdDefaults: t('predefiniti di Thunderbird (non modificati)', "Thunderbird's defaults (not changed)"),
  total: t('totale', 'total'),
  fetched: t('recuperato', 'fetched'),
  notFetched: t('non recuperato', 'not fetched'),
  notApplicable: t('non si applica', 'not applicable'),
} satisfies Record<string, Text>;

const SEVERITY: Record<Severity, Text> = {
  error: t('Problema', 'Problem'),
  warning: t('Attenzione', 'Warning'),
  info: t('Nota', 'Note'),
  ok: t('OK', 'OK'),
};

/** Short name of each verdict state (the verdict's own title is the sentence shown). */
const VERDICT: Record<VerdictStatus, Text> = {
  error: t('Ci sono problemi da risolvere', 'There are problems to fix'),
  warning: t('Qualcosa da sistemare', 'Something to fix'),
  ok: t('Tutto a posto', 'All good'),
  incomplete: t('Controllo incompleto', 'Check incomplete'),
  'not-pec': t('Non è un indirizzo PEC', 'Not a PEC address'),
  offline: t('Questo computer non raggiunge Internet', 'This computer does not reach the Internet'),
};

const PLAN_STEP: Record<PlanStepState, Text> = {
  todo: t('da fare', 'to do'),
  done: t('già fatto', 'done'),
  unknown: t('da verificare', 'to check'),
};

const STEP_STATUS: Record<StepResult['status'], Text> = {
  ok: t('riuscito', 'passed'),
  failed: t('non riuscito', 'failed'),
  skipped: t('saltato', 'skipped'),
};

const PROBE_STEP: Record<StepName, Text> = {
  dns: t('Ricerca del server (DNS)', 'Server lookup (DNS)'),
  connect: t('Connessione', 'Connection'),
  starttls: t('Passaggio a TLS (STARTTLS)', 'Upgrade to TLS (STARTTLS)'),
  versions: t('Versioni TLS', 'TLS versions'),
  ciphers: t('Cifrari', 'Cipher suites'),
  certificate: t('Certificato', 'Certificate'),
  banner: t('Messaggio del server', 'Server greeting'),
  simulation: t('Simulazione', 'Simulation'),
};

/** Account.client ids (the accounts' mail program). */
const ACCOUNT_CLIENT: Record<string, Text> = {
  outlook: t('Outlook', 'Outlook'),
  thunderbird: t('Thunderbird', 'Thunderbird'),
  windowslivemail: t('Windows Live Mail', 'Windows Live Mail'),
  applemail: t('Apple Mail', 'Apple Mail'),
  manual: t('indicato a mano', 'typed by hand'),
};

/** ServerSetting.security. */
const SECURITY: Record<string, Text> = {
  tls: t('SSL/TLS', 'SSL/TLS'),
  starttls: t('STARTTLS', 'STARTTLS'),
  plain: t('nessuna protezione', 'no protection'),
};

/** Short names of the office devices (probe DeviceResult.device), for the page-1 line per server. */
const DEVICE_SHORT: Record<DeviceResult['device'], Text> = {
  windows7: t('Windows 7', 'Windows 7'),
  windows81: t('Windows 8.1', 'Windows 8.1'),
  windows10: t('Windows 10', 'Windows 10'),
  windows11: t('Windows 11', 'Windows 11'),
  thunderbird: t('Thunderbird', 'Thunderbird'),
  mac: t('Mac', 'Mac'),
  iphone: t('iPhone/iPad', 'iPhone/iPad'),
  android: t('Android', 'Android'),
};

/** KeyExchange.kind. */
const KEY_EXCHANGE_KIND: Record<string, Text> = {
  dh: t('Diffie-Hellman', 'Diffie-Hellman'),
  ecdh: t('curva ellittica', 'elliptic curve'),
};

/** The dictionary. Shape: `TECH_LABELS.<group>.<key>` is a Text. */
export const TECH_LABELS = {
  sections: SECTIONS,
  fields: FIELDS,
  values: VALUES,
  severity: SEVERITY,
  verdict: VERDICT,
  planStep: PLAN_STEP,
  stepStatus: STEP_STATUS,
  probeStep: PROBE_STEP,
  accountClient: ACCOUNT_CLIENT,
  security: SECURITY,
  deviceShort: DEVICE_SHORT,
  keyExchangeKind: KEY_EXCHANGE_KIND,
} as const;

export type TechLabels = typeof TECH_LABELS;

// Catalogue of Italian PEC providers: client server settings as the providers (or at least two
// independent sources) publish them. Data only; every entry comes from the machine-readable
// table "confirmed entries only" of docs/facts/pec-providers.md §6 (sources listed per
// entry, with the confidence labels of §3). Unconfirmed or historical hosts (§3 "Historical",
// §5 "seen in third-party code") are deliberately absent.
import type { Endpoint, Security } from '../probe/types';

/** One service (IMAP, POP3 or SMTP) of a provider. */
export interface ServiceSpec {
  host: string;
  /** Ports the sources give; empty when no source confirms one. The first is the one to probe. */
  ports: number[];
  /** null when no source says. */
  security: Security | null;
  /** false when the sources conflict on the port: accepted in checks, never probed as the provider's. */
  portConfirmed?: boolean;
}

export interface Provider {
  id: string;
  name: string;
  /** Exact e-mail domains. */
  domains: string[];
  /** Parent domains whose sub-domains are the provider's (e.g. avvocatinapoli.legalmail.it). */
  domainSuffixes: string[];
  /** MX host names, or `.suffix` for any host under it, that mark a custom domain as the provider's. */
  mx: string[];
  imap: ServiceSpec | null;
  pop3: ServiceSpec | null;
  smtp: ServiceSpec | null;
  /** Endpoints to probe (confirmed host, port and security), derived from the services. */
  incoming: Endpoint[];
  outgoing: Endpoint[];
  webmail: string | null;
  /** Where these settings were published (first source). */
  source: string;
  sources: string[];
  notes: string;
}

type ProviderData = Omit<Provider, 'incoming' | 'outgoing' | 'source'>;

const THUNDERPEC = 'github:ghastx/thunderpec@ea6846a1b73b4eda6594656a1e11e996f38f779b:chrome/content/providerTP.js';

const DATA: ProviderData[] = [
  {
    id: 'aruba',
    name: 'Aruba PEC',
    domains: ['pec.it', 'arubapec.it', 'mypec.eu', 'gigapec.it', 'ingpec.eu', 'pec.cloud', 'casellapec.com', 'pecditta.com'],
    domainSuffixes: [],
    mx: [],
    imap: { host: 'imaps.pec.aruba.it', ports: [993], security: 'tls' },
    // Port conflicting between sources (ISPDB 993, documentation 995): both accepted, none probed.
    pop3: { host: 'pop3s.pec.aruba.it', ports: [995, 993], security: 'tls', portConfirmed: false },
    smtp: { host: 'smtps.pec.aruba.it', ports: [465], security: 'tls' },
    webmail: 'https://webmail.pec.it',
    sources: [
      'github:thunderbird/autoconfig@c6ad79659b5fc321d1593ec4c277815b83e5dec5:ispdb/arubapec.it.xml',
      'github:M66B/FairEmail@e23dd9df8002bc43e64594843ce69b52b9ad15e1:app/src/main/res/xml/providers.xml (Aruba.it/PEC)',
      THUNDERPEC,
      'https://guide.pec.it/posta-pec/configurare-casella-pec/bozza.aspx',
      'https://limitis.com/it/support/generare-una-password-per-il-client-di-posta',
    ],
    notes:
      'POP3 port conflicting (993 vs 995). With 2FA, clients need an app password that expires every 3 months. Protocols can be disabled per mailbox in the webmail. Conventions may use custom hosts.',
  },
  {
    id: 'infocert-legalmail',
    name: 'InfoCert Legalmail',
    domains: ['legalmail.it'],
    domainSuffixes: ['legalmail.it'],
    mx: ['mx.cert.legalmail.it'],
    imap: { host: 'mbox.cert.legalmail.it', ports: [993], security: 'tls' },
    pop3: { host: 'mbox.cert.legalmail.it', ports: [], security: null },
    smtp: { host: 'sendm.cert.legalmail.it', ports: [465], security: 'tls' },
    webmail: 'https://webmail.infocert.it',
    sources: [
      'https://help.infocert.it/Cerca?searchText=guida+alla+configurazione+Legalmail+-&idTipoUtente=&idProdotto=41&idMotivo=87',
      'https://www.legalmail.it/documentazione/',
      'https://123dok.org/article/accesso-servizio-legalmail-servizio-posta-elettronica-certificata-infocert.zlgl5d02',
      THUNDERPEC,
    ],
    notes:
      'User name is the InfoCert User ID, not the address. Hosts official; ports from two third-party sources. POP3 port not confirmed.',
  },
  {
    id: 'postecert',
    name: 'Poste Italiane - Postecert',
    domains: ['postecert.it'],
    domainSuffixes: [],
    mx: [],
    imap: { host: 'mail.postecert.it', ports: [993], security: 'tls' },
    pop3: { host: 'mail.postecert.it', ports: [995], security: 'tls' },
    smtp: { host: 'mail.postecert.it', ports: [465], security: 'tls' },
    webmail: 'https://pec.poste.it',
    sources: [
      'github:thunderbird/autoconfig@c6ad79659b5fc321d1593ec4c277815b83e5dec5:ispdb/postecert.it.xml',
      THUNDERPEC,
      'http://doczz.it/doc/158447/1.-manuale-d-uso-per-l-utilizzo-della-webmail-pec-e-del',
    ],
    notes: 'Webmail URL from a 2008 Poste manual; it may have moved.',
  },
  {
    id: 'namirial',
    name: 'Namirial (Sicurezza Postale)',
    domains: ['sicurezzapostale.it'],
    domainSuffixes: [],
    mx: ['.sicurezzapostale.it'],
    imap: { host: 'imaps.sicurezzapostale.it', ports: [993], security: 'tls' },
    pop3: { host: 'pops.sicurezzapostale.it', ports: [995], security: 'tls' },
    smtp: { host: 'smtps.sicurezzapostale.it', ports: [465], security: 'tls' },
    webmail: null,
    sources: [
      'github:M66B/FairEmail@e23dd9df8002bc43e64594843ce69b52b9ad15e1:app/src/main/res/xml/providers.xml (Namirial)',
      THUNDERPEC,
      'http://doczz.it/doc/2396871/mozilla-thunderbird',
    ],
    notes: 'Custom domains: MX under sicurezzapostale.it. An app password may be required. POP3 from one reseller guide only.',
  },
  {
    id: 'actalis',
    name: 'Actalis',
    domains: ['certemail.it'],
    domainSuffixes: [],
    mx: [],
    imap: { host: 'imap.pec.actalis.it', ports: [993], security: 'tls' },
    pop3: null,
    smtp: { host: 'smtp.pec.actalis.it', ports: [465], security: 'tls' },
    webmail: null,
    sources: [THUNDERPEC, 'https://www.actalis.com/it/news/sicurezza-it/pec-protocolli-di-sicurezza-e-compatibilita'],
    notes: 'Hosts from ThunderPEC plus independent production code of public bodies; no Actalis page with the hosts was found.',
  },
  {
    id: 'register',
    name: 'Register.it',
    domains: [],
    domainSuffixes: [],
    mx: ['server.pec-email.com'],
    imap: { host: 'imap.pec-email.com', ports: [993], security: 'tls' },
    pop3: null,
    smtp: { host: 'smtp.pec-email.com', ports: [465], security: 'tls' },
    webmail: null,
    sources: ['https://www.register.it/assistenza/configura-la-pec-su-dispositivo/ (cited by two third-party sources)', THUNDERPEC],
    notes: 'Custom domains only; user name is the full address. Older presets used server.pec-email.com.',
  },
  {
    id: 'telecompost',
    name: 'Telecom Italia Trust Technologies (telecompost.it)',
    domains: ['telecompost.it'],
    domainSuffixes: ['telecompost.it'],
    mx: ['mail.telecompost.it'],
    imap: { host: 'mail.telecompost.it', ports: [993], security: 'tls' },
    pop3: null,
    smtp: { host: 'smtp.telecompost.it', ports: [465], security: 'tls' },
    webmail: null,
    sources: ['https://123dok.org/article/tipologie-servizio-manuale-operativo-posta-elettronica-certificata-sensi.qvl7vxv1', THUNDERPEC],
    notes: 'Custom domains: MX mail.telecompost.it (TI.TT manual).',
  },
  {
    id: 'twt',
    name: 'TWT (twtcert.it)',
    domains: [],
    domainSuffixes: [],
    mx: [],
    imap: { host: 'mail.twtcert.it', ports: [993], security: 'tls' },
    pop3: { host: 'mail.twtcert.it', ports: [995], security: 'tls' },
    smtp: { host: 'smtp.twtcert.it', ports: [465], security: 'tls' },
    webmail: null,
    sources: ['github:frugan-dev/docs.frugan.it:docs/source/user/email/pec/conf.rst'],
    notes: 'Single source (a reseller documentation); listed in the confirmed table of pec-providers.md §6.',
  },
];

function endpointsOf(spec: ServiceSpec | null, protocol: Endpoint['protocol']): Endpoint[] {
  if (!spec || spec.ports.length === 0 || !spec.security || spec.portConfirmed === false) return [];
  return [{ host: spec.host, port: spec.ports[0], protocol, security: spec.security }];
}

export const PROVIDERS: readonly Provider[] = DATA.map((d) => ({
  ...d,
  incoming: [...endpointsOf(d.imap, 'imap'), ...endpointsOf(d.pop3, 'pop3')],
  outgoing: endpointsOf(d.smtp, 'smtp'),
  source: d.sources[0],
}));

export const providerById = (id: string | null | undefined): Provider | undefined => (id ? PROVIDERS.find((p) => p.id === id) : undefined);

/** The provider's spec for a protocol. */
export const serviceOf = (p: Provider, protocol: Endpoint['protocol']): ServiceSpec | null =>
  protocol === 'imap' ? p.imap : protocol === 'pop3' ? p.pop3 : p.smtp;

// ---------------------------------------------------------------------------------------------
// Ordinary (non-certified) mailbox domains. A PEC address lives only on a certified domain of an
// AgID-accredited provider (pec.it, legalmail.it, ...); the consumer mail services below are not
// PEC, whatever their owner: where the same company also sells PEC (Aruba, TIM, Italiaonline), the
// PEC is on a different, certified domain, never on these. Exact domains only: sub-domains and
// look-alikes are not matched (a studio's custom domain is looked up by MX instead).
// `source` is the service's own sign-in page, i.e. where the domain belongs.

export interface OrdinaryMailboxDomain {
  domain: string;
  service: string;
  source: string;
  reason: string;
}

const ordinary = (service: string, source: string, reason: string, ...domains: string[]): OrdinaryMailboxDomain[] =>
  domains.map((domain) => ({ domain, service, source, reason }));

export const ORDINARY_MAILBOX_DOMAINS: readonly OrdinaryMailboxDomain[] = [
  ...ordinary(
    'Gmail (Google)',
    'https://mail.google.com',
    'consumer mailbox of Google; Google is not a PEC provider',
    'gmail.com',
    'googlemail.com',
  ),
  ...ordinary(
    'Outlook.com (Microsoft)',
    'https://outlook.live.com',
    'consumer mailbox of Microsoft; Microsoft is not a PEC provider',
    'outlook.com',
    'outlook.it',
    'hotmail.com',
    'hotmail.it',
    'live.com',
    'live.it',
    'msn.com',
  ),
  ...ordinary(
    'Yahoo Mail',
    'https://mail.yahoo.com',
    'consumer mailbox of Yahoo; Yahoo is not a PEC provider',
    'yahoo.com',
    'yahoo.it',
    'ymail.com',
  ),
  ...ordinary(
    'iCloud Mail (Apple)',
    'https://www.icloud.com/mail',
    'consumer mailbox of Apple; Apple is not a PEC provider',
    'icloud.com',
    'me.com',
    'mac.com',
  ),
  // Italiaonline's ordinary mailboxes: any PEC it sells is on a separate certified domain.
  ...ordinary(
    'Libero Mail (Italiaonline)',
    'https://mail.libero.it',
    'ordinary mailbox of Italiaonline; not a certified domain',
    'libero.it',
    'inwind.it',
    'iol.it',
    'blu.it',
  ),
  ...ordinary(
    'Virgilio Mail (Italiaonline)',
    'https://mail.virgilio.it',
    'ordinary mailbox of Italiaonline; not a certified domain',
    'virgilio.it',
  ),
  // TIM's ordinary mailboxes; its PEC (Telecom Italia Trust Technologies) is on telecompost.it.
  ...ordinary('TIM Mail', 'https://mail.tim.it', 'ordinary mailbox of TIM; its PEC is on telecompost.it', 'tim.it', 'alice.it', 'tin.it'),
  ...ordinary('Tiscali Mail', 'https://mail.tiscali.it', 'ordinary mailbox of Tiscali; not a certified domain', 'tiscali.it'),
  ...ordinary('Fastweb Mail', 'https://www.fastweb.it', 'ordinary mailbox of Fastweb customers; not a certified domain', 'fastwebnet.it'),
  ...ordinary('GMX', 'https://www.gmx.com', 'consumer mailbox of GMX; not a PEC provider', 'gmx.com', 'gmx.net'),
  ...ordinary('AOL Mail', 'https://mail.aol.com', 'consumer mailbox of AOL; not a PEC provider', 'aol.com'),
  ...ordinary('Proton Mail', 'https://proton.me/mail', 'consumer mailbox of Proton; not a PEC provider', 'proton.me', 'protonmail.com'),
];

/** The ordinary mailbox service a domain belongs to (exact match), or undefined. */
export function ordinaryMailboxDomain(domain: string | null | undefined): OrdinaryMailboxDomain | undefined {
  const d = (domain ?? '').trim().toLowerCase().replace(/\.$/, '');
  return d ? ORDINARY_MAILBOX_DOMAINS.find((x) => x.domain === d) : undefined;
}

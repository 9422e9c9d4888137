// Catalogue of Italian PEC providers: client server settings as the providers (or at least two
// independent sources) publish them. Data only; every entry comes from the machine-readable
// table "confirmed entries only" of /work/shared/reference/pec-providers.md §6 (sources listed per
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
    notes: 'POP3 port conflicting (993 vs 995). With 2FA, clients need an app password that expires every 3 months. Protocols can be disabled per mailbox in the webmail. Conventions may use custom hosts.',
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
    notes: 'User name is the InfoCert User ID, not the address. Hosts official; ports from two third-party sources. POP3 port not confirmed.',
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
    sources: ['github:thunderbird/autoconfig@c6ad79659b5fc321d1593ec4c277815b83e5dec5:ispdb/postecert.it.xml', THUNDERPEC, 'http://doczz.it/doc/158447/1.-manuale-d-uso-per-l-utilizzo-della-webmail-pec-e-del'],
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
    sources: ['github:M66B/FairEmail@e23dd9df8002bc43e64594843ce69b52b9ad15e1:app/src/main/res/xml/providers.xml (Namirial)', THUNDERPEC, 'http://doczz.it/doc/2396871/mozilla-thunderbird'],
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
export const serviceOf = (p: Provider, protocol: Endpoint['protocol']): ServiceSpec | null => (protocol === 'imap' ? p.imap : protocol === 'pop3' ? p.pop3 : p.smtp);

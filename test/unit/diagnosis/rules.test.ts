// Every finding id of the catalogue: realistic evidence that raises it, and close evidence that
// must not. The rules run all together (evaluateRules), as in a real diagnosis.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { simulationReason } from '../../../src/diagnosis/rules/servers';
import { evaluateRules } from '../../../src/diagnosis/rules/index';
import { CATALOGUE, REQUIRED_IDS } from '../../../src/diagnosis/catalogue';
import { buildPlans } from '../../../src/diagnosis/plans';
import { TRUST_ERRORS, handshakeReason, trustReason } from '../../../src/diagnosis/plain-reasons';
import type { RuleInput, Severity } from '../../../src/diagnosis/types';
import {
  NOW,
  OS,
  account,
  accounts,
  browser,
  client,
  context,
  endpoint,
  input,
  inventory,
  runtime,
  sims,
  win10Tls,
  win7Tls,
  win7TlsFixed,
} from './evidence';

interface Case {
  id: string;
  why: string;
  yes: RuleInput;
  no: RuleInput;
  severity?: Severity;
}

const win7Outlook = (extra: Parameters<typeof inventory>[1] = {}) =>
  inventory(OS.win7, { clients: [client('outlook', '14.0.7015.1000', { marketingName: '2010' })], windows: win7Tls(), ...extra });
const win7OutlookFixed = () => win7Outlook({ windows: win7TlsFixed() });

/** An endpoint that failed before any server answered (DNS or connect), as the probe reports it. */
function offline(host: string, port: number, verdict: 'dns-failed' | 'connect-timeout' | 'connect-refused' = 'dns-failed') {
  const detail =
    verdict === 'dns-failed'
      ? `il nome ${host} non esiste nel DNS (ENOTFOUND)`
      : verdict === 'connect-timeout'
        ? `nessuna risposta da ${host}:${port}`
        : `connessione rifiutata da 10.0.0.1:${port} (porta chiusa o servizio non attivo)`;
  return endpoint({
    host,
    port,
    url: `imaps://${host}:${port}`,
    verdict,
    addresses: verdict === 'dns-failed' ? [] : ['10.0.0.1'],
    certificate: null,
    simulations: [],
    banner: null,
    steps: [
      verdict === 'dns-failed'
        ? { step: 'dns', status: 'failed', ms: 20, verdict, detail }
        : { step: 'connect', status: 'failed', ms: 5000, verdict, detail },
    ],
    tls: { versions: { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null }, ciphers: {} },
  });
}

const CASES: Case[] = [
  {
    id: 'os-windows-xp',
    why: 'Windows XP SP3',
    yes: input({ inventory: inventory(OS.xp) }),
    no: input({ inventory: inventory(OS.win7, { windows: win7TlsFixed() }) }),
  },
  // Issue #19: Vista (as XP) gets no TLS 1.2 from any update; Server 2008 SP2 does (KB4019276).
  {
    id: 'os-no-tls12',
    why: 'Windows Vista SP2 with Outlook 2007',
    yes: input({ inventory: inventory(OS.vista, { clients: [client('outlook', '12.0.6683.5000')] }) }),
    no: input({
      inventory: inventory({ ...OS.vista, name: 'Windows Server (R) 2008 Standard', productType: 'server' }, { windows: win7Tls() }),
    }),
    severity: 'error',
  },
  {
    id: 'windows-service-pack-missing',
    why: 'Windows 7 RTM (build 7600): Service Pack 1 before KB3140245',
    yes: input({ inventory: win7Outlook({ os: { ...OS.win7, version: '6.1.7600', build: '7600', servicePack: null } }) }),
    no: input({ inventory: win7Outlook() }),
  },
  {
    id: 'win2008-kb4019276-missing',
    why: 'Windows Server 2008 SP2 without KB4019276',
    yes: input({
      inventory: inventory(
        { ...OS.vista, name: 'Windows Server (R) 2008 Standard', productType: 'server' },
        { windows: { ...win7Tls(), kb4019276: false } },
      ),
    }),
    no: input({
      inventory: inventory(
        { ...OS.vista, name: 'Windows Server (R) 2008 Standard', productType: 'server' },
        { windows: { ...win7Tls(), kb4019276: true } },
      ),
    }),
  },
  {
    id: 'outlook-new-cloud',
    why: 'the new Outlook for Windows (olk.exe) connects from Microsoft’s cloud',
    yes: input({ inventory: inventory(OS.win11, { clients: [client('outlook-new', '1.2025.1')], windows: win10Tls() }) }),
    no: input({ inventory: inventory(OS.win11, { clients: [client('outlook', '16.0.17928.20114')], windows: win10Tls() }) }),
  },
  {
    id: 'os-end-of-life',
    why: 'Windows 7 after 2020-01-14',
    yes: input({ inventory: inventory(OS.win7, { windows: win7TlsFixed() }) }),
    no: input({ inventory: inventory(OS.win11) }),
    severity: 'warning',
  },
  {
    id: 'os-end-of-life',
    why: 'Windows 10 after 2025-10-14 is only a note',
    yes: input({ inventory: inventory(OS.win10) }),
    no: input({ inventory: inventory(OS.win10), now: '2025-06-01T00:00:00.000Z' }),
    severity: 'info',
  },
  {
    id: 'win7-tls12-client-disabled',
    why: 'Outlook 2010 on Windows 7 with the TLS 1.2 client key absent',
    yes: input({ inventory: win7Outlook() }),
    no: input({ inventory: win7OutlookFixed() }),
    severity: 'error',
  },
  {
    id: 'win7-tls12-client-disabled',
    why: 'without an SChannel mail program only a warning',
    yes: input({
      inventory: inventory(OS.win7, { windows: win7Tls(), clients: [client('thunderbird', '115.8.0')] }),
      accounts: accounts([account({ client: 'thunderbird', profile: 'x.default' })]),
    }),
    no: input({ inventory: inventory(OS.win10, { windows: win10Tls() }) }),
    severity: 'warning',
  },
  {
    id: 'win7-tls12-client-disabled',
    why: 'Windows 10 with TLS 1.2 turned off in the registry (Enabled=0)',
    yes: input({
      inventory: inventory(OS.win10, {
        clients: [client('outlook', '16.0.17928.20114')],
        windows: {
          ...win10Tls(),
          schannel: { ...win10Tls().schannel, 'TLS 1.2': { enabled: 0, disabledByDefault: null, effective: 'disabled' } },
        },
      }),
    }),
    no: input({ inventory: inventory(OS.win10, { clients: [client('outlook', '16.0.17928.20114')], windows: win10Tls() }) }),
    severity: 'error',
  },
  {
    id: 'win7-kb3140245-missing',
    why: 'kb3140245 false on Windows 7',
    yes: input({ inventory: win7Outlook() }),
    no: input({ inventory: win7OutlookFixed() }),
  },
  {
    id: 'win7-kb3140245-language-pack',
    why: 'a language pack installed after KB3140245 (servicing store install times)',
    yes: input({
      inventory: win7Outlook({
        windows: {
          ...win7TlsFixed(),
          servicing: {
            kb3140245: [{ name: 'Package_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.1', installedAt: '2019-03-12T09:41:05.000Z' }],
            languagePacks: [
              {
                name: 'Microsoft-Windows-Client-LanguagePack-Package~31bf3856ad364e35~amd64~it-IT~6.1.7601.17514',
                installedAt: '2020-10-05T15:20:44.000Z',
              },
            ],
          },
        },
      }),
    }),
    no: input({
      inventory: win7Outlook({
        windows: {
          ...win7TlsFixed(),
          servicing: {
            kb3140245: [{ name: 'Package_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.1', installedAt: '2019-03-12T09:41:05.000Z' }],
            languagePacks: [
              { name: 'Microsoft-Windows-Client-LanguagePack-Package~31bf3856ad364e35~amd64~it-IT~6.1.7601.17514', installedAt: null },
            ],
          },
        },
      }),
    }),
  },
  {
    id: 'win7-winhttp-defaults-missing',
    why: 'WoW64 view without 0x800 on 64-bit Windows 7',
    yes: input({
      inventory: win7Outlook({
        windows: { ...win7TlsFixed(), winhttp: { defaultSecureProtocols64: 0xa00, defaultSecureProtocols32: 0xa0 } },
      }),
    }),
    no: input({ inventory: win7OutlookFixed() }),
  },
  {
    id: 'win7-ciphers-incompatible',
    why: 'Windows 7 with TLS 1.2 on, server offering only ECDHE-RSA-GCM (simulation fails)',
    yes: input({
      inventory: win7OutlookFixed(),
      endpoints: [
        endpoint({
          tls: {
            versions: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true },
            ciphers: { 'TLSv1.2': ['ECDHE-RSA-AES256-GCM-SHA384'] },
          },
          simulations: sims({ 'windows7-tls12': 'handshake_failure: no shared cipher' }),
        }),
      ],
    }),
    no: input({ inventory: win7OutlookFixed(), endpoints: [endpoint()] }),
  },
  {
    id: 'win7-ciphers-incompatible',
    why: 'computed from the cipher list when the probe has no Windows 7 simulation',
    yes: input({
      inventory: win7OutlookFixed(),
      endpoints: [
        endpoint({
          tls: {
            versions: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': false },
            ciphers: { 'TLSv1.2': ['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-CHACHA20-POLY1305'] },
          },
          simulations: [],
        }),
      ],
    }),
    no: input({
      inventory: win7OutlookFixed(),
      endpoints: [
        endpoint({
          tls: {
            versions: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': false },
            ciphers: { 'TLSv1.2': ['TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384'] },
          },
          simulations: [],
        }),
      ],
    }),
  },
  {
    id: 'clock-wrong',
    why: 'clock before the build date',
    yes: input({
      inventory: inventory(OS.win10, { clock: { now: '2019-01-01T10:00:00.000Z', buildDate: '2026-11-23', offsetSeconds: null } }),
    }),
    no: input({ inventory: inventory(OS.win10, { clock: { now: NOW, buildDate: '2026-11-23', offsetSeconds: 40 } }) }),
    severity: 'error',
  },
  {
    id: 'clock-wrong',
    why: 'clock 20 minutes off: warning',
    yes: input({ inventory: inventory(OS.win10, { clock: { now: NOW, buildDate: '2026-11-23', offsetSeconds: -1200 } }) }),
    no: input({ inventory: inventory(OS.win10, { clock: { now: NOW, buildDate: '2026-11-23', offsetSeconds: 299 } }) }),
    severity: 'warning',
  },
  {
    id: 'antivirus-tls-interception',
    why: 'chain re-signed by ESET',
    yes: input({
      endpoints: [
        endpoint({
          certificate: { ...endpoint().certificate!, issuer: 'CN=ESET SSL Filter CA, O=ESET, spol. s r. o., C=SK', interceptedBy: 'ESET' },
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'antivirus-tls-interception',
    why: 'untrusted interception is an error (verdict form)',
    yes: input({
      endpoints: [
        endpoint({
          verdict: 'tls-intercepted(Kaspersky)',
          certificate: { ...endpoint().certificate!, trusted: false, trustError: 'self signed certificate in certificate chain' },
        }),
      ],
    }),
    no: input({ endpoints: [endpoint({ verdict: 'cert-untrusted', certificate: { ...endpoint().certificate!, trusted: false } })] }),
    severity: 'error',
  },
  {
    id: 'dotnet-too-old',
    why: '.NET 4.5.2 release key',
    yes: input({
      inventory: inventory(OS.win7, {
        windows: {
          ...win7TlsFixed(),
          dotnet: { release: 379893, version: '4.5.2', schUseStrongCrypto: null, systemDefaultTlsVersions: null },
        },
      }),
    }),
    no: input({ inventory: inventory(OS.win7, { windows: win7TlsFixed() }) }),
  },
  {
    id: 'dotnet-too-old',
    why: '.NET runtime 4.5.1 in the runtime list',
    yes: input({ inventory: inventory(OS.win10, { runtimes: [runtime('dotnet', '4.5.1')] }) }),
    no: input({ inventory: inventory(OS.win10, { runtimes: [runtime('dotnet', '4.6')] }) }),
  },
  // The providers' "8b132" is Java 8's first release (1.8.0 GA, 2014): any Java 8 meets it, Java 7 does not.
  {
    id: 'java-too-old',
    why: 'Java 1.7.0_80',
    yes: input({ inventory: inventory(OS.win10, { runtimes: [runtime('java', '1.7.0_80')] }) }),
    no: input({ inventory: inventory(OS.win10, { runtimes: [runtime('java', '1.8.0_131')] }) }),
  },
  {
    id: 'java-too-old',
    why: 'Java 8 GA (1.8.0) is enough',
    yes: input({ inventory: inventory(OS.win10, { runtimes: [runtime('java', '1.6.0_45')] }) }),
    no: input({ inventory: inventory(OS.win10, { runtimes: [runtime('java', '1.8.0')] }) }),
  },
  {
    id: 'openssl-too-old',
    why: 'OpenSSL 1.0.1g',
    yes: input({ inventory: inventory(OS.debian, { runtimes: [runtime('openssl', '1.0.1g')] }) }),
    no: input({ inventory: inventory(OS.debian, { runtimes: [runtime('openssl', '3.0.13')] }) }),
  },
  {
    id: 'outlook-too-old',
    why: 'Outlook XP (10.0)',
    yes: input({ inventory: inventory(OS.win10, { clients: [client('outlook', '10.0.6626')] }) }),
    no: input({ inventory: inventory(OS.win10, { clients: [client('outlook', '11.0.5510')] }) }),
  },
  {
    id: 'outlook-mac-2011-unsupported-os',
    why: 'Outlook 2011 on macOS 10.14',
    yes: input({ inventory: inventory(OS.mac1014, { clients: [client('outlook-mac', '14.7.7')] }) }),
    no: input({ inventory: inventory(OS.mac1011, { clients: [client('outlook-mac', '14.7.7')] }) }),
  },
  {
    id: 'outlook-mac-2011-unsupported-os',
    why: 'Outlook 2016 for Mac is not bound to 10.11-10.13',
    yes: input({ inventory: inventory(OS.mac108, { clients: [client('outlook-mac', '14.4.9')] }) }),
    no: input({ inventory: inventory(OS.mac14, { clients: [client('outlook-mac', '16.89')] }) }),
  },
  {
    id: 'thunderbird-too-old',
    why: 'Thunderbird 45.5.1',
    yes: input({ inventory: inventory(OS.win10, { clients: [client('thunderbird', '45.5.1')] }) }),
    no: input({ inventory: inventory(OS.win10, { clients: [client('thunderbird', '45.6.0')] }) }),
  },
  {
    id: 'thunderbird-tls-max-lowered',
    why: 'security.tls.version.max = 1',
    yes: input({ accounts: accounts([account({ client: 'thunderbird', profile: 'abcd.default', tlsVersionPrefs: { min: 1, max: 1 } })]) }),
    no: input({ accounts: accounts([account({ client: 'thunderbird', profile: 'abcd.default', tlsVersionPrefs: { min: 1, max: 4 } })]) }),
  },
  {
    id: 'thunderbird-tls-max-lowered',
    why: 'raised by the account reader',
    yes: input({
      accounts: accounts([account({ client: 'thunderbird', profile: 'abcd.default', findings: ['thunderbird-tls-max-lowered'] })]),
    }),
    no: input({ accounts: accounts([account({ client: 'thunderbird', profile: 'abcd.default', tlsVersionPrefs: null })]) }),
  },
  {
    id: 'apple-mail-os-too-old',
    why: 'Apple Mail on OS X 10.11',
    yes: input({ inventory: inventory(OS.mac1011, { clients: [client('applemail', '9.3')] }) }),
    no: input({ inventory: inventory(OS.mac1012, { clients: [client('applemail', '10.3')] }) }),
  },
  {
    id: 'browser-too-old-for-webmail',
    why: 'Windows 7 with only IE 10: warning',
    yes: input({ inventory: inventory(OS.win7, { windows: win7TlsFixed(), browsers: [browser('ie', '10.0.9200.16521')] }) }),
    no: input({ inventory: inventory(OS.win7, { windows: win7TlsFixed(), browsers: [browser('ie', '11.0.9600.19180')] }) }),
    severity: 'warning',
  },
  {
    id: 'browser-too-old-for-webmail',
    why: 'an old Firefox next to a good Chrome: only a note',
    yes: input({ inventory: inventory(OS.debian, { browsers: [browser('firefox', '24.8.0'), browser('chrome', '120.0.6099.109')] }) }),
    no: input({ inventory: inventory(OS.debian, { browsers: [browser('firefox', '115.5.0'), browser('chrome', '120.0.6099.109')] }) }),
    severity: 'info',
  },
  {
    id: 'no-pec-account-found',
    why: 'discovery ran and found only a Gmail account',
    yes: input({
      accounts: accounts([
        account({
          email: 'mario.rossi@gmail.com',
          provider: null,
          incoming: { host: 'imap.gmail.com', port: 993, protocol: 'imap', security: 'tls' },
          outgoing: null,
        }),
      ]),
    }),
    no: input({ accounts: null, context: context({ skipDiscovery: true }) }),
  },
  {
    id: 'no-pec-account-found',
    why: 'a PEC host without provider id still counts as PEC',
    yes: input({ accounts: accounts([]) }),
    no: input({
      accounts: accounts([
        account({ provider: null, incoming: { host: 'mbox.cert.legalmail.it', port: 993, protocol: 'imap', security: 'tls' } }),
      ]),
    }),
  },
  {
    id: 'no-pec-account-found',
    why: 'not when the user typed an address: they told us which mailbox',
    yes: input({ accounts: accounts([]) }),
    no: input({
      accounts: accounts([]),
      context: context({
        emails: ['studio@pec.it'],
        lookups: [
          {
            email: 'studio@pec.it',
            provider: { id: 'aruba', name: 'Aruba PEC', webmail: 'https://webmail.pec.it' },
            endpoints: [],
            message: null,
          },
        ],
      }),
    }),
  },
  {
    id: 'no-pec-account-found',
    why: 'not on a Mac whose Apple Mail accounts could not be read',
    yes: input({ inventory: inventory(OS.mac14, { clients: [client('applemail', '16.0')] }), accounts: accounts([]) }),
    no: input({
      inventory: inventory(OS.mac14, { clients: [client('applemail', '16.0')] }),
      accounts: accounts([], [{ source: 'applemail: /Users/giulia/Library/Accounts/Accounts4.sqlite', error: 'not read: SQLite' }]),
    }),
  },
  {
    id: 'apple-mail-accounts-unreadable',
    why: 'Accounts4.sqlite cannot be read and no PEC account was found elsewhere',
    yes: input({
      inventory: inventory(OS.mac14, { clients: [client('applemail', '16.0')] }),
      accounts: accounts([], [{ source: 'applemail: /Users/giulia/Library/Accounts/Accounts4.sqlite', error: 'not read: SQLite' }]),
    }),
    no: input({
      inventory: inventory(OS.mac14, { clients: [client('applemail', '16.0')] }),
      accounts: accounts(
        [account({ client: 'applemail' })],
        [{ source: 'applemail: /Users/giulia/Library/Accounts/Accounts4.sqlite', error: 'not read: SQLite' }],
      ),
    }),
  },
  {
    id: 'address-not-pec',
    why: 'a Gmail address typed as the PEC address',
    yes: input({
      context: context({
        emails: ['mario.rossi@gmail.com'],
        lookups: [{ email: 'mario.rossi@gmail.com', provider: null, endpoints: [], message: null }],
      }),
    }),
    no: input({ context: context({ emails: ['mario.rossi@pec.gmail.com.example'], lookups: [] }) }),
  },
  {
    id: 'address-not-pec',
    why: 'libero.it is an ordinary mailbox (Italiaonline), matched exactly, not by suffix',
    yes: input({ context: context({ emails: ['studio@libero.it'] }) }),
    no: input({ context: context({ emails: ['studio@pec.libero.it'] }) }),
  },
  {
    id: 'account-plaintext',
    why: 'IMAP on 143 without encryption',
    yes: input({
      accounts: accounts([account({ incoming: { host: 'imaps.pec.aruba.it', port: 143, protocol: 'imap', security: 'plain' } })]),
    }),
    no: input({ accounts: accounts([account()]) }),
  },
  {
    id: 'provider-unknown',
    why: 'a typed address of a provider not in the catalogue',
    yes: input({
      context: context({
        emails: ['studio@pec.example'],
        lookups: [{ email: 'studio@pec.example', provider: null, endpoints: [], message: null }],
      }),
    }),
    no: input({
      context: context({
        emails: ['studio@pec.it'],
        lookups: [
          {
            email: 'studio@pec.it',
            provider: { id: 'aruba', name: 'Aruba PEC', webmail: 'https://webmail.pec.it' },
            endpoints: [],
            message: null,
          },
        ],
      }),
    }),
  },
  {
    id: 'account-security-mismatch',
    why: 'raised by the account reader',
    yes: input({ accounts: accounts([account({ findings: ['account-security-mismatch'] })]) }),
    no: input({ accounts: accounts([account()]) }),
  },
  {
    id: 'account-wrong-host',
    why: 'raised by the account reader',
    yes: input({ accounts: accounts([account({ findings: ['account-wrong-host'] })]) }),
    no: input({ accounts: accounts([account()]) }),
  },
  {
    id: 'account-wrong-port',
    why: 'raised by the account reader',
    yes: input({ accounts: accounts([account({ findings: ['account-wrong-port'] })]) }),
    no: input({ accounts: accounts([account()]) }),
  },
  {
    id: 'account-other',
    why: 'an account code this version does not know',
    yes: input({ accounts: accounts([account({ findings: ['account-future-code'] })]) }),
    no: input({ accounts: accounts([account()]) }),
  },
  {
    id: 'server-dns-failed',
    why: 'NXDOMAIN',
    yes: input({
      endpoints: [
        endpoint({
          verdict: 'dns-failed',
          addresses: [],
          certificate: null,
          tls: { versions: { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null }, ciphers: {} },
          simulations: [],
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'network-offline',
    why: 'both Aruba servers fail DNS: the network, not the PEC',
    yes: input({ endpoints: [offline('imaps.pec.aruba.it', 993), offline('smtps.pec.aruba.it', 465)] }),
    no: input({
      endpoints: [
        offline('imaps.pec.aruba.it', 993),
        endpoint({ host: 'smtps.pec.aruba.it', port: 465, url: 'smtps://smtps.pec.aruba.it:465' }),
      ],
    }),
  },
  {
    id: 'network-offline',
    why: 'one unknown, possibly mistyped name that does not resolve stays a server problem',
    yes: input({ endpoints: [offline('imaps.pec.aruba.it', 993)] }),
    no: input({ endpoints: [offline('imap.studio-rossi.example', 993)] }),
  },
  {
    id: 'network-offline',
    why: 'connect timeouts everywhere count; a refusal (a host answered) does not',
    yes: input({ endpoints: [offline('a.example', 993, 'connect-timeout'), offline('b.example', 465, 'connect-timeout')] }),
    no: input({ endpoints: [offline('a.example', 993, 'connect-refused'), offline('b.example', 465, 'connect-refused')] }),
  },
  {
    id: 'server-unreachable',
    why: 'connection refused',
    yes: input({
      endpoints: [
        endpoint({
          verdict: 'connect-refused',
          certificate: null,
          tls: { versions: { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null }, ciphers: {} },
          simulations: [],
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'server-starttls-missing',
    why: 'no STARTTLS in CAPABILITY',
    yes: input({
      endpoints: [
        endpoint({
          security: 'starttls',
          port: 143,
          url: 'imap://imaps.pec.aruba.it:143',
          verdict: 'starttls-not-offered',
          certificate: null,
          tls: { versions: { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null }, ciphers: {} },
          simulations: [],
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'server-no-tls12',
    why: 'TLS 1.0 only',
    yes: input({
      endpoints: [
        endpoint({
          verdict: 'no-tls12',
          tls: { versions: { TLSv1: true, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': false }, ciphers: { TLSv1: ['AES256-SHA'] } },
          simulations: sims({ windows10: 'protocol_version' }),
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'server-legacy-tls-accepted',
    why: 'TLS 1.0 still accepted beside 1.2',
    yes: input({
      endpoints: [
        endpoint({
          tls: {
            versions: { TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': false },
            ciphers: { 'TLSv1.2': ['AES256-GCM-SHA384'] },
          },
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'server-handshake-failed',
    why: 'handshake alert',
    yes: input({
      endpoints: [
        endpoint({
          verdict: 'handshake-alert(handshake_failure)',
          certificate: null,
          tls: { versions: { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null }, ciphers: {} },
          simulations: [],
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'cert-expired',
    why: 'validTo in the past',
    yes: input({
      endpoints: [
        endpoint({
          verdict: 'cert-expired',
          certificate: { ...endpoint().certificate!, validFrom: '2024-01-01T00:00:00.000Z', validTo: '2025-01-01T00:00:00.000Z' },
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'cert-hostname-mismatch',
    why: 'certificate for another name',
    yes: input({
      endpoints: [
        endpoint({
          verdict: 'cert-hostname-mismatch',
          certificate: { ...endpoint().certificate!, subject: 'CN=mail.example.net', san: ['mail.example.net'], hostnameMatches: false },
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  // Helper D's findings (issue #23), added here so every catalogue id has a case.
  {
    id: 'cert-chain-incomplete',
    why: 'the server leaves out its intermediate certificate',
    yes: input({
      endpoints: [
        endpoint({
          verdict: 'cert-chain-incomplete',
          certificate: { ...endpoint().certificate!, trusted: false, trustError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'server-starttls-failed',
    why: 'the server says OK to STARTTLS and then no TLS follows',
    yes: input({
      endpoints: [
        endpoint({
          security: 'starttls',
          port: 143,
          url: 'imap://imaps.pec.aruba.it:143',
          verdict: 'starttls-failed',
          detail: 'risposta a STARTTLS: "a1 OK Begin TLS negotiation now", poi nessun handshake TLS',
          certificate: null,
          tls: { versions: { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null }, ciphers: {} },
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'cert-untrusted',
    why: 'self-signed',
    yes: input({
      endpoints: [
        endpoint({
          verdict: 'cert-untrusted',
          certificate: {
            ...endpoint().certificate!,
            issuer: 'CN=imaps.pec.aruba.it',
            trusted: false,
            trustError: 'self-signed certificate',
          },
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'cert-untrusted',
    why: 'self-signed, with OpenSSL’s code as the probe records it',
    yes: input({
      endpoints: [
        endpoint({
          verdict: 'cert-untrusted',
          certificate: {
            ...endpoint().certificate!,
            issuer: 'CN=127.0.0.1, O=Dovecot mail server',
            trusted: false,
            trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
          },
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'server-handshake-failed',
    why: 'no complete answer to the ClientHello in time (the probe’s own line)',
    yes: input({
      endpoints: [
        endpoint({
          verdict: 'handshake-timeout',
          certificate: null,
          simulations: [],
          tls: { versions: { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null }, ciphers: {} },
          steps: [
            {
              step: 'versions',
              status: 'failed',
              ms: 5000,
              verdict: 'handshake-timeout',
              detail: 'risposta al ClientHello: nessuna risposta completa entro 5000 ms',
            },
          ],
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'server-handshake-failed',
    why: 'the service never sent its banner',
    yes: input({
      endpoints: [
        endpoint({
          verdict: 'banner-unexpected',
          certificate: null,
          simulations: [],
          tls: { versions: { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null }, ciphers: {} },
          steps: [
            {
              step: 'banner',
              status: 'failed',
              ms: 5000,
              verdict: 'banner-unexpected',
              detail: 'banner del servizio: nessuna riga entro 5000 ms',
            },
          ],
        }),
      ],
    }),
    no: input({ endpoints: [endpoint()] }),
  },
  {
    id: 'client-handshake-would-fail',
    why: 'Thunderbird 52 (45.6 line) fails against a TLS 1.3-only server',
    yes: input({
      inventory: inventory(OS.win10, { clients: [client('thunderbird', '52.9.1')] }),
      endpoints: [endpoint({ simulations: sims({ 'thunderbird-45.6': 'protocol_version alert' }) })],
    }),
    no: input({
      inventory: inventory(OS.win10, { clients: [client('thunderbird', '128.5.0')] }),
      endpoints: [endpoint({ simulations: sims({ 'thunderbird-45.6': 'protocol_version alert' }) })],
    }),
    severity: 'error',
  },
  {
    id: 'client-handshake-would-fail',
    why: 'Outlook on Windows 10 (SChannel) fails',
    yes: input({
      inventory: inventory(OS.win10, { clients: [client('outlook', '16.0.17928.20114')], windows: win10Tls() }),
      endpoints: [endpoint({ simulations: sims({ windows10: 'no shared cipher' }) })],
    }),
    no: input({
      inventory: inventory(OS.win10, { clients: [], windows: win10Tls() }),
      accounts: accounts([account({ client: 'thunderbird' })]),
      endpoints: [endpoint({ simulations: sims({ windows10: 'no shared cipher' }) })],
    }),
  },
  {
    id: 'client-handshake-would-fail',
    why: 'Java 8u201 integration fails: warning',
    yes: input({
      inventory: inventory(OS.win10, { runtimes: [runtime('java', '1.8.0_201')] }),
      endpoints: [endpoint({ simulations: sims({ 'java-8u132': 'no shared cipher' }) })],
    }),
    no: input({
      inventory: inventory(OS.win10, { runtimes: [runtime('java', '17.0.3')] }),
      endpoints: [endpoint({ simulations: sims({ 'java-8u132': 'no shared cipher' }) })],
    }),
    severity: 'warning',
  },
  {
    id: 'server-ok',
    why: 'healthy endpoint',
    yes: input({ endpoints: [endpoint()] }),
    no: input({ endpoints: [endpoint({ verdict: 'cert-untrusted', certificate: { ...endpoint().certificate!, trusted: false } })] }),
  },
  {
    id: 'check-failed',
    why: 'a crashed probe recorded in the context',
    yes: input({ context: context({ failures: [{ check: 'probe imaps://x:993', message: 'boom' }] }) }),
    no: input(),
  },
];

for (const c of CASES) {
  test(`${c.id}: ${c.why}`, () => {
    const yes = evaluateRules(c.yes).filter((f) => f.id === c.id);
    assert.ok(yes.length > 0, `expected ${c.id} from the triggering evidence`);
    if (c.severity) assert.equal(yes[0].severity, c.severity);
    const no = evaluateRules(c.no).filter((f) => f.id === c.id);
    assert.deepEqual(
      no.map((f) => f.title.it),
      [],
      `${c.id} must not appear`,
    );
    for (const f of yes) {
      for (const s of [f.title.it, f.title.en, f.detail.it, f.detail.en, ...f.fix.steps.flatMap((x) => [x.it, x.en])]) {
        assert.doesNotMatch(s, /\{[a-zA-Z]+\}/, `unfilled placeholder in ${c.id}: ${s}`);
      }
      assert.ok(f.evidence.length > 0, `${c.id} rests on evidence`);
    }
    // No rule crashed on this evidence.
    assert.deepEqual(
      evaluateRules(c.yes).filter((f) => f.id === 'check-failed' && f.subject?.startsWith('rule:')),
      [],
    );
  });
}

/** Machine words a lawyer must not read: OpenSSL codes, protocol messages, registry values and paths. */
const RAW_CODE = /[A-Z_]{8,}|ClientHello|0x[0-9A-F]{3}|HKEY_/;
/** Words the user sees in the mail program's own settings (the "STARTTLS" security option), not machine codes. */
const SETTINGS_WORDS = /\bSTARTTLS\b/g;
const plainEnough = (s: string) => s.replace(SETTINGS_WORDS, 'starttls');

test('no title, detail, step, plan cause, explanation or plan step of the cases holds a raw code (evidence may)', () => {
  let checked = 0;
  for (const c of CASES) {
    const findings = evaluateRules(c.yes);
    const { plans } = buildPlans(c.yes, findings);
    const texts: [string, string][] = [];
    for (const f of findings) {
      for (const t of [f.title, f.detail, ...f.fix.steps]) texts.push([`${f.id}`, t.it], [`${f.id}`, t.en]);
    }
    for (const p of plans) {
      for (const t of [p.cause, p.explanation, ...p.steps.map((x) => x.text)]) texts.push([`plan ${p.id}`, t.it], [`plan ${p.id}`, t.en]);
    }
    for (const [who, s] of texts) {
      assert.doesNotMatch(plainEnough(s), RAW_CODE, `${c.id} (${c.why}) → ${who}: ${s}`);
      assert.doesNotMatch(s, /pec-doctor fix-reg/, `${who} sends a desktop user to the CLI: ${s}`);
      checked++;
    }
  }
  assert.ok(checked > 300, `only ${checked} texts checked`);
});

test('the raw reasons stay in the evidence for the technician', () => {
  const selfSigned = CASES.find((c) => c.why.startsWith('self-signed, with OpenSSL'))!;
  const cert = evaluateRules(selfSigned.yes).find((f) => f.id === 'cert-untrusted')!;
  assert.match(cert.detail.it, /non risulta firmato da un’autorità riconosciuta: il server usa un certificato fatto da sé \(autofirmato\)/);
  assert.equal((cert.evidence[0] as { technical: string }).technical, 'DEPTH_ZERO_SELF_SIGNED_CERT');
  const timeout = CASES.find((c) => c.why.startsWith('no complete answer to the ClientHello'))!;
  const hs = evaluateRules(timeout.yes).find((f) => f.id === 'server-handshake-failed')!;
  assert.match(hs.detail.it, /si interrompe: il server non ha risposto in tempo\.$/);
  assert.match((hs.evidence[0] as { technical: string }).technical, /risposta al ClientHello: nessuna risposta completa entro 5000 ms/);
  const sim = CASES.find((c) => c.why.startsWith('Java 8u201'))!;
  const java = evaluateRules(sim.yes).find((f) => f.id === 'client-handshake-would-fail')!;
  assert.doesNotMatch(java.detail.it, /no shared cipher/);
  assert.equal((java.evidence[0] as { technical: string }).technical, 'no shared cipher');
  const failed = evaluateRules(
    input({ context: context({ failures: [{ check: 'probe imaps://x:993', message: 'ECONNRESET read' }] }) }),
  ).find((f) => f.id === 'check-failed')!;
  assert.doesNotMatch(failed.detail.it, /ECONNRESET/);
  assert.equal((failed.evidence[0] as { technical: string }).technical, 'ECONNRESET read');
});

test('probe codes and trust errors map to plain words; an unknown code gets a generic sentence, never itself', () => {
  for (const [code, t] of Object.entries(TRUST_ERRORS)) {
    assert.equal(trustReason(code), t);
    assert.doesNotMatch(t.it + t.en, RAW_CODE, code);
  }
  assert.equal(trustReason('self-signed certificate'), TRUST_ERRORS.DEPTH_ZERO_SELF_SIGNED_CERT);
  assert.equal(trustReason('unable to get local issuer certificate'), TRUST_ERRORS.UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
  const unknown = trustReason('X509_V_ERR_SOMETHING_NEW');
  assert.doesNotMatch(unknown.it + unknown.en, /X509|SOMETHING/);
  assert.match(handshakeReason('handshake-alert(handshake_failure)').it, /ha rifiutato la connessione protetta/);
  assert.match(handshakeReason('handshake-timeout').it, /non ha risposto in tempo/);
  assert.doesNotMatch(handshakeReason('handshake-weird-new').it, /weird/);
  assert.equal(simulationReason('protocol_version alert').it.includes('protocol_version'), false);
});

test('every catalogue id (and every required id) is reachable from the cases above', () => {
  const covered = new Set(CASES.map((c) => c.id));
  assert.deepEqual(
    CATALOGUE.map((e) => e.id).filter((id) => !covered.has(id)),
    [],
  );
  assert.deepEqual(
    REQUIRED_IDS.filter((id) => !covered.has(id)),
    [],
  );
});

test('the Windows 7 + Outlook fix: the providers’ three steps, the language-pack note and the user’s webmail', () => {
  const f = evaluateRules(
    input({
      inventory: win7Outlook(),
      context: context({
        lookups: [
          {
            email: 'studio@pec.it',
            provider: { id: 'aruba', name: 'Aruba PEC', webmail: 'https://webmail.pec.it' },
            endpoints: [],
            message: null,
          },
        ],
      }),
    }),
  ).find((x) => x.id === 'win7-tls12-client-disabled');
  assert.ok(f);
  assert.equal(f.title.it, 'Il tuo Outlook su Windows 7 non può usare TLS 1.2');
  const steps = f.fix.steps.map((s) => s.it).join('\n');
  assert.match(steps, /KB3140245/);
  assert.match(steps, /MicrosoftEasyFix51044\.msi/);
  assert.match(steps, /Il tecnico attiva TLS 1\.2 per i programmi di Windows nel Registro di sistema: .*«Salva la correzione \(\.reg\)»/);
  // The key and the values are for the technician, in the evidence: the typed fix's values (issue #19).
  assert.match(
    JSON.stringify(f.evidence),
    /TLS 1\.2\\\\Client: Enabled assente \/ absent → 0x00000001 \(1\), DisabledByDefault assente \/ absent → 0x00000000 \(0\)/,
  );
  assert.match(steps, /language pack/);
  assert.match(f.fix.steps[f.fix.steps.length - 1].it, /webmail del tuo gestore \(https:\/\/webmail\.pec\.it\)/);
  assert.ok(f.fix.links.some((l) => l.url === 'https://webmail.pec.it'));
  assert.ok(f.fix.links.some((l) => l.url.endsWith('MicrosoftEasyFix51044.msi')));
  // Unknown provider: the generic stop-gap.
  const g = evaluateRules(input({ inventory: win7Outlook(), accounts: accounts([account({ provider: null })]) })).find(
    (x) => x.id === 'win7-tls12-client-disabled',
  );
  assert.match(g!.fix.steps[g!.fix.steps.length - 1].it, /webmail del tuo gestore \(il sito/);
});

test('on Windows 10 the fix re-enables TLS 1.2 without the Windows 7 update steps', () => {
  const w = win10Tls();
  w.schannel['TLS 1.2'] = { enabled: 0, disabledByDefault: 1, effective: 'disabled' };
  const f = evaluateRules(input({ inventory: inventory(OS.win10, { clients: [client('outlook', '16.0.17928.20114')], windows: w }) })).find(
    (x) => x.id === 'win7-tls12-client-disabled',
  );
  assert.equal(f?.title.it, 'Il tuo Outlook su Windows 10 non può usare TLS 1.2');
  const steps = f!.fix.steps.map((s) => s.it).join('\n');
  assert.match(steps, /riattiva TLS 1\.2 per i programmi di Windows/);
  assert.match(
    JSON.stringify(f!.evidence),
    /Enabled 0x00000000 \(0\) → 0x00000001 \(1\), DisabledByDefault 0x00000001 \(1\) → 0x00000000 \(0\)/,
  );
  assert.doesNotMatch(steps, /KB3140245/);
  assert.match(f!.detail.it, /è stato spento nel Registro/);
});

test('a rule that throws becomes check-failed, the others still run', () => {
  const broken = input({ endpoints: [{ ...endpoint(), tls: undefined as never }] });
  const out = evaluateRules(broken);
  assert.ok(out.some((f) => f.id === 'check-failed' && f.subject === 'rule:servers'));
  assert.ok(out.some((f) => f.id === 'os-end-of-life'));
});

test('a healthy Windows 11 machine with a healthy server raises only ok findings', () => {
  const out = evaluateRules(
    input({
      inventory: inventory(OS.win11, {
        clients: [client('outlook', '16.0.17928.20114')],
        windows: win10Tls(),
        browsers: [browser('edge', '131.0')],
      }),
      endpoints: [endpoint()],
    }),
  );
  assert.deepEqual(
    out.map((f) => `${f.id}:${f.severity}`),
    ['server-ok:ok'],
  );
});

test('account findings use the account reader’s details: one per server, with what the provider publishes', () => {
  const a = account({
    findings: ['account-wrong-host', 'account-wrong-port'],
    findingDetails: [
      {
        id: 'account-wrong-host',
        role: 'incoming',
        server: 'imap.pec.aruba.it:993',
        expected: 'imaps.pec.aruba.it:993 SSL/TLS',
        actual: 'imap.pec.aruba.it',
      },
      {
        id: 'account-wrong-port',
        role: 'outgoing',
        server: 'smtps.pec.aruba.it:25',
        expected: 'smtps.pec.aruba.it:465 SSL/TLS',
        actual: '25',
      },
    ],
  });
  const out = evaluateRules(input({ accounts: accounts([a]) }));
  const host = out.find((f) => f.id === 'account-wrong-host');
  const port = out.find((f) => f.id === 'account-wrong-port');
  assert.match(host!.detail.it, /imap\.pec\.aruba\.it:993/);
  assert.match(host!.fix.steps[0].it, /imaps\.pec\.aruba\.it:993 SSL\/TLS/);
  assert.match(port!.fix.steps[0].it, /smtps\.pec\.aruba\.it:465/);
  assert.match(host!.title.it, /studio\.rossi@pec\.it/);
});

test('certificate dates are compared as dates whatever their text form', () => {
  const cert = { ...endpoint().certificate!, validFrom: 'Mar  1 00:00:00 2024 GMT', validTo: 'Mar  1 00:00:00 2025 GMT' };
  assert.ok(evaluateRules(input({ endpoints: [endpoint({ certificate: cert })] })).some((f) => f.id === 'cert-expired'));
  const valid = { ...cert, validTo: 'Mar  1 00:00:00 2027 GMT' };
  assert.ok(!evaluateRules(input({ endpoints: [endpoint({ certificate: valid })] })).some((f) => f.id === 'cert-expired'));
});

test('the Windows 7 finding’s own steps follow the machine: no KB step when installed, Enabled = 1 when Enabled=0 is set', () => {
  const w = win7Tls({ kb3140245: true });
  w.schannel['TLS 1.2'] = { enabled: 0, disabledByDefault: null, effective: 'disabled' };
  const f = evaluateRules(input({ inventory: win7Outlook({ windows: w }) })).find((x) => x.id === 'win7-tls12-client-disabled')!;
  const steps = f.fix.steps.map((s) => s.it).join('\n');
  assert.doesNotMatch(steps, /Installa l’aggiornamento di Windows KB3140245/);
  assert.match(steps, /\(oggi è disattivato esplicitamente/);
  assert.match(JSON.stringify(f.evidence), /Enabled 0x00000000 \(0\) → 0x00000001 \(1\)/);
});

test("every failure reason of the probe's simulation has a plain explanation (never the raw code)", () => {
  const source = fs.readFileSync(path.join(__dirname, '../../../src/probe/simulate.ts'), 'utf8');
  const reasons = [...new Set([...source.matchAll(/reason: '([a-z0-9-]+)'/g)].map((m) => m[1]))].filter((r) => r !== 'ok');
  assert.ok(reasons.includes('dh-too-large') && reasons.includes('dh-too-small'), reasons.join(', '));
  for (const r of [...reasons, 'no-common-signature']) {
    const t = simulationReason(r);
    assert.notEqual(t.it, r, `${r} has no Italian text`);
    assert.notEqual(t.en, r, `${r} has no English text`);
  }
});

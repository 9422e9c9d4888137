// A rich, realistic report for the report tests: Windows 7 SP1 with Outlook 2010 and TLS 1.2
// off, an Aruba PEC account, a Thunderbird account with a login name, user folders in the
// evidence paths, two servers (one healthy, one accepting TLS 1.0 too).
import { buildReport } from '../../../src/diagnosis/run';
import type { FixPlan, Report } from '../../../src/diagnosis/types';
import { text } from '../../../src/util/text';
import { NOW, OS, account, accounts, browser, client, context, endpoint, inventory, runtime, sims, win7Tls } from '../diagnosis/evidence';

export function sampleReport(): Report {
  const inv = inventory(OS.win7, {
    windows: win7Tls(),
    clients: [
      client('outlook', '14.0.7015.1000', {
        marketingName: '2010',
        evidence: [{ source: 'C:\\Users\\mrossi\\AppData\\Local\\Microsoft\\Outlook', raw: 'OUTLOOK.EXE 14.0.7015.1000' }],
      }),
      client('thunderbird', '115.8.0', { evidence: [{ source: 'C:\\Users\\mrossi\\AppData\\Roaming\\Thunderbird\\profiles.ini' }] }),
    ],
    browsers: [browser('ie', '11.0.9600.19180'), browser('chrome', '109.0.5414.120')],
    runtimes: [runtime('java', '1.8.0_131')],
  });
  const accs = accounts([
    account({ email: 'avv.mario.rossi@pec.it', name: 'Avv. Mario Rossi' }),
    account({
      client: 'thunderbird',
      profile: 'k2x9.default-release',
      email: 'studio@legalmail.it',
      name: 'Studio Legale Bianchi',
      provider: 'infocert-legalmail',
      incoming: { host: 'mbox.cert.legalmail.it', port: 993, protocol: 'imap', security: 'tls', userName: 'GBIANCHI77' },
      outgoing: { host: 'sendm.cert.legalmail.it', port: 465, protocol: 'smtp', security: 'tls', userName: 'GBIANCHI77' },
      evidence: [
        {
          source: 'C:\\Users\\mrossi\\AppData\\Roaming\\Thunderbird\\Profiles\\k2x9.default-release\\prefs.js',
          raw: 'user_pref("mail.server.server2.userName", "GBIANCHI77");',
        },
      ],
    }),
  ]);
  const legacy = endpoint({
    host: 'mbox.cert.legalmail.it',
    tls: {
      versions: { TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': false },
      ciphers: { TLSv1: ['AES256-SHA'], 'TLSv1.2': ['ECDHE-RSA-AES256-GCM-SHA384', 'AES256-SHA256'] },
    },
  });
  return buildReport({
    inventory: inv,
    accounts: accs,
    endpoints: [endpoint(), legacy],
    context: context({
      emails: ['avv.mario.rossi@pec.it'],
      lookups: [
        {
          email: 'avv.mario.rossi@pec.it',
          provider: { id: 'aruba', name: 'Aruba PEC', webmail: 'https://webmail.pec.it' },
          endpoints: [],
          message: null,
        },
      ],
    }),
    now: NOW,
  });
}

/**
 * The untouched Windows 7 + Outlook 2010 office (the case of issue #11/#12): one Aruba PEC
 * account, the server healthy, Windows 7's own SChannel unable to reach it. The fix plan is
 * written by hand here (the shape of src/diagnosis/types.ts), so the report's page 1 is tested
 * whatever the rules produce today.
 */
export function win7UntouchedReport(): Report {
  const inv = inventory(OS.win7, {
    windows: win7Tls(),
    clients: [client('outlook', '14.0.7015.1000', { marketingName: '2010', bitness: 32 })],
    browsers: [browser('ie', '11.0.9600.19180')],
    clock: { now: NOW, buildDate: '2026-11-23', offsetSeconds: 0, timeZone: 'Europe/Rome' },
  });
  const report = buildReport({
    inventory: inv,
    accounts: accounts([account({ email: 'avv.mario.rossi@pec.it', name: 'Avv. Mario Rossi' })]),
    endpoints: [endpoint({ simulations: sims({ 'windows7-default': 'no-common-version' }) })],
    context: context(),
    now: NOW,
  });
  const plan: FixPlan = {
    id: 'windows7-tls12',
    severity: 'error',
    cause: text('Outlook su Windows 7 non usa TLS 1.2', 'Outlook on Windows 7 does not use TLS 1.2'),
    explanation: text(
      'Outlook 2010 si collega alla PEC attraverso Windows, e Windows 7 così com’è non attiva TLS 1.2, che i gestori PEC richiedono dal 2019.',
      'Outlook 2010 connects through Windows, and Windows 7 as shipped does not enable TLS 1.2, which PEC providers require since 2019.',
    ),
    affects: ['outlook'],
    steps: [
      {
        id: 'install-kb3140245',
        state: 'todo',
        text: text('Installa l’aggiornamento di Windows KB3140245.', 'Install update KB3140245.'),
        evidence: text('KB3140245 assente nell’elenco degli aggiornamenti', 'KB3140245 not in the update list'),
        links: [
          { url: 'https://support.microsoft.com/kb/3140245', label: text('Pagina Microsoft di KB3140245', 'Microsoft KB3140245 page') },
        ],
      },
      {
        id: 'winhttp-defaults',
        state: 'todo',
        text: text('Esegui Easy Fix di Microsoft (imposta WinHTTP su TLS 1.1 e 1.2).', 'Run Microsoft Easy Fix (WinHTTP TLS 1.1 and 1.2).'),
        evidence: text('DefaultSecureProtocols assente (64 e 32 bit)', 'DefaultSecureProtocols absent'),
        links: [
          {
            url: 'https://download.microsoft.com/download/0/6/5/0658B1A7-6D2E-474F-BC2C-D69E5B9E9A68/MicrosoftEasyFix51044.msi',
            label: text('Easy Fix 51044', 'Easy Fix 51044'),
          },
        ],
      },
      {
        id: 'schannel-tls12-client',
        state: 'todo',
        text: text(
          'Crea la chiave TLS 1.2\\Client con DisabledByDefault=0 (il tecnico può usare il file .reg di PEC Doctor).',
          'Create the TLS 1.2\\Client key with DisabledByDefault=0.',
        ),
        evidence: text('TLS 1.2\\Client: chiave assente', 'TLS 1.2\\Client: key absent'),
        links: [],
      },
      {
        id: 'dotnet-ok',
        state: 'done',
        text: text('.NET Framework 4.7.2 è già installato.', '.NET Framework 4.7.2 is installed.'),
        evidence: null,
        links: [],
      },
      {
        id: 'reboot',
        state: 'todo',
        text: text('Riavvia il computer e ripeti il controllo.', 'Restart the computer and run the check again.'),
        evidence: null,
        links: [],
      },
    ],
    stopGap: { providerId: 'aruba', providerName: 'Aruba PEC', url: 'https://webmail.pec.it' },
    findings: report.findings.filter((f) => f.id.startsWith('win7-')).map((f) => ({ id: f.id, subject: f.subject })),
  };
  report.plans = [plan];
  for (const f of report.findings) if (f.id.startsWith('win7-')) f.plan = plan.id;
  return report;
}

// A rich, realistic report for the report tests: Windows 7 SP1 with Outlook 2010 and TLS 1.2
// off, an Aruba PEC account, a Thunderbird account with a login name, user folders in the
// evidence paths, two servers (one healthy, one accepting TLS 1.0 too).
import { buildReport } from '../../../src/diagnosis/run';
import type { Report } from '../../../src/diagnosis/types';
import { NOW, OS, account, accounts, browser, client, context, endpoint, inventory, runtime, win7Tls } from '../diagnosis/evidence';

export function sampleReport(): Report {
  const inv = inventory(OS.win7, {
    windows: win7Tls(),
    clients: [
      client('outlook', '14.0.7015.1000', { marketingName: '2010', evidence: [{ source: 'C:\\Users\\mrossi\\AppData\\Local\\Microsoft\\Outlook', raw: 'OUTLOOK.EXE 14.0.7015.1000' }] }),
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
      evidence: [{ source: 'C:\\Users\\mrossi\\AppData\\Roaming\\Thunderbird\\Profiles\\k2x9.default-release\\prefs.js', raw: 'user_pref("mail.server.server2.userName", "GBIANCHI77");' }],
    }),
  ]);
  const legacy = endpoint({
    host: 'mbox.cert.legalmail.it',
    tls: { versions: { TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': false }, ciphers: { TLSv1: ['AES256-SHA'], 'TLSv1.2': ['ECDHE-RSA-AES256-GCM-SHA384', 'AES256-SHA256'] } },
  });
  return buildReport({
    inventory: inv,
    accounts: accs,
    endpoints: [endpoint(), legacy],
    context: context({ emails: ['avv.mario.rossi@pec.it'], lookups: [{ email: 'avv.mario.rossi@pec.it', provider: { id: 'aruba', name: 'Aruba PEC', webmail: 'https://webmail.pec.it' }, endpoints: [], message: null }] }),
    now: NOW,
  });
}

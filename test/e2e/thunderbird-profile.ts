// Writes a Thunderbird profile (profiles.ini + prefs.js, the files Thunderbird itself keeps) with
// one PEC account into a home folder, for account discovery to find.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface ProfileAccount {
  email: string;
  imap: { host: string; port: number };
  smtp?: { host: string; port: number };
}

export function writeThunderbirdProfile(home: string, account: ProfileAccount): void {
  const dir = path.join(home, '.thunderbird');
  const profile = path.join(dir, 'abcd1234.default-release');
  mkdirSync(profile, { recursive: true });
  writeFileSync(
    path.join(dir, 'profiles.ini'),
    [
      '[Profile0]',
      'Name=default-release',
      'IsRelative=1',
      'Path=abcd1234.default-release',
      'Default=1',
      '',
      '[General]',
      'StartWithLastProfile=1',
      'Version=2',
      '',
    ].join('\n'),
  );
  const prefs = [
    'user_pref("mail.accountmanager.accounts", "account1");',
    'user_pref("mail.account.account1.identities", "id1");',
    'user_pref("mail.account.account1.server", "server1");',
    `user_pref("mail.identity.id1.useremail", "${account.email}");`,
    'user_pref("mail.identity.id1.fullName", "Avv. Bianchi");',
    `user_pref("mail.server.server1.hostname", "${account.imap.host}");`,
    `user_pref("mail.server.server1.port", ${account.imap.port});`,
    'user_pref("mail.server.server1.socketType", 3);',
    'user_pref("mail.server.server1.type", "imap");',
    `user_pref("mail.server.server1.userName", "${account.email}");`,
  ];
  if (account.smtp) {
    prefs.push(
      'user_pref("mail.identity.id1.smtpServer", "smtp1");',
      'user_pref("mail.smtpservers", "smtp1");',
      `user_pref("mail.smtpserver.smtp1.hostname", "${account.smtp.host}");`,
      `user_pref("mail.smtpserver.smtp1.port", ${account.smtp.port});`,
      'user_pref("mail.smtpserver.smtp1.try_ssl", 3);',
    );
  }
  writeFileSync(path.join(profile, 'prefs.js'), prefs.join('\n') + '\n');
}

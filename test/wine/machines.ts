// The Windows machines built under Wine for test/wine/wine.test.ts: each is a .reg file imported
// with `regedit /S` into a copy of one fresh prefix, plus files in the Wine user's profile.
// The values are the ones the real programs write (names and layouts as in the recorded
// machines under test/fixtures/inventory); no program is installed, only its registry traces.

/** REG_BINARY of a string as Outlook stores it in MAPI profiles: UTF-16LE with a trailing NUL. */
export function utf16Hex(s: string): string {
  return `hex:${[...Buffer.from(s + '\u0000', 'utf16le')].map((b) => b.toString(16).padStart(2, '0')).join(',')}`;
}
const dword = (n: number) => `dword:${n.toString(16).padStart(8, '0')}`;
const str = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

type Values = Record<string, string>;
function regFile(keys: Record<string, Values>): string {
  const out = ['Windows Registry Editor Version 5.00', ''];
  for (const [key, values] of Object.entries(keys)) {
    out.push(`[${key}]`);
    for (const [name, data] of Object.entries(values)) out.push(`${name === '@' ? '@' : str(name)}=${data}`);
    out.push('');
  }
  return out.join('\r\n') + '\r\n';
}

const CV = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
const WOW = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node';
const PROFILE_GUID = '9375CFF0413111d3B88A00104B2A6676';

/** An Outlook POP/IMAP account subkey as Outlook writes it (strings as UTF-16LE binaries). */
function outlookAccount(a: { name: string; email: string; imap: string; smtp: string; user: string }): Values {
  return {
    'Account Name': utf16Hex(a.name),
    'Display Name': utf16Hex('Studio Legale Rossi'),
    Email: utf16Hex(a.email),
    'IMAP Server': utf16Hex(a.imap),
    'IMAP User': utf16Hex(a.user),
    'IMAP Port': dword(993),
    'IMAP Use SSL': dword(1),
    'SMTP Server': utf16Hex(a.smtp),
    'SMTP Port': dword(465),
    'SMTP Use SSL': dword(1),
    'SMTP Use Auth': dword(1),
    'Mini UID': dword(0x5a3c1e2f),
  };
}

export interface WineMachine {
  name: string;
  description: string;
  /** Wine's Windows version setting (what RtlGetVersion, hence os.release(), reports). */
  wineVersion: 'win7' | 'win81' | 'win10';
  lang: string;
  reg: string;
  /** Files in the Wine user's AppData\Roaming, by relative path. */
  roaming: Record<string, string>;
}

const ARUBA = {
  name: 'PEC Studio Rossi',
  email: 'studio.rossi@pec.it',
  imap: 'imaps.pec.aruba.it',
  smtp: 'smtps.pec.aruba.it',
  user: 'studio.rossi@pec.it',
};

export const MACHINES: WineMachine[] = [
  {
    name: 'win7-it-outlook2010',
    description: 'Italian Windows 7 SP1 x64, Outlook 2010 32-bit (MSI), an Aruba PEC account in the MAPI profile, untouched',
    wineVersion: 'win7',
    lang: 'it_IT.UTF-8',
    reg: regFile({
      'HKEY_CURRENT_USER\\Software\\Wine': { Version: str('win7') },
      [CV]: {
        ProductName: str('Windows 7 Professional'),
        EditionID: str('Professional'),
        CurrentVersion: str('6.1'),
        CurrentBuildNumber: str('7601'),
        CSDVersion: str('Service Pack 1'),
      },
      'HKEY_CLASSES_ROOT\\Outlook.Application\\CurVer': { '@': str('Outlook.Application.14') },
      [`${WOW}\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE`]: {
        '@': str('C:\\Program Files (x86)\\Microsoft Office\\Office14\\OUTLOOK.EXE'),
        Path: str('C:\\Program Files (x86)\\Microsoft Office\\Office14\\'),
      },
      [`${WOW}\\Microsoft\\Office\\14.0\\Outlook`]: { Bitness: str('x86') },
      [`${WOW}\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Office14.PROPLUS`]: {
        DisplayName: str('Microsoft Office Professional Plus 2010'),
        DisplayVersion: str('14.0.7015.1000'),
      },
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles': {
        DefaultProfile: str('Outlook'),
      },
      [`HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook\\${PROFILE_GUID}\\00000002`]:
        outlookAccount(ARUBA),
    }),
    roaming: {},
  },
  {
    name: 'win81-thunderbird',
    description: 'Windows 8.1 x64 with Thunderbird 115 (its own TLS) and a Legalmail account',
    wineVersion: 'win81',
    lang: 'it_IT.UTF-8',
    reg: regFile({
      'HKEY_CURRENT_USER\\Software\\Wine': { Version: str('win81') },
      [CV]: {
        ProductName: str('Windows 8.1 Pro'),
        EditionID: str('Professional'),
        CurrentVersion: str('6.3'),
        CurrentBuildNumber: str('9600'),
        CurrentBuild: str('9600'),
        CSDVersion: '-',
      },
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Mozilla\\Mozilla Thunderbird': { CurrentVersion: str('115.8.0 (x64 it)') },
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Mozilla Thunderbird 115.8.0 (x64 it)': {
        DisplayName: str('Mozilla Thunderbird (x64 it)'),
        DisplayVersion: str('115.8.0'),
        InstallLocation: str('C:\\Program Files\\Mozilla Thunderbird'),
      },
    }),
    roaming: {
      'Thunderbird\\profiles.ini':
        '[General]\r\nStartWithLastProfile=1\r\n\r\n[Profile0]\r\nName=default-release\r\nIsRelative=1\r\nPath=Profiles/x1y2z3.default-release\r\nDefault=1\r\n',
      'Thunderbird\\Profiles\\x1y2z3.default-release\\prefs.js': [
        'user_pref("mail.accountmanager.accounts", "account1");',
        'user_pref("mail.account.account1.identities", "id1");',
        'user_pref("mail.account.account1.server", "server1");',
        'user_pref("mail.identity.id1.fullName", "Studio Bianchi");',
        'user_pref("mail.identity.id1.useremail", "studio.bianchi@legalmail.it");',
        'user_pref("mail.identity.id1.smtpServer", "smtp1");',
        'user_pref("mail.server.server1.hostname", "mbox.cert.legalmail.it");',
        'user_pref("mail.server.server1.name", "studio.bianchi@legalmail.it");',
        'user_pref("mail.server.server1.port", 993);',
        'user_pref("mail.server.server1.socketType", 3);',
        'user_pref("mail.server.server1.type", "imap");',
        'user_pref("mail.server.server1.userName", "M1234567");',
        'user_pref("mail.smtpserver.smtp1.hostname", "sendm.cert.legalmail.it");',
        'user_pref("mail.smtpserver.smtp1.port", 465);',
        'user_pref("mail.smtpserver.smtp1.try_ssl", 3);',
        'user_pref("mail.smtpservers", "smtp1");',
        '',
      ].join('\r\n'),
    },
  },
  {
    name: 'win10-22h2-m365',
    description: 'Windows 10 22H2 x64, Microsoft 365 Apps Click-to-Run 64-bit with an Aruba PEC account (Outlook 16 profile)',
    wineVersion: 'win10',
    lang: 'it_IT.UTF-8',
    reg: regFile({
      'HKEY_CURRENT_USER\\Software\\Wine': { Version: str('win10') },
      [CV]: {
        ProductName: str('Windows 10 Pro'),
        EditionID: str('Professional'),
        CurrentVersion: str('6.3'),
        CurrentMajorVersionNumber: dword(10),
        CurrentMinorVersionNumber: dword(0),
        CurrentBuildNumber: str('19045'),
        CurrentBuild: str('19045'),
        DisplayVersion: str('22H2'),
        UBR: dword(4291),
        // Windows 10 has no service packs: the fresh prefix's "Service Pack 1" goes
        CSDVersion: '-',
      },
      'HKEY_CLASSES_ROOT\\Outlook.Application\\CurVer': { '@': str('Outlook.Application.16') },
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE': {
        '@': str('C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE'),
        Path: str('C:\\Program Files\\Microsoft Office\\root\\Office16\\'),
      },
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\ClickToRun\\Configuration': {
        VersionToReport: str('16.0.17328.20184'),
        Platform: str('x64'),
        ProductReleaseIds: str('O365ProPlusRetail'),
        CDNBaseUrl: str('http://officecdn.microsoft.com/pr/492350f6-3a01-4f97-b9c0-c7c6ddf67d60'),
      },
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook': { DefaultProfile: str('Outlook') },
      [`HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook\\${PROFILE_GUID}\\00000001`]:
        outlookAccount(ARUBA),
    }),
    roaming: {},
  },
];

// The .reg file a technician imports on Windows 7/8 to let SChannel, WinHTTP and .NET use
// TLS 1.1/1.2 (never applied by PEC Doctor itself). Keys and values from:
// - SCHANNEL Protocols\TLS 1.x\Client Enabled/DisabledByDefault: Microsoft "TLS registry settings"
//   (MicrosoftDocs windowsserverdocs, security/tls/tls-registry-settings.md) and the providers' note;
// - WinHTTP DefaultSecureProtocols = 0xA00 (TLS 1.1 + 1.2) in both registry views: KB3140245;
// - .NET SchUseStrongCrypto / SystemDefaultTlsVersions = 1 for v4.0.30319 and v2.0.50727, both
//   views: Microsoft ".NET Framework TLS best practices" (dotnet/docs network-programming/tls.md).
// Format: REGEDIT5 — UTF-16LE with BOM, CRLF line ends, "Windows Registry Editor Version 5.00".

const SCHANNEL = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
const WINHTTP = 'Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';

export function regFixLines(appVersion: string, createdAt: string): string[] {
  const dword = (n: number) => `dword:${n.toString(16).padStart(8, '0')}`;
  const lines = [
    'Windows Registry Editor Version 5.00',
    '',
    `; PEC Doctor ${appVersion} — ${createdAt}`,
    '; Abilita TLS 1.1 e TLS 1.2 per i programmi di Windows 7/8 (Outlook, WinHTTP, .NET).',
    '; Enables TLS 1.1 and 1.2 for Windows 7/8 programs (Outlook, WinHTTP, .NET).',
    '; DA IMPORTARE A MANO da un tecnico (doppio clic, come amministratore), dopo aver installato',
    '; l’aggiornamento KB3140245; poi riavviare il computer. Nulla viene applicato automaticamente.',
    '; Import by hand (administrator) after installing KB3140245, then restart. Nothing is applied automatically.',
    '; Su Windows a 32 bit le chiavi Wow6432Node non servono e restano inutilizzate.',
    '',
  ];
  for (const v of ['TLS 1.1', 'TLS 1.2']) {
    lines.push(
      `; SCHANNEL, ${v} lato client: Enabled=1, DisabledByDefault=0 (Windows 7 lo tiene spento per default).`,
      `[${SCHANNEL}\\${v}\\Client]`,
      `"Enabled"=${dword(1)}`,
      `"DisabledByDefault"=${dword(0)}`,
      '',
    );
  }
  lines.push('; WinHTTP (KB3140245): protocolli predefiniti TLS 1.1 + TLS 1.2 = 0x00000A00, in entrambe le viste del registro.');
  for (const root of ['HKEY_LOCAL_MACHINE\\SOFTWARE', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node']) {
    lines.push(`[${root}\\${WINHTTP}]`, `"DefaultSecureProtocols"=${dword(0xa00)}`, '');
  }
  lines.push('; .NET Framework: crittografia forte (TLS 1.2) e protocolli scelti dal sistema operativo.');
  for (const root of ['HKEY_LOCAL_MACHINE\\SOFTWARE', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node']) {
    for (const v of ['v4.0.30319', 'v2.0.50727']) {
      lines.push(`[${root}\\Microsoft\\.NETFramework\\${v}]`, `"SchUseStrongCrypto"=${dword(1)}`, `"SystemDefaultTlsVersions"=${dword(1)}`, '');
    }
  }
  return lines;
}

/** The file content: UTF-16LE with BOM, CRLF. */
export function regFixBuffer(appVersion: string, createdAt: string): Buffer {
  const body = regFixLines(appVersion, createdAt).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
}

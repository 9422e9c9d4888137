import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  windowsReleaseOfBuild,
  parseCurrentVersion,
  windowsArch,
  windowsOsInfo,
  parseProductType,
  parseTerminalServer,
  cleanProductName,
  serverReleaseOf,
} from '../../../src/inventory/windows-os';
import { effectiveProtocol, protocolsOfMask, schannelDefaults, parseSchannel } from '../../../src/inventory/schannel';
import { dotnetVersionOfRelease, parseNdpFull } from '../../../src/inventory/dotnet';
import { outlookMarketingName, parseC2R, parseFileVersion, parseCurVer, outlookClient, pickC2R } from '../../../src/inventory/outlook';
import { parsePackageFullName, pickNewOutlookPackage, newOutlookClient } from '../../../src/inventory/outlook-new';
import { parseMozillaVersion, parseJavaSoft, parseUninstall } from '../../../src/inventory/windows-programs';
import { parseSecurityCenter, decodeProductState } from '../../../src/inventory/antivirus';
import { parseHotfixIds, isNt60Build } from '../../../src/inventory/hotfixes';
import { filetimeToIso, pickServicingPackages, languagePackAfterKb } from '../../../src/inventory/servicing';
import { parsePlist, plistString, PlistError } from '../../../src/inventory/plist';
import { parseSwVers, macArch, macosCodename } from '../../../src/inventory/macos';
import {
  parseOsRelease,
  parseVersionOutput,
  parseSnapList,
  parseFlatpakList,
  parsePackageList,
  linuxOsInfo,
  osReleaseCodename,
} from '../../../src/inventory/linux';
import { parseJavaVersion, parseOpensslVersion } from '../../../src/inventory/runtimes';
import { clockInfo } from '../../../src/inventory/clock';
import { parseRegQuery, type RegKey } from '../../../src/platform/registry';

const key = (text: string): RegKey => parseRegQuery(text.replace(/\n/g, '\r\n')).keys[0];

test('Windows builds map to releases (7601 = 7 SP1, 9200 = 8, 9600 = 8.1, 10240+ = 10, 22000+ = 11)', () => {
  assert.equal(windowsReleaseOfBuild(7601)?.release, 'Windows 7');
  assert.equal(windowsReleaseOfBuild(9200)?.release, 'Windows 8');
  assert.equal(windowsReleaseOfBuild(9600)?.release, 'Windows 8.1');
  assert.deepEqual(windowsReleaseOfBuild(10240), { build: 10240, release: 'Windows 10', update: '1507' });
  assert.deepEqual(windowsReleaseOfBuild(19045), { build: 19045, release: 'Windows 10', update: '22H2' });
  assert.deepEqual(windowsReleaseOfBuild(22000), { build: 22000, release: 'Windows 11', update: '21H2' });
  assert.deepEqual(windowsReleaseOfBuild(27000), { build: 27000, release: 'Windows 11', update: null });
  assert.equal(windowsReleaseOfBuild(2600)?.release, 'Windows XP');
  assert.equal(windowsReleaseOfBuild(null), null);
  assert.equal(windowsReleaseOfBuild(100), null);
});

test('CurrentVersion: XP obsolete CurrentBuild, Windows 10 major/minor DWORDs', () => {
  const xp = parseCurrentVersion(
    key(
      '\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\n    CurrentBuild    REG_SZ    1.511.1 () (Obsolete data - do not use)\n    CurrentBuildNumber    REG_SZ    2600\n    CurrentVersion    REG_SZ    5.1\n    CSDVersion    REG_SZ    Service Pack 3\n',
    ),
  );
  assert.equal(xp.build, 2600);
  assert.equal(xp.ntVersion, '5.1');
  const w10 = parseCurrentVersion(
    key(
      '\nHKEY_LOCAL_MACHINE\\X\n    CurrentVersion    REG_SZ    6.3\n    CurrentMajorVersionNumber    REG_DWORD    0xa\n    CurrentMinorVersionNumber    REG_DWORD    0x0\n    CurrentBuild    REG_SZ    19045\n    UBR    REG_DWORD    0x147f\n',
    ),
  );
  assert.deepEqual({ nt: w10.ntVersion, build: w10.build, ubr: w10.ubr }, { nt: '10.0', build: 19045, ubr: 5247 });
});

test('OS from os.release() alone when neither systeminformation nor the registry answer', () => {
  const os = windowsOsInfo({ si: null, currentVersion: null, release: '6.1.7601', arch: 'x86' }, []);
  assert.deepEqual({ name: os.name, version: os.version, build: os.build }, { name: 'Windows 7', version: '6.1.7601', build: '7601' });
  const si = windowsOsInfo(
    {
      si: { distro: 'Microsoft Windows 7 Professional', build: '7601', servicepack: '1.0' },
      currentVersion: null,
      release: '6.1.7601',
      arch: 'x64',
    },
    [],
  );
  assert.deepEqual(
    { name: si.name, sp: si.servicePack, edition: si.edition },
    { name: 'Windows 7 Service Pack 1', sp: 'Service Pack 1', edition: 'Professional' },
  );
});

test('Windows Server keeps its own name (same builds as the client releases)', () => {
  const cv = parseCurrentVersion(
    key(
      '\nHKEY_LOCAL_MACHINE\\X\n    CurrentVersion    REG_SZ    6.1\n    CurrentBuildNumber    REG_SZ    7601\n    ProductName    REG_SZ    Windows Server 2008 R2 Standard\n    EditionID    REG_SZ    ServerStandard\n    CSDVersion    REG_SZ    Service Pack 1\n',
    ),
  );
  const os = windowsOsInfo({ si: null, currentVersion: cv, release: '6.1.7601', arch: 'x64' }, []);
  assert.deepEqual(
    { name: os.name, edition: os.edition, version: os.version },
    { name: 'Windows Server 2008 R2 Service Pack 1', edition: 'Standard', version: '6.1.7601' },
  );
});

test('Windows architecture from the environment, not the process', () => {
  assert.equal(windowsArch({ PROCESSOR_ARCHITECTURE: 'x86', PROCESSOR_ARCHITEW6432: 'AMD64' }, 'ia32'), 'x64');
  assert.equal(windowsArch({ PROCESSOR_ARCHITECTURE: 'x86' }, 'ia32'), 'x86');
  assert.equal(windowsArch({ PROCESSOR_ARCHITECTURE: 'ARM64' }, 'x64'), 'arm64');
  assert.equal(windowsArch({}, 'ia32'), 'x86');
});

test('SChannel effective state: Microsoft semantics over the per-OS defaults', () => {
  const win7 = schannelDefaults(7601)!;
  assert.equal(effectiveProtocol(null, null, win7['TLS 1.2']).effective, 'disabled');
  assert.equal(effectiveProtocol(null, 0, win7['TLS 1.2']).effective, 'enabled');
  assert.equal(effectiveProtocol(1, null, win7['TLS 1.2']).effective, 'disabled'); // Enabled alone: still disabled by default
  assert.equal(effectiveProtocol(1, 0, win7['TLS 1.2']).effective, 'enabled');
  assert.equal(effectiveProtocol(0, 0, win7['TLS 1.2']).effective, 'disabled');
  assert.equal(effectiveProtocol(0xffffffff, 0, win7['TLS 1.2']).effective, 'enabled');
  const w81 = schannelDefaults(9600)!;
  assert.equal(effectiveProtocol(null, null, w81['TLS 1.2']).effective, 'enabled');
  assert.equal(effectiveProtocol(null, 1, w81['TLS 1.2']).effective, 'disabled');
  assert.equal(effectiveProtocol(1, 0, schannelDefaults(6002)!['TLS 1.2']).effective, 'disabled'); // Vista: not supported
  assert.equal(effectiveProtocol(null, null, null).effective, 'unknown');
  assert.equal(schannelDefaults(null), null);
  const tree = parseRegQuery(
    '\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server\n    DisabledByDefault    REG_DWORD    0x0\n\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client\n    Enabled    REG_DWORD    0x1\n',
  ).keys;
  // The Server key does not count for the client; Enabled alone leaves Windows 7's default
  assert.equal(parseSchannel(tree, 7601)['TLS 1.2'].effective, 'disabled');
  assert.equal(parseSchannel(tree, 7601)['TLS 1.2'].enabled, 1);
});

test('WinHTTP / SecureProtocols masks', () => {
  assert.deepEqual(protocolsOfMask(0xa00), ['TLS 1.1', 'TLS 1.2']);
  assert.deepEqual(protocolsOfMask(0xa80), ['TLS 1.0', 'TLS 1.1', 'TLS 1.2']);
  assert.deepEqual(protocolsOfMask(0xa8), ['SSL 2.0', 'SSL 3.0', 'TLS 1.0']);
  assert.deepEqual(protocolsOfMask(0x2800), ['TLS 1.2', 'TLS 1.3']);
  assert.equal(protocolsOfMask(null), null);
});

test('.NET releases (4.6 = 393295)', () => {
  assert.equal(dotnetVersionOfRelease(393295), '4.6');
  assert.equal(dotnetVersionOfRelease(393294), '4.5.2');
  assert.equal(dotnetVersionOfRelease(378389), '4.5');
  assert.equal(dotnetVersionOfRelease(378388), null);
  assert.equal(dotnetVersionOfRelease(528049), '4.8');
  assert.equal(dotnetVersionOfRelease(533509), '4.8.1');
  assert.equal(dotnetVersionOfRelease(null), null);
  assert.deepEqual(parseNdpFull(null), { release: null, version: null });
});

test('Outlook marketing names: Office 16 told apart by Click-to-Run product ids', () => {
  const c2r = (ids: string, extra = '') =>
    parseC2R(
      key(
        `\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\ClickToRun\\Configuration\n    ProductReleaseIds    REG_SZ    ${ids}\n    Platform    REG_SZ    x86\n${extra}`,
      ),
    );
  assert.equal(outlookMarketingName(16, c2r('O365BusinessRetail')), 'Microsoft 365');
  assert.equal(outlookMarketingName(16, c2r('ProPlus2019Volume')), '2019');
  assert.equal(outlookMarketingName(16, c2r('ProPlus2021Volume,VisioPro2021Volume')), '2021');
  assert.equal(outlookMarketingName(16, c2r('HomeBusiness2024Retail')), '2024');
  assert.equal(outlookMarketingName(16, c2r('ProPlusRetail')), '2016');
  assert.equal(outlookMarketingName(16, null), '2016');
  // Microsoft 365 installed without Outlook, Outlook from a 2019 product
  assert.equal(
    outlookMarketingName(
      16,
      c2r('O365ProPlusRetail,Outlook2019Retail', '    O365ProPlusRetail.ExcludedApps    REG_SZ    groove,outlook\n'),
    ),
    '2019',
  );
  assert.equal(outlookMarketingName(11, null), '2003');
  assert.equal(outlookMarketingName(12, null), '2007');
  assert.equal(outlookMarketingName(14, null), '2010');
  assert.equal(outlookMarketingName(15, null), '2013');
  assert.equal(outlookMarketingName(null, null), null);
  assert.equal(
    parseCurVer(key('\nHKEY_CLASSES_ROOT\\Outlook.Application\\CurVer\n    (Predefinito)    REG_SZ    Outlook.Application.16\n')),
    16,
  );
  assert.equal(parseFileVersion('16.0.17928.20156\r\n'), '16.0.17928.20156');
  assert.equal(parseFileVersion('Get-Item : Impossibile trovare il percorso'), null);
});

test('Outlook: not installed when nothing says so; Click-to-Run excluded Outlook is not Outlook', () => {
  const none = outlookClient(
    { curVer: null, appPaths: [{ exe: null, folder: null, view: 64 }], c2r: null, msi: null, fileVersion: null, osIs64: true },
    [],
  );
  assert.equal(none, null);
  const excluded = parseC2R(
    key(
      '\nHKEY_LOCAL_MACHINE\\C\n    ProductReleaseIds    REG_SZ    O365ProPlusRetail\n    O365ProPlusRetail.ExcludedApps    REG_SZ    outlook,groove\n',
    ),
  );
  assert.equal(outlookClient({ curVer: null, appPaths: [], c2r: excluded, msi: null, fileVersion: null, osIs64: true }, []), null);
  const c2rOnly = parseC2R(
    key(
      '\nHKEY_LOCAL_MACHINE\\C\n    ProductReleaseIds    REG_SZ    ProPlus2021Volume\n    Platform    REG_SZ    x86\n    VersionToReport    REG_SZ    16.0.14332.20812\n',
    ),
  );
  const ol = outlookClient({ curVer: 16, appPaths: [], c2r: c2rOnly, msi: null, fileVersion: null, osIs64: true }, [])!;
  assert.deepEqual(
    { v: ol.version, m: ol.marketingName, b: ol.bitness, t: ol.installType },
    { v: '16.0.14332.20812', m: '2021', b: 32, t: 'click-to-run' },
  );
});

test('Mozilla CurrentVersion strings, JavaSoft versions, Uninstall entries', () => {
  assert.deepEqual(parseMozillaVersion('115.8.0 (x64 en-US)'), { version: '115.8.0', bitness: 64 });
  assert.deepEqual(parseMozillaVersion('68.1.0 (en-GB)'), { version: '68.1.0', bitness: null });
  assert.deepEqual(parseMozillaVersion('52.9.1 (x86 it)'), { version: '52.9.1', bitness: 32 });
  assert.deepEqual(parseMozillaVersion(null), { version: null, bitness: null });
  assert.equal(
    parseJavaSoft([
      {
        key: key('\nHKEY_LOCAL_MACHINE\\SOFTWARE\\JavaSoft\\Java Runtime Environment\n    CurrentVersion    REG_SZ    1.8\n'),
        subkeys: [
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\JavaSoft\\Java Runtime Environment\\1.8',
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\JavaSoft\\Java Runtime Environment\\1.8.0_311',
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\JavaSoft\\Java Runtime Environment\\1.8.0_45',
        ],
      },
      { key: null, subkeys: [] },
    ]),
    '1.8.0_311',
  );
  assert.equal(
    parseJavaSoft([
      {
        key: null,
        subkeys: ['HKEY_LOCAL_MACHINE\\SOFTWARE\\JavaSoft\\JDK\\17.0.2', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\JavaSoft\\JDK\\11.0.12'],
      },
    ]),
    '17.0.2',
  );
  assert.equal(parseJavaSoft([]), null);
  const tree = parseRegQuery(
    '\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\n\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Opera 105.0.4970.21\n    DisplayName    REG_SZ    Opera Stable 105.0.4970.21\n    DisplayVersion    REG_SZ    105.0.4970.21\n\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Opera 105.0.4970.21\\Sub\n    DisplayName    REG_SZ    not an entry\n',
  ).keys;
  const entries = parseUninstall(tree, 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall', null, 'HKCU');
  assert.deepEqual(
    entries.map((e) => [e.displayName, e.displayVersion]),
    [['Opera Stable 105.0.4970.21', '105.0.4970.21']],
  );
});

test('Security Center output (wmic list and PowerShell Format-List) and productState', () => {
  const wmic =
    '\r\r\n\r\r\ndisplayName=Kaspersky Internet Security\r\r\nproductState=266240\r\r\n\r\r\n\r\r\ndisplayName=Windows Defender\r\r\nproductState=393472\r\r\n\r\r\n';
  assert.deepEqual(parseSecurityCenter(wmic), [
    { name: 'Kaspersky Internet Security', productState: 266240 },
    { name: 'Windows Defender', productState: 393472 },
  ]);
  assert.deepEqual(parseSecurityCenter('\r\ndisplayName  : ESET Security\r\nproductState : 397312\r\n'), [
    { name: 'ESET Security', productState: 397312 },
  ]);
  assert.deepEqual(decodeProductState(0x041000), { enabled: true, upToDate: true });
  assert.deepEqual(decodeProductState(0x060100), { enabled: false, upToDate: true }); // 393472: Defender off when another AV is active
  assert.deepEqual(decodeProductState(0x061010), { enabled: true, upToDate: false });
  assert.deepEqual(decodeProductState(null), { enabled: null, upToDate: null });
});

test('hotfix lists', () => {
  assert.deepEqual(
    parseHotfixIds('\r\r\nHotFixID=KB3140245\r\r\n\r\r\nHotFixID=KB2533552\r\r\nHotFixID=kb3140245\r\r\nHotFixID=File 1\r\r\n'),
    ['KB2533552', 'KB3140245'],
  );
  assert.deepEqual(parseHotfixIds(''), []);
});

test('XML plist parser: types, entities, nesting, errors', () => {
  const p = parsePlist(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <!-- a comment -->
  <key>CFBundleShortVersionString</key><string>14.7.7</string>
  <key>Copyright</key><string>&#169; 2010 Microsoft &amp; co &lt;x&gt;</string>
  <key>Count</key><integer>42</integer>
  <key>Ratio</key><real>0.5</real>
  <key>Yes</key><true/>
  <key>No</key><false/>
  <key>Empty</key><string/>
  <key>Data</key><data>
  AQID
  </data>
  <key>When</key><date>2016-01-14T10:00:00Z</date>
  <key>List</key><array><string>a</string><dict><key>k</key><string>v</string></dict><array/></array>
</dict>
</plist>`) as Record<string, unknown>;
  assert.equal(p.CFBundleShortVersionString, '14.7.7');
  assert.equal(p.Copyright, '© 2010 Microsoft & co <x>');
  assert.equal(p.Count, 42);
  assert.equal(p.Ratio, 0.5);
  assert.equal(p.Yes, true);
  assert.equal(p.No, false);
  assert.equal(p.Empty, '');
  assert.deepEqual(p.Data, Uint8Array.from([1, 2, 3]));
  assert.equal((p.When as Date).toISOString(), '2016-01-14T10:00:00.000Z');
  assert.deepEqual(p.List, ['a', { k: 'v' }, []]);
  assert.equal(plistString(p as never, 'Count'), '42');
  assert.equal(plistString(p as never, 'Missing'), null);
  assert.throws(() => parsePlist('<plist><dict><key>a</key><string>x</dict></plist>'), PlistError);
  assert.throws(() => parsePlist('<plist><dict><string>x</string></dict></plist>'), /expected <key>/);
  assert.throws(() => parsePlist('bplist00\u0000'), /binary plist/);
  assert.throws(() => parsePlist('<plist><integer>abc</integer></plist>'), /bad integer/);
});

test('macOS parsers', () => {
  assert.deepEqual(parseSwVers('ProductName:\tMac OS X\nProductVersion:\t10.12.6\nBuildVersion:\t16G29\n'), {
    productName: 'Mac OS X',
    version: '10.12.6',
    build: '16G29',
  });
  assert.deepEqual(parseSwVers('ProductName:\t\tmacOS\nProductVersion:\t\t15.1\nBuildVersion:\t\t24B83\n'), {
    productName: 'macOS',
    version: '15.1',
    build: '24B83',
  });
  assert.equal(macosCodename('10.13.6'), 'High Sierra');
  assert.equal(macosCodename('11.7.10'), 'Big Sur');
  assert.equal(macosCodename('99.0'), null);
  assert.equal(macArch('x86_64\n', '1\n'), 'arm64'); // Rosetta
  assert.equal(macArch('x86_64\n', null), 'x64');
});

test('Linux parsers', () => {
  assert.deepEqual(
    parseOsRelease('NAME="Ubuntu"\nVERSION_ID="22.04"\nPRETTY_NAME=\'Ubuntu 22.04.4 LTS\'\nID=ubuntu\n# comment\nQUOTED="a \\"b\\""\n'),
    {
      NAME: 'Ubuntu',
      VERSION_ID: '22.04',
      PRETTY_NAME: 'Ubuntu 22.04.4 LTS',
      ID: 'ubuntu',
      QUOTED: 'a "b"',
    },
  );
  assert.equal(parseVersionOutput('Mozilla Thunderbird 153.7.0esr\n'), '153.7.0esr');
  assert.equal(parseVersionOutput('Chromium 156.0.8078.79 built on Debian GNU/Linux 12 (bookworm)\n'), '156.0.8078.79');
  assert.equal(parseVersionOutput('105.0.4970.21\n'), '105.0.4970.21');
  assert.equal(parseVersionOutput('Error: no DISPLAY environment variable specified\n'), null);
  assert.deepEqual(
    [
      ...parseSnapList(
        'Name         Version          Rev    Tracking         Publisher   Notes\ncore22       20241001         1663   latest/stable    canonical✓  base\nthunderbird  128.5.0esr-1     600    latest/stable    canonical✓  -\n',
      ),
    ],
    [
      ['core22', '20241001'],
      ['thunderbird', '128.5.0esr-1'],
    ],
  );
  assert.deepEqual([...parseFlatpakList('org.mozilla.Thunderbird\t128.5.0esr\n')], [['org.mozilla.Thunderbird', '128.5.0esr']]);
  assert.deepEqual(
    [...parsePackageList('thunderbird\t1:153.7.0esr-1~deb12u1\tinstalled\nfirefox\t\tnot-installed\nevolution\t3.46.4-2\tconfig-files\n')],
    [['thunderbird', '1:153.7.0esr-1~deb12u1']],
  );
});

test('runtime version outputs', () => {
  assert.equal(parseJavaVersion('java version "1.8.0_131"\nJava(TM) SE Runtime Environment (build 1.8.0_131-b11)'), '1.8.0_131');
  assert.equal(parseJavaVersion('openjdk version "17.0.15" 2025-04-15'), '17.0.15');
  assert.equal(parseJavaVersion('bash: java: command not found'), null);
  assert.deepEqual(parseOpensslVersion('OpenSSL 1.0.1h 5 Jun 2014'), { id: 'openssl', version: '1.0.1h' });
  assert.deepEqual(parseOpensslVersion('OpenSSL 3.0.19 27 Jan 2026 (Library: OpenSSL 3.0.19 27 Jan 2026)'), {
    id: 'openssl',
    version: '3.0.19',
  });
  assert.deepEqual(parseOpensslVersion('LibreSSL 2.8.3'), { id: 'libressl', version: '2.8.3' });
  assert.equal(parseOpensslVersion('garbage'), null);
});

test('clock: a date before the build is a finding; no offset unless given', () => {
  assert.equal(clockInfo(new Date('2026-11-20T00:00:00Z'), '2026-11-23').beforeBuildDate, true);
  assert.equal(clockInfo(new Date('2026-11-22T12:00:00Z'), '2026-11-23').beforeBuildDate, false); // within a day: time zones
  assert.equal(clockInfo(new Date('2030-01-01T00:00:00Z'), '2026-11-23').beforeBuildDate, false);
  assert.equal(clockInfo(new Date('2030-01-01T00:00:00Z'), '2026-11-23').offsetSeconds, null);
  assert.equal(clockInfo(new Date('2030-01-01T00:00:00Z'), '2026-11-23', -7200).offsetSeconds, -7200);
});

test('Windows 10 whose CurrentVersion key lacks CurrentMajorVersionNumber is 10.0, never 6.3', () => {
  const cv = parseCurrentVersion(
    key(
      '\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\n    CurrentBuild    REG_SZ    19045\n    CurrentBuildNumber    REG_SZ    19045\n    CurrentVersion    REG_SZ    6.3\n    ProductName    REG_SZ    Windows 10 Pro\n',
    ),
  );
  assert.equal(cv.ntVersion, '10.0');
  const os = windowsOsInfo({ si: null, currentVersion: { ...cv, ntVersion: '6.3' }, release: '6.3.19045', arch: 'x64' }, []);
  assert.deepEqual({ name: os.name, version: os.version }, { name: 'Windows 10', version: '10.0.19045' });
  // a real 8.1 stays 6.3
  const w81 = parseCurrentVersion(
    key(
      '\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\n    CurrentBuildNumber    REG_SZ    9600\n    CurrentVersion    REG_SZ    6.3\n',
    ),
  );
  assert.equal(w81.ntVersion, '6.3');
});

test('servicing store: FILETIME halves to ISO, implausible values null, package names picked', () => {
  // 2019-03-12T09:41:05Z = 0x01D4D8B7:B6518E80 (100 ns ticks since 1601)
  assert.equal(filetimeToIso(0x01d4d8b7, 0xb6518e80), '2019-03-12T09:41:05.000Z');
  assert.equal(filetimeToIso(0, 0), null);
  assert.equal(filetimeToIso(null, 5), null);
  assert.equal(filetimeToIso(0x7fffffff, 0), null); // year 30828: not an install time
  const root = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\';
  const picked = pickServicingPackages([
    `${root}Package_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.1`,
    `${root}Package_1_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.1`,
    `${root}Package_for_KB31402450~31bf3856ad364e35~amd64~~6.1.1.1`,
    `${root}Microsoft-Windows-Client-LanguagePack-Package~31bf3856ad364e35~amd64~it-IT~6.1.7601.17514`,
    `${root}Microsoft-Windows-LanguageFeatures-Basic-it-it-Package~31bf3856ad364e35~amd64~~10.0.19041.1`,
  ]);
  assert.equal(picked.kb3140245.length, 2);
  assert.equal(picked.languagePacks.length, 1);
  const pk = (name: string, installedAt: string | null) => ({ name, installedAt });
  assert.equal(languagePackAfterKb(null), null);
  assert.equal(languagePackAfterKb({ kb3140245: [], languagePacks: [pk('lp', '2020-01-01T00:00:00.000Z')] }), null);
  assert.equal(
    languagePackAfterKb({ kb3140245: [pk('kb', '2019-01-01T00:00:00.000Z')], languagePacks: [pk('lp', '2018-01-01T00:00:00.000Z')] }),
    false,
  );
  const trap = languagePackAfterKb({
    kb3140245: [pk('kb', '2019-01-01T00:00:00.000Z')],
    languagePacks: [pk('lp', '2020-01-01T00:00:00.000Z')],
  });
  assert.ok(trap);
  assert.equal(trap.name, 'lp');
  // reinstalled after the language pack: no trap
  const reinstalled = {
    kb3140245: [pk('kb', '2019-01-01T00:00:00.000Z'), pk('kb1', '2021-01-01T00:00:00.000Z')],
    languagePacks: [pk('lp', '2020-01-01T00:00:00.000Z')],
  };
  assert.equal(languagePackAfterKb(reinstalled), false);
  assert.equal(languagePackAfterKb({ kb3140245: [pk('kb', '2019-01-01T00:00:00.000Z')], languagePacks: [pk('lp', null)] }), null);
});

test('Windows family: product type, terminal server, marks in product names, server names from the NT version', () => {
  const key = (values: [string, string, string][]): RegKey =>
    parseRegQuery(`\r\nHKEY_LOCAL_MACHINE\\X\r\n${values.map(([n, t, d]) => `    ${n}    ${t}    ${d}`).join('\r\n')}\r\n`).keys[0];
  assert.equal(parseProductType(key([['ProductType', 'REG_SZ', 'WinNT']])), 'client');
  assert.equal(parseProductType(key([['ProductType', 'REG_SZ', 'ServerNT']])), 'server');
  assert.equal(parseProductType(key([['ProductType', 'REG_SZ', 'LanmanNT']])), 'server');
  assert.equal(parseProductType(key([['ProductType', 'REG_SZ', 'Other']])), null);
  assert.equal(parseProductType(null), null);
  const ts = (v: string) => key([['TSAppCompat', 'REG_DWORD', v]]);
  assert.equal(parseTerminalServer(ts('0x1'), 'server', 'ServerStandard'), true);
  assert.equal(parseTerminalServer(ts('0x0'), 'server', 'ServerStandard'), false);
  assert.equal(parseTerminalServer(key([['fDenyTSConnections', 'REG_DWORD', '0x1']]), 'server', null), false);
  assert.equal(parseTerminalServer(null, 'server', null), null); // unread
  assert.equal(parseTerminalServer(null, 'client', 'Professional'), false);
  assert.equal(parseTerminalServer(null, 'client', 'ServerRdsh'), true); // Windows 10/11 Enterprise multi-session
  assert.equal(parseTerminalServer(null, null, null), null);
  assert.equal(cleanProductName('Windows Server (R) 2008 Standard'), 'Windows Server 2008 Standard');
  assert.equal(cleanProductName('Windows Vista (TM) Business'), 'Windows Vista Business');
  assert.equal(cleanProductName('Microsoft® Windows Server® 2008 Enterprise '), 'Microsoft Windows Server 2008 Enterprise');
  assert.deepEqual(
    [
      ['6.0', 6002],
      ['6.1', 7601],
      ['6.2', 9200],
      ['6.3', 9600],
      ['10.0', 14393],
      ['10.0', 17763],
      ['10.0', 20348],
      ['10.0', 26100],
      ['10.0', 10240],
    ].map(([nt, b]) => serverReleaseOf(nt as string, b as number)),
    [
      'Windows Server 2008',
      'Windows Server 2008 R2',
      'Windows Server 2012',
      'Windows Server 2012 R2',
      'Windows Server 2016',
      'Windows Server 2019',
      'Windows Server 2022',
      'Windows Server 2025',
      null,
    ],
  );
  // A server whose ProductName does not name it (a trimmed key): ProductType and the NT version do.
  const os = windowsOsInfo(
    {
      si: null,
      currentVersion: parseCurrentVersion(
        key([
          ['CurrentVersion', 'REG_SZ', '6.0'],
          ['CurrentBuildNumber', 'REG_SZ', '6002'],
          ['CSDVersion', 'REG_SZ', 'Service Pack 2'],
        ]),
      ),
      release: '6.0.6002',
      arch: 'x64',
      productType: 'server',
      terminalServerKey: ts('0x1'),
    },
    [],
  );
  assert.deepEqual([os.name, os.productType, os.terminalServer], ['Windows Server 2008 Service Pack 2', 'server', true]);
  // The same build as a client is Vista; InstallationType decides where ProductOptions was not read.
  const client = windowsOsInfo(
    {
      si: null,
      currentVersion: parseCurrentVersion(
        key([
          ['CurrentBuildNumber', 'REG_SZ', '7601'],
          ['InstallationType', 'REG_SZ', 'Server'],
          ['ProductName', 'REG_SZ', 'Windows Server 2008 R2 Datacenter'],
        ]),
      ),
      release: '6.1.7601',
      arch: 'x64',
    },
    [],
  );
  assert.deepEqual(
    [client.name, client.edition, client.productType, client.terminalServer],
    ['Windows Server 2008 R2', 'Datacenter', 'server', null],
  );
});

test('SChannel on NT 6.0: KB4019276 makes TLS 1.1/1.2 exist, off by default; without it they stay unsupported', () => {
  assert.deepEqual(schannelDefaults(6002)!['TLS 1.2'], { supported: false, enabled: false });
  assert.deepEqual(schannelDefaults(6003, { kb4019276: true })!['TLS 1.2'], { supported: true, enabled: false });
  assert.deepEqual(schannelDefaults(6002, { kb4019276: null })!['TLS 1.2'], { supported: false, enabled: false });
  // Only NT 6.0: the flag means nothing on Windows 7.
  assert.deepEqual(schannelDefaults(7601, { kb4019276: true })!['TLS 1.2'], { supported: true, enabled: false });
  const tree = parseRegQuery(
    '\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client\r\n    DisabledByDefault    REG_DWORD    0x0\r\n',
  ).keys;
  assert.equal(parseSchannel(tree, 6002)['TLS 1.2'].effective, 'disabled');
  assert.equal(parseSchannel(tree, 6002, { kb4019276: true })['TLS 1.2'].effective, 'enabled');
  assert.deepEqual(
    pickServicingPackages(['X\\Package_for_KB4019276~31bf3856ad364e35~x86~~6.0.1.2', 'X\\Package_for_KB4019277~a']).kb4019276,
    ['X\\Package_for_KB4019276~31bf3856ad364e35~x86~~6.0.1.2'],
  );
  assert.equal(isNt60Build(6000), true);
  assert.equal(isNt60Build(6003), true);
  assert.equal(isNt60Build(7600), false);
  assert.equal(isNt60Build(null), false);
});

test('Outlook 2013 Click-to-Run: its own configuration is picked, and its folder never decides the bitness', () => {
  const c2r = (platform: string, version: string) =>
    parseRegQuery(
      `\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\X\\ClickToRun\\Configuration\r\n    Platform    REG_SZ    ${platform}\r\n    VersionToReport    REG_SZ    ${version}\r\n    ProductReleaseIds    REG_SZ    HomeBusinessRetail\r\n`,
    ).keys[0];
  const k15 = c2r('x86', '15.0.5589.1001');
  const k16 = c2r('x64', '16.0.17928.20156');
  const exe15 = 'C:\\Program Files\\Microsoft Office 15\\root\\office15\\OUTLOOK.EXE';
  assert.equal(pickC2R(exe15, k16, k15), k15);
  assert.equal(pickC2R('C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', k16, k15), k16);
  assert.equal(pickC2R(null, null, k15), k15);
  const base = { curVer: 15, appPaths: [{ exe: exe15, folder: null, view: 64 as const }], msi: null, fileVersion: null, osIs64: true };
  const withConfig = outlookClient({ ...base, c2r: parseC2R(k15) }, [])!;
  assert.deepEqual([withConfig.bitness, withConfig.installType, withConfig.version], [32, 'click-to-run', '15.0.5589.1001']);
  // Configuration unreadable: still Click-to-Run (the folder layout says so), bitness unknown rather than "64".
  const without = outlookClient({ ...base, c2r: null }, [])!;
  assert.deepEqual([without.bitness, without.installType, without.version], [null, 'click-to-run', '15.0']);
});

test('new Outlook package names', () => {
  assert.deepEqual(parsePackageFullName('Microsoft.OutlookForWindows_1.2024.717.400_x64__8wekyb3d8bbwe'), {
    name: 'Microsoft.OutlookForWindows',
    version: '1.2024.717.400',
    arch: 'x64',
    publisherId: '8wekyb3d8bbwe',
  });
  assert.equal(parsePackageFullName('Microsoft.OutlookForWindows_8wekyb3d8bbwe'), null); // a family name, not a full name
  const root =
    'HKEY_CURRENT_USER\\Software\\Classes\\Local Settings\\Software\\Microsoft\\Windows\\CurrentVersion\\AppModel\\Repository\\Packages\\';
  const hit = pickNewOutlookPackage([
    root + 'Microsoft.WindowsCalculator_11.2405.2.0_x64__8wekyb3d8bbwe',
    root + 'Microsoft.OutlookForWindows_1.2024.717.400_x64__8wekyb3d8bbwe',
    root + 'Microsoft.OutlookForWindows_1.2024.1023.300_x64__8wekyb3d8bbwe',
    root + 'Microsoft.OutlookForWindowsHelper_9.0.0.0_x64__8wekyb3d8bbwe',
  ]);
  assert.equal(hit?.pkg.version, '1.2024.1023.300');
  assert.equal(pickNewOutlookPackage([root + 'Microsoft.WindowsCalculator_11.2405.2.0_x64__8wekyb3d8bbwe']), null);
  assert.equal(newOutlookClient(parsePackageFullName('Microsoft.OutlookForWindows_1.2.3.4_arm64__8wekyb3d8bbwe')!, null, []).path, null);
});

test('os-release: an empty VERSION_CODENAME is no code name; a code name only in VERSION is read', () => {
  const info = (text: string) => linuxOsInfo(parseOsRelease(text), null, null, 'x64', '6.1.0', []);
  assert.equal(
    info('NAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\n').displayVersion,
    'bookworm',
  );
  assert.equal(info('NAME="Distro"\nVERSION_ID="1.9"\nVERSION_CODENAME=""\n').displayVersion, null);
  assert.equal(info('NAME="Distro"\nVERSION_ID="1.9"\nVERSION="1.9 (name)"\nVERSION_CODENAME=""\n').displayVersion, 'name');
  assert.equal(info('NAME="Distro"\nVERSION="1.9 (name)"\n').displayVersion, 'name');
  assert.equal(info('NAME="Distro"\nVERSION="2024.1"\n').displayVersion, null);
  const empty = info('NAME="Distro"\nPRETTY_NAME=""\nVERSION_ID=""\n');
  assert.deepEqual([empty.name, empty.version], ['Distro', null]);
  assert.equal(osReleaseCodename(null), null);
});

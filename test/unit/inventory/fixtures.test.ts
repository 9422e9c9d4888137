// Every recorded machine parses to the inventory a technician would write down, with the raw
// evidence of each value attached.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { inventoryOf, fixtureNames, validateInventory } from './helpers';
import type { Inventory } from '../../../src/inventory/types';
import { languagePackAfterKb } from '../../../src/inventory/servicing';

const client = (inv: Inventory, id: string) => inv.clients.find((c) => c.id === id);
const browser = (inv: Inventory, id: string) => inv.browsers.find((b) => b.id === id);
const runtime = (inv: Inventory, id: string) => inv.runtimes.find((r) => r.id === id);
const schannel = (inv: Inventory) => Object.fromEntries(Object.entries(inv.windows!.schannel).map(([k, v]) => [k, v.effective]));
const rawOf = (evidence: { source: string; raw?: string }[], source: RegExp) => evidence.find((e) => source.test(e.source))?.raw ?? '';

test('every fixture validates against docs/inventory.schema.json and attaches evidence to every value', async () => {
  const names = fixtureNames();
  assert.ok(names.length >= 10, `only ${names.length} fixtures`);
  for (const name of names) {
    const inv = await inventoryOf(name);
    assert.ok(validateInventory(inv), `${name}: ${JSON.stringify(validateInventory.errors, null, 1)}`);
    assert.ok(
      inv.os.evidence.some((e) => e.raw),
      `${name}: os without raw evidence`,
    );
    for (const item of [...inv.clients, ...inv.browsers, ...inv.runtimes, ...inv.antivirus]) {
      assert.ok(item.evidence.length > 0 && item.evidence.some((e) => e.raw), `${name}: ${item.name} has no raw evidence`);
    }
    if (inv.windows) assert.ok(inv.windows.evidence.length >= 5, `${name}: windows evidence`);
    assert.equal(inv.collectedFrom, `recording ${name}`);
  }
});

test('Windows 7 SP1 32-bit + Outlook 2010, untouched: TLS 1.2 off, no KB3140245, no WinHTTP defaults', async () => {
  const inv = await inventoryOf('win7-sp1-x86-outlook2010');
  assert.equal(inv.os.platform, 'windows');
  assert.equal(inv.os.name, 'Windows 7 Service Pack 1');
  assert.equal(inv.os.version, '6.1.7601');
  assert.equal(inv.os.build, '7601');
  assert.equal(inv.os.servicePack, 'Service Pack 1');
  assert.equal(inv.os.edition, 'Professional');
  assert.equal(inv.os.arch, 'x86');
  const ol = client(inv, 'outlook')!;
  assert.deepEqual(
    {
      version: ol.version,
      marketingName: ol.marketingName,
      build: ol.build,
      bitness: ol.bitness,
      installType: ol.installType,
      path: ol.path,
    },
    {
      version: '14.0.7268.5000',
      marketingName: '2010',
      build: '7268.5000',
      bitness: 32,
      installType: 'msi',
      path: 'C:\\Program Files\\Microsoft Office\\Office14\\OUTLOOK.EXE',
    },
  );
  assert.match(rawOf(ol.evidence, /Outlook\.Application\\CurVer/), /Outlook\.Application\.14/);
  assert.match(rawOf(ol.evidence, /powershell/i), /14\.0\.7268\.5000/);
  assert.deepEqual(schannel(inv), { 'TLS 1.0': 'enabled', 'TLS 1.1': 'disabled', 'TLS 1.2': 'disabled', 'TLS 1.3': 'disabled' });
  assert.equal(inv.windows!.schannel['TLS 1.2'].decidedBy, 'os-default');
  assert.deepEqual(inv.windows!.winhttp, { defaultSecureProtocols64: null, defaultSecureProtocols32: null });
  assert.deepEqual(inv.windows!.internetSettings, { hkcu: 0xa80, hklm: null });
  assert.equal(inv.windows!.kb3140245, false);
  assert.ok(inv.windows!.hotfixes!.includes('KB3042058'));
  assert.deepEqual(
    { release: inv.windows!.dotnet.release, version: inv.windows!.dotnet.version, strong: inv.windows!.dotnet.schUseStrongCrypto },
    { release: 379893, version: '4.5.2', strong: null },
  );
  assert.equal(runtime(inv, 'dotnet')?.version, '4.5.2');
  assert.equal(runtime(inv, 'java')?.version, '1.7.0_80');
  assert.equal(browser(inv, 'ie')?.version, '11.0.9600.19596');
  assert.equal(browser(inv, 'chrome')?.version, '109.0.5414.120');
  assert.deepEqual(
    inv.antivirus.map((a) => [a.name, a.enabled, a.upToDate, a.interceptsMail]),
    [['Microsoft Security Essentials', true, true, null]],
  );
  assert.deepEqual(inv.errors, []);
  assert.match(rawOf(inv.windows!.evidence, /SCHANNEL\\Protocols/), /SSL 2\.0\\Client\n {4}DisabledByDefault {4}REG_DWORD {4}0x1/);
  // Evidence keeps what matters and never the product id or the owner's name
  const cv = rawOf(inv.os.evidence, /Windows NT\\CurrentVersion/);
  assert.match(cv, /CSDVersion {4}REG_SZ {4}Service Pack 1/);
  assert.doesNotMatch(cv, /ProductId|RegisteredOwner|RegisteredOrganization|00371-OEM/);
  assert.equal(
    rawOf(inv.windows!.evidence, /HKEY_CURRENT_USER.*Internet Settings/),
    'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\n    SecureProtocols    REG_DWORD    0xa80',
  );
});

test('the same machine after KB3140245, Easy Fix 51044 and the SChannel TLS 1.2 key', async () => {
  const inv = await inventoryOf('win7-sp1-x86-outlook2010-fixed');
  assert.deepEqual(schannel(inv), { 'TLS 1.0': 'enabled', 'TLS 1.1': 'enabled', 'TLS 1.2': 'enabled', 'TLS 1.3': 'disabled' });
  assert.deepEqual(inv.windows!.schannel['TLS 1.2'], {
    enabled: null,
    disabledByDefault: 0,
    effective: 'enabled',
    osDefault: 'disabled',
    supported: true,
    decidedBy: 'registry',
  });
  // 32-bit Windows: one WinHttp key, reported for both views
  assert.deepEqual(inv.windows!.winhttp, { defaultSecureProtocols64: 0xa00, defaultSecureProtocols32: 0xa00 });
  assert.deepEqual(inv.windows!.internetSettings, { hkcu: 0xa80, hklm: 0xa80 });
  assert.equal(inv.windows!.kb3140245, true);
  assert.equal(client(inv, 'outlook')?.marketingName, '2010');
});

test('Windows 7 with PowerShell 2: systeminformation empty, the registry fills in; Italian reg.exe output', async () => {
  const inv = await inventoryOf('win7-sp1-x64-powershell2-it');
  assert.deepEqual(
    { name: inv.os.name, version: inv.os.version, build: inv.os.build, sp: inv.os.servicePack, edition: inv.os.edition, arch: inv.os.arch },
    { name: 'Windows 7 Service Pack 1', version: '6.1.7601', build: '7601', sp: 'Service Pack 1', edition: 'Home Premium', arch: 'x64' },
  );
  // systeminformation is not asked before Windows 10 (its PowerShell-through-stdin can kill the process)
  const si = inv.os.evidence.find((e) => e.source === 'systeminformation osInfo()')!;
  assert.match(si.error ?? '', /not asked on Windows before 10/);
  const tb = client(inv, 'thunderbird')!;
  assert.deepEqual({ version: tb.version, bitness: tb.bitness }, { version: '52.9.1', bitness: 32 });
  assert.match(rawOf(tb.evidence, /Mozilla Thunderbird" \/reg:32/), /52\.9\.1 \(x86 it\)/);
  const wlm = client(inv, 'windowslivemail')!;
  assert.equal(wlm.version, '16.4.3528.0331');
  assert.equal(wlm.path, 'C:\\Program Files (x86)\\Windows Live\\Mail\\wlmail.exe');
  assert.equal(browser(inv, 'ie')?.version, '8.0.7601.17514');
  // wmic qfe failed here: Get-HotFix answered
  assert.equal(inv.windows!.kb3140245, false);
  assert.match(inv.windows!.evidence.map((e) => e.source).join('\n'), /Get-HotFix/);
  assert.deepEqual({ release: inv.windows!.dotnet.release, version: inv.windows!.dotnet.version }, { release: null, version: '4.0' });
  assert.deepEqual(schannel(inv)['TLS 1.2'], 'disabled');
  assert.deepEqual(inv.windows!.internetSettings.hkcu, 0xa0);
  const avast = inv.antivirus[0];
  assert.equal(avast.name, 'Avast Antivirus');
  assert.match(avast.interceptsMail ?? '', /Avast Web\/Mail Shield/);
  assert.deepEqual(inv.errors, []);
});

test('Windows 8.1 + Outlook 2013 32-bit (MSI) on 64-bit Windows', async () => {
  const inv = await inventoryOf('win81-x64-outlook2013');
  assert.equal(inv.os.name, 'Windows 8.1');
  assert.equal(inv.os.version, '6.3.9600');
  assert.equal(inv.os.edition, 'Pro');
  const ol = client(inv, 'outlook')!;
  assert.deepEqual(
    { version: ol.version, marketingName: ol.marketingName, bitness: ol.bitness, installType: ol.installType },
    { version: '15.0.5589.1000', marketingName: '2013', bitness: 32, installType: 'msi' },
  );
  assert.deepEqual(schannel(inv), { 'TLS 1.0': 'enabled', 'TLS 1.1': 'enabled', 'TLS 1.2': 'enabled', 'TLS 1.3': 'disabled' });
  assert.equal(inv.windows!.kb3140245, null); // not needed on 8.1, not checked
  assert.equal(inv.windows!.dotnet.version, '4.8');
  assert.equal(inv.windows!.dotnet.schUseStrongCrypto, 1);
  assert.deepEqual(inv.windows!.dotnet.keys, [
    { framework: 'v4.0.30319', view: 64, schUseStrongCrypto: 1, systemDefaultTlsVersions: null },
    { framework: 'v2.0.50727', view: 64, schUseStrongCrypto: 1, systemDefaultTlsVersions: null },
    { framework: 'v4.0.30319', view: 32, schUseStrongCrypto: null, systemDefaultTlsVersions: null },
    { framework: 'v2.0.50727', view: 32, schUseStrongCrypto: null, systemDefaultTlsVersions: null },
  ]);
  const ff = browser(inv, 'firefox-esr')!;
  assert.equal(ff.version, '115.18.0');
  assert.equal(browser(inv, 'firefox'), undefined);
  assert.deepEqual(
    inv.antivirus.map((a) => a.name),
    ['Windows Defender', 'ESET NOD32 Antivirus 9.0.381.0'],
  );
  assert.match(inv.antivirus[1].interceptsMail ?? '', /ESET SSL Filter CA/);
});

test('Windows 10 22H2 + Microsoft 365 Click-to-Run 64-bit', async () => {
  const inv = await inventoryOf('win10-x64-m365');
  assert.deepEqual(
    { name: inv.os.name, version: inv.os.version, build: inv.os.build, displayVersion: inv.os.displayVersion, edition: inv.os.edition },
    { name: 'Windows 10', version: '10.0.19045', build: '19045', displayVersion: '22H2', edition: 'Pro' },
  );
  const ol = client(inv, 'outlook')!;
  assert.deepEqual(
    { version: ol.version, marketingName: ol.marketingName, bitness: ol.bitness, installType: ol.installType, channel: ol.channel },
    {
      version: '16.0.17928.20156',
      marketingName: 'Microsoft 365',
      bitness: 64,
      installType: 'click-to-run',
      channel: 'http://officecdn.microsoft.com/pr/492350f6-3a01-4f97-b9c0-c7c6ddf67d60',
    },
  );
  assert.match(rawOf(ol.evidence, /ClickToRun\\Configuration" \/reg:64/), /ProductReleaseIds {4}REG_SZ {4}O365ProPlusRetail/);
  assert.equal(schannel(inv)['TLS 1.2'], 'enabled');
  assert.equal(schannel(inv)['TLS 1.0'], 'unknown'); // not in Microsoft's table past 1703: not guessed
  assert.equal(inv.windows!.dotnet.systemDefaultTlsVersions, 1);
  assert.equal(browser(inv, 'edge')?.version, '131.0.2903.86');
  assert.equal(browser(inv, 'chrome')?.version, '131.0.6778.109');
});

test('Windows 11 (ProductName says Windows 10) + Thunderbird; no wmic: PowerShell gives the antivirus', async () => {
  const inv = await inventoryOf('win11-x64-thunderbird');
  assert.equal(inv.os.name, 'Windows 11');
  assert.equal(inv.os.version, '10.0.22631');
  assert.equal(inv.os.displayVersion, '23H2');
  assert.deepEqual(client(inv, 'thunderbird'), {
    id: 'thunderbird',
    name: 'Mozilla Thunderbird',
    version: '115.16.0',
    bitness: 64,
    installType: 'installer',
    path: 'C:\\Program Files\\Mozilla Thunderbird',
    evidence: client(inv, 'thunderbird')!.evidence,
  });
  assert.equal(client(inv, 'outlook'), undefined);
  assert.deepEqual(inv.windows!.schannel['TLS 1.0'], {
    enabled: 0,
    disabledByDefault: 1,
    effective: 'disabled',
    osDefault: 'unknown',
    supported: null,
    decidedBy: 'registry',
  });
  assert.deepEqual(
    inv.antivirus.map((a) => [a.name, a.enabled]),
    [
      ['Windows Defender', true],
      ['Bitdefender Antivirus Free', true],
    ],
  );
  assert.match(inv.antivirus[0].evidence.map((e) => e.source).join('\n'), /Get-WmiObject/);
  assert.deepEqual(
    inv.runtimes.map((r) => [r.id, r.version, r.evidence[0].source]),
    [
      ['java', '21.0.5', 'java -version'],
      ['dotnet', '4.8', 'reg query "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full" /reg:64'],
    ],
  );
  assert.deepEqual(inv.errors, []);
});

test('Windows XP SP3 + Outlook 2003: no PowerShell, TLS 1.2 unsupported whatever the registry says, wrong clock', async () => {
  const inv = await inventoryOf('winxp-sp3-outlook2003');
  assert.deepEqual(
    { name: inv.os.name, version: inv.os.version, build: inv.os.build, arch: inv.os.arch },
    { name: 'Windows XP Service Pack 3', version: '5.1.2600', build: '2600', arch: 'x86' },
  );
  const ol = client(inv, 'outlook')!;
  assert.deepEqual({ version: ol.version, marketingName: ol.marketingName }, { version: '11.0', marketingName: '2003' });
  assert.equal(inv.windows!.schannel['TLS 1.2'].effective, 'disabled');
  assert.equal(inv.windows!.schannel['TLS 1.2'].supported, false);
  assert.equal(inv.windows!.schannel['TLS 1.2'].disabledByDefault, 0);
  assert.equal(browser(inv, 'ie')?.version, '8.0.6001.18702');
  assert.equal(browser(inv, 'firefox-esr')?.version, '52.9.0');
  assert.deepEqual(inv.antivirus, []);
  // what could not be read is listed with why
  assert.ok(inv.errors.some((e) => /OUTLOOK\.EXE/.test(e.source) && /not found/.test(e.error ?? '')));
  assert.ok(inv.errors.some((e) => /SecurityCenter/.test(e.source) && /exit code/.test(e.error ?? '')));
  assert.equal(inv.clock.now, '2011-03-01T08:30:00.000Z');
  assert.equal(inv.clock.beforeBuildDate, true);
  assert.equal(inv.clock.offsetSeconds, null);
});

test('Windows XP: the same machine in both reg.exe layouts (Vista-style and XP reg.exe 3.0 tabs) gives the same inventory', async () => {
  const vista = await inventoryOf('winxp-sp3-outlook2003');
  const xp = await inventoryOf('winxp-sp3-outlook2003-regv3');
  const facts = (inv: Inventory) => ({
    os: { name: inv.os.name, version: inv.os.version, sp: inv.os.servicePack },
    clients: inv.clients.map((c) => [c.id, c.version, c.marketingName, c.path]),
    browsers: inv.browsers.map((b) => [b.id, b.version]),
    schannel: schannel(inv),
    tls12: inv.windows!.schannel['TLS 1.2'].disabledByDefault,
    is: inv.windows!.internetSettings,
  });
  assert.deepEqual(facts(xp), facts(vista));
  // not the "no mail program, no browser" of a parser that does not know the layout
  assert.deepEqual(facts(xp).clients, [['outlook', '11.0', '2003', 'C:\\Programmi\\Microsoft Office\\OFFICE11\\OUTLOOK.EXE']]);
  assert.deepEqual(facts(xp).browsers, [
    ['firefox-esr', '52.9.0'],
    ['ie', '8.0.6001.18702'],
  ]);
});

test('servicing store: KB3140245 and language packs with install times; the language-pack trap', async () => {
  const untouched = (await inventoryOf('win7-sp1-x86-outlook2010')).windows!.servicing!;
  assert.deepEqual(untouched, { kb3140245: [], languagePacks: [] });
  const fixed = (await inventoryOf('win7-sp1-x86-outlook2010-fixed')).windows!;
  assert.deepEqual(
    fixed.servicing!.kb3140245.map((p) => [p.name, p.installedAt?.slice(0, 19), p.currentState]),
    [['Package_for_KB3140245~31bf3856ad364e35~x86~~6.1.1.1', '2019-03-12T09:41:05', 0x70]],
  );
  assert.deepEqual(fixed.servicing!.languagePacks, []);
  assert.equal(languagePackAfterKb(fixed.servicing), false);
  const trap = await inventoryOf('win7-sp1-x86-outlook2010-langpack');
  assert.equal(trap.windows!.kb3140245, true);
  const lp = trap.windows!.servicing!.languagePacks;
  assert.deepEqual(
    lp.map((p) => [p.name, p.installedAt?.slice(0, 19)]),
    [['Microsoft-Windows-Client-LanguagePack-Package~31bf3856ad364e35~x86~en-US~6.1.7601.17514', '2020-10-05T15:20:44']],
  );
  const after = languagePackAfterKb(trap.windows!.servicing);
  assert.ok(after);
  assert.equal(after.name, lp[0].name);
  // the evidence names the bounded reads: the package list (one key), then each matching package
  const sources = trap.windows!.evidence.map((e) => e.source).filter((s) => /Component Based Servicing/.test(s));
  assert.equal(sources.length, 3);
  assert.ok(sources.every((s) => !s.endsWith(' /s')));
  // the SID of the installing user is not copied into evidence
  assert.ok(!JSON.stringify(trap).includes('S-1-5-21-'));
  // not read where KB3140245 does not apply
  assert.equal((await inventoryOf('win81-x64-outlook2013')).windows!.servicing, null);
});

test('macOS 10.12 Sierra + Outlook 2011', async () => {
  const inv = await inventoryOf('macos-10.12-outlook2011');
  assert.deepEqual(
    { platform: inv.os.platform, name: inv.os.name, version: inv.os.version, build: inv.os.build, arch: inv.os.arch },
    { platform: 'macos', name: 'macOS 10.12 Sierra', version: '10.12.6', build: '16G29', arch: 'x64' },
  );
  const ol = client(inv, 'outlook-mac')!;
  assert.deepEqual(
    { version: ol.version, marketingName: ol.marketingName, name: ol.name },
    { version: '14.7.7', marketingName: '2011', name: 'Microsoft Outlook' },
  );
  assert.match(rawOf(ol.evidence, /MicrosoftComponentPlugin/), /<string>14\.7\.7<\/string>/);
  assert.equal(client(inv, 'applemail')?.version, '10.3');
  assert.equal(browser(inv, 'safari')?.version, '12.1.2');
  assert.equal(runtime(inv, 'openssl')?.version, '0.9.8zh');
  assert.equal(runtime(inv, 'java'), undefined); // java_home says none: the stub is never run
  assert.equal(inv.windows, null);
  assert.deepEqual(inv.errors, []);
});

test('recent macOS on Apple silicon: binary plist through plutil, a corrupt plist is an error not a crash', async () => {
  const inv = await inventoryOf('macos-15-arm64');
  assert.deepEqual(
    { name: inv.os.name, version: inv.os.version, arch: inv.os.arch },
    { name: 'macOS 15 Sequoia', version: '15.1', arch: 'arm64' },
  );
  assert.equal(client(inv, 'applemail')?.version, '16.0');
  assert.equal(client(inv, 'applemail')?.path, '/System/Applications/Mail.app');
  assert.deepEqual({ v: client(inv, 'outlook-mac')?.version, m: client(inv, 'outlook-mac')?.marketingName }, { v: '16.91', m: null });
  assert.equal(client(inv, 'thunderbird')?.version, '128.5.2');
  assert.equal(browser(inv, 'safari')?.version, '18.1');
  assert.match(
    browser(inv, 'safari')!
      .evidence.map((e) => e.source)
      .join('\n'),
    /plutil -convert xml1/,
  );
  assert.equal(browser(inv, 'firefox')?.version, null);
  assert.ok(inv.errors.some((e) => /Firefox\.app/.test(e.source) && /unreadable plist/.test(e.error ?? '')));
  assert.equal(runtime(inv, 'java')?.version, '21.0.5');
  assert.deepEqual(runtime(inv, 'libressl') && { id: runtime(inv, 'libressl')!.id, v: runtime(inv, 'libressl')!.version }, {
    id: 'libressl',
    v: '3.3.6',
  });
});

test('Debian 12: os-release, Thunderbird/Evolution/Firefox ESR/Chromium from --version, flatpak, runtimes', async () => {
  const inv = await inventoryOf('debian-12');
  assert.deepEqual(
    {
      platform: inv.os.platform,
      name: inv.os.name,
      version: inv.os.version,
      build: inv.os.build,
      arch: inv.os.arch,
      codename: inv.os.displayVersion,
    },
    { platform: 'linux', name: 'Debian GNU/Linux 12 (bookworm)', version: '12', build: '12.8', arch: 'x64', codename: 'bookworm' },
  );
  const tb = client(inv, 'thunderbird')!;
  assert.equal(tb.version, '128.5.0esr');
  assert.equal(tb.installType, 'deb');
  assert.deepEqual(
    tb.evidence.map((e) => e.source.split(' ')[0]),
    ['thunderbird', 'dpkg-query', 'flatpak'], // the program, its Debian package, and a second copy from flathub
  );
  assert.match(tb.evidence[1].raw ?? '', /^thunderbird\t1:128\.5\.0esr-1~deb12u1$/);
  assert.equal(client(inv, 'evolution')?.version, '3.46.4');
  assert.equal(browser(inv, 'firefox-esr')?.version, '128.5.1esr');
  assert.equal(browser(inv, 'chromium')?.version, '131.0.6778.85');
  assert.equal(runtime(inv, 'java')?.version, '17.0.13');
  assert.equal(runtime(inv, 'openssl')?.version, '3.0.15');
  assert.deepEqual(inv.errors, []);
});

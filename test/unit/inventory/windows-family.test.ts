// Issue #19: the recorded machines of the Windows family (Vista, Server 2008 with and without
// KB4019276, Windows 7 RTM, Server 2008 R2 as a terminal server, Windows 8.0, Windows 11 with only
// the new Outlook, Office 2013 Click-to-Run 32-bit, Windows 10 hardened) read as a technician would
// write them down. One table row per machine; the diagnosis tests build on the same folders.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { inventoryOf, validateInventory, fixtureDir } from './helpers';
import { collectInventory } from '../../../src/inventory/index';
import { recordedSource } from '../../../src/inventory/source';
import { inventorySummary } from '../../../src/inventory/summary';
import type { Inventory } from '../../../src/inventory/types';

type State = 'enabled' | 'disabled' | 'unknown';
interface Row {
  machine: string;
  os: {
    name: string;
    version: string;
    build: string;
    servicePack: string | null;
    edition: string | null;
    arch: string;
    productType: 'client' | 'server';
    terminalServer: boolean;
  };
  /** id, version, bitness, installType, path */
  clients: [string, string | null, number | null, string | null, string | null][];
  browsers: [string, string | null][];
  /** TLS 1.0, 1.1, 1.2 effective client state, and whether TLS 1.2 is supported at all. */
  tls: [State, State, State];
  tls12Supported: boolean | null;
  kb3140245: boolean | null;
  /** undefined: not looked for (not NT 6.0). */
  kb4019276?: boolean | null;
  antivirusChecked: boolean;
}

const O2010x86 = 'C:\\Program Files (x86)\\Microsoft Office\\Office14\\OUTLOOK.EXE';

const ROWS: Row[] = [
  {
    machine: 'vista-sp2-outlook2007',
    os: {
      name: 'Windows Vista Service Pack 2',
      version: '6.0.6002',
      build: '6002',
      servicePack: 'Service Pack 2',
      edition: 'Business',
      arch: 'x86',
      productType: 'client',
      terminalServer: false,
    },
    clients: [['outlook', '12.0.6607.1000', 32, 'msi', 'C:\\Program Files\\Microsoft Office\\Office12\\OUTLOOK.EXE']],
    browsers: [
      ['firefox-esr', '52.9.0'],
      ['ie', '9.0.8112.16421'],
    ],
    tls: ['enabled', 'disabled', 'disabled'],
    tls12Supported: false,
    kb3140245: null,
    kb4019276: false,
    antivirusChecked: true,
  },
  {
    machine: 'server2008-sp2',
    os: {
      name: 'Windows Server 2008 Service Pack 2',
      version: '6.0.6002',
      build: '6002',
      servicePack: 'Service Pack 2',
      edition: 'Standard',
      arch: 'x64',
      productType: 'server',
      terminalServer: false,
    },
    clients: [['outlook', '14.0.7268.5000', 32, 'msi', O2010x86]],
    browsers: [
      ['firefox-esr', '52.9.0'],
      ['ie', '9.0.8112.16421'],
    ],
    tls: ['enabled', 'disabled', 'disabled'],
    tls12Supported: false,
    kb3140245: null,
    kb4019276: false,
    antivirusChecked: false,
  },
  {
    machine: 'server2008-sp2-kb4019276',
    os: {
      name: 'Windows Server 2008 Service Pack 2',
      version: '6.0.6003',
      build: '6003',
      servicePack: 'Service Pack 2',
      edition: 'Standard',
      arch: 'x64',
      productType: 'server',
      terminalServer: false,
    },
    clients: [['outlook', '14.0.7268.5000', 32, 'msi', O2010x86]],
    browsers: [
      ['firefox-esr', '52.9.0'],
      ['ie', '9.0.8112.16421'],
    ],
    // KB4019276 makes TLS 1.1/1.2 exist (off by default); the TLS 1.2 Client key turns 1.2 on.
    tls: ['enabled', 'disabled', 'enabled'],
    tls12Supported: true,
    kb3140245: null,
    kb4019276: true,
    antivirusChecked: false,
  },
  {
    machine: 'win7-rtm-x64-outlook2010',
    os: {
      name: 'Windows 7',
      version: '6.1.7600',
      build: '7600',
      servicePack: null,
      edition: 'Professional',
      arch: 'x64',
      productType: 'client',
      terminalServer: false,
    },
    clients: [['outlook', '14.0.7015.1000', 32, 'msi', O2010x86]],
    browsers: [['ie', '8.0.7600.16385']],
    tls: ['enabled', 'disabled', 'disabled'],
    tls12Supported: true,
    kb3140245: false,
    antivirusChecked: true,
  },
  {
    machine: 'server2008r2-sp1-rds-outlook2010',
    os: {
      name: 'Windows Server 2008 R2 Service Pack 1',
      version: '6.1.7601',
      build: '7601',
      servicePack: 'Service Pack 1',
      edition: 'Standard',
      arch: 'x64',
      productType: 'server',
      terminalServer: true,
    },
    clients: [['outlook', '14.0.7268.5000', 32, 'msi', O2010x86]],
    browsers: [['ie', '11.0.9600.19596']],
    tls: ['enabled', 'disabled', 'disabled'],
    tls12Supported: true,
    kb3140245: false,
    antivirusChecked: false,
  },
  {
    machine: 'win8-x64-chrome109-ie10',
    os: {
      name: 'Windows 8',
      version: '6.2.9200',
      build: '9200',
      servicePack: null,
      edition: 'Pro',
      arch: 'x64',
      productType: 'client',
      terminalServer: false,
    },
    clients: [['outlook', '14.0.7268.5000', 32, 'msi', O2010x86]],
    browsers: [
      ['chrome', '109.0.5414.120'],
      ['ie', '10.0.9200.22013'],
    ],
    tls: ['enabled', 'enabled', 'enabled'],
    tls12Supported: true,
    kb3140245: false,
    antivirusChecked: true,
  },
  {
    machine: 'win11-x64-new-outlook-only',
    os: {
      name: 'Windows 11',
      version: '10.0.22631',
      build: '22631',
      servicePack: null,
      edition: 'Pro',
      arch: 'x64',
      productType: 'client',
      terminalServer: false,
    },
    clients: [
      [
        'outlook-new',
        '1.2024.717.400',
        64,
        'msix',
        'C:\\Program Files\\WindowsApps\\Microsoft.OutlookForWindows_1.2024.717.400_x64__8wekyb3d8bbwe\\olk.exe',
      ],
    ],
    browsers: [
      ['edge', '131.0.2903.86'],
      ['ie', '11.1.22621.0'],
    ],
    tls: ['disabled', 'unknown', 'enabled'],
    tls12Supported: true,
    kb3140245: null,
    antivirusChecked: true,
  },
  {
    machine: 'win7-sp1-x64-office2013-c2r32',
    os: {
      name: 'Windows 7 Service Pack 1',
      version: '6.1.7601',
      build: '7601',
      servicePack: 'Service Pack 1',
      edition: 'Professional',
      arch: 'x64',
      productType: 'client',
      terminalServer: false,
    },
    clients: [['outlook', '15.0.5589.1001', 32, 'click-to-run', 'C:\\Program Files\\Microsoft Office 15\\root\\office15\\OUTLOOK.EXE']],
    browsers: [['ie', '11.0.9600.19596']],
    tls: ['enabled', 'disabled', 'disabled'],
    tls12Supported: true,
    kb3140245: true,
    antivirusChecked: true,
  },
  {
    machine: 'win10-x64-hardened',
    os: {
      name: 'Windows 10',
      version: '10.0.19045',
      build: '19045',
      servicePack: null,
      edition: 'Pro',
      arch: 'x64',
      productType: 'client',
      terminalServer: false,
    },
    clients: [['outlook', '16.0.17928.20156', 64, 'click-to-run', 'C:\\Program Files\\Microsoft Office\\Root\\Office16\\OUTLOOK.EXE']],
    browsers: [
      ['chrome', '131.0.6778.109'],
      ['edge', '131.0.2903.86'],
      ['ie', '11.1882.19041.0'],
    ],
    tls: ['disabled', 'disabled', 'disabled'],
    tls12Supported: true,
    kb3140245: null,
    antivirusChecked: true,
  },
];

const facts = (inv: Inventory) => ({
  os: {
    name: inv.os.name,
    version: inv.os.version,
    build: inv.os.build,
    servicePack: inv.os.servicePack ?? null,
    edition: inv.os.edition ?? null,
    arch: inv.os.arch,
    productType: inv.os.productType,
    terminalServer: inv.os.terminalServer,
  },
  clients: inv.clients.map((c) => [c.id, c.version, c.bitness ?? null, c.installType ?? null, c.path ?? null]),
  browsers: inv.browsers.map((b) => [b.id, b.version]),
  tls: (['TLS 1.0', 'TLS 1.1', 'TLS 1.2'] as const).map((p) => inv.windows!.schannel[p].effective),
  tls12Supported: inv.windows!.schannel['TLS 1.2'].supported ?? null,
  kb3140245: inv.windows!.kb3140245,
  kb4019276: inv.windows!.kb4019276,
  antivirusChecked: inv.antivirusChecked,
});

for (const row of ROWS) {
  test(`${row.machine}: OS, clients, browsers and Windows TLS facts`, async () => {
    const inv = await inventoryOf(row.machine);
    assert.ok(validateInventory(inv), JSON.stringify(validateInventory.errors));
    const { machine, ...expected } = row;
    assert.deepEqual(facts(inv), { ...expected, kb4019276: 'kb4019276' in row ? row.kb4019276 : undefined }, machine);
    assert.deepEqual(inv.errors, [], `${machine}: ${JSON.stringify(inv.errors)}`);
  });
}

const rawOf = (evidence: { source: string; raw?: string }[], source: RegExp) => evidence.find((e) => source.test(e.source))?.raw ?? '';

test('Server 2008 SP2: KB4019276 from the update list, and from the servicing store when the list is gone; evidence names both keys read', async () => {
  const inv = await inventoryOf('server2008-sp2-kb4019276');
  const w = inv.windows!;
  assert.ok(w.hotfixes!.includes('KB4019276'));
  assert.deepEqual(
    w.servicing!.kb4019276!.map((p) => [p.name, p.installedAt?.slice(0, 19)]),
    [['Package_for_KB4019276~31bf3856ad364e35~amd64~~6.0.1.2', '2017-07-20T08:15:37']],
  );
  assert.deepEqual(w.schannel['TLS 1.2'], {
    enabled: 1,
    disabledByDefault: 0,
    effective: 'enabled',
    osDefault: 'disabled',
    supported: true,
    decidedBy: 'registry',
  });
  assert.match(rawOf(inv.os.evidence, /ProductOptions/), /ProductType {4}REG_SZ {4}ServerNT/);
  assert.match(rawOf(inv.os.evidence, /Terminal Server/), /TSAppCompat {4}REG_DWORD {4}0x0/);
  assert.match(rawOf(inv.os.evidence, /Windows NT\\CurrentVersion/), /ProductName {4}REG_SZ {4}Windows Server \(R\) 2008 Standard/);
  // The update list unreadable (WMI broken, no PowerShell): the servicing store decides.
  const src = recordedSource(fixtureDir('server2008-sp2-kb4019276'));
  const exec = src.exec;
  src.exec = (file, args, options) =>
    /wmic|powershell/i.test(file)
      ? Promise.resolve({ ok: false, stdout: '', stderr: '', code: null, error: 'timeout', command: file })
      : exec(file, args, options);
  const noList = (await collectInventory({ source: src })).windows!;
  assert.equal(noList.hotfixes, null);
  assert.equal(noList.kb4019276, true);
  assert.equal(noList.schannel['TLS 1.2'].effective, 'enabled');
  assert.match(rawOf(noList.evidence, /^KB4019276$/), /servicing store lists Package_for_KB4019276/);
  // Without the key the same server's TLS 1.2 stays unsupported: the update is what adds it.
  const before = (await inventoryOf('server2008-sp2')).windows!;
  assert.deepEqual(before.servicing!.kb4019276, []);
  assert.equal(before.schannel['TLS 1.2'].supported, false);
  // Not looked for where it does not apply.
  for (const name of ['win7-rtm-x64-outlook2010', 'win10-x64-hardened']) {
    const other = (await inventoryOf(name)).windows!;
    assert.equal('kb4019276' in other, false, name);
    assert.equal(other.servicing?.kb4019276, undefined, name);
  }
});

test('terminal server: TSAppCompat=1 on Server 2008 R2 is read with its evidence; Windows Server is not asked for Security Center', async () => {
  const inv = await inventoryOf('server2008r2-sp1-rds-outlook2010');
  assert.match(rawOf(inv.os.evidence, /Terminal Server/), /TSAppCompat {4}REG_DWORD {4}0x1/);
  assert.deepEqual(inv.antivirus, []);
  assert.equal(inv.antivirusChecked, false);
  const summary = inventorySummary(inv);
  assert.match(summary, /edizione server, server terminal \(Desktop remoto\): un riavvio chiude le sessioni di tutti gli utenti/);
  assert.match(summary, /Antivirus: non verificato \(Windows Server non ha il Centro sicurezza/);
  assert.doesNotMatch(inventorySummary(await inventoryOf('win10-x64-hardened')), /KB3140245|KB4019276/);
  assert.match(
    inventorySummary(await inventoryOf('server2008-sp2')),
    /Aggiornamento KB4019276 \(TLS 1\.1\/1\.2 per Windows Server 2008 SP2\): NON installato/,
  );
  // Italian reg.exe output: "(Predefinito)" is the unnamed value of App Paths and CurVer.
  const ol = inv.clients.find((c) => c.id === 'outlook')!;
  assert.equal(ol.marketingName, '2010');
  assert.match(
    rawOf(ol.evidence, /App Paths\\OUTLOOK\.EXE" \/reg:32/),
    /\(Default\) {4}REG_SZ {4}C:\\Program Files \(x86\)\\Microsoft Office\\Office14\\OUTLOOK\.EXE/,
  );
});

test('Office 2013 Click-to-Run 32-bit: the Office\\15.0\\ClickToRun configuration decides bitness, version and channel', async () => {
  const inv = await inventoryOf('win7-sp1-x64-office2013-c2r32');
  const ol = inv.clients.find((c) => c.id === 'outlook')!;
  assert.deepEqual(
    { marketingName: ol.marketingName, channel: ol.channel, build: ol.build },
    { marketingName: '2013', channel: 'http://officecdn.microsoft.com/pr/39168D7E-077B-48E7-872C-B232C3E72675', build: '5589.1001' },
  );
  assert.match(rawOf(ol.evidence, /Office\\15\.0\\ClickToRun\\Configuration" \/reg:64/), /Platform {4}REG_SZ {4}x86/);
});

test('the new Outlook: found in the per-user package list, its evidence is the one package read (not the whole list)', async () => {
  const inv = await inventoryOf('win11-x64-new-outlook-only');
  const olk = inv.clients.find((c) => c.id === 'outlook-new')!;
  assert.equal(olk.name, 'Nuovo Outlook per Windows');
  assert.equal(
    inv.clients.find((c) => c.id === 'outlook'),
    undefined,
  );
  assert.match(
    olk.evidence[0].raw ?? '',
    /^3 packages listed; matching: Microsoft\.OutlookForWindows_1\.2024\.717\.400_x64__8wekyb3d8bbwe$/,
  );
  assert.match(olk.evidence[1].raw ?? '', /PackageRootFolder {4}REG_SZ {4}C:\\Program Files\\WindowsApps\\Microsoft\.OutlookForWindows_/);
  // Machines without it have no such client.
  assert.equal(
    (await inventoryOf('win10-x64-m365')).clients.some((c) => c.id === 'outlook-new'),
    false,
  );
});

test('Windows XP reg.exe output whose tabs became spaces gives the same inventory as the tab-separated one', async () => {
  const tabs = await inventoryOf('winxp-sp3-outlook2003-regv3');
  const spaces = await inventoryOf('winxp-sp3-outlook2003-regspaces');
  const f = (inv: Inventory) => ({
    os: [inv.os.name, inv.os.version, inv.os.servicePack],
    clients: inv.clients.map((c) => [c.id, c.version, c.path]),
    browsers: inv.browsers.map((b) => [b.id, b.version]),
    tls12: [inv.windows!.schannel['TLS 1.2'].disabledByDefault, inv.windows!.schannel['TLS 1.2'].supported],
    is: inv.windows!.internetSettings,
  });
  assert.deepEqual(f(spaces), f(tabs));
  assert.deepEqual(f(spaces).os, ['Windows XP Service Pack 3', '5.1.2600', 'Service Pack 3']);
  assert.deepEqual(f(spaces).clients, [['outlook', '11.0', 'C:\\Programmi\\Microsoft Office\\OFFICE11\\OUTLOOK.EXE']]);
});

// Issue #19: the Windows family model, the typed registry fix and the diagnosis of every recorded
// machine of the family, table by table. The family rows check windowsFamily() on each edition
// (client and server, service pack, what TLS 1.2 needs there); the fix rows check
// planRegistryFix() (only TLS 1.2, nothing on a healthy machine, other WinHTTP bits kept); the
// machine rows run the real inventory on a recorded machine (test/fixtures/inventory) and the
// whole diagnosis against a healthy PEC server, and assert the verdict, the plan's steps and the
// .reg file the technician would get.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { windowsFamily, schannelTls12ClientOn } from '../../../src/diagnosis/windows-family';
import type { WindowsFamily } from '../../../src/diagnosis/windows-family';
import { planRegistryFix, undoValues, WINHTTP_TLS12 } from '../../../src/fix/registry-fix';
import type { FixInputs } from '../../../src/fix/registry-fix';
import { deriveFacts } from '../../../src/diagnosis/derived';
import { buildReport } from '../../../src/diagnosis/run';
import { renderRegFixFiles } from '../../../src/report/reg-fix';
import { collectInventory, recordedSource } from '../../../src/inventory/index';
import type { OsInfo } from '../../../src/inventory/types';
import type { Report } from '../../../src/diagnosis/types';
import { NOW, OS, context, endpoint, win7Tls, win10Tls } from './evidence';

// ---------------------------------------------------------------------------------------------
// windowsFamily(): one row per edition.

const os = (o: Partial<OsInfo>): OsInfo => ({
  platform: 'windows',
  name: null,
  version: null,
  build: null,
  arch: 'x64',
  evidence: [],
  ...o,
});

interface FamilyRow {
  why: string;
  os: OsInfo;
  kb?: { kb3140245?: boolean | null; kb4019276?: boolean | null };
  expect: Partial<Omit<WindowsFamily, 'tls12'>> & { route: WindowsFamily['tls12']['route']; updates: string[] };
  offByDefault?: boolean;
  winhttp?: boolean;
}

const FAMILY: FamilyRow[] = [
  { why: 'XP SP3', os: OS.xp, expect: { release: 'xp', server: null, name: 'Windows XP SP3', route: 'impossible', updates: [] } },
  {
    why: 'Server 2003 (NT 5.2, server)',
    os: os({ name: 'Microsoft Windows Server 2003 Standard Edition', version: '5.2.3790', build: '3790', productType: 'server' }),
    expect: { release: 'xp', server: '2003', name: 'Windows Server 2003', route: 'impossible', updates: [] },
  },
  {
    why: 'Vista SP2: no update adds TLS 1.2',
    os: OS.vista,
    expect: { release: 'vista', server: null, name: 'Windows Vista SP2', servicePack: 2, route: 'impossible', updates: [] },
  },
  {
    why: 'Server 2008 SP2 without KB4019276 (ProductName "Windows Server (R) 2008 Standard")',
    os: os({ name: 'Windows Server (R) 2008 Standard', version: '6.0.6002', build: '6002', productType: 'server' }),
    kb: { kb4019276: false },
    expect: { release: 'vista', server: '2008', name: 'Windows Server 2008 SP2', route: 'kb4019276', updates: ['KB4019276:false'] },
    offByDefault: true,
    winhttp: false,
  },
  {
    why: 'Server 2008 SP2 (build 6003) with KB4019276',
    os: os({ name: 'Windows Server (R) 2008 Standard', version: '6.0.6003', build: '6003', productType: 'server' }),
    kb: { kb4019276: true },
    expect: { release: 'vista', server: '2008', name: 'Windows Server 2008 SP2', route: 'kb4019276', updates: ['KB4019276:true'] },
  },
  {
    why: 'Server 2008 SP1: Service Pack 2 first',
    os: os({ name: 'Windows Server (R) 2008 Standard', version: '6.0.6001', build: '6001', productType: 'server' }),
    expect: { server: '2008', servicePack: 1, route: 'service-pack-first', updates: ['SP2-2008:false', 'KB4019276:null'] },
  },
  {
    why: 'Windows 7 RTM (7600): SP1 (KB976932) first',
    os: os({ name: 'Windows 7 Professional', version: '6.1.7600', build: '7600' }),
    kb: { kb3140245: false },
    expect: {
      release: '7',
      server: null,
      name: 'Windows 7',
      servicePack: 0,
      route: 'service-pack-first',
      updates: ['KB976932:false', 'KB3140245:false'],
    },
    offByDefault: true,
    winhttp: true,
  },
  {
    why: 'Windows 7 SP1 (7601 even without CSDVersion)',
    os: os({ name: 'Windows 7 Professional', version: '6.1.7601', build: '7601', servicePack: null }),
    kb: { kb3140245: true },
    expect: { release: '7', name: 'Windows 7 SP1', servicePack: 1, route: 'keys-and-update', updates: ['KB3140245:true'] },
    offByDefault: true,
    winhttp: true,
  },
  {
    why: 'Server 2008 R2 SP1 terminal server: the Windows 7 line, named as a server',
    os: os({ name: 'Windows Server 2008 R2 Standard', version: '6.1.7601', build: '7601', productType: 'server', terminalServer: true }),
    expect: {
      release: '7',
      server: '2008 R2',
      name: 'Windows Server 2008 R2 SP1',
      terminalServer: true,
      route: 'keys-and-update',
      updates: ['KB3140245:null'],
    },
  },
  {
    why: 'Windows 8.0: TLS 1.2 on, WinHTTP needs KB3140245',
    os: OS.win80,
    expect: { release: '8.0', name: 'Windows 8', route: 'winhttp-update', updates: ['KB3140245:null'] },
    offByDefault: false,
    winhttp: true,
  },
  { why: 'Windows 8.1', os: OS.win81, expect: { release: '8.1', route: 'built-in', updates: [] }, offByDefault: false, winhttp: false },
  { why: 'Windows 10 22H2', os: OS.win10, expect: { release: '10', name: 'Windows 10', route: 'built-in', updates: [] } },
  {
    why: 'Windows 11 (build ≥ 22000 on NT 10.0)',
    os: OS.win11,
    expect: { release: '11', name: 'Windows 11', route: 'built-in', updates: [] },
  },
  {
    why: 'Server 2022 (build 20348): the 10 line',
    os: os({ name: 'Windows Server 2022 Standard', version: '10.0.20348', build: '20348', productType: 'server' }),
    expect: { release: '10', server: '2022', name: 'Windows Server 2022', route: 'built-in', updates: [] },
  },
  {
    why: 'x86 arch is kept',
    os: { ...OS.win7, arch: 'x86' },
    expect: { release: '7', arch: 'x86', route: 'keys-and-update', updates: ['KB3140245:null'] },
  },
];

for (const row of FAMILY) {
  test(`windowsFamily: ${row.why}`, () => {
    const win = row.kb ? { ...win7Tls(), kb3140245: row.kb.kb3140245 ?? null, hotfixes: null, kb4019276: row.kb.kb4019276 } : null;
    const fam = windowsFamily(row.os, win);
    assert.ok(fam, 'a family');
    const { route, updates, ...fields } = row.expect;
    for (const [k, v] of Object.entries(fields)) assert.deepEqual(fam[k as keyof WindowsFamily], v, k);
    assert.equal(fam.tls12.route, route);
    assert.deepEqual(
      fam.tls12.updates.map((u) => `${u.id}:${u.installed}`),
      updates,
    );
    if (row.offByDefault !== undefined) assert.equal(fam.tls12.schannelOffByDefault, row.offByDefault);
    if (row.winhttp !== undefined) assert.equal(fam.tls12.winhttpNeedsValue, row.winhttp);
  });
}

test('windowsFamily: not Windows, or no release at all, is null', () => {
  assert.equal(windowsFamily(OS.debian), null);
  assert.equal(windowsFamily(OS.mac14), null);
  assert.equal(windowsFamily(os({})), null);
  assert.equal(windowsFamily(null), null);
});

test('schannelTls12ClientOn: off by default needs both values; Enabled=0 always off; no TLS 1.2 at all stays off', () => {
  const w7 = windowsFamily(OS.win7)!;
  const w10 = windowsFamily(OS.win10)!;
  const s2008 = windowsFamily(os({ name: 'Windows Server (R) 2008 Standard', version: '6.0.6002', build: '6002', productType: 'server' }), {
    ...win7Tls(),
    kb4019276: false,
  })!;
  assert.equal(schannelTls12ClientOn(w7, { enabled: null, disabledByDefault: null }), false);
  assert.equal(schannelTls12ClientOn(w7, { enabled: 1, disabledByDefault: 0 }), true);
  assert.equal(schannelTls12ClientOn(w10, { enabled: null, disabledByDefault: null }), true);
  assert.equal(schannelTls12ClientOn(w10, { enabled: 0, disabledByDefault: 0 }), false);
  assert.equal(schannelTls12ClientOn(w10, { enabled: 1, disabledByDefault: 1 }), false);
  assert.equal(schannelTls12ClientOn(s2008, { enabled: 1, disabledByDefault: 0 }), false, 'no KB4019276: the keys do nothing');
});

// ---------------------------------------------------------------------------------------------
// planRegistryFix(): one row per machine state.

const inputs = (
  enabled: number | null | undefined,
  disabledByDefault: number | null | undefined,
  native: number | null | undefined = null,
  wow64: number | null | undefined = null,
): FixInputs => ({ schannelTls12Client: { enabled, disabledByDefault }, winhttp: { native, wow64 } });

interface FixRow {
  why: string;
  fam: () => WindowsFamily;
  in: FixInputs;
  status: 'needed' | 'not-needed' | 'impossible' | 'unknown';
  values?: string[];
}

const fam7 = (arch = 'x64', kb: boolean | null = true) => windowsFamily({ ...OS.win7, arch }, { ...win7Tls(), kb3140245: kb })!;
const FIX: FixRow[] = [
  {
    why: 'Windows 7 untouched, 64-bit: both SChannel values, both WinHTTP views with TLS 1.2 only (0x800)',
    fam: () => fam7(),
    in: inputs(null, null),
    status: 'needed',
    values: [
      'schannelTls12Client.Enabled null→1',
      'schannelTls12Client.DisabledByDefault null→0',
      'winhttpNative.DefaultSecureProtocols null→2048',
      'winhttpWow64.DefaultSecureProtocols null→2048',
    ],
  },
  {
    why: 'Windows 7 32-bit: one WinHTTP view; an existing 0xA0 keeps its bits (0x8A0)',
    fam: () => fam7('x86'),
    in: inputs(1, 0, 0xa0),
    status: 'needed',
    values: ['winhttpNative.DefaultSecureProtocols 160→2208'],
  },
  {
    why: 'Windows 7 fixed (0xA80 kept: it already has TLS 1.2)',
    fam: () => fam7(),
    in: inputs(1, 0, 0xa80, 0xa00),
    status: 'not-needed',
  },
  {
    why: 'Windows 7 fixed by the keys but KB3140245 missing: the update is still needed',
    fam: () => fam7('x64', false),
    in: inputs(1, 0, 0xa00, 0xa00),
    status: 'needed',
    values: [],
  },
  {
    why: 'Windows 7 with Enabled=0: Enabled back to 1 (DisabledByDefault already 0)',
    fam: () => fam7(),
    in: inputs(0, 0, 0x800, 0x800),
    status: 'needed',
    values: ['schannelTls12Client.Enabled 0→1'],
  },
  {
    why: 'SChannel unreadable: both values written, their previous state unknown',
    fam: () => fam7(),
    in: inputs(undefined, undefined, 0x800, 0x800),
    status: 'needed',
    values: ['schannelTls12Client.Enabled undefined→1', 'schannelTls12Client.DisabledByDefault undefined→0'],
  },
  { why: 'healthy Windows 10: nothing', fam: () => windowsFamily(OS.win10)!, in: inputs(null, null), status: 'not-needed' },
  { why: 'healthy Windows 11: nothing', fam: () => windowsFamily(OS.win11)!, in: inputs(1, 0), status: 'not-needed' },
  {
    why: 'Windows 10 hardened (Enabled=0, DisabledByDefault=1 on TLS 1.2): only TLS 1.2 back, never TLS 1.0/1.1',
    fam: () => windowsFamily(OS.win10)!,
    in: inputs(0, 1),
    status: 'needed',
    values: ['schannelTls12Client.Enabled 0→1', 'schannelTls12Client.DisabledByDefault 1→0'],
  },
  {
    why: 'Windows 10 with a WinHTTP value without the TLS 1.2 bit (0x80): the bit is OR-ed in',
    fam: () => windowsFamily(OS.win10)!,
    in: inputs(null, null, 0x80, null),
    status: 'needed',
    values: ['winhttpNative.DefaultSecureProtocols 128→2176'],
  },
  {
    why: 'Windows 8.0: SChannel on by default; WinHTTP needs the bit',
    fam: () => windowsFamily(OS.win80, { ...win10Tls(), kb3140245: true })!,
    in: inputs(null, null),
    status: 'needed',
    values: ['winhttpNative.DefaultSecureProtocols null→2048', 'winhttpWow64.DefaultSecureProtocols null→2048'],
  },
  { why: 'Vista: impossible', fam: () => windowsFamily(OS.vista)!, in: inputs(null, null), status: 'impossible' },
  { why: 'XP: impossible', fam: () => windowsFamily(OS.xp)!, in: inputs(null, null), status: 'impossible' },
  {
    why: 'Server 2008 SP2 without KB4019276: the keys and the update',
    fam: () =>
      windowsFamily(os({ name: 'Windows Server (R) 2008 Standard', version: '6.0.6002', build: '6002', productType: 'server' }), {
        ...win7Tls(),
        kb4019276: false,
      })!,
    in: inputs(null, null),
    status: 'needed',
    values: ['schannelTls12Client.Enabled null→1', 'schannelTls12Client.DisabledByDefault null→0'],
  },
];

for (const row of FIX) {
  test(`planRegistryFix: ${row.why}`, () => {
    const fix = planRegistryFix(row.fam(), row.in);
    assert.equal(fix.status, row.status, 'reason' in fix ? fix.reason.it : '');
    if (fix.status !== 'needed') return;
    assert.deepEqual(
      fix.values.map((v) => `${v.key}.${v.name} ${v.before}→${v.after}`),
      row.values,
    );
    for (const v of fix.values) if (v.name === 'DefaultSecureProtocols') assert.ok((v.after & WINHTTP_TLS12) !== 0);
    // The undo puts back what was read, and leaves unread values alone.
    assert.equal(undoValues(fix.values).length, fix.values.filter((v) => v.before !== undefined).length);
  });
}

// ---------------------------------------------------------------------------------------------
// The recorded machines of issue #19: verdict, plan steps and .reg.

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'inventory');
const ARUBA = {
  email: 'studio@pec.it',
  provider: { id: 'aruba', name: 'Aruba PEC', webmail: 'https://webmail.pec.it' },
  endpoints: [],
  message: null,
};

async function diagnoseMachine(name: string): Promise<Report> {
  const inventory = await collectInventory({ source: recordedSource(path.join(FIXTURES, name)) });
  const smtp = endpoint({ host: 'smtps.pec.aruba.it', port: 465, protocol: 'smtp', url: 'smtps://smtps.pec.aruba.it:465' });
  return buildReport({
    inventory,
    accounts: null,
    endpoints: [endpoint(), smtp],
    context: context({ skipDiscovery: true, emails: ['studio@pec.it'], lookups: [ARUBA] }),
    now: NOW,
  });
}

/** The .reg fix's lines, decoded from the contract's base64 UTF-16LE. */
function regLines(report: Report): { status: string; reason?: string; fix?: string[]; undo?: string[] } {
  const r = renderRegFixFiles(report, 'fix.reg');
  if (r.status === 'not-needed') return { status: r.status, reason: r.reason.it };
  const decode = (b64: string) => Buffer.from(b64, 'base64').subarray(2).toString('utf16le').split('\r\n');
  return { status: r.status, fix: decode(r.fix.content), undo: decode(r.undo.content) };
}

const TLS12_CLIENT = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client]';
const WINHTTP = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp]';
const WINHTTP32 = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp]';

interface MachineRow {
  machine: string;
  family: string;
  verdict: Report['verdict']['status'];
  plans: string[];
  /** The first plan's steps as id:state. */
  steps: string[];
  /** Sentences that must (and must not) be in the first plan, the verdict or the findings. */
  says: RegExp[];
  never: RegExp[];
  /** The .reg: 'not-needed' with its reason, or the key/value lines of the fix. */
  reg: { notNeeded: RegExp } | { lines: string[] };
  check?: (r: Report) => void;
}

const MACHINES: MachineRow[] = [
  {
    machine: 'vista-sp2-outlook2007',
    family: 'Windows Vista SP2',
    verdict: 'error',
    plans: ['windows-no-tls12'],
    steps: ['use-supported-computer:todo', 'thunderbird-legacy:todo', 'webmail-browser-vista:done'],
    says: [
      /Outlook su Windows Vista non può usare TLS 1\.2/,
      /Thunderbird 52\.9\.1 ESR, l’ultima versione che funziona su Windows Vista/,
      /Mozilla Firefox ESR 52\.9\.0, già installato/,
    ],
    never: [/Controllo incompleto/, /consegna il rapporto al tecnico/i, /KB3140245/],
    reg: { notNeeded: /Su Windows Vista SP2 nessuna chiave di registro né aggiornamento aggiunge TLS 1\.2/ },
    check: (r) => assert.equal(r.plans[0].stopGap?.url, 'https://webmail.pec.it'),
  },
  {
    machine: 'server2008-sp2',
    family: 'Windows Server 2008 SP2',
    verdict: 'error',
    plans: ['windows7-tls12'],
    steps: ['install-kb4019276:todo', 'schannel-tls12-client:todo', 'reboot:todo'],
    says: [
      /Outlook su Windows Server 2008 non usa TLS 1\.2/,
      /KB4019276, che aggiunge TLS 1\.2 a Windows Server 2008: .* a 64 bit/,
      /lo ottiene solo con l’aggiornamento KB4019276/,
    ],
    never: [/Windows Vista/, /KB3140245/, /lo contiene ma lo tiene spento/, /Centro sicurezza.*non leggibile|elenco non leggibile/],
    reg: { lines: [TLS12_CLIENT, '"Enabled"=dword:00000001', '"DisabledByDefault"=dword:00000000'] },
    check: (r) => {
      const reg = regLines(r);
      assert.ok(
        reg.fix!.some((l) => /KB4019276 non risulta installato: installalo prima/.test(l)),
        'the .reg names the missing update',
      );
    },
  },
  {
    machine: 'server2008-sp2-kb4019276',
    family: 'Windows Server 2008 SP2',
    // TLS 1.2 is on: no TLS finding, no plan; its SChannel has no recorded hello, so the mail program is "not verified" and says why.
    verdict: 'incomplete',
    plans: [],
    steps: [],
    says: [/su Windows Server 2008 TLS 1\.2 è attivo, ma non abbiamo una simulazione/],
    never: [/non usa TLS 1\.2/, /Windows Vista/],
    reg: { notNeeded: /già quelle giuste: non c’è nulla da correggere/ },
    check: (r) => assert.ok(!r.findings.some((f) => f.id === 'win7-tls12-client-disabled' || f.id === 'win2008-kb4019276-missing')),
  },
  {
    machine: 'win7-rtm-x64-outlook2010',
    family: 'Windows 7',
    verdict: 'error',
    plans: ['windows7-tls12'],
    steps: ['install-service-pack:todo', 'install-kb3140245:todo', 'winhttp-defaults:todo', 'schannel-tls12-client:todo', 'reboot:todo'],
    says: [/Installa prima il Service Pack 1 \(KB976932\) di Windows 7, nella versione a 64 bit/],
    never: [],
    reg: {
      lines: [
        TLS12_CLIENT,
        '"Enabled"=dword:00000001',
        '"DisabledByDefault"=dword:00000000',
        WINHTTP,
        '"DefaultSecureProtocols"=dword:00000800',
        WINHTTP32,
        '"DefaultSecureProtocols"=dword:00000800',
      ],
    },
    check: (r) => {
      assert.match(r.verdict.next!.it, /Service Pack 1/, 'the service pack comes first');
      assert.equal(r.plans[0].steps[0].links[0].url, 'https://support.microsoft.com/help/976932');
    },
  },
  {
    machine: 'server2008r2-sp1-rds-outlook2010',
    family: 'Windows Server 2008 R2 SP1',
    verdict: 'error',
    plans: ['windows7-tls12'],
    steps: ['install-kb3140245:todo', 'winhttp-defaults:todo', 'schannel-tls12-client:todo', 'reboot:todo'],
    says: [
      /Outlook su Windows Server 2008 R2 non usa TLS 1\.2/,
      /è un server terminal, e il riavvio chiude le sessioni di tutti gli utenti collegati/,
    ],
    never: [/Outlook su Windows 7/, /Riavvia il computer/],
    reg: {
      lines: [
        TLS12_CLIENT,
        '"Enabled"=dword:00000001',
        '"DisabledByDefault"=dword:00000000',
        WINHTTP,
        '"DefaultSecureProtocols"=dword:00000800',
        WINHTTP32,
        '"DefaultSecureProtocols"=dword:00000800',
      ],
    },
    check: (r) => assert.ok(regLines(r).fix!.some((l) => /server terminal/.test(l))),
  },
  {
    machine: 'win8-x64-chrome109-ie10',
    family: 'Windows 8',
    verdict: 'warning',
    plans: ['windows7-tls12'],
    steps: ['install-kb3140245:todo', 'winhttp-defaults:todo', 'schannel-tls12-client:done', 'reboot:todo'],
    says: [/Windows 8 a 64 bit/, /Su Windows 8 TLS 1\.2 è già attivo per i programmi di posta/, /Puoi usare invece Google Chrome 109/],
    never: [/tre passi/, /Windows 7/, /Nessun browser di questo computer va bene/],
    reg: { lines: [WINHTTP, '"DefaultSecureProtocols"=dword:00000800', WINHTTP32, '"DefaultSecureProtocols"=dword:00000800'] },
    check: (r) => assert.equal(r.findings.find((f) => f.id === 'browser-too-old-for-webmail')?.severity, 'info'),
  },
  {
    machine: 'win11-x64-new-outlook-only',
    family: 'Windows 11',
    // Not green "via Edge": the new Outlook is a mail program whose connection runs in Microsoft's cloud.
    verdict: 'warning',
    plans: [],
    steps: [],
    says: [
      /le connessioni partono dal cloud di Microsoft, quindi le impostazioni TLS di questo computer non contano/,
      /la posta PEC e la password della casella passano per i server di Microsoft/,
      /il nuovo Outlook \(tramite i server di Microsoft\)/,
    ],
    never: [/Edge/, /Nessun problema/],
    reg: { notNeeded: /già quelle giuste: non c’è nulla da correggere/ },
    check: (r) => assert.ok(r.verdict.notVerified.some((t) => /il collegamento del nuovo Outlook al gestore/.test(t.it))),
  },
  {
    machine: 'win7-sp1-x64-office2013-c2r32',
    family: 'Windows 7 SP1',
    verdict: 'error',
    plans: ['windows7-tls12'],
    steps: ['install-kb3140245:done', 'winhttp-defaults:todo', 'schannel-tls12-client:todo', 'reboot:todo'],
    says: [/Outlook su Windows 7 non usa TLS 1\.2/],
    never: [],
    reg: {
      lines: [
        TLS12_CLIENT,
        '"Enabled"=dword:00000001',
        '"DisabledByDefault"=dword:00000000',
        WINHTTP,
        '"DefaultSecureProtocols"=dword:00000800',
        WINHTTP32,
        '"DefaultSecureProtocols"=dword:00000800',
      ],
    },
    check: (r) => {
      const outlook = r.inventory!.clients.find((c) => c.id === 'outlook')!;
      assert.equal(outlook.installType, 'click-to-run');
      assert.equal((outlook as { bitness?: number }).bitness, 32);
    },
  },
  {
    machine: 'win10-x64-hardened',
    family: 'Windows 10',
    verdict: 'error',
    plans: ['windows-tls12-reenable'],
    steps: ['schannel-tls12-client:todo', 'reboot:todo'],
    says: [/TLS 1\.2 è stato spento su Windows 10/, /da impostare: Enabled = 1 \(oggi vale 0\), DisabledByDefault = 0 \(oggi vale 1\)/],
    never: [/l’elenco degli aggiornamenti/, /KB3140245/],
    reg: { lines: [TLS12_CLIENT, '"Enabled"=dword:00000001', '"DisabledByDefault"=dword:00000000'] },
  },
];

const visible = (r: Report) =>
  JSON.stringify([
    r.verdict,
    r.plans.map((p) => [p.cause, p.explanation, p.steps.map((s) => [s.text, s.evidence])]),
    r.findings.map((f) => [f.title, f.detail, f.fix.steps]),
  ]);

for (const row of MACHINES) {
  test(`recorded machine ${row.machine}: ${row.family}, ${row.verdict}, its plan and its .reg`, async () => {
    const r = await diagnoseMachine(row.machine);
    assert.equal(
      deriveFacts({ inventory: r.inventory, accounts: null, endpoints: [], context: context(), now: NOW }).windows?.name,
      row.family,
    );
    assert.equal(r.verdict.status, row.verdict, r.verdict.summary.it);
    assert.deepEqual(
      r.plans.map((p) => p.id),
      row.plans,
    );
    assert.deepEqual(r.plans[0]?.steps.map((s) => `${s.id}:${s.state}`) ?? [], row.steps);
    const all = visible(r);
    for (const re of row.says) assert.match(all, re);
    for (const re of row.never) assert.doesNotMatch(all, re);
    // A warning or an incomplete verdict always says what was not verified.
    if (r.verdict.status !== 'ok') assert.ok(r.verdict.notVerified.length > 0);
    const reg = regLines(r);
    if ('notNeeded' in row.reg) {
      assert.equal(reg.status, 'not-needed');
      assert.match(reg.reason!, row.reg.notNeeded);
    } else {
      assert.equal(reg.status, 'ready');
      const body = reg.fix!.filter((l) => l.startsWith('[') || l.startsWith('"'));
      assert.deepEqual(body, row.reg.lines);
      // Never TLS 1.0/1.1, in the fix or in its undo.
      assert.ok(!reg.fix!.concat(reg.undo!).some((l) => /TLS 1\.[01]\\/.test(l)));
      // The plan's evidence names exactly the values the .reg writes.
      const evidence = r.plans.flatMap((p) => p.steps.map((s) => s.evidence?.it ?? '')).join('\n');
      if (body.includes('"DefaultSecureProtocols"=dword:00000800')) assert.match(evidence, /→ 0x00000800 \(2048\)/);
      if (body.includes('"DisabledByDefault"=dword:00000000')) assert.match(evidence, /DisabledByDefault = 0/);
    }
    row.check?.(r);
  });
}

// The .reg fix and its undo (src/report/reg-fix.ts): written from the machine's evidence,
// UTF-16LE with BOM and CRLF, keys only in the registry views the machine has, WinHTTP bits
// OR-ed into the current value, and an undo that puts back exactly what was there.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { planRegFix, renderRegFixFiles, undoFileName } from '../../../src/report/reg-fix';
import type { RegFixResult } from '../../../src/api';
import type { Report } from '../../../src/diagnosis/types';
import { buildReport } from '../../../src/diagnosis/run';
import { NOW, OS, client, context, inventory, win10Tls, win7Tls, win7TlsFixed } from '../diagnosis/evidence';
import type { WindowsTls } from '../../../src/inventory/types';

function win7Report(windows: WindowsTls, arch: string | null = 'x64'): Report {
  return buildReport({
    inventory: inventory({ ...OS.win7, arch }, { windows, clients: [client('outlook', '14.0.7015.1000', { marketingName: '2010' })] }),
    accounts: null,
    endpoints: [],
    context: context(),
    now: NOW,
  });
}

function decode(file: { content: string; encoding?: string }): string {
  assert.equal(file.encoding, 'base64');
  const buf = Buffer.from(file.content, 'base64');
  assert.deepEqual([...buf.subarray(0, 2)], [0xff, 0xfe], 'UTF-16LE BOM');
  const s = buf.subarray(2).toString('utf16le');
  assert.ok(s.startsWith('Windows Registry Editor Version 5.00\r\n'));
  assert.doesNotMatch(s.replace(/\r\n/g, ''), /[\r\n]/, 'CRLF line ends only');
  return s;
}

/** The values under each [key] of a .reg text. */
function parseReg(s: string): Map<string, Map<string, string>> {
  const keys = new Map<string, Map<string, string>>();
  let cur: Map<string, string> | null = null;
  for (const line of s.split('\r\n')) {
    const k = /^\[(.+)\]$/.exec(line);
    if (k) {
      cur = keys.get(k[1]) ?? new Map();
      keys.set(k[1], cur);
      continue;
    }
    const v = /^"([^"]+)"=(.+)$/.exec(line);
    if (v && cur) cur.set(v[1], v[2]);
  }
  return keys;
}

const ready = (r: RegFixResult) => {
  assert.equal(r.status, 'ready', r.status === 'not-needed' ? r.reason.it : '');
  return r as Extract<RegFixResult, { status: 'ready' }>;
};

const SCH = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
const WH64 = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';
const WH32 = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';

test('untouched Windows 7 x64: SChannel TLS 1.1/1.2 client, WinHTTP and .NET in both views; the undo deletes what was absent', () => {
  // As the inventory reads it: the .NET keys were read and hold none of the values.
  const r = ready(
    renderRegFixFiles(
      win7Report(
        win7Tls({ dotnet: { release: 461808, version: '4.7.2', schUseStrongCrypto: null, systemDefaultTlsVersions: null, keys: [] } }),
      ),
    ),
  );
  assert.match(r.fix.fileName, /^pec-doctor-tls12-pec-[a-z0-9]{3}-[a-z0-9]{3}\.reg$/);
  assert.equal(r.undo.fileName, r.fix.fileName.replace(/\.reg$/, '-annulla.reg'));
  const fixText = decode(r.fix);
  const fix = parseReg(fixText);
  for (const p of ['TLS 1.1', 'TLS 1.2']) {
    assert.equal(fix.get(`${SCH}\\${p}\\Client`)?.get('Enabled'), 'dword:00000001');
    assert.equal(fix.get(`${SCH}\\${p}\\Client`)?.get('DisabledByDefault'), 'dword:00000000');
  }
  assert.equal(fix.has(`${SCH}\\TLS 1.0\\Client`), false, 'TLS 1.0 is left alone');
  assert.equal(fix.get(WH64)?.get('DefaultSecureProtocols'), 'dword:00000a00');
  assert.equal(fix.get(WH32)?.get('DefaultSecureProtocols'), 'dword:00000a00');
  for (const root of ['HKEY_LOCAL_MACHINE\\SOFTWARE', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node']) {
    for (const v of ['v4.0.30319', 'v2.0.50727'])
      assert.equal(fix.get(`${root}\\Microsoft\\.NETFramework\\${v}`)?.get('SchUseStrongCrypto'), 'dword:00000001');
  }
  // The advice to export the keys first, with the commands, and the undo's name.
  assert.match(fixText, /esporta le chiavi/);
  assert.match(
    fixText,
    /; {3}reg export "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1\.2\\Client" backup-\d+-[^ ]+\.reg \/y/,
  );
  assert.ok(fixText.includes(r.undo.fileName));
  assert.match(fixText, /NULLA VIENE APPLICATO AUTOMATICAMENTE/);
  // Nothing disables a protocol or touches the server side.
  assert.doesNotMatch(fixText, /\\Server\]/);
  assert.doesNotMatch(fixText, /"Enabled"=dword:00000000/);
  // The machine had none of these values: the undo deletes each of them, and only them.
  const undo = parseReg(decode(r.undo));
  assert.deepEqual([...undo.keys()], [...fix.keys()]);
  for (const [k, values] of fix) for (const name of values.keys()) assert.equal(undo.get(k)?.get(name), '-', `${k} ${name}`);
  assert.ok(r.notes.some((n) => /KB3140245 non risulta installato/.test(n.it)));
});

test('a prior WinHTTP 0xA80 stays 0xA80 (bits OR-ed in), 0x80 becomes 0xA80; the undo puts back 0xA80 and 0x80', () => {
  const w = win7Tls({ kb3140245: true, winhttp: { defaultSecureProtocols64: 0xa80, defaultSecureProtocols32: 0x80 } });
  const r = ready(renderRegFixFiles(win7Report(w)));
  const fixText = decode(r.fix);
  const fix = parseReg(fixText);
  assert.equal(fix.get(WH64)?.get('DefaultSecureProtocols'), 'dword:00000a80');
  assert.equal(fix.get(WH32)?.get('DefaultSecureProtocols'), 'dword:00000a80');
  assert.match(fixText, /era 0x80, aggiunti i bit di TLS 1\.1 e 1\.2 \(0x80 \| 0xA00 = 0xA80\)/);
  const undo = parseReg(decode(r.undo));
  assert.equal(undo.get(WH64)?.get('DefaultSecureProtocols'), 'dword:00000a80');
  assert.equal(undo.get(WH32)?.get('DefaultSecureProtocols'), 'dword:00000080');
  assert.ok(!r.notes.some((n) => /KB3140245/.test(n.it)), 'KB installed: no KB note');
});

test('Enabled=0 set by someone: the fix says so and sets Enabled=1; the undo restores Enabled=0', () => {
  const w = win7Tls();
  w.schannel['TLS 1.2'] = { enabled: 0, disabledByDefault: 1, effective: 'disabled', decidedBy: 'registry' };
  const r = ready(renderRegFixFiles(win7Report(w)));
  const fixText = decode(r.fix);
  assert.match(fixText, /qualcuno ha impostato Enabled=0/);
  assert.equal(parseReg(fixText).get(`${SCH}\\TLS 1.2\\Client`)?.get('Enabled'), 'dword:00000001');
  const undo = parseReg(decode(r.undo)).get(`${SCH}\\TLS 1.2\\Client`);
  assert.equal(undo?.get('Enabled'), 'dword:00000000');
  assert.equal(undo?.get('DisabledByDefault'), 'dword:00000001');
});

test('32-bit Windows 7: one registry view, no Wow6432Node anywhere', () => {
  const r = ready(renderRegFixFiles(win7Report(win7Tls(), 'x86')));
  for (const f of [r.fix, r.undo]) {
    const s = decode(f);
    assert.doesNotMatch(s, /Wow6432Node/);
    assert.equal(parseReg(s).get(WH64)?.get('DefaultSecureProtocols'), f === r.fix ? 'dword:00000a00' : '-');
  }
  assert.ok(r.notes.some((n) => /32 bit/.test(n.it)));
});

test('.NET values the machine had are restored, per framework and view', () => {
  const w = win7Tls();
  w.dotnet.keys = [
    { framework: 'v4.0.30319', view: 64, schUseStrongCrypto: 0, systemDefaultTlsVersions: null },
    { framework: 'v4.0.30319', view: 32, schUseStrongCrypto: 1, systemDefaultTlsVersions: 1 },
  ];
  const r = ready(renderRegFixFiles(win7Report(w)));
  const undo = parseReg(decode(r.undo));
  assert.equal(undo.get('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319')?.get('SchUseStrongCrypto'), 'dword:00000000');
  assert.equal(undo.get('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319')?.get('SystemDefaultTlsVersions'), '-');
  assert.equal(
    undo.get('HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319')?.get('SchUseStrongCrypto'),
    'dword:00000001',
  );
});

test('an unreadable SChannel key: the fix still sets it, the undo leaves it alone and says why', () => {
  const w = win7Tls();
  for (const p of Object.values(w.schannel)) p.effective = 'unknown';
  const r = ready(renderRegFixFiles(win7Report(w)));
  const undoText = decode(r.undo);
  assert.equal(parseReg(undoText).has(`${SCH}\\TLS 1.2\\Client`), false);
  assert.match(undoText, /TLS 1\.2\\Client — Enabled: valore precedente non letto, lasciato com'è/);
  assert.ok(r.notes.some((n) => /non erano leggibili/.test(n.it)));
});

test('nothing to fix: fixed Windows 7, Windows 10, macOS, XP, no inventory — each says why', () => {
  const cases: [Report, RegExp][] = [
    [win7Report(win7TlsFixed()), /già quelle giuste/],
    [
      buildReport({ inventory: inventory(OS.win10, { windows: win10Tls() }), accounts: null, endpoints: [], context: context(), now: NOW }),
      /già quelle giuste/,
    ],
    [buildReport({ inventory: inventory(OS.mac14), accounts: null, endpoints: [], context: context(), now: NOW }), /non usa Windows/],
    [
      buildReport({ inventory: inventory(OS.xp, { windows: win7Tls() }), accounts: null, endpoints: [], context: context(), now: NOW }),
      /XP e Vista/,
    ],
    [buildReport({ inventory: null, accounts: null, endpoints: [], context: context(), now: NOW }), /non contiene i dati/],
  ];
  for (const [report, re] of cases) {
    const r = renderRegFixFiles(report);
    assert.equal(r.status, 'not-needed');
    if (r.status === 'not-needed') assert.match(r.reason.it, re);
  }
});

test('Windows 10 with TLS 1.2 switched off in the registry: only the SChannel key, no WinHTTP, no .NET', () => {
  const w = win10Tls();
  w.schannel['TLS 1.2'] = { enabled: 1, disabledByDefault: 1, effective: 'disabled', decidedBy: 'registry' };
  const plan = planRegFix(
    buildReport({ inventory: inventory(OS.win10, { windows: w }), accounts: null, endpoints: [], context: context(), now: NOW }),
  );
  assert.ok(!('notNeeded' in plan));
  if (!('notNeeded' in plan)) assert.deepEqual([...new Set(plan.changes.map((c) => c.key))], [`${SCH}\\TLS 1.2\\Client`]);
});

test('undo file names', () => {
  assert.equal(undoFileName('tls12.reg'), 'tls12-annulla.reg');
  assert.equal(undoFileName('C:\\x\\Correzione.REG'), 'C:\\x\\Correzione-annulla.reg');
  assert.equal(undoFileName('fix'), 'fix-annulla.reg');
});

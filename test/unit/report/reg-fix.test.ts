// The .reg fix and its undo (src/report/reg-fix.ts): written from the typed fix of the machine's
// Windows family, UTF-16LE with BOM and CRLF, only what TLS 1.2 needs, keys only in the registry
// views the machine has, WinHTTP bits kept, an undo that puts back exactly what was there, and
// no line a forged report could plant.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertRegLines, planRegFix, regFixStem, renderRegFixFiles, undoFileName } from '../../../src/report/reg-fix';
import type { RegFixResult } from '../../../src/api';
import type { Report } from '../../../src/diagnosis/types';
import { buildReport } from '../../../src/diagnosis/run';
import { NOW, OS, client, context, inventory, win10Tls, win7Tls, win7TlsFixed } from '../diagnosis/evidence';
import type { OsInfo, WindowsTls } from '../../../src/inventory/types';

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

test('untouched Windows 7 x64: SChannel TLS 1.2 client and WinHTTP in both views, nothing else; the undo deletes what was absent', () => {
  const r = ready(renderRegFixFiles(win7Report(win7Tls())));
  assert.match(r.fix.fileName, /^pec-doctor-tls12-pec-[a-z0-9]{3}-[a-z0-9]{3}\.reg$/);
  assert.equal(r.undo.fileName, r.fix.fileName.replace(/\.reg$/, '-annulla.reg'));
  const fixText = decode(r.fix);
  const fix = parseReg(fixText);
  assert.deepEqual([...fix.keys()], [`${SCH}\\TLS 1.2\\Client`, WH64, WH32], 'only what TLS 1.2 needs: no TLS 1.0/1.1, no .NET');
  assert.equal(fix.get(`${SCH}\\TLS 1.2\\Client`)?.get('Enabled'), 'dword:00000001');
  assert.equal(fix.get(`${SCH}\\TLS 1.2\\Client`)?.get('DisabledByDefault'), 'dword:00000000');
  assert.equal(fix.get(WH64)?.get('DefaultSecureProtocols'), 'dword:00000800');
  assert.equal(fix.get(WH32)?.get('DefaultSecureProtocols'), 'dword:00000800');
  // The advice to export the keys first, with the commands, and the undo's name.
  assert.match(fixText, /esporta le chiavi/);
  assert.match(
    fixText,
    /; {3}reg export "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1\.2\\Client" backup-1-schannelTls12Client\.reg \/y/,
  );
  assert.ok(fixText.includes(r.undo.fileName));
  assert.match(fixText, /NULLA VIENE APPLICATO AUTOMATICAMENTE/);
  assert.match(fixText, /; Computer: Windows 7 SP1 · x64/);
  assert.match(fixText, /WinHTTP \(vista nativa\): DefaultSecureProtocols era assente, diventa 0x00000800 \(2048\)/);
  assert.doesNotMatch(fixText, /\\Server\]/);
  assert.doesNotMatch(fixText, /"Enabled"=dword:00000000/);
  const undo = parseReg(decode(r.undo));
  assert.deepEqual([...undo.keys()], [...fix.keys()]);
  for (const [k, values] of fix) for (const name of values.keys()) assert.equal(undo.get(k)?.get(name), '-', `${k} ${name}`);
  assert.ok(r.notes.some((n) => /KB3140245 non risulta installato/.test(n.it)));
});

test('WinHTTP: a value with the TLS 1.2 bit is left alone, 0x80 becomes 0x880 (bits kept); the undo puts back 0x80', () => {
  const w = win7Tls({ kb3140245: true, winhttp: { defaultSecureProtocols64: 0xa80, defaultSecureProtocols32: 0x80 } });
  const r = ready(renderRegFixFiles(win7Report(w)));
  const fixText = decode(r.fix);
  const fix = parseReg(fixText);
  assert.equal(fix.has(WH64), false, '0xA80 already has TLS 1.2');
  assert.equal(fix.get(WH32)?.get('DefaultSecureProtocols'), 'dword:00000880');
  assert.match(fixText, /era 0x00000080 \(128\), diventa 0x00000880 \(2176\)/);
  const undo = parseReg(decode(r.undo));
  assert.equal(undo.get(WH32)?.get('DefaultSecureProtocols'), 'dword:00000080');
  assert.ok(!r.notes.some((n) => /KB3140245/.test(n.it)), 'KB installed: no KB note');
});

test('Enabled=0 set by someone: Enabled=1 and DisabledByDefault=0; the undo restores both', () => {
  const w = win7Tls();
  w.schannel['TLS 1.2'] = { enabled: 0, disabledByDefault: 1, effective: 'disabled', decidedBy: 'registry' };
  const r = ready(renderRegFixFiles(win7Report(w)));
  const fixText = decode(r.fix);
  assert.match(fixText, /SCHANNEL TLS 1\.2 lato client: Enabled era 0x00000000 \(0\), diventa 0x00000001 \(1\)/);
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
    assert.equal(parseReg(s).get(WH64)?.get('DefaultSecureProtocols'), f === r.fix ? 'dword:00000800' : '-');
  }
  assert.ok(r.notes.some((n) => /32 bit/.test(n.it)));
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

test('nothing to write: fixed Windows 7, Windows 10/11, macOS, XP, Vista, no inventory — each says why', () => {
  const plain = (os: OsInfo, windows?: WindowsTls) =>
    buildReport({ inventory: inventory(os, windows ? { windows } : {}), accounts: null, endpoints: [], context: context(), now: NOW });
  const cases: [Report, RegExp][] = [
    [win7Report(win7TlsFixed()), /già quelle giuste/],
    [plain(OS.win10, win10Tls()), /già quelle giuste/],
    [plain(OS.win11, win10Tls()), /già quelle giuste/],
    [plain(OS.mac14), /non usa Windows/],
    [plain(OS.xp, win7Tls()), /Windows XP SP3 nessuna chiave/],
    [plain(OS.vista, win7Tls()), /Windows Vista SP2 nessuna chiave/],
    [buildReport({ inventory: null, accounts: null, endpoints: [], context: context(), now: NOW }), /non contiene i dati/],
  ];
  for (const [report, re] of cases) {
    const r = renderRegFixFiles(report);
    assert.equal(r.status, 'not-needed');
    if (r.status === 'not-needed') assert.match(r.reason.it, re);
  }
});

test('Windows 10 hardened (Enabled=0 on TLS 1.0, 1.1 and 1.2): only TLS 1.2 comes back, never 1.0/1.1, no WinHTTP', () => {
  const w = win10Tls();
  for (const p of ['TLS 1.0', 'TLS 1.1', 'TLS 1.2'] as const)
    w.schannel[p] = { enabled: 0, disabledByDefault: 1, effective: 'disabled', decidedBy: 'registry' };
  const report = buildReport({
    inventory: inventory(OS.win10, { windows: w }),
    accounts: null,
    endpoints: [],
    context: context(),
    now: NOW,
  });
  const plan = planRegFix(report);
  assert.ok(!('notNeeded' in plan));
  if (!('notNeeded' in plan))
    assert.deepEqual(
      plan.values.map((v) => `${v.key} ${v.name} ${v.after}`),
      ['schannelTls12Client Enabled 1', 'schannelTls12Client DisabledByDefault 0'],
    );
  const fixText = decode(ready(renderRegFixFiles(report)).fix);
  assert.doesNotMatch(fixText, /TLS 1\.[01]/);
});

test('a forged report cannot plant a key: CR, LF, U+2028, [HKEY…] and quotes in every string field give only the expected lines', () => {
  const evil =
    '\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run]\r\n"X"="C:\\\\Users\\\\Public\\\\x.exe"\u2028\r"Y"=-\n';
  const base = win7Report(win7Tls());
  const forged = JSON.parse(JSON.stringify(base)) as Report & Record<string, unknown>;
  forged.inventory!.os.name = `Windows 7${evil}`;
  forged.inventory!.os.version = `6.1.7601${evil}`;
  forged.inventory!.os.arch = `x64${evil}`;
  forged.inventory!.os.edition = evil;
  forged.app = { ...forged.app, version: `0.1.0${evil}` };
  forged.caseCode = `PEC-AAA-BBB${evil}`;
  forged.createdAt = `Nov 23 2026 (${evil})`;
  (forged.inventory!.windows!.winhttp as Record<string, unknown>).defaultSecureProtocols64 = `0x800${evil}`;
  const r = renderRegFixFiles(forged, 'x.reg');
  const texts = r.status === 'ready' ? [decode(r.fix), decode(r.undo)] : [];
  for (const t of texts) {
    for (const line of t.split('\r\n')) {
      assert.ok(
        line === '' ||
          line.startsWith(';') ||
          line === 'Windows Registry Editor Version 5.00' ||
          [`[${SCH}\\TLS 1.2\\Client]`, `[${WH64}]`, `[${WH32}]`].includes(line) ||
          /^"(Enabled|DisabledByDefault|DefaultSecureProtocols)"=(dword:[0-9a-f]{8}|-)$/.test(line),
        `unexpected line ${JSON.stringify(line)}`,
      );
    }
    assert.doesNotMatch(t, /CurrentVersion\\Run|x\.exe|"X"|"Y"/);
    assert.doesNotMatch(t, /[\u2028\u2029]/);
  }
  assert.equal(r.status, 'ready', 'the forged text is dropped, the fix is still made from the typed values');
  assert.equal(regFixStem(forged), regFixStem({ ...forged, caseCode: undefined } as Report), 'a forged case code never names the file');
  assert.throws(() => assertRegLines(['Windows Registry Editor Version 5.00', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Evil]']), /refused/);
  assert.throws(() => assertRegLines(['Windows Registry Editor Version 5.00', '"Enabled"="1"']), /refused/);
});

test('undo file names', () => {
  assert.equal(undoFileName('tls12.reg'), 'tls12-annulla.reg');
  assert.equal(undoFileName('C:\\x\\Correzione.REG'), 'C:\\x\\Correzione-annulla.reg');
  assert.equal(undoFileName('fix'), 'fix-annulla.reg');
});

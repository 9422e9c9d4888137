import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  parseRegQuery,
  splitValueLine,
  recordedRegistry,
  windowsRegistry,
  utf16leString,
  regNumber,
  regString,
  regValue,
  normalizeRegPath,
  RegistryError,
  type RegValue,
} from '../../../src/platform/registry';
import type { Exec, ExecResult } from '../../../src/platform/exec';

const crlf = (s: string) => s.replace(/\n/g, '\r\n');

// `reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion"` (no /s), Windows 7, trimmed.
const CURRENT_VERSION = crlf(`
HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion
    CurrentVersion    REG_SZ    6.1
    CurrentBuild    REG_SZ    7601
    CSDVersion    REG_SZ    Service Pack 1
    ProductName    REG_SZ    Windows 7 Professional
    InstallDate    REG_DWORD    0x5a1c2b3d
    DigitalProductId    REG_BINARY    A40000000300000030303334
    PathName    REG_SZ    C:\\Windows
    SystemRoot    REG_SZ    C:\\Windows
    EmptyOne    REG_SZ    

HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Accessibility
HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\AeDebug
HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon
`);

test('parses one key with its values and its subkeys (reg query without /s)', () => {
  const r = parseRegQuery(CURRENT_VERSION, 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion');
  assert.equal(r.keys.length, 1);
  const key = r.keys[0];
  assert.equal(key.path, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion');
  assert.deepEqual(regValue(key, 'currentbuild'), { name: 'CurrentBuild', type: 'REG_SZ', raw: '7601', value: '7601' });
  assert.equal(regValue(key, 'InstallDate')?.value, 0x5a1c2b3d);
  assert.deepEqual(regValue(key, 'DigitalProductId')?.value, Uint8Array.from([0xa4, 0, 0, 0, 3, 0, 0, 0, 0x30, 0x30, 0x33, 0x34]));
  assert.equal(regValue(key, 'EmptyOne')?.value, '');
  assert.deepEqual(r.subkeys, [
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Accessibility',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\AeDebug',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon',
  ]);
  // the same without telling the parser what was queried
  const guess = parseRegQuery(CURRENT_VERSION);
  assert.equal(guess.keys.length, 1);
  assert.equal(guess.subkeys.length, 3);
});

test('a key without values: reg.exe lists only its subkeys', () => {
  const out = crlf(`
HKEY_LOCAL_MACHINE\\SOFTWARE\\Mozilla\\Mozilla Thunderbird\\115.8.0 (x64 it)
HKEY_LOCAL_MACHINE\\SOFTWARE\\Mozilla\\Mozilla Thunderbird\\115.8.0 (x64 it)\\Main
`);
  const r = parseRegQuery(out, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Mozilla\\Mozilla Thunderbird\\115.8.0 (x64 it)');
  assert.deepEqual(r.subkeys, ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Mozilla\\Mozilla Thunderbird\\115.8.0 (x64 it)\\Main']);
});

// `reg query "HKCR\Outlook.Application" /s` on Italian Windows.
const ITALIAN_TREE = crlf(`
HKEY_CLASSES_ROOT\\Outlook.Application
    (Predefinito)    REG_SZ    Microsoft Outlook 14.0 Object Library

HKEY_CLASSES_ROOT\\Outlook.Application\\CLSID
    (Predefinito)    REG_SZ    {0006F03A-0000-0000-C000-000000000046}

HKEY_CLASSES_ROOT\\Outlook.Application\\CurVer
    (Predefinito)    REG_SZ    Outlook.Application.14

HKEY_CLASSES_ROOT\\Outlook.Application\\Empty

`);

test('/s trees, Italian "(Predefinito)" default value names', () => {
  const r = parseRegQuery(ITALIAN_TREE);
  assert.deepEqual(
    r.keys.map((k) => k.path),
    [
      'HKEY_CLASSES_ROOT\\Outlook.Application',
      'HKEY_CLASSES_ROOT\\Outlook.Application\\CLSID',
      'HKEY_CLASSES_ROOT\\Outlook.Application\\CurVer',
      'HKEY_CLASSES_ROOT\\Outlook.Application\\Empty',
    ],
  );
  assert.equal(regValue(r.keys[2], '')?.value, 'Outlook.Application.14');
  assert.equal(r.keys[2].values[0].name, '');
  assert.deepEqual(r.subkeys, []);
});

test('MULTI_SZ, QWORD, EXPAND_SZ, unset default', () => {
  const out = crlf(`
HKEY_LOCAL_MACHINE\\SOFTWARE\\Test
    (Default)    REG_SZ    (value not set)
    List    REG_MULTI_SZ    uno\\0due\\0tre
    Big    REG_QWORD    0x1d2a3b4c5d6e7
    Dir    REG_EXPAND_SZ    %ProgramFiles%\\Mozilla Thunderbird
    Hex    REG_DWORD    0xffffffff
`);
  const [key] = parseRegQuery(out).keys;
  assert.equal(regValue(key, ''), undefined);
  assert.deepEqual(regValue(key, 'List')?.value, ['uno', 'due', 'tre']);
  assert.equal(regValue(key, 'Big')?.value, 0x1d2a3b4c5d6e7);
  assert.equal(regValue(key, 'Dir')?.value, '%ProgramFiles%\\Mozilla Thunderbird');
  assert.equal(regValue(key, 'Hex')?.value, 4294967295);
  assert.equal(regValue(key, 'Hex')?.raw, '0xffffffff');
});

test('Outlook MAPI strings: REG_BINARY UTF-16LE with trailing NUL; ports as DWORD or binary', () => {
  // "Account Name" = "PEC Città" as Outlook 2010 writes it
  const hex = Buffer.from('PEC Città\u0000', 'utf16le').toString('hex').toUpperCase();
  const out = crlf(`
HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook\\9375CFF0413111d3B88A00104B2A6676\\00000002
    Account Name    REG_BINARY    ${hex}
    IMAP Port    REG_DWORD    0x3e1
    SMTP Port    REG_BINARY    D1010000
    Odd    REG_BINARY    500045004300
`);
  const [key] = parseRegQuery(out).keys;
  assert.equal(utf16leString(regValue(key, 'Account Name')!.value as Uint8Array), 'PEC Città');
  assert.equal(regString(regValue(key, 'Account Name')), 'PEC Città');
  assert.equal(utf16leString(regValue(key, 'Odd')!.value as Uint8Array), 'PEC'); // no NUL at the end
  assert.equal(regNumber(regValue(key, 'IMAP Port')), 993);
  assert.equal(regNumber(regValue(key, 'SMTP Port')), 465);
  assert.equal(regNumber(undefined), null);
  const sz: RegValue = { name: 'x', type: 'REG_SZ', raw: '587', value: '587' };
  assert.equal(regNumber(sz), 587);
  assert.equal(regNumber({ ...sz, raw: 'abc', value: 'abc' }), null);
});

test('path normalization', () => {
  assert.equal(normalizeRegPath('hklm\\Software\\X\\'), 'HKEY_LOCAL_MACHINE\\Software\\X');
  assert.equal(normalizeRegPath('HKCU'), 'HKEY_CURRENT_USER');
});

function fakeExec(answer: Partial<ExecResult>, calls: { file: string; args: string[] }[] = []): Exec {
  return async (file, args) => {
    calls.push({ file, args });
    return { ok: false, stdout: '', stderr: '', code: 1, error: null, command: [file, ...args].join(' '), ...answer };
  };
}

test('windowsRegistry: arguments, success, not found in English and Italian, denied, missing reg.exe', async () => {
  const calls: { file: string; args: string[] }[] = [];
  let reg = windowsRegistry({ exec: fakeExec({ ok: true, code: 0, stdout: CURRENT_VERSION }, calls), regExe: 'reg.exe' });
  const got = await reg.readKey('HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion', 64);
  assert.deepEqual(calls[0], { file: 'reg.exe', args: ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion', '/reg:64'] });
  assert.equal(regValue(got!.key, 'ProductName')?.value, 'Windows 7 Professional');
  assert.equal(got!.subkeys.length, 3);
  await reg.readTree('HKCR\\Outlook.Application', 32);
  assert.deepEqual(calls[1].args, ['query', 'HKCR\\Outlook.Application', '/reg:32', '/s']);

  reg = windowsRegistry({
    exec: fakeExec({ stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' }),
    regExe: 'reg',
  });
  assert.equal(await reg.readKey('HKLM\\SOFTWARE\\Nope'), null);
  assert.deepEqual(await reg.readTree('HKLM\\SOFTWARE\\Nope'), []);

  reg = windowsRegistry({
    exec: fakeExec({ stderr: 'ERRORE: Impossibile trovare la chiave o il valore del Registro di sistema specificato.\r\n' }),
    regExe: 'reg',
  });
  assert.equal(await reg.readKey('HKLM\\SOFTWARE\\Nope'), null);

  reg = windowsRegistry({ exec: fakeExec({ stderr: 'ERRORE: Accesso negato.\r\n' }), regExe: 'reg' });
  await assert.rejects(
    reg.readKey('HKLM\\SECURITY'),
    (e: unknown) => e instanceof RegistryError && e.reason === 'denied' && /Accesso negato/.test(e.raw),
  );

  reg = windowsRegistry({ exec: fakeExec({ code: null, error: 'not found: reg' }), regExe: 'reg' });
  await assert.rejects(reg.readKey('HKLM\\SOFTWARE'), (e: unknown) => e instanceof RegistryError && e.reason === 'unavailable');

  reg = windowsRegistry({ exec: fakeExec({ code: null, error: 'timeout after 15000 ms' }), regExe: 'reg' });
  await assert.rejects(reg.readTree('HKLM\\SOFTWARE'), (e: unknown) => e instanceof RegistryError && e.reason === 'timeout');

  reg = windowsRegistry({ exec: fakeExec({ code: 1, stderr: 'ERROR: Invalid syntax.\r\n' }), regExe: 'reg' });
  await assert.rejects(reg.readKey('HKLM\\SOFTWARE'), (e: unknown) => e instanceof RegistryError && e.reason === 'failed');
});

test('windowsRegistry keeps a partial /s tree when one subkey is denied', async () => {
  const reg = windowsRegistry({ exec: fakeExec({ code: 1, stdout: ITALIAN_TREE, stderr: 'ERRORE: Accesso negato.\r\n' }), regExe: 'reg' });
  const keys = await reg.readTree('HKCR\\Outlook.Application');
  assert.equal(keys.length, 4);
});

test('recordedRegistry: merged files, views, subkeys, parents, denied keys, cp850 and UTF-16 files', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pecdoc-reg-'));
  try {
    fs.writeFileSync(path.join(dir, 'classes.txt'), ITALIAN_TREE);
    fs.writeFileSync(
      path.join(dir, 'cv.txt'),
      Buffer.from(
        crlf(`
HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion
    RegisteredOrganization    REG_SZ    Studio Città
`),
        'latin1',
      ).map((b) => (b === 0xe0 ? 0x85 : b)),
    ); // "à" written as cp850 0x85, as reg.exe pipes it
    fs.mkdirSync(path.join(dir, 'wow32'));
    fs.writeFileSync(
      path.join(dir, 'wow32', 'tb.txt'),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(
          crlf(`
HKEY_LOCAL_MACHINE\\SOFTWARE\\Mozilla\\Mozilla Thunderbird
    CurrentVersion    REG_SZ    52.9.1 (it)
`),
          'utf16le',
        ),
      ]),
    );
    fs.writeFileSync(path.join(dir, 'denied.txt'), 'HKLM\\SOFTWARE\\Secret\n');
    const reg = recordedRegistry(dir);
    const cv = await reg.readKey('HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion');
    assert.equal(regValue(cv!.key, 'RegisteredOrganization')?.value, 'Studio Città');
    const root = await reg.readKey('hkcr\\outlook.application');
    assert.equal(root!.key.path, 'HKEY_CLASSES_ROOT\\Outlook.Application');
    assert.deepEqual(
      root!.subkeys.map((s) => s.split('\\').pop()),
      ['CLSID', 'CurVer', 'Empty'],
    );
    const parent = await reg.readKey('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft');
    assert.deepEqual(parent!.key.values, []);
    assert.equal(await reg.readKey('HKLM\\SOFTWARE\\Mozilla\\Mozilla Thunderbird', 64), null);
    const tb = await reg.readKey('HKLM\\SOFTWARE\\Mozilla\\Mozilla Thunderbird', 32);
    assert.equal(regValue(tb!.key, 'CurrentVersion')?.value, '52.9.1 (it)');
    assert.equal((await reg.readTree('HKCR\\Outlook.Application')).length, 4);
    assert.deepEqual(await reg.readTree('HKCR\\Nope'), []);
    await assert.rejects(reg.readKey('HKLM\\SOFTWARE\\Secret\\Sub'), (e: unknown) => e instanceof RegistryError && e.reason === 'denied');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('windowsRegistry reports a /reg:32 key under the path that was asked, even if reg.exe printed Wow6432Node', async () => {
  const out = crlf(`
HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Mozilla\\Mozilla Thunderbird
    CurrentVersion    REG_SZ    52.9.1 (x86 it)

HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Mozilla\\Mozilla Thunderbird\\52.9.1 (x86 it)
`);
  const reg = windowsRegistry({ exec: fakeExec({ ok: true, code: 0, stdout: out }), regExe: 'reg' });
  const r = await reg.readKey('HKLM\\SOFTWARE\\Mozilla\\Mozilla Thunderbird', 32);
  assert.equal(regValue(r!.key, 'CurrentVersion')?.value, '52.9.1 (x86 it)');
  assert.deepEqual(r!.subkeys, ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Mozilla\\Mozilla Thunderbird\\52.9.1 (x86 it)']);
  // asked explicitly for Wow6432Node: left alone
  const direct = await reg.readKey('HKLM\\SOFTWARE\\Wow6432Node\\Mozilla\\Mozilla Thunderbird', 32);
  assert.equal(regValue(direct!.key, 'CurrentVersion')?.value, '52.9.1 (x86 it)');
});

// Windows XP's reg.exe 3.0: banner, tab-separated fields, "<NO NAME>" for the unnamed value,
// and (some captures) a blank line between a key's header and its values.
const XP_QUERY = crlf(`
! REG.EXE VERSION 3.0

HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE
    <NO NAME>\tREG_SZ\tC:\\Programmi\\Microsoft Office\\OFFICE11\\OUTLOOK.EXE
    Path\tREG_SZ\tC:\\Programmi\\Microsoft Office\\OFFICE11\\
    Empty\tREG_SZ\t
    Count\tREG_DWORD\t0x18

HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE\\Sub

    Inner Name\tREG_MULTI_SZ\ta\\0b\\0\\0
`);

test('Windows XP layout (reg.exe 3.0): banner ignored, tabs, <NO NAME>, values after a blank line', () => {
  const { keys, subkeys } = parseRegQuery(XP_QUERY);
  assert.deepEqual(subkeys, []);
  assert.equal(keys.length, 2);
  assert.deepEqual(
    keys[0].values.map((v) => [v.name, v.type, v.value]),
    [
      ['', 'REG_SZ', 'C:\\Programmi\\Microsoft Office\\OFFICE11\\OUTLOOK.EXE'],
      ['Path', 'REG_SZ', 'C:\\Programmi\\Microsoft Office\\OFFICE11\\'],
      ['Empty', 'REG_SZ', ''],
      ['Count', 'REG_DWORD', 24],
    ],
  );
  assert.deepEqual(
    keys[1].values.map((v) => [v.name, v.value]),
    [['Inner Name', ['a', 'b']]],
  );
  // The same key in the Vista+ layout parses to the same values.
  const vista = parseRegQuery(
    XP_QUERY.replace(/^! REG.*\r\n/m, '')
      .replace(/\t/g, '    ')
      .replace('<NO NAME>', '(Default)'),
  );
  assert.deepEqual(
    vista.keys.map((k) => k.values.map((v) => [v.name, v.value])),
    keys.map((k) => k.values.map((v) => [v.name, v.value])),
  );
});

test('Windows XP layout through windowsRegistry: readKey with the banner and subkeys', async () => {
  const out = crlf(`
! REG.EXE VERSION 3.0

HKEY_CLASSES_ROOT\\Outlook.Application\\CurVer
    <NO NAME>\tREG_SZ\tOutlook.Application.11

HKEY_CLASSES_ROOT\\Outlook.Application\\CurVer\\Child
`);
  const exec: Exec = async (file, args) => ({
    ok: true,
    stdout: out,
    stderr: '',
    code: 0,
    error: null,
    command: [file, ...args].join(' '),
  });
  const r = await windowsRegistry({ exec, regExe: 'reg' }).readKey('HKCR\\Outlook.Application\\CurVer');
  assert.equal(regString(regValue(r!.key, '')), 'Outlook.Application.11');
  assert.deepEqual(r!.subkeys, ['HKEY_CLASSES_ROOT\\Outlook.Application\\CurVer\\Child']);
});

test('Windows XP output whose tabs became spaces (8-column stops, a single space where a name reaches a stop): values kept', () => {
  const tabbed = crlf(`
! REG.EXE VERSION 3.0

HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion
    CurrentBuild\tREG_SZ\t1.511.1 () (Obsolete data - do not use)
    ProductName\tREG_SZ\tMicrosoft Windows XP
    RegDone\tREG_SZ\t
    InstallDate\tREG_DWORD\t0x4a5f1c3e
    CSDVersion\tREG_SZ\tService Pack 3
    <NO NAME>\tREG_SZ\tx
`);
  // What `expand -t 8` (or a console copy) makes of it.
  const spaced = tabbed
    .split('\r\n')
    .map((line) => {
      let out = '';
      for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
      return out;
    })
    .join('\r\n');
  assert.match(spaced, /\n {4}ProductName REG_SZ {2}Microsoft Windows XP\r/);
  const values = (text: string) => parseRegQuery(text).keys[0].values.map((v) => [v.name, v.type, v.value]);
  assert.deepEqual(values(spaced), values(tabbed));
  assert.deepEqual(values(spaced), [
    ['CurrentBuild', 'REG_SZ', '1.511.1 () (Obsolete data - do not use)'],
    ['ProductName', 'REG_SZ', 'Microsoft Windows XP'],
    ['RegDone', 'REG_SZ', ''],
    ['InstallDate', 'REG_DWORD', 0x4a5f1c3e],
    ['CSDVersion', 'REG_SZ', 'Service Pack 3'],
    ['', 'REG_SZ', 'x'],
  ]);
  // The strict layout is still read exactly (data keeps its own inner spacing).
  assert.deepEqual(splitValueLine('    User Agent    REG_SZ    Mozilla/4.0  (x)'), {
    name: 'User Agent',
    type: 'REG_SZ',
    data: 'Mozilla/4.0  (x)',
  });
  assert.deepEqual(splitValueLine('    Name      REG_SZ  data'), { name: 'Name', type: 'REG_SZ', data: 'data' });
  assert.equal(splitValueLine('    just some text'), null);
});

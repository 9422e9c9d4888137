// The undo file: the .reg format fix-reg writes, and a reader that refuses anything else.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseUndoFile, regFileBytes, regLines, UndoFileError } from '../../../src/repair/reg-file';

const SCH = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client';
const WOW = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';

test('written as regedit does: header, UTF-16LE BOM, CRLF, dword:xxxxxxxx and deletes; read back the same', () => {
  const values = [
    { key: 'schannelTls12Client' as const, name: 'Enabled' as const, value: null },
    { key: 'winhttpWow64' as const, name: 'DefaultSecureProtocols' as const, value: 0xa0 },
  ];
  const bytes = regFileBytes(regLines(values, ['commento']));
  assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
  const text = bytes.subarray(2).toString('utf16le');
  assert.equal(
    text,
    `Windows Registry Editor Version 5.00\r\n\r\n; commento\r\n\r\n[${SCH}]\r\n"Enabled"=-\r\n\r\n[${WOW}]\r\n"DefaultSecureProtocols"=dword:000000a0\r\n\r\n`,
  );
  assert.deepEqual(parseUndoFile(bytes), values);
  // a UTF-8 copy (an editor saved it) is read the same
  assert.deepEqual(parseUndoFile(Buffer.from(text, 'utf8')), values);
});

const refused = (body: string, why: RegExp) => {
  const file = Buffer.from(`Windows Registry Editor Version 5.00\r\n\r\n${body}\r\n`, 'utf8');
  assert.throws(
    () => parseUndoFile(file),
    (e: unknown) => e instanceof UndoFileError && why.test(e.text.it),
  );
};

test('anything the app would not have written is refused', () => {
  refused('[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run]\r\n"x"=dword:00000001', /chiave non prevista/);
  refused(`[-${SCH}]`, /non cancella chiavi/);
  refused(`[${SCH}]\r\n"Enabled"="1"`, /solo valori DWORD/);
  refused(`[${SCH}]\r\n"Enabled"=hex:01,00,00,00`, /solo valori DWORD/);
  refused(`[${SCH}]\r\n"Enabled"=dword:00000001\\\r\n  00`, /righe spezzate/);
  refused(`[${SCH}]\r\n"Debugger"=dword:00000001`, /non previsto/);
  refused(`[${SCH}]\r\n"DefaultSecureProtocols"=dword:00000800`, /non previsto in questa chiave/);
  refused(`[${SCH}]\r\n"Enabled"=dword:00000001\r\n"Enabled"=-`, /ripetuto/);
  refused(`"Enabled"=dword:00000001`, /fuori da una chiave/);
  refused(`[${SCH}]\r\n@=dword:00000001`, /solo valori DWORD/);
  assert.throws(() => parseUndoFile(Buffer.from('REGEDIT4\r\n', 'utf8')), /header/);
  assert.throws(() => parseUndoFile(Buffer.from('Windows Registry Editor Version 5.00\r\n', 'utf8')), /no value/);
});

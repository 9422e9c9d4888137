import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { regFixBuffer } from '../../../src/diagnosis/reg-fix';

test('the .reg fix is UTF-16LE with BOM, CRLF, REGEDIT5 header, and sets the documented values', () => {
  const buf = regFixBuffer('9.9.9', '2026-11-23T10:00:00Z');
  assert.deepEqual([...buf.subarray(0, 2)], [0xff, 0xfe]);
  const body = buf.subarray(2).toString('utf16le');
  assert.ok(body.startsWith('Windows Registry Editor Version 5.00\r\n'));
  assert.doesNotMatch(body.replace(/\r\n/g, ''), /[\r\n]/, 'every line ends with CRLF');
  const lines = body.split('\r\n');
  const section = (key: string) => {
    const i = lines.indexOf(`[${key}]`);
    assert.ok(i >= 0, key);
    const out: string[] = [];
    for (let k = i + 1; k < lines.length && lines[k].startsWith('"'); k++) out.push(lines[k]);
    return out;
  };
  const schannel = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
  for (const v of ['TLS 1.1', 'TLS 1.2']) assert.deepEqual(section(`${schannel}\\${v}\\Client`), ['"Enabled"=dword:00000001', '"DisabledByDefault"=dword:00000000']);
  for (const root of ['HKEY_LOCAL_MACHINE\\SOFTWARE', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node']) {
    assert.deepEqual(section(`${root}\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp`), ['"DefaultSecureProtocols"=dword:00000a00']);
    assert.deepEqual(section(`${root}\\Microsoft\\.NETFramework\\v4.0.30319`), ['"SchUseStrongCrypto"=dword:00000001', '"SystemDefaultTlsVersions"=dword:00000001']);
  }
  // Comments explain, and nothing disables a protocol or touches the server side.
  assert.ok(lines.filter((l) => l.startsWith(';')).length >= 5);
  assert.doesNotMatch(body, /\\Server\]/);
  assert.doesNotMatch(body, /"Enabled"=dword:00000000/);
  assert.match(body, /PEC Doctor 9\.9\.9/);
});

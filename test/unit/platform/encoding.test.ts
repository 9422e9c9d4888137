import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeConsole, decodeCp850, decodeRecorded } from '../../../src/platform/encoding';

test('cp850: Italian accented letters', () => {
  // à è é ì ò ù È in code page 850
  assert.equal(decodeCp850(Uint8Array.from([0x85, 0x8a, 0x82, 0x8d, 0x95, 0x97, 0xd4])), 'àèéìòùÈ');
});

test('console output: UTF-8 stays UTF-8, cp850 is decoded as cp850, ASCII is ASCII', () => {
  assert.equal(decodeConsole(Buffer.from('Città', 'utf8')), 'Città');
  assert.equal(decodeConsole(Uint8Array.from([0x43, 0x69, 0x74, 0x74, 0x85])), 'Città');
  assert.equal(decodeConsole(Buffer.from('ERROR: x', 'latin1')), 'ERROR: x');
});

test('recorded files: UTF-16LE with BOM (reg export, PowerShell >) and UTF-8 with BOM', () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('HKEY_CURRENT_USER\\Città', 'utf16le')]);
  assert.equal(decodeRecorded(utf16), 'HKEY_CURRENT_USER\\Città');
  assert.equal(decodeRecorded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('è', 'utf8')])), 'è');
});

test('console output in UTF-16LE (with or without BOM) is recognised', () => {
  assert.equal(decodeConsole(Buffer.from('\r\r\ndisplayName=Avast Antivirus\r\r\n', 'utf16le')), '\r\r\ndisplayName=Avast Antivirus\r\r\n');
  assert.equal(decodeConsole(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Città', 'utf16le')])), 'Città');
  // cp850 text with an odd NUL here and there is not mistaken for UTF-16
  assert.equal(decodeConsole(Uint8Array.from([0x41, 0x00, 0x85, 0x42])), 'A\u0000àB');
});

// Every row of the providers' requirement tables: the evidence at the minimum passes, the
// evidence just below fails (through the same functions the rules use).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  MAIL_CLIENT_REQUIREMENTS,
  RUNTIME_REQUIREMENTS,
  WEBMAIL_REQUIREMENTS,
  checkWebmailBrowser,
  macosVersion,
  osWithin,
  webmailOsOf,
} from '../../../src/diagnosis/requirements';
import { windowsFamily } from '../../../src/diagnosis/windows-family';

/** The client line of the Windows family model (src/diagnosis/windows-family.ts), which replaced windowsRelease(). */
const windowsRelease = (os: Parameters<typeof windowsFamily>[0]) => windowsFamily(os)?.release ?? null;
import { atLeast } from '../../../src/diagnosis/versions';
import { OS } from './evidence';

/** A version just below a minimum: 45.6 → 45.5, 11 → 10, 31.3.0 → 31.2.0, 4.4.2 → 4.4.1. */
function below(min: string): string {
  const parts = min.split('.').map(Number);
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i] > 0) {
      parts[i] -= 1;
      return parts.join('.');
    }
  }
  throw new Error(`no version below ${min}`);
}

test('windows releases are told apart from NT version, build and name', () => {
  assert.equal(windowsRelease(OS.xp), 'xp');
  assert.equal(windowsRelease(OS.vista), 'vista');
  assert.equal(windowsRelease(OS.win7), '7');
  assert.equal(windowsRelease(OS.win80), '8.0');
  assert.equal(windowsRelease(OS.win81), '8.1');
  assert.equal(windowsRelease(OS.win10), '10');
  assert.equal(windowsRelease(OS.win11), '11');
  assert.equal(windowsRelease({ ...OS.win7, version: null, build: null }), '7', 'from the name');
  assert.equal(windowsRelease({ ...OS.win7, version: null, name: null, build: '7601' }), '7', 'from the build');
  assert.equal(windowsRelease(OS.debian), null);
  assert.equal(macosVersion(OS.mac1012), '10.12.6');
  assert.equal(macosVersion({ ...OS.mac1012, version: null }), '10.12');
  assert.equal(macosVersion(OS.win10), null);
});

test('mail client table: every row, at the minimum and below it', () => {
  assert.equal(MAIL_CLIENT_REQUIREMENTS.length, 6);
  for (const row of MAIL_CLIENT_REQUIREMENTS) {
    assert.ok(row.sources.length > 0, row.key);
    if (row.minClient) {
      assert.equal(atLeast(row.minClient, row.minClient), true, row.key);
      assert.equal(atLeast(below(row.minClient), row.minClient), false, row.key);
    }
    if (row.os.min) {
      assert.equal(osWithin(row.os.min, row.os), true, `${row.key} at min OS`);
      assert.equal(osWithin(below(row.os.min), row.os), false, `${row.key} below min OS`);
    }
    if (row.os.max) {
      assert.equal(osWithin(`${row.os.max}.6`, row.os), true, `${row.key} at max OS (any patch)`);
      const [maj, min] = row.os.max.split('.').map(Number);
      assert.equal(osWithin(`${maj}.${min + 1}`, row.os), false, `${row.key} above max OS`);
    }
    if (!row.os.min && !row.os.max) assert.equal(osWithin(null, row.os), true);
  }
  const outlook = MAIL_CLIENT_REQUIREMENTS.find((r) => r.key === 'outlook');
  assert.equal(outlook?.needsSchannelTls12BeforeWindows8, true);
});

test('webmail table: every row, at the minimum and below it', () => {
  assert.equal(WEBMAIL_REQUIREMENTS.length, 23);
  for (const row of WEBMAIL_REQUIREMENTS) {
    const osVersion = row.minOs;
    for (const b of row.browsers) {
      const id = b === '*' ? 'any-browser' : b;
      if (row.minBrowser === null) {
        assert.equal(checkWebmailBrowser(row.os, osVersion, id, '1').status, 'ok', `${row.os} ${b}`);
        continue;
      }
      assert.equal(checkWebmailBrowser(row.os, osVersion, id, row.minBrowser).status, 'ok', `${row.os} ${b} ${row.minBrowser}`);
      assert.equal(
        checkWebmailBrowser(row.os, osVersion, id, below(row.minBrowser)).status,
        'too-old',
        `${row.os} ${b} below ${row.minBrowser}`,
      );
    }
    if (row.minOs && row.os !== 'windows-phone') {
      const r = checkWebmailBrowser(row.os, below(row.minOs), row.browsers[0] === '*' ? 'x' : row.browsers[0], '999');
      assert.equal(r.status, 'not-supported', `${row.os} below ${row.minOs}`);
    }
  }
  // The notes under the table.
  assert.equal(checkWebmailBrowser('windows-xp', null, 'ie', '8').status, 'not-supported');
  assert.equal(checkWebmailBrowser('windows-xp', null, 'opera', '36').status, 'not-supported');
  assert.equal(checkWebmailBrowser('windows-8.0', null, 'ie', '11').status, 'not-supported');
  // Issue #19: Chrome brings its own TLS; the Windows 7 minimum holds on Windows 8 (inferred row).
  assert.equal(checkWebmailBrowser('windows-8.0', null, 'chrome', '109').status, 'ok');
  assert.equal(checkWebmailBrowser('windows-7', null, 'firefox', '45.0').status, 'ok');
  assert.equal(checkWebmailBrowser('windows-7', null, 'firefox', '44.0').status, 'too-old');
  assert.equal(checkWebmailBrowser('windows-7', null, 'firefox-esr', '31.3.0').status, 'ok');
  assert.equal(checkWebmailBrowser('windows-7', null, 'chrome', null).status, 'unknown');
  assert.equal(checkWebmailBrowser('linux', null, 'chromium', '36').status, 'too-old');
  assert.equal(webmailOsOf(OS.win11), 'windows-10');
  assert.equal(webmailOsOf(OS.vista), null);
});

test('integration runtimes table: every row', () => {
  const cases: Record<string, [string, string]> = { java: ['1.8.0', '1.7.0_80'], openssl: ['1.0.1h', '1.0.1g'], dotnet: ['4.6', '4.5.2'] };
  assert.equal(RUNTIME_REQUIREMENTS.length, 3);
  for (const row of RUNTIME_REQUIREMENTS) {
    const [ok, old] = cases[row.id];
    assert.equal(atLeast(ok, row.minimum, row.kind), true, row.id);
    assert.equal(atLeast(old, row.minimum, row.kind), false, row.id);
  }
});

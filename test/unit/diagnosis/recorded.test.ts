// The rules on machines recorded by the inventory (test/fixtures/inventory, read through the
// inventory's own recorded source): what a lawyer's office would see, machine part only.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { collectInventory, recordedSource } from '../../../src/inventory/index';
import { evaluateRules } from '../../../src/diagnosis/rules/index';
import { sortFindings } from '../../../src/diagnosis/verdict';
import { assess } from '../../../src/diagnosis/run';
import { context } from './evidence';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'inventory');

const EXPECTED: Record<string, string[]> = {
  'debian-12': [],
  // macOS's own OpenSSL 0.9.8 serves no mail program: no alarm (issue #11).
  'macos-10.12-outlook2011': [],
  'macos-15-arm64': [],
  'win10-x64-m365': ['os-end-of-life:info'],
  'win11-x64-thunderbird': [],
  'win7-sp1-x64-powershell2-it': [
    'win7-tls12-client-disabled:error',
    'os-end-of-life:warning',
    'win7-kb3140245-missing:warning',
    'win7-winhttp-defaults-missing:warning',
    'browser-too-old-for-webmail:warning',
    'dotnet-too-old:warning',
  ],
  'win7-sp1-x86-outlook2010': [
    'win7-tls12-client-disabled:error',
    'os-end-of-life:warning',
    'win7-kb3140245-missing:warning',
    'win7-winhttp-defaults-missing:warning',
    'java-too-old:warning',
    'dotnet-too-old:warning',
  ],
  'win7-sp1-x86-outlook2010-fixed': ['os-end-of-life:warning', 'java-too-old:warning', 'dotnet-too-old:warning'],
  'win7-sp1-x86-outlook2010-langpack': [
    'os-end-of-life:warning',
    'win7-kb3140245-language-pack:warning',
    'java-too-old:warning',
    'dotnet-too-old:warning',
  ],
  'win81-x64-outlook2013': ['os-end-of-life:warning'],
  'winxp-sp3-outlook2003': ['os-windows-xp:error', 'clock-wrong:error', 'browser-too-old-for-webmail:info'],
  // The same XP machine with reg.exe 3.0's layout (banner, tabs, <NO NAME>): the same findings.
  'winxp-sp3-outlook2003-regv3': ['os-windows-xp:error', 'clock-wrong:error', 'browser-too-old-for-webmail:info'],
  // Issue #19: the Windows family around them (verdicts, plans and .reg in windows-family.test.ts).
  'winxp-sp3-outlook2003-regspaces': ['os-windows-xp:error', 'clock-wrong:error', 'browser-too-old-for-webmail:info'],
  'vista-sp2-outlook2007': ['os-no-tls12:error'],
  'server2008-sp2': ['win7-tls12-client-disabled:error', 'os-end-of-life:warning', 'win2008-kb4019276-missing:warning'],
  'server2008-sp2-kb4019276': ['os-end-of-life:warning'],
  'win7-rtm-x64-outlook2010': [
    'win7-tls12-client-disabled:error',
    'os-end-of-life:warning',
    'windows-service-pack-missing:warning',
    'win7-kb3140245-missing:warning',
    'win7-winhttp-defaults-missing:warning',
    'browser-too-old-for-webmail:warning',
    'dotnet-too-old:warning',
  ],
  'server2008r2-sp1-rds-outlook2010': [
    'win7-tls12-client-disabled:error',
    'os-end-of-life:warning',
    'win7-kb3140245-missing:warning',
    'win7-winhttp-defaults-missing:warning',
  ],
  'win8-x64-chrome109-ie10': [
    'os-end-of-life:warning',
    'win7-kb3140245-missing:warning',
    'win7-winhttp-defaults-missing:warning',
    'dotnet-too-old:warning',
    'browser-too-old-for-webmail:info',
  ],
  'win11-x64-new-outlook-only': ['outlook-new-cloud:warning'],
  'win7-sp1-x64-office2013-c2r32': ['win7-tls12-client-disabled:error', 'os-end-of-life:warning', 'win7-winhttp-defaults-missing:warning'],
  'win10-x64-hardened': ['win7-tls12-client-disabled:error', 'os-end-of-life:info'],
};

for (const [machine, expected] of Object.entries(EXPECTED)) {
  test(`recorded machine ${machine}`, async () => {
    const inventory = await collectInventory({ source: recordedSource(path.join(FIXTURES, machine)) });
    const findings = sortFindings(
      evaluateRules({
        inventory,
        accounts: null,
        endpoints: [],
        context: context({ skipDiscovery: true }),
        now: '2026-11-23T10:00:00.000Z',
      }),
    );
    assert.deepEqual(
      findings.map((f) => `${f.id}:${f.severity}`),
      expected,
    );
  });
}

test('the recorded Windows 7 + Outlook 2010 office reads, in one sentence, what is wrong', async () => {
  const inventory = await collectInventory({ source: recordedSource(path.join(FIXTURES, 'win7-sp1-x86-outlook2010')) });
  const r = assess({
    inventory,
    accounts: null,
    endpoints: [],
    context: context({ skipDiscovery: true }),
    now: '2026-11-23T10:00:00.000Z',
  });
  assert.equal(r.verdict.status, 'error');
  assert.match(r.verdict.summary.it, /Outlook su Windows 7 non usa TLS 1\.2/);
  // One plan, not four cards: the three Windows 7 findings fold under it; 32-bit: one WinHTTP view.
  assert.deepEqual(
    r.plans.map((p) => p.id),
    ['windows7-tls12'],
  );
  assert.deepEqual(
    r.plans[0].steps.map((s) => `${s.id}:${s.state}`),
    ['install-kb3140245:todo', 'winhttp-defaults:todo', 'schannel-tls12-client:todo', 'reboot:todo'],
  );
  assert.doesNotMatch(r.plans[0].steps[1].text.it, /Wow6432Node/);
});

test('the recorded Windows 7 office after the fix: no plan for TLS 1.2', async () => {
  const inventory = await collectInventory({ source: recordedSource(path.join(FIXTURES, 'win7-sp1-x86-outlook2010-fixed')) });
  const r = assess({
    inventory,
    accounts: null,
    endpoints: [],
    context: context({ skipDiscovery: true }),
    now: '2026-11-23T10:00:00.000Z',
  });
  assert.deepEqual(r.plans, []);
  // No server was checked: never green.
  assert.equal(r.verdict.status, 'incomplete');
});

test('the recorded Windows 7 where a language pack came after KB3140245: the plan says "reinstalla KB3140245"', async () => {
  const inventory = await collectInventory({ source: recordedSource(path.join(FIXTURES, 'win7-sp1-x86-outlook2010-langpack')) });
  const r = assess({
    inventory,
    accounts: null,
    endpoints: [],
    context: context({ skipDiscovery: true }),
    now: '2026-11-23T10:00:00.000Z',
  });
  const p = r.plans.find((x) => x.id === 'windows7-tls12');
  assert.deepEqual(
    p?.steps.map((s) => `${s.id}:${s.state}`),
    ['install-kb3140245:done', 'reinstall-kb3140245:todo', 'winhttp-defaults:done', 'schannel-tls12-client:done', 'reboot:todo'],
  );
  assert.match(p!.steps[1].text.it, /^Reinstalla l’aggiornamento KB3140245: .*en-US, 2020-10-05/);
  assert.equal(p!.cause.it, 'Un pacchetto di lingua ha annullato l’aggiornamento KB3140245');
});

for (const machine of ['winxp-sp3-outlook2003', 'winxp-sp3-outlook2003-regv3']) {
  test(`recorded Windows XP (${machine}): the XP plan names Outlook and finds the usable browser`, async () => {
    const inventory = await collectInventory({ source: recordedSource(path.join(FIXTURES, machine)) });
    const r = assess({
      inventory,
      accounts: null,
      endpoints: [],
      context: context({ skipDiscovery: true }),
      now: '2026-11-23T10:00:00.000Z',
    });
    const p = r.plans[0];
    assert.equal(p.id, 'windows-xp');
    assert.deepEqual(p.affects, ['outlook']);
    assert.deepEqual(
      p.steps.map((s) => `${s.id}:${s.state}`),
      ['use-supported-computer:todo', 'webmail-browser:done'],
    );
    assert.match(p.steps[1].text.it, /Firefox/);
    // IE 8 next to a usable Firefox stays a note under the plan.
    assert.equal(r.findings.find((f) => f.id === 'browser-too-old-for-webmail')?.severity, 'info');
  });
}

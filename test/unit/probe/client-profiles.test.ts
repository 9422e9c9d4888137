// Each client profile against the real ClientHello it follows, parsed from the bytes in testssl.sh's
// client-simulation.txt (Debian package testssl.sh). Versions, suites in order, groups, signature
// algorithms and DH limits must equal the recording, except for the differences listed below,
// each with its reason. A listed difference that no longer exists fails too (the list stays true).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CLIENT_PROFILES, profileById, type ClientProfile } from '../../../src/probe/client-profiles';
import { suiteByName } from '../../../src/probe/cipher-suites';
import { CLIENT_TRUST } from '../../../src/probe/trust-rules';
import { readRecordedHellos, recordByName, type RecordedHello } from './recorded-hellos';

type Field = 'versions' | 'ciphers' | 'groups' | 'sigalgs' | 'dh';
interface Diff {
  field: Field;
  missing?: string[];
  extra?: string[];
  /** The common items are in a different order. */
  order?: true;
}
type Listed = Diff & { reason: string };

function listDiff(field: Field, ours: readonly string[], theirs: readonly string[]): Diff | null {
  const missing = theirs.filter((x) => !ours.includes(x));
  const extra = ours.filter((x) => !theirs.includes(x));
  const a = ours.filter((x) => theirs.includes(x));
  const b = theirs.filter((x) => ours.includes(x));
  const d: Diff = { field };
  if (missing.length) d.missing = missing;
  if (extra.length) d.extra = extra;
  if (a.join() !== b.join()) d.order = true;
  return missing.length || extra.length || d.order ? d : null;
}

function diff(p: ClientProfile, r: RecordedHello): Diff[] {
  const dh = (n: number | null) => (n === null || n < 0 ? 'none' : String(n));
  const out = [
    listDiff('versions', p.versions, r.versions),
    listDiff('ciphers', p.ciphers, r.ciphers),
    listDiff('groups', p.groups, r.groups),
    listDiff('sigalgs', p.sigalgs, r.sigalgs),
    listDiff('dh', [`min ${dh(p.minDhBits)}`, `max ${dh(p.maxDhBits)}`], [`min ${dh(r.minDhBits)}`, `max ${dh(r.maxDhBits)}`]),
  ];
  return out.filter((d): d is Diff => d !== null);
}

const RC4 = ['TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_RC4_128_MD5'];
const RC4_REASON =
  'RC4 stays in SChannel\'s default list (Microsoft "TLS Cipher Suites in Windows 7/8.1"); IE 11 turns it off for itself only (2016)';
const SCHANNEL_DH_REASON = 'DH 1024-4096 bits as the IE 11 records of the same SChannel say (the IE 8 record has no DH measurements)';

/** Every intended difference between a profile and its recording. */
const INTENDED: Record<string, Listed[]> = {
  'windows7-default': [
    {
      field: 'ciphers',
      order: true,
      reason: 'suite order of update 3042058 (2015) as recorded in "IE 11 Win 7"; the IE 8 record is the 2013 order',
    },
    { field: 'dh', missing: ['min none', 'max none'], extra: ['min 1024', 'max 4096'], reason: SCHANNEL_DH_REASON },
  ],
  'windows7-tls12': [{ field: 'ciphers', extra: RC4, reason: RC4_REASON }],
  windows81: [{ field: 'ciphers', extra: RC4, reason: RC4_REASON }],
  windows10: [
    {
      field: 'groups',
      extra: ['x25519'],
      reason: 'X25519 came with Windows 10 v1607 (recorded first in "Edge 15 Win 10", v1703); the IE 11 record predates it',
    },
  ],
  'thunderbird-45.6': [],
  'thunderbird-current': [
    {
      field: 'ciphers',
      missing: ['TLS_RSA_WITH_3DES_EDE_CBC_SHA'],
      reason: '3DES is off in Gecko since Firefox 93, so in Thunderbird ESR 102 and later; the record is 91.9',
    },
  ],
  'applemail-10.12': [],
  'applemail-current': [],
  'outlook-mac': [],
  'ios-mail': [],
  'android-5': [
    {
      field: 'ciphers',
      missing: ['0xCC14', '0xCC13', '0xCC15'],
      reason:
        'pre-standard ChaCha20 code points (draft-agl), not IANA suites: no server of ours can choose them, and our ' +
        'table has no name for them',
    },
  ],
  'java-8u132': [
    {
      field: 'ciphers',
      missing: ['0xC002', '0xC00C'],
      reason: 'ECDH_ECDSA/ECDH_RSA RC4 code points missing from our suite table (static ECDH with RC4: no current server negotiates them)',
    },
  ],
  'dotnet-4.6': [],
  'openssl-1.0.1h': [
    {
      field: 'ciphers',
      missing: ['0xC01C', '0xC01B', '0xC00C', '0xC002'],
      reason: 'SRP 3DES and static-ECDH RC4 code points missing from our suite table (no current server negotiates them)',
    },
  ],
};

/** Profiles with no recording in the data file, and why. */
const NO_RECORDING: Record<string, string> = {
  windows11: 'the data file has no Windows 11 SChannel hello; the lists come from Microsoft "TLS Cipher Suites in Windows 11"',
};

const records = readRecordedHellos();

test('the data file is the one with the recorded hellos we rely on', () => {
  assert.ok(records.length > 100, `only ${records.length} records parsed`);
  const ie11 = recordByName(records, 'IE 11 Win 7');
  assert.deepEqual(ie11.versions, ['TLSv1', 'TLSv1.1', 'TLSv1.2']);
  assert.equal(ie11.ciphers[0], 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384');
});

for (const p of CLIENT_PROFILES) {
  test(`${p.id}: same hello as its recording "${p.recording ?? '(none)'}", except the listed differences`, () => {
    if (p.recording === null) {
      assert.ok(NO_RECORDING[p.id], `${p.id} has no recording: say why in NO_RECORDING`);
      return;
    }
    assert.ok(!(p.id in NO_RECORDING));
    const listed = INTENDED[p.id];
    assert.ok(listed, `${p.id}: list its intended differences (or none) in INTENDED`);
    for (const l of listed) assert.ok(l.reason.length > 20, `${p.id}/${l.field}: a reason is needed`);
    const actual = diff(p, recordByName(records, p.recording));
    assert.deepEqual(
      actual,
      listed.map(({ reason: _reason, ...d }) => d),
      `${p.id} vs "${p.recording}"`,
    );
    assert.ok(p.source.includes(p.recording), `${p.id}: its source names the recording`);
  });
}

test('every profile suite is in our cipher table (the hello can carry it)', () => {
  for (const p of CLIENT_PROFILES) for (const c of p.ciphers) assert.ok(suiteByName(c), `${p.id}: unknown suite ${c}`);
});

test('the faults of issue 14 are gone', () => {
  const dheCbc = ['TLS_DHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA'];
  for (const id of ['windows7-default', 'windows7-tls12', 'dotnet-4.6']) {
    for (const c of dheCbc) assert.ok(!profileById(id)?.ciphers.includes(c), `${id} offers ${c}`);
  }
  for (const c of dheCbc) assert.ok(profileById('windows81')?.ciphers.includes(c), 'Windows 8.1 has DHE-RSA CBC (KB3161639)');
  for (const id of ['windows7-tls12', 'windows81', 'windows10']) assert.ok(profileById(id)?.sigalgs.includes('ecdsa_secp521r1_sha512'), id);
  assert.ok(!profileById('windows10')?.sigalgs.some((s) => s.startsWith('rsa_pss')), 'Windows 10 without RSA-PSS');
  assert.ok(
    profileById('windows11')?.sigalgs.some((s) => s.startsWith('rsa_pss')),
    'Windows 11 (TLS 1.3) with RSA-PSS',
  );
  assert.equal(profileById('java-8u132')?.maxDhBits, 2048);
});

test('every office device has at least one client profile', async () => {
  const { DEVICES } = await import('../../../src/probe/client-profiles');
  for (const d of DEVICES)
    assert.ok(
      CLIENT_PROFILES.some((p) => p.device === d.id),
      d.id,
    );
});

test('every simulated profile has its certificate trust rules, each with a source (docs/certificate-trust.md)', () => {
  assert.deepEqual(
    CLIENT_PROFILES.map((p) => p.id).filter((id) => !CLIENT_TRUST[id]),
    [],
  );
  assert.deepEqual(
    Object.keys(CLIENT_TRUST).filter((id) => !CLIENT_PROFILES.some((p) => p.id === id)),
    [],
  );
  for (const [id, r] of Object.entries(CLIENT_TRUST)) assert.ok(r.source.length > 40, id);
  // The differences the issue names: Windows and Apple fetch AIA, NSS/Java/Android do not; Apple and NSS ignore the CN.
  assert.deepEqual(
    ['windows10', 'applemail-current', 'thunderbird-current', 'java-8u132', 'android-5'].map((id) => CLIENT_TRUST[id].fetchesAia),
    [true, true, false, false, false],
  );
  assert.deepEqual(
    ['windows10', 'applemail-current', 'ios-mail', 'thunderbird-current'].map((id) => CLIENT_TRUST[id].cnFallback),
    [true, false, false, false],
  );
  assert.equal(CLIENT_TRUST['ios-mail'].minRsaBits, 2048);
});

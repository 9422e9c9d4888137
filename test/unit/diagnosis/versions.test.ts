import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { atLeast, compareVersions, parseVersion } from '../../../src/diagnosis/versions';

test('coerces the version shapes found on real machines', () => {
  const cases: [string, 'generic' | 'java' | 'openssl', string, number][] = [
    ['45.6', 'generic', '45.6.0', 0],
    ['115.8.0 (x64 en-US)', 'generic', '115.8.0', 0],
    ['16.0.4266.1001', 'generic', '16.0.4266', 1001],
    ['10.12.6', 'generic', '10.12.6', 0],
    ['1.8.0_131', 'java', '8.0.131', 0],
    ['1.8.0_131-b11', 'java', '8.0.131', 0],
    ['8u131', 'java', '8.0.131', 0],
    // "8b132" is build 132 of Java 8's first release (1.8.0 GA), not update 132.
    ['8b132', 'java', '8.0.0', 0],
    ['1.7.0', 'java', '7.0.0', 0],
    ['17.0.3', 'java', '17.0.3', 0],
    ['21', 'java', '21.0.0', 0],
    ['1.0.1h', 'openssl', '1.0.1008', 0],
    ['OpenSSL 1.0.1 14 Mar 2012', 'openssl', '1.0.1000', 0],
    ['OpenSSL 3.0.13 30 Jan 2024', 'openssl', '3.0.13000', 0],
  ];
  for (const [raw, kind, semver, build] of cases) assert.deepEqual(parseVersion(raw, kind), { semver, build }, raw);
  assert.equal(parseVersion('', 'generic'), null);
  assert.equal(parseVersion(null), null);
  assert.equal(parseVersion('sconosciuta'), null);
});

test('compares with the providers’ minimums', () => {
  assert.equal(atLeast('45.6', '45.6'), true);
  assert.equal(atLeast('45.5.1', '45.6'), false);
  assert.equal(atLeast('45.10', '45.6'), true);
  assert.equal(atLeast('1.8.0_131', '8u132', 'java'), false);
  assert.equal(atLeast('1.8.0_132', '8u132', 'java'), true);
  assert.equal(atLeast('1.7.0_80', '8u132', 'java'), false);
  assert.equal(atLeast('11.0.2', '8u132', 'java'), true);
  assert.equal(atLeast('1.0.1g', '1.0.1h', 'openssl'), false);
  assert.equal(atLeast('1.0.1h', '1.0.1h', 'openssl'), true);
  assert.equal(atLeast('1.0.1', '1.0.1h', 'openssl'), false);
  assert.equal(atLeast('1.0.2', '1.0.1h', 'openssl'), true);
  assert.equal(atLeast('0.9.8zh', '1.0.1h', 'openssl'), false);
  assert.equal(compareVersions('16.0.4266.1001', '16.0.4266.1000'), 1);
  assert.equal(compareVersions('16.0.4266.1001', '16.0.4266.1001'), 0);
  assert.equal(compareVersions('x', '1'), null);
  assert.equal(atLeast(null, '1'), null);
});

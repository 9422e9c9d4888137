// The log module (src/log): one line per entry, no secrets, one file per local day, 14 days kept.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLog, expiredLogs, formatLogLine, logDir, logFileName } from '../../../src/log/index';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'log-test-'));

test('a line is the time, the level, the event and its fields as JSON, on one line', () => {
  const line = formatLogLine(new Date('2026-12-07T10:00:00.000Z'), 'info', 'diagnosis.start', { runId: 'ab12', servers: 2, ok: true });
  assert.equal(line, '2026-12-07T10:00:00.000Z INFO  diagnosis.start {"runId":"ab12","servers":2,"ok":true}\n');
});

test('a value from outside cannot start a new line or forge another entry', () => {
  const line = formatLogLine(new Date(0), 'warn', 'probe.banner', { banner: 'x\n1970-01-01T00:00:00.000Z ERROR fake\u001b[2J\u2028' });
  assert.equal(line.split('\n').length, 2);
  assert.ok(!line.includes('\u001b') && !line.includes('\u2028'));
  assert.match(line, /\\u001b\[2J\\u2028/);
});

test('secrets are never written: secret-looking fields and passwords inside URLs', () => {
  const line = formatLogLine(new Date(0), 'info', 'x', {
    password: 'hunter2',
    smtpPass: 'hunter3',
    authorization: 'Basic aGk=',
    cookie: 'pd=1',
    server: 'imaps://mario:hunter4@imaps.pec.aruba.it:993',
  });
  for (const s of ['hunter2', 'hunter3', 'aGk=', 'pd=1', 'hunter4']) assert.ok(!line.includes(s), `${s} in ${line}`);
  assert.match(line, /imaps:\/\/mario@imaps\.pec\.aruba\.it:993/);
  assert.match(line, /"password":"\[omesso\]"/);
});

test('an Error field keeps its message, code and stack; a bad event name is reduced', () => {
  const err = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
  const line = formatLogLine(new Date(0), 'error', 'file write\nfailed', { error: err });
  assert.match(line, / ERROR file_write_failed \{"error":\{"message":"EACCES: permission denied","code":"EACCES","stack":"Error: EACCES/);
});

test('entries go to the file of the local day, in order, and the folder is created', () => {
  const dir = path.join(tmp(), 'logs');
  let now = new Date(2026, 11, 7, 9, 30);
  const log = createLog({ dir, now: () => now });
  log.info('app.start', { version: '0.1.0' });
  log.fileWritten('/home/a/rapporto.pdf', { format: 'pdf' });
  assert.equal(log.file(), path.join(dir, 'pec-doctor-2026-12-07.log'));
  const lines = fs.readFileSync(log.file(), 'utf8').trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[1], /INFO {2}file\.written \{"path":"\/home\/a\/rapporto\.pdf","format":"pdf"\}/);
  now = new Date(2026, 11, 8, 0, 1);
  log.error('diagnosis.failed', { runId: 'x' });
  assert.deepEqual(fs.readdirSync(dir).sort(), ['pec-doctor-2026-12-07.log', 'pec-doctor-2026-12-08.log']);
});

test('rotation keeps 14 days (today included) and touches no other file', () => {
  const dir = tmp();
  for (let d = 1; d <= 20; d++) fs.writeFileSync(path.join(dir, logFileName(new Date(2026, 10, d))), 'old\n');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
  fs.writeFileSync(path.join(dir, 'pec-doctor-2020-01-01.log.bak'), 'mine');
  const log = createLog({ dir, now: () => new Date(2026, 10, 20, 12) });
  log.info('app.start');
  const left = fs.readdirSync(dir).sort();
  assert.equal(left.filter((n) => /^pec-doctor-\d{4}-\d\d-\d\d\.log$/.test(n)).length, 14);
  assert.ok(left.includes('pec-doctor-2026-11-07.log') && !left.includes('pec-doctor-2026-11-06.log'));
  assert.ok(left.includes('notes.txt') && left.includes('pec-doctor-2020-01-01.log.bak'));
});

test('expiredLogs across a month boundary', () => {
  const names = [
    'pec-doctor-2026-02-14.log',
    'pec-doctor-2026-02-15.log',
    'pec-doctor-2026-02-16.log',
    'pec-doctor-2026-02-28.log',
    'x.log',
  ];
  // 1 March and the 13 days before it (16–28 February) are kept.
  assert.deepEqual(expiredLogs(names, new Date(2026, 2, 1)), ['pec-doctor-2026-02-14.log', 'pec-doctor-2026-02-15.log']);
});

test('a log that cannot be written does not throw', () => {
  const file = path.join(tmp(), 'a-file');
  fs.writeFileSync(file, '');
  const log = createLog({ dir: path.join(file, 'logs') });
  assert.doesNotThrow(() => log.error('x', { a: 1 }));
});

test('the log folder is the logs subfolder of the app data folder (PEC_DOCTOR_HOME too)', () => {
  assert.equal(
    logDir({ env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, platform: 'win32', homedir: 'C:\\Users\\a' }),
    'C:\\Users\\a\\AppData\\Roaming\\PEC Doctor\\logs',
  );
  assert.equal(logDir({ env: { PEC_DOCTOR_HOME: '/tmp/pd' }, platform: 'linux' }), path.resolve('/tmp/pd/logs'));
});

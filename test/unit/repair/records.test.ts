// The record of the repairs made here (app-data folder): which run each started from and its
// undo file; read back strictly; what "Annulla la riparazione" would put back, read from the
// undo file itself (a tampered or missing file is said, not used).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addRecord, markUndone, readRecords, recordOfRun, recordsFile, recordView } from '../../../src/repair/records';
import { saveUndoFile } from '../../../src/repair/run';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'repair-records-'));

test('records: newest first, the run id kept, undone marked, a damaged file or entry ignored', () => {
  const file = recordsFile({ env: { PEC_DOCTOR_HOME: tmp } });
  assert.equal(file, path.join(tmp, 'repairs.json'));
  assert.deepEqual(readRecords(file), []);
  const undo1 = path.join(tmp, 'a.reg');
  const undo2 = path.join(tmp, 'b.reg');
  addRecord(file, { runId: 'run-1', at: '2026-12-07T10:00:00.000Z', undoFile: undo1 });
  addRecord(file, { runId: '../x', at: '2026-12-07T11:00:00.000Z', undoFile: undo2 });
  const list = readRecords(file);
  assert.deepEqual(
    list.map((r) => [r.runId, r.undoFile, r.undoneAt]),
    [
      [null, undo2, null],
      ['run-1', undo1, null],
    ],
  );
  assert.equal(recordOfRun(list, 'run-1')?.undoFile, undo1);
  markUndone(file, undo1, '2026-12-07T12:00:00.000Z');
  assert.equal(recordOfRun(readRecords(file), 'run-1'), null);
  // An entry with another shape (a relative path, an extra field) is dropped, the rest kept.
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[];
  raw.push({ runId: 'run-2', at: '2026-12-07T09:00:00.000Z', undoFile: 'rel.reg', undoneAt: null });
  raw.push({ runId: 'run-3', at: '2026-12-07T09:00:00.000Z', undoFile: undo1, undoneAt: null, extra: 1 });
  fs.writeFileSync(file, JSON.stringify(raw));
  assert.equal(readRecords(file).length, 2);
  fs.writeFileSync(file, '{not json');
  assert.deepEqual(readRecords(file), []);
});

test('the view of a record: the undo file read strictly; a tampered or missing file is named, with no values', () => {
  const undo = saveUndoFile(
    path.join(tmp, 'undo'),
    [
      { key: 'schannelTls12Client', name: 'Enabled', value: null },
      { key: 'winhttpWow64', name: 'DefaultSecureProtocols', value: 0xa0 },
    ],
    new Date(2026, 11, 7, 10, 0, 0),
    ['test'],
  );
  const v = recordView({ runId: 'run-1', at: '2026-12-07T10:00:00.000Z', undoFile: undo, undoneAt: null });
  assert.equal(v.problem, null);
  assert.deepEqual(
    v.values?.map((x) => [x.name, x.value]),
    [
      ['Enabled', 'assente'],
      ['DefaultSecureProtocols', '0x000000A0 (160)'],
    ],
  );
  assert.match(v.values![1].path, /Wow6432Node/);
  const bytes = fs.readFileSync(undo);
  const tampered = Buffer.from(bytes.subarray(2).toString('utf16le').replace('dword:000000a0', 'hex:a0'), 'utf16le');
  fs.writeFileSync(undo, Buffer.concat([bytes.subarray(0, 2), tampered]));
  const bad = recordView({ runId: 'run-1', at: '2026-12-07T10:00:00.000Z', undoFile: undo, undoneAt: null });
  assert.equal(bad.values, null);
  assert.match(bad.problem!.it, /non è valido/);
  const gone = recordView({ runId: 'run-1', at: '2026-12-07T10:00:00.000Z', undoFile: path.join(tmp, 'none.reg'), undoneAt: null });
  assert.equal(gone.values, null);
  assert.match(gone.problem!.it, /non si trova più/);
});

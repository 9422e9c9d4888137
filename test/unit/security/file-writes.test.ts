// Issue #20.2, #20.5, #20.8: every file we write (reports, the .reg fix and its undo, recorded
// machines, the desktop's saves) goes through src/platform/safe-write.ts: no link is followed, no
// FIFO opened, names never come from a report's own text. Real files, links and FIFOs in a
// temporary folder; the CLI in process, or in a child process where the old code hung for ever.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Module from 'node:module';
import { safeWriteFile, safeWriteFileSync, SafeWriteError } from '../../../src/platform/safe-write';
import { recordingSource } from '../../../src/inventory/record';
import type { Source } from '../../../src/inventory/source';
import type { Report } from '../../../src/diagnosis/types';
import { cli } from '../../support/cli';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-writes-'));
process.env.PEC_DOCTOR_HOME = path.join(root, 'appdata');
after(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const d = path.join(root, `t${++n}`);
  fs.mkdirSync(d);
  return d;
};
const ENTRY = path.join(__dirname, '..', 'report', 'cli-entry.ts');
const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'inventory');
/** A real saved report of an untouched Windows 7 with Outlook 2010 (it needs the .reg fix). */
const WIN7_REPORT = path.join(__dirname, '..', '..', 'fixtures', 'reports', 'win7-outlook-2010.json');
const win7Report = (): Report => JSON.parse(fs.readFileSync(WIN7_REPORT, 'utf8')) as Report;

/** The CLI in a child process, killed after `ms` (where the old code blocked the event loop on a FIFO). */
function cliChild(args: string[], ms = 120_000): Promise<{ code: number | null; killed: boolean; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', ENTRY, ...args],
      { timeout: ms, killSignal: 'SIGKILL', env: { ...process.env, PEC_DOCTOR_NO_HISTORY: '1' } },
      (error, out, err) =>
        resolve({ code: child.exitCode, killed: child.killed || (error as { killed?: boolean } | null)?.killed === true, out, err }),
    );
  });
}

test('safe write: a link at the output name is never followed, a FIFO never opened, nothing replaced without overwrite', async () => {
  const d = fresh();
  const victim = path.join(d, 'victim.txt');
  fs.writeFileSync(victim, 'original');
  const link = path.join(d, 'report.html');
  fs.symlinkSync(victim, link);
  for (const overwrite of [false, true]) {
    assert.throws(
      () => safeWriteFileSync(link, 'forged', { overwrite }),
      (e: unknown) => e instanceof SafeWriteError && e.reason === 'not-regular',
    );
    await assert.rejects(
      safeWriteFile(link, 'forged', { overwrite }),
      (e: unknown) => e instanceof SafeWriteError && e.reason === 'not-regular',
    );
  }
  assert.equal(fs.readFileSync(victim, 'utf8'), 'original');
  const fifo = path.join(d, 'pipe');
  execFileSync('mkfifo', [fifo]);
  assert.throws(() => safeWriteFileSync(fifo, 'x', { overwrite: true }), /pipe \(FIFO\)/);
  const file = path.join(d, 'a.txt');
  safeWriteFileSync(file, 'one');
  assert.throws(
    () => safeWriteFileSync(file, 'two'),
    (e: unknown) => e instanceof SafeWriteError && e.reason === 'exists',
  );
  safeWriteFileSync(file, 'three', { overwrite: true });
  assert.equal(fs.readFileSync(file, 'utf8'), 'three');
  // No temporary file is left behind.
  assert.deepEqual(fs.readdirSync(d).sort(), ['a.txt', 'pipe', 'report.html', 'victim.txt']);
});

test('check --force --html <FIFO> and evaluate --force --html <FIFO> are refused at once, never hang', async () => {
  const d = fresh();
  const fifo = path.join(d, 'out.html');
  execFileSync('mkfifo', [fifo]);
  const saved = WIN7_REPORT;
  const machine = path.join(FIXTURES, 'win7-sp1-x86-outlook2010');
  const [check, evaluate] = await Promise.all([
    cliChild(['check', '--machine', machine, '--no-discovery', '--force', '--html', fifo]),
    cliChild(['evaluate', saved, '--force', '--html', fifo]),
  ]);
  for (const r of [check, evaluate]) {
    assert.equal(r.killed, false, 'the command ended by itself');
    assert.notEqual(r.code, 0);
    assert.match(r.err, /pipe \(FIFO\), non un file normale/);
  }
  assert.equal(check.code, 2, 'refused before the run');
  assert.ok(fs.lstatSync(fifo).isFIFO(), 'the FIFO is still there, untouched');
});

test('fix-reg --from: a report’s case code never chooses where the files go nor puts a line break in their names', async () => {
  const d = fresh();
  const work = path.join(d, 'work');
  fs.mkdirSync(work);
  const before = process.cwd();
  process.chdir(work);
  try {
    for (const [i, caseCode] of ['/../../dir/planted', '../planted', 'PEC-AAA-BBB\n[HKEY_LOCAL_MACHINE]', 'PEC-7KQ-4MZ/x'].entries()) {
      const report = { ...win7Report(), caseCode } as Report;
      const file = path.join(d, `forged${i}.json`);
      fs.writeFileSync(file, JSON.stringify(report));
      const r = await cli('fix-reg', '--from', file, '--json', '--force');
      if (r.code === 0) {
        const out = JSON.parse(r.out) as { path: string; undo: string };
        for (const p of [out.path, out.undo]) {
          assert.equal(path.dirname(p), '.', `${caseCode}: written in the current folder`);
          assert.match(path.basename(p), /^pec-doctor-tls12-pec-[a-z0-9]{3}-[a-z0-9]{3}(-annulla)?\.reg$/);
        }
      } else assert.match(r.err, /rapporto danneggiato o di un'altra versione/, `${caseCode}: refused as damaged`);
      for (const f of fs.readdirSync(work)) assert.doesNotMatch(f, /[\r\n/\\]|planted/);
    }
    // Nothing was written outside the current folder.
    assert.deepEqual(
      fs.readdirSync(d).filter((f) => !/^forged\d\.json$/.test(f)),
      ['work'],
    );
    assert.ok(!fs.existsSync(path.join(root, 'dir')));
    // A name the user chose is theirs (here with a space); it is echoed on one line.
    const r = await cli('fix-reg', 'mia correzione.reg', '--from', path.join(d, 'forged0.json'));
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.existsSync(path.join(work, 'mia correzione.reg')));
  } finally {
    process.chdir(before);
  }
});

/** A stand-in machine whose commands print a long output (so each goes to commands/NNN.txt). */
function fakeMachine(onExec: (count: number) => void): Source {
  let count = 0;
  return {
    label: 'fake',
    platform: 'linux',
    processArch: 'x64',
    release: '6.1.0',
    env: {},
    homedir: '/home/u',
    now: () => new Date('2026-11-23T10:00:00Z'),
    exec: async (file, args) => {
      onExec(++count);
      return { ok: true, stdout: 'x'.repeat(3000), stderr: '', code: 0, error: null, command: [file, ...args].join(' ') };
    },
    registry: null,
    readFile: async () => ({ ok: true, data: Buffer.from('NAME=Debian\n') }),
    osInfo: async () => ({ platform: 'linux' }),
  };
}

test('inventory --record: links planted in the folder while it records are never followed, their targets never overwritten', async () => {
  const d = fresh();
  const outside = path.join(d, 'outside');
  fs.mkdirSync(outside);
  const victim = path.join(d, 'victim.json');
  fs.writeFileSync(victim, 'precious');
  const dir = path.join(d, 'rec');
  const recorder = recordingSource(
    fakeMachine((count) => {
      // After the first command: commands/ becomes a link to a folder outside, and a link waits at machine.json.
      if (count === 2) {
        fs.renameSync(path.join(dir, 'commands'), path.join(dir, 'commands-old'));
        fs.symlinkSync(outside, path.join(dir, 'commands'));
        fs.symlinkSync(victim, path.join(dir, 'machine.json'));
      }
    }),
    dir,
  );
  await recorder.source.exec('/bin/a', []);
  await recorder.source.exec('/bin/b', []);
  await recorder.source.readFile('/etc/os-release');
  assert.throws(() => recorder.finish(), /incompleta[^]*machine\.json[^]*/);
  assert.equal(fs.readFileSync(victim, 'utf8'), 'precious');
  assert.deepEqual(fs.readdirSync(outside), [], 'nothing written through the planted folder link');
  assert.equal(fs.readFileSync(path.join(dir, 'files', 'etc', 'os-release'), 'utf8'), 'NAME=Debian\n');
  // Through the CLI: a folder that is a link, or not empty, is refused before anything runs.
  const linked = path.join(d, 'linked');
  fs.symlinkSync(outside, linked);
  const r = await cli('inventory', '--record', linked);
  assert.equal(r.code, 2);
  assert.match(r.err, /non è una cartella \(o è un collegamento simbolico\)/);
});

test('the desktop’s save never follows a link planted at <name>.partial (main/host.ts)', async () => {
  const d = fresh();
  const victim = path.join(d, 'victim.txt');
  fs.writeFileSync(victim, 'precious');
  const target = path.join(d, 'rapporto.json');
  fs.symlinkSync(victim, `${target}.partial`);
  // main/host.ts with a minimal stand-in for Electron's dialog (the real package is only a binary's path here).
  const stub = path.join(d, 'electron-stub.js');
  fs.writeFileSync(
    stub,
    `module.exports = { BrowserWindow: function () {}, shell: {}, dialog: { showSaveDialog: async () => ({ canceled: false, filePath: ${JSON.stringify(target)} }) } };`,
  );
  const M = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = M._resolveFilename;
  M._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? stub : original.call(this, request, ...rest);
  };
  try {
    const { createHostApi } = (await import('../../../main/host')) as typeof import('../../../main/host');
    const core = { renderReport: async () => ({ fileName: 'rapporto.json', mimeType: 'application/json', content: '{"ok":1}' }) };
    const host = createHostApi(core as never, () => null);
    const r = await host.saveReport(win7Report(), 'json', false);
    assert.deepEqual(r, { status: 'saved', path: target });
  } finally {
    M._resolveFilename = original;
  }
  assert.equal(fs.readFileSync(victim, 'utf8'), 'precious', 'the link’s target is untouched');
  assert.equal(fs.readFileSync(target, 'utf8'), '{"ok":1}');
  assert.ok(fs.lstatSync(target).isFile());
});

// The Electron shell's parts that need no window: the IPC wiring derived from the contract and
// its argument schema, the preload's exposed surface, the CSP, the installer configs against
// electron-builder's own schema (fuses included), and Electronegativity. The window itself (its
// webPreferences, app://, navigation) runs in the desktop suite, test/desktop.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import * as yaml from 'js-yaml';
import { API_METHODS, DIAGNOSIS_EVENT_CHANNEL, channelOf, type DiagnosisEvent, type PecDoctorApi } from '../../../src/api';
import { unavailableRepairHost } from '../../../src/repair/session';
import { createCore } from '../../../src/core';
import { registerApiHandlers } from '../../../main/ipc';
import { createPreloadApi } from '../../../main/preload-api';
import { runElectronegativity, unexplained, type Exception } from '../../../scripts/electronegativity';
import { APP_VERSION } from '../../../src/version';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../src/csp';

const root = path.resolve(__dirname, '..', '..', '..');

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** ipcMain and ipcRenderer stand-ins joined like Electron joins them (invoke → handle). */
function fakeIpc() {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const trustedEvent = { sender: 'our-window' };
  return {
    handlers,
    main: {
      handle(channel: string, fn: Handler) {
        assert.ok(!handlers.has(channel), `channel ${channel} registered twice`);
        handlers.set(channel, fn);
      },
    },
    renderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        const h = handlers.get(channel);
        if (!h) throw new Error(`No handler registered for '${channel}'`);
        return h(trustedEvent, ...args);
      },
      on(channel: string, fn: (...a: unknown[]) => void) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(fn);
        return this;
      },
      removeListener(channel: string, fn: (...a: unknown[]) => void) {
        listeners.get(channel)?.delete(fn);
        return this;
      },
    },
    send(channel: string, payload: unknown) {
      for (const fn of listeners.get(channel) ?? []) fn({ sender: 'ipc' }, payload);
    },
    trustedEvent,
  };
}

test('IPC: one handler per contract method, every call reaches the core with its arguments', async () => {
  const ipc = fakeIpc();
  const calls: [string, unknown[]][] = [];
  const spy = Object.fromEntries(
    API_METHODS.map((m) => [m, async (...args: unknown[]) => (calls.push([m, args]), `result of ${m}`)]),
  ) as unknown as PecDoctorApi;
  registerApiHandlers(ipc.main as never, spy, (e) => (e as unknown) === ipc.trustedEvent);
  assert.deepEqual([...ipc.handlers.keys()].sort(), API_METHODS.map(channelOf).sort());

  const exposed = createPreloadApi(ipc.renderer as never) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  assert.deepEqual(Object.keys(exposed).sort(), [...API_METHODS, 'onDiagnosisEvent'].sort(), 'the preload exposes exactly the contract');
  assert.ok(Object.isFrozen(exposed));
  const report = {
    schemaVersion: 2,
    app: {},
    createdAt: '2026-01-01T00:00:00Z',
    redacted: false,
    inventory: null,
    accounts: null,
    endpoints: [],
    findings: [],
    plans: [],
    verdict: {},
  };
  const samples: Record<string, unknown[]> = {
    lookupAddress: ['a@pec.it'],
    startDiagnosis: [{ emails: ['a@pec.it'], timeoutSeconds: 5 }],
    cancelDiagnosis: ['0123456789abcdef'],
    evaluateReport: ['{}'],
    renderReport: [report, 'html', true],
    renderRegFix: [report],
    technicianView: [report],
    getRun: ['r1'],
    deleteRuns: ['all'],
    compareRuns: ['r1', 'r2'],
    saveReport: [report, 'pdf', false],
    saveRegFix: [report],
    openExternal: ['https://support.microsoft.com/'],
    planRepair: [report],
    startRepair: [{ consentId: 'a'.repeat(32), goOnWithoutRestorePoint: true, beforeRunId: 'r1' }],
    restartAfterRepair: ['later'],
    undoRepair: ['r1'],
  };
  for (const m of API_METHODS) {
    assert.equal(await exposed[m](...(samples[m] ?? [])), `result of ${m}`);
  }
  assert.deepEqual(
    calls.map((c) => c[0]),
    [...API_METHODS],
  );
  for (const [m, args] of calls) assert.deepEqual(args, samples[m] ?? []);
});

test('IPC: the real core answers through the wiring, and an untrusted sender is refused', async () => {
  const ipc = fakeIpc();
  const core = createCore({ host: 'electron', emit: () => undefined });
  const host = {
    saveReport: async () => ({ status: 'cancelled' as const }),
    saveRegFix: async () => ({ status: 'cancelled' as const }),
    openExternal: async () => ({ status: 'opened' as const }),
    ...unavailableRepairHost(),
  };
  registerApiHandlers(ipc.main as never, { ...core, ...host }, (e) => (e as unknown) === ipc.trustedEvent);
  const exposed = createPreloadApi(ipc.renderer as never);
  const info = await exposed.getAppInfo();
  assert.equal(info.version, APP_VERSION);
  assert.equal(info.host, 'electron');
  const handler = ipc.handlers.get(channelOf('getAppInfo'))!;
  await assert.rejects(async () => handler({ sender: 'some other page' }), /untrusted sender/);
});

test("IPC: every call's arguments pass the contract's schema; internal errors become a clear sentence", async () => {
  const ipc = fakeIpc();
  const started: unknown[] = [];
  const core = createCore({ host: 'electron', emit: () => undefined });
  const host = {
    saveReport: async () => ({ status: 'cancelled' as const }),
    saveRegFix: async () => ({ status: 'cancelled' as const }),
    openExternal: async () => ({ status: 'opened' as const }),
    ...unavailableRepairHost(),
  };
  const api: PecDoctorApi = {
    ...core,
    ...host,
    startDiagnosis: async (request) => (started.push(request), { runId: '0123456789abcdef' }),
    listRuns: async () => (null as unknown as { failures: never[] }).failures,
  };
  registerApiHandlers(ipc.main as never, api, (e) => (e as unknown) === ipc.trustedEvent);
  const exposed = createPreloadApi(ipc.renderer as never) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  await assert.rejects(exposed.startDiagnosis({ timeoutSeconds: 'abc' }), {
    message:
      'Richiesta non valida (startDiagnosis): #1.timeoutSeconds deve essere un numero (ricevuto: un testo) / ' +
      'Invalid request (startDiagnosis): #1.timeoutSeconds must be a finite number (got string)',
  });
  await assert.rejects(exposed.startDiagnosis({ emails: ['a@b.it'], extra: 1 }), /#1\.extra non è un campo previsto/);
  await assert.rejects(exposed.openExternal('x'.repeat(5000)), /#1 è troppo lungo/);
  await assert.rejects(exposed.getRun('../x'), /#1 non ha la forma attesa/);
  await assert.rejects(exposed.getAppInfo('surplus'), /sono troppi/);
  assert.deepEqual(started, [], 'no refused call reached the core');
  await exposed.startDiagnosis({ timeoutSeconds: 900, skipDiscovery: true });
  assert.deepEqual(started, [{ timeoutSeconds: 120, skipDiscovery: true }], 'the deadline is clamped to 120 s');
  assert.equal(await exposed.cancelDiagnosis('ffffffffffffffff'), undefined, 'an unknown run id is a no-op');
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...a: unknown[]) => errors.push(a);
  try {
    await assert.rejects(exposed.listRuns(), (err: Error) => {
      assert.match(err.message, /^Errore interno di PEC Doctor \(listRuns\)/);
      assert.doesNotMatch(err.message, /Cannot read|null/);
      return true;
    });
  } finally {
    console.error = original;
  }
  assert.equal(errors.length, 1, 'the original error is logged for the technician');
});

test('preload: diagnosis events reach the listener without the IPC event object, and unsubscribe works', () => {
  const ipc = fakeIpc();
  const exposed = createPreloadApi(ipc.renderer as never);
  const got: unknown[] = [];
  const off = exposed.onDiagnosisEvent((e) => got.push(e));
  const event: DiagnosisEvent = { runId: 'r1', kind: 'failed', message: { it: 'x', en: 'x' } };
  ipc.send(DIAGNOSIS_EVENT_CHANNEL, event);
  off();
  ipc.send(DIAGNOSIS_EVENT_CHANNEL, event);
  assert.deepEqual(got, [event]);
});

test("one CSP: the renderer's <meta> tag is the shared policy, and the header adds frame-ancestors", () => {
  const html = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  assert.ok(meta, 'renderer/index.html has no CSP meta tag');
  assert.equal(meta[1], META_CONTENT_SECURITY_POLICY);
  assert.equal(CONTENT_SECURITY_POLICY, `${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe|\*|data:|http/);
});

test('the preload bundle requires nothing but electron (a sandboxed preload cannot)', () => {
  const bundle = path.join(root, 'dist', 'main', 'preload.js');
  assert.ok(fs.existsSync(bundle), 'dist/main/preload.js missing: npm run build');
  const requires = [...fs.readFileSync(bundle, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(requires)], ['electron']);
});

test("electron-builder configs validate against electron-builder's own JSON schema", () => {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);
  for (const file of ['electron-builder.yml', 'electron-builder.legacy.yml']) {
    const config = yaml.load(fs.readFileSync(path.join(root, file), 'utf8'));
    assert.ok(validate(config), `${file}: ${ajv.errorsText(validate.errors)}`);
  }
  // The validator does reject a broken config (a misspelt key).
  assert.equal(validate({ appId: 'x', nsiss: { oneClick: true } }), false);
  const legacy = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.legacy.yml'), 'utf8')) as Record<string, unknown>;
  assert.match(String(legacy.electronVersion), /^22\.3\.\d+$/);
  // The fuses (issue #15, item 7), and none that Electron 22.3 lacks (the legacy build extends this file).
  const base = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
  assert.deepEqual(base.electronFuses, {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  });
  assert.equal(legacy.electronFuses, undefined, 'the legacy build inherits the same fuses');
});

test('Electronegativity finds nothing that is not a justified exception', () => {
  const { exceptions } = JSON.parse(fs.readFileSync(path.join(root, 'electronegativity.json'), 'utf8')) as { exceptions: Exception[] };
  for (const e of exceptions) assert.ok(e.reason.length > 40, `exception ${e.check} needs a reason`);
  const findings = runElectronegativity();
  const { open, stale } = unexplained(findings, exceptions);
  assert.deepEqual(open, [], 'unjustified Electronegativity findings');
  assert.deepEqual(stale, [], 'exceptions that match nothing any more');
});

test("Electronegativity reads the window's options itself: a copy with sandbox, isolation and Auxclick weakened is flagged", () => {
  const weakened = runElectronegativity(['main', 'renderer'], {
    'main/main.ts': (t) =>
      t
        .replace('contextIsolation: true', 'contextIsolation: false')
        .replace('sandbox: true', 'sandbox: false')
        .replace("disableBlinkFeatures: 'Auxclick',", ''),
  });
  const flagged = new Set(weakened.filter((f) => f.file === 'main/main.ts').map((f) => f.check));
  for (const check of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK'])
    assert.ok(flagged.has(check), `${check} not raised`);
});

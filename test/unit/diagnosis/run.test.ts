// The orchestrator with stand-in collectors: endpoints from typed servers, addresses and
// accounts are deduplicated; progress lines have stable ids and groups; a crashing collector or
// probe becomes a check-failed finding; cancellation stops the run.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { runDiagnosis, reevaluate, parseReportJson } from '../../../src/diagnosis/run';
import type { RunDeps } from '../../../src/diagnosis/run';
import type { ProgressItem } from '../../../src/api';
import type { Endpoint, EndpointResult, ProbeOptions } from '../../../src/probe/types';
import { endpointUrl } from '../../../src/probe/url';
import { OS, account, accounts, client, endpoint, inventory, win7Tls } from './evidence';

function fakeProbe(results: Record<string, Partial<EndpointResult>> = {}, probed: string[] = []) {
  return async (e: Endpoint, o: ProbeOptions): Promise<EndpointResult> => {
    const url = endpointUrl(e);
    probed.push(url);
    for (const step of ['dns', 'connect', 'versions', 'certificate', 'simulation'] as const) o.onStep?.(e, { step, status: 'ok', ms: 1 });
    return endpoint({ ...e, url, ...results[url] });
  };
}

const baseDeps = (extra: Partial<RunDeps> = {}): Partial<RunDeps> => ({
  collectInventory: async () => inventory(OS.win7, { windows: win7Tls(), clients: [client('outlook', '14.0.7015.1000')] }),
  discoverAccounts: async () => accounts([account()]),
  lookupAddress: async (email) => ({
    email,
    provider: { id: 'aruba', name: 'Aruba PEC', webmail: 'https://webmail.pec.it' },
    endpoints: [
      { host: 'imaps.pec.aruba.it', port: 993, protocol: 'imap', security: 'tls' },
      { host: 'smtps.pec.aruba.it', port: 465, protocol: 'smtp', security: 'tls' },
    ],
    message: null,
  }),
  now: () => new Date('2026-11-23T10:00:00.000Z'),
  ...extra,
});

test('endpoints from addresses, accounts and typed servers are probed once each, with progress per server', async () => {
  const probed: string[] = [];
  const items: ProgressItem[] = [];
  const fractions: number[] = [];
  const report = await runDiagnosis(
    { emails: ['studio.rossi@pec.it'], servers: ['imaps://IMAPS.pec.aruba.it', 'smtp://smtps.pec.aruba.it:587'] },
    { deps: baseDeps({ probeEndpoint: fakeProbe({}, probed) }), onProgress: (i, f) => (items.push(i), fractions.push(f)) },
  );
  assert.deepEqual(probed.sort(), ['imaps://imaps.pec.aruba.it:993', 'smtp://smtps.pec.aruba.it:587', 'smtps://smtps.pec.aruba.it:465']);
  assert.equal(report.endpoints.length, 3);
  const groups = new Set(items.map((i) => i.group));
  for (const g of ['system', 'clients', 'accounts', 'imaps://imaps.pec.aruba.it:993']) assert.ok(groups.has(g), g);
  const ids = new Set(items.map((i) => i.id));
  for (const key of ['dns', 'connect', 'tls12', 'certificate', 'simulation'])
    assert.ok(ids.has(`imaps://imaps.pec.aruba.it:993#${key}`), key);
  for (const i of items) assert.ok(i.label.it && i.label.en);
  assert.ok(
    fractions.every((f, k) => k === 0 || f >= fractions[k - 1]),
    'progress never goes back',
  );
  assert.equal(fractions[fractions.length - 1], 1);
  // The bar does not run ahead while only the machine checks are done: servers carry most of it.
  const firstServerUpdate = items.findIndex((i) => i.group.includes('://') && i.state !== 'pending');
  assert.ok(firstServerUpdate > 0);
  assert.ok(fractions[firstServerUpdate - 1] <= 0.2, `machine phase at ${fractions[firstServerUpdate - 1]}`);
  // Windows 7 + Outlook with TLS 1.2 off: the verdict is an error, and it names the problem.
  assert.equal(report.verdict.status, 'error');
  assert.match(report.verdict.summary.it, /Outlook su Windows 7 non usa TLS 1\.2/);
  assert.deepEqual(
    report.plans.map((p) => p.id),
    ['windows7-tls12'],
  );
  assert.equal(report.findings[0].severity, 'error');
  assert.equal(items.find((i) => i.id === 'system:os' && i.state === 'error')?.group, 'system');
  assert.deepEqual(report.context?.emails, ['studio.rossi@pec.it']);
});

test('a crashing collector or probe becomes check-failed; the run completes', async () => {
  const report = await runDiagnosis(
    { servers: ['imaps://a.example', 'imaps://b.example'] },
    {
      deps: baseDeps({
        discoverAccounts: async () => {
          throw new Error('registry denied');
        },
        probeEndpoint: async (e, o) => {
          if (e.host === 'a.example') throw new Error('socket exploded');
          return fakeProbe()(e, o);
        },
      }),
    },
  );
  const failed = report.findings.filter((f) => f.id === 'check-failed').map((f) => f.subject);
  assert.deepEqual(failed.sort(), ['accounts', 'probe imaps://a.example:993']);
  assert.equal(report.endpoints.length, 1);
  assert.equal(report.accounts, null);
});

test('a stray pipe error of a helper program during the run (PowerShell gone: EPIPE) is check-failed, not the end of the process', async () => {
  const child = path.join(__dirname, 'stray-error-child.ts');
  const out = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', child], { timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
  });
  assert.equal(out.code, 0, out.stderr);
  const { findings, listeners } = JSON.parse(out.stdout) as { findings: { id: string; evidence: unknown[] }[]; listeners: number };
  const failed = findings.filter((f) => f.id === 'check-failed');
  assert.equal(failed.length, 1, findings.map((f) => f.id).join(', '));
  assert.match(JSON.stringify(failed[0].evidence), /EPIPE/);
  assert.equal(listeners, 0, 'the guard is removed after the run');
});

test('an invalid typed server is a check-failed finding, not a crash', async () => {
  const report = await runDiagnosis({ servers: ['ftp://x'], skipDiscovery: true }, { deps: baseDeps({ probeEndpoint: fakeProbe() }) });
  assert.ok(report.findings.some((f) => f.id === 'check-failed' && /ftp/.test(f.subject ?? '')));
  assert.equal(report.context?.skipDiscovery, true);
  assert.ok(!report.findings.some((f) => f.id === 'no-pec-account-found'), 'no discovery, no "not found"');
});

test('cancellation stops the run with an AbortError and probes receive the signal', async () => {
  const controller = new AbortController();
  let sawSignal = false;
  const p = runDiagnosis(
    { servers: ['imaps://a.example', 'imaps://b.example', 'imaps://c.example', 'imaps://d.example', 'imaps://e.example'] },
    {
      signal: controller.signal,
      concurrency: 1,
      deps: baseDeps({
        probeEndpoint: (e, o) =>
          new Promise((resolve, reject) => {
            sawSignal = o.signal === controller.signal;
            o.signal?.addEventListener('abort', () => reject(new Error('aborted')));
            controller.abort();
          }),
      }),
    },
  );
  await assert.rejects(p, { name: 'AbortError' });
  assert.ok(sawSignal);
  await assert.rejects(runDiagnosis({}, { signal: AbortSignal.abort(), deps: baseDeps() }), { name: 'AbortError' });
});

test('re-evaluating a saved report gives the same findings and verdict', async () => {
  const report = await runDiagnosis(
    { emails: ['studio.rossi@pec.it'] },
    { deps: baseDeps({ probeEndpoint: fakeProbe({ 'smtps://smtps.pec.aruba.it:465': { verdict: 'connect-timeout' } }) }) },
  );
  const again = reevaluate(parseReportJson(JSON.stringify(report)));
  assert.deepEqual(again.findings, report.findings);
  assert.deepEqual(again.verdict, report.verdict);
  assert.deepEqual(reevaluate(report).findings, report.findings);
});

test('re-evaluating keeps the plans and the case code', async () => {
  const report = await runDiagnosis({ emails: ['studio.rossi@pec.it'] }, { deps: baseDeps({ probeEndpoint: fakeProbe() }) });
  const again = reevaluate(JSON.parse(JSON.stringify(report)));
  assert.deepEqual(again.plans, report.plans);
  assert.equal(again.caseCode, report.caseCode);
});

test('a hostile saved report: provider names, webmails and endpoints come from our catalogue, never from the file', async () => {
  const report = await runDiagnosis({ emails: ['studio.rossi@pec.it'] }, { deps: baseDeps({ probeEndpoint: fakeProbe() }) });
  const hostile = JSON.parse(JSON.stringify(report));
  hostile.context.lookups = [
    // A known id with a forged name and webmail.
    {
      email: 'studio.rossi@pec.it',
      provider: { id: 'aruba', name: 'Aruba PEC (webmail ufficiale)', webmail: 'https://evil.example/login' },
      endpoints: [{ host: 'evil.example', port: 993, protocol: 'imap', security: 'tls' }],
      message: { it: 'x', en: 'x' },
    },
    // An invented provider on an unknown domain.
    {
      email: 'avv@studio.example',
      provider: { id: 'evil', name: 'Gestore PEC ufficiale', webmail: 'javascript:alert(1)' },
      endpoints: [],
      message: null,
    },
    // Garbage entries.
    null,
    42,
    { provider: { id: 'aruba' } },
  ];
  hostile.plans = [{ id: 'windows7-tls12', stopGap: { providerId: 'x', providerName: 'Evil', url: 'https://evil.example' } }];
  const again = reevaluate(parseReportJson(JSON.stringify(hostile)));
  const json = JSON.stringify(again);
  assert.doesNotMatch(json, /evil\.example|javascript:|Gestore PEC ufficiale|webmail ufficiale/);
  assert.deepEqual(
    again.context?.lookups.map((l) => [l.email, l.provider?.name ?? null, l.provider?.webmail ?? null]),
    [
      ['studio.rossi@pec.it', 'Aruba PEC', 'https://webmail.pec.it'],
      ['avv@studio.example', null, null],
    ],
  );
  const plan = again.plans.find((p) => p.id === 'windows7-tls12');
  assert.deepEqual(plan?.stopGap, { providerId: 'aruba', providerName: 'Aruba PEC', url: 'https://webmail.pec.it' });
  assert.ok(again.findings.some((f) => f.id === 'provider-unknown' && f.subject === 'avv@studio.example'));
});

test('a corrupt or foreign file is refused with a clear message', () => {
  assert.throws(() => parseReportJson('{not json'), /JSON valido/);
  assert.throws(() => parseReportJson('[]'), /rapporto di PEC Doctor/);
  assert.throws(() => parseReportJson('{"hello":1}'), /schemaVersion/);
  assert.throws(() => parseReportJson('{"schemaVersion":99,"createdAt":"2026-01-01T00:00:00Z","endpoints":[]}'), /aggiorna PEC Doctor/);
  assert.throws(() => parseReportJson('{"schemaVersion":1,"createdAt":"x","endpoints":[]}'), /createdAt/);
  assert.throws(
    () =>
      parseReportJson('{"schemaVersion":1,"createdAt":"2026-01-01T00:00:00Z","endpoints":[{"url":1}],"inventory":null,"accounts":null}'),
    /endpoints/,
  );
  assert.throws(
    () => parseReportJson('{"schemaVersion":1,"createdAt":"2026-01-01T00:00:00Z","endpoints":[],"inventory":{"os":1},"accounts":null}'),
    /inventory/,
  );
});

test('probes run with bounded concurrency', async () => {
  let running = 0;
  let peak = 0;
  const servers = Array.from({ length: 9 }, (_, i) => `imaps://s${i}.example`);
  const report = await runDiagnosis(
    { servers, skipDiscovery: true },
    {
      concurrency: 3,
      deps: baseDeps({
        probeEndpoint: async (e, o) => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 10));
          running--;
          return fakeProbe()(e, o);
        },
      }),
    },
  );
  assert.equal(report.endpoints.length, 9);
  assert.equal(peak, 3);
});

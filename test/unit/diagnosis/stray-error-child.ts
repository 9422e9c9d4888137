// Child process for run.test.ts: a diagnosis whose inventory collector leaves a stray EPIPE
// behind (what systeminformation does on Windows < 10 when PowerShell exits at once: an 'error'
// event nobody listens to, thrown from a later tick). Prints the report's findings and how many
// uncaughtException listeners are left; node:test cannot host this, it claims uncaught errors.
import { runDiagnosis } from '../../../src/diagnosis/run';
import { OS, client, inventory, win7Tls } from './evidence';

void (async () => {
  const report = await runDiagnosis(
    { skipDiscovery: true },
    {
      deps: {
        collectInventory: async () => {
          setImmediate(() => {
            throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' });
          });
          await new Promise((r) => setTimeout(r, 20));
          return inventory(OS.win7, { windows: win7Tls(), clients: [client('outlook', '14.0.7015.1000')] });
        },
        now: () => new Date('2026-11-23T10:00:00.000Z'),
      },
    },
  );
  process.stdout.write(JSON.stringify({ findings: report.findings, listeners: process.listenerCount('uncaughtException') }));
})();

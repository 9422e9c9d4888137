// A forged report must never become a registry key: a report whose every string field carries
// CR, LF, U+2028, a [HKEY…\Run] section and quoted values goes through `fix-reg --from` on the
// real Windows Node, and Wine's regedit imports the fix and its undo into a fresh prefix. Only
// the fix's own values land; the Run key the forgery names never appears.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MACHINES } from './machines';
import {
  WINE_DIR,
  copyPrefix,
  machinePrefix,
  pecDoctor,
  wine,
  wineSuiteMissing,
  failWithoutPrerequisites,
  winPath,
  wineserverKill,
  wineserverWait,
} from './wine-env';
import { buildReport } from '../../src/diagnosis/run';
import { NOW, OS, client, context, inventory, win7Tls } from '../unit/diagnosis/evidence';

const missing = wineSuiteMissing('src/cli/main.js');
failWithoutPrerequisites('Wine .reg injection suite', missing);

const prefixes: string[] = [];
after(() => prefixes.forEach(wineserverKill));

const RUN = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run';
const EVIL = `\r\n[${RUN}]\r\n"PecDoctorPlanted"="C:\\\\Users\\\\Public\\\\x.exe"\u2028\r"Enabled"=-\n`;

test(
  'fix-reg --from a forged report under Wine: regedit imports only the fix’s own values',
  { skip: !!missing, timeout: 600_000 },
  async () => {
    const m = MACHINES.find((x) => x.name === 'win7-it-outlook2010')!;
    const { prefix } = await machinePrefix(m);
    const dir = path.join(WINE_DIR, 'injection');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });

    const report = buildReport({
      inventory: inventory(OS.win7, { windows: win7Tls(), clients: [client('outlook', '14.0.7015.1000', { marketingName: '2010' })] }),
      accounts: null,
      endpoints: [],
      context: context(),
      now: NOW,
    }) as unknown as {
      inventory: { os: Record<string, string> };
      app: { version: string };
      createdAt: string;
    };
    report.inventory.os.name += EVIL;
    report.inventory.os.version += EVIL;
    report.inventory.os.arch += EVIL;
    report.app.version += EVIL;
    report.createdAt = `Nov 23 2026 (${EVIL})`;
    const forged = path.join(dir, 'forged.json');
    fs.writeFileSync(forged, JSON.stringify(report));

    const r = await pecDoctor(prefix, ['fix-reg', '--json', '--from', winPath(forged), winPath(path.join(dir, 'fix.reg'))], {
      lang: m.lang,
    });
    assert.equal(r.code, 0, `${r.stdout} ${r.stderr}`);
    const target = copyPrefix(prefix, `${m.name}-injection`);
    prefixes.push(target);
    const SCH = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client';
    const enabled = async () => (await wine(target, ['reg', 'query', SCH, '/v', 'Enabled', '/reg:64'], { timeoutMs: 30_000 })).code;
    for (const file of ['fix.reg', 'fix-annulla.reg']) {
      assert.ok(fs.existsSync(path.join(dir, file)), `${file} written: ${r.stdout} ${r.stderr}`);
      const imp = await wine(target, ['regedit', '/S', winPath(path.join(dir, file))], { timeoutMs: 60_000 });
      assert.equal(imp.code, 0, imp.stderr);
      wineserverWait(target);
      const run = await wine(target, ['reg', 'query', RUN, '/v', 'PecDoctorPlanted', '/reg:64'], { timeoutMs: 30_000 });
      assert.notEqual(run.code, 0, `${file} planted a Run value: ${run.stdout}`);
      // The fix's own value lands, and the undo takes it away again.
      if (file === 'fix.reg') assert.equal(await enabled(), 0, 'the fix set TLS 1.2\\Client Enabled');
      else assert.notEqual(await enabled(), 0, 'the undo removed Enabled again');
    }
  },
);

// Reports of recorded Windows machines, made by the real collector (recordedSource) and the real
// rules (buildReport), for the tests of the .reg fix. A recording can be copied and one of its
// reg.exe outputs replaced, to stand for a machine someone already touched (e.g. WinHTTP set to
// 0xA80 by an earlier fix that kept TLS 1.0).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Report } from '../../src/api';
import { buildReport } from '../../src/diagnosis/run';
import { collectInventory, recordedSource } from '../../src/inventory/index';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'inventory');
const WINHTTP_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';

/** reg.exe's output for the WinHttp key holding DefaultSecureProtocols (as Windows prints it: CRLF). */
function winhttpOutput(value: number): string {
  return ['', WINHTTP_KEY, `    DefaultSecureProtocols    REG_DWORD    0x${value.toString(16)}`, '', `${WINHTTP_KEY}\\Tracing`, ''].join(
    '\r\n',
  );
}

/**
 * Windows 7 SP1 64-bit (Italian, recorded), whose 64-bit view already has WinHTTP
 * DefaultSecureProtocols = 0xA80 (TLS 1.0 + 1.1 + 1.2) while the 32-bit view (Wow6432Node) has none.
 */
export async function windows7x64WithWinhttpReport(): Promise<Report> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pec-e2e-machine-'));
  try {
    cpSync(path.join(FIXTURES, 'win7-sp1-x64-powershell2-it'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'registry', 'winhttp.txt'), winhttpOutput(0xa80));
    const inventory = await collectInventory({ source: recordedSource(dir) });
    return buildReport({
      inventory,
      accounts: { accounts: [], errors: [] },
      endpoints: [],
      context: { emails: [], servers: [], skipDiscovery: false, lookups: [], failures: [] },
      now: '2026-11-20T09:15:00.000Z',
    }) as Report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Test helpers for the repair: families built by the real windowsFamily(), and a stand-in
// reg.exe over an in-memory registry (so that failures in the middle of a write can be staged;
// the real reg.exe is exercised under Wine in test/wine/repair.test.ts).
import { windowsFamily, type WindowsFamily } from '../../../src/diagnosis/windows-family';
import type { OsInfo, WindowsTls } from '../../../src/inventory/types';
import type { Exec, ExecResult } from '../../../src/platform/exec';
import type { Registry } from '../../../src/platform/registry';

export function family(
  version: string,
  o: { name?: string; arch?: string; sp?: string; server?: boolean; kb?: boolean | null } = {},
): WindowsFamily {
  const os: OsInfo = {
    platform: 'windows',
    name: o.name ?? null,
    version,
    build: version.split('.')[2] ?? null,
    servicePack: o.sp ?? null,
    arch: o.arch ?? 'x64',
    productType: o.server ? 'server' : 'client',
    terminalServer: false,
    evidence: [],
  };
  const win = { kb3140245: o.kb ?? null, hotfixes: null } as unknown as WindowsTls;
  return windowsFamily(os, win)!;
}

/** key path (lower case) → value name → DWORD. */
export type Hive = Map<string, Map<string, number>>;

export function hive(init: Record<string, Record<string, number>> = {}): Hive {
  return new Map(Object.entries(init).map(([k, v]) => [k.toLowerCase(), new Map(Object.entries(v))]));
}

export function memoryRegistry(h: Hive): Registry {
  return {
    async readKey(p) {
      const values = h.get(p.toLowerCase());
      if (!values) return null;
      return {
        key: {
          path: p,
          values: [...values].map(([name, value]) => ({ name, type: 'REG_DWORD' as const, raw: `0x${value.toString(16)}`, value })),
        },
        subkeys: [],
      };
    },
    async readTree() {
      return [];
    },
  };
}

const result = (ok: boolean, command: string, stderr = ''): ExecResult => ({
  ok,
  stdout: '',
  stderr,
  code: ok ? 0 : 1,
  error: null,
  command,
});

/** A stand-in reg.exe (add/delete on the hive); `fail(n, args)` makes the n-th call (1-based) fail. */
export function regExeStandIn(h: Hive, fail?: (n: number, args: string[]) => boolean): Exec & { calls: string[][] } {
  const calls: string[][] = [];
  const exec = (async (_file: string, args: string[]) => {
    calls.push(args);
    const command = args.join(' ');
    if (fail?.(calls.length, args)) return result(false, command, 'ERROR: Access is denied.');
    const [verb, key, , name] = args;
    const k = key.toLowerCase();
    if (verb === 'add') {
      const values = h.get(k) ?? new Map<string, number>();
      values.set(name, Number(args[args.indexOf('/d') + 1]));
      h.set(k, values);
      return result(true, command);
    }
    if (verb === 'delete') {
      if (!h.get(k)?.has(name)) return result(false, command, 'ERROR: The system was unable to find the specified registry key or value.');
      h.get(k)!.delete(name);
      return result(true, command);
    }
    return result(false, command, 'unexpected');
  }) as Exec & { calls: string[][] };
  exec.calls = calls;
  return exec;
}

// A stand-in Windows for the desktop suite only (PEC_DOCTOR_TEST_REPAIR_MACHINE, honoured only
// when the app is not packaged): the family from `machine.json`, its registry values kept in the
// same file and changed by a stand-in reg.exe, the UAC answer from the file `uac` ("refuse" or
// "accept"), the restart written to `restart.json` instead of run. Everything else (plan,
// consent id, undo file, read-back, rollback, result) is the real core. What it cannot prove:
// real UAC, reg.exe, System Restore, wusa, shutdown (docs/repair.md; the Wine suite runs the
// real reg.exe).
import * as fs from 'fs';
import * as path from 'path';
import { windowsFamily } from '../src/diagnosis/windows-family';
import type { OsInfo, WindowsTls } from '../src/inventory/types';
import type { Exec, ExecResult } from '../src/platform/exec';
import type { Registry } from '../src/platform/registry';
import type { RepairMachine } from '../src/repair/session';

interface MachineFile {
  os: { version: string; name: string; arch: string; servicePack?: string };
  kb3140245: boolean | null;
  /** The language pack installed after KB3140245 (the trap), as the servicing store's reading says it. */
  languagePackAfterKb?: string | null;
  /** key path → value name → DWORD. */
  values: Record<string, Record<string, number>>;
}

export function testRepairDir(isPackaged: boolean): string | null {
  const dir = process.env.PEC_DOCTOR_TEST_REPAIR_MACHINE;
  return !isPackaged && dir && path.isAbsolute(dir) && fs.existsSync(path.join(dir, 'machine.json')) ? dir : null;
}

export function testMachine(dir: string): RepairMachine & { uacRefused(): boolean; recordRestart(args: unknown): void } {
  const file = path.join(dir, 'machine.json');
  const load = () => JSON.parse(fs.readFileSync(file, 'utf8')) as MachineFile;
  const save = (m: MachineFile) => fs.writeFileSync(file, JSON.stringify(m, null, 2));
  const find = (m: MachineFile, key: string) => Object.keys(m.values).find((k) => k.toLowerCase() === key.toLowerCase());
  const registry: Registry = {
    async readKey(p) {
      const m = load();
      const k = find(m, p);
      if (!k) return null;
      const values = Object.entries(m.values[k]).map(([name, value]) => ({
        name,
        type: 'REG_DWORD' as const,
        raw: `0x${value.toString(16)}`,
        value,
      }));
      return { key: { path: k, values }, subkeys: [] };
    },
    async readTree() {
      return [];
    },
  };
  const result = (ok: boolean, command: string, stderr = ''): ExecResult => ({
    ok,
    stdout: '',
    stderr,
    code: ok ? 0 : 1,
    error: ok ? null : null,
    command,
  });
  const exec: Exec = async (exe, args) => {
    const command = [exe, ...args].join(' ');
    if (path.basename(exe) !== 'reg.exe') return { ok: false, stdout: '', stderr: '', code: null, error: `not found: ${exe}`, command };
    const m = load();
    const [verb, key, , name] = args;
    const k = find(m, key) ?? key;
    if (verb === 'add') {
      m.values[k] = { ...(m.values[k] ?? {}), [name]: Number(args[args.indexOf('/d') + 1]) };
      save(m);
      return result(true, command);
    }
    if (verb === 'delete' && m.values[k] && name in m.values[k]) {
      delete m.values[k][name];
      save(m);
      return result(true, command);
    }
    return result(false, command, 'ERROR: The system was unable to find the specified registry key or value.');
  };
  return {
    async family() {
      const m = load();
      const os: OsInfo = {
        platform: 'windows',
        name: m.os.name,
        version: m.os.version,
        build: m.os.version.split('.')[2] ?? null,
        servicePack: m.os.servicePack ?? null,
        arch: m.os.arch,
        productType: 'client',
        terminalServer: false,
        evidence: [],
      };
      return windowsFamily(os, { kb3140245: m.kb3140245, hotfixes: null } as unknown as WindowsTls);
    },
    languagePackAfterKb: async () => load().languagePackAfterKb ?? null,
    registry,
    exec,
    regExe: 'reg.exe',
    uacRefused: () => fs.readFileSync(path.join(dir, 'uac'), 'utf8').trim() !== 'accept',
    recordRestart: (args) => fs.writeFileSync(path.join(dir, 'restart.json'), JSON.stringify(args)),
  };
}

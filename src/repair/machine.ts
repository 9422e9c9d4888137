// This Windows as a RepairMachine: the family from a fresh OS read and update list, reg.exe for
// the values. One limit on external programs is kept by the source.
import { machineSource } from '../inventory/index';
import { exec as realExec } from '../platform/exec';
import { windowsRegistry } from '../platform/registry';
import { liveState } from './live';
import type { RepairMachine } from './session';

export function windowsRepairMachine(): RepairMachine {
  // One OS and servicing read serves both questions (a machine object lives for one request).
  let state: ReturnType<typeof liveState> | null = null;
  const read = () => (state ??= liveState(machineSource()));
  return {
    family: async () => (await read()).family,
    languagePackAfterKb: async () => (await read()).languagePackAfterKb,
    registry: windowsRegistry({ exec: realExec }),
    exec: realExec,
  };
}

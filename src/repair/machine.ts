// This Windows as a RepairMachine: the family from a fresh OS read and update list, reg.exe for
// the values. One limit on external programs is kept by the source.
import { machineSource } from '../inventory/index';
import { exec as realExec } from '../platform/exec';
import { windowsRegistry } from '../platform/registry';
import { liveFamily } from './live';
import type { RepairMachine } from './session';

export function windowsRepairMachine(): RepairMachine {
  return {
    family: () => liveFamily(machineSource()),
    registry: windowsRegistry({ exec: realExec }),
    exec: realExec,
  };
}

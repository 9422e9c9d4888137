// `pec-doctor inventory [--json] [--fixture <dir>]`: the system inventory of this machine, or
// of a recorded machine (a fixture directory, see docs/inventory.md) for technicians and tests.
import * as fs from 'fs';
import type { Command } from '../command';
import { UsageError, writeJson } from '../command';
import { collectInventory, recordedSource } from '../../inventory/index';
import { inventorySummary } from '../../inventory/summary';

export const inventoryCommand: Command = {
  name: 'inventory',
  summary: 'sistema, programmi di posta, browser e impostazioni TLS / system, mail clients, browsers, TLS settings',
  options: {
    fixture: {
      type: 'string',
      arg: '<dir>',
      description: 'legge una macchina registrata invece di questa (tecnici, test) / read a recorded machine instead of this one',
    },
  },
  async run(ctx) {
    const fixture = ctx.values.fixture;
    let source;
    if (fixture !== undefined) {
      if (typeof fixture !== 'string' || !fs.existsSync(`${fixture}/machine.json`)) {
        throw new UsageError(`--fixture vuole una cartella con machine.json / needs a recorded machine directory: "${String(fixture)}"`);
      }
      source = recordedSource(fixture);
    }
    const inv = await collectInventory({ signal: ctx.signal, source });
    if (ctx.json) writeJson(ctx, inv);
    else ctx.stdout.write(inventorySummary(inv));
    return 0;
  },
};

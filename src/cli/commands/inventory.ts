import type { Command } from '../command';
import { writeJson } from '../command';
import { collectInventory } from '../../inventory/index';

export const inventoryCommand: Command = {
  name: 'inventory',
  summary: 'sistema, programmi di posta, browser e impostazioni TLS / system, mail clients, browsers, TLS settings',
  options: {},
  async run(ctx) {
    const inv = await collectInventory({ signal: ctx.signal });
    if (ctx.json) {
      writeJson(ctx, inv);
      return 0;
    }
    ctx.stdout.write(`Sistema: ${inv.os.name ?? '?'} ${inv.os.version ?? ''} (${inv.os.arch ?? '?'})\n`);
    return 0;
  },
};

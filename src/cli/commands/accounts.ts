import type { Command } from '../command';
import { writeJson } from '../command';
import { discoverAccounts } from '../../accounts/index';

export const accountsCommand: Command = {
  name: 'accounts',
  summary: 'account PEC configurati in Thunderbird, Outlook, Windows Live Mail / configured PEC accounts',
  options: {},
  async run(ctx) {
    const result = await discoverAccounts();
    if (ctx.json) {
      writeJson(ctx, result);
      return 0;
    }
    ctx.stdout.write(`Account trovati: ${result.accounts.length}\n`);
    return 0;
  },
};

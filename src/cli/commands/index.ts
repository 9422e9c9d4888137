// Every CLI command, in the order `pec-doctor --help` lists them.
import type { Command } from '../command';
import { checkCommand } from './check';
import { probeCommand } from './probe';
import { inventoryCommand } from './inventory';
import { accountsCommand } from './accounts';
import { evaluateCommand } from './evaluate';
import { fixRegCommand } from './fix-reg';
import { repairCommand } from './repair';
import { historyCommand } from './history';
import { uiCommand } from './ui';

export const COMMANDS: readonly Command[] = [
  checkCommand,
  probeCommand,
  inventoryCommand,
  accountsCommand,
  evaluateCommand,
  fixRegCommand,
  repairCommand,
  historyCommand,
  uiCommand,
];

import type { Command } from '../command';

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'rivaluta un rapporto JSON salvato con le regole di questa versione / re-evaluate a saved report',
  args: '<report.json>',
  minArgs: 1,
  maxArgs: 1,
  options: {},
  async run() {
    throw new Error('not built yet');
  },
};

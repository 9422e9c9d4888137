import type { Command } from '../command';

export const fixRegCommand: Command = {
  name: 'fix-reg',
  summary: 'scrive un file .reg per abilitare TLS 1.2 su Windows 7/8 (per il tecnico) / write a .reg fix',
  args: '<file>',
  minArgs: 1,
  maxArgs: 1,
  options: {},
  async run() {
    throw new Error('not built yet');
  },
};

import type { Command } from '../command';

export const probeCommand: Command = {
  name: 'probe',
  summary: 'verifica TLS di uno o più server PEC / TLS check of PEC servers (imaps://, smtp://host:587, ...)',
  args: '<url>...',
  minArgs: 1,
  options: {
    timeout: { type: 'string', arg: '<s>', description: 'tempo massimo per server, in secondi / deadline per server' },
  },
  async run() {
    throw new Error('not built yet');
  },
};

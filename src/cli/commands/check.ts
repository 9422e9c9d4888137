import type { Command } from '../command';

export const checkCommand: Command = {
  name: 'check',
  summary: 'diagnosi completa: sistema, account, server, soluzioni / full diagnosis with fixes',
  options: {
    email: { type: 'string', multiple: true, arg: '<indirizzo>', description: 'indirizzo PEC da verificare / PEC address to check' },
    server: { type: 'string', multiple: true, arg: '<url>', description: 'server da verificare / server to check' },
    html: { type: 'string', arg: '<file>', description: 'salva il rapporto HTML / save the HTML report' },
    timeout: { type: 'string', arg: '<s>', description: 'tempo massimo per server, in secondi / deadline per server' },
  },
  async run() {
    throw new Error('not built yet');
  },
};

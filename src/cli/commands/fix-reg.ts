// `pec-doctor fix-reg <file>`: writes the commented .reg fix for Windows 7/8 (SChannel TLS 1.1/1.2
// client keys, WinHTTP DefaultSecureProtocols, .NET strong crypto) for a technician to import.
// Never applied automatically; never overwrites an existing file without --force.
import * as fs from 'fs';
import type { Command } from '../command';
import { writeJson } from '../command';
import { regFixBuffer } from '../../diagnosis/reg-fix';
import { APP_VERSION } from '../../version';

export const fixRegCommand: Command = {
  name: 'fix-reg',
  summary: 'scrive un file .reg per abilitare TLS 1.2 su Windows 7/8 (per il tecnico) / write a .reg fix',
  args: '<file>',
  minArgs: 1,
  maxArgs: 1,
  options: {
    force: { type: 'boolean', description: 'sovrascrive il file se esiste / overwrite an existing file' },
  },
  async run(ctx) {
    const file = ctx.positionals[0];
    const content = regFixBuffer(APP_VERSION, new Date().toISOString());
    try {
      fs.writeFileSync(file, content, { flag: ctx.values.force === true ? 'w' : 'wx' });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      ctx.stderr.write(
        code === 'EEXIST'
          ? `pec-doctor fix-reg: "${file}" esiste già: scegli un altro nome o usa --force / file exists, use --force\n`
          : `pec-doctor fix-reg: non riesco a scrivere "${file}": ${(err as Error).message}\n`,
      );
      return 1;
    }
    if (ctx.json) writeJson(ctx, { path: file, bytes: content.length, encoding: 'utf-16le-bom', applied: false });
    else {
      ctx.stdout.write(
        `File scritto: ${file}\nNon è stato applicato nulla. Il tecnico lo importa su Windows 7/8 (doppio clic, da amministratore) dopo aver installato KB3140245, poi riavvia.\n`,
      );
    }
    return 0;
  },
};

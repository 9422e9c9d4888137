// `pec-doctor inventory [--json] [--fixture <dir> | --record <dir>]`: the system inventory of this
// machine, or of a recorded machine (a fixture directory, see docs/inventory.md) for technicians
// and tests; --record saves what was read on this machine as such a directory.
import * as fs from 'fs';
import type { Command } from '../command';
import { UsageError, writeJson } from '../command';
import { collectInventory, machineSource, recordedSource } from '../../inventory/index';
import { RecordingError } from '../../inventory/source';
import { RecordingWriteError, recordingSource, type Recorder } from '../../inventory/record';
import { escapeInline } from '../../util/terminal';
import { inventorySummary } from '../../inventory/summary';
import { errorMessage } from '../../util/errors';

export const inventoryCommand: Command = {
  name: 'inventory',
  summary: 'sistema, programmi di posta, browser e impostazioni TLS / system, mail clients, browsers, TLS settings',
  options: {
    fixture: {
      type: 'string',
      arg: '<dir>',
      description: 'legge una macchina registrata invece di questa (tecnici, test) / read a recorded machine instead of this one',
    },
    record: {
      type: 'string',
      arg: '<dir>',
      description: 'salva quanto letto in una cartella, da rileggere con --fixture / save what was read, to replay with --fixture',
    },
  },
  async run(ctx) {
    const fixture = ctx.values.fixture;
    let source;
    if (fixture !== undefined) {
      if (typeof fixture !== 'string' || !fs.existsSync(`${fixture}/machine.json`)) {
        throw new UsageError(`--fixture vuole una cartella con machine.json / needs a recorded machine directory: "${String(fixture)}"`);
      }
      try {
        source = recordedSource(fixture);
      } catch (err) {
        if (err instanceof RecordingError) throw new UsageError(`--fixture: ${err.message}`);
        // A corrupt recording is bad input: say which file, not a parser's internal message.
        throw new UsageError(
          `--fixture: la macchina registrata in "${fixture}" non è leggibile (machine.json o commands.json non validi) / the recorded machine is unreadable: ${errorMessage(err)}`,
        );
      }
    }
    const record = ctx.values.record;
    let recorder: Recorder | undefined;
    if (record !== undefined) {
      if (typeof record !== 'string' || record === '') throw new UsageError('--record vuole una cartella / needs a directory');
      if (source) throw new UsageError('--record e --fixture non vanno insieme / --record and --fixture exclude each other');
      try {
        // An empty real folder (created if absent); every file then written without following links.
        recorder = recordingSource(machineSource({ signal: ctx.signal }), record);
      } catch (err) {
        if (!(err instanceof RecordingWriteError)) throw err;
        throw new UsageError(`--record: ${err.message} / the folder must be new or empty, and a real folder`);
      }
      source = recorder.source;
    }
    const inv = await collectInventory({ signal: ctx.signal, source });
    try {
      recorder?.finish();
    } catch (err) {
      if (!(err instanceof RecordingWriteError)) throw err;
      ctx.stderr.write(`pec-doctor inventory: ${escapeInline(err.message)} / the recording is incomplete\n`);
      return 1;
    }
    if (ctx.json) writeJson(ctx, inv);
    else ctx.stdout.write(inventorySummary(inv));
    return 0;
  },
};

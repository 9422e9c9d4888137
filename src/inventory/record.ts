// Records what the inventory reads on this machine into a fixture directory (the layout of
// recordedSource, docs/inventory.md), so that a technician can bring a customer's machine back
// and replay it with `pec-doctor inventory --fixture <dir>`.
import * as fs from 'fs';
import * as path from 'path';
import type { Source, RecordedCommand } from './source';
import { recordedFilePath } from './source';
import { RegistryError, type RegKey, type Registry } from '../platform/registry';
import { keyEvidence } from './probe';
import { APP_VERSION } from '../version';

/** Environment variables the collectors use; nothing else is written. */
const ENV_KEPT = ['PROCESSOR_ARCHITECTURE', 'PROCESSOR_ARCHITEW6432', 'SystemRoot', 'ProgramFiles', 'ProgramFiles(x86)'];

/** reg.exe-style text of keys (private values left out, as in the evidence). */
function regText(keys: RegKey[], subkeys: string[] = []): string {
  const blocks = keys.map((k) => keyEvidence(k));
  return (
    ['', ...blocks.map((b) => `${b}\r\n`), ...subkeys]
      .join('\r\n')
      .replace(/\n/g, '\r\n')
      .replace(/\r\r\n/g, '\r\n') + '\r\n'
  );
}

export interface Recorder {
  source: Source;
  /** Writes machine.json and commands.json; call once, after collecting. */
  finish(): void;
}

export function recordingSource(inner: Source, dir: string): Recorder {
  fs.mkdirSync(path.join(dir, 'commands'), { recursive: true });
  const commands: RecordedCommand[] = [];
  const denied: string[] = [];
  let regCount = 0;
  let fileCount = 0;
  const writeReg = (view: 64 | 32 | undefined, text: string) => {
    const sub = view === 32 ? path.join(dir, 'registry', 'wow32') : path.join(dir, 'registry');
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `${String(++regCount).padStart(3, '0')}.txt`), text, 'utf8');
  };
  const onRegError = (err: unknown, p: string) => {
    if (err instanceof RegistryError && err.reason === 'denied') denied.push(p);
    throw err;
  };
  const registry: Registry | null = inner.registry && {
    async readKey(p, view) {
      const r = await inner.registry!.readKey(p, view).catch((e: unknown) => onRegError(e, p));
      if (r) writeReg(view, regText([r.key], r.subkeys));
      return r;
    },
    async readTree(p, view) {
      const keys = await inner.registry!.readTree(p, view).catch((e: unknown) => onRegError(e, p));
      if (keys.length) writeReg(view, regText(keys));
      return keys;
    },
  };
  const source: Source = {
    ...inner,
    label: `recording ${path.basename(dir)}`,
    registry,
    async exec(file, args, options) {
      const r = await inner.exec(file, args, options);
      const entry: RecordedCommand = { argv: [file, ...args] };
      if (r.stdout.length > 2000) {
        const name = `${String(commands.length + 1).padStart(3, '0')}.txt`;
        fs.writeFileSync(path.join(dir, 'commands', name), r.stdout, 'utf8');
        entry.stdoutFile = name;
      } else if (r.stdout) entry.stdout = r.stdout;
      if (r.stderr) entry.stderr = r.stderr;
      if (r.error) entry.error = r.error;
      else if (r.code !== 0) entry.code = r.code;
      // A missing program is recorded by its absence.
      if (!r.error?.startsWith('not found')) commands.push(entry);
      return r;
    },
    async readFile(file) {
      const r = await inner.readFile(file);
      if (r.ok) {
        const target = recordedFilePath(dir, file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, r.data);
        fileCount++;
      }
      return r;
    },
    async osInfo() {
      try {
        const o = await inner.osInfo();
        fs.writeFileSync(path.join(dir, 'si-osinfo.json'), JSON.stringify(o, null, 2) + '\n');
        return o;
      } catch (err) {
        fs.writeFileSync(path.join(dir, 'si-osinfo.json'), JSON.stringify({ error: (err as Error).message }, null, 2) + '\n');
        throw err;
      }
    },
  };
  return {
    source,
    finish() {
      const env: Record<string, string> = {};
      for (const k of ENV_KEPT) if (inner.env[k] !== undefined) env[k] = inner.env[k]!;
      const machine = {
        platform: inner.platform,
        arch: inner.processArch,
        release: inner.release,
        homedir: inner.homedir,
        env,
        description: `recorded by PEC Doctor ${APP_VERSION} on ${inner.now().toISOString()} (${regCount} registry reads, ${commands.length} commands, ${fileCount} files)`,
      };
      fs.writeFileSync(path.join(dir, 'machine.json'), JSON.stringify(machine, null, 2) + '\n');
      fs.writeFileSync(path.join(dir, 'commands.json'), JSON.stringify(commands, null, 2) + '\n');
      if (denied.length) fs.writeFileSync(path.join(dir, 'registry', 'denied.txt'), denied.join('\r\n') + '\r\n');
    },
  };
}

// A small strict argument parser: --name value, --name=value, -x, booleans, repeatable options
// and "--" to end options. (util.parseArgs is only experimental in Node 16.17, our floor.)
import type { OptionSpec } from './command';
import { UsageError } from './command';

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseArguments(args: readonly string[], options: Record<string, OptionSpec>): Parsed {
  const values: Parsed['values'] = {};
  const positionals: string[] = [];
  const byShort = new Map(
    Object.entries(options)
      .filter(([, o]) => o.short)
      .map(([k, o]) => [o.short as string, k]),
  );
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else if (/^-[A-Za-z]$/.test(arg)) {
      name = byShort.get(arg.slice(1));
      if (!name) throw new UsageError(`opzione sconosciuta / unknown option ${arg}`);
    } else {
      positionals.push(arg);
      continue;
    }
    const spec = options[name];
    if (!spec) throw new UsageError(`opzione sconosciuta / unknown option --${name}`);
    let value: string | boolean;
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} non vuole un valore / takes no value`);
      value = true;
    } else {
      if (inline !== undefined) value = inline;
      else if (i + 1 < args.length && !args[i + 1].startsWith('-')) value = args[++i];
      else throw new UsageError(`--${name} vuole un valore / needs a value${spec.arg ? ` ${spec.arg}` : ''}`);
    }
    if (spec.multiple) {
      const list = (values[name] as string[] | undefined) ?? [];
      list.push(String(value));
      values[name] = list;
    } else {
      if (values[name] !== undefined) throw new UsageError(`--${name} ripetuta / given twice`);
      values[name] = value;
    }
  }
  return { values, positionals };
}

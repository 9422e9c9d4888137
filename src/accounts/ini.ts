// A small INI reader for Mozilla's profiles.ini and installs.ini: `[Section]` headers and
// `key=value` lines; `;` and `#` start comment lines. Pure.

export type IniSections = Map<string, Map<string, string>>;

export function parseIni(source: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | null = null;
  for (const rawLine of source.replace(/^\ufeff/, '').split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      const name = header[1].trim();
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0 || !current) continue;
    current.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return sections;
}

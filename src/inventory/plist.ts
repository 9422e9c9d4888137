// A small parser for XML property lists (Info.plist, SystemVersion.plist). Binary plists
// ("bplist00") are converted to XML with `plutil -convert xml1 -o - <file>` by the caller.

export type PlistValue = string | number | boolean | Date | Uint8Array | PlistValue[] | { [key: string]: PlistValue };

export class PlistError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? whole;
  });
}

interface Token {
  kind: 'open' | 'close' | 'empty' | 'text';
  name: string;
  text: string;
}

function tokenize(xml: string): Token[] {
  const body = xml
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE[\s\S]*?>/i, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const tokens: Token[] = [];
  const re = /<(\/?)([A-Za-z]+)[^>]*?(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[4] !== undefined) tokens.push({ kind: 'text', name: '', text: m[4] });
    else tokens.push({ kind: m[1] ? 'close' : m[3] ? 'empty' : 'open', name: m[2], text: '' });
  }
  return tokens;
}

/** Parses an XML plist to plain values; throws PlistError on malformed input. */
export function parsePlist(xml: string): PlistValue {
  if (xml.startsWith('bplist')) throw new PlistError('binary plist: convert it to XML first');
  const tokens = tokenize(xml);
  let i = 0;
  const skipSpace = () => {
    while (i < tokens.length && tokens[i].kind === 'text' && tokens[i].text.trim() === '') i++;
  };
  const textUntilClose = (name: string): string => {
    let text = '';
    while (i < tokens.length && tokens[i].kind === 'text') text += tokens[i++].text;
    const t = tokens[i++];
    if (!t || t.kind !== 'close' || t.name !== name) throw new PlistError(`expected </${name}>`);
    return decodeEntities(text);
  };
  const value = (): PlistValue => {
    skipSpace();
    const t = tokens[i++];
    if (!t) throw new PlistError('unexpected end of plist');
    if (t.kind === 'empty') {
      if (t.name === 'true') return true;
      if (t.name === 'false') return false;
      if (t.name === 'string') return '';
      if (t.name === 'dict') return {};
      if (t.name === 'array') return [];
      if (t.name === 'data') return new Uint8Array(0);
      throw new PlistError(`unexpected <${t.name}/>`);
    }
    if (t.kind !== 'open') throw new PlistError(`unexpected ${t.kind === 'text' ? 'text' : `</${t.name}>`}`);
    switch (t.name) {
      case 'string':
        return textUntilClose('string');
      case 'integer': {
        const s = textUntilClose('integer').trim();
        if (!/^[+-]?(0x[0-9a-fA-F]+|\d+)$/.test(s)) throw new PlistError(`bad integer "${s}"`);
        return Number(s);
      }
      case 'real': {
        const n = Number(textUntilClose('real').trim());
        if (Number.isNaN(n)) throw new PlistError('bad real');
        return n;
      }
      case 'date':
        return new Date(textUntilClose('date').trim());
      case 'data':
        return Uint8Array.from(Buffer.from(textUntilClose('data').replace(/\s+/g, ''), 'base64'));
      case 'true':
      case 'false':
        textUntilClose(t.name);
        return t.name === 'true';
      case 'array': {
        const arr: PlistValue[] = [];
        for (;;) {
          skipSpace();
          if (tokens[i]?.kind === 'close' && tokens[i].name === 'array') {
            i++;
            return arr;
          }
          arr.push(value());
        }
      }
      case 'dict': {
        const dict: { [key: string]: PlistValue } = {};
        for (;;) {
          skipSpace();
          const k = tokens[i++];
          if (!k) throw new PlistError('unterminated <dict>');
          if (k.kind === 'close' && k.name === 'dict') return dict;
          if (k.kind !== 'open' || k.name !== 'key') throw new PlistError('expected <key> in <dict>');
          const key = textUntilClose('key');
          dict[key] = value();
        }
      }
      case 'plist': {
        const v = value();
        skipSpace();
        const close = tokens[i++];
        if (!close || close.kind !== 'close' || close.name !== 'plist') throw new PlistError('expected </plist>');
        return v;
      }
      default:
        throw new PlistError(`unknown element <${t.name}>`);
    }
  };
  const result = value();
  return result;
}

/** A string value of a top-level dict key, or null. */
export function plistString(p: PlistValue | null, key: string): string | null {
  if (!p || typeof p !== 'object' || Array.isArray(p) || p instanceof Date || p instanceof Uint8Array) return null;
  const v = p[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

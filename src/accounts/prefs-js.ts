// Reader for Mozilla preference files (prefs.js, user.js): a tokenizer for
// `user_pref("name", value);` statements, never eval. Values are strings (double or single
// quotes, with \\ \" \' \n \r \t \xHH \uHHHH escapes), integers and booleans; comments are
// `// ...`, `# ...` and `/* ... */`. `pref(...)` and `sticky_pref(...)` are accepted too (the
// grammar of Gecko's modules/libpref/parser, read for the facts only).
// Preferences whose name contains "password" are skipped: their value is never kept.

export type PrefValue = string | number | boolean;

export interface PrefsFile {
  prefs: Map<string, PrefValue>;
  /** First syntax error: the file is then unreadable and `prefs` holds what came before it. */
  error: { line: number; reason: string } | null;
}

type Token =
  | { kind: 'ident'; value: string; line: number }
  | { kind: 'string'; value: string; line: number }
  | { kind: 'number'; value: number; line: number }
  | { kind: 'punct'; value: '(' | ')' | ',' | ';'; line: number }
  | { kind: 'eof'; line: number };

class PrefsSyntaxError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(reason);
  }
}

const PREF_FUNCTIONS = new Set(['user_pref', 'pref', 'sticky_pref']);

export const isSecretPref = (name: string): boolean => /password/i.test(name);

class Lexer {
  private i = 0;
  private line = 1;
  constructor(private readonly s: string) {}

  next(): Token {
    this.skipSpaceAndComments();
    const s = this.s;
    const line = this.line;
    if (this.i >= s.length) return { kind: 'eof', line };
    const c = s[this.i];
    if (c === '(' || c === ')' || c === ',' || c === ';') {
      this.i++;
      return { kind: 'punct', value: c, line };
    }
    if (c === '"' || c === "'") return { kind: 'string', value: this.string(c), line };
    if (c === '-' || c === '+' || (c >= '0' && c <= '9')) return { kind: 'number', value: this.number(), line };
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.i, this.i + 64));
      const word = m ? m[0] : c;
      this.i += word.length;
      return { kind: 'ident', value: word, line };
    }
    throw new PrefsSyntaxError(line, `unexpected character ${describeChar(c)}`);
  }

  private skipSpaceAndComments(): void {
    const s = this.s;
    for (;;) {
      const c = s[this.i];
      if (c === '\n') {
        this.line++;
        this.i++;
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\ufeff') {
        this.i++;
      } else if (c === '#' || (c === '/' && s[this.i + 1] === '/')) {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else if (c === '/' && s[this.i + 1] === '*') {
        const start = this.line;
        const end = s.indexOf('*/', this.i + 2);
        if (end < 0) throw new PrefsSyntaxError(start, 'comment not closed before the end of the file');
        for (let k = this.i; k < end; k++) if (s[k] === '\n') this.line++;
        this.i = end + 2;
      } else {
        return;
      }
    }
  }

  /**
   * A quoted string, in time linear in its length: runs of ordinary characters are copied as
   * one slice (a character-at-a-time `out += c` made a 400 MB file take 4 GB), escapes one by one.
   */
  private string(quote: string): string {
    const s = this.s;
    const startLine = this.line;
    // Pieces are joined 4096 at a time, so a string made only of escapes stays small too.
    const chunks: string[] = [];
    const parts: string[] = [];
    const run = quote === '"' ? /[^"\\\n]+/y : /[^'\\\n]+/y;
    this.i++;
    for (;;) {
      if (parts.length >= 4096) chunks.push(parts.splice(0).join(''));
      run.lastIndex = this.i;
      if (run.test(s)) {
        parts.push(s.slice(this.i, run.lastIndex));
        this.i = run.lastIndex;
      }
      if (this.i >= s.length) throw new PrefsSyntaxError(startLine, 'string not closed before the end of the file');
      const c = s[this.i++];
      if (c === quote) return chunks.length === 0 && parts.length === 1 ? parts[0] : chunks.join('') + parts.join('');
      if (c === '\n') {
        this.line++;
        parts.push(c);
        continue;
      }
      const e = s[this.i++];
      switch (e) {
        case 'n':
          parts.push('\n');
          break;
        case 'r':
          parts.push('\r');
          break;
        case 't':
          parts.push('\t');
          break;
        case '\\':
        case '"':
        case "'":
          parts.push(e);
          break;
        case 'x':
        case 'u': {
          const len = e === 'x' ? 2 : 4;
          const hex = s.slice(this.i, this.i + len);
          if (!(e === 'x' ? /^[0-9a-fA-F]{2}$/ : /^[0-9a-fA-F]{4}$/).test(hex))
            throw new PrefsSyntaxError(this.line, `bad \\${e} escape in a string`);
          parts.push(String.fromCharCode(parseInt(hex, 16)));
          this.i += len;
          break;
        }
        case undefined:
          throw new PrefsSyntaxError(startLine, 'string not closed before the end of the file');
        default:
          throw new PrefsSyntaxError(this.line, `unknown escape ${describeChar('\\' + e)} in a string`);
      }
    }
  }

  private number(): number {
    const m = /^[-+]?[0-9]+/.exec(this.s.slice(this.i, this.i + 32));
    if (!m) throw new PrefsSyntaxError(this.line, 'a number was expected');
    this.i += m[0].length;
    const n = Number(m[0]);
    // Gecko stores int prefs as 32-bit signed integers.
    if (n > 2147483647 || n < -2147483648) throw new PrefsSyntaxError(this.line, 'a number out of range (32-bit)');
    return n;
  }
}

/** Parses the text of prefs.js or user.js. Pure; never throws. */
export function parsePrefs(source: string): PrefsFile {
  const prefs = new Map<string, PrefValue>();
  const lexer = new Lexer(source);
  const expectPunct = (value: string): void => {
    const t = lexer.next();
    if (t.kind !== 'punct' || t.value !== value) throw new PrefsSyntaxError(t.line, `"${value}" expected, found ${describe(t)}`);
  };
  try {
    for (;;) {
      const t = lexer.next();
      if (t.kind === 'eof') break;
      if (t.kind === 'punct' && t.value === ';') continue;
      if (t.kind !== 'ident' || !PREF_FUNCTIONS.has(t.value))
        throw new PrefsSyntaxError(t.line, `user_pref(...) expected, found ${describe(t)}`);
      expectPunct('(');
      const name = lexer.next();
      if (name.kind !== 'string') throw new PrefsSyntaxError(name.line, `preference name expected, found ${describe(name)}`);
      expectPunct(',');
      const v = lexer.next();
      let value: PrefValue;
      if (v.kind === 'string' || v.kind === 'number') value = v.value;
      else if (v.kind === 'ident' && (v.value === 'true' || v.value === 'false')) value = v.value === 'true';
      else throw new PrefsSyntaxError(v.line, `value of "${name.value}" expected, found ${describe(v)}`);
      // pref("name", value, locked) in default files: accept trailing attributes.
      let p = lexer.next();
      while (p.kind === 'punct' && p.value === ',') {
        const attr = lexer.next();
        if (attr.kind !== 'ident') throw new PrefsSyntaxError(attr.line, `pref attribute expected, found ${describe(attr)}`);
        p = lexer.next();
      }
      if (p.kind !== 'punct' || p.value !== ')') throw new PrefsSyntaxError(p.line, `")" expected, found ${describe(p)}`);
      expectPunct(';');
      if (!isSecretPref(name.value)) prefs.set(name.value, value);
    }
    return { prefs, error: null };
  } catch (err) {
    if (err instanceof PrefsSyntaxError) return { prefs, error: { line: err.line, reason: err.message } };
    throw err;
  }
}

/**
 * What was found instead, without quoting the file: a prefs.js linked to another file (a
 * password database) must not leak its first word into the report. Punctuation is ours to name.
 */
function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the file (truncated?)';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'punct':
      return `"${t.value}"`;
    default:
      return 'a word that is not user_pref';
  }
}

/** A character named by its code point (U+003A), never copied raw into a message. */
function describeChar(c: string): string {
  return [...c].map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/** One preference as a user_pref line, for evidence (never called for secret names). */
export function prefLine(name: string, value: PrefValue): string {
  return `user_pref(${JSON.stringify(name)}, ${typeof value === 'string' ? JSON.stringify(value) : String(value)});`;
}

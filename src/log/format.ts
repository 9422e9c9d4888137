// One log line, pure: `2026-12-07T17:06:36.123Z INFO  diagnosis.start {"runId":"…"}`. The fields
// are JSON, so a value from a server or a file can never start a new line or forge another entry;
// secrets never reach the file (issue #21: a technician may be sent the log).
export type LogLevel = 'info' | 'warn' | 'error';
export type LogValue = string | number | boolean | null | undefined | Error | readonly string[];
export type LogFields = Record<string, LogValue>;

/** Field names whose values are never written, whatever they hold. */
const SECRET_KEY = /pass(word)?|pwd|secret|token|cookie|authori[sz]ation|credential|api[-_]?key/i;
/** `scheme://user:password@host` → `scheme://user@host`. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+):[^\s/@]*@/gi;
/** Characters JSON leaves alone that a terminal or an editor would still act on. */
const UNSAFE_CHARS = /[\u007f-\u009f\u2028\u2029]/g;

export const OMITTED = '[omesso]';

export function formatLogLine(time: Date, level: LogLevel, event: string, fields: LogFields = {}): string {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    clean[key] = SECRET_KEY.test(key) ? OMITTED : cleanValue(value);
  }
  const json = Object.keys(clean).length > 0 ? ` ${escapeUnsafe(JSON.stringify(clean))}` : '';
  return `${time.toISOString()} ${level.toUpperCase().padEnd(5)} ${safeEvent(event)}${json}\n`;
}

function cleanValue(value: Exclude<LogValue, undefined>): unknown {
  if (value instanceof Error) {
    const code = (value as NodeJS.ErrnoException).code;
    return {
      message: stripPasswords(value.message),
      ...(code ? { code } : {}),
      ...(value.stack ? { stack: stripPasswords(value.stack) } : {}),
    };
  }
  if (typeof value === 'string') return stripPasswords(value);
  if (Array.isArray(value)) return value.map((v: string) => stripPasswords(String(v)));
  return value;
}

export function stripPasswords(s: string): string {
  return s.replace(URL_PASSWORD, '$1@');
}

/** Event names are ours (`diagnosis.start`); anything else is reduced to the same alphabet. */
function safeEvent(event: string): string {
  return event.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 80) || 'event';
}

function escapeUnsafe(s: string): string {
  return s.replace(UNSAFE_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

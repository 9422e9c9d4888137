// Java and OpenSSL found by running them (`java -version`, `openssl version`).
import type { Evidence } from '../util/evidence';
import type { RuntimeInfo } from './types';
import type { Source } from './source';
import { runCommand } from './probe';

/** `java -version` (printed on stderr): 'java version "1.8.0_131"' / 'openjdk version "17.0.15" 2025-04-15'. */
export function parseJavaVersion(output: string): string | null {
  return /\bversion "([^"]+)"/.exec(output)?.[1] ?? null;
}

/** `openssl version`: "OpenSSL 3.0.19 27 Jan 2026 (Library: ...)" / "OpenSSL 1.0.1h 5 Jun 2014" / "LibreSSL 2.8.3". */
export function parseOpensslVersion(output: string): { id: 'openssl' | 'libressl'; version: string } | null {
  const m = /^(OpenSSL|LibreSSL)\s+(\d+\.\d+\.\d+[a-z]{0,2})/m.exec(output.trim());
  if (!m) return null;
  return { id: m[1] === 'OpenSSL' ? 'openssl' : 'libressl', version: m[2] };
}

/** Runs `<java> -version`; null when there is no Java (a missing command is no error). */
export async function collectJava(src: Source, java = 'java', before: Evidence[] = []): Promise<RuntimeInfo | null> {
  const r = await runCommand(src, java, ['-version']);
  const version = parseJavaVersion(`${r.result.stderr}\n${r.result.stdout}`);
  return version ? { id: 'java', name: 'Java', version, evidence: [...before, r.evidence] } : null;
}

export async function collectOpenssl(src: Source): Promise<RuntimeInfo | null> {
  const r = await runCommand(src, 'openssl', ['version']);
  const parsed = r.result.ok ? parseOpensslVersion(r.result.stdout) : null;
  return parsed
    ? { id: parsed.id, name: parsed.id === 'openssl' ? 'OpenSSL' : 'LibreSSL', version: parsed.version, evidence: [r.evidence] }
    : null;
}

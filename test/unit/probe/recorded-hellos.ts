// Reads testssl.sh's client-simulation data file (Debian package testssl.sh, etc/client-simulation.txt):
// each record is a real captured ClientHello (`handshakebytes`) plus the limits SSL Labs observed
// for that client (minDhBits, maxDhBits, curves). The hello bytes are parsed here with our own
// registry tables, so a profile can be compared with what the client really sent.
import { existsSync, readFileSync } from 'node:fs';
import { suiteName } from '../../../src/probe/cipher-suites';
import { GROUPS, SIGALGS, type GroupName, type SigalgName } from '../../../src/probe/tls-constants';
import type { TlsVersionName } from '../../../src/probe/types';

export const CLIENT_SIMULATION_FILES = ['/etc/testssl/client-simulation.txt', '/usr/share/testssl/etc/client-simulation.txt'];

export interface RecordedHello {
  name: string;
  short: string;
  /** 1-based index among all records (testssl's `current` switch works on these). */
  index: number;
  versions: TlsVersionName[];
  ciphers: string[];
  groups: (GroupName | string)[];
  sigalgs: (SigalgName | string)[];
  minDhBits: number;
  maxDhBits: number;
  curves: string[];
  current: boolean;
  service: string;
}

const VERSIONS: [number, TlsVersionName][] = [
  [0x0301, 'TLSv1'],
  [0x0302, 'TLSv1.1'],
  [0x0303, 'TLSv1.2'],
  [0x0304, 'TLSv1.3'],
];
const isGrease = (n: number) => (n & 0x0f0f) === 0x0a0a && n >> 8 === (n & 0xff);
const groupName = (c: number) => (Object.entries(GROUPS).find(([, v]) => v === c)?.[0] as GroupName | undefined) ?? `0x${c.toString(16)}`;
const sigalgName = (c: number) =>
  (Object.entries(SIGALGS).find(([, v]) => v === c)?.[0] as SigalgName | undefined) ?? `0x${c.toString(16)}`;

export function clientSimulationFile(): string | null {
  return CLIENT_SIMULATION_FILES.find((f) => existsSync(f)) ?? null;
}

/** Parses one ClientHello record (hex); SCSVs and GREASE values are dropped, as they are not choices. */
export function parseHelloBytes(hex: string): { versions: TlsVersionName[]; ciphers: string[]; groups: string[]; sigalgs: string[] } {
  const b = Buffer.from(hex, 'hex');
  if (b[0] !== 22 || b[5] !== 1) throw new Error('not a ClientHello record');
  let o = 9;
  const clientVersion = b.readUInt16BE(o);
  o += 2 + 32;
  o += 1 + b[o];
  const cl = b.readUInt16BE(o);
  o += 2;
  const ciphers: string[] = [];
  for (let i = 0; i < cl; i += 2) {
    const c = b.readUInt16BE(o + i);
    if (c === 0x00ff || c === 0x5600 || isGrease(c)) continue;
    ciphers.push(suiteName(c));
  }
  o += cl;
  o += 1 + b[o];
  let groups: string[] = [];
  let sigalgs: string[] = [];
  let supported: number[] | null = null;
  if (o + 2 <= b.length) {
    const end = o + 2 + b.readUInt16BE(o);
    o += 2;
    while (o + 4 <= end) {
      const t = b.readUInt16BE(o);
      const l = b.readUInt16BE(o + 2);
      const body = b.subarray(o + 4, o + 4 + l);
      const list16 = (from: number) => {
        const n = body.readUInt16BE(from - 2);
        const out: number[] = [];
        for (let i = 0; i < n; i += 2) out.push(body.readUInt16BE(from + i));
        return out.filter((x) => !isGrease(x));
      };
      if (t === 0x000a) groups = list16(2).map(groupName);
      if (t === 0x000d) sigalgs = list16(2).map(sigalgName);
      if (t === 0x002b) {
        supported = [];
        for (let i = 1; i < 1 + body[0]; i += 2) supported.push(body.readUInt16BE(i));
        supported = supported.filter((x) => !isGrease(x));
      }
      o += 4 + l;
    }
  }
  const codes = supported ?? VERSIONS.map(([c]) => c).filter((c) => c <= clientVersion);
  return { versions: VERSIONS.filter(([c]) => codes.includes(c)).map(([, v]) => v), ciphers, groups, sigalgs };
}

/** Every record of the data file, parsed. */
export function readRecordedHellos(file = clientSimulationFile()): RecordedHello[] {
  if (!file)
    throw new Error(`testssl.sh client-simulation.txt not found (${CLIENT_SIMULATION_FILES.join(', ')}): apt-get install testssl.sh`);
  const text = readFileSync(file, 'utf8');
  const out: RecordedHello[] = [];
  let cur: Record<string, string> = {};
  const flush = () => {
    // SSLv2-format hellos (IE 6 XP and such) are not TLS records: skipped.
    if (!cur.names || !cur.handshakebytes || !/^16030[0-3]....01/.test(cur.handshakebytes)) return;
    const lowest = parseInt(cur.lowest_protocol ?? '0x0300', 16);
    const parsed = parseHelloBytes(cur.handshakebytes);
    out.push({
      name: cur.names,
      short: cur.short ?? '',
      index: out.length + 1,
      // The record's lowest_protocol is what the client would still accept when the server goes lower.
      versions: parsed.versions.filter((v) => VERSIONS.find(([, n]) => n === v)![0] >= lowest),
      ciphers: parsed.ciphers,
      groups: parsed.groups,
      sigalgs: parsed.sigalgs,
      minDhBits: Number(cur.minDhBits ?? -1),
      maxDhBits: Number(cur.maxDhBits ?? -1),
      curves: (cur.curves ?? '').split(':').filter(Boolean),
      current: cur.current === 'true',
      service: cur.service ?? '',
    });
  };
  for (const line of text.split('\n')) {
    const m = /^\s*(\w+)\+=\((.*)\)\s*$/.exec(line);
    if (!m) continue;
    const [, key, raw] = m;
    if (key === 'names') {
      flush();
      cur = {};
    }
    cur[key] = raw.replace(/^"(.*)"$/, '$1');
  }
  flush();
  return out;
}

export function recordByName(all: RecordedHello[], name: string): RecordedHello {
  const r = all.find((x) => x.name === name);
  if (!r) throw new Error(`record "${name}" not in client-simulation.txt`);
  return r;
}

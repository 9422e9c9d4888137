// `npm run bench`: the full probe of one loopback endpoint against testssl.sh doing the same work,
// both as whole processes. A = `pec-doctor probe --json` (the built CLI: versions, cipher suites,
// every client simulation, every certificate, banner), B = `testssl -p -E -c` (protocols, ciphers
// per protocol, client simulations). Runs are paired A B A B ... on the same server so both sides
// see the same machine load; each process is timed by /usr/bin/time (wall, and user + system CPU
// of the process and the children it waited for: testssl's openssl processes count). Prints
// min / median / max and whether the verdicts agree. Figures, not a test: the exit code is 0 unless
// the bench itself could not run (wall time on a shared machine is too noisy for a threshold).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { makeCertificates, startDovecot, tempDir } from '../test/support/servers';
import { suiteName } from '../src/probe/cipher-suites';
import type { EndpointResult, TlsVersionName } from '../src/probe/types';
import { TLS_VERSION_NAMES } from '../src/probe/types';

const PAIRS = Math.max(1, Number(process.env.BENCH_PAIRS ?? 3));
const ROOT = path.join(__dirname, '..');
const IDS: Record<string, TlsVersionName> = { TLS1: 'TLSv1', TLS1_1: 'TLSv1.1', TLS1_2: 'TLSv1.2', TLS1_3: 'TLSv1.3' };

interface Timed {
  wall: number;
  cpu: number;
  stdout: string;
}

/** Runs a whole process under /usr/bin/time; seconds of wall and of user+system CPU. */
function timed(cmd: string, args: string[], work: string, timeoutMs: number): Promise<Timed> {
  const file = path.join(work, `time-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/time', ['-f', '%e %U %S', '-o', file, cmd, ...args], { timeout: timeoutMs, maxBuffer: 64 << 20 }, (err, stdout) => {
      if (!existsSync(file)) return reject(err ?? new Error(`${cmd}: no timing`));
      const last = readFileSync(file, 'utf8').trim().split('\n').pop() ?? '';
      const [wall, user, sys] = last.split(/\s+/).map(Number);
      if (![wall, user, sys].every(Number.isFinite)) return reject(new Error(`${cmd}: ${last}`));
      resolve({ wall, cpu: user + sys, stdout: String(stdout) });
    });
  });
}

/** The built CLI must contain the current probe: rebuild the core when a probe source is newer. */
async function ensureBuilt(): Promise<void> {
  const built = path.join(ROOT, 'dist', 'src', 'probe', 'probe.js');
  const dir = path.join(ROOT, 'src', 'probe');
  const newest = Math.max(...readdirSync(dir).map((f) => statSync(path.join(dir, f)).mtimeMs));
  if (existsSync(built) && statSync(built).mtimeMs >= newest) return;
  process.stdout.write('dist/ non aggiornato: compilo il core (tsc)...\n');
  // tsc emits even when another part of the tree has type errors; its exit code is not ours to judge.
  await new Promise<void>((r) => execFile('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT, timeout: 300_000 }, () => r()));
  if (!existsSync(built) || statSync(built).mtimeMs < newest) throw new Error('compilazione del core non riuscita: esegui npm run build');
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor((s.length - 1) / 2)], max: s[s.length - 1] };
};
const f2 = (x: number) => x.toFixed(2);

function testsslFindings(file: string): { versions: Record<TlsVersionName, boolean>; ciphers: string[]; sims: number } {
  const findings = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; finding: string }>;
  const versions = {} as Record<TlsVersionName, boolean>;
  for (const x of findings) if (IDS[x.id]) versions[IDS[x.id]] = /^offered/.test(x.finding);
  const codes = findings.map((x) => /^cipher-(?:tls1(?:_[123])?|ssl3)_x([0-9a-f]+)$/.exec(x.id)?.[1]).filter((c): c is string => !!c);
  return {
    versions,
    ciphers: [...new Set(codes.map((c) => suiteName(parseInt(c, 16))))].sort(),
    sims: findings.filter((x) => x.id.startsWith('clientsimulation-')).length,
  };
}

async function main(): Promise<void> {
  await ensureBuilt();
  const work = tempDir('pec-bench-');
  const certs = await makeCertificates(path.join(work, 'certs'));
  const dovecot = await startDovecot({ cert: certs.cert, key: certs.key, minProtocol: 'TLSv1' });
  try {
    const port = dovecot.ports.imaps;
    process.stdout.write(`Banco di prova: Dovecot imaps su 127.0.0.1:${port} (TLS 1.0-1.3), ${PAIRS} coppie A B (processi interi)\n`);
    process.stdout.write(`A = pec-doctor probe --json (probe completo)   B = testssl -p -E -c\n\n`);
    const a: Timed[] = [];
    const b: Timed[] = [];
    let ours: EndpointResult | null = null;
    let theirs: ReturnType<typeof testsslFindings> | null = null;
    for (let i = 0; i < PAIRS; i++) {
      const ra = await timed(
        process.execPath,
        [path.join(ROOT, 'bin', 'pec-doctor.js'), 'probe', '--json', '--ca', certs.caCert, `imaps://127.0.0.1:${port}`],
        work,
        120_000,
      );
      a.push(ra);
      ours = (JSON.parse(ra.stdout) as { endpoints: EndpointResult[] }).endpoints[0];
      const json = path.join(work, `testssl-${i}.json`);
      const rb = await timed(
        'testssl',
        ['--quiet', '--color', '0', '--warnings', 'off', '--jsonfile', json, '-p', '-E', '-c', `127.0.0.1:${port}`],
        work,
        900_000,
      );
      b.push(rb);
      theirs = testsslFindings(json);
      process.stdout.write(`coppia ${i + 1}: A ${f2(ra.wall)} s (CPU ${f2(ra.cpu)} s)   B ${f2(rb.wall)} s (CPU ${f2(rb.cpu)} s)\n`);
    }
    report(a, b, ours as EndpointResult, theirs as ReturnType<typeof testsslFindings>);
  } finally {
    await dovecot.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function report(a: Timed[], b: Timed[], ours: EndpointResult, theirs: ReturnType<typeof testsslFindings>): void {
  const rows: [string, ReturnType<typeof stats>, ReturnType<typeof stats>][] = [
    ['tempo reale (s)', stats(a.map((x) => x.wall)), stats(b.map((x) => x.wall))],
    ['tempo CPU del processo (s)', stats(a.map((x) => x.cpu)), stats(b.map((x) => x.cpu))],
  ];
  process.stdout.write('\n                              A min / mediana / max      B min / mediana / max      B/A (mediane)\n');
  for (const [label, x, y] of rows) {
    process.stdout.write(
      `${label.padEnd(30)}${`${f2(x.min)} / ${f2(x.median)} / ${f2(x.max)}`.padEnd(27)}${`${f2(y.min)} / ${f2(y.median)} / ${f2(y.max)}`.padEnd(27)}${(y.median / Math.max(0.001, x.median)).toFixed(1)}×\n`,
    );
  }
  const ourCiphers = [...new Set(Object.values(ours.tls.ciphers).flatMap((l) => l ?? []))].sort();
  const versionsSame = TLS_VERSION_NAMES.every((v) => ours.tls.versions[v] === theirs.versions[v]);
  const ciphersSame = JSON.stringify(ourCiphers) === JSON.stringify(theirs.ciphers);
  process.stdout.write(
    `\nversioni: ${versionsSame ? 'identiche' : `DIVERSE (testssl ${JSON.stringify(theirs.versions)})`}; ` +
      `cipher: ${ciphersSame ? `identiche (${ourCiphers.length} suite)` : `DIVERSE\n  nostre: ${ourCiphers.join(' ')}\n  testssl: ${theirs.ciphers.join(' ')}`}\n`,
  );
  process.stdout.write(
    `A: ${ours.simulations.length} simulazioni, ${ours.certificates?.length ?? 0} certificati, ${ours.connections ?? 0} connessioni; B: ${theirs.sims} simulazioni\n`,
  );
  const cpu = stats(a.map((x) => x.cpu)).median;
  const ratio = stats(b.map((x) => x.wall)).median / Math.max(0.001, stats(a.map((x) => x.wall)).median);
  process.stdout.write(
    `obiettivi (issue #23): CPU di A ≤ 0,5 s → ${f2(cpu)} s ${cpu <= 0.5 ? 'sì' : 'no'}; A ≥ 20× più veloce di B → ${ratio.toFixed(1)}× ${ratio >= 20 ? 'sì' : 'no'}\n`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

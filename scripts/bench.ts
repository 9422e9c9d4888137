// `npm run bench`: our TLS version and cipher enumeration against testssl.sh on the same loopback
// server, in one run, and the full probe (versions, ciphers, every client simulation with its key
// exchange, certificate, banner) against testssl's --protocols alone. Starts its own Dovecot
// (imaps, TLS 1.0-1.3) on 127.0.0.1 and stops it. Exit 1 when the verdicts differ, versions are
// less than 20x faster, or the full probe takes more than half of testssl --protocols.
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { makeCertificates, run, startDovecot, tempDir } from '../test/support/servers';
import { probeEndpoint } from '../src/probe';
import { suiteByCode } from '../src/probe/cipher-suites';
import type { Endpoint, EndpointResult, TlsVersionName } from '../src/probe/types';
import { TLS_VERSION_NAMES } from '../src/probe/types';

const RUNS = 5;
const IDS: Record<string, TlsVersionName> = { TLS1: 'TLSv1', TLS1_1: 'TLSv1.1', TLS1_2: 'TLSv1.2', TLS1_3: 'TLSv1.3' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`);

async function testssl(
  work: string,
  port: number,
  flag: '-p' | '-e',
): Promise<{ ms: number; findings: Array<{ id: string; finding: string }> }> {
  const file = path.join(work, `testssl${flag}.json`);
  const t = Date.now();
  await run('testssl', ['--quiet', '--color', '0', '--warnings', 'off', '--jsonfile', file, flag, `127.0.0.1:${port}`], {
    timeoutMs: 300_000,
  });
  return { ms: Date.now() - t, findings: JSON.parse(readFileSync(file, 'utf8')) };
}

async function main(): Promise<number> {
  const work = tempDir('pec-bench-');
  const certs = await makeCertificates(path.join(work, 'certs'));
  const dovecot = await startDovecot({ cert: certs.cert, key: certs.key, minProtocol: 'TLSv1' });
  try {
    const e: Endpoint = { host: '127.0.0.1', port: dovecot.ports.imaps, protocol: 'imap', security: 'tls' };
    process.stdout.write(
      `Banco di prova: Dovecot imaps su 127.0.0.1:${e.port} (ssl_min_protocol TLSv1), ${RUNS} giri nostri, 1 di testssl\n\n`,
    );

    // Ours: the versions step (one ClientHello per version) and the cipher step (elimination).
    const versionTimes: number[] = [];
    const cipherTimes: number[] = [];
    let last: EndpointResult | null = null;
    for (let i = 0; i < RUNS; i++) {
      const r = await probeEndpoint(e, { simulate: false });
      versionTimes.push(r.timings.versions ?? 0);
      cipherTimes.push(r.timings.ciphers ?? 0);
      last = r;
    }
    const ours = last as EndpointResult;
    // The whole probe, as the product runs it.
    const fullTimes: number[] = [];
    let full: EndpointResult | null = null;
    for (let i = 0; i < RUNS; i++) {
      const t = Date.now();
      full = await probeEndpoint(e);
      fullTimes.push(Date.now() - t);
    }

    const p = await testssl(work, e.port, '-p');
    const theirVersions = {} as Record<TlsVersionName, boolean>;
    for (const f of p.findings) if (IDS[f.id]) theirVersions[IDS[f.id]] = /^offered/.test(f.finding);
    const ex = await testssl(work, e.port, '-e');
    const theirCiphers = ex.findings
      .filter((f) => /^cipher_x[0-9a-f]+$/.test(f.id))
      .map((f) => suiteByCode(parseInt(f.id.slice(8), 16))?.name ?? f.id)
      .sort();
    const ourCiphers = [...new Set(Object.values(ours.tls.ciphers).flatMap((l) => l ?? []))].sort();

    const versionsSame = TLS_VERSION_NAMES.every((v) => ours.tls.versions[v] === theirVersions[v]);
    const ciphersSame = JSON.stringify(ourCiphers) === JSON.stringify(theirCiphers);
    const vOurs = median(versionTimes);
    const cOurs = median(cipherTimes);
    const vRatio = p.ms / Math.max(1, vOurs);
    const cRatio = ex.ms / Math.max(1, cOurs);
    const rows = [
      ['', 'PEC Doctor', 'testssl', 'più veloce', 'verdetti'],
      ['versioni (testssl --protocols)', fmt(vOurs), fmt(p.ms), `${Math.round(vRatio)}×`, versionsSame ? 'identici' : 'DIVERSI'],
      [
        'cipher (testssl -e)',
        fmt(cOurs),
        fmt(ex.ms),
        `${Math.round(cRatio)}×`,
        ciphersSame ? `identici (${ourCiphers.length} suite)` : 'DIVERSI',
      ],
      [
        'probe completo (vs testssl --protocols)',
        fmt(median(fullTimes)),
        fmt(p.ms),
        `${Math.round(p.ms / Math.max(1, median(fullTimes)))}×`,
        `${full?.simulations.length ?? 0} simulazioni, ${full?.connections ?? 0} connessioni`,
      ],
    ];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) process.stdout.write(r.map((c, i) => c.padEnd(widths[i])).join('   ') + '\n');
    process.stdout.write(
      `\nversioni: ${TLS_VERSION_NAMES.map((v) => `${v} ${ours.tls.versions[v] ? 'sì' : 'no'}`).join(', ')}; connessioni per probe completo: ${ours.connections}\n`,
    );
    if (!versionsSame) process.stdout.write(`  testssl: ${JSON.stringify(theirVersions)}\n`);
    if (!ciphersSame) process.stdout.write(`  nostri: ${ourCiphers.join(' ')}\n  testssl: ${theirCiphers.join(' ')}\n`);
    return versionsSame && ciphersSame && vRatio >= 20 && median(fullTimes) * 2 < p.ms ? 0 : 1;
  } finally {
    await dovecot.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

// Issue #23 servers, each against an independent oracle: `openssl verify` and `openssl s_client`
// (OpenSSL's own path validation and handshake), Node's tls (authorizationError), testssl.sh for
// versions and suites. The project must be right on each: chains through a CA:FALSE or an expired
// intermediate are refused, a missing intermediate is the server's fault and only the clients that
// fetch it (AIA: Windows, Apple) connect, Apple refuses RSA 1024 and CN-only certificates,
// Thunderbird refuses CN-only, a dual RSA/ECDSA server is judged on both certificates, a failed
// STARTTLS upgrade is named as such, a warning alert before the ServerHello is not a refusal, a
// server without DH parameters still serves ECDHE clients, and every DH size of a server is read.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as tls from 'node:tls';
import {
  freePort,
  makeCertificates,
  makeChainCases,
  run,
  startBrokenStarttls,
  startDovecot,
  startFileServer,
  startOpensslServer,
  startPostfix,
  tempDir,
  type Certificates,
  type ChainCases,
} from '../../support/servers';
import { probeEndpoint } from '../../../src/probe';
import { suiteByName, suiteName } from '../../../src/probe/cipher-suites';
import type { EndpointResult, ProbeOptions, Simulation } from '../../../src/probe/types';
import { assess } from '../../../src/diagnosis/run';
import { validatePath } from '../../../src/probe/chain';
import { X509Certificate } from 'node:crypto';

let work: string;
let certs: Certificates;
let cases: ChainCases;
let aia: Awaited<ReturnType<typeof startFileServer>>;
const stops: Array<() => Promise<void>> = [];
/** Real results kept for the last test: what the lawyer reads about them. */
const seen: Record<string, EndpointResult> = {};

before(async () => {
  work = tempDir('pec-certs-');
  certs = await makeCertificates(path.join(work, 'certs'));
  const port = await freePort();
  cases = await makeChainCases(certs, `http://127.0.0.1:${port}/inter.cer`);
  aia = await startFileServer(port, cases.interDer);
});
after(async () => {
  for (const s of stops) await s();
  await aia?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** OpenSSL's X509_V_ERR numbers as Node names them (x509_vfy.h). */
const X509_ERR: Record<number, string> = {
  2: 'UNABLE_TO_GET_ISSUER_CERT',
  10: 'CERT_HAS_EXPIRED',
  18: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  19: 'SELF_SIGNED_CERT_IN_CHAIN',
  20: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  21: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  24: 'INVALID_CA',
  25: 'PATH_LENGTH_EXCEEDED',
  26: 'INVALID_PURPOSE',
  // OpenSSL 3 reports an issuer that is not a CA as 79 ("invalid CA certificate").
  79: 'INVALID_CA',
  62: 'HOSTNAME_MISMATCH',
};

/** `openssl verify`: null when OK, else the first error's name and depth. */
async function opensslVerify(leaf: string, untrusted?: string, host?: string): Promise<{ error: string; depth: number } | null> {
  const args = [
    'verify',
    '-CAfile',
    certs.caCert,
    ...(untrusted ? ['-untrusted', untrusted] : []),
    ...(host ? ['-verify_hostname', host] : []),
    leaf,
  ];
  try {
    await run('openssl', args);
    return null;
  } catch (e) {
    const m = /error (\d+) at (\d+) depth/.exec((e as Error).message);
    assert.ok(m, (e as Error).message);
    return { error: X509_ERR[Number(m[1])] ?? `X509_V_ERR ${m[1]}`, depth: Number(m[2]) };
  }
}

async function probeServer(args: string[], o: ProbeOptions = {}, host = '127.0.0.1', cipher?: string): Promise<EndpointResult> {
  const s = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1_2', cipher, args: [...args] });
  stops.push(s.stop);
  return probeEndpoint(
    { host, port: s.port, protocol: 'imap', security: 'tls' },
    { ca: readFileSync(certs.caCert), stepTimeouts: { bannerMs: 300 }, ...o },
  );
}

const sim = (r: EndpointResult, id: string): Simulation => {
  const s = r.simulations.find((x) => x.client === id);
  assert.ok(s, `no simulation ${id}`);
  return s;
};
/** Whether the client connects: handshake and certificate (what the devices table says). */
const connects = (r: EndpointResult, id: string) => sim(r, id).ok && sim(r, id).certificate?.ok === true;

test('CA:FALSE intermediate: OpenSSL says INVALID_CA at depth 1, so do we; no client connects', async () => {
  const oracle = await opensslVerify(cases.leafViaNotCa, cases.notCaInter);
  assert.deepEqual(oracle, { error: 'INVALID_CA', depth: 1 });
  const r = await probeServer(['-cert', cases.leafViaNotCa, '-cert_chain', cases.notCaInter]);
  const c = r.certificate;
  assert.ok(c);
  assert.deepEqual([c.trusted, c.trustError, c.errorDepth], [false, oracle.error, oracle.depth]);
  // Node's own OpenSSL handshake refuses it too; its callback goes on after an error, so
  // authorizationError holds the last one (the same certificate also fails the server purpose).
  assert.ok(['INVALID_CA', 'INVALID_PURPOSE'].includes(c.opensslError ?? ''), String(c.opensslError));
  assert.equal(r.verdict, 'cert-untrusted');
  for (const id of ['windows10', 'thunderbird-current', 'applemail-current']) assert.equal(connects(r, id), false, id);
});

test('path length and key usage: validatePath names the same error at the same depth as openssl verify', async () => {
  const roots = [new X509Certificate(readFileSync(certs.caCert))];
  const pemList = (f: string) =>
    (readFileSync(f, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(
      (x) => new X509Certificate(x),
    );
  for (const chain of [cases.pathLenChain, cases.noCertSignChain]) {
    const oracle = await opensslVerify(chain.leaf, chain.untrusted);
    assert.ok(oracle, 'OpenSSL refuses the chain');
    const ours = validatePath([...pemList(chain.leaf), ...pemList(chain.untrusted)], roots);
    assert.deepEqual({ error: ours.error, depth: ours.errorDepth }, oracle);
  }
  // The well-formed chains hold, with the leaf's dates too.
  const good = validatePath([...pemList(cases.leafViaInter), ...pemList(cases.interCert)], roots, new Date(), true);
  assert.deepEqual([good.trusted, good.path.length], [true, 3]);
});

test('expired intermediate: OpenSSL says CERT_HAS_EXPIRED at depth 1, so do we (the leaf is valid)', async () => {
  const oracle = await opensslVerify(cases.leafViaExpired, cases.expiredInter);
  assert.deepEqual(oracle, { error: 'CERT_HAS_EXPIRED', depth: 1 });
  const r = await probeServer(['-cert', cases.leafViaExpired, '-cert_chain', cases.expiredInter]);
  const c = r.certificate;
  assert.ok(c);
  assert.deepEqual([c.trusted, c.trustError, c.errorDepth, c.opensslError], [false, 'CERT_HAS_EXPIRED', 1, 'CERT_HAS_EXPIRED']);
  assert.ok(new Date(c.validTo) > new Date(), 'the leaf itself is valid');
  assert.equal(r.verdict, 'cert-untrusted');
  assert.equal(sim(r, 'thunderbird-current').certificate?.reason, 'cert-untrusted');
  assert.match(sim(r, 'thunderbird-current').certificate?.detail ?? '', /intermedio.*scaduto/);
  assert.equal(r.devices?.find((d) => d.device === 'thunderbird')?.status, 'fails');
});

test('missing intermediate with an AIA URL: the server must send it; Windows and Apple fetch it and connect, Thunderbird, Java, Android do not', async () => {
  assert.deepEqual(await opensslVerify(cases.leafViaInter), { error: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', depth: 0 });
  // The certificate at the AIA address completes the chain (what Windows and Apple rely on).
  assert.equal(await opensslVerify(cases.leafViaInter, cases.interCert), null);
  const before = aia.requests();
  const r = await probeServer(['-cert', cases.leafViaInter]);
  assert.ok(aia.requests() > before, 'the intermediate was fetched from the AIA address');
  const c = r.certificate;
  assert.ok(c);
  assert.deepEqual(c.missingIssuer, { url: aia.url, fetched: true });
  assert.equal(c.opensslError, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  assert.equal(r.verdict, 'cert-chain-incomplete');
  seen.incomplete = r;
  for (const id of ['windows7-tls12', 'windows10', 'windows11', 'applemail-current', 'ios-mail']) assert.equal(connects(r, id), true, id);
  for (const id of ['thunderbird-current', 'java-8u132', 'android-5']) {
    assert.equal(connects(r, id), false, id);
    assert.equal(sim(r, id).certificate?.reason, 'cert-chain-incomplete', id);
  }
  // Without fetching, the Windows clients are no longer known to connect.
  const off = await probeServer(['-cert', cases.leafViaInter], { aia: false, simulate: true, ciphers: false });
  assert.equal(off.certificate?.missingIssuer?.fetched, null);
  assert.equal(connects(off, 'windows10'), false);
});

test('RSA 1024 leaf: OpenSSL (security level 1) and Windows accept it, Apple Mail and iOS 13+ refuse it', async () => {
  assert.equal(await opensslVerify(cases.rsa1024Cert), null);
  // Debian's OpenSSL runs at security level 2, which forbids the key on the server side itself.
  const r = await probeServer(['-cert', cases.rsa1024Cert, '-key', cases.rsa1024Key], {}, '127.0.0.1', 'DEFAULT:@SECLEVEL=1');
  assert.equal(r.certificate?.keyBits, 1024);
  assert.equal(r.certificate?.trusted, true);
  assert.equal(connects(r, 'windows10'), true);
  assert.equal(connects(r, 'thunderbird-current'), true);
  for (const id of ['applemail-current', 'ios-mail', 'outlook-mac']) assert.equal(sim(r, id).certificate?.reason, 'cert-key-too-small', id);
  assert.equal(connects(r, 'applemail-10.12'), true, 'before macOS 10.15 the rule did not exist');
});

test('CN-only leaf: OpenSSL and Node match the CN; Thunderbird and Apple (SAN required) refuse, Windows and Java connect', async () => {
  assert.equal(await opensslVerify(cases.cnOnlyCert, undefined, 'localhost'), null);
  const pem = readFileSync(cases.cnOnlyCert, 'utf8');
  const peer = { subject: { CN: 'localhost' }, subjectaltname: undefined } as unknown as tls.PeerCertificate;
  assert.equal(tls.checkServerIdentity('localhost', peer), undefined, 'Node falls back to the CN');
  assert.ok(
    !/Subject Alternative Name/.test((await run('openssl', ['x509', '-noout', '-text', '-in', cases.cnOnlyCert])).stdout),
    pem.slice(0, 30),
  );
  const r = await probeServer(['-cert', cases.cnOnlyCert], {}, 'localhost');
  assert.equal(r.certificate?.hostnameMatches, true);
  assert.equal(r.certificate?.hasSan, false);
  for (const id of ['thunderbird-current', 'applemail-current', 'ios-mail'])
    assert.equal(sim(r, id).certificate?.reason, 'cert-no-san', id);
  for (const id of ['windows10', 'java-8u132', 'thunderbird-45.6']) assert.equal(connects(r, id), true, id);
});

test('RSA + ECDSA certificates, the RSA one expired: both are read; clients that negotiate RSA get the expired one', async () => {
  const r = await probeServer(['-cert', certs.expiredCert, '-dcert', certs.ecCert, '-dkey', certs.ecKey]);
  assert.deepEqual(r.certificates?.map((c) => c.keyType.split(' ')[0]).sort(), ['EC', 'RSA']);
  assert.equal(r.verdict, 'cert-expired');
  assert.equal(r.certificate?.keyType, 'RSA');
  // Oracle: s_client with the suite a simulation got receives the certificate we say that client gets.
  const port = Number(new URL(r.url).port);
  let compared = 0;
  for (const s of r.simulations.filter((x) => x.ok && x.version === 'TLSv1.2' && x.cipher).slice(0, 6)) {
    const openssl = suiteByName(s.cipher as string)?.openssl as string;
    const out = await run('sh', [
      '-c',
      `echo | openssl s_client -connect 127.0.0.1:${port} -tls1_2 -cipher '${openssl}' 2>/dev/null | openssl x509 -noout -fingerprint -sha256`,
    ]);
    assert.equal(out.stdout.trim().split('=')[1], s.certificate?.fingerprintSha256, `${s.client} ${s.cipher}`);
    assert.equal(s.certificate?.ok, !/_RSA_WITH_|^TLS_RSA_/.test(s.cipher as string), `${s.client} ${s.cipher}`);
    compared++;
  }
  assert.ok(compared >= 3, `${compared} comparisons`);
  assert.ok(r.simulations.some((s) => s.ok && s.certificate?.reason === 'cert-expired'));
  assert.ok(r.simulations.some((s) => s.ok && s.certificate?.ok));
});

for (const protocol of ['imap', 'smtp'] as const) {
  test(`STARTTLS accepted then closed (${protocol}): its own verdict, the server's last words, versions not known`, async () => {
    const s = await startBrokenStarttls(protocol, 'close');
    stops.push(s.stop);
    // Oracle: OpenSSL's client gets no TLS byte after the server's yes.
    const o = await run('sh', ['-c', `echo | timeout 10 openssl s_client -starttls ${protocol} -connect 127.0.0.1:${s.port} 2>&1; true`]);
    assert.match(o.stdout, /no peer certificate available|Cipher is \(NONE\)|errno|unexpected eof/i);
    const r = await probeEndpoint({ host: '127.0.0.1', port: s.port, protocol, security: 'starttls' });
    assert.equal(r.verdict, 'starttls-failed');
    seen[`starttls-${protocol}`] = r;
    assert.deepEqual(r.tls.versions, { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null });
    assert.match(r.detail ?? '', protocol === 'imap' ? /a002 OK Begin TLS/ : /220 2\.0\.0 Ready to start TLS/);
    assert.doesNotMatch(r.detail ?? '', /nessun ClientHello|versione/);
    assert.equal(r.steps.find((x) => x.step === 'starttls')?.verdict, 'starttls-failed');
  });
}

test('STARTTLS accepted then silent: the byte count is of TLS bytes (0), not of the plaintext dialogue', async () => {
  const s = await startBrokenStarttls('imap', 'silent');
  stops.push(s.stop);
  const r = await probeEndpoint(
    { host: '127.0.0.1', port: s.port, protocol: 'imap', security: 'starttls' },
    { stepTimeouts: { handshakeMs: 800 }, timeoutMs: 8000 },
  );
  assert.equal(r.verdict, 'handshake-timeout');
  assert.match(r.detail ?? '', /0 byte TLS/);
  assert.doesNotMatch(r.detail ?? '', /ricevuti [1-9]\d* byte/);
});

test('SNI server probed by another name: the warning unrecognized_name is not a refusal (testssl and s_client agree)', async () => {
  const args = ['-servername', 'pec.example', '-cert2', cases.sniCert, '-key2', certs.key];
  const s = await startOpensslServer({ cert: certs.cert, key: certs.key, version: 'tls1_2', args });
  stops.push(s.stop);
  const msg = await run('sh', [
    '-c',
    `echo | timeout 10 openssl s_client -msg -servername localhost -connect 127.0.0.1:${s.port} 2>&1; true`,
  ]);
  assert.match(msg.stdout, /Alert.*warning unrecognized_name/, 'the server sends the warning before its hello');
  assert.match(msg.stdout, /Cipher is ECDHE/);
  const r = await probeEndpoint(
    { host: 'localhost', port: s.port, protocol: 'imap', security: 'tls' },
    { ca: readFileSync(certs.caCert), stepTimeouts: { bannerMs: 300 } },
  );
  assert.deepEqual(r.tls.versions, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': false });
  assert.ok((r.tls.ciphers['TLSv1.2'] ?? []).length > 3);
  assert.equal(connects(r, 'windows10'), true);
  assert.equal(connects(r, 'thunderbird-current'), true);
  assert.match(r.certificate?.subject ?? '', /CN=localhost/);
  const file = path.join(work, 'sni.json');
  await run('testssl', ['--quiet', '--color', '0', '--warnings', 'off', '--jsonfile', file, '-p', `localhost:${s.port}`], {
    timeoutMs: 180_000,
  });
  const findings = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; finding: string }>;
  assert.match(findings.find((f) => f.id === 'TLS1_2')?.finding ?? '', /^offered/);
});

test('Dovecot without DH parameters: versions and suites as testssl -p -e; ECDHE clients connect', async () => {
  const d = await startDovecot({ cert: certs.cert, key: certs.key, noDhParams: true });
  stops.push(d.stop);
  const r = await probeEndpoint(
    { host: '127.0.0.1', port: d.ports.imaps, protocol: 'imap', security: 'tls' },
    { ca: readFileSync(certs.caCert) },
  );
  const file = path.join(work, 'nodh.json');
  await run('testssl', ['--quiet', '--color', '0', '--warnings', 'off', '--jsonfile', file, '-p', '-e', `127.0.0.1:${d.ports.imaps}`], {
    timeoutMs: 300_000,
  });
  const findings = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; finding: string }>;
  assert.match(findings.find((f) => f.id === 'TLS1_2')?.finding ?? '', /^offered/);
  assert.equal(r.tls.versions['TLSv1.2'], true);
  const theirs = findings
    .filter((f) => /^cipher_x[0-9a-f]+$/.test(f.id))
    .map((f) => suiteName(parseInt(f.id.slice('cipher_x'.length), 16)));
  const ours = [...new Set(Object.values(r.tls.ciphers).flat())];
  // Everything testssl found, we found.
  assert.deepEqual(
    theirs.filter((n) => !ours.includes(n)),
    [],
  );
  // testssl's batched hellos stop at the server's failing DHE pick and miss a few suites here:
  // each suite only we report is checked alone with s_client.
  for (const name of ours.filter((n) => !theirs.includes(n) && !/^TLS_AES|^TLS_CHACHA/.test(n))) {
    const openssl = suiteByName(name)?.openssl as string;
    const out = await run('sh', [
      '-c',
      `echo | timeout 10 openssl s_client -connect 127.0.0.1:${d.ports.imaps} -tls1_2 -cipher '${openssl}' 2>&1; true`,
    ]);
    assert.match(out.stdout, new RegExp(`Cipher is ${openssl}`), name);
  }
  assert.ok(!ours.some((n) => /_DHE_/.test(n ?? '')), 'no DHE suite works');
  assert.equal(r.verdict, 'ok', r.detail);
  for (const id of ['windows10', 'windows11', 'thunderbird-current', 'applemail-current']) assert.equal(connects(r, id), true, id);
});

test('Postfix with automatic DH: every DH size per suite (1024, 2048, 3072), as s_client reads each', async () => {
  const p = await startPostfix({ cert: certs.cert, key: certs.key, extraMain: 'smtpd_tls_dh1024_param_file = auto' });
  stops.push(p.stop);
  const r = await probeEndpoint(
    { host: '127.0.0.1', port: p.ports.smtps, protocol: 'smtp', security: 'tls' },
    { ca: readFileSync(certs.caCert), simulate: true },
  );
  assert.deepEqual(r.keyExchange?.dhSizes, [1024, 2048, 3072]);
  const suites = r.keyExchange?.dhSuites ?? [];
  // Oracle on a sample: one suite per size.
  for (const bits of [1024, 2048, 3072]) {
    const one = suites.find((x) => x.bits === bits);
    assert.ok(one, `no suite with ${bits} bits`);
    const openssl = suiteByName(one.cipher)?.openssl as string;
    const out = await run('sh', [
      '-c',
      `echo | timeout 10 openssl s_client -connect 127.0.0.1:${p.ports.smtps} -tls1_2 -cipher '${openssl}:@SECLEVEL=0' 2>&1; true`,
    ]);
    assert.match(out.stdout, new RegExp(`Server Temp Key: DH, ${bits} bits`), `${one.cipher}`);
  }
});

test("what the lawyer reads: the failed upgrade and the missing intermediate are the server's problems, in plain words", () => {
  const now = new Date().toISOString();
  const context = { emails: [], servers: [], skipDiscovery: true, lookups: [], failures: [] };
  const findings = assess({ inventory: null, accounts: null, endpoints: Object.values(seen), context, now }).findings;
  const ids = findings.map((f) => f.id);
  assert.ok(ids.includes('cert-chain-incomplete'), ids.join(' '));
  assert.ok(!ids.includes('cert-untrusted'), 'not "this PC does not trust it"');
  assert.equal(ids.filter((id) => id === 'server-starttls-failed').length, 2, ids.join(' '));
  const chain = findings.find((f) => f.id === 'cert-chain-incomplete');
  assert.match(chain?.detail.it ?? '', /problema è del server/);
  const imap = findings.find((f) => f.id === 'server-starttls-failed' && f.subject?.startsWith('imap'));
  assert.match(imap?.detail.it ?? '', /a002 OK Begin TLS/);
  for (const f of findings) {
    const words = JSON.stringify([f.title, f.detail, f.fix.steps]);
    assert.doesNotMatch(words, /UNABLE_TO|error:[0-9A-F]|SSL routines|ERR_SSL|aggiornamenti di sistema/, f.id);
  }
});

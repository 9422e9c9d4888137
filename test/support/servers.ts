// Real TLS/mail servers on 127.0.0.1 for tests: certificates from a local CA, `openssl s_server`
// restricted to one version or one cipher, Dovecot (IMAP/POP3) and Postfix (SMTP) with private
// configuration under a temp dir. Every server binds 127.0.0.1 only, on a port from freePort(),
// and stops by its own pid: other engineers run the same servers on this machine at the same time.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Runs a command (argument array, no shell) with a timeout; rejects with its stderr on failure. */
export function run(
  cmd: string,
  args: string[],
  opts: { timeoutMs?: number; cwd?: string } = {},
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: opts.timeoutMs ?? 30_000, cwd: opts.cwd, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** A fresh temp directory under the OS temp dir (remove it with rmSync in `after`). */
export function tempDir(prefix = 'pec-doctor-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A TCP port that was free on 127.0.0.1 a moment ago (ephemeral allocation by the kernel). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port (polls, bounded). */
export async function waitForPort(port: number, timeoutMs = 10_000, alive: () => boolean = () => true): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!alive()) throw new Error(`server for port ${port} exited before listening`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port });
      s.setTimeout(500);
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
      s.once('timeout', () => {
        s.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A daemon reparented to an init that does not reap stays a zombie: that is gone too.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return true;
  }
}

/**
 * Runs a command that daemonizes (dovecot, postfix start): waits for the command itself to
 * exit, not for its stdio, which the daemon would keep open.
 */
export function runDaemonizing(cmd: string, args: string[], timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')}: no exit after ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`));
    });
  });
}

/** Sends SIGTERM to one pid, waits for it to exit, then SIGKILL (bounded, never by name). */
export async function killPid(pid: number, timeoutMs = 5_000): Promise<void> {
  if (!pidAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const end = Date.now() + timeoutMs;
  while (Date.now() < end && pidAlive(pid)) await new Promise((r) => setTimeout(r, 50));
  if (pidAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(t);
}

// ---------------------------------------------------------------------------------------------
// Certificates

export interface Certificates {
  dir: string;
  /** Local CA: pass `caCert` to the probe (`ca` option) to make `cert` trusted. */
  caCert: string;
  caKey: string;
  /** RSA 2048 key shared by every server certificate below. */
  key: string;
  /** Valid certificate for localhost / 127.0.0.1, signed by the local CA. */
  cert: string;
  /** Signed by the local CA for localhost / 127.0.0.1, expired in 2021. */
  expiredCert: string;
  /** Signed by the local CA for localhost / 127.0.0.1, valid only from 2099. */
  notYetValidCert: string;
  /** Signed by the local CA, valid, but for wrong.example only. */
  wrongHostCert: string;
  /** Self-signed for localhost / 127.0.0.1 (not from the CA). */
  selfSignedCert: string;
  /** ECDSA P-256 key and certificate (local CA) for localhost / 127.0.0.1. */
  ecKey: string;
  ecCert: string;
}

const SAN_LOCAL = 'subjectAltName=DNS:localhost,IP:127.0.0.1';

/**
 * The database of a small `openssl ca` in `db` (created, first serial `serial`) and the head of
 * its config: SHA-256, any subject, explicit dates allowed; extension sections follow it.
 */
function openSslCaConfig(db: string, serial: number): string[] {
  mkdirSync(db, { recursive: true });
  writeFileSync(path.join(db, 'index.txt'), '');
  writeFileSync(path.join(db, 'serial'), `${serial}\n`);
  return [
    '[ca]',
    'default_ca = local',
    '[local]',
    `dir = ${db}`,
    'database = $dir/index.txt',
    'serial = $dir/serial',
    'new_certs_dir = $dir',
    'default_md = sha256',
    'policy = any',
    'copy_extensions = none',
    'unique_subject = no',
    'default_days = 30',
    '[any]',
    'commonName = supplied',
  ];
}

/**
 * Makes a local CA and server certificates in `dir` (created if missing): valid, expired,
 * not-yet-valid, wrong-host and self-signed, all for the same RSA key, plus an ECDSA one.
 */
export async function makeCertificates(dir: string): Promise<Certificates> {
  mkdirSync(dir, { recursive: true });
  const p = (f: string) => path.join(dir, f);
  const c: Certificates = {
    dir,
    caCert: p('ca.pem'),
    caKey: p('ca-key.pem'),
    key: p('key.pem'),
    cert: p('cert.pem'),
    expiredCert: p('expired.pem'),
    notYetValidCert: p('notyet.pem'),
    wrongHostCert: p('wronghost.pem'),
    selfSignedCert: p('selfsigned.pem'),
    ecKey: p('ec-key.pem'),
    ecCert: p('ec-cert.pem'),
  };
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    c.caKey,
    '-out',
    c.caCert,
    '-days',
    '30',
    '-subj',
    '/O=PEC Doctor Test/CN=PEC Doctor Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await run('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', c.key]);
  await run('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', c.ecKey]);
  const csr = p('server.csr');
  await run('openssl', ['req', '-new', '-key', c.key, '-out', csr, '-subj', '/CN=localhost']);
  // `openssl ca` is the one OpenSSL 3.0 tool that takes explicit start/end dates.
  const db = p('ca-db');
  const cnf = p('ca.cnf');
  writeFileSync(
    cnf,
    [
      ...openSslCaConfig(db, 1000),
      '[local_ext]',
      'basicConstraints = CA:FALSE',
      // As every public CA issues them (Apple's clients require it since 2019).
      'extendedKeyUsage = serverAuth',
      `${SAN_LOCAL}`,
      '[wrong_ext]',
      'basicConstraints = CA:FALSE',
      'extendedKeyUsage = serverAuth',
      'subjectAltName = DNS:wrong.example',
      '',
    ].join('\n'),
  );
  const sign = (out: string, ext: string, extra: string[], inCsr = csr) =>
    run('openssl', [
      'ca',
      '-batch',
      '-notext',
      '-config',
      cnf,
      '-cert',
      c.caCert,
      '-keyfile',
      c.caKey,
      '-in',
      inCsr,
      '-out',
      out,
      '-extensions',
      ext,
      ...extra,
    ]);
  await sign(c.cert, 'local_ext', ['-days', '30']);
  await sign(c.expiredCert, 'local_ext', ['-startdate', '20200101000000Z', '-enddate', '20210101000000Z']);
  await sign(c.notYetValidCert, 'local_ext', ['-startdate', '20990101000000Z', '-enddate', '20991231000000Z']);
  const wrongCsr = p('wrong.csr');
  await run('openssl', ['req', '-new', '-key', c.key, '-out', wrongCsr, '-subj', '/CN=wrong.example']);
  await sign(c.wrongHostCert, 'wrong_ext', ['-days', '30'], wrongCsr);
  const ecCsr = p('ec.csr');
  await run('openssl', ['req', '-new', '-key', c.ecKey, '-out', ecCsr, '-subj', '/CN=localhost']);
  await sign(c.ecCert, 'local_ext', ['-days', '30'], ecCsr);
  await run('openssl', [
    'req',
    '-x509',
    '-key',
    c.key,
    '-out',
    c.selfSignedCert,
    '-days',
    '30',
    '-subj',
    '/CN=localhost',
    '-addext',
    SAN_LOCAL,
  ]);
  return c;
}

/**
 * DH parameters for `openssl s_server -dhparam`: an RFC 7919 group (ffdhe2048 ... ffdhe8192, made
 * instantly) or a freshly generated prime of `bits` (small sizes only are quick; OpenSSL 3's s_server refuses primes below 1024 bits).
 */
export async function makeDhParams(
  file: string,
  o: { group: 'ffdhe2048' | 'ffdhe3072' | 'ffdhe4096' | 'ffdhe8192' } | { bits: number },
): Promise<string> {
  if ('group' in o) await run('openssl', ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', `group:${o.group}`, '-out', file]);
  else
    await run('openssl', ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', `dh_paramgen_prime_len:${o.bits}`, '-out', file], {
      timeoutMs: 60_000,
    });
  return file;
}

// ---------------------------------------------------------------------------------------------
// openssl s_server

export type OpensslVersion = 'tls1' | 'tls1_1' | 'tls1_2' | 'tls1_3';

export interface OpensslServerOptions {
  cert: string;
  key: string;
  /** Only this protocol version (`-tls1_2` ...); all versions the build allows when omitted. */
  version?: OpensslVersion;
  /** TLS ≤ 1.2 cipher list in OpenSSL syntax, e.g. 'ECDHE-RSA-AES128-GCM-SHA256'. */
  cipher?: string;
  /** TLS 1.3 suites (`-ciphersuites`), e.g. 'TLS_AES_256_GCM_SHA384'. */
  ciphersuites?: string;
  /** Extra s_server arguments (e.g. ['-serverpref']). */
  args?: string[];
  port?: number;
}

export interface RunningServer {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `openssl s_server` on 127.0.0.1. TLS 1.0/1.1 need security level 0 on OpenSSL 3
 * (server side only), so it is appended to the cipher list for those versions.
 */
export async function startOpensslServer(o: OpensslServerOptions): Promise<RunningServer> {
  const port = o.port ?? (await freePort());
  const args = ['s_server', '-accept', `127.0.0.1:${port}`, '-cert', o.cert, '-key', o.key, '-quiet', '-naccept', '100000'];
  if (o.version) args.push(`-${o.version}`);
  const old = o.version === 'tls1' || o.version === 'tls1_1' || o.version === undefined;
  const cipher = o.cipher ?? (old ? 'DEFAULT' : undefined);
  if (cipher) args.push('-cipher', old && !cipher.includes('@SECLEVEL') ? `${cipher}:@SECLEVEL=0` : cipher);
  if (o.ciphersuites) args.push('-ciphersuites', o.ciphersuites);
  args.push(...(o.args ?? []));
  // stdin stays an open pipe: s_server would otherwise read EOF and drop connections.
  const child = spawn('openssl', args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  try {
    await waitForPort(port, 10_000, () => child.exitCode === null);
  } catch (e) {
    await stopChild(child);
    throw new Error(`${(e as Error).message}\n${stderr}`);
  }
  return { port, pid: child.pid as number, stop: () => stopChild(child) };
}

// ---------------------------------------------------------------------------------------------
// Dovecot

export interface DovecotOptions {
  cert: string;
  key: string;
  /** ssl_min_protocol: TLSv1, TLSv1.1, TLSv1.2 (default), TLSv1.3. */
  minProtocol?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  /** ssl_cipher_list (OpenSSL syntax); '@SECLEVEL=0' is added when minProtocol < TLSv1.2. */
  cipherList?: string;
  /** Extra lines appended to dovecot.conf. */
  extraConfig?: string;
  /** Write no ssl_dh (DHE suites then fail on the server side: a misconfiguration seen in the wild). */
  noDhParams?: boolean;
}

export interface DovecotServer {
  ports: { imap: number; imaps: number; pop3: number; pop3s: number };
  dir: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts Dovecot (IMAP + POP3, plain/STARTTLS and implicit TLS) with a private config: any user
 * name logs in with the password `secret` (static passdb, mail under the temp dir), plaintext
 * login allowed. `stop()` ends this instance only (its own process group) and removes the dir.
 */
export async function startDovecot(o: DovecotOptions): Promise<DovecotServer> {
  const dir = tempDir('pec-dovecot-');
  const ports = { imap: await freePort(), imaps: await freePort(), pop3: await freePort(), pop3s: await freePort() };
  const min = o.minProtocol ?? 'TLSv1.2';
  const legacy = min === 'TLSv1' || min === 'TLSv1.1';
  let cipherList = o.cipherList ?? (legacy ? 'DEFAULT' : undefined);
  if (cipherList && legacy && !cipherList.includes('@SECLEVEL')) cipherList += ':@SECLEVEL=0';
  for (const d of ['run', 'state', 'home']) mkdirSync(path.join(dir, d), { recursive: true });
  // DHE suites need parameters; the RFC 7919 ffdhe2048 group is instant to write.
  const dh = path.join(dir, 'dh.pem');
  if (!o.noDhParams) await run('openssl', ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'dh_param:ffdhe2048', '-out', dh]);
  const conf = path.join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    [
      'protocols = imap pop3',
      'listen = 127.0.0.1',
      `base_dir = ${dir}/run`,
      `state_dir = ${dir}/state`,
      `log_path = ${dir}/dovecot.log`,
      'ssl = yes',
      `ssl_cert = <${o.cert}`,
      `ssl_key = <${o.key}`,
      o.noDhParams ? '' : `ssl_dh = <${dh}`,
      `ssl_min_protocol = ${min}`,
      cipherList ? `ssl_cipher_list = ${cipherList}` : '',
      'auth_mechanisms = plain',
      'disable_plaintext_auth = no',
      'passdb {',
      '  driver = static',
      '  args = password=secret',
      '}',
      'userdb {',
      '  driver = static',
      `  args = uid=root gid=root home=${dir}/home/%u`,
      '}',
      `mail_location = maildir:${dir}/home/%u/Maildir`,
      'service imap-login {',
      '  inet_listener imap {',
      `    port = ${ports.imap}`,
      '  }',
      '  inet_listener imaps {',
      `    port = ${ports.imaps}`,
      '    ssl = yes',
      '  }',
      '}',
      'service pop3-login {',
      '  inet_listener pop3 {',
      `    port = ${ports.pop3}`,
      '  }',
      '  inet_listener pop3s {',
      `    port = ${ports.pop3s}`,
      '    ssl = yes',
      '  }',
      '}',
      'service anvil {',
      '  unix_listener anvil-auth-penalty {',
      '    mode = 0',
      '  }',
      '}',
      o.extraConfig ?? '',
      '',
    ].join('\n'),
  );
  await runDaemonizing('dovecot', ['-c', conf], 15_000);
  const pidFile = path.join(dir, 'run', 'master.pid');
  const end = Date.now() + 10_000;
  while (!existsSync(pidFile) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  const stop = async () => {
    // The master lingers after SIGTERM while login processes drain; its process group (own
    // session, group id = master pid) holds exactly this instance, so end the group.
    await killPid(pid, 1_000);
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* group already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const p of Object.values(ports)) await waitForPort(p, 10_000, () => pidAlive(pid));
  } catch (e) {
    const log = existsSync(path.join(dir, 'dovecot.log')) ? readFileSync(path.join(dir, 'dovecot.log'), 'utf8') : '';
    await stop();
    throw new Error(`${(e as Error).message}\n${log}`);
  }
  return { ports, dir, pid, stop };
}

// ---------------------------------------------------------------------------------------------
// Postfix

export interface PostfixOptions {
  cert: string;
  key: string;
  /** smtpd_tls_protocols / smtpd_tls_mandatory_protocols, e.g. '>=TLSv1.2'. */
  tlsProtocols?: string;
  /** Offer STARTTLS on the submission port (default true); false = no STARTTLS at all. */
  starttls?: boolean;
  /** Extra main.cf lines. */
  extraMain?: string;
}

export interface PostfixServer {
  /** submission = STARTTLS (587-style), smtps = implicit TLS (465-style). */
  ports: { submission: number; smtps: number };
  dir: string;
  stop(): Promise<void>;
}

/**
 * Starts a private Postfix instance (`postfix -c <dir> start`) with its own config, queue and
 * data directories under a temp dir, listening on 127.0.0.1 only; no chroot. `stop()` runs
 * `postfix -c <dir> stop` (which signals this instance's master pid only) then kills the pid.
 */
export async function startPostfix(o: PostfixOptions): Promise<PostfixServer> {
  const dir = tempDir('pec-postfix-');
  const ports = { submission: await freePort(), smtps: await freePort() };
  const conf = path.join(dir, 'etc');
  const queue = path.join(dir, 'queue');
  const data = path.join(dir, 'data');
  for (const d of [conf, queue, data]) mkdirSync(d, { recursive: true });
  // The postfix user must reach the queue and own data_directory (master.lock lives there).
  chmodSync(dir, 0o755);
  const uid = Number((await run('id', ['-u', 'postfix'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postfix'])).stdout.trim());
  chownSync(data, uid, gid);
  const level = o.starttls === false ? 'none' : 'may';
  writeFileSync(
    path.join(conf, 'main.cf'),
    [
      'compatibility_level = 3.6',
      `config_directory = ${conf}`,
      `queue_directory = ${queue}`,
      `data_directory = ${data}`,
      'meta_directory = /etc/postfix',
      'shlib_directory = /usr/lib/postfix',
      'daemon_directory = /usr/lib/postfix/sbin',
      'command_directory = /usr/sbin',
      'mail_owner = postfix',
      'setgid_group = postdrop',
      'inet_interfaces = 127.0.0.1',
      'inet_protocols = ipv4',
      'myhostname = localhost',
      'mydestination =',
      'relayhost =',
      'alias_maps =',
      'alias_database =',
      `maillog_file = ${dir}/postfix.log`,
      // postlogd only writes under an allowed prefix.
      `maillog_file_prefixes = ${dir}`,
      'smtpd_banner = $myhostname ESMTP Postfix',
      `smtpd_tls_cert_file = ${o.cert}`,
      `smtpd_tls_key_file = ${o.key}`,
      `smtpd_tls_security_level = ${level}`,
      o.tlsProtocols ? `smtpd_tls_protocols = ${o.tlsProtocols}` : '',
      o.tlsProtocols ? `smtpd_tls_mandatory_protocols = ${o.tlsProtocols}` : '',
      'smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination',
      'mynetworks = 127.0.0.0/8',
      o.extraMain ?? '',
      '',
    ].join('\n'),
  );
  const svc = (name: string, type: string, cmd: string, extra = '', priv = '-', maxproc = '-') =>
    `${name}\t${type}\t${priv}\t-\tn\t-\t${maxproc}\t${cmd}${extra}`;
  writeFileSync(
    path.join(conf, 'master.cf'),
    [
      svc(`127.0.0.1:${ports.submission}`, 'inet', 'smtpd', '', 'n'),
      svc(`127.0.0.1:${ports.smtps}`, 'inet', 'smtpd', ' -o smtpd_tls_wrappermode=yes -o smtpd_tls_security_level=encrypt', 'n'),
      svc('cleanup', 'unix', 'cleanup', '', 'n', '0'),
      svc('qmgr', 'unix', 'qmgr', '', 'n', '1'),
      svc('tlsmgr', 'unix', 'tlsmgr', '', '-', '1'),
      svc('rewrite', 'unix', 'trivial-rewrite'),
      svc('bounce', 'unix', 'bounce', '', '-', '0'),
      svc('defer', 'unix', 'bounce', '', '-', '0'),
      svc('trace', 'unix', 'bounce', '', '-', '0'),
      svc('verify', 'unix', 'verify', '', '-', '1'),
      svc('flush', 'unix', 'flush', '', 'n', '0'),
      svc('proxymap', 'unix', 'proxymap'),
      svc('smtp', 'unix', 'smtp'),
      svc('relay', 'unix', 'smtp'),
      svc('showq', 'unix', 'showq', '', 'n'),
      svc('error', 'unix', 'error'),
      svc('retry', 'unix', 'error'),
      svc('discard', 'unix', 'discard'),
      svc('local', 'unix', 'local', '', 'n'),
      svc('anvil', 'unix', 'anvil', '', '-', '1'),
      svc('scache', 'unix', 'scache', '', '-', '1'),
      svc('postlog', 'unix-dgram', 'postlogd', '', 'n', '1'),
      '',
    ].join('\n'),
  );
  const stop = async () => {
    const pidFile = path.join(queue, 'pid', 'master.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
    await runDaemonizing('postfix', ['-c', conf, 'stop'], 15_000).catch(() => undefined);
    if (Number.isInteger(pid) && pid > 0) await killPid(pid);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await runDaemonizing('postfix', ['-c', conf, 'start'], 30_000);
    await waitForPort(ports.submission);
    await waitForPort(ports.smtps);
  } catch (e) {
    const log = existsSync(path.join(dir, 'postfix.log')) ? readFileSync(path.join(dir, 'postfix.log'), 'utf8') : '';
    await stop();
    throw new Error(`${(e as Error).message}\n${log}`);
  }
  return { ports, dir, stop };
}

// ---------------------------------------------------------------------------------------------
// Certificate chains that clients judge differently (issue #23)

export interface ChainCases {
  /** Intermediate CA (CA:TRUE, keyCertSign) signed by the local CA, its DER served at `aiaUrl`. */
  interCert: string;
  interDer: Buffer;
  /** Leaf for localhost/127.0.0.1 signed by the intermediate, with an AIA caIssuers URL. */
  leafViaInter: string;
  /** An "intermediate" with CA:FALSE and no key usage, and a leaf it signed. */
  notCaInter: string;
  leafViaNotCa: string;
  /** An intermediate expired in 2021, and a valid leaf it signed. */
  expiredInter: string;
  leafViaExpired: string;
  /** RSA 1024-bit key and its leaf (local CA, SAN localhost). */
  rsa1024Key: string;
  rsa1024Cert: string;
  /** CN=localhost and no subjectAltName at all (local CA). */
  cnOnlyCert: string;
  /** For the name pec.example only (local CA): the second certificate of an SNI server. */
  sniCert: string;
  /** Root → intermediate with pathlen:0 → a second intermediate → leaf: the path is one CA too long. */
  pathLenChain: { leaf: string; untrusted: string };
  /** An intermediate with CA:TRUE but a key usage without keyCertSign, and a leaf it signed. */
  noCertSignChain: { leaf: string; untrusted: string };
}

/** Makes the chain cases in `c.dir` with the local CA of `c`; `aiaUrl` goes into leafViaInter. */
export async function makeChainCases(c: Certificates, aiaUrl: string): Promise<ChainCases> {
  const p = (f: string) => path.join(c.dir, f);
  const cnf = p('chain.cnf');
  const db = p('chain-db');
  writeFileSync(
    cnf,
    [
      ...openSslCaConfig(db, 2000),
      '[inter_ext]',
      'basicConstraints = critical,CA:TRUE',
      'keyUsage = critical,keyCertSign,cRLSign',
      '[pathlen0_ext]',
      'basicConstraints = critical,CA:TRUE,pathlen:0',
      'keyUsage = critical,keyCertSign,cRLSign',
      '[nocertsign_ext]',
      'basicConstraints = critical,CA:TRUE',
      'keyUsage = critical,digitalSignature',
      '[notca_ext]',
      'basicConstraints = CA:FALSE',
      '[leaf_ext]',
      'basicConstraints = CA:FALSE',
      'extendedKeyUsage = serverAuth',
      SAN_LOCAL,
      '[aia_leaf_ext]',
      'basicConstraints = CA:FALSE',
      'extendedKeyUsage = serverAuth',
      SAN_LOCAL,
      `authorityInfoAccess = caIssuers;URI:${aiaUrl}`,
      '[cn_only_ext]',
      'basicConstraints = CA:FALSE',
      'extendedKeyUsage = serverAuth',
      '[sni_ext]',
      'basicConstraints = CA:FALSE',
      'extendedKeyUsage = serverAuth',
      'subjectAltName = DNS:pec.example',
      '',
    ].join('\n'),
  );
  const csr = async (key: string, cn: string) => {
    const out = p(`${path.basename(key, '.pem')}-${cn}.csr`);
    await run('openssl', ['req', '-new', '-key', key, '-out', out, '-subj', `/CN=${cn}`]);
    return out;
  };
  const sign = async (out: string, inCsr: string, ext: string, ca: { cert: string; key: string }, dates: string[] = ['-days', '30']) => {
    await run('openssl', [
      'ca',
      '-batch',
      '-notext',
      '-config',
      cnf,
      '-cert',
      ca.cert,
      '-keyfile',
      ca.key,
      '-in',
      inCsr,
      '-out',
      p(out),
      '-extensions',
      ext,
      ...dates,
    ]);
    return p(out);
  };
  const root = { cert: c.caCert, key: c.caKey };
  const interKey = p('inter-key.pem');
  await run('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', interKey]);
  const interCert = await sign('inter.pem', await csr(interKey, 'PEC Doctor Test Intermediate'), 'inter_ext', root);
  const notCaCert = await sign('notca.pem', await csr(interKey, 'PEC Doctor Not A CA'), 'notca_ext', root);
  const expiredInter = await sign('inter-expired.pem', await csr(interKey, 'PEC Doctor Expired Intermediate'), 'inter_ext', root, [
    '-startdate',
    '20200101000000Z',
    '-enddate',
    '20210101000000Z',
  ]);
  const leafCsr = await csr(c.key, 'localhost');
  const rsa1024Key = p('rsa1024-key.pem');
  await run('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', rsa1024Key]);
  const out: ChainCases = {
    interCert,
    interDer: Buffer.from(
      readFileSync(interCert, 'utf8')
        .replace(/-----[^-]+-----/g, '')
        .replace(/\s+/g, ''),
      'base64',
    ),
    leafViaInter: await sign('leaf-inter.pem', leafCsr, 'aia_leaf_ext', { cert: interCert, key: interKey }),
    notCaInter: notCaCert,
    leafViaNotCa: await sign('leaf-notca.pem', leafCsr, 'leaf_ext', { cert: notCaCert, key: interKey }),
    expiredInter,
    leafViaExpired: await sign('leaf-expired-inter.pem', leafCsr, 'leaf_ext', { cert: expiredInter, key: interKey }),
    rsa1024Key,
    rsa1024Cert: await sign('rsa1024.pem', await csr(rsa1024Key, 'localhost'), 'leaf_ext', root),
    cnOnlyCert: await sign('cn-only.pem', leafCsr, 'cn_only_ext', root),
    sniCert: await sign('sni.pem', await csr(c.key, 'pec.example'), 'sni_ext', root),
    pathLenChain: { leaf: '', untrusted: '' },
    noCertSignChain: { leaf: '', untrusted: '' },
  };
  const pathLen0 = await sign('pathlen0.pem', await csr(interKey, 'PEC Doctor PathLen0'), 'pathlen0_ext', root);
  const below = await sign('below-pathlen0.pem', await csr(interKey, 'PEC Doctor Below PathLen0'), 'inter_ext', {
    cert: pathLen0,
    key: interKey,
  });
  out.pathLenChain = {
    leaf: await sign('leaf-pathlen.pem', leafCsr, 'leaf_ext', { cert: below, key: interKey }),
    untrusted: p('pathlen-untrusted.pem'),
  };
  writeFileSync(out.pathLenChain.untrusted, readFileSync(below, 'utf8') + readFileSync(pathLen0, 'utf8'));
  const noCertSign = await sign('nocertsign.pem', await csr(interKey, 'PEC Doctor No CertSign'), 'nocertsign_ext', root);
  out.noCertSignChain = {
    leaf: await sign('leaf-nocertsign.pem', leafCsr, 'leaf_ext', { cert: noCertSign, key: interKey }),
    untrusted: noCertSign,
  };
  return out;
}

/** Serves one file's bytes over http on 127.0.0.1:port (an AIA "CA Issuers" address); counts requests. */
export async function startFileServer(port: number, body: Buffer): Promise<{ url: string; requests: () => number; stop(): Promise<void> }> {
  const http = await import('node:http');
  let count = 0;
  const server = http.createServer((_req, res) => {
    count++;
    res.writeHead(200, { 'content-type': 'application/pkix-cert' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${port}/inter.cer`,
    requests: () => count,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * A mail server that accepts STARTTLS and then fails the upgrade: `close` ends the connection right
 * after its "OK" (what the issue saw), `silent` keeps it open and says nothing more.
 */
export async function startBrokenStarttls(protocol: 'imap' | 'smtp', mode: 'close' | 'silent'): Promise<RunningServer> {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    let buf = '';
    const upgrade = (line: string) => {
      s.write(line);
      if (mode === 'close') s.end();
      else s.removeAllListeners('data');
    };
    s.write(protocol === 'imap' ? '* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n' : '220 localhost ESMTP test\r\n');
    s.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = buf.slice(0, i).trim();
        buf = buf.slice(i + 1);
        if (protocol === 'imap' && /^(\S+) CAPABILITY$/i.test(line))
          s.write(`* CAPABILITY IMAP4rev1 STARTTLS\r\n${line.split(' ')[0]} OK done\r\n`);
        else if (protocol === 'imap' && /^(\S+) STARTTLS$/i.test(line))
          return upgrade(`${line.split(' ')[0]} OK Begin TLS negotiation now\r\n`);
        else if (protocol === 'smtp' && /^EHLO /i.test(line)) s.write('250-localhost\r\n250-PIPELINING\r\n250 STARTTLS\r\n');
        else if (protocol === 'smtp' && /^STARTTLS$/i.test(line)) return upgrade('220 2.0.0 Ready to start TLS\r\n');
        else s.write(protocol === 'imap' ? `${line.split(' ')[0]} BAD unknown\r\n` : '502 unknown\r\n');
      }
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return {
    port,
    pid: process.pid,
    stop: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

// Before/after figures for the hostile inputs of issue #15 item 6: each case runs account
// discovery (the real readers, as `pec-doctor accounts` does) in a fresh child process on a
// prepared home folder, once with the sources of an older commit (`--before`, default the last
// commit before the fix) and once with the working tree; time, peak RSS (getrusage maxRSS) and
// the outcome are printed as a table and as JSON.
//   npx tsx scripts/bench-hostile.ts [--before <commit>] [--only <case>] [--skip-before]
// The 400 MB case needs about 5 GB of free memory for the "before" run.
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const WORK = path.join(ROOT, '.tmp', 'bench-hostile');
const MB = 1024 * 1024;

interface Outcome {
  ms: number;
  maxRssMB: number;
  accounts: number;
  errors: string[];
  /** Whether the planted secret/first token reached the result. */
  leaked: boolean;
}

interface Case {
  name: string;
  what: string;
  /** Prepares the home folder; returns the discovery options the child uses. */
  make(dir: string): { env: Record<string, string>; platform: string; secret?: string };
  timeoutMs: number;
}

function thunderbirdHome(dir: string, prefs: (file: string) => void, ini?: (file: string) => void): Record<string, string> {
  const root = path.join(dir, '.thunderbird');
  fs.mkdirSync(path.join(root, 'p1'), { recursive: true });
  const iniFile = path.join(root, 'profiles.ini');
  if (ini) ini(iniFile);
  else fs.writeFileSync(iniFile, '[Profile0]\nName=default\nIsRelative=1\nPath=p1\nDefault=1\n');
  prefs(path.join(root, 'p1', 'prefs.js'));
  return { HOME: dir };
}

/** A prefs.js of `bytes` bytes: a normal account whose server name is one enormous string. */
function bigPrefs(file: string, bytes: number, unit = 'x'): void {
  const head =
    'user_pref("mail.accountmanager.accounts", "account1");\nuser_pref("mail.account.account1.server", "server1");\n' +
    'user_pref("mail.server.server1.type", "imap");\nuser_pref("mail.server.server1.hostname", "imaps.pec.aruba.it");\n' +
    'user_pref("mail.server.server1.name", "';
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, head);
  const block = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB - (MB % unit.length));
  for (let written = head.length; written < bytes - 8; written += block.length) fs.writeSync(fd, block);
  fs.writeSync(fd, '");\n');
  fs.closeSync(fd);
}

const CASES: Case[] = [
  {
    name: 'prefs-400mb',
    what: 'prefs.js of 400 MB (one huge string)',
    make: (dir) => ({ env: thunderbirdHome(dir, (f) => bigPrefs(f, 400 * MB)), platform: 'linux' }),
    timeoutMs: 120_000,
  },
  {
    name: 'prefs-30mb',
    what: 'prefs.js of 30 MB, under the cap (one huge string)',
    make: (dir) => ({ env: thunderbirdHome(dir, (f) => bigPrefs(f, 30 * MB)), platform: 'linux' }),
    timeoutMs: 120_000,
  },
  {
    name: 'prefs-30mb-escapes',
    what: 'prefs.js of 30 MB, under the cap (a string of \\n escapes)',
    make: (dir) => ({ env: thunderbirdHome(dir, (f) => bigPrefs(f, 30 * MB, '\\n')), platform: 'linux' }),
    timeoutMs: 120_000,
  },
  {
    name: 'prefs-fifo',
    what: 'prefs.js is a FIFO (nobody writes)',
    make: (dir) => ({ env: thunderbirdHome(dir, (f) => execFileSync('mkfifo', [f])), platform: 'linux' }),
    timeoutMs: 10_000,
  },
  {
    name: 'profiles-ini-fifo',
    what: 'profiles.ini is a FIFO (nobody writes)',
    make: (dir) => ({
      env: thunderbirdHome(
        dir,
        (f) => fs.writeFileSync(f, ''),
        (f) => execFileSync('mkfifo', [f]),
      ),
      platform: 'linux',
    }),
    timeoutMs: 10_000,
  },
  {
    name: 'prefs-symlink',
    what: 'prefs.js links to a shadow-like file',
    make: (dir) => {
      const shadow = path.join(dir, 'shadow');
      fs.writeFileSync(shadow, 'rootsecret:$6$Zx9$abcdefgh:19000:0:99999:7:::\n');
      return { env: thunderbirdHome(dir, (f) => fs.symlinkSync(shadow, f)), platform: 'linux', secret: 'rootsecret' };
    },
    timeoutMs: 10_000,
  },
  {
    name: 'wlm-938kb',
    what: 'Windows Live Mail .oeaccount of 938 KB (unclosed <MessageAccount> tags)',
    make: (dir) => {
      const folder = path.join(dir, 'Local', 'Microsoft', 'Windows Live Mail', 'hostile');
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(
        path.join(folder, 'account{00000000-0000-0000-0000-000000000000}.oeaccount'),
        '<MessageAccount>'.repeat(938_000 / 16),
      );
      return { env: { LOCALAPPDATA: path.join(dir, 'Local') }, platform: 'win32' };
    },
    timeoutMs: 60_000,
  },
];

/** In the child: discovery with the given sources, then one JSON line on stdout. */
async function child(srcRoot: string, optionsJson: string): Promise<void> {
  const o = JSON.parse(optionsJson) as { env: Record<string, string>; platform: NodeJS.Platform; secret?: string };
  const accounts = (await import(path.join(srcRoot, 'accounts', 'index.ts'))) as typeof import('../src/accounts/index');
  const t = process.hrtime.bigint();
  const r = await accounts.discoverAccounts({ env: o.env, platform: o.platform, registry: null, resolveMx: null });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const json = JSON.stringify(r);
  const out: Outcome = {
    ms: Math.round(ms),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    accounts: r.accounts.length,
    errors: r.errors.map((e) => `${path.basename(e.source)}: ${(e.error ?? '').slice(0, 140)}`),
    leaked: o.secret ? json.includes(o.secret) : false,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

type ChildResult = (Outcome | { timedOut: true; ms: number } | { failed: string; ms: number }) & { wallMs?: number; timeMaxRssMB?: number };

/** Runs one case in a child, under /usr/bin/time -v when present (peak RSS even when the child is killed by OOM). */
function runChild(srcRoot: string, options: unknown, timeoutMs: number): Promise<ChildResult> {
  const t = Date.now();
  const node = [process.execPath, '--import', 'tsx', __filename, '--child', srcRoot, JSON.stringify(options)];
  const useTime = fs.existsSync('/usr/bin/time');
  const [file, ...args] = useTime ? ['/usr/bin/time', '-v', ...node] : node;
  return new Promise((resolve) => {
    let timedOut = false;
    // Its own process group, killed whole at the limit: /usr/bin/time's child must not outlive it
    // (a reader blocked on a FIFO would stay for ever, holding the pipes open).
    const child = spawn(file, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = Date.now() - t;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const extra = { wallMs, ...(rss ? { timeMaxRssMB: Math.round(Number(rss[1]) / 1024) } : {}) };
      if (timedOut) return resolve({ timedOut: true, ms: wallMs, ...extra });
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve({ ...(JSON.parse(line) as Outcome), ...extra });
      } catch {
        const lines = stderr.split('\n').filter((l) => l.trim() && !/^\s+\S.*: /.test(l) && !/Command (being timed|exited)/.test(l));
        const fatal = lines.find((l) => /FATAL|RangeError|Error:/.test(l)) ?? lines[0] ?? `exit code ${code}`;
        resolve({ failed: fatal.trim().slice(0, 200), ms: wallMs, ...extra });
      }
    });
  });
}

function describe(r: ChildResult): string {
  const peak = r.timeMaxRssMB !== undefined ? `, ${r.timeMaxRssMB} MB peak RSS` : '';
  if ('timedOut' in r) return `NOT FINISHED: killed at the ${(r.ms / 1000).toFixed(1)} s limit${peak} (a hang, or far too slow)`;
  if ('failed' in r) return `CRASH after ${(r.ms / 1000).toFixed(1)} s${peak}: ${r.failed}`;
  return `${r.ms} ms, ${r.timeMaxRssMB ?? r.maxRssMB} MB peak RSS, ${r.accounts} account(s)${r.leaked ? ', SECRET LEAKED' : ''}${r.errors.length ? `; ${r.errors.join(' | ')}` : ''}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2]);
  const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const before = opt('--before') ?? '724de99';
  const only = opt('--only');
  const skipBefore = args.includes('--skip-before');
  const beforeRoot = path.join(WORK, `src-${before}`);
  if (!skipBefore && !fs.existsSync(beforeRoot)) {
    fs.mkdirSync(beforeRoot, { recursive: true });
    const tar = execFileSync('git', ['archive', before, 'src'], { cwd: ROOT, maxBuffer: 256 * MB });
    execFileSync('tar', ['-x', '-C', beforeRoot], { input: tar });
  }
  const results: Record<string, { before?: unknown; after: unknown }> = {};
  for (const c of CASES.filter((x) => !only || x.name === only)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pec-bench-${c.name}-`));
    try {
      const options = c.make(dir);
      const b = skipBefore ? undefined : await runChild(path.join(beforeRoot, 'src'), options, c.timeoutMs);
      const a = await runChild(path.join(ROOT, 'src'), options, c.timeoutMs);
      results[c.name] = { before: b, after: a };
      console.log(`${c.name} — ${c.what}`);
      if (b) console.log(`  before (${before}): ${describe(b)}`);
      console.log(`  after  (work tree): ${describe(a)}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  fs.mkdirSync(WORK, { recursive: true });
  fs.writeFileSync(path.join(WORK, 'results.json'), JSON.stringify(results, null, 2));
  console.log(`\n(JSON in ${path.relative(ROOT, path.join(WORK, 'results.json'))})`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

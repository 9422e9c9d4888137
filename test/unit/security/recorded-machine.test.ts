// Issue #20.4: a recorded machine (`inventory --fixture`, `check --machine`, `fix-reg --machine`)
// is a closed folder. A `stdoutFile` of "../../secret", or a link in commands/, registry/ or
// files/ that leads outside, used to put the technician's own files into the inventory and the
// report; now the recording is refused with a sentence naming the link. A copy of a real recorded
// Windows 7 in a temporary folder, a "secret" file next to it, the CLI in process.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli } from '../../support/cli';
import { recordedFilePath, recordedSource, RecordingError } from '../../../src/inventory/source';
import { discoverRecordedAccounts } from '../../../src/accounts/index';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-doctor-closed-'));
process.env.PEC_DOCTOR_HOME = path.join(root, 'appdata');
process.env.PEC_DOCTOR_NO_HISTORY = '1';
after(() => fs.rmSync(root, { recursive: true, force: true }));

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'inventory', 'win7-sp1-x86-outlook2010');
const SECRET = 'SEGRETO-DEL-TECNICO-0123456789';
const secretFile = path.join(root, 'secret.txt');
fs.writeFileSync(secretFile, `\r\ndisplayName=${SECRET}\r\nproductState=266240\r\n\r\n`);
let n = 0;

/** A fresh copy of the recorded Windows 7. */
function copy(): string {
  const dir = path.join(root, `m${++n}`);
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

async function assertRefused(dir: string, why: RegExp): Promise<void> {
  for (const args of [
    ['inventory', '--fixture', dir, '--json'],
    ['check', '--machine', dir, '--no-discovery', '--json'],
    ['fix-reg', path.join(root, 'x.reg'), '--machine', dir],
  ]) {
    const r = await cli(...args);
    assert.equal(r.code, 2, `${args[0]}: ${r.err}`);
    assert.match(r.err, why, args[0]);
    assert.ok(!(r.out + r.err).includes(SECRET), `${args[0]}: the secret never appears`);
  }
  assert.ok(!fs.existsSync(path.join(root, 'x.reg')));
}

test('a stdoutFile that leaves commands/ is refused', async () => {
  const dir = copy();
  const commandsJson = path.join(dir, 'commands.json');
  const commands = JSON.parse(fs.readFileSync(commandsJson, 'utf8')) as { stdoutFile?: string }[];
  const av = commands.find((c) => c.stdoutFile === 'wmic-av.txt')!;
  av.stdoutFile = path.relative(path.join(dir, 'commands'), secretFile);
  assert.match(av.stdoutFile, /^\.\.\//);
  fs.writeFileSync(commandsJson, JSON.stringify(commands));
  await assertRefused(dir, /"stdoutFile" deve essere un file della cartella commands\//);
});

test('links in commands/, registry/ or files/ that lead outside are refused; a link inside is fine', async () => {
  for (const plant of [
    (dir: string) => {
      fs.rmSync(path.join(dir, 'commands', 'wmic-av.txt'));
      fs.symlinkSync(secretFile, path.join(dir, 'commands', 'wmic-av.txt'));
    },
    (dir: string) => fs.symlinkSync(secretFile, path.join(dir, 'registry', 'zz-planted.txt')),
    (dir: string) => {
      fs.mkdirSync(path.join(dir, 'files', 'C', 'Users'), { recursive: true });
      fs.symlinkSync(root, path.join(dir, 'files', 'C', 'Users', 'utente'));
    },
  ]) {
    const dir = copy();
    plant(dir);
    await assertRefused(dir, /collegamento simbolico che esce dalla sua cartella/);
  }
  // A link that stays inside the recording is a file of the recording.
  const dir = copy();
  fs.renameSync(path.join(dir, 'commands', 'wmic-av.txt'), path.join(dir, 'commands', 'real-av.txt'));
  fs.symlinkSync('real-av.txt', path.join(dir, 'commands', 'wmic-av.txt'));
  const r = await cli('inventory', '--fixture', dir, '--json');
  assert.equal(r.code, 0, r.err);
});

test('`..` in a recorded path (machine.json homedir, a file name) stays inside files/', async () => {
  const dir = copy();
  assert.equal(recordedFilePath(dir, '../../../etc/passwd'), path.join(dir, 'files', 'etc', 'passwd'));
  assert.equal(recordedFilePath(dir, 'C:\\Users\\..\\..\\..\\x'), path.join(dir, 'files', 'C', 'Users', 'x'));
  const source = recordedSource(dir);
  const read = await source.readFile(path.relative('/', secretFile).replace(/^/, '/../../../../'));
  assert.equal(read.ok, false, 'read inside files/, where it does not exist');
  // A recording that is itself a dangling link, or names a link leading nowhere, is refused in words.
  const dangling = copy();
  fs.symlinkSync(path.join(root, 'nowhere'), path.join(dangling, 'registry', 'gone.txt'));
  assert.throws(
    () => recordedSource(dangling),
    (e: unknown) => e instanceof RecordingError && /non porta a nessun file/.test(e.message),
  );
});

test('a Thunderbird profile outside the recording (IsRelative=0, an absolute Path) is named, never read', async () => {
  const dir = copy();
  const machine = JSON.parse(fs.readFileSync(path.join(dir, 'machine.json'), 'utf8')) as { env?: Record<string, string> };
  const appData = recordedFilePath(dir, machine.env?.APPDATA ?? 'C:\\Users\\utente\\AppData\\Roaming');
  const outside = path.join(root, `outside-profile-${n}`);
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(
    path.join(outside, 'prefs.js'),
    [
      `user_pref("mail.account.account1.server", "server1");`,
      `user_pref("mail.accountmanager.accounts", "account1");`,
      `user_pref("mail.server.server1.hostname", "imaps.pec.aruba.it");`,
      `user_pref("mail.server.server1.type", "imap");`,
      `user_pref("mail.server.server1.userName", "${SECRET}@pec.it");`,
    ].join('\n'),
  );
  const tbRoot = path.join(appData, 'Thunderbird');
  fs.mkdirSync(tbRoot, { recursive: true });
  fs.writeFileSync(path.join(tbRoot, 'profiles.ini'), `[Profile0]\r\nName=fuori\r\nIsRelative=0\r\nPath=${outside}\r\nDefault=1\r\n`);
  const found = await discoverRecordedAccounts(dir);
  const text = JSON.stringify(found);
  assert.ok(!text.includes(SECRET), 'the outside profile is never read');
  assert.ok(
    found.errors.some((e) => /fuori dalla macchina registrata.*fuori$/.test(e.error ?? '')),
    JSON.stringify(found.errors),
  );
});

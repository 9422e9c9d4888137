import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { cli } from '../../support/cli';
export { cli };

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'accounts');
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'accounts.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(schema);

export function assertValid(json: unknown, label: string): void {
  assert.ok(validate(json), `${label}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

const WIN = [
  '--platform',
  'win32',
  '--appdata',
  path.join(FIXTURES, 'windows', 'AppData', 'Roaming'),
  '--localappdata',
  path.join(FIXTURES, 'windows', 'AppData', 'Local'),
];

test('accounts --json on every fixture validates against docs/accounts.schema.json', async () => {
  // [label, arguments, accounts, of which matched to a provider (no DNS: the custom domain of the
  // linux home stays unmatched, gmail is not PEC)]
  const runs: [string, string[], number, number][] = [
    ['linux home', ['--home', path.join(FIXTURES, 'home-linux')], 6, 4],
    ['windows thunderbird + live mail', WIN, 3, 3],
    ['outlook 2016', ['--platform', 'win32', '--home', '/nonexistent', '--registry', path.join(FIXTURES, 'outlook', '2016')], 3, 3],
    ['outlook 2010', ['--platform', 'win32', '--home', '/nonexistent', '--registry', path.join(FIXTURES, 'outlook', '2010')], 2, 2],
  ];
  for (const [label, args, count, matched] of runs) {
    const r = await cli('accounts', '--json', '--no-dns', ...args);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assertValid(json, label);
    assert.equal(json.accounts.length, count, label);
    assert.equal(json.accounts.filter((a: { provider: string | null }) => a.provider !== null).length, matched, label);
    assert.ok(!/password/i.test(r.out), label);
  }
});

test('the schema rejects what it must (a password field, an unknown finding id)', () => {
  const base = { client: 'manual', profile: 'p', email: null, provider: null, incoming: null, outgoing: null, findings: [], evidence: [] };
  assert.ok(validate({ accounts: [base], errors: [] }));
  assert.ok(!validate({ accounts: [{ ...base, password: 'x' }], errors: [] }));
  assert.ok(!validate({ accounts: [{ ...base, findings: ['made-up'] }], errors: [] }));
  assert.ok(!validate({ accounts: [{ ...base, incoming: { host: 'h', port: 0, protocol: 'imap', security: 'tls' } }], errors: [] }));
});

test('human output: a short Italian table, unreadable profiles listed', async () => {
  const r = await cli('accounts', '--no-dns', '--home', path.join(FIXTURES, 'home-linux'));
  assert.equal(r.code, 0);
  assert.match(r.out, /^Account di posta trovati: 6\n/);
  assert.match(r.out, /Programma +Profilo +Indirizzo +Gestore +In arrivo +In uscita +Problemi/);
  assert.match(
    r.out,
    /Thunderbird +studio \* +mario\.rossi@pec\.it +Aruba PEC +IMAP imaps\.pec\.aruba\.it:993 SSL\/TLS +SMTP smtps\.pec\.aruba\.it:465 SSL\/TLS +TLS 1\.2 disattivato/,
  );
  assert.match(
    r.out,
    /segreteria@postecert\.it +Poste Italiane - Postecert +IMAP mail\.postecert\.it:143 nessuna +SMTP mail\.postecert\.it:25 nessuna +senza cifratura, porta diversa dal gestore/,
  );
  assert.match(r.out, /Non leggibili:\n +.*efgh5678\.rotto[\\/]prefs\.js: unreadable: line 10/);
  const bad = await cli('accounts', '--platform', 'beos');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--platform vuole win32, darwin, linux/);
});

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOGUE, FIX_LINKS, LINKS, REQUIRED_IDS, fill } from '../../../src/diagnosis/catalogue';
import { allowedLinks, externalUrlRefusal } from '../../../src/links';
import { PROVIDERS } from '../../../src/accounts/providers';
import { evaluateRules } from '../../../src/diagnosis/rules/index';
import { OS, account, accounts, client, context, input, inventory, win7Tls } from './evidence';

const OFFICIAL_HOSTS = [
  'support.microsoft.com',
  'download.microsoft.com',
  'learn.microsoft.com',
  'dotnet.microsoft.com',
  'www.thunderbird.net',
  'www.mozilla.org',
  // Mozilla's release archive: Thunderbird 52.9.1 ESR, the last for Windows XP and Vista (issue #19).
  'ftp.mozilla.org',
  'www.actalis.com',
  'aruba.it',
];

test('ids are unique, stable in form, and include every id the issue requires', () => {
  const ids = CATALOGUE.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9.]+)*$/);
  for (const id of REQUIRED_IDS) assert.ok(ids.includes(id), id);
});

test('every entry speaks Italian and English', () => {
  for (const e of CATALOGUE) {
    for (const t of [e.title, e.detail, ...e.steps]) {
      assert.ok(t.it.trim() && t.en.trim(), e.id);
      assert.notEqual(t.it, t.en, `${e.id}: the Italian text is not a copy of the English one`);
    }
  }
});

test('docs/findings.md documents every id', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'findings.md'), 'utf8');
  const documented = new Set([...doc.matchAll(/^### `([^`]+)`/gm)].map((m) => m[1]));
  assert.deepEqual(
    CATALOGUE.map((e) => e.id).filter((id) => !documented.has(id)),
    [],
  );
  assert.deepEqual(
    [...documented].filter((id) => !CATALOGUE.some((e) => e.id === id)),
    [],
  );
});

test('fix links are https pages of Microsoft, Mozilla or the providers, all in FIX_LINKS', () => {
  assert.ok(FIX_LINKS.length > 0);
  for (const l of FIX_LINKS) {
    const u = new URL(l.url);
    assert.equal(u.protocol, 'https:');
    assert.ok(OFFICIAL_HOSTS.includes(u.hostname), l.url);
    assert.ok(l.label.it && l.label.en);
  }
  for (const e of CATALOGUE) for (const k of e.links) assert.ok(FIX_LINKS.includes(LINKS[k]));
});

test('the allow-list is exactly FIX_LINKS plus the providers’ webmails', () => {
  const expected = new Set([...FIX_LINKS.map((l) => l.url), ...PROVIDERS.flatMap((p) => (p.webmail ? [p.webmail] : []))]);
  assert.deepEqual([...allowedLinks()].sort(), [...expected].sort());
  for (const l of FIX_LINKS) assert.equal(externalUrlRefusal(l.url), null);
  assert.match(String(externalUrlRefusal('https://example.com/fix')), /allow-list/);
  assert.match(String(externalUrlRefusal('http://support.microsoft.com/')), /https/);
});

test('every link a produced finding shows is allowed to open', () => {
  const allowed = allowedLinks();
  const webmail = PROVIDERS.find((p) => p.webmail);
  const lookups = webmail
    ? [
        {
          email: `x@${webmail.domains[0]}`,
          provider: { id: webmail.id, name: webmail.name, webmail: webmail.webmail },
          endpoints: [],
          message: null,
        },
      ]
    : [];
  const findings = evaluateRules(
    input({
      inventory: inventory(OS.win7, { windows: win7Tls(), clients: [client('outlook', '10.0'), client('thunderbird', '31.0')] }),
      accounts: accounts([account()]),
      context: context({ lookups }),
    }),
  );
  assert.ok(findings.length >= 4);
  for (const f of findings) for (const l of f.fix.links) assert.equal(externalUrlRefusal(l.url, allowed), null, `${f.id}: ${l.url}`);
});

test('fill replaces known placeholders per language and leaves unknown ones visible', () => {
  assert.equal(fill('a {x} b {y}', { x: 1 }), 'a 1 b {y}');
  assert.equal(fill('{t}', { t: { it: 'ciao', en: 'hello' } }, 'en'), 'hello');
  assert.equal(fill('fine. {z}', { z: '' }), 'fine.');
});

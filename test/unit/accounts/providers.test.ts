import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { PROVIDERS } from '../../../src/accounts/providers';
import { matchProvider, providerByDomain, providerByHost, providerByMx, lookupMx } from '../../../src/accounts/provider-match';
import { lookupAddress } from '../../../src/accounts/lookup';
import { configFindings } from '../../../src/accounts/config-findings';
import { accountEndpoints } from '../../../src/accounts/endpoints';
import { classify } from '../../../src/accounts/index';
import type { Account, ServerSetting } from '../../../src/accounts/types';

const noDns = async (d: string): Promise<never> => {
  throw Object.assign(new Error('ENOTFOUND ' + d), { code: 'ENOTFOUND' });
};

test('catalogue: only confirmed hosts, https webmails, probe endpoints derived from confirmed ports', () => {
  const ids = PROVIDERS.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const p of PROVIDERS) {
    assert.ok(p.sources.length > 0 && p.source === p.sources[0], p.id);
    if (p.webmail) assert.match(p.webmail, /^https:\/\//);
    for (const e of [...p.incoming, ...p.outgoing]) assert.ok(['tls', 'starttls'].includes(e.security) && e.port > 0);
  }
  const hosts = PROVIDERS.flatMap((p) => [p.imap, p.pop3, p.smtp])
    .filter((s) => s)
    .map((s) => s!.host);
  // Host names that docs/facts/pec-providers.md §5 lists as invented must not be in the catalogue.
  for (const bad of [
    'smtp.pec.aruba.it',
    'mbox.legalmail.it',
    'smtp.legalmail.it',
    'imap.namirialpec.it',
    'smtp.postecert.it',
    'smtps.pec.register.it',
    'smtp.pec.infocert.it',
  ]) {
    assert.ok(!hosts.includes(bad), bad);
  }
  const aruba = PROVIDERS.find((p) => p.id === 'aruba')!;
  // Aruba POP3: the sources disagree on the port (993 vs 995), so it is not probed as Aruba's.
  assert.deepEqual(
    aruba.incoming.map((e) => `${e.protocol}:${e.host}:${e.port}:${e.security}`),
    ['imap:imaps.pec.aruba.it:993:tls'],
  );
  const poste = PROVIDERS.find((p) => p.id === 'postecert')!;
  assert.deepEqual(
    poste.incoming.map((e) => `${e.protocol}:${e.port}`),
    ['imap:993', 'pop3:995'],
  );
  // Legalmail POP3 port is not confirmed: nothing to probe for it.
  const legal = PROVIDERS.find((p) => p.id === 'infocert-legalmail')!;
  assert.deepEqual(
    legal.incoming.map((e) => e.protocol),
    ['imap'],
  );
});

test('provider by domain (incl. *.legalmail.it), by host (incl. an unpublished host in the zone), by MX', () => {
  assert.equal(providerByDomain('PEC.IT')?.id, 'aruba');
  assert.equal(providerByDomain('avvocatibari.legalmail.it')?.id, 'infocert-legalmail');
  assert.equal(providerByDomain('cliente.telecompost.it')?.id, 'telecompost');
  assert.equal(providerByDomain('gmail.com'), undefined);
  assert.equal(providerByHost('imaps.pec.aruba.it')?.id, 'aruba');
  assert.equal(providerByHost('smtp.pec.aruba.it')?.id, 'aruba');
  assert.equal(providerByHost('mail.postecert.it')?.id, 'postecert');
  assert.equal(providerByHost('imap.gmail.com'), undefined);
  assert.equal(providerByHost('aruba.it'), undefined);
  assert.equal(providerByMx([{ exchange: 'mx.cert.legalmail.it.', priority: 10 }])?.id, 'infocert-legalmail');
  assert.equal(
    providerByMx([
      { exchange: 'other.example', priority: 5 },
      { exchange: 'pec-mx01.sicurezzapostale.it', priority: 20 },
    ])?.id,
    'namirial',
  );
  assert.equal(providerByMx([{ exchange: 'server.pec-email.com', priority: 1 }])?.id, 'register');
  assert.equal(providerByMx([{ exchange: 'mail.telecompost.it', priority: 1 }])?.id, 'telecompost');
  assert.equal(providerByMx([{ exchange: 'aspmx.l.google.com', priority: 1 }]), undefined);
});

test('MX lookup: injectable resolver, deadline, one query per domain', async () => {
  let calls = 0;
  const slow = () => new Promise<never>(() => undefined);
  const t0 = Date.now();
  const r = await lookupMx('lento.it', slow, 50);
  assert.ok(Date.now() - t0 < 1000);
  assert.equal(r.records, null);
  assert.match(r.evidence.error ?? '', /no answer within 50 ms/);
  const cache = new Map();
  const counting = async () => {
    calls++;
    return [{ exchange: 'mx.cert.legalmail.it', priority: 10 }];
  };
  const a = await matchProvider('a@studio.it', [], { resolveMx: counting, mxCache: cache });
  const b = await matchProvider('b@studio.it', ['mail.studio.it'], { resolveMx: counting, mxCache: cache });
  assert.equal(a.provider?.id, 'infocert-legalmail');
  assert.equal(b.match, 'mx');
  assert.equal(calls, 1);
  // Domain and host answer first: no DNS at all.
  const c = await matchProvider('x@pec.it', [], { resolveMx: counting });
  assert.equal(c.match, 'domain');
  assert.equal(calls, 1);
});

test('lookupAddress: known domain, custom domain via MX, unknown provider asks for the servers', async () => {
  const aruba = await lookupAddress('  Mario.Rossi@PEC.it ', { resolveMx: noDns });
  assert.deepEqual(aruba.provider, { id: 'aruba', name: 'Aruba PEC', webmail: 'https://webmail.pec.it' });
  assert.deepEqual(
    aruba.endpoints.map((e) => `${e.protocol} ${e.host}:${e.port} ${e.security}`),
    ['imap imaps.pec.aruba.it:993 tls', 'smtp smtps.pec.aruba.it:465 tls'],
  );
  assert.equal(aruba.message, null);
  const custom = await lookupAddress('avv@studiolegale.it', {
    resolveMx: async () => [{ exchange: 'mx.cert.legalmail.it', priority: 10 }],
  });
  assert.equal(custom.provider?.id, 'infocert-legalmail');
  assert.deepEqual(
    custom.endpoints.map((e) => e.host),
    ['mbox.cert.legalmail.it', 'sendm.cert.legalmail.it'],
  );
  const unknown = await lookupAddress('a@sconosciuto.it', { resolveMx: noDns });
  assert.equal(unknown.provider, null);
  assert.deepEqual(unknown.endpoints, []);
  assert.match(unknown.message?.it ?? '', /Gestore PEC non riconosciuto: indica i server/);
  assert.match(unknown.message?.en ?? '', /PEC provider not recognised/);
  const invalid = await lookupAddress('non-un-indirizzo', { resolveMx: noDns });
  assert.match(invalid.message?.it ?? '', /non sembra un indirizzo PEC/);
});

const srv = (protocol: ServerSetting['protocol'], host: string, port: number, security: ServerSetting['security']): ServerSetting => ({
  host,
  port,
  protocol,
  security,
});
const account = (incoming: ServerSetting | null, outgoing: ServerSetting | null, email = 'a@pec.it'): Account => ({
  client: 'manual',
  profile: 'test',
  email,
  provider: null,
  incoming,
  outgoing,
  findings: [],
  evidence: [],
});

test('configuration findings against the provider and the well-known ports', async () => {
  const ids = async (a: Account) => (await classify(a, { resolveMx: null })).findings;
  assert.deepEqual(await ids(account(srv('imap', 'imaps.pec.aruba.it', 993, 'tls'), srv('smtp', 'smtps.pec.aruba.it', 465, 'tls'))), []);
  // STARTTLS where Aruba wants implicit TLS, on the TLS port.
  assert.deepEqual(await ids(account(srv('imap', 'imaps.pec.aruba.it', 993, 'starttls'), null)), ['account-security-mismatch']);
  // Submission on 587 with STARTTLS: port and security both differ from Aruba's 465 SSL/TLS.
  assert.deepEqual(await ids(account(null, srv('smtp', 'smtps.pec.aruba.it', 587, 'starttls'))), [
    'account-wrong-port',
    'account-security-mismatch',
  ]);
  assert.deepEqual(await ids(account(srv('imap', 'imap.pec.aruba.it', 993, 'tls'), null)), ['account-wrong-host']);
  assert.deepEqual(await ids(account(srv('imap', 'imaps.pec.aruba.it', 143, 'plain'), null)), ['account-plaintext', 'account-wrong-port']);
  // Aruba POP3: both ports of the conflicting sources are accepted.
  assert.deepEqual(await ids(account(srv('pop3', 'pop3s.pec.aruba.it', 993, 'tls'), null)), []);
  // Unknown provider: only what the port says.
  assert.deepEqual(
    await ids(account(srv('imap', 'imap.example.org', 993, 'starttls'), srv('smtp', 'smtp.example.org', 587, 'starttls'), 'x@example.org')),
    ['account-security-mismatch'],
  );
  assert.deepEqual(await ids(account(null, srv('smtp', 'smtp.example.org', 25, 'plain'), 'x@example.org')), ['account-plaintext']);
  const details = configFindings({ ...account(null, null), tlsVersionPrefs: { min: null, max: 2 } }, null);
  assert.deepEqual(details, [
    {
      id: 'thunderbird-tls-max-lowered',
      role: 'profile',
      server: null,
      expected: 'security.tls.version.max >= 3',
      actual: 'security.tls.version.max=2',
    },
  ]);
  assert.deepEqual(configFindings({ ...account(null, null), tlsVersionPrefs: { min: 1, max: 3 } }, null), []);
});

test('accountEndpoints: one endpoint per TLS server and role, plain-text servers left out', () => {
  const a = account(srv('imap', 'imaps.pec.aruba.it', 993, 'tls'), srv('smtp', 'smtps.pec.aruba.it', 465, 'tls'));
  a.identities = [
    { email: 'a@pec.it', outgoing: srv('smtp', 'smtps.pec.aruba.it', 465, 'tls') },
    { email: 'b@pec.it', outgoing: srv('smtp', 'smtps.pec.aruba.it', 587, 'starttls') },
  ];
  const b = account(srv('pop3', 'mail.postecert.it', 110, 'plain'), srv('smtp', 'mail.postecert.it', 465, 'tls'), 'c@postecert.it');
  const list = accountEndpoints({ accounts: [a, b], errors: [] });
  assert.deepEqual(
    list.map((x) => [x.account.email, x.role, `${x.endpoint.protocol} ${x.endpoint.host}:${x.endpoint.port} ${x.endpoint.security}`]),
    [
      ['a@pec.it', 'incoming', 'imap imaps.pec.aruba.it:993 tls'],
      ['a@pec.it', 'outgoing', 'smtp smtps.pec.aruba.it:465 tls'],
      ['a@pec.it', 'outgoing', 'smtp smtps.pec.aruba.it:587 starttls'],
      ['c@postecert.it', 'outgoing', 'smtp mail.postecert.it:465 tls'],
    ],
  );
  assert.equal(list[0].account, a);
  assert.deepEqual(Object.keys(list[0].endpoint).sort(), ['host', 'port', 'protocol', 'security']);
});

test('ordinary mailbox domains: exact, each with a source, none a PEC provider’s domain; no MX query for them', async () => {
  const { ORDINARY_MAILBOX_DOMAINS, ordinaryMailboxDomain } = await import('../../../src/accounts/providers');
  for (const d of ORDINARY_MAILBOX_DOMAINS) {
    assert.match(d.source, /^https:\/\//, d.domain);
    assert.ok(d.reason && d.service, d.domain);
    assert.equal(providerByDomain(d.domain), undefined, `${d.domain} is also in the PEC catalogue`);
  }
  for (const domain of ['gmail.com', 'outlook.com', 'hotmail.it', 'yahoo.it', 'libero.it', 'virgilio.it', 'icloud.com'])
    assert.ok(ordinaryMailboxDomain(domain), domain);
  // Exact domains: a certified sub-domain or a look-alike is not an ordinary mailbox.
  for (const domain of ['pec.libero.it', 'gmail.com.example', 'pec.it', 'legalmail.it'])
    assert.equal(ordinaryMailboxDomain(domain), undefined, domain);
  assert.equal(ordinaryMailboxDomain('GMAIL.COM.'), ordinaryMailboxDomain('gmail.com'));
  let asked = 0;
  const l = await lookupAddress('Mario.Rossi@Gmail.com', { resolveMx: async () => (asked++, []) });
  assert.equal(asked, 0, 'no DNS query for an ordinary mailbox');
  assert.equal(l.provider, null);
  assert.deepEqual(l.endpoints, []);
  assert.match(l.message?.it ?? '', /è una casella Gmail \(Google\), non un indirizzo PEC/);
});

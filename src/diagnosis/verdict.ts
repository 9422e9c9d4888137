// The overall verdict (issue #11) and the order of the findings. A verdict is green only when it
// was verified: a PEC server was reached with TLS 1.2+ AND this machine's mail program (its
// handshake simulation) completed the handshake with it. Otherwise the state says what was not
// verified and the one thing to do next. Pure: everything comes from the evidence, the findings
// and the plans (never from names or URLs of a saved file).
import type { Finding, FixPlan, RuleInput, Severity, Verdict } from './types';
import { SEVERITY_ORDER } from './types';
import type { Text } from '../util/text';
import { text } from '../util/text';
import type { EndpointResult } from '../probe/types';
import { CATALOGUE_BY_ID } from './catalogue';
import { firstOpenStep } from './plans';
import { relevantClients, speaksModernTls } from './rules/servers';
import { appleMailUnreadable } from './rules/accounts';
import { isPecAccount } from './rules/make';
import { providerByHost, domainOf, providerByDomain } from '../accounts/provider-match';
import { ordinaryMailboxDomain, providerById } from '../accounts/providers';
import { parseEndpointUrl } from '../probe/url';
import { checkWebmailBrowser } from './requirements';
import type { DerivedFacts } from './derived';
import type { WindowsFamily } from './windows-family';
import type { WindowsTls } from '../inventory/types';
import { deriveFacts } from './derived';

export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (s: Severity) => SEVERITY_ORDER.indexOf(s);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.severity) - rank(b.f.severity) || a.i - b.i)
    .map((x) => x.f);
}

// ---------------------------------------------------------------------------------------------
// What was verified.

/** A host that belongs to an ordinary mailbox service (imap.gmail.com): never a PEC server. */
function ordinaryHost(host: string): boolean {
  const labels = host.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) if (ordinaryMailboxDomain(labels.slice(i).join('.'))) return true;
  return false;
}

/** Hosts the user or the machine names as PEC servers: our catalogue's, typed ones, PEC accounts'. */
function pecHosts(input: RuleInput): Set<string> {
  const hosts = new Set<string>();
  for (const s of input.context.servers) {
    try {
      hosts.add(parseEndpointUrl(s).host.toLowerCase());
    } catch {
      // reported as check-failed
    }
  }
  for (const a of input.accounts?.accounts ?? []) {
    if (!isPecAccount(a)) continue;
    for (const s of [a.incoming, a.outgoing, ...(a.identities ?? []).map((i) => i.outgoing)]) if (s) hosts.add(s.host.toLowerCase());
  }
  return hosts;
}

export function isPecEndpoint(input: RuleInput, e: EndpointResult, hosts = pecHosts(input)): boolean {
  const h = e.host.toLowerCase();
  if (ordinaryHost(h)) return false;
  return providerByHost(h) !== undefined || hosts.has(h);
}

/** PEC endpoints reached with TLS 1.2 or later and a good certificate. */
export function verifiedEndpoints(input: RuleInput): EndpointResult[] {
  const hosts = pecHosts(input);
  return input.endpoints.filter((e) => e.verdict === 'ok' && speaksModernTls(e) && isPecEndpoint(input, e, hosts));
}

interface MachineCheck {
  verified: boolean;
  /** Who completed the handshake ("Outlook (Windows 10)", "Thunderbird 128", "il browser per la webmail"). */
  who: string[];
  /** Why not, when not verified. */
  missing: Text | null;
}

const NEW_OUTLOOK_WHO = 'il nuovo Outlook (tramite i server di Microsoft)';

/** Whether this machine's mail program (its simulation) completed a TLS 1.2+ handshake with a verified endpoint. */
function machineCheck(input: RuleInput, verified: EndpointResult[], facts: DerivedFacts): MachineCheck {
  const inv = input.inventory;
  if (!inv)
    return {
      verified: false,
      who: [],
      missing: text(
        'i programmi di questo computer (lettura del sistema non riuscita)',
        'this computer’s programs (reading the system failed)',
      ),
    };
  const clients = relevantClients(input, facts).filter((c) => c.severity === 'error');
  const who: string[] = [];
  for (const c of clients) {
    if (
      verified.some((e) =>
        e.simulations.some(
          (s) => s.client === c.simulation && s.ok && (s.version === 'TLSv1.2' || s.version === 'TLSv1.3' || s.version === undefined),
        ),
      )
    )
      who.push(c.label.it);
  }
  if (who.length) return { verified: true, who, missing: null };
  // The new Outlook connects from Microsoft's cloud: this machine has nothing to prove for it
  // (its finding says so, and "non verificato" names the cloud's connection). Never "via Edge".
  if (facts.newOutlook && clients.length === 0 && verified.length) return { verified: true, who: [NEW_OUTLOOK_WHO], missing: null };
  const mailClients = inv.clients.filter((c) =>
    ['outlook', 'thunderbird', 'applemail', 'windowslivemail', 'outlook-mac', 'evolution'].includes(c.id),
  );
  if (clients.length === 0 && mailClients.length === 0) {
    // No mail program at all: the providers' webmail is the way in; a suitable browser verifies the machine side.
    const wos = facts.webmailOs;
    const osVersion = wos === 'macos' ? facts.macosVersion : null;
    const browser = wos ? inv.browsers.find((b) => checkWebmailBrowser(wos, osVersion, b.id, b.version).status === 'ok') : undefined;
    if (browser)
      return { verified: true, who: [`${browser.name}${browser.version ? ' ' + browser.version : ''} (webmail)`], missing: null };
    return {
      verified: false,
      who: [],
      missing: text(
        'un programma di posta o un browser adatto alla webmail (non trovati)',
        'a mail program or a browser suitable for webmail (none found)',
      ),
    };
  }
  const listed = (clients.length ? clients.map((c) => c.label.it) : mailClients.map((c) => c.name)).join(', ');
  // Server 2008 with KB4019276 and TLS 1.2 on: no recorded hello of its SChannel to simulate; say so.
  if (facts.windows?.release === 'vista' && facts.windows.server && facts.tls12Client === 'on' && facts.schannelMailClients.length)
    return {
      verified: false,
      who: [],
      missing: text(
        `la connessione di ${listed} con TLS 1.2: su ${facts.windowsName} TLS 1.2 è attivo, ma non abbiamo una simulazione della sua connessione`,
        `the TLS 1.2 connection of ${listed}: TLS 1.2 is on on ${facts.windowsName}, but we have no simulation of its connection`,
      ),
    };
  return {
    verified: false,
    who: [],
    missing: text(
      `la connessione di ${listed} con TLS 1.2 (simulazione non riuscita o non disponibile)`,
      `the TLS 1.2 connection of ${listed} (simulation failed or not available)`,
    ),
  };
}

/** Facts this run could not read: listed as "non verificato", never as "none". */
export function unknownStates(input: RuleInput, facts: DerivedFacts = deriveFacts(input)): Text[] {
  const out: Text[] = [];
  const inv = input.inventory;
  const win = inv?.windows;
  const fam = facts.windows;
  if (inv && win && fam) out.push(...windowsUnknowns(win, fam, facts));
  if (facts.newOutlook)
    out.push(
      text(
        'il collegamento del nuovo Outlook al gestore (parte dai server di Microsoft, non da questo computer)',
        'the new Outlook’s connection to the provider (it starts from Microsoft’s servers, not from this computer)',
      ),
    );
  // Only Windows has an antivirus check (Security Center); elsewhere there is nothing that failed to read.
  if (inv && inv.os.platform === 'windows' && inv.antivirusChecked === false)
    out.push(
      facts.windows?.server
        ? // Windows Server has no Security Center to list it: nothing failed, there was nothing to ask.
          text(
            'l’antivirus (Windows Server non ha il Centro sicurezza che lo elenca)',
            'the antivirus (Windows Server has no Security Center listing it)',
          )
        : text('l’antivirus (elenco non leggibile: non verificato)', 'the antivirus (list unreadable: not verified)'),
    );
  const apple = appleMailUnreadable(input);
  if (apple) out.push(text(`gli account di Apple Mail (${apple.reason.it})`, `Apple Mail’s accounts (${apple.reason.en})`));
  if (input.context.skipDiscovery || input.accounts === null)
    out.push(text('gli account configurati (ricerca non eseguita)', 'the configured accounts (search not run)'));
  return out;
}

/** What the Windows family needs and could not be read: the updates it requires, SChannel, the language-pack order. */
function windowsUnknowns(win: WindowsTls, fam: WindowsFamily, facts: DerivedFacts): Text[] {
  const out: Text[] = [];
  const needs = (id: string) => fam.tls12.updates.some((u) => u.id === id);
  if (needs('KB3140245')) {
    if (win.kb3140245 === null) out.push(text('l’aggiornamento KB3140245 (stato non leggibile)', 'update KB3140245 (state unreadable)'));
    if (win.kb3140245 === true && fam.release === '7' && !win.servicing) {
      out.push(
        text(
          'se dopo KB3140245 è stato aggiunto un pacchetto di lingua (archivio dei pacchetti non letto)',
          'whether a language pack was added after KB3140245 (servicing store not read)',
        ),
      );
    }
  }
  if (fam.tls12.updates.some((u) => u.id === 'KB4019276' && u.installed === null))
    out.push(text('l’aggiornamento KB4019276 (stato non leggibile)', 'update KB4019276 (state unreadable)'));
  // SChannel unreadable: never "TLS 1.2 è attivo" (issue #19); where no update adds TLS 1.2 the answer is known.
  if (facts.tls12Client === 'unknown' && fam.tls12.route !== 'impossible')
    out.push(
      text(
        'se TLS 1.2 è attivo per i programmi che usano Windows (Registro non leggibile)',
        'whether TLS 1.2 is on for programs that use Windows (registry unreadable)',
      ),
    );
  // The update list matters only where an update is needed (7, 8.0, Server 2008): never on 10/11.
  if (win.hotfixes === null && fam.tls12.updates.length > 0)
    out.push(text('l’elenco degli aggiornamenti di Windows installati', 'the list of installed Windows updates'));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The verdict.

const COMMON_FIRST_WORDS = new Set([
  'Il',
  'La',
  'Lo',
  'Le',
  'Gli',
  'I',
  'Un',
  'Una',
  'Uno',
  'In',
  'Non',
  'Nota',
  'Manca',
  'Questo',
  'Nessun',
  'Nessuno',
  'The',
  'Your',
  'A',
  'An',
  'No',
  'This',
  'Server',
  'Account',
  'Note',
]);

/** Lower-cases the first letter so a title reads inside a sentence (names like "Outlook" stay). */
export function lower(s: string): string {
  const first = /^[^\s’']+/.exec(s)?.[0] ?? '';
  // The first-word match stops at the apostrophe: an elided article (L’account) is an article too.
  const word = /^L[’']/.test(s) ? 'La' : first;
  return COMMON_FIRST_WORDS.has(word) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** One line per problem: a plan counts once, a finding outside any plan counts once. */
function problems(findings: readonly Finding[], plans: readonly FixPlan[], severity: Severity): Text[] {
  const out: Text[] = plans.filter((p) => p.severity === severity).map((p) => p.cause);
  for (const f of findings) if (f.severity === severity && !f.plan) out.push(f.title);
  return out;
}

function moreText(n: number, it: [string, string], en: [string, string]): Text {
  return n > 0 ? text(` (e ${n} ${n === 1 ? it[0] : it[1]})`, ` (and ${n} more ${n === 1 ? en[0] : en[1]})`) : text('', '');
}

const WRITE_ADDRESS = text('Scrivi il tuo indirizzo PEC e ripeti il controllo.', 'Enter your PEC address and run the check again.');
const GIVE_SERVERS = text(
  'Indica i server di posta in arrivo e in uscita della tua PEC (li trovi nella guida del gestore o nelle impostazioni del programma di posta) e ripeti il controllo.',
  'Enter your PEC incoming and outgoing mail servers (see the provider’s guide or the mail program’s settings) and run the check again.',
);

function nextFromFindings(findings: readonly Finding[], plans: readonly FixPlan[], severity: Severity): Text | null {
  const planStep = firstOpenStep(plans.filter((p) => p.severity === severity));
  if (planStep) return planStep.text;
  const f = findings.find((x) => x.severity === severity && !x.plan && x.fix.steps.length);
  return f ? f.fix.steps[0] : null;
}

/** What every verdict branch reads, computed once. */
interface VerdictContext {
  input: RuleInput;
  findings: readonly Finding[];
  plans: readonly FixPlan[];
  unknown: Text[];
  verified: EndpointResult[];
  machine: MachineCheck;
  errors: Text[];
  warnings: Text[];
}

export function decideVerdict(
  input: RuleInput,
  findings: readonly Finding[],
  plans: readonly FixPlan[],
  facts: DerivedFacts = deriveFacts(input),
): Verdict {
  const verified = verifiedEndpoints(input);
  const c: VerdictContext = {
    input,
    findings,
    plans,
    unknown: unknownStates(input, facts),
    verified,
    machine: machineCheck(input, verified, facts),
    errors: problems(findings, plans, 'error'),
    warnings: problems(findings, plans, 'warning'),
  };
  // 1. The network first: nothing reached anything.
  if (facts.offline) return offlineVerdict(c);
  // 2. Something blocks PEC.
  if (c.errors.length) return errorVerdict(c);
  // 3. The typed address is an ordinary mailbox and no PEC server was verified.
  const ordinary = input.context.emails.map((e) => ({ email: e, o: ordinaryMailboxDomain(domainOf(e)) })).filter((x) => x.o);
  if (ordinary.length && verified.length === 0) return notPecVerdict(ordinary[0].email, ordinary[0].o!.service, c.unknown);
  // 4. Not verified: say what is missing and the one thing to do next.
  if (verified.length === 0 || !c.machine.verified) return incompleteVerdict(c);
  return verifiedVerdict(c);
}

function offlineVerdict(c: VerdictContext): Verdict {
  const { plans, findings, errors } = c;
  const other = errors.filter((e) => e.it !== plans.find((p) => p.id === 'network-offline')?.cause.it);
  const also = other.length
    ? text(
        ` Sul computer c’è anche da sistemare: ${lower(other[0].it)}.`,
        ` On the computer there is also something to fix: ${lower(other[0].en)}.`,
      )
    : text('', '');
  return {
    status: 'offline',
    title: text(
      'Questo computer non raggiunge Internet (o il DNS non risponde)',
      'This computer cannot reach the Internet (or DNS does not answer)',
    ),
    summary: text(
      `Nessun server PEC è stato raggiunto: la connessione a Internet o il DNS di questo computer non funzionano. Non è un problema della PEC.${also.it}`,
      `No PEC server was reached: this computer’s Internet connection or DNS does not work. It is not a PEC problem.${also.en}`,
    ),
    notVerified: [
      text('i server del gestore PEC (non raggiunti: manca la rete)', 'the PEC provider’s servers (not reached: no network)'),
      ...c.unknown,
    ],
    next:
      nextFromFindings(
        findings,
        plans.filter((p) => p.id === 'network-offline'),
        'error',
      ) ?? text('Controlla il collegamento a Internet e ripeti il controllo.', 'Check the Internet connection and run the check again.'),
  };
}

function errorVerdict(c: VerdictContext): Verdict {
  const { plans, findings, errors, verified } = c;
  const planFirst = plans.find((p) => p.severity === 'error');
  const firstFinding = findings.find((f) => f.severity === 'error');
  const serverSide = !planFirst && firstFinding !== undefined && CATALOGUE_BY_ID.get(firstFinding.id)?.area === 'servers';
  const more = moreText(errors.length - 1, ['altro problema', 'altri problemi'], ['problem', 'problems']);
  return {
    status: 'error',
    title: serverSide
      ? text('La PEC non si collega: c’è un problema con il server', 'PEC does not connect: there is a server problem')
      : text('La PEC è bloccata su questo computer', 'PEC is blocked on this computer'),
    summary: text(
      `La PEC non può funzionare correttamente: ${lower(errors[0].it)}${more.it}. Qui sotto trovi come risolvere.`,
      `PEC cannot work properly: ${lower(errors[0].en)}${more.en}. How to fix it is below.`,
    ),
    notVerified: verified.length
      ? c.unknown
      : [text('una connessione riuscita ai server del gestore PEC', 'a successful connection to the PEC provider’s servers'), ...c.unknown],
    next: nextFromFindings(findings, plans, 'error'),
  };
}

function notPecVerdict(email: string, service: string, unknown: Text[]): Verdict {
  return {
    status: 'not-pec',
    title: text('Questo non è un indirizzo PEC', 'This is not a PEC address'),
    summary: text(
      `${email} è una casella ${service}, non una PEC: non c’è un server PEC da controllare. Scrivi l’indirizzo della tua casella PEC (per esempio nome.cognome@pec.it).`,
      `${email} is a ${service} mailbox, not PEC: there is no PEC server to check. Enter your PEC mailbox address (for example name.surname@pec.it).`,
    ),
    notVerified: [
      text('i server del gestore PEC (nessun indirizzo PEC indicato)', 'the PEC provider’s servers (no PEC address given)'),
      ...unknown,
    ],
    next: WRITE_ADDRESS,
  };
}

/** What no verified server is missing, and what to do: give the address, or the servers. */
function missingServers(input: RuleInput): { missing: Text; next: Text } {
  const unknownProvider = input.context.lookups.find((l) => !providerById(l.provider?.id) && !providerByDomain(domainOf(l.email)));
  if (unknownProvider)
    return {
      missing: text(
        `i server del gestore di ${unknownProvider.email} (gestore non riconosciuto)`,
        `the servers of ${unknownProvider.email}’s provider (provider not recognised)`,
      ),
      next: GIVE_SERVERS,
    };
  if (input.endpoints.length > 0)
    return {
      missing: text(
        'un server PEC raggiunto con TLS 1.2 (i server controllati non sono di un gestore PEC noto)',
        'a PEC server reached with TLS 1.2 (the servers checked are not of a known PEC provider)',
      ),
      next: GIVE_SERVERS,
    };
  return {
    missing: text(
      'i server del gestore PEC (nessun indirizzo indicato e nessun account PEC trovato)',
      'the PEC provider’s servers (no address given and no PEC account found)',
    ),
    next: WRITE_ADDRESS,
  };
}

function incompleteVerdict(c: VerdictContext): Verdict {
  const { verified, machine, warnings } = c;
  const missing: Text[] = [];
  let next: Text = WRITE_ADDRESS;
  if (verified.length === 0) {
    const m = missingServers(c.input);
    missing.push(m.missing);
    next = m.next;
  }
  // The mail program can only be verified against a verified server: say it only then.
  if (!machine.verified && machine.missing && verified.length > 0) {
    missing.push(machine.missing);
    next = text(
      'Consegna il rapporto al tecnico: i server funzionano, ma il programma di posta di questo computer non è stato verificato.',
      'Hand the report to the technician: the servers work, but this computer’s mail program was not verified.',
    );
  }
  const warn = warnings.length
    ? text(` C’è anche qualcosa da sistemare: ${lower(warnings[0].it)}.`, ` There is also something to fix: ${lower(warnings[0].en)}.`)
    : text('', '');
  return {
    status: 'incomplete',
    title: text('Controllo incompleto', 'Check incomplete'),
    summary: text(
      `Non possiamo dire che la PEC funzioni: non abbiamo verificato ${missing.map((m) => m.it).join(' né ')}.${warn.it}`,
      `We cannot say PEC works: we did not verify ${missing.map((m) => m.en).join(' nor ')}.${warn.en}`,
    ),
    notVerified: [...missing, ...c.unknown],
    next,
  };
}

function verifiedVerdict(c: VerdictContext): Verdict {
  const { verified, machine, warnings } = c;
  const hosts = [...new Set(verified.map((e) => e.host))].join(', ');
  const who = machine.who.join(', ');
  // 5. Verified, with something to fix.
  if (warnings.length) {
    const more = moreText(warnings.length - 1, ['altra cosa', 'altre cose'], ['item', 'items']);
    return {
      status: 'warning',
      title: text('La PEC funziona, ma c’è qualcosa da sistemare', 'PEC works, but something needs attention'),
      summary: text(
        `La PEC funziona (${who} si collega con TLS 1.2 a ${hosts}), ma c’è qualcosa da sistemare: ${lower(warnings[0].it)}${more.it}.`,
        `PEC works (${who} connects with TLS 1.2 to ${hosts}), but something needs attention: ${lower(warnings[0].en)}${more.en}.`,
      ),
      notVerified: c.unknown,
      next: nextFromFindings(c.findings, c.plans, 'warning'),
    };
  }
  // 6. Verified.
  return {
    status: 'ok',
    title: text('Nessun problema: la PEC funziona su questo computer', 'No problem: PEC works on this computer'),
    summary: text(
      `Tutto a posto: ${who} di questo computer si collega con TLS 1.2 ai server PEC ${hosts}.`,
      `All good: this computer’s ${who} connects with TLS 1.2 to the PEC servers ${hosts}.`,
    ),
    notVerified: c.unknown,
    next: null,
  };
}

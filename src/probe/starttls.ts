// The plaintext part of a mail connection: the greeting, the capability check, and the STARTTLS
// command (IMAP: RFC 3501 §6.2.1 CAPABILITY + STARTTLS; POP3: RFC 2595 §4 CAPA + STLS; SMTP:
// RFC 3207 EHLO + STARTTLS). A server that sends 421 / "* BYE" / "-ERR" on connect is usually
// limiting connections: that is reported as `throttled`, not as a TLS problem.
import type { MailProtocol } from './types';
import { ProbeError, write, type Budget, type SocketReader } from './wire';

export interface Dialogue {
  greeting: string;
  capabilities: string[];
  /** The server's answer to STARTTLS/STLS: its last words before the TLS handshake. */
  reply: string;
}

const THROTTLE_WORDS = /too many|limit|exceeded|try again|later|rate|troppe|busy|temporar/i;

/** Reads the server greeting of a plaintext mail port; returns its first line (a multi-line 220 block is read to its end). */
export async function readGreeting(protocol: MailProtocol, r: SocketReader, ms: number, budget: Budget): Promise<string> {
  const line = await r.readLine(ms, budget, 'saluto del server');
  if (protocol === 'imap') {
    if (/^\* (OK|PREAUTH)\b/i.test(line)) return line;
    if (/^\* BYE\b/i.test(line) && THROTTLE_WORDS.test(line))
      throw new ProbeError('throttled', `il server limita le connessioni: "${line}"`);
  } else if (protocol === 'pop3') {
    if (/^\+OK\b/.test(line)) return line;
    if (/^-ERR\b/.test(line) && THROTTLE_WORDS.test(line)) throw new ProbeError('throttled', `il server limita le connessioni: "${line}"`);
  } else {
    if (/^421\b|^421-/.test(line)) throw new ProbeError('throttled', `il server limita le connessioni: "${line}"`);
    if (/^220[ -]/.test(line)) {
      let last = line;
      for (let i = 0; i < 50 && last.startsWith('220-'); i++) last = await r.readLine(ms, budget, 'saluto SMTP');
      return line;
    }
  }
  throw new ProbeError('banner-unexpected', `saluto inatteso per ${protocol.toUpperCase()}: "${line.slice(0, 120)}"`);
}

/** Greeting, capabilities, STARTTLS; on return the server waits for a ClientHello. */
export async function startTls(protocol: MailProtocol, r: SocketReader, ms: number, budget: Budget): Promise<Dialogue> {
  const greeting = await readGreeting(protocol, r, ms, budget);
  const s = r.socket;
  if (protocol === 'imap') {
    write(s, 'a001 CAPABILITY\r\n');
    const caps: string[] = [];
    for (let i = 0; i < 100; i++) {
      const line = await r.readLine(ms, budget, 'risposta a CAPABILITY');
      const m = /^\* CAPABILITY (.*)$/i.exec(line);
      if (m) caps.push(...m[1].split(/\s+/));
      if (/^a001 /i.test(line)) {
        if (!/^a001 OK/i.test(line)) throw new ProbeError('banner-unexpected', `CAPABILITY rifiutato: "${line}"`);
        break;
      }
    }
    if (!caps.some((c) => c.toUpperCase() === 'STARTTLS'))
      throw new ProbeError('starttls-not-offered', `il server IMAP non offre STARTTLS (CAPABILITY: ${caps.join(' ')})`);
    write(s, 'a002 STARTTLS\r\n');
    for (let i = 0; i < 20; i++) {
      const line = await r.readLine(ms, budget, 'risposta a STARTTLS');
      if (/^a002 OK/i.test(line)) return { greeting, capabilities: caps, reply: line };
      if (/^a002 /i.test(line)) throw new ProbeError('starttls-refused', `STARTTLS rifiutato: "${line}"`);
    }
    throw new ProbeError('starttls-refused', 'nessuna risposta a STARTTLS');
  }
  if (protocol === 'pop3') {
    write(s, 'CAPA\r\n');
    const first = await r.readLine(ms, budget, 'risposta a CAPA');
    const caps: string[] = [];
    if (first.startsWith('+OK')) {
      for (let i = 0; i < 100; i++) {
        const line = await r.readLine(ms, budget, 'elenco CAPA');
        if (line === '.') break;
        caps.push(line.trim());
      }
      if (!caps.some((c) => /^STLS\b/i.test(c)))
        throw new ProbeError('starttls-not-offered', `il server POP3 non offre STLS (CAPA: ${caps.join(', ')})`);
    }
    write(s, 'STLS\r\n');
    const line = await r.readLine(ms, budget, 'risposta a STLS');
    if (line.startsWith('+OK')) return { greeting, capabilities: caps, reply: line };
    throw new ProbeError(first.startsWith('+OK') ? 'starttls-refused' : 'starttls-not-offered', `STLS rifiutato: "${line}"`);
  }
  write(s, 'EHLO pec-doctor.invalid\r\n');
  const caps: string[] = [];
  for (let i = 0; i < 100; i++) {
    const line = await r.readLine(ms, budget, 'risposta a EHLO');
    if (/^421/.test(line)) throw new ProbeError('throttled', `il server limita le connessioni: "${line}"`);
    if (!/^250[ -]/.test(line)) throw new ProbeError('banner-unexpected', `EHLO rifiutato: "${line}"`);
    caps.push(line.slice(4).trim());
    if (line[3] === ' ') break;
  }
  if (!caps.some((c) => /^STARTTLS\b/i.test(c)))
    throw new ProbeError('starttls-not-offered', `il server SMTP non offre STARTTLS (EHLO: ${caps.join(', ')})`);
  write(s, 'STARTTLS\r\n');
  const line = await r.readLine(ms, budget, 'risposta a STARTTLS');
  if (/^220/.test(line)) return { greeting, capabilities: caps, reply: line };
  if (/^421/.test(line)) throw new ProbeError('throttled', `il server limita le connessioni: "${line}"`);
  throw new ProbeError('starttls-refused', `STARTTLS rifiutato: "${line}"`);
}

/** What a mail server says first, over TLS: IMAP `* OK`, POP3 `+OK`, SMTP `220`. */
export function bannerLooksRight(protocol: MailProtocol, line: string): boolean {
  if (protocol === 'imap') return /^\* (OK|PREAUTH)\b/i.test(line);
  if (protocol === 'pop3') return /^\+OK\b/.test(line);
  return /^220[ -]/.test(line);
}

/** A command that any server of the protocol answers after STARTTLS, and its expected reply. */
export function postTlsCommand(protocol: MailProtocol): { command: string; ok: RegExp; last: RegExp } {
  if (protocol === 'imap') return { command: 'a003 CAPABILITY\r\n', ok: /^a003 OK/i, last: /^a003 /i };
  if (protocol === 'pop3') return { command: 'CAPA\r\n', ok: /^\+OK/, last: /^[+-]/ };
  return { command: 'EHLO pec-doctor.invalid\r\n', ok: /^250 /, last: /^\d{3} / };
}

// Errors of this process's TLS library (OpenSSL in Node, BoringSSL in Electron) in plain Italian.
// The raw text ("807C4BD57B7F0000:error:0A000410:SSL routines:...") is for the technician only:
// callers keep it apart (StepResult.technical), never in the sentence a lawyer reads.

export interface LibraryError {
  /** Plain Italian reason, no codes. */
  plain: string;
  /** The library's own words, for the technician. */
  technical: string;
}

/** By Node's error code (ERR_SSL_<OpenSSL reason>) or, failing that, by the reason text inside the message. */
const REASONS: readonly [RegExp, string][] = [
  [
    /ALERT_HANDSHAKE_FAILURE|alert handshake failure|NO_SHARED_CIPHER|no shared cipher/i,
    'il server e questo computer non hanno trovato un modo comune di cifrare la connessione',
  ],
  [
    /PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE|WRONG_SSL_VERSION|unsupported protocol|protocol version/i,
    'il server e questo computer non hanno una versione di TLS in comune',
  ],
  [/DH_KEY_TOO_SMALL|dh key too small/i, 'il server usa una chiave Diffie-Hellman troppo corta, che questo computer rifiuta'],
  [/EE_KEY_TOO_SMALL|CA_KEY_TOO_SMALL|key too small/i, 'il certificato del server usa una chiave troppo corta'],
  [/CA_MD_TOO_WEAK|md too weak/i, 'il certificato del server è firmato con un algoritmo ormai insicuro'],
  [
    /UNSAFE_LEGACY_RENEGOTIATION|unsafe legacy renegotiation/i,
    'il server usa un vecchio modo di rinegoziare la connessione, ritenuto insicuro',
  ],
  [
    /WRONG_VERSION_NUMBER|wrong version number|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|record layer failure/i,
    'il server non risponde con una connessione protetta (forse la porta non è quella giusta)',
  ],
  [
    /UNEXPECTED_EOF|unexpected eof|ECONNRESET|socket disconnected|socket hang up|EPIPE/i,
    'il server ha chiuso la connessione durante l’avvio della protezione',
  ],
  [/UNRECOGNIZED_NAME|unrecognized name/i, 'il server non riconosce il nome con cui è stato chiamato'],
  [/BAD_CERTIFICATE|CERTIFICATE_REQUIRED|certificate required/i, 'il server chiede un certificato a questo computer'],
  [/ALERT_INTERNAL_ERROR|internal error/i, 'il server ha avuto un errore interno durante l’avvio della protezione'],
  [/WRONG_SIGNATURE_TYPE|SIGALG|signature/i, 'il server e questo computer non hanno un algoritmo di firma in comune'],
  [/ETIMEDOUT|timed out/i, 'il server non ha risposto in tempo'],
];

const UNKNOWN = 'l’avvio della connessione protetta con il server non è riuscito';

/** A plain reason for an error raised by `tls.connect`, with the raw text kept apart. */
export function libraryError(e: unknown): LibraryError {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  const message = typeof err?.message === 'string' ? err.message : String(e);
  const technical = [code, message.replace(/\s+/g, ' ').trim()].filter(Boolean).join(': ').slice(0, 300);
  const hit = REASONS.find(([re]) => re.test(code)) ?? REASONS.find(([re]) => re.test(message));
  return { plain: hit ? hit[1] : UNKNOWN, technical };
}

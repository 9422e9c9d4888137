// The machine's reasons (probe verdicts, certificate trust errors) in plain words for the
// sentences a lawyer reads. The raw code never goes into a title or detail: the rules keep it in
// the finding's evidence as `technical`, which the technician's view and the HTML technician
// detail show. An unknown code gets a generic plain sentence, never the code itself.
import type { Text } from '../util/text';
import { text } from '../util/text';

/**
 * Certificate trust errors: the codes Node/OpenSSL put in `authorizationError` (X509_V_ERR_* names,
 * node's tls docs "X509 certificate error codes") and the ones our own chain check uses
 * (src/probe/certificate.ts).
 */
export const TRUST_ERRORS: Readonly<Record<string, Text>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: text(
    'il server usa un certificato fatto da sé (autofirmato), non rilasciato da un’autorità',
    'the server uses a certificate it made itself (self-signed), not one issued by an authority',
  ),
  SELF_SIGNED_CERT_IN_CHAIN: text(
    'la catena del certificato parte da un’autorità che questo computer non conosce',
    'the certificate chain starts from an authority this computer does not know',
  ),
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: text(
    'questo computer non conosce l’autorità che ha rilasciato il certificato',
    'this computer does not know the authority that issued the certificate',
  ),
  UNABLE_TO_GET_ISSUER_CERT: text(
    'questo computer non conosce l’autorità che ha rilasciato il certificato',
    'this computer does not know the authority that issued the certificate',
  ),
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: text(
    'il server non manda il certificato intermedio che serve a verificarlo',
    'the server does not send the intermediate certificate needed to verify it',
  ),
  CERT_CHAIN_TOO_LONG: text(
    'la catena del certificato è troppo lunga per essere verificata',
    'the certificate chain is too long to verify',
  ),
  CERT_HAS_EXPIRED: text('il certificato è scaduto', 'the certificate has expired'),
  CERT_NOT_YET_VALID: text('il certificato non è ancora valido', 'the certificate is not valid yet'),
  CERT_REVOKED: text('il certificato è stato revocato dall’autorità', 'the certificate was revoked by the authority'),
  CERT_SIGNATURE_FAILURE: text('la firma del certificato non è valida', 'the certificate’s signature is not valid'),
  CERT_UNTRUSTED: text('il certificato non è considerato affidabile', 'the certificate is not trusted'),
  // OpenSSL's path checks (src/probe/chain.ts, issue #23).
  INVALID_CA: text(
    'la catena del certificato passa per un certificato che non è di un’autorità',
    'the certificate chain goes through a certificate that is not an authority’s',
  ),
  PATH_LENGTH_EXCEEDED: text(
    'la catena del certificato è più lunga di quanto l’autorità permette',
    'the certificate chain is longer than the authority allows',
  ),
  INVALID_PURPOSE: text('il certificato non è fatto per proteggere un server', 'the certificate is not meant to protect a server'),
};

/** OpenSSL 3's message forms of the same errors ("self-signed certificate", ...), matched loosely. */
const TRUST_MESSAGES: readonly [RegExp, keyof typeof TRUST_ERRORS][] = [
  [/self[- ]signed certificate in certificate chain/i, 'SELF_SIGNED_CERT_IN_CHAIN'],
  [/self[- ]signed/i, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
  [/unable to get local issuer/i, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
  [/unable to verify the first certificate|unable to verify leaf/i, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  [/expired/i, 'CERT_HAS_EXPIRED'],
  [/not yet valid/i, 'CERT_NOT_YET_VALID'],
  [/revoked/i, 'CERT_REVOKED'],
];

const TRUST_UNKNOWN = text(
  'questo computer non è riuscito a verificarne l’autenticità',
  'this computer could not verify that it is genuine',
);

export function trustReason(raw: string | null | undefined): Text {
  const code = trustCode(raw);
  return code ? TRUST_ERRORS[code] : TRUST_UNKNOWN;
}

/** The trust error's code (X509_V_ERR_* name) from the code itself or OpenSSL 3's message; null when unknown. */
export function trustCode(raw: string | null | undefined): string | null {
  const code = (raw ?? '').trim();
  if (TRUST_ERRORS[code]) return code;
  return TRUST_MESSAGES.find(([re]) => re.test(code))?.[1] ?? null;
}

/** Why the secure connection broke off, by the probe's verdict (src/probe/types.ts ProbeVerdict). */
const HANDSHAKE_VERDICTS: Readonly<Record<string, Text>> = {
  'handshake-timeout': text('il server non ha risposto in tempo', 'the server did not answer in time'),
  'handshake-alert': text('il server ha rifiutato la connessione protetta', 'the server refused the secure connection'),
  'no-common-version': text(
    'il server e questo controllo non hanno trovato una versione di protezione in comune',
    'the server and this check found no protection version in common',
  ),
  'no-common-cipher': text(
    'il server e questo controllo non hanno trovato un modo comune di cifrare la connessione',
    'the server and this check found no common way to encrypt the connection',
  ),
  'not-tls': text('il server non ha risposto con una connessione protetta', 'the server did not answer with a secure connection'),
  'banner-unexpected': text(
    'il server non ha risposto come un server di posta (forse la porta o il nome non sono giusti)',
    'the server did not answer like a mail server (perhaps the port or the name is wrong)',
  ),
};

const HANDSHAKE_UNKNOWN = text(
  'il collegamento si è interrotto prima di essere protetto',
  'the connection broke off before it was secured',
);

export function handshakeReason(verdict: string): Text {
  const key = /^handshake-alert\(/.test(verdict) ? 'handshake-alert' : verdict;
  return HANDSHAKE_VERDICTS[key] ?? HANDSHAKE_UNKNOWN;
}

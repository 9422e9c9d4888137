// The secretary reads plain Italian: a parenthesis holding a machine's words (an OpenSSL code such
// as DEPTH_ZERO_SELF_SIGNED_CERT, "risposta al ClientHello … entro 5000 ms", "banner del
// servizio", an errno) is taken out of the sentence on the card and kept for the technician,
// who sees it folded under the card and in the technician's view.
/** Codes as machines write them (case matters: ECONNREFUSED, not "errore"). */
const CODES = /[A-Z][A-Z0-9]*_[A-Z0-9_]{2,}|\bE[A-Z]{4,}\b|ClientHello|ServerHello|\bTLSv1|\bx509\b|\b(?:CN|O|OU)=/;
/** Words of the protocol, whatever their case. */
const WORDS = /\bbanner\b|\b\d+\s?ms\b|\balert\b|openssl|\bssl\b|errno|socket|handshake|certificate verify|self[- ]signed/i;
const technicalText = (s: string) => CODES.test(s) || WORDS.test(s);

export interface PlainText {
  plain: string;
  technical: string[];
}

export function splitTechnical(sentence: string): PlainText {
  const technical: string[] = [];
  const plain = sentence
    .replace(/\s*\(([^()]*)\)/g, (all: string, inner: string) => {
      if (!technicalText(inner)) return all;
      technical.push(inner.trim());
      return '';
    })
    .replace(/\s+([.,;:])/g, '$1');
  return { plain, technical };
}

/** The machine's own words the core put aside for the technician (evidence `technical` strings). */
export function technicalEvidence(evidence: readonly unknown[] | undefined): string[] {
  return (evidence ?? []).flatMap((e) =>
    typeof e === 'object' && e !== null && typeof (e as { technical?: unknown }).technical === 'string'
      ? [(e as { technical: string }).technical]
      : [],
  );
}

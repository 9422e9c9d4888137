// The secretary reads plain Italian: a parenthesis holding a machine's words (an OpenSSL code such
// as DEPTH_ZERO_SELF_SIGNED_CERT, "risposta al ClientHello … entro 5000 ms", "banner del
// servizio", an errno) is taken out of the sentence on the card and kept for the technician,
// who sees it folded under the card and in the technician's view.
const TECHNICAL = /[A-Z][A-Z0-9]*_[A-Z0-9_]{2,}|ClientHello|ServerHello|\bbanner\b|\bE[A-Z]{4,}\b|\b\d+\s?ms\b|\balert\b|openssl|\bssl\b|errno|socket|\bTLSv1|handshake|certificate verify|self[- ]signed|\bx509\b/i;

export interface PlainText {
  plain: string;
  technical: string[];
}

export function splitTechnical(sentence: string): PlainText {
  const technical: string[] = [];
  const plain = sentence
    .replace(/\s*\(([^()]*)\)/g, (all: string, inner: string) => {
      if (!TECHNICAL.test(inner)) return all;
      technical.push(inner.trim());
      return '';
    })
    .replace(/\s+([.,;:])/g, '$1');
  return { plain, technical };
}

// The certificates a server presents, for the technician: the one that decides the verdict (with
// the marks of the findings about it: not trusted, for another name, intercepted), the chain the
// server sent (leaf first; the certificate the trust error is about is marked), and the server's
// other certificates (one per key type, RSA and ECDSA), each with subject, issuer, names, validity
// and key.
import type { CertificateInfo, EndpointResult } from '../../probe/types';
import { TECH_LABELS as L } from '../labels';
import type { TechBlock, TechTable } from './types';
import { both, cell, dateText, yesNo } from './format';
import { row, table, type FindingIndex } from './machine';

const f = L.fields;
type Tz = string | null | undefined;
const kv = (label: TechTable['head'][number], value: Parameters<typeof cell>[0], decisive = false, mono = false) =>
  row([cell(label), cell(value, mono ? { mono } : {})], decisive);

/** What every certificate has: subject, issuer, names, validity, key, fingerprint. */
function identityRows(c: CertificateInfo, tz: Tz) {
  return [
    kv(f.certSubject, c.subject),
    kv(f.certIssuer, c.issuer),
    kv(f.certSan, c.san.join(', ')),
    kv(f.certValidFrom, dateText(c.validFrom, tz)),
    kv(f.certValidTo, dateText(c.validTo, tz)),
    kv(f.certKey, `${c.keyType} ${c.keyBits ?? ''} / ${c.signatureAlgorithm ?? ''}`),
  ];
}

function mainCertificate(e: EndpointResult, c: CertificateInfo, has: FindingIndex, tz: Tz): TechTable {
  const trusted = yesNo(c.trusted);
  const issuer = c.missingIssuer;
  const rows = [
    ...identityRows(c, tz),
    kv(
      f.certTrusted,
      both((l) => `${trusted[l]}${c.trustError ? ` (${c.trustError})` : ''}`),
      has('cert-untrusted', e.url),
    ),
    ...(c.opensslError ? [kv(f.opensslError, c.opensslError, false, true)] : []),
    ...(issuer
      ? [
          kv(
            f.missingIssuer,
            both((l) => {
              const state = issuer.fetched === true ? L.values.fetched : issuer.fetched === false ? L.values.notFetched : L.values.unknown;
              return `${issuer.url ?? ''}${issuer.url ? ' · ' : ''}${state[l]}`;
            }),
            has('cert-chain-incomplete', e.url),
          ),
        ]
      : []),
    kv(f.certHostname, yesNo(c.hostnameMatches), has('cert-hostname-mismatch', e.url)),
    kv(f.certIntercepted, c.interceptedBy ?? L.values.notIntercepted, !!c.interceptedBy),
    kv(f.certFingerprint, c.fingerprintSha256, false, true),
  ];
  return table('certificate', [f.item, f.value], rows, {
    heading: { text: L.sections.certificate, style: 'sub' },
    widths: [25, 75],
    layout: 'kv',
  });
}

/** The chain as sent, leaf first; the certificate the trust error is about is decisive when a rule found the chain bad. */
function chainTable(e: EndpointResult, c: CertificateInfo, has: FindingIndex, tz: Tz): TechTable | null {
  if (!c.chain.length) return null;
  const bad = has('cert-untrusted', e.url) || has('cert-chain-incomplete', e.url);
  const rows = c.chain.map((x, i) =>
    row([cell(i), cell(x.subject), cell(x.issuer), cell(dateText(x.validTo, tz))], bad && c.errorDepth === i),
  );
  return table('certificate-chain', [f.chainPosition, f.certSubject, f.certIssuer, f.certValidTo], rows, {
    heading: { text: L.sections.certificateChain, style: 'sub' },
    widths: [6, 38, 38, 18],
  });
}

/** The server's other certificates (another key type), which some clients get instead. */
function otherCertificates(e: EndpointResult, main: CertificateInfo, tz: Tz): TechTable[] {
  const others = (e.certificates ?? []).filter((x) => x.fingerprintSha256 !== main.fingerprintSha256);
  return others.map((x) =>
    table('other-certificate', [f.item, f.value], [...identityRows(x, tz), kv(f.certFingerprint, x.fingerprintSha256, false, true)], {
      heading: { text: both((l) => `${L.sections.otherCertificate[l]} (${x.keyType})`), style: 'sub' },
      widths: [25, 75],
      layout: 'kv',
    }),
  );
}

export function certificateBlocks(e: EndpointResult, has: FindingIndex, tz: Tz): TechBlock[] {
  const c = e.certificate;
  if (!c) return [{ kind: 'note', text: L.values.noCertificate, muted: true }];
  const chain = chainTable(e, c, has, tz);
  return [mainCertificate(e, c, has, tz), ...(chain ? [chain] : []), ...otherCertificates(e, c, tz)];
}

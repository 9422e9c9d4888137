// The servers' part of the technician's view, one block per server: outcome, TLS versions and
// cipher suites, which office devices connect, the server's key exchange, each simulated mail
// program, the certificate, the failed steps. Marks: the probe's own failures (a failed step, a
// simulation that fails, a refused key) and the findings about the server (no TLS 1.2, a
// certificate not trusted or for another name).
import type { EndpointResult, Simulation } from '../../probe/types';
import { simulationReason } from '../../diagnosis/rules/servers';
import { TECH_LABELS as L } from '../labels';
import type { TechBlock, TechEndpoint, TechRow, TechTable } from './types';
import { both, cell, checkCell, dateText, keyExchangeText, multilineCell, same, shown, suites, tlsVersion, yesNo } from './format';
import { clientName, deviceLabel, deviceSentence } from './devices';
import { row, table, type FindingIndex } from './machine';

const f = L.fields;
const sub = (text: TechTable['head'][number]) => ({ heading: { text, style: 'sub' as const } });

/** The simulation failed because of the server's ephemeral key (DH size, or a curve the client lacks). */
const kxRefused = (s: Simulation) =>
  !s.ok && !!s.keyExchange && (s.reason === 'dh-too-large' || s.reason === 'dh-too-small' || s.reason === 'no-common-curve');

/** Why a simulation fails: the probe's technical detail when it gave one, our plain reason otherwise. */
const failReason = (s: { detail?: string; reason: string }) => (s.detail ? same(s.detail) : simulationReason(s.reason));

function devicesTable(e: EndpointResult): TechTable | null {
  const ds = e.devices ?? [];
  if (!ds.length) return null;
  const rows: TechRow[] = ds.map((d) => {
    const lines = d.clients.map((c) => {
      const sim = e.simulations.find((s) => s.client === c.client);
      // The plain reason is in the middle column; here the technical one when the probe gave it.
      const why = c.ok ? same('') : failReason({ detail: sim?.detail, reason: c.reason });
      return both((l) => `${c.ok ? '✓' : '✗'} ${clientName(c.client)}${c.ok ? '' : `: ${why[l]}`}`);
    });
    const mark = d.status === 'fails' ? 'decisive' : d.status === 'partial' ? 'partial' : undefined;
    return { cells: [cell(deviceLabel(d)), cell(deviceSentence(d)), cell('', { lines })], ...(mark ? { mark } : {}) };
  });
  return table('devices', [f.device, f.connects, f.detail], rows, { ...sub(L.sections.devices), widths: [24, 30, 46] });
}

function keyExchangeTable(e: EndpointResult): TechTable | null {
  const k = e.keyExchange;
  const refused = e.simulations.filter(kxRefused);
  if (!k && !refused.length) return null;
  const dhBad = refused.some((s) => s.keyExchange?.kind === 'dh');
  const curveBad = refused.some((s) => s.keyExchange?.kind === 'ecdh');
  const dh = k?.dhBits ? both((l) => `${k.dhBits} ${L.values.bits[l]}`) : L.values.noDhe;
  const rows = [
    row([cell(f.dhBits), cell(dh, { bad: dhBad })], dhBad),
    row([cell(f.curves), cell(k?.curves.length ? k.curves.join(', ') : L.values.noCurves, { bad: curveBad })], curveBad),
    ...(refused.length
      ? [
          row(
            [
              cell(f.keyExchangeRefused),
              cell('', { lines: refused.map((s) => both((l) => `${clientName(s.client, s.name)}: ${failReason(s)[l]}`)) }),
            ],
            true,
          ),
        ]
      : []),
  ];
  return table('key-exchange', [f.item, f.value], rows, { ...sub(L.sections.keyExchange), widths: [30, 70], layout: 'kv' });
}

function simulationsTable(e: EndpointResult): TechTable | null {
  if (!e.simulations.length) return null;
  const rows = e.simulations.map((s) =>
    row(
      [
        cell(clientName(s.client, s.name)),
        cell(s.ok ? L.values.succeeds : L.values.fails, { check: s.ok }),
        cell(tlsVersion(s.version)),
        cell(s.cipher ?? '', { mono: true }),
        cell(keyExchangeText(s.keyExchange), { bad: kxRefused(s) }),
        cell(s.ok ? '' : failReason(s)),
      ],
      !s.ok,
    ),
  );
  return table('simulations', [f.simulatedProgram, f.outcome, f.version, f.cipher, f.keyExchange, f.reason], rows, {
    ...sub(L.sections.simulations),
    widths: [19, 9, 9, 25, 12, 26],
  });
}

function certificateBlock(e: EndpointResult, has: FindingIndex, tz: string | null | undefined): TechBlock {
  const c = e.certificate;
  if (!c) return { kind: 'note', text: L.values.noCertificate, muted: true };
  const kv = (label: TechTable['head'][number], value: Parameters<typeof cell>[0], decisive = false, mono = false) =>
    row([cell(label), cell(value, mono ? { mono } : {})], decisive);
  const trusted = yesNo(c.trusted);
  const rows = [
    kv(f.certSubject, c.subject),
    kv(f.certIssuer, c.issuer),
    kv(f.certSan, c.san.join(', ')),
    kv(f.certValidFrom, dateText(c.validFrom, tz)),
    kv(f.certValidTo, dateText(c.validTo, tz)),
    kv(f.certKey, `${c.keyType} ${c.keyBits ?? ''} / ${c.signatureAlgorithm ?? ''}`),
    kv(
      f.certTrusted,
      both((l) => `${trusted[l]}${c.trustError ? ` (${c.trustError})` : ''}`),
      has('cert-untrusted', e.url),
    ),
    kv(f.certHostname, yesNo(c.hostnameMatches), has('cert-hostname-mismatch', e.url)),
    kv(f.certIntercepted, c.interceptedBy ?? L.values.notIntercepted, !!c.interceptedBy),
    kv(f.certFingerprint, c.fingerprintSha256, false, true),
  ];
  return table('certificate', [f.item, f.value], rows, { ...sub(L.sections.certificate), widths: [25, 75], layout: 'kv' });
}

function failedStepsTable(e: EndpointResult): TechTable | null {
  const failed = e.steps.filter((s) => s.status === 'failed');
  if (!failed.length) return null;
  const rows = failed.map((x) =>
    row([cell(L.probeStep[x.step] ?? x.step), cell(L.stepStatus[x.status]), cell(x.detail ?? x.verdict ?? ''), cell(x.ms)], true),
  );
  return table('probe-steps', [f.step, f.state, f.detail, f.ms], rows, { ...sub(L.sections.probeSteps), widths: [22, 14, 54, 10] });
}

export function endpointBlock(e: EndpointResult, has: FindingIndex, tz: string | null | undefined): TechEndpoint {
  const outcome = table(
    'outcome',
    [f.outcome, f.addresses, f.banner, f.detail],
    [
      row(
        [cell(e.verdict), cell(e.addresses.join(', ')), multilineCell((e.banner ?? '').slice(0, 160)), cell(e.detail ?? '')],
        e.verdict !== 'ok',
      ),
    ],
    { widths: [18, 20, 30, 32] },
  );
  const versions = table(
    'tls-versions',
    [f.tlsVersion, f.accepted, f.ciphers],
    Object.entries(e.tls.versions).map(([v, ok]) =>
      row(
        [cell(tlsVersion(v)), checkCell(ok), cell(suites(e.tls.ciphers[v as keyof typeof e.tls.ciphers]), { mono: true })],
        v === 'TLSv1.2' && has('server-no-tls12', e.url),
      ),
    ),
    { widths: [14, 12, 74] },
  );
  const n = e.negotiated;
  const blocks: (TechBlock | null)[] = [
    outcome,
    versions,
    n ? { kind: 'note', text: both((l) => `${f.negotiated[l]}: ${shown(n.version)}`), code: shown(n.cipher), muted: true } : null,
    devicesTable(e),
    keyExchangeTable(e),
    simulationsTable(e),
    certificateBlock(e, has, tz),
    failedStepsTable(e),
  ];
  return { kind: 'endpoint', url: shown(e.url), blocks: blocks.filter((b): b is TechBlock => b !== null) };
}

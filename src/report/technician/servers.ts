// The servers' part of the technician's view, one block per server: host:port, protocol and what
// this program negotiated, outcome, TLS versions and cipher suites, which office devices connect,
// the server's key exchange, each simulated mail program, the certificates and the chain
// (certificate.ts), every step of the probe (the timings in the first table). Marks: the probe's own failures (a failed step, a
// simulation that fails, a refused key) and the findings about the server (no TLS 1.2, a
// certificate not trusted or for another name).
import type { EndpointResult, Simulation } from '../../probe/types';
import { simulationReason } from '../../diagnosis/rules/servers';
import { TECH_LABELS as L } from '../labels';
import type { TechBlock, TechEndpoint, TechRow, TechTable } from './types';
import {
  both,
  cell,
  checkCell,
  keyExchangeText,
  multilineCell,
  protocolText,
  same,
  shown,
  suites,
  timingsText,
  tlsVersion,
} from './format';
import { certificateBlocks } from './certificate';
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

/** Every step of the probe, the passed ones too, with its time; a failed step is decisive. */
function stepsTable(e: EndpointResult): TechTable | null {
  if (!e.steps.length) return null;
  const rows = e.steps.map((x) =>
    row(
      [
        cell(L.probeStep[x.step] ?? x.step),
        cell(L.stepStatus[x.status] ?? x.status),
        cell(x.verdict ?? '', x.verdict ? { mono: true } : {}),
        cell([x.detail, x.technical].filter(Boolean).join(' · ')),
        cell(x.ms),
      ],
      x.status === 'failed',
    ),
  );
  return table('probe-steps', [f.step, f.state, f.outcome, f.detail, f.ms], rows, {
    ...sub(L.sections.probeSteps),
    widths: [22, 12, 18, 40, 8],
  });
}

export function endpointBlock(e: EndpointResult, has: FindingIndex, tz: string | null | undefined): TechEndpoint {
  const n = e.negotiated;
  const server = table(
    'server',
    [f.item, f.value],
    [
      row([cell(f.hostPort), cell(`${e.host}:${e.port}`, { mono: true })]),
      row([cell(f.protocol), cell(protocolText(e.protocol, e.security))]),
      // What this program's own TLS library negotiated: a handshake from this machine completed.
      ...(n ? [row([cell(f.negotiated), cell(`${tlsVersion(n.version)} · ${n.cipher}`, { mono: true })])] : []),
      row([cell(f.timings), cell(timingsText(e.timings))]),
    ],
    { widths: [25, 75], layout: 'kv' },
  );
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
  const blocks: (TechBlock | null)[] = [
    server,
    outcome,
    versions,
    devicesTable(e),
    keyExchangeTable(e),
    simulationsTable(e),
    ...certificateBlocks(e, has, tz),
    stepsTable(e),
  ];
  return { kind: 'endpoint', url: shown(e.url), blocks: blocks.filter((b): b is TechBlock => b !== null) };
}

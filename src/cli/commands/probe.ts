// `pec-doctor probe <url>...`: TLS check of PEC servers (issue #3). Human output in Italian by
// default, one block per server; `--json` prints `{ "endpoints": [EndpointResult...] }` as
// documented in docs/probe.schema.json. Exit 0 when every server is ok, 1 otherwise.
import type { Command } from '../command';
import { escapeInline } from '../../util/terminal';
import { UsageError, parseSeconds, writeJson } from '../command';
import { probeEndpoints } from '../../probe/index';
import { EndpointUrlError, parseEndpointUrl } from '../../probe/url';
import type { Endpoint, EndpointResult, ProbeOptions, TlsVersionName } from '../../probe/types';
import { TLS_VERSION_NAMES } from '../../probe/types';
import { LIMITS, readBoundedSync } from '../../platform/read-bounded';

const LABEL: Record<TlsVersionName, string> = { TLSv1: 'TLS 1.0', 'TLSv1.1': 'TLS 1.1', 'TLSv1.2': 'TLS 1.2', 'TLSv1.3': 'TLS 1.3' };

export const probeCommand: Command = {
  name: 'probe',
  summary: 'verifica TLS di uno o più server PEC / TLS check of PEC servers (imaps://, smtp://host:587, ...)',
  args: '<url>...',
  minArgs: 1,
  options: {
    timeout: { type: 'string', arg: '<s>', description: 'tempo massimo per server, in secondi / deadline per server' },
    ca: {
      type: 'string',
      multiple: true,
      arg: '<file.pem>',
      description: 'CA aggiuntiva attendibile (PEM), ripetibile / extra trusted CA (PEM), repeatable',
    },
    'no-ciphers': { type: 'boolean', description: 'non elencare le cipher suite (meno connessioni) / skip cipher enumeration' },
  },
  async run(ctx) {
    const endpoints: Endpoint[] = ctx.positionals.map((u) => {
      try {
        return parseEndpointUrl(u);
      } catch (e) {
        if (e instanceof EndpointUrlError) throw new UsageError(e.message);
        throw e;
      }
    });
    const seconds = parseSeconds(ctx.values.timeout, 'timeout');
    const options: ProbeOptions = { signal: ctx.signal };
    if (seconds !== undefined) options.timeoutMs = seconds * 1000;
    // Repeatable like `check --ca`: a company CA and a test CA, say; each file may hold several.
    const caFiles = ([] as unknown[]).concat(ctx.values.ca ?? []).filter((f): f is string => typeof f === 'string');
    if (caFiles.length) {
      options.ca = caFiles.map((file) => {
        let pem: Buffer;
        try {
          // Regular files only, size-capped: a FIFO or a huge file given as --ca must not hang the CLI.
          pem = readBoundedSync(file, { maxBytes: LIMITS.certificate, label: 'certificate' });
        } catch (e) {
          throw new UsageError(`--ca: impossibile leggere "${file}" (${(e as Error).message})`);
        }
        if (!pem.includes('-----BEGIN CERTIFICATE-----'))
          throw new UsageError(`--ca: "${file}" non contiene un certificato PEM / not a PEM certificate`);
        return pem;
      });
    }
    if (ctx.values['no-ciphers']) options.ciphers = false;
    const results = await probeEndpoints(endpoints, options);
    if (ctx.json) writeJson(ctx, { endpoints: results });
    else ctx.stdout.write(results.map(renderEndpoint).join('\n'));
    return results.every((r) => r.verdict === 'ok') ? 0 : 1;
  },
};

const e = escapeInline;
const yesNo = (b: boolean | null) => (b === null ? '?' : b ? 'sì' : 'no');

/** A short Italian block for technicians; English TLS terms kept as they are. */
export function renderEndpoint(r: EndpointResult): string {
  const out: string[] = [];
  // Every value from the user or the server on one line (escapeInline): a \n cannot print a fake line.
  out.push(`${e(r.url)}  ${r.verdict === 'ok' ? 'OK' : `PROBLEMA: ${e(r.verdict)}`}`);
  if (r.detail) out.push(`  ${e(r.detail)}`);
  if (r.addresses.length) out.push(`  Indirizzi: ${e(r.addresses.join(', '))}`);
  out.push(`  Versioni: ${TLS_VERSION_NAMES.map((v) => `${LABEL[v]} ${yesNo(r.tls.versions[v])}`).join(' · ')}`);
  for (const v of [...TLS_VERSION_NAMES].reverse()) {
    const list = r.tls.ciphers[v];
    // Short for the screen; the full list is in --json.
    if (list && list.length)
      out.push(
        `  Cipher ${LABEL[v]} (${list.length}): ${e(list.slice(0, 6).join(', '))}${list.length > 6 ? `, … (+${list.length - 6}, elenco completo con --json)` : ''}`,
      );
  }
  const c = r.certificate;
  if (c) {
    const flags = [
      c.trusted ? 'attendibile' : `NON attendibile (${e(c.trustError ?? '?')})`,
      c.hostnameMatches ? 'nome corretto' : 'nome NON corrispondente',
    ];
    if (c.interceptedBy) flags.push(`intercettato da ${e(c.interceptedBy)}`);
    out.push(
      `  Certificato: ${e(c.subject)} · emesso da ${e(c.issuer)} · valido ${e(c.validFrom.slice(0, 10))} → ${e(c.validTo.slice(0, 10))} · ${e(String(c.keyType))} ${c.keyBits ?? ''} · ${flags.join(', ')}`,
    );
  }
  if (r.banner) out.push(`  Banner: ${e(r.banner.slice(0, 100))}`);
  const kx = r.keyExchange;
  if (kx && (kx.dhBits !== null || kx.curves.length)) {
    out.push(
      `  Scambio chiavi: ${[kx.dhBits !== null ? `DH ${kx.dhBits} bit` : 'nessun DHE', kx.curves.length ? `curve ${e(kx.curves.join(', '))}` : ''].filter(Boolean).join(' · ')}`,
    );
  }
  if (r.devices?.length) {
    const mark = { ok: '✓', fails: '✗', partial: '~', unknown: '?' } as const;
    out.push(`  Dispositivi: ${r.devices.map((d) => `${mark[d.status]} ${d.label.it}`).join(' · ')}`);
  }
  if (r.simulations.length) {
    out.push('  Client di posta:');
    for (const s of r.simulations) {
      const k = s.keyExchange;
      const kxText = k ? `, ${k.kind === 'dh' ? `DH ${k.bits ?? '?'} bit` : (k.group ?? 'ECDH')}` : '';
      const how = s.ok
        ? `sì (${s.version ? LABEL[s.version] : ''}${s.cipher ? `, ${s.cipher}` : ''}${kxText})`
        : `NO — ${e(s.reason)}${s.detail ? `: ${e(s.detail)}` : ''}`;
      out.push(`    ${s.ok ? '✓' : '✗'} ${e(s.name)}: ${how}`);
    }
  }
  const failed = r.steps.filter((s) => s.status === 'failed');
  for (const s of failed) out.push(`  Passo ${e(s.step)}: ${e(s.verdict ?? 'fallito')}${s.detail ? ` — ${e(s.detail)}` : ''}`);
  out.push(`  Tempo: ${r.timings.total ?? 0} ms, ${r.connections ?? 0} connessioni`);
  return out.join('\n') + '\n';
}

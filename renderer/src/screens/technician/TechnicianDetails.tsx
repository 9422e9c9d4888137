// Screen 4: every piece of evidence for the technician. Known fields go in tables; a section
// whose shape is unexpected falls back to its raw JSON instead of breaking the screen, and the
// whole report is always available as JSON at the bottom.
import { Component, useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { EndpointResult, Report } from '../../../../src/api';
import { severityLabel, useI18n } from '../../i18n';
import type { Messages } from '../../i18n';
import { serverText, clientName } from '../../components/accountText';
import type { Evidence, ServerSetting } from '../../types';
import { findingSubject, sortFindings } from '../../types';

type Cell = ReactNode;

/** A short value (a state, a code, a number) that must not be broken across lines. */
const nw = (v: ReactNode) => <span className="nowrap">{v}</span>;
/** Machine text (OpenSSL errors, paths, lists of names) that may break anywhere. */
const any = (v: ReactNode) => <span className="break-any">{v}</span>;

/**
 * The horizontal scroller around a table. Only when the table is really wider than the page
 * does it become a focusable, labelled region, so that keyboard users can scroll it too.
 */
function ScrollBox({ children, label }: { children: ReactNode; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-scroll" tabIndex={scrolls ? 0 : undefined} role={scrolls ? 'region' : undefined} aria-label={scrolls ? label : undefined}>
      {children}
    </div>
  );
}

function fmt(v: unknown, m: Messages): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? m.yes : m.no;
  if (Array.isArray(v)) return v.length ? v.map((x) => fmt(x, m)).join(', ') : '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A registry DWORD as the technician reads it in regedit: hex and decimal. */
function dword(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return `0x${(v >>> 0).toString(16).padStart(8, '0')} (${v})`;
}

function KeyValues({ rows, caption }: { rows: [string, Cell][]; caption?: string }) {
  const { m } = useI18n();
  return (
    <ScrollBox label={caption ?? m.thField}>
      <table className="table kv">
        {caption && <caption>{caption}</caption>}
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{m.thField}</th>
            <th scope="col">{m.thValue}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td className="break">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function Table({ head, rows, caption, testId }: { head: string[]; rows: Cell[][]; caption?: string; testId?: string }) {
  const { m } = useI18n();
  if (rows.length === 0) return <p className="muted">{m.techNone}</p>;
  return (
    <ScrollBox label={caption ?? head.join(', ')}>
      <table className="table" data-testid={testId}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className="break">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function RawJson({ value, summary }: { value: unknown; summary: string }) {
  return (
    <details className="raw">
      <summary>{summary}</summary>
      <pre className="raw-json" tabIndex={0}>
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}

interface BoundaryProps {
  data: unknown;
  message: string;
  summary: string;
  children: ReactNode;
}

/** A section that cannot be drawn (a field changed shape) shows its raw data instead. */
class SectionBoundary extends Component<BoundaryProps, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div>
        <p className="muted">{this.props.message}</p>
        <pre className="raw-json" tabIndex={0}>
          {JSON.stringify(this.props.data, null, 2)}
        </pre>
      </div>
    );
  }
}

function Section({ title, data, children, testId }: { title: string; data: unknown; children: ReactNode; testId?: string }) {
  const { m } = useI18n();
  const id = useId();
  return (
    <section className="tech-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      <SectionBoundary data={data} message={m.techRenderError} summary={m.techShowSection}>
        {children}
      </SectionBoundary>
    </section>
  );
}

function settingText(s: ServerSetting | null, m: Messages): string {
  if (!s) return '—';
  return `${serverText(s, m)}${s.userName ? ` · ${m.thUser}: ${s.userName}` : ''}`;
}

function EndpointDetails({ e }: { e: EndpointResult }) {
  const { m } = useI18n();
  const versions = Object.entries(e.tls?.versions ?? {}) as [string, boolean | null][];
  const ciphers = Object.entries(e.tls?.ciphers ?? {}) as [string, string[] | undefined][];
  const cert = e.certificate;
  return (
    <div className="endpoint" data-testid="endpoint" data-url={e.url}>
      <h3>{e.url}</h3>
      <KeyValues
        rows={[
          [m.thVerdict, <code key="v">{e.verdict}</code>],
          ['host:port', `${e.host}:${e.port}`],
          [m.thProtocol, `${String(e.protocol).toUpperCase()} · ${e.security}`],
          ['IP', any(fmt(e.addresses, m))],
          ['Banner', <code key="b">{fmt(e.banner, m)}</code>],
        ]}
      />
      <h4>{m.techSteps}</h4>
      <Table
        head={[m.thStep, m.thStatus, m.thVerdict, m.thDetail, m.thMs]}
        rows={(e.steps ?? []).map((s) => [nw(s.step), nw(s.status), nw(fmt(s.verdict, m)), any(fmt(s.detail, m)), nw(fmt(s.ms, m))])}
      />
      <h4>{m.techVersions}</h4>
      <Table
        testId="tls-versions"
        head={[m.thVersion, m.thAccepted]}
        rows={versions.map(([v, ok]) => [v, ok === null ? m.notTested : ok ? `✔ ${m.yes}` : `✘ ${m.no}`])}
      />
      <h4>{m.techCiphers}</h4>
      <Table
        head={[m.thVersion, m.thCipher]}
        rows={ciphers.filter(([, list]) => list && list.length).map(([v, list]) => [v, <span key="c" className="cipher-list">{(list ?? []).join('\n')}</span>])}
      />
      <h4>{m.techCertificate}</h4>
      {cert ? (
        <>
          <KeyValues
            rows={[
              [m.thSubjectCert, any(fmt(cert.subject, m))],
              [m.thIssuer, any(fmt(cert.issuer, m))],
              ['SAN', any(fmt(cert.san, m))],
              ['Valid from', fmt(cert.validFrom, m)],
              [m.thValidTo, fmt(cert.validTo, m)],
              ['Key', `${fmt(cert.keyType, m)} ${cert.keyBits ?? ''}`.trim()],
              ['Signature', fmt(cert.signatureAlgorithm, m)],
              ['SHA-256', <code key="f">{fmt(cert.fingerprintSha256, m)}</code>],
              ['Trusted', any(`${fmt(cert.trusted, m)}${cert.trustError ? ` (${cert.trustError})` : ''}`)],
              ['Hostname match', fmt(cert.hostnameMatches, m)],
              ['Intercepted by', fmt(cert.interceptedBy, m)],
            ]}
          />
          <h4>{m.techChain}</h4>
          <Table head={[m.thSubjectCert, m.thIssuer, m.thValidTo]} rows={(cert.chain ?? []).map((c) => [c.subject, c.issuer, c.validTo])} />
        </>
      ) : (
        <p className="muted">{m.techNone}</p>
      )}
      <h4>{m.techSimulation}</h4>
      <Table
        testId="simulations"
        head={[m.thClient, m.thAccepted, m.thVersion, m.thCipher, m.thReason]}
        rows={(e.simulations ?? []).map((s) => [s.name || s.client, nw(s.ok ? `✔ ${m.yes}` : `✘ ${m.no}`), nw(fmt(s.version, m)), s.cipher ? <code className="nowrap">{s.cipher}</code> : '—', fmt(s.reason, m)])}
      />
      <h4>{m.techTimings}</h4>
      <Table head={[m.thStep, m.thMs]} rows={Object.entries(e.timings ?? {}).map(([k, v]) => [k, fmt(v, m)])} />
    </div>
  );
}

/** Every evidence entry of the report, with where it belongs. */
function collectEvidence(report: Report): { where: string; ev: Evidence }[] {
  const out: { where: string; ev: Evidence }[] = [];
  const push = (where: string, list: unknown) => {
    if (Array.isArray(list)) for (const ev of list) if (ev && typeof ev === 'object') out.push({ where, ev: ev as Evidence });
  };
  const inv = report.inventory;
  if (inv) {
    push('os', inv.os?.evidence);
    for (const c of inv.clients ?? []) push(c.name || c.id, c.evidence);
    for (const b of inv.browsers ?? []) push(b.name || b.id, b.evidence);
    for (const r of inv.runtimes ?? []) push(r.name || r.id, r.evidence);
    push('Windows TLS', inv.windows?.evidence);
    for (const a of inv.antivirus ?? []) push(a.name, a.evidence);
  }
  for (const a of report.accounts?.accounts ?? []) push(`${clientName(a.client)} ${a.email ?? a.profile}`, a.evidence);
  for (const f of report.findings ?? []) push(f.id, f.evidence);
  return out;
}

export function TechnicianDetails({ report }: { report: Report }) {
  const { m, tx } = useI18n();
  const inv = report.inventory;
  const win = inv?.windows ?? null;
  const evidence = collectEvidence(report);
  const unreadable = [...(inv?.errors ?? []).map((ev) => ({ where: 'inventory', ev })), ...(report.accounts?.errors ?? []).map((ev) => ({ where: 'accounts', ev }))];
  const evidenceRows = (list: { where: string; ev: Evidence }[]) =>
    list.map(({ where, ev }) => [
      where,
      <code key="s">{fmt(ev.source, m)}</code>,
      ev.raw ? (
        <pre key="r" className="evidence-raw">
          {ev.raw}
        </pre>
      ) : (
        '—'
      ),
      any(fmt(ev.error, m)),
    ]);

  return (
    <div className="tech" data-testid="technician-details">
      <p className="lead">{m.techIntro}</p>

      <Section title={m.techSystem} data={inv?.os} testId="tech-os">
        {inv ? (
          <KeyValues
            rows={[
              [m.thName, fmt(inv.os?.name, m)],
              [m.thVersion, fmt(inv.os?.version, m)],
              ['Build', fmt(inv.os?.build, m)],
              ['Service Pack', fmt(inv.os?.servicePack, m)],
              ['Edition', fmt(inv.os?.edition, m)],
              ['Arch', fmt(inv.os?.arch, m)],
              ['Platform', fmt(inv.os?.platform, m)],
              [m.techClock, `${fmt(inv.clock?.now, m)} · build ${fmt(inv.clock?.buildDate, m)} · offset ${fmt(inv.clock?.offsetSeconds, m)} s`],
            ]}
          />
        ) : (
          <p className="muted">{m.techNone}</p>
        )}
      </Section>

      {win && (
        <Section title={m.techWindowsTls} data={win}>
          <Table
            head={[m.thProtocol, m.thEnabled, m.thDisabledByDefault, m.thEffective]}
            rows={Object.entries(win.schannel ?? {}).map(([p, s]) => [p, dword(s?.enabled), dword(s?.disabledByDefault), fmt(s?.effective, m)])}
          />
          <KeyValues
            rows={[
              ['WinHTTP DefaultSecureProtocols (64)', dword(win.winhttp?.defaultSecureProtocols64)],
              ['WinHTTP DefaultSecureProtocols (32)', dword(win.winhttp?.defaultSecureProtocols32)],
              ['Internet Settings SecureProtocols HKCU', dword(win.internetSettings?.hkcu)],
              ['Internet Settings SecureProtocols HKLM', dword(win.internetSettings?.hklm)],
              ['KB3140245', fmt(win.kb3140245, m)],
              ['.NET', `${fmt(win.dotnet?.version, m)} (release ${fmt(win.dotnet?.release, m)})`],
              ['SchUseStrongCrypto', dword(win.dotnet?.schUseStrongCrypto)],
              ['SystemDefaultTlsVersions', dword(win.dotnet?.systemDefaultTlsVersions)],
            ]}
          />
        </Section>
      )}

      <Section title={m.techClients} data={inv?.clients} testId="tech-clients">
        <Table
          head={[m.thName, m.thVersion, 'Edition', 'Build', 'Bit', 'Channel']}
          rows={(inv?.clients ?? []).map((c) => [c.name || c.id, fmt(c.version, m), fmt(c.marketingName, m), fmt(c.build, m), fmt(c.bitness, m), fmt(c.channel, m)])}
        />
      </Section>

      <Section title={m.techBrowsers} data={inv?.browsers}>
        <Table head={[m.thName, m.thVersion]} rows={(inv?.browsers ?? []).map((b) => [b.name || b.id, fmt(b.version, m)])} />
      </Section>

      <Section title={m.techRuntimes} data={{ runtimes: inv?.runtimes, antivirus: inv?.antivirus }}>
        <Table head={[m.thName, m.thVersion]} rows={(inv?.runtimes ?? []).map((r) => [r.name || r.id, fmt(r.version, m)])} />
        <h3>{m.techAntivirus}</h3>
        <Table head={[m.thName, m.thStatus]} rows={(inv?.antivirus ?? []).map((a) => [a.name, fmt(a.state, m)])} />
      </Section>

      <Section title={m.techAccounts} data={report.accounts} testId="tech-accounts">
        {(report.accounts?.accounts ?? []).length === 0 ? (
          <p className="muted">{m.techNone}</p>
        ) : (
          (report.accounts?.accounts ?? []).map((a, i) => (
            <div key={i} className="account-block">
              <h3>
                {clientName(a.client)} · {a.email ?? a.profile}
              </h3>
              <KeyValues
                rows={[
                  [m.thProfile, `${a.profile}${a.isDefaultProfile ? ' (default)' : ''}`],
                  [m.thName, fmt(a.name, m)],
                  [m.colAddress, fmt(a.email, m)],
                  [m.colProvider, fmt(a.provider, m)],
                  [m.thIncoming, settingText(a.incoming, m)],
                  [m.thOutgoing, settingText(a.outgoing, m)],
                  ['TLS min/max', a.tlsVersionPrefs ? `${fmt(a.tlsVersionPrefs.min, m)} / ${fmt(a.tlsVersionPrefs.max, m)}` : '—'],
                  [m.thFindingIds, fmt(a.findings, m)],
                ]}
              />
            </div>
          ))
        )}
      </Section>

      <Section title={m.techEndpoints} data={report.endpoints} testId="tech-endpoints">
        {(report.endpoints ?? []).length === 0 ? <p className="muted">{m.techNone}</p> : report.endpoints.map((e) => <EndpointDetails key={e.url} e={e} />)}
      </Section>

      <Section title={m.techFindings} data={report.findings} testId="tech-findings">
        <Table
          head={[m.thId, m.thSeverity, m.thSubject, m.thTitle]}
          rows={sortFindings(report.findings ?? []).map((f) => [<code key="i">{f.id}</code>, severityLabel(m, f.severity), fmt(findingSubject(f), m), tx(f.title)])}
        />
      </Section>

      <Section title={m.techEvidence} data={evidence} testId="tech-evidence">
        <Table head={[m.thWhere, m.thSource, m.thRaw, m.thError]} rows={evidenceRows(evidence)} />
      </Section>

      {unreadable.length > 0 && (
        <Section title={m.techErrors} data={unreadable}>
          <Table head={[m.thWhere, m.thSource, m.thRaw, m.thError]} rows={evidenceRows(unreadable)} />
        </Section>
      )}

      <section className="tech-section">
        <RawJson value={report} summary={m.techRaw} />
      </section>
    </div>
  );
}

// Screen 4: every piece of evidence for the technician, summary first. Then foldable sections
// (<details>) in the order of the HTML report, labelled from the one dictionary the report uses
// too (TECH_LABELS, src/report/labels.ts); the rows that decide the verdict (TLS 1.2 switched
// off, KB3140245 missing, a server refusing TLS 1.2 ...) are highlighted; a value that is not
// set says so ("assente") and one that was not read says "non verificato", never "—"; dates
// are local; long evidence sits in scrollable monospace blocks. A section whose shape is
// unexpected falls back to its raw JSON instead of breaking the screen.
import { Component, useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { TECH_LABELS } from '../../../../src/api';
import type { EndpointResult, Report, Text } from '../../../../src/api';
import { knownVerdictStatus, useI18n, verdictHeading } from '../../i18n';
import type { Messages } from '../../i18n';
import type { Lang } from '../../types';
import { serverText } from '../../components/accountText';
import type { Evidence, ServerSetting } from '../../types';
import { findingSubject, sortFindings } from '../../types';

const L = TECH_LABELS;
type Cell = ReactNode;
/** A row: label, value, and whether it is one of the facts that decide the verdict. */
type Row = [string, Cell] | [string, Cell, boolean];

/** A short value (a state, a code, a number) that must not be broken across lines. */
const nw = (v: ReactNode) => <span className="nowrap">{v}</span>;
/** Machine text (OpenSSL errors, paths, lists of names) that may break anywhere. */
const any = (v: ReactNode) => <span className="break-any">{v}</span>;

function useLabels() {
  const { lang, m } = useI18n();
  const t = (x: Text | undefined | null): string => (x ? (x[lang] ?? x.it) : '');
  return { t, lang, m };
}

/** Dates as a person reads them: local format, in the machine's time zone when the report knows it. */
export function localDate(iso: string | null | undefined, lang: Lang, timeZone?: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const opts: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' };
  try {
    return d.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB', timeZone ? { ...opts, timeZone } : opts);
  } catch {
    return d.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB', opts);
  }
}

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
    <div
      ref={ref}
      className="table-scroll"
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? 'region' : undefined}
      aria-label={scrolls ? label : undefined}
    >
      {children}
    </div>
  );
}

function Decisive({ on }: { on: boolean }) {
  const { m } = useI18n();
  return on ? <span className="decisive-mark">{m.techDecisive}</span> : null;
}

function KeyValues({ rows, caption, testId }: { rows: Row[]; caption?: string; testId?: string }) {
  const { m } = useI18n();
  return (
    <ScrollBox label={caption ?? m.thField}>
      <table className="table kv" data-testid={testId}>
        {caption && <caption>{caption}</caption>}
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{m.thField}</th>
            <th scope="col">{m.thValue}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([k, v, decisive]) => (
            <tr key={k} className={decisive ? 'decisive' : undefined} data-decisive={decisive ? 'true' : undefined}>
              <th scope="row">{k}</th>
              <td className="break">
                {v}
                <Decisive on={!!decisive} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function Table({
  head,
  rows,
  caption,
  testId,
  decisive,
}: {
  head: string[];
  rows: Cell[][];
  caption?: string;
  testId?: string;
  decisive?: boolean[];
}) {
  const { t } = useLabels();
  if (rows.length === 0) return <p className="muted">{t(L.values.noData)}</p>;
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
            <tr key={i} className={decisive?.[i] ? 'decisive' : undefined} data-decisive={decisive?.[i] ? 'true' : undefined}>
              {r.map((c, j) => (
                <td key={j} className="break">
                  {c}
                  {j === r.length - 1 && <Decisive on={!!decisive?.[i]} />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Long machine output: monospace, its own scroll, focusable so the keyboard can scroll it. */
function MonoBlock({ text, label }: { text: string; label: string }) {
  return (
    <pre className="mono-block" tabIndex={0} role="region" aria-label={label}>
      {text}
    </pre>
  );
}

interface BoundaryProps {
  data: unknown;
  message: string;
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
        <pre className="mono-block" tabIndex={0}>
          {JSON.stringify(this.props.data, null, 2)}
        </pre>
      </div>
    );
  }
}

function Section({
  title,
  data,
  children,
  testId,
  open = true,
}: {
  title: string;
  data: unknown;
  children: ReactNode;
  testId?: string;
  open?: boolean;
}) {
  const { m } = useI18n();
  const id = useId();
  return (
    <details className="tech-section" open={open} data-testid={testId}>
      <summary>
        <h2 id={id}>{title}</h2>
      </summary>
      <div className="tech-section-body" role="group" aria-labelledby={id}>
        <SectionBoundary data={data} message={m.techRenderError}>
          {children}
        </SectionBoundary>
      </div>
    </details>
  );
}

function useFormat() {
  const { t, lang, m } = useLabels();
  /** A value read from the machine; null/undefined/empty is "non verificato" (it was not read). */
  const fmt = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return t(L.values.unknown);
    if (typeof v === 'boolean') return v ? t(L.values.yes) : t(L.values.no);
    if (Array.isArray(v)) return v.length ? v.map(fmt).join(', ') : t(L.values.none);
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  /** A registry DWORD as regedit shows it; null is a value that is not set on the machine. */
  const dword = (v: number | null | undefined): string => {
    if (v === undefined) return t(L.values.unknown);
    if (v === null) return t(L.values.absent);
    return `0x${(v >>> 0).toString(16).padStart(8, '0')} (${v})`;
  };
  const state = (s: string | null | undefined): string =>
    s === 'enabled' ? t(L.values.enabledState) : s === 'disabled' ? t(L.values.disabledState) : t(L.values.unknownState);
  return { fmt, dword, state, t, lang, m };
}

function settingText(s: ServerSetting | null, m: Messages, fallback: string): string {
  if (!s) return fallback;
  return `${serverText(s, m)}${s.userName ? ` · ${m.thUser}: ${s.userName}` : ''}`;
}

const versionOk = (e: EndpointResult, v: string) => e.tls?.versions?.[v as keyof typeof e.tls.versions] === true;

function EndpointDetails({ e }: { e: EndpointResult }) {
  const { fmt, t, lang } = useFormat();
  const versions = Object.entries(e.tls?.versions ?? {}) as [string, boolean | null][];
  const ciphers = Object.entries(e.tls?.ciphers ?? {}) as [string, string[] | undefined][];
  const cert = e.certificate;
  const tls12 = versionOk(e, 'TLSv1.2') || versionOk(e, 'TLSv1.3');
  return (
    <div className="endpoint" data-testid="endpoint" data-url={e.url}>
      <h3>{e.url}</h3>
      <KeyValues
        rows={[
          [t(L.fields.outcome), <code key="v">{e.verdict}</code>, e.verdict !== 'ok'],
          ['host:port', `${e.host}:${e.port}`],
          [t(L.fields.protocol), `${String(e.protocol).toUpperCase()} · ${t(L.security[e.security]) || e.security}`],
          [t(L.fields.addresses), any(fmt(e.addresses))],
          [t(L.fields.banner), e.banner ? <MonoBlock key="b" text={e.banner} label={t(L.fields.banner)} /> : t(L.values.none)],
        ]}
      />
      <h4>{t(L.sections.tlsVersions)}</h4>
      <Table
        testId="tls-versions"
        head={[t(L.fields.tlsVersion), t(L.fields.accepted)]}
        rows={versions.map(([v, ok]) => [v, ok === null ? t(L.values.unknown) : ok ? `✔ ${t(L.values.yes)}` : `✘ ${t(L.values.no)}`])}
        decisive={versions.map(([v, ok]) => !tls12 && v === 'TLSv1.2' && ok !== true)}
      />
      {ciphers.some(([, list]) => list && list.length) && (
        <details className="sub-details">
          <summary>{t(L.fields.ciphers)}</summary>
          <Table
            head={[t(L.fields.tlsVersion), t(L.fields.cipher)]}
            rows={ciphers
              .filter(([, list]) => list && list.length)
              .map(([v, list]) => [
                v,
                <span key="c" className="cipher-list">
                  {(list ?? []).join('\n')}
                </span>,
              ])}
          />
        </details>
      )}
      <h4>{t(L.sections.certificate)}</h4>
      {cert ? (
        <>
          <KeyValues
            rows={[
              [t(L.fields.certSubject), any(fmt(cert.subject))],
              [t(L.fields.certIssuer), any(fmt(cert.issuer))],
              [t(L.fields.certSan), any(fmt(cert.san))],
              [t(L.fields.certValidFrom), localDate(cert.validFrom, lang) || fmt(cert.validFrom)],
              [t(L.fields.certValidTo), localDate(cert.validTo, lang) || fmt(cert.validTo)],
              [t(L.fields.certKey), `${fmt(cert.keyType)} ${cert.keyBits ?? ''} · ${fmt(cert.signatureAlgorithm)}`.trim()],
              [t(L.fields.certFingerprint), <code key="f">{fmt(cert.fingerprintSha256)}</code>],
              [
                t(L.fields.certTrusted),
                any(`${fmt(cert.trusted)}${cert.trustError ? ` (${cert.trustError})` : ''}`),
                cert.trusted === false,
              ],
              [t(L.fields.certHostname), fmt(cert.hostnameMatches), cert.hostnameMatches === false],
              [
                t(L.fields.certIntercepted),
                cert.interceptedBy ? fmt(cert.interceptedBy) : t(L.values.notIntercepted),
                !!cert.interceptedBy,
              ],
            ]}
          />
          {(cert.chain ?? []).length > 0 && (
            <details className="sub-details">
              <summary>{`${t(L.sections.certificate)}: ${t(L.fields.certIssuer)} (${(cert.chain ?? []).length})`}</summary>
              <Table
                head={[t(L.fields.certSubject), t(L.fields.certIssuer), t(L.fields.certValidTo)]}
                rows={(cert.chain ?? []).map((c) => [any(c.subject), any(c.issuer), localDate(c.validTo, lang) || c.validTo])}
              />
            </details>
          )}
        </>
      ) : (
        <p className="muted">{t(L.values.noCertificate)}</p>
      )}
      <h4>{t(L.sections.simulations)}</h4>
      <Table
        testId="simulations"
        head={[t(L.fields.simulatedProgram), t(L.fields.outcome), t(L.fields.tlsVersion), t(L.fields.cipher), t(L.fields.reason)]}
        rows={(e.simulations ?? []).map((s) => [
          s.name || s.client,
          nw(s.ok ? `✔ ${t(L.values.succeeds)}` : `✘ ${t(L.values.fails)}`),
          nw(s.version ?? t(L.values.none)),
          s.cipher ? <code className="nowrap">{s.cipher}</code> : t(L.values.none),
          s.reason ? any(s.reason) : '',
        ])}
      />
      <details className="sub-details">
        <summary>{t(L.sections.probeSteps)}</summary>
        <Table
          head={[t(L.fields.step), t(L.fields.state), t(L.fields.outcome), t(L.fields.detail), t(L.fields.ms)]}
          rows={(e.steps ?? []).map((s) => [
            nw(t(L.probeStep[s.step]) || s.step),
            nw(t(L.stepStatus[s.status]) || s.status),
            nw(s.verdict ?? ''),
            s.detail ? any(s.detail) : '',
            nw(s.ms ?? ''),
          ])}
          decisive={(e.steps ?? []).map((s) => s.status === 'failed')}
        />
        <Table head={[t(L.fields.step), t(L.fields.ms)]} rows={Object.entries(e.timings ?? {}).map(([k, v]) => [k, fmt(v)])} />
      </details>
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
  for (const a of report.accounts?.accounts ?? []) push(`${a.client} ${a.email ?? a.profile}`, a.evidence);
  for (const f of report.findings ?? []) push(f.id, f.evidence);
  return out;
}

function EvidenceList({ list, testId }: { list: { where: string; ev: Evidence }[]; testId?: string }) {
  const { t } = useLabels();
  if (list.length === 0) return <p className="muted">{t(L.values.noData)}</p>;
  return (
    <ul className="evidence-list" data-testid={testId}>
      {list.map(({ where, ev }, i) => (
        <li key={i} className="evidence-item">
          <p className="evidence-head">
            <strong>{where}</strong> · <code className="break-any">{ev.source ?? ''}</code>
          </p>
          {ev.raw && <MonoBlock text={ev.raw} label={`${where}: ${ev.source ?? ''}`} />}
          {ev.error && (
            <p className="evidence-error">
              {t(L.fields.error)}: <span className="break-any">{ev.error}</span>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * Provider names by id, from what the core re-derived from its own catalogue: the typed
 * addresses' lookups (a reopened file's are rebuilt by id, src/diagnosis/run.ts trustedLookup)
 * and the plans' stop-gaps. A file's own names and URLs are never read here; an id no one named
 * stays the id.
 */
export function providerNames(report: Report): Map<string, string> {
  const names = new Map<string, string>();
  const add = (id: unknown, name: unknown) => {
    if (typeof id === 'string' && typeof name === 'string' && name && !names.has(id)) names.set(id, name);
  };
  for (const l of Array.isArray(report.context?.lookups) ? report.context.lookups : []) add(l?.provider?.id, l?.provider?.name);
  for (const p of Array.isArray(report.plans) ? report.plans : []) add(p?.stopGap?.providerId, p?.stopGap?.providerName);
  return names;
}

export function TechnicianDetails({ report }: { report: Report }) {
  const { m, tx } = useI18n();
  const { fmt, dword, state, t, lang } = useFormat();
  const rootRef = useRef<HTMLDivElement>(null);
  const inv = report.inventory;
  const win = inv?.windows ?? null;
  const zone = inv?.clock?.timeZone ?? null;
  const evidence = collectEvidence(report);
  const unreadable = [
    ...(inv?.errors ?? []).map((ev) => ({ where: 'inventory', ev })),
    ...(report.accounts?.errors ?? []).map((ev) => ({ where: 'accounts', ev })),
  ];
  const plans = Array.isArray(report.plans) ? report.plans : [];
  const status = knownVerdictStatus(report.verdict?.status);
  const findings = sortFindings(report.findings ?? []);
  const legacyWindows = inv?.os?.platform === 'windows' && /^6\.[12]\./.test(inv.os.version ?? '');
  const tls12Off = !!win && win.schannel?.['TLS 1.2']?.effective !== 'enabled';
  const providers = providerNames(report);

  const setAll = (open: boolean) => rootRef.current?.querySelectorAll('details').forEach((d) => (d.open = open));

  const os = inv?.os;
  const machineLine = os ? [os.name, os.version, os.arch].filter(Boolean).join(' · ') : t(L.values.inventoryMissing);
  const clientsLine = (inv?.clients ?? []).map((c) => [c.name, c.version].filter(Boolean).join(' ')).join(', ') || t(L.values.none);

  return (
    <div className="tech" data-testid="technician-details" ref={rootRef}>
      <section className="panel tech-summary" aria-labelledby="tech-summary-h" data-testid="tech-summary">
        <h2 id="tech-summary-h">{t(L.sections.summary)}</h2>
        <KeyValues
          rows={[
            [t(L.sections.verdict), `${t(L.verdict[status])}: ${verdictHeading(m, report.verdict, lang)}`],
            ...(report.caseCode ? ([[t(L.sections.caseCode), <code key="c">{report.caseCode}</code>]] as Row[]) : []),
            [t(L.sections.machine), machineLine],
            [t(L.sections.clients), clientsLine],
            ...(win ? ([[`SCHANNEL TLS 1.2`, state(win.schannel?.['TLS 1.2']?.effective), tls12Off]] as Row[]) : []),
            ...(win && legacyWindows
              ? ([
                  [
                    t(L.fields.kb3140245),
                    win.kb3140245 === null ? t(L.values.unknown) : win.kb3140245 ? t(L.values.installed) : t(L.values.notInstalled),
                    win.kb3140245 !== true,
                  ],
                ] as Row[])
              : []),
            [
              t(L.sections.servers),
              (report.endpoints ?? []).length
                ? (report.endpoints ?? []).map((e) => `${e.url}: ${e.verdict}`).join(' · ')
                : t(L.values.noServer),
              (report.endpoints ?? []).some((e) => e.verdict !== 'ok'),
            ],
            [t(L.sections.plans), plans.length ? plans.map((p) => tx(p.cause)).join(' · ') : t(L.values.noPlan)],
            [t(L.fields.created), localDate(report.createdAt, lang, zone)],
          ]}
        />
        <div className="button-row">
          <button type="button" className="button button-quiet" onClick={() => setAll(true)}>
            {m.techOpenAll}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setAll(false)}>
            {m.techCloseAll}
          </button>
        </div>
      </section>

      {plans.length > 0 && (
        <Section title={t(L.sections.plans)} data={plans} testId="tech-plans">
          {plans.map((p) => (
            <div key={p.id} className="tech-plan">
              <h3>
                {tx(p.cause)} <code className="muted">{p.id}</code>
              </h3>
              <Table
                head={[t(L.fields.step), t(L.fields.state), t(L.fields.source)]}
                rows={(p.steps ?? []).map((s) => [
                  tx(s.text),
                  nw(t(L.planStep[s.state]) || s.state),
                  s.evidence ? any(tx(s.evidence)) : '',
                ])}
              />
            </div>
          ))}
        </Section>
      )}

      <Section title={t(L.sections.os)} data={inv?.os} testId="tech-os">
        {inv ? (
          <KeyValues
            rows={[
              [t(L.fields.name), fmt(inv.os?.name)],
              [t(L.fields.version), fmt(inv.os?.version)],
              [t(L.fields.build), fmt(inv.os?.build)],
              ...(inv.os?.platform === 'windows' ? ([[t(L.fields.servicePack), fmt(inv.os?.servicePack)]] as Row[]) : []),
              [t(L.fields.edition), fmt(inv.os?.edition)],
              [t(L.fields.arch), fmt(inv.os?.arch)],
              [t(L.fields.platform), fmt(inv.os?.platform)],
              [t(L.fields.clockNow), localDate(inv.clock?.now, lang, zone) || fmt(inv.clock?.now)],
              [
                t(L.fields.clockOffset),
                inv.clock?.offsetSeconds === null || inv.clock?.offsetSeconds === undefined
                  ? t(L.values.notMeasured)
                  : String(inv.clock.offsetSeconds),
              ],
              ...(zone ? ([[t(L.fields.timeZone), zone]] as Row[]) : []),
            ]}
          />
        ) : (
          <p className="muted">{t(L.values.inventoryMissing)}</p>
        )}
      </Section>

      {win && (
        <Section title={t(L.sections.schannel)} data={win} testId="tech-windows">
          <Table
            head={[t(L.fields.protocol), t(L.fields.enabled), t(L.fields.disabledByDefault), t(L.fields.effective)]}
            rows={Object.entries(win.schannel ?? {}).map(([p, s]) => [
              p,
              dword(s?.enabled),
              dword(s?.disabledByDefault),
              state(s?.effective),
            ])}
            decisive={Object.entries(win.schannel ?? {}).map(([p, s]) => p === 'TLS 1.2' && s?.effective !== 'enabled')}
          />
          <h3>{t(L.sections.registry)}</h3>
          <KeyValues
            rows={[
              // 32-bit Windows has one registry view (recorded as the 64-bit one): one row.
              ...((inv?.os?.arch === 'x86'
                ? [
                    [
                      t(L.fields.winhttpNative),
                      dword(win.winhttp?.defaultSecureProtocols64),
                      legacyWindows && !((win.winhttp?.defaultSecureProtocols64 ?? 0) & 0x800),
                    ],
                  ]
                : [
                    [
                      t(L.fields.winhttp64),
                      dword(win.winhttp?.defaultSecureProtocols64),
                      legacyWindows && !((win.winhttp?.defaultSecureProtocols64 ?? 0) & 0x800),
                    ],
                    [
                      t(L.fields.winhttp32),
                      dword(win.winhttp?.defaultSecureProtocols32),
                      legacyWindows && !((win.winhttp?.defaultSecureProtocols32 ?? 0) & 0x800),
                    ],
                  ]) as Row[]),
              [t(L.fields.internetSettingsHkcu), dword(win.internetSettings?.hkcu)],
              [t(L.fields.internetSettingsHklm), dword(win.internetSettings?.hklm)],
              [
                t(L.fields.kb3140245),
                win.kb3140245 === null ? t(L.values.unknown) : win.kb3140245 ? t(L.values.installed) : t(L.values.notInstalled),
                legacyWindows && win.kb3140245 !== true,
              ],
              [t(L.fields.dotnetVersion), `${fmt(win.dotnet?.version)} (${fmt(win.dotnet?.release)})`],
              [t(L.fields.schUseStrongCrypto), dword(win.dotnet?.schUseStrongCrypto)],
              [t(L.fields.systemDefaultTlsVersions), dword(win.dotnet?.systemDefaultTlsVersions)],
            ]}
          />
        </Section>
      )}

      <Section title={t(L.sections.clients)} data={inv?.clients} testId="tech-clients">
        <Table
          head={[t(L.fields.program), t(L.fields.version), t(L.fields.marketingName), t(L.fields.build), t(L.fields.bitness)]}
          rows={(inv?.clients ?? []).map((c) => [c.name || c.id, fmt(c.version), fmt(c.marketingName), fmt(c.build), fmt(c.bitness)])}
        />
      </Section>

      <Section
        title={`${t(L.sections.browsers)} · ${t(L.sections.runtimes)} · ${t(L.fields.antivirus)}`}
        data={{ browsers: inv?.browsers, runtimes: inv?.runtimes, antivirus: inv?.antivirus }}
        open={false}
      >
        <Table
          head={[t(L.fields.browser), t(L.fields.version)]}
          rows={(inv?.browsers ?? []).map((b) => [b.name || b.id, fmt(b.version)])}
        />
        <Table
          head={[t(L.fields.component), t(L.fields.version)]}
          rows={(inv?.runtimes ?? []).map((r) => [r.name || r.id, fmt(r.version)])}
        />
        <Table head={[t(L.fields.antivirus), t(L.fields.state)]} rows={(inv?.antivirus ?? []).map((a) => [a.name, fmt(a.state)])} />
      </Section>

      <Section title={t(L.sections.accounts)} data={report.accounts} testId="tech-accounts">
        {(report.accounts?.accounts ?? []).length === 0 ? (
          <p className="muted">{report.accounts ? t(L.values.none) : t(L.values.accountsNotSearched)}</p>
        ) : (
          (report.accounts?.accounts ?? []).map((a, i) => (
            <div key={i} className="account-block">
              <h3>
                {t(L.accountClient[a.client]) || a.client} · {a.email ?? a.profile}
              </h3>
              <KeyValues
                rows={[
                  [t(L.fields.profile), `${a.profile}${a.isDefaultProfile ? ' (default)' : ''}`],
                  [t(L.fields.name), fmt(a.name)],
                  [t(L.fields.address), fmt(a.email)],
                  [t(L.fields.provider), a.provider ? (providers.get(a.provider) ?? a.provider) : t(L.values.unrecognised)],
                  [t(L.fields.incoming), settingText(a.incoming, m, t(L.values.unknown))],
                  [t(L.fields.outgoing), settingText(a.outgoing, m, t(L.values.unknown))],
                  ['TLS min/max', a.tlsVersionPrefs ? `${fmt(a.tlsVersionPrefs.min)} / ${fmt(a.tlsVersionPrefs.max)}` : t(L.values.none)],
                  [t(L.fields.accountFindings), fmt(a.findings)],
                ]}
              />
            </div>
          ))
        )}
      </Section>

      <Section title={t(L.sections.servers)} data={report.endpoints} testId="tech-endpoints">
        {(report.endpoints ?? []).length === 0 ? (
          <p className="muted">{t(L.values.noServer)}</p>
        ) : (
          report.endpoints.map((e) => <EndpointDetails key={e.url} e={e} />)
        )}
      </Section>

      <Section title={t(L.sections.findings)} data={report.findings} testId="tech-findings" open={false}>
        <Table
          head={[t(L.fields.findingId), t(L.fields.state), t(L.fields.subject), m.thTitle]}
          rows={findings.map((f) => [
            <code key="i">{f.id}</code>,
            t(L.severity[f.severity]) || f.severity,
            findingSubject(f) ?? '',
            tx(f.title),
          ])}
        />
      </Section>

      <Section title={m.techEvidence} data={evidence} testId="tech-evidence" open={false}>
        <EvidenceList list={evidence} />
      </Section>

      {unreadable.length > 0 && (
        <Section title={t(L.sections.readErrors)} data={unreadable} open={false}>
          <EvidenceList list={unreadable} />
        </Section>
      )}

      <details className="tech-section raw">
        <summary>
          <h2>{m.techRaw}</h2>
        </summary>
        <pre className="raw-json mono-block" tabIndex={0}>
          {JSON.stringify(report, null, 2)}
        </pre>
      </details>
    </div>
  );
}

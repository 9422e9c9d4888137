// Screen 1: what the tool does, a field for a PEC address (its provider recognised while typing),
// the advanced server settings and the big start button — first, so that it is in view at the
// window's minimum size (800×560); then the PEC accounts found here, opening a saved report and
// the history of earlier checks.
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { AccountsResult, AddressLookup, BridgeApi, DiagnosisRequest, Report } from '../../../../src/api';
import { useI18n } from '../../i18n';
import { Icon } from '../../components/Icons';
import { OpenReport } from '../open-report/OpenReport';
import type { Account } from '../../types';
import { clientName, serverText } from '../../components/accountText';

export type Protocol = 'imap' | 'pop3' | 'smtp';
export type SecurityMode = 'tls' | 'starttls';

export interface StartForm {
  email: string;
  server: string;
  port: string;
  protocol: Protocol;
  security: SecurityMode;
  skipDiscovery: boolean;
  advancedOpen: boolean;
}

export const EMPTY_FORM: StartForm = {
  email: '',
  server: '',
  port: '',
  protocol: 'imap',
  security: 'tls',
  skipDiscovery: false,
  advancedOpen: false,
};

const SCHEME: Record<Protocol, Record<SecurityMode, string>> = {
  imap: { tls: 'imaps', starttls: 'imap' },
  pop3: { tls: 'pop3s', starttls: 'pop3' },
  smtp: { tls: 'smtps', starttls: 'smtp' },
};

export const looksLikeEmail = (s: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(s.trim());

/** The server of the advanced area as an endpoint URL (imaps://host:port), or null when empty. */
export function serverUrl(form: StartForm): string | null {
  const server = form.server.trim();
  if (!server) return null;
  if (server.includes('://')) return server;
  let host = server;
  let port = form.port.trim();
  const hostPort = /^([^:[\]]+):(\d{1,5})$/.exec(server);
  if (hostPort) {
    // "imaps.pec.aruba.it:993": the port typed with the name.
    host = hostPort[1];
    port = port || hostPort[2];
  } else if (server.includes(':') && !server.startsWith('[')) host = `[${server}]`; // IPv6
  return `${SCHEME[form.protocol][form.security]}://${host}${port ? `:${port}` : ''}`;
}

/** What to check; null when there is nothing (no account found, nothing typed). */
export function buildRequest(form: StartForm, accountsFound: number): DiagnosisRequest | null {
  const emails = looksLikeEmail(form.email) ? [form.email.trim()] : [];
  const url = serverUrl(form);
  const servers = url ? [url] : [];
  const skipDiscovery = form.skipDiscovery && (emails.length > 0 || servers.length > 0);
  if (!emails.length && !servers.length && accountsFound === 0) return null;
  return { emails, servers, skipDiscovery };
}

type LookupState = { status: 'idle' } | { status: 'checking' } | { status: 'invalid' } | { status: 'done'; result: AddressLookup };

interface Props {
  api: BridgeApi;
  accounts: AccountsResult | null | 'error';
  form: StartForm;
  setForm: (f: StartForm) => void;
  onStart: (request: DiagnosisRequest) => void;
  notice: { kind: 'info' | 'error'; text: string; detail?: string } | null;
  onReportOpened: (report: Report, fileName: string) => void;
  onHistory: () => void;
  /** Coming back from another screen: the heading takes the focus (not on the first load). */
  focusHeading?: boolean;
}

export function StartScreen({ api, accounts, form, setForm, onStart, notice, onReportOpened, onHistory, focusHeading }: Props) {
  const { m, tx } = useI18n();
  const id = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  const [lookup, setLookup] = useState<LookupState>({ status: 'idle' });
  const [nothing, setNothing] = useState(false);
  const found = accounts && accounts !== 'error' ? accounts.accounts : [];

  // Provider recognised as the user types: debounced, and a late answer for an older text is dropped.
  useEffect(() => {
    const email = form.email.trim();
    if (!email) return setLookup({ status: 'idle' });
    if (!looksLikeEmail(email)) {
      const t = window.setTimeout(
        () => setLookup(email.includes('@') && email.split('@')[1].includes('.') ? { status: 'invalid' } : { status: 'idle' }),
        800,
      );
      return () => window.clearTimeout(t);
    }
    let live = true;
    const t = window.setTimeout(() => {
      setLookup({ status: 'checking' });
      api.lookupAddress(email).then(
        (result) => live && setLookup({ status: 'done', result }),
        () => live && setLookup({ status: 'idle' }),
      );
    }, 350);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [api, form.email]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const request = buildRequest(form, found.length);
    if (!request) {
      setNothing(true);
      emailRef.current?.focus();
      return;
    }
    setNothing(false);
    onStart(request);
  };

  const update = (patch: Partial<StartForm>) => setForm({ ...form, ...patch });
  // A full address (imaps://host:port) already says port, protocol and security.
  const fullUrl = form.server.includes('://');

  let lookupText = '';
  let lookupKind: 'ok' | 'warn' | 'none' = 'none';
  if (lookup.status === 'checking') lookupText = m.lookupChecking;
  else if (lookup.status === 'invalid') {
    lookupText = m.lookupInvalid;
    lookupKind = 'warn';
  } else if (lookup.status === 'done') {
    if (lookup.result.provider) {
      lookupText = m.lookupFound(lookup.result.provider.name);
      lookupKind = 'ok';
    } else {
      lookupText = tx(lookup.result.message);
      lookupKind = 'warn';
    }
  }

  return (
    <section className="screen screen-start" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} className="screen-title" tabIndex={-1} ref={headingRef}>
        {m.startHeading}
      </h1>
      <p className="lead">{m.startIntro}</p>

      <form className="panel start-form" onSubmit={submit} noValidate aria-label={m.startFormLabel}>
        {found.length > 0 && (
          <p className="accounts-line" data-testid="accounts-line">
            <Icon name="ok" /> {m.accountsFound(found.length)} {m.accountsBelow(found.length)}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-email`}>{found.length ? m.emailLabelExtra : m.emailLabel}</label>
          <p className="hint" id={`${id}-email-hint`}>
            {m.emailHint}
          </p>
          <input
            ref={emailRef}
            id={`${id}-email`}
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            className="input-wide"
            value={form.email}
            aria-describedby={`${id}-email-hint ${id}-lookup`}
            aria-invalid={lookup.status === 'invalid' || undefined}
            onChange={(e) => update({ email: e.target.value })}
          />
          <p id={`${id}-lookup`} className={`lookup lookup-${lookupKind}`} role="status" aria-live="polite">
            {lookupKind === 'ok' && <Icon name="ok" />}
            {lookupKind === 'warn' && <Icon name="warning" />}
            <span data-testid="lookup">{lookupText}</span>
          </p>
        </div>

        <details
          className="advanced"
          open={form.advancedOpen}
          onToggle={(e) => {
            const open = (e.currentTarget as HTMLDetailsElement).open;
            if (open !== form.advancedOpen) update({ advancedOpen: open });
          }}
        >
          <summary>{m.advancedSummary}</summary>
          <p className="hint">{m.advancedIntro}</p>
          <div className="advanced-grid">
            <div className="field field-server">
              <label htmlFor={`${id}-server`}>{m.serverLabel}</label>
              <input
                id={`${id}-server`}
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={form.server}
                aria-describedby={`${id}-server-hint`}
                onChange={(e) => update({ server: e.target.value })}
              />
              <p className="hint" id={`${id}-server-hint`}>
                {m.serverHint}
              </p>
            </div>
            <div className="field field-port">
              <label htmlFor={`${id}-port`}>{m.portLabel}</label>
              <input
                id={`${id}-port`}
                type="text"
                inputMode="numeric"
                pattern="[0-9]*"
                autoComplete="off"
                value={form.port}
                disabled={fullUrl}
                aria-describedby={`${id}-port-hint`}
                onChange={(e) => update({ port: e.target.value.replace(/[^0-9]/g, '').slice(0, 5) })}
              />
              <p className="hint" id={`${id}-port-hint`}>
                {m.portHint}
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-proto`}>{m.protocolLabel}</label>
              <select
                id={`${id}-proto`}
                value={form.protocol}
                disabled={fullUrl}
                onChange={(e) => update({ protocol: e.target.value as Protocol })}
              >
                <option value="imap">IMAP</option>
                <option value="pop3">POP3</option>
                <option value="smtp">SMTP</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-sec`}>{m.securityLabel}</label>
              <select
                id={`${id}-sec`}
                value={form.security}
                disabled={fullUrl}
                onChange={(e) => update({ security: e.target.value as SecurityMode })}
              >
                <option value="tls">{m.securityTls}</option>
                <option value="starttls">{m.securityStarttls}</option>
              </select>
            </div>
          </div>
          <div className="check">
            <input
              id={`${id}-skip`}
              type="checkbox"
              checked={form.skipDiscovery}
              onChange={(e) => update({ skipDiscovery: e.target.checked })}
            />
            <label htmlFor={`${id}-skip`}>{m.skipDiscoveryLabel}</label>
          </div>
        </details>

        <div className="start-actions">
          <button type="submit" className="button button-primary button-big">
            <Icon name="shield" />
            {m.startButton}
          </button>
        </div>
        <div className="notice-slot" aria-live="polite">
          {nothing && (
            <p className="notice notice-warn" role="alert">
              <Icon name="warning" /> {m.startNothing}
            </p>
          )}
          {!nothing && notice && (
            <p
              className={`notice ${notice.kind === 'error' ? 'notice-error' : 'notice-info'}`}
              role={notice.kind === 'error' ? 'alert' : 'status'}
            >
              <Icon name={notice.kind === 'error' ? 'error' : 'info'} /> {notice.text}
              {notice.detail && <span className="notice-detail">{notice.detail}</span>}
            </p>
          )}
        </div>
      </form>

      <section className="panel accounts" aria-labelledby={`${id}-acc`} aria-busy={accounts === null}>
        <h2 id={`${id}-acc`}>{m.accountsHeading}</h2>
        {accounts === null ? (
          <p className="muted" role="status">
            <Icon name="running" /> {m.accountsSearching}
          </p>
        ) : accounts === 'error' ? (
          <p className="muted">{m.accountsError}</p>
        ) : found.length === 0 ? (
          <p data-testid="no-accounts">{m.accountsNone}</p>
        ) : (
          <>
            <p>{m.accountsFound(found.length)}</p>
            <AccountsTable api={api} accounts={found} />
          </>
        )}
      </section>

      <div className="panel panel-quiet start-more">
        <OpenReport api={api} onOpened={onReportOpened} hint={m.openReportHint} />
        <div className="history-link">
          <button type="button" className="button button-secondary" onClick={onHistory}>
            <Icon name="history" />
            {m.historyButton}
          </button>
        </div>
      </div>
    </section>
  );
}

function AccountsTable({ api, accounts }: { api: BridgeApi; accounts: Account[] }) {
  const { m } = useI18n();
  // Accounts name their provider by id: the catalogue (through lookupAddress) gives its name.
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    const emails = [...new Set(accounts.map((a) => a.email).filter((e): e is string => !!e && looksLikeEmail(e)))];
    void Promise.all(emails.map((e) => api.lookupAddress(e).catch(() => null))).then((found) => {
      const next: Record<string, string> = {};
      for (const l of found) if (l?.provider) next[l.provider.id] = l.provider.name;
      if (live) setNames(next);
    });
    return () => {
      live = false;
    };
  }, [api, accounts]);
  return (
    <div className="table-scroll">
      <table className="table accounts-table">
        <thead>
          <tr>
            <th scope="col">{m.colClient}</th>
            <th scope="col">{m.colAddress}</th>
            <th scope="col">{m.colProvider}</th>
            <th scope="col">{m.colServer}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a, i) => (
            <tr key={`${a.client}-${a.profile}-${a.email ?? i}`}>
              <td>{clientName(a.client)}</td>
              <td className="break">{a.email ?? m.unknown}</td>
              <td>{a.provider ? (names[a.provider] ?? a.provider) : m.unknown}</td>
              <td className="break">
                <span className="server-line">
                  {m.incomingShort}: {serverText(a.incoming, m)}
                </span>
                <span className="server-line">
                  {m.outgoingShort}: {serverText(a.outgoing, m)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

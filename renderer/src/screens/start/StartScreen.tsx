// Screen 1: what the tool does, a field for a PEC address (its provider recognised while typing),
// the advanced server settings and the big start button — first, so that it is in view at the
// window's minimum size (800×560); then the PEC accounts found here, opening a saved report and
// the history of earlier checks.
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { AccountsResult, BridgeApi, DiagnosisRequest, Report } from '../../../../src/api';
import { useI18n } from '../../i18n';
import { Icon } from '../../components/Icons';
import { OpenReport } from '../open-report/OpenReport';
import { buildRequest, type StartForm } from './form';
import { EmailField } from './EmailField';
import { AdvancedSettings } from './AdvancedSettings';
import { AccountsPanel } from './AccountsPanel';
import { StartNotice, type Notice } from './StartNotice';
import './start.css';

export { EMPTY_FORM, buildRequest, looksLikeEmail, serverUrl } from './form';
export type { Protocol, SecurityMode, StartForm } from './form';

interface Props {
  api: BridgeApi;
  accounts: AccountsResult | null | 'error';
  form: StartForm;
  setForm: (f: StartForm) => void;
  onStart: (request: DiagnosisRequest) => void;
  notice: Notice | null;
  onReportOpened: (report: Report, fileName: string) => void;
  onHistory: () => void;
  /** Coming back from another screen: the heading takes the focus (not on the first load). */
  focusHeading?: boolean;
}

export function StartScreen({ api, accounts, form, setForm, onStart, notice, onReportOpened, onHistory, focusHeading }: Props) {
  const { m } = useI18n();
  const id = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  const [nothing, setNothing] = useState(false);
  const found = accounts && accounts !== 'error' ? accounts.accounts : [];
  const update = (patch: Partial<StartForm>) => setForm({ ...form, ...patch });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const request = buildRequest(form, found.length);
    setNothing(!request);
    if (request) onStart(request);
    else emailRef.current?.focus();
  };

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
        <EmailField
          api={api}
          id={id}
          value={form.email}
          onChange={(email) => update({ email })}
          inputRef={emailRef}
          accountsFound={found.length > 0}
        />
        <AdvancedSettings id={id} form={form} update={update} />
        <div className="start-actions">
          <button type="submit" className="button button-primary button-big">
            <Icon name="shield" />
            {m.startButton}
          </button>
        </div>
        <StartNotice nothing={nothing} notice={notice} />
      </form>

      <AccountsPanel api={api} id={id} accounts={accounts} />

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

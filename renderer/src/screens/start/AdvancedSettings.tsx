// The technician's fold of the start form: one server, its port, protocol and security, and
// "check only this". A full address (imaps://host:port) already says port, protocol and security.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { Protocol, SecurityMode, StartForm } from './form';

interface Props {
  id: string;
  form: StartForm;
  update: (patch: Partial<StartForm>) => void;
}

export function AdvancedSettings({ id, form, update }: Props) {
  const { m } = useI18n();
  const fullUrl = form.server.includes('://');
  return (
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
        <TextField id={`${id}-server`} className="field-server" label={m.serverLabel} hint={m.serverHint}>
          <input
            id={`${id}-server`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={form.server}
            aria-describedby={`${id}-server-hint`}
            onChange={(e) => update({ server: e.target.value })}
          />
        </TextField>
        <TextField id={`${id}-port`} className="field-port" label={m.portLabel} hint={m.portHint}>
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
        </TextField>
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
  );
}

function TextField({
  id,
  className,
  label,
  hint,
  children,
}: {
  id: string;
  className: string;
  label: string;
  hint: string;
  children: ReactNode;
}) {
  return (
    <div className={`field ${className}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

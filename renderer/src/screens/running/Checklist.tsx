// The live checklist: one line per check as the core reports it, grouped (this computer, mail
// programs, accounts, each server). Each line says its state in words next to the icon.
import type { ProgressItem, ProgressState } from '../../../../src/api';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n';
import { StateIcon } from '../../components/Icons';

export function stateText(m: Messages, s: ProgressState): string {
  return { pending: m.statePending, running: m.stateRunning, ok: m.stateOk, warning: m.stateWarning, error: m.stateError, skipped: m.stateSkipped }[s] ?? s;
}

export function groupTitle(m: Messages, group: string): string {
  if (group === 'system') return m.groupSystem;
  if (group === 'clients') return m.groupClients;
  if (group === 'accounts') return m.groupAccounts;
  const match = /^([a-z0-9]+):\/\/([^/]+)\/?$/i.exec(group);
  if (!match) return group;
  const scheme = match[1].toLowerCase();
  if (scheme.startsWith('smtp')) return m.groupServerOut(match[2]);
  if (scheme.startsWith('imap') || scheme.startsWith('pop3')) return m.groupServerIn(match[2]);
  return m.groupServer(match[2]);
}

export function Checklist({ items }: { items: ProgressItem[] }) {
  const { m, tx } = useI18n();
  const groups: { group: string; items: ProgressItem[] }[] = [];
  for (const item of items) {
    const g = groups.find((x) => x.group === item.group);
    if (g) g.items.push(item);
    else groups.push({ group: item.group, items: [item] });
  }
  return (
    <div className="checklist" role="region" aria-label={m.checklistLabel} aria-live="polite" aria-relevant="additions text">
      {groups.length === 0 && <p className="muted checklist-waiting">{m.checklistWaiting}</p>}
      {groups.map((g) => (
        <section key={g.group} className="check-group">
          <h2 className="check-group-title">{groupTitle(m, g.group)}</h2>
          <ul className="check-lines">
            {g.items.map((item) => (
              <li key={item.id} className={`check-line state-${item.state}`} data-testid="check-line" data-state={item.state}>
                <StateIcon state={item.state} />
                <span className="check-text">
                  <span className="check-label">{tx(item.label)}</span>
                  {item.detail && <span className="check-detail"> — {tx(item.detail)}</span>}
                </span>
                <span className="check-state">{stateText(m, item.state)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

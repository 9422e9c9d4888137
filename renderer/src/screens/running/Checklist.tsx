// The live checklist: one line per check as the core reports it, grouped (this computer, mail
// programs, accounts, each server). Each line says its state in words next to the icon; a line
// in progress says what is being waited for and for how long. The server's own technical words
// (the probe's step details) stay in the technician's view. The list itself is not a live
// region (the seconds would be read out): a separate polite region announces "<check>: <state>"
// each time a check changes state.
import { useEffect, useRef, useState } from 'react';
import type { ProgressItem, ProgressState } from '../../../../src/api';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n';
import { StateIcon } from '../../components/Icons';

export function stateText(m: Messages, s: ProgressState): string {
  return (
    {
      pending: m.statePending,
      running: m.stateRunning,
      ok: m.stateOk,
      warning: m.stateWarning,
      error: m.stateError,
      skipped: m.stateSkipped,
    }[s] ?? s
  );
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

/** A server line (`<url>#dns`, `#connect`, ...): its detail is the probe's technical text. */
const serverLine = (item: ProgressItem) => /#[a-z0-9]+$/.test(item.id) && item.group.includes('://');

/** What a server line in progress waits for, in plain words. */
function waitingFor(m: Messages, item: ProgressItem): string {
  const key = /#([a-z0-9]+)$/.exec(item.id)?.[1];
  if (key === 'connect' && item.step?.step === 'connect' && item.step.status === 'ok') {
    // Connected: an implicit-TLS port (imaps, pop3s, smtps) now waits for the TLS handshake,
    // a STARTTLS one for the server's greeting.
    return /^[a-z0-9]+s:\/\//i.test(item.group) ? m.waitHandshake : m.waitGreeting;
  }
  return (
    (
      {
        dns: m.waitDns,
        connect: m.waitConnect,
        tls12: m.waitTls12,
        certificate: m.waitCertificate,
        simulation: m.waitSimulation,
      } as Record<string, string>
    )[key ?? ''] ?? m.waitGeneric
  );
}

export function Checklist({ items }: { items: ProgressItem[] }) {
  const { m, tx } = useI18n();
  // When each line started running (kept across renders), and a clock ticking while one runs.
  const started = useRef(new Map<string, number>());
  const [now, setNow] = useState(() => Date.now());
  const previous = useRef(new Map<string, ProgressState>());
  const [announcement, setAnnouncement] = useState('');
  for (const item of items) {
    if (item.state === 'running' && !started.current.has(item.id)) started.current.set(item.id, Date.now());
  }
  const anyRunning = items.some((i) => i.state === 'running');
  useEffect(() => {
    if (!anyRunning) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [anyRunning]);
  useEffect(() => {
    const changed: string[] = [];
    for (const item of items) {
      const before = previous.current.get(item.id);
      if (before !== undefined && before !== item.state && item.state !== 'pending') {
        const check = serverLine(item) ? `${tx(item.label)}, ${groupTitle(m, item.group)}` : tx(item.label);
        changed.push(m.announceLine(check, stateText(m, item.state)));
      }
      previous.current.set(item.id, item.state);
    }
    if (changed.length) setAnnouncement(changed.join('. '));
  }, [items, m, tx]);

  const groups: { group: string; items: ProgressItem[] }[] = [];
  for (const item of items) {
    const g = groups.find((x) => x.group === item.group);
    if (g) g.items.push(item);
    else groups.push({ group: item.group, items: [item] });
  }
  return (
    <>
      <div className="checklist" role="region" aria-label={m.checklistLabel}>
        {groups.length === 0 && <p className="muted checklist-waiting">{m.checklistWaiting}</p>}
        {groups.map((g) => (
          <section key={g.group} className="check-group">
            <h2 className="check-group-title">{groupTitle(m, g.group)}</h2>
            <ul className="check-lines">
              {g.items.map((item) => {
                const running = item.state === 'running';
                const since = started.current.get(item.id);
                const seconds = running && since !== undefined ? Math.max(0, Math.floor((now - since) / 1000)) : null;
                const detail = serverLine(item) ? null : item.detail;
                return (
                  <li key={item.id} className={`check-line state-${item.state}`} data-testid="check-line" data-state={item.state}>
                    <StateIcon state={item.state} />
                    <span className="check-text">
                      <span className="check-label">{tx(item.label)}</span>
                      {running && serverLine(item) && <span className="check-detail"> — {waitingFor(m, item)}</span>}
                      {detail && <span className="check-detail"> — {tx(detail)}</span>}
                    </span>
                    <span className="check-state">
                      {stateText(m, item.state)}
                      {seconds !== null && seconds > 0 && <span className="check-elapsed"> · {m.elapsed(seconds)}</span>}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="check-announcer">
        {announcement}
      </p>
    </>
  );
}

// Inline SVG icons (no icon font, no network). Always decorative: the text next to them says
// the same thing, so colour and shape are never the only signal.
import type { ReactElement } from 'react';
import type { ProgressState } from '../../../src/api';
import type { Severity } from '../types';

export type IconName =
  | 'ok'
  | 'warning'
  | 'error'
  | 'info'
  | 'question'
  | 'offline'
  | 'pending'
  | 'running'
  | 'skipped'
  | 'external'
  | 'shield'
  | 'copy'
  | 'save'
  | 'open'
  | 'repeat'
  | 'history'
  | 'todo';

const PATHS: Record<IconName, ReactElement> = {
  ok: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M7 12.5l3.2 3.2L17 9" className="icon-stroke-inv" />
    </>
  ),
  warning: (
    <>
      <path d="M12 2.5L22.5 21h-21z" />
      <path d="M12 9v5.5M12 17.2v.3" className="icon-stroke-inv" />
    </>
  ),
  error: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M8.5 8.5l7 7M15.5 8.5l-7 7" className="icon-stroke-inv" />
    </>
  ),
  info: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M12 11v6M12 7.3v.3" className="icon-stroke-inv" />
    </>
  ),
  question: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M9.2 9.3a2.9 2.9 0 1 1 4.1 2.6c-.8.4-1.3 1-1.3 1.9v.5M12 17.2v.3" className="icon-stroke-inv" />
    </>
  ),
  offline: (
    <>
      <path d="M2.5 9a14 14 0 0 1 19 0M5.5 12.3a9.5 9.5 0 0 1 13 0M8.6 15.5a5 5 0 0 1 6.8 0" className="icon-ring" />
      <circle cx="12" cy="19" r="1.6" />
      <path d="M3.5 3.5l17 17" className="icon-ring" />
    </>
  ),
  repeat: <path d="M4 12a8 8 0 0 1 13.7-5.6L20 8.7M20 4v4.7h-4.7M20 12a8 8 0 0 1-13.7 5.6L4 15.3M4 20v-4.7h4.7" className="icon-ring" />,
  history: <path d="M3.5 12a8.5 8.5 0 1 0 2.5-6L3.5 8.5M3.5 4v4.5H8M12 7.5V12l3 2" className="icon-ring" />,
  todo: <rect x="4.5" y="4.5" width="15" height="15" rx="2" className="icon-ring" />,
  pending: <circle cx="12" cy="12" r="8.5" className="icon-ring" />,
  running: (
    <>
      <circle cx="12" cy="12" r="8.5" className="icon-ring icon-ring-faint" />
      <path d="M12 3.5a8.5 8.5 0 0 1 8.5 8.5" className="icon-ring icon-spin" />
    </>
  ),
  skipped: (
    <>
      <circle cx="12" cy="12" r="8.5" className="icon-ring" />
      <path d="M8 12h8" className="icon-ring" />
    </>
  ),
  external: <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" className="icon-ring" />,
  shield: (
    <>
      <path d="M12 2l8 3v6c0 5-3.4 9.4-8 11-4.6-1.6-8-6-8-11V5z" />
      <path d="M8.5 12l2.5 2.5 4.5-5" className="icon-stroke-inv" />
    </>
  ),
  copy: (
    <>
      <rect x="8" y="8" width="12" height="12" rx="1.5" className="icon-ring" />
      <path d="M16 8V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3" className="icon-ring" />
    </>
  ),
  save: <path d="M12 4v11M7 10l5 5 5-5M5 20h14" className="icon-ring" />,
  open: <path d="M4 6a1 1 0 0 1 1-1h4l2 2h8a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1z" className="icon-ring" />,
};

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={`icon icon-${name}${className ? ` ${className}` : ''}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {PATHS[name]}
    </svg>
  );
}

export function StateIcon({ state }: { state: ProgressState }) {
  const name: IconName =
    state === 'ok'
      ? 'ok'
      : state === 'warning'
        ? 'warning'
        : state === 'error'
          ? 'error'
          : state === 'running'
            ? 'running'
            : state === 'skipped'
              ? 'skipped'
              : 'pending';
  return <Icon name={name} />;
}

export function SeverityIcon({ severity }: { severity: Severity }) {
  return <Icon name={severity === 'ok' ? 'ok' : severity === 'warning' ? 'warning' : severity === 'error' ? 'error' : 'info'} />;
}

// The line under the start button: "nothing to check", or what the app has to say on return
// (a cancelled run, an error).
import { useI18n } from '../../i18n';
import { Icon } from '../../components/Icons';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  detail?: string;
}

export function StartNotice({ nothing, notice }: { nothing: boolean; notice: Notice | null }) {
  const { m } = useI18n();
  return (
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
  );
}

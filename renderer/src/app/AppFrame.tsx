// The frame around every screen: the skip link, the header with the language switch, the bridge
// status, the polite live region (always mounted) that announces the verdict, and the footer
// with the version from the core.
import type { ReactNode } from 'react';
import type { AppInfo, BridgeApi } from '../../../src/api';
import { useI18n } from '../i18n';
import { Icon } from '../components/Icons';
import { BridgeStatus } from '../components/BridgeStatus';

interface Props {
  api: BridgeApi;
  info: AppInfo | null;
  announcement: string;
  children: ReactNode;
}

export function AppFrame({ api, info, announcement, children }: Props) {
  const { m, lang, setLang } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <header className="app-header">
        <div className="brand">
          <Icon name="shield" className="brand-icon" />
          <span className="brand-name">{m.appTitle}</span>
          <span className="brand-sub">{m.appSubtitle}</span>
        </div>
        <button
          type="button"
          className="button button-quiet lang-switch"
          lang={lang === 'it' ? 'en' : 'it'}
          onClick={() => setLang(lang === 'it' ? 'en' : 'it')}
        >
          {m.switchLanguage}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <BridgeStatus api={api} />
        {children}
      </main>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </p>
      <footer className="app-footer">
        <p>{m.footerPrivacy}</p>
        <p data-testid="version">{info ? m.version(info.version) : m.loading}</p>
      </footer>
    </>
  );
}

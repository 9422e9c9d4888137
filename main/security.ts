// The shell's security rules that are data (Electron's own checklist): the CSP header, and
// which URLs count as our app. The window's webPreferences are written literally where the
// window is created (main/main.ts), so Electronegativity reads them itself.
import { CONTENT_SECURITY_POLICY } from '../src/csp';
import { APP_ORIGIN, isAppUrl, RENDERER_INDEX_URL } from './app-protocol';

export { CONTENT_SECURITY_POLICY, APP_ORIGIN, isAppUrl, RENDERER_INDEX_URL };

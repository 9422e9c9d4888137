// The Content-Security-Policy of the UI, in one place: sent as a header by the web bridge and by
// the Electron session, and written as a <meta> tag in renderer/index.html (a test checks the tag
// equals META_CONTENT_SECURITY_POLICY). Only the app's own files; no inline code, no remote data.
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');
// frame-ancestors is honoured only in a header, not in a <meta> tag.
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

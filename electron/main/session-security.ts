import { app, session } from 'electron';
import { isAppUrl } from './app-protocol';

/**
 * App-wide hardening: no permission is ever granted, no <webview>, no pop-ups from any web contents
 * (including the hidden print window).
 */
export function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // Synchronous checks: only clipboard writes from our own pages (copy buttons in the UI).
  ses.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => permission === 'clipboard-sanitized-write' && isAppUrl(requestingOrigin),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

const STORAGE_KEY = 'casebinder.hostToken';

/**
 * The web host is opened at http://127.0.0.1:PORT/#token=TOKEN. Take the token from the hash once,
 * keep it in sessionStorage (survives reloads of this tab only) and remove it from the visible URL.
 */
export function takeHostToken(win: Window = window): string | null {
  const match = /^#token=([^&]+)/.exec(win.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    win.sessionStorage.setItem(STORAGE_KEY, token);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
    return token;
  }
  return win.sessionStorage.getItem(STORAGE_KEY);
}

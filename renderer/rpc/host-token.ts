const STORAGE_KEY = 'casebinder.hostToken';

/**
 * The web host is opened at http://127.0.0.1:PORT/#token=TOKEN. Take the token from the hash, keep it in
 * sessionStorage (survives reloads of this tab only) and remove it from the visible URL.
 */
export function takeHostToken(win: Window): boolean {
  const match = /^#token=([^&]+)/.exec(win.location.hash);
  if (!match?.[1]) return false;
  win.sessionStorage.setItem(STORAGE_KEY, decodeURIComponent(match[1]));
  win.history.replaceState(null, '', win.location.pathname + win.location.search);
  return true;
}

/**
 * Reads the token now and whenever a `#token=` address is opened in this tab again (a pasted address is
 * only a hash change for the browser). Register before the router so it sees the cleaned address.
 */
export function watchHostToken(win: Window): () => string | null {
  takeHostToken(win);
  win.addEventListener('hashchange', () => takeHostToken(win));
  return () => win.sessionStorage.getItem(STORAGE_KEY);
}

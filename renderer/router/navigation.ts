const ROUTE_CHANGE = 'casebinder:route';

/** Go to a hash path such as '/targets/12'. `replace` keeps the history clean for filter changes. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const url = window.location.pathname + window.location.search + '#' + path;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(ROUTE_CHANGE));
}

export function subscribeToRoute(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  window.addEventListener(ROUTE_CHANGE, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(ROUTE_CHANGE, onChange);
  };
}

export function hrefOf(path: string): string {
  return '#' + path;
}

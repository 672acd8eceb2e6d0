import { useMemo, useSyncExternalStore } from 'react';
import { parseHash, type Route } from './routes';
import { subscribeToRoute } from './navigation';

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeToRoute, () => window.location.hash);
  return useMemo(() => parseHash(hash), [hash]);
}

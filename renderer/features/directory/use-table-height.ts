import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/**
 * Body height for a virtual table that fills the window below the page chrome: `chrome` is everything
 * above and below the table body (header, card, filters, pagination) in pixels.
 */
export function useTableHeight(chrome: number, min = 240): number {
  const height = useSyncExternalStore(subscribe, () => window.innerHeight);
  return Math.max(min, height - chrome);
}

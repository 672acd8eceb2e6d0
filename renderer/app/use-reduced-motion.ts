import { useEffect, useState } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';
const mediaQuery = (): MediaQueryList | null => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null);

/**
 * Follows the system's "reduce motion" setting (accessibility; also how the e2e browser asks for a still UI,
 * so a click never lands on a dialog that is still zooming in).
 */
export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => mediaQuery()?.matches ?? false);
  useEffect(() => {
    const media = mediaQuery();
    if (!media) return undefined;
    const onChange = (e: MediaQueryListEvent) => setReduced(e.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

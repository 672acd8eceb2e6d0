import { useEffect, useRef, useState } from 'react';

/**
 * The search box of a list whose filters live in the address: what the user types is committed after a
 * short pause (or at once with Enter), and a query changed from outside (back/forward) replaces the draft.
 */
export function useSearchDraft(query: string, commit: (query: string) => void): { draft: string; setDraft(value: string): void; commitNow(): void } {
  const [draft, setDraft] = useState(query);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  useEffect(() => {
    if (draft.trim() === query) return;
    const timer = setTimeout(() => commitRef.current(draft.trim()), 300);
    return () => clearTimeout(timer);
  }, [draft, query]);

  useEffect(() => {
    setDraft((prev) => (prev.trim() === query ? prev : query));
  }, [query]);

  return { draft, setDraft, commitNow: () => commit(draft.trim()) };
}

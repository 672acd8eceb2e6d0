import { useState } from 'react';
import type { VolumeEntryDto } from '../../../shared/contract/volumes';

/**
 * A draft of the binding order: moves are local until 保存顺序 sends the full list (volumes.reorder).
 * The draft is dropped when the stored order changes under it (another save, an import).
 */
export function useEntryOrder(entries: readonly VolumeEntryDto[]) {
  const storedIds = entries.map((e) => e.id);
  const key = storedIds.join(',');
  const [draft, setDraft] = useState<{ base: string; ids: number[] } | null>(null);
  const ids = draft && draft.base === key ? draft.ids : storedIds;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const ordered = ids.map((id) => byId.get(id)).filter((e): e is VolumeEntryDto => e !== undefined);
  const dirty = ids.join(',') !== key;

  const move = (id: number, delta: -1 | 1): boolean => {
    const at = ids.indexOf(id);
    const to = at + delta;
    if (at < 0 || to < 0 || to >= ids.length) return false;
    const next = [...ids];
    [next[at], next[to]] = [next[to] as number, next[at] as number];
    setDraft({ base: key, ids: next });
    return true;
  };

  return { ordered, ids, dirty, move, reset: () => setDraft(null) };
}

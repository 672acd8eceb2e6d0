import { useState } from 'react';
import type { VolumeEntryDto } from '../../../shared/contract/volumes';

/** `ids` with the item at `from` taken out and put back at `to` (indexes into the original list). */
export function moveItem<T>(ids: readonly T[], from: number, to: number): T[] {
  const next = [...ids];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * A draft of the binding order: moves (↑/↓, Alt+↑/↓, dragging a row) are local until 保存顺序 sends the
 * full list (volumes.reorder). The draft is dropped when the stored order changes under it (another save, an import).
 */
export function useEntryOrder(entries: readonly VolumeEntryDto[]) {
  const storedIds = entries.map((e) => e.id);
  const key = storedIds.join(',');
  const [draft, setDraft] = useState<{ base: string; ids: number[] } | null>(null);
  const ids = draft && draft.base === key ? draft.ids : storedIds;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const ordered = ids.map((id) => byId.get(id)).filter((e): e is VolumeEntryDto => e !== undefined);
  const dirty = ids.join(',') !== key;

  /** Puts entry `id` where entry `overId` is now (a drop); false when nothing moves. */
  const moveTo = (id: number, overId: number): boolean => {
    const from = ids.indexOf(id);
    const to = ids.indexOf(overId);
    if (from < 0 || to < 0 || from === to) return false;
    setDraft({ base: key, ids: moveItem(ids, from, to) });
    return true;
  };

  /** One step up (-1) or down (+1). */
  const move = (id: number, delta: -1 | 1): boolean => {
    const to = ids[ids.indexOf(id) + delta];
    return to !== undefined && moveTo(id, to);
  };

  return { ordered, ids, dirty, move, moveTo, reset: () => setDraft(null) };
}

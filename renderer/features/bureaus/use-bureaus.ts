import { useMemo } from 'react';
import type { BureauDto } from '../../../shared/contract/bureaus';
import { bureauWithin } from '../../../shared/domain/bureau-scope';
import { useRpc } from '../../rpc/use-rpc';

export type BureauDirectory = {
  list: BureauDto[];
  byId: ReadonlyMap<number, BureauDto>;
  nameOf(id: number | null | undefined): string;
  /** Bureaus the given bureau may act on: itself and those below it. */
  within(ancestorId: number): BureauDto[];
  isLoading: boolean;
};

/** bureaus.list rarely changes; one cached copy serves every select and table. */
export function useBureaus(): BureauDirectory {
  const query = useRpc('bureaus.list', {}, { staleTime: 60_000 });
  return useMemo(() => {
    const list = query.data ?? [];
    const byId = new Map(list.map((b) => [b.id, b]));
    return {
      list,
      byId,
      nameOf: (id) => (id == null ? '—' : (byId.get(id)?.name ?? `#${id}`)),
      within: (ancestorId) => list.filter((b) => bureauWithin(byId, b.id, ancestorId)),
      isLoading: query.isLoading,
    };
  }, [query.data, query.isLoading]);
}

export function bureauOptions(bureaus: readonly BureauDto[]): { value: number; label: string }[] {
  return bureaus.map((b) => ({ value: b.id, label: b.name }));
}

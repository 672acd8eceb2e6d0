import { useMemo } from 'react';
import { useRpcMany } from '../../rpc/use-rpc';
import { itemLabel } from './item-labels';

/** Names of inspection items by id (for 分类标注 tags and their history); unknown ids show as #id. */
export function useItemNames(ids: readonly number[]): (id: number) => string {
  const unique = useMemo(() => [...new Set(ids)].sort((a, b) => a - b), [ids]);
  const inputs = useMemo(() => unique.map((id) => ({ id })), [unique]);
  const results = useRpcMany('items.get', inputs, { staleTime: 60_000 });
  const names = new Map<number, string>();
  results.forEach((result, i) => {
    const id = unique[i];
    if (id !== undefined && result.data) names.set(id, itemLabel(result.data));
  });
  return (id: number) => names.get(id) ?? `#${id}`;
}

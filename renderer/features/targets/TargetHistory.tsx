import { useRpc } from '../../rpc/use-rpc';
import { useBureaus } from '../bureaus/use-bureaus';
import { ChangeHistory } from '../directory/ChangeHistory';
import { useItemNames } from '../items/use-item-names';
import { FIELD_LABELS, formatFieldValue } from './target-labels';

export function TargetHistory({ id }: { id: number }) {
  const history = useRpc('targets.history', { id });
  const bureaus = useBureaus();
  const tagIds = (history.data ?? []).flatMap((e) => e.changes.filter((c) => c.field === 'tags').flatMap((c) => [c.before, c.after])).flatMap((v) => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []));
  const itemName = useItemNames(tagIds);
  const format = (field: string, value: unknown) =>
    field === 'tags' && Array.isArray(value) && value.length > 0 ? value.map((id) => itemName(Number(id))).join('、') : formatFieldValue(field, value, bureaus.nameOf);
  return <ChangeHistory testId="target-history" entries={history.data} loading={history.isLoading} error={history.error} labels={FIELD_LABELS} format={format} />;
}

import type { ItemDto } from '../../../shared/contract/items';
import { useBureaus } from '../bureaus/use-bureaus';
import { RecordFields } from '../directory/RecordFields';
import { versionStamp } from '../directory/version-stamp';
import { formatItemValue, ITEM_FIELD_LABELS } from './item-labels';

const WIDE = new Set(['name', 'targetScope', 'basis', 'content', 'ratioNote', 'remark', 'retiredReason', 'category']);

export function ItemFields({ item }: { item: ItemDto }) {
  const bureaus = useBureaus();
  const fields = Object.keys(ITEM_FIELD_LABELS).filter((f) => f !== 'retiredReason' || item.status === 'retired') as (keyof ItemDto)[];
  return (
    <RecordFields
      testId="item"
      fields={fields}
      label={(field) => ITEM_FIELD_LABELS[field]}
      wide={(field) => WIDE.has(field)}
      valueProps={() => ({ style: { whiteSpace: 'pre-wrap' } })}
      value={(field) => formatItemValue(field, item[field], bureaus.nameOf)}
      trailing={[{ key: 'updatedAt', label: '更新时间', children: versionStamp(item), span: 'filled' }]}
    />
  );
}

import { Descriptions } from 'antd';
import dayjs from 'dayjs';
import type { ItemDto } from '../../../shared/contract/items';
import { useBureaus } from '../bureaus/use-bureaus';
import { formatItemValue, ITEM_FIELD_LABELS } from './item-labels';

const WIDE = new Set(['name', 'targetScope', 'basis', 'content', 'ratioNote', 'remark', 'retiredReason', 'category']);

export function ItemFields({ item }: { item: ItemDto }) {
  const bureaus = useBureaus();
  const fields = Object.keys(ITEM_FIELD_LABELS).filter((f) => f !== 'retiredReason' || item.status === 'retired') as (keyof ItemDto)[];
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="item-fields"
      items={[
        ...fields.map((field) => ({
          key: field,
          label: ITEM_FIELD_LABELS[field],
          span: WIDE.has(field) ? ('filled' as const) : undefined,
          children: (
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid={`item-value-${field}`}>
              {formatItemValue(field, item[field], bureaus.nameOf)}
            </span>
          ),
        })),
        { key: 'updatedAt', label: '更新时间', children: `${dayjs(item.updatedAt).format('YYYY-MM-DD HH:mm:ss')}（第 ${item.version} 版）`, span: 'filled' as const },
      ]}
    />
  );
}

import { Select, Space } from 'antd';
import { ITEM_CLASSES, ITEM_CLASS_LABELS, ITEM_LEVELS, ITEM_LEVEL_LABELS, ITEM_STATUSES, ITEM_STATUS_LABELS } from '../../../shared/domain/items';
import { useRpc } from '../../rpc/use-rpc';
import { BureauFilter } from '../directory/BureauFilter';
import { SearchBox } from '../directory/SearchBox';
import type { ItemListState } from './item-list-params';

type Props = { state: ItemListState; onChange(patch: Partial<ItemListState>): void };

export function ItemFilterBar({ state, onChange }: Props) {
  const lines = useRpc('items.businessLines', { bureauId: state.bureauId, level: state.level }, { staleTime: 30_000 });
  const lineNames = [...new Set((lines.data ?? []).map((l) => l.businessLine))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <SearchBox query={state.query} onSearch={(query) => onChange({ query })} placeholder="搜索抽查事项、类别或编码" testId="items-search" />
      <BureauFilter value={state.bureauId} onChange={(bureauId) => onChange({ bureauId })} testId="items-bureau-filter" width={230} />
      <Select
        value={state.level ?? ''}
        onChange={(level: ItemListState['level'] | '') => onChange({ level: level || undefined })}
        style={{ width: 120 }}
        options={[{ value: '', label: '全部层级' }, ...ITEM_LEVELS.map((l) => ({ value: l, label: ITEM_LEVEL_LABELS[l] }))]}
        data-testid="items-level-filter"
        aria-label="层级"
      />
      <Select
        value={state.businessLine ?? ''}
        onChange={(line: string) => onChange({ businessLine: line || undefined })}
        style={{ width: 150 }}
        showSearch={{ optionFilterProp: 'label' }}
        options={[{ value: '', label: '全部业务条线' }, ...lineNames.map((l) => ({ value: l, label: l }))]}
        data-testid="items-line-filter"
        aria-label="业务条线"
      />
      <Select
        value={state.itemClass ?? ''}
        onChange={(itemClass: ItemListState['itemClass'] | '') => onChange({ itemClass: itemClass || undefined })}
        style={{ width: 150 }}
        options={[{ value: '', label: '全部事项类别' }, ...ITEM_CLASSES.map((c) => ({ value: c, label: ITEM_CLASS_LABELS[c] }))]}
        data-testid="items-class-filter"
        aria-label="事项类别"
      />
      <Select
        value={state.status ?? ''}
        onChange={(status: ItemListState['status'] | '') => onChange({ status: status || undefined })}
        style={{ width: 120 }}
        options={[{ value: '', label: '全部状态' }, ...ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] }))]}
        data-testid="items-status-filter"
        aria-label="状态"
      />
    </Space>
  );
}

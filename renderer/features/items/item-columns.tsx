import { Tag, type TableColumnsType } from 'antd';
import type { ItemDto } from '../../../shared/contract/items';
import { ITEM_CLASS_LABELS, ITEM_LEVEL_LABELS, ITEM_STATUS_LABELS } from '../../../shared/domain/items';
import { methodsText } from './item-labels';

export function itemColumns(bureauName: (id: number) => string): TableColumnsType<ItemDto> {
  return [
    { title: '序号', dataIndex: 'seq', width: 60, render: (seq: number | null) => seq ?? '—' },
    { title: '抽查类别', dataIndex: 'category', width: 150, ellipsis: true },
    { title: '抽查事项', dataIndex: 'name', width: 220, ellipsis: true, render: (name: string) => <span data-testid="item-name">{name}</span> },
    {
      title: '事项类别',
      dataIndex: 'itemClass',
      width: 110,
      render: (c: ItemDto['itemClass']) => <Tag color={c === 'key' ? 'volcano' : 'default'}>{ITEM_CLASS_LABELS[c]}</Tag>,
    },
    { title: '检查方式', dataIndex: 'methods', width: 170, ellipsis: true, render: (m: ItemDto['methods']) => methodsText(m) },
    { title: '业务条线', dataIndex: 'businessLine', width: 100, ellipsis: true },
    { title: '层级', dataIndex: 'level', width: 70, render: (l: ItemDto['level']) => ITEM_LEVEL_LABELS[l] },
    { title: '单位', dataIndex: 'bureauId', width: 170, ellipsis: true, render: (id: number) => bureauName(id) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 70,
      render: (s: ItemDto['status']) => (s === 'active' ? ITEM_STATUS_LABELS[s] : <Tag>{ITEM_STATUS_LABELS[s]}</Tag>),
    },
  ];
}

import type { ItemDto } from '../../../shared/contract/items';
import { CUSTODY_RULE_LABELS, INSPECTION_METHOD_LABELS, ITEM_CLASS_LABELS, ITEM_LEVEL_LABELS, ITEM_STATUS_LABELS } from '../../../shared/domain/items';

/** Field labels in display order (detail drawer, change history). */
export const ITEM_FIELD_LABELS: Record<string, string> = {
  seq: '序号',
  code: '事项编码',
  category: '抽查类别',
  name: '抽查事项',
  targetScope: '检查对象',
  itemClass: '事项类别',
  methods: '检查方式',
  subject: '检查主体',
  custodyRule: '管辖规则',
  basis: '检查依据',
  content: '抽查内容',
  ratioNote: '抽查比例及频次',
  businessLine: '业务条线',
  level: '层级',
  bureauId: '单位',
  status: '状态',
  retiredReason: '停用原因',
  remark: '备注',
  firstVersion: '首次列入清单版本',
  lastVersion: '最近变更清单版本',
};

function lookup(labels: Record<string, string>, value: unknown): string {
  return typeof value === 'string' ? (labels[value] ?? value) : '—';
}

export function methodsText(methods: readonly string[]): string {
  return methods.length === 0 ? '—' : methods.map((m) => lookup(INSPECTION_METHOD_LABELS, m)).join('、');
}

/** Human text for one item field value. */
export function formatItemValue(field: string, value: unknown, bureauName: (id: number) => string): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  switch (field) {
    case 'level':
      return lookup(ITEM_LEVEL_LABELS, value);
    case 'itemClass':
      return lookup(ITEM_CLASS_LABELS, value);
    case 'custodyRule':
      return lookup(CUSTODY_RULE_LABELS, value);
    case 'status':
      return lookup(ITEM_STATUS_LABELS, value);
    case 'methods':
      return Array.isArray(value) ? methodsText(value.map(String)) : String(value);
    case 'bureauId':
      return typeof value === 'number' ? bureauName(value) : String(value);
    case 'firstVersion':
    case 'lastVersion':
      return `第 ${String(value)} 版`;
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  }
}

/** How an item is named in pickers and tags: 抽查事项（业务条线）. */
export function itemLabel(item: Pick<ItemDto, 'name' | 'businessLine'>): string {
  return `${item.name}（${item.businessLine}）`;
}

import type { ItemFilterInput, ItemListInput } from '../../../shared/contract/items';
import { ITEM_CLASSES, ITEM_LEVELS, ITEM_STATUSES, type ItemClass, type ItemLevel, type ItemStatus } from '../../../shared/domain/items';
import { oneOf, pathWith, positiveInt, readPaging, text, type Paging } from '../directory/list-params';

export type ItemListState = Paging & {
  query: string;
  bureauId?: number;
  level?: ItemLevel;
  businessLine?: string;
  itemClass?: ItemClass;
  status?: ItemStatus;
};

export function readItemListState(params: URLSearchParams): ItemListState {
  return {
    query: params.get('q') ?? '',
    bureauId: positiveInt(params.get('bureau')),
    level: oneOf(ITEM_LEVELS, params.get('level')),
    businessLine: text(params.get('line')),
    itemClass: oneOf(ITEM_CLASSES, params.get('class')),
    status: oneOf(ITEM_STATUSES, params.get('status')),
    ...readPaging(params),
  };
}

export function itemListPath(s: ItemListState): string {
  return pathWith('/items', { q: s.query, bureau: s.bureauId, level: s.level, line: s.businessLine, class: s.itemClass, status: s.status }, s);
}

export function toItemFilterInput(s: ItemListState): ItemFilterInput {
  return { query: s.query.trim() || undefined, bureauId: s.bureauId, level: s.level, businessLine: s.businessLine, itemClass: s.itemClass, status: s.status };
}

export function toItemListInput(s: ItemListState): ItemListInput {
  return { ...toItemFilterInput(s), page: s.page, pageSize: s.pageSize };
}

import { EntitySchema } from 'typeorm';

/** Row shapes of `items` and `item_list_versions` (migration 0003), camelCase as selected by selectColumns. */
export type ItemRow = {
  id: number;
  bureauId: number;
  level: string;
  businessLine: string;
  code: string;
  seq: number | null;
  category: string;
  name: string;
  targetScope: string | null;
  itemClass: string;
  /** JSON array of method codes. */
  methods: string;
  subject: string | null;
  basis: string | null;
  content: string | null;
  ratioNote: string | null;
  remark: string | null;
  custodyRule: string;
  status: string;
  retiredReason: string | null;
  firstVersion: number;
  lastVersion: number;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type ItemListVersionRow = {
  id: number;
  bureauId: number;
  level: string;
  businessLine: string;
  version: number;
  source: string;
  itemCount: number;
  createdBy: number | null;
  createdAt: string;
};

const text = (name?: string, nullable = false) => ({ type: 'text' as const, nullable, ...(name ? { name } : {}) });
const int = (name?: string, nullable = false) => ({ type: 'integer' as const, nullable, ...(name ? { name } : {}) });

export const ItemEntity = new EntitySchema<ItemRow>({
  name: 'Item',
  tableName: 'items',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    bureauId: int('bureau_id'),
    level: text(),
    businessLine: text('business_line'),
    code: text(),
    seq: int(undefined, true),
    category: text(),
    name: text(),
    targetScope: text('target_scope', true),
    itemClass: text('item_class'),
    methods: text(),
    subject: text(undefined, true),
    basis: text(undefined, true),
    content: text(undefined, true),
    ratioNote: text('ratio_note', true),
    remark: text(undefined, true),
    custodyRule: text('custody_rule'),
    status: text(),
    retiredReason: text('retired_reason', true),
    firstVersion: int('first_version'),
    lastVersion: int('last_version'),
    version: int(),
    createdAt: text('created_at'),
    updatedAt: text('updated_at'),
  },
});

export const ItemListVersionEntity = new EntitySchema<ItemListVersionRow>({
  name: 'ItemListVersion',
  tableName: 'item_list_versions',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    bureauId: int('bureau_id'),
    level: text(),
    businessLine: text('business_line'),
    version: int(),
    source: text(),
    itemCount: int('item_count'),
    createdBy: int('created_by', true),
    createdAt: text('created_at'),
  },
});

import type { ItemCreateInput, ItemDto, ItemUpdateInput } from '../../../shared/contract';
import { itemCodeFrom, MANUAL_LIST_SOURCE, normaliseBusinessLine, normaliseItemCode, sortMethods, type ItemLevel } from '../../../shared/domain/items';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import type { ItemRow } from './item-entity';
import {
  countItemReferences,
  deleteItem,
  findItem,
  findItemByCode,
  insertItem,
  itemSnapshot,
  itemToDto,
  listBusinessLines,
  listItems,
  listVersions,
  nextListVersion,
  retireItem,
  sameItemFields,
  updateItem,
  writeListVersion,
  type ItemFieldValues,
  type ItemListFilter,
  type ItemListKey,
} from './item-repository';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService };

type FieldInput = Omit<ItemUpdateInput, 'id' | 'expectedVersion'>;

const blank = (v: string | null | undefined) => (v != null && v.trim() !== '' ? v.trim() : null);

/** Form input → stored field values: code derived when empty, empty texts null, methods in canonical order. */
export function normaliseItemFields(input: FieldInput): ItemFieldValues {
  const given = input.code ? normaliseItemCode(input.code) : '';
  return {
    code: given !== '' ? given : itemCodeFrom(input.category, input.name),
    seq: input.seq ?? null,
    category: input.category.trim(),
    name: input.name.trim(),
    targetScope: blank(input.targetScope),
    itemClass: input.itemClass,
    methods: sortMethods(input.methods),
    subject: blank(input.subject),
    basis: blank(input.basis),
    content: blank(input.content),
    ratioNote: blank(input.ratioNote),
    remark: blank(input.remark),
    custodyRule: input.custodyRule,
  };
}

const listOf = (r: ItemRow): ItemListKey => ({ bureauId: r.bureauId, level: r.level as ItemLevel, businessLine: r.businessLine });

/**
 * 随机抽查事项清单 maintained by hand: every change is audited and makes a new version of its list
 * (source 手工维护). Items are retired, not deleted, once anything references them.
 */
export function createItemService({ db, clock, audit, bureaus }: Deps) {
  /** Run a manual change of one list: it gets the list's next version number and records that version after. */
  async function changeList<T>(tx: Tx, actor: AuditActor, list: ItemListKey, change: (listVersion: number, now: string) => Promise<T>): Promise<T> {
    const listVersion = await nextListVersion(tx, list);
    const now = clock.now().toISOString();
    const result = await change(listVersion, now);
    await writeListVersion(tx, list, listVersion, { source: MANUAL_LIST_SOURCE, createdBy: actor.userId, now });
    return result;
  }

  async function assertCodeFree(tx: Tx, list: ItemListKey, code: string, exceptId: number) {
    const existing = await findItemByCode(tx, list, code);
    if (existing && existing.id !== exceptId) throw new AppError('ITEM_DUPLICATE', { field: 'code', existingId: existing.id, status: existing.status });
  }

  async function load(tx: Tx, id: number, assertBureau: (bureauId: number) => void): Promise<ItemRow> {
    const row = await findItem(tx, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'item', id });
    assertBureau(row.bureauId);
    return row;
  }

  async function create(actor: AuditActor, input: ItemCreateInput): Promise<ItemDto> {
    const bureau = bureaus.get(input.bureauId);
    const list: ItemListKey = { bureauId: bureau.id, level: input.level ?? bureau.level, businessLine: normaliseBusinessLine(input.businessLine) };
    const fields = normaliseItemFields(input);
    return db.write(async (tx) => {
      await assertCodeFree(tx, list, fields.code, 0);
      return changeList(tx, actor, list, async (listVersion, now) => {
        const row = await insertItem(tx, list, fields, listVersion, now);
        await audit.record(tx, { actor, action: 'items.create', entity: 'item', entityId: row.id, after: itemSnapshot(row), detail: { listVersion } });
        return itemToDto(row);
      });
    });
  }

  async function update(actor: AuditActor, input: ItemUpdateInput, assertBureau: (bureauId: number) => void): Promise<ItemDto> {
    const fields = normaliseItemFields(input);
    return db.write(async (tx) => {
      const before = await load(tx, input.id, assertBureau);
      if (before.version !== input.expectedVersion) throw new AppError('ITEM_VERSION_CONFLICT', { current: before.version });
      if (before.status === 'retired') throw new AppError('ITEM_RETIRED', { id: before.id });
      if (sameItemFields(before, fields)) return itemToDto(before);
      const list = listOf(before);
      await assertCodeFree(tx, list, fields.code, before.id);
      return changeList(tx, actor, list, async (listVersion, now) => {
        const row = await updateItem(tx, before.id, fields, listVersion, now);
        await audit.record(tx, { actor, action: 'items.update', entity: 'item', entityId: row.id, after: itemSnapshot(row), detail: { listVersion } });
        return itemToDto(row);
      });
    });
  }

  async function retire(actor: AuditActor, input: { id: number; reason: string }, assertBureau: (bureauId: number) => void): Promise<ItemDto> {
    return db.write(async (tx) => {
      const before = await load(tx, input.id, assertBureau);
      if (before.status === 'retired') throw new AppError('ITEM_RETIRED', { id: before.id });
      return changeList(tx, actor, listOf(before), async (listVersion, now) => {
        const row = await retireItem(tx, before.id, input.reason.trim(), listVersion, now);
        await audit.record(tx, { actor, action: 'items.retire', entity: 'item', entityId: row.id, after: itemSnapshot(row), detail: { listVersion } });
        return itemToDto(row);
      });
    });
  }

  /** Only for an item nothing references (a mistake); a retired item leaves the active list unchanged. */
  async function remove(actor: AuditActor, id: number, assertBureau: (bureauId: number) => void): Promise<{ ok: true }> {
    return db.write(async (tx) => {
      const before = await load(tx, id, assertBureau);
      const references = await countItemReferences(tx, id);
      if (references > 0) throw new AppError('ITEM_IN_USE', { id, references });
      const drop = async (listVersion?: number) => {
        await deleteItem(tx, id);
        await audit.record(tx, { actor, action: 'items.delete', entity: 'item', entityId: id, after: null, detail: { code: before.code, ...(listVersion ? { listVersion } : {}) } });
        return { ok: true as const };
      };
      return before.status === 'active' ? changeList(tx, actor, listOf(before), (listVersion) => drop(listVersion)) : drop();
    });
  }

  async function get(id: number): Promise<ItemDto> {
    const row = await findItem(db, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'item', id });
    return itemToDto(row);
  }

  async function list(filter: ItemListFilter) {
    const { rows, total } = await listItems(db, filter.businessLine ? { ...filter, businessLine: normaliseBusinessLine(filter.businessLine) } : filter);
    return { items: rows.map(itemToDto), total, page: filter.page, pageSize: filter.pageSize };
  }

  return {
    create,
    update,
    retire,
    remove,
    get,
    list,
    versions: (list: ItemListKey) => listVersions(db, { ...list, businessLine: normaliseBusinessLine(list.businessLine) }),
    businessLines: (filter: { bureauIds: number[]; level?: ItemLevel }) => listBusinessLines(db, filter),
    history: (id: number) => audit.history('item', id),
  };
}

export type ItemService = ReturnType<typeof createItemService>;

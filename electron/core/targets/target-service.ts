import type { TargetCreateInput, TargetDto, TargetFilterInput, TargetUpdateInput } from '../../../shared/contract';
import { nameBigrams } from '../../../shared/domain/bigrams';
import { checkUscc } from '../../../shared/domain/uscc';
import { kindNeedsCreditCode } from '../../../shared/domain/targets';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { findTarget, findTargetIdBy, listTargets, targetSnapshot, targetToDto } from './target-repository';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService };

export type NormalisedCodes = {
  kind: TargetCreateInput['kind'];
  creditCode: string | null;
  identifier: string | null;
  description: string | null;
  warnings: string[];
};

/** Validate codes per subject kind (GB 32100 for market subjects; identifier + description otherwise). */
export function normaliseTargetCodes(input: Pick<TargetCreateInput, 'kind' | 'creditCode' | 'identifier' | 'description'>): NormalisedCodes {
  const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null);
  if (kindNeedsCreditCode(input.kind)) {
    const raw = blank(input.creditCode);
    if (!raw) throw new AppError('TARGET_CODE_REQUIRED', { field: 'creditCode' });
    const check = checkUscc(raw);
    if (!check.ok) throw new AppError(check.code, { field: 'creditCode', ...(check.expected ? { expected: check.expected } : {}) });
    return { kind: input.kind, creditCode: check.normalized, identifier: null, description: blank(input.description), warnings: check.warnings };
  }
  const identifier = blank(input.identifier);
  const description = blank(input.description);
  if (!identifier) throw new AppError('TARGET_IDENTIFIER_REQUIRED', { field: 'identifier' });
  if (!description) throw new AppError('TARGET_IDENTIFIER_REQUIRED', { field: 'description' });
  return { kind: input.kind, creditCode: null, identifier, description, warnings: [] };
}

/** Column order shared by single and bulk writes. */
export const TARGET_WRITE_COLUMNS = [
  'kind', 'credit_code', 'identifier', 'description', 'name', 'legal_rep', 'address', 'registration_bureau_id',
  'territorial_bureau_id', 'industry', 'risk_level', 'credit_class', 'reg_status', 'warnings', 'name_bigrams',
] as const;

export function targetWriteValues(input: Omit<TargetCreateInput, 'kind' | 'creditCode' | 'identifier' | 'description'>, codes: NormalisedCodes): unknown[] {
  return [
    codes.kind, codes.creditCode, codes.identifier, codes.description, input.name, input.legalRep ?? null, input.address ?? null,
    input.registrationBureauId ?? null, input.territorialBureauId, input.industry ?? null, input.riskLevel ?? null,
    input.creditClass ?? null, input.regStatus ?? 'active', JSON.stringify(codes.warnings), nameBigrams(input.name),
  ];
}

/** 检查对象名录库: create, edit (optimistic version), view, search, tags; every change audited. */
export function createTargetService({ db, clock, audit, bureaus }: Deps) {
  function checkBureaus(input: Pick<TargetCreateInput, 'territorialBureauId' | 'registrationBureauId'>) {
    if (!bureaus.exists(input.territorialBureauId)) throw new AppError('BUREAU_NOT_FOUND', { field: 'territorialBureauId' });
    if (input.registrationBureauId != null && !bureaus.exists(input.registrationBureauId)) throw new AppError('BUREAU_NOT_FOUND', { field: 'registrationBureauId' });
  }

  async function assertUnique(codes: NormalisedCodes, exceptId: number) {
    const [column, value, field] = codes.creditCode ? (['credit_code', codes.creditCode, 'creditCode'] as const) : (['identifier', codes.identifier ?? '', 'identifier'] as const);
    const existingId = await findTargetIdBy(db, column, value, exceptId);
    if (existingId) throw new AppError('TARGET_DUPLICATE', { field, existingId });
  }

  async function recordAndRead(tx: Tx, actor: AuditActor, action: string, id: number): Promise<TargetDto> {
    const found = await findTarget(tx, id);
    if (!found) throw new AppError('NOT_FOUND', { entity: 'target', id });
    await audit.record(tx, { actor, action, entity: 'target', entityId: id, after: targetSnapshot(found.row, found.tags) });
    return targetToDto(found.row, found.tags);
  }

  async function create(actor: AuditActor, input: TargetCreateInput): Promise<TargetDto> {
    const codes = normaliseTargetCodes(input);
    checkBureaus(input);
    await assertUnique(codes, 0);
    const now = clock.now().toISOString();
    return db
      .write(async (tx) => {
        const { lastId } = await tx.run(
          `INSERT INTO targets (${TARGET_WRITE_COLUMNS.join(', ')}, created_at, updated_at) VALUES (${TARGET_WRITE_COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
          [...targetWriteValues(input, codes), now, now],
        );
        return recordAndRead(tx, actor, 'targets.create', lastId);
      })
      .catch(mapUniqueViolation(codes));
  }

  async function update(actor: AuditActor, input: TargetUpdateInput, assertBureau: (id: number) => void): Promise<TargetDto> {
    const codes = normaliseTargetCodes(input);
    checkBureaus(input);
    await assertUnique(codes, input.id);
    return db
      .write(async (tx) => {
        const before = await findTarget(tx, input.id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'target', id: input.id });
        assertBureau(before.row.territorialBureauId);
        if (before.row.version !== input.expectedVersion) throw new AppError('TARGET_VERSION_CONFLICT', { current: before.row.version });
        await tx.run(
          `UPDATE targets SET ${TARGET_WRITE_COLUMNS.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`,
          [...targetWriteValues(input, codes), clock.now().toISOString(), input.id],
        );
        return recordAndRead(tx, actor, 'targets.update', input.id);
      })
      .catch(mapUniqueViolation(codes));
  }

  /** Tags name inspection items that exist and are not retired. */
  async function assertItems(itemIds: number[]): Promise<void> {
    const unique = [...new Set(itemIds)];
    if (unique.length === 0) return;
    const found = await db.all<{ id: number }>(`SELECT id FROM items WHERE status = 'active' AND id IN (${unique.map(() => '?').join(',')})`, unique);
    const missing = unique.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0) throw new AppError('NOT_FOUND', { field: 'itemIds', missing });
  }

  async function setTags(actor: AuditActor, id: number, itemIds: number[], assertBureau: (id: number) => void): Promise<TargetDto> {
    await assertItems(itemIds);
    return db.write(async (tx) => {
      const before = await findTarget(tx, id);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'target', id });
      assertBureau(before.row.territorialBureauId);
      await tx.run('DELETE FROM target_item_tags WHERE target_id = ?', [id]);
      for (const itemId of new Set(itemIds)) await tx.run('INSERT INTO target_item_tags (target_id, item_id) VALUES (?, ?)', [id, itemId]);
      await tx.run('UPDATE targets SET version = version + 1, updated_at = ? WHERE id = ?', [clock.now().toISOString(), id]);
      return recordAndRead(tx, actor, 'targets.setTags', id);
    });
  }

  async function get(id: number): Promise<TargetDto> {
    const found = await findTarget(db, id);
    if (!found) throw new AppError('NOT_FOUND', { entity: 'target', id });
    return targetToDto(found.row, found.tags);
  }

  async function list(filter: Omit<TargetFilterInput, 'bureauId'> & { bureauIds: number[]; page: number; pageSize: number }) {
    const { rows, tags, total, totalCapped } = await listTargets(db, filter);
    return { items: rows.map((r) => targetToDto(r, tags.get(r.id) ?? [])), total, totalCapped, page: filter.page, pageSize: filter.pageSize };
  }

  async function industries(bureauIds: number[]) {
    return db.all<{ industry: string; count: number }>(
      `SELECT industry, COUNT(*) AS count FROM targets WHERE territorial_bureau_id IN (${bureauIds.map(() => '?').join(',')}) AND industry IS NOT NULL AND industry <> '' GROUP BY industry ORDER BY count DESC LIMIT 500`,
      bureauIds,
    );
  }

  return { create, update, setTags, assertItems, get, list, industries, history: (id: number) => audit.history('target', id) };
}

/** A concurrent insert of the same code loses the race at the unique index: still TARGET_DUPLICATE. */
function mapUniqueViolation(codes: NormalisedCodes) {
  return (error: unknown): never => {
    if (/UNIQUE constraint failed: targets\./.test(String((error as Error)?.message))) {
      throw new AppError('TARGET_DUPLICATE', { field: codes.creditCode ? 'creditCode' : 'identifier' }, { cause: error });
    }
    throw error;
  };
}

export type TargetService = ReturnType<typeof createTargetService>;

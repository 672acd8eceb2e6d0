import type { TargetCreateInput, TargetDto, TargetUpdateInput } from '../../../shared/contract';
import { checkUscc } from '../../../shared/domain/uscc';
import { kindNeedsCreditCode } from '../../../shared/domain/targets';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database } from '../db/database';
import type { TargetRow } from '../db/entities';
import { findTarget, findTargetIdBy, listTargets, targetSnapshot, targetToDto } from './target-repository';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService };

type Normalised = {
  kind: TargetCreateInput['kind'];
  creditCode: string | null;
  identifier: string | null;
  description: string | null;
  warnings: string[];
};

/** Validate codes per subject kind (GB 32100 for market subjects; identifier + description otherwise). */
export function normaliseTargetCodes(input: Pick<TargetCreateInput, 'kind' | 'creditCode' | 'identifier' | 'description'>): Normalised {
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

/** 检查对象名录库: create, edit (optimistic version), view, search; every change audited. */
export function createTargetService({ db, clock, audit, bureaus }: Deps) {
  function checkBureaus(input: Pick<TargetCreateInput, 'territorialBureauId' | 'registrationBureauId'>) {
    if (!bureaus.exists(input.territorialBureauId)) throw new AppError('BUREAU_NOT_FOUND', { field: 'territorialBureauId' });
    if (input.registrationBureauId != null && !bureaus.exists(input.registrationBureauId)) throw new AppError('BUREAU_NOT_FOUND', { field: 'registrationBureauId' });
  }

  async function assertUnique(codes: Normalised, exceptId: number) {
    const [column, value, field] = codes.creditCode ? (['credit_code', codes.creditCode, 'creditCode'] as const) : (['identifier', codes.identifier ?? '', 'identifier'] as const);
    const existingId = await findTargetIdBy(db, column, value, exceptId);
    if (existingId) throw new AppError('TARGET_DUPLICATE', { field, existingId });
  }

  function values(input: TargetCreateInput, codes: Normalised) {
    return [
      codes.kind, codes.creditCode, codes.identifier, codes.description, input.name, input.legalRep ?? null, input.address ?? null,
      input.registrationBureauId ?? null, input.territorialBureauId, input.industry ?? null, input.riskLevel ?? null,
      input.creditClass ?? null, input.regStatus, JSON.stringify(codes.warnings),
    ];
  }

  async function create(actor: AuditActor, input: TargetCreateInput): Promise<TargetDto> {
    const codes = normaliseTargetCodes(input);
    checkBureaus(input);
    await assertUnique(codes, 0);
    const now = clock.now().toISOString();
    return db.write(async (tx) => {
      const { lastId } = await tx.run(
        `INSERT INTO targets (kind, credit_code, identifier, description, name, legal_rep, address, registration_bureau_id,
           territorial_bureau_id, industry, risk_level, credit_class, reg_status, warnings, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [...values(input, codes), now, now],
      );
      const row = (await findTarget(tx, lastId)) as TargetRow;
      await audit.record(tx, { actor, action: 'targets.create', entity: 'target', entityId: lastId, after: targetSnapshot(row) });
      return targetToDto(row);
    }).catch(mapUniqueViolation(codes));
  }

  async function update(actor: AuditActor, input: TargetUpdateInput, assertBureau: (id: number) => void): Promise<TargetDto> {
    const codes = normaliseTargetCodes(input);
    checkBureaus(input);
    await assertUnique(codes, input.id);
    return db.write(async (tx) => {
      const before = await findTarget(tx, input.id);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'target', id: input.id });
      assertBureau(before.territorialBureauId);
      if (before.version !== input.expectedVersion) throw new AppError('TARGET_VERSION_CONFLICT', { current: before.version });
      await tx.run(
        `UPDATE targets SET kind = ?, credit_code = ?, identifier = ?, description = ?, name = ?, legal_rep = ?, address = ?,
           registration_bureau_id = ?, territorial_bureau_id = ?, industry = ?, risk_level = ?, credit_class = ?, reg_status = ?,
           warnings = ?, version = version + 1, updated_at = ? WHERE id = ?`,
        [...values(input, codes), clock.now().toISOString(), input.id],
      );
      const after = (await findTarget(tx, input.id)) as TargetRow;
      await audit.record(tx, { actor, action: 'targets.update', entity: 'target', entityId: input.id, after: targetSnapshot(after) });
      return targetToDto(after);
    }).catch(mapUniqueViolation(codes));
  }

  async function get(id: number): Promise<TargetDto> {
    const row = await findTarget(db, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'target', id });
    return targetToDto(row);
  }

  async function list(filter: { bureauIds: number[]; query?: string; kind?: string; page: number; pageSize: number }) {
    const { rows, total } = await listTargets(db, filter);
    return { items: rows.map(targetToDto), total, page: filter.page, pageSize: filter.pageSize };
  }

  return { create, update, get, list, history: (id: number) => audit.history('target', id) };
}

/** A concurrent insert of the same code loses the race at the unique index: still TARGET_DUPLICATE. */
function mapUniqueViolation(codes: Normalised) {
  return (error: unknown): never => {
    if (/UNIQUE constraint failed: targets\./.test(String((error as Error)?.message))) {
      throw new AppError('TARGET_DUPLICATE', { field: codes.creditCode ? 'creditCode' : 'identifier' }, { cause: error });
    }
    throw error;
  };
}

export type TargetService = ReturnType<typeof createTargetService>;

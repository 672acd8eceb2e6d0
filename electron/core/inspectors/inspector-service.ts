import type { AbsenceAddInput, AbsenceDto, InspectorCreateInput, InspectorDetailDto, InspectorDto, InspectorUpdateInput } from '../../../shared/contract';
import { periodsOverlap } from '../../../shared/domain/dates';
import { checkInspectorFields, cleanTags, normaliseCertNo, normaliseIdSuffix, normalisePhone, type InspectorStatus } from '../../../shared/domain/inspectors';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import {
  absenceToDto,
  findAbsence,
  findInspector,
  findInspectorByCert,
  findInspectorIdByUser,
  insertInspector,
  inspectorToDto,
  inspectorValues,
  listAbsences,
  listInspectors,
  loadInspectorSnapshot,
  updateInspector,
  type InspectorFilter,
  type InspectorValues,
} from './inspector-repository';
import type { AbsenceRow } from './inspector-entities';
import type { RecusalService } from './recusal-service';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService; recusals: RecusalService };

/** A caller-supplied check that a bureau lies within the caller's scope (throws FORBIDDEN). */
export type AssertBureau = (bureauId: number) => void;

const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null);

/** Form input → normalised values; the first semantic problem is thrown with its field. */
export function normaliseInspectorInput(input: InspectorCreateInput): InspectorValues {
  const certNo = normaliseCertNo(input.certNo);
  const values: InspectorValues = {
    bureauId: input.bureauId,
    name: input.name.trim(),
    gender: input.gender ?? null,
    idSuffix: normaliseIdSuffix(input.idSuffix),
    certNo,
    certValidFrom: input.certValidFrom ?? null,
    certValidTo: input.certValidTo ?? null,
    enforcementQualified: input.enforcementQualified ?? certNo !== null,
    businessLines: cleanTags(input.businessLines),
    expertise: cleanTags(input.expertise),
    region: blank(input.region),
    phone: normalisePhone(input.phone),
    status: input.status,
    userId: input.userId ?? null,
  };
  const [issue] = checkInspectorFields(values);
  if (issue) throw new AppError(issue.code, { field: issue.field });
  return values;
}

/** 执法检查人员名录库: create, edit (optimistic version), status, away periods; every change audited. */
export function createInspectorService({ db, clock, audit, bureaus, recusals }: Deps) {
  const now = () => clock.now().toISOString();

  /** 执法证号 unique; a newly linked account must exist, lie in the caller's scope and be linked to nobody else. */
  async function assertUnique(tx: Tx, v: InspectorValues, exceptId: number, assertBureau: AssertBureau, previousUserId: number | null = null) {
    if (v.certNo !== null) {
      const existing = await findInspectorByCert(tx, v.certNo);
      if (existing && existing.id !== exceptId) throw new AppError('INSPECTOR_DUPLICATE', { field: 'certNo', existingId: existing.id });
    }
    if (v.userId !== null && v.userId !== previousUserId) {
      const user = await tx.get<{ bureau_id: number }>('SELECT bureau_id FROM users WHERE id = ?', [v.userId]);
      if (!user) throw new AppError('INSPECTOR_USER_NOT_FOUND', { field: 'userId' });
      assertBureau(user.bureau_id);
      const linked = await findInspectorIdByUser(tx, v.userId, exceptId);
      if (linked) throw new AppError('INSPECTOR_USER_LINKED', { field: 'userId', existingId: linked });
    }
  }

  async function create(actor: AuditActor, input: InspectorCreateInput, assertBureau: AssertBureau): Promise<InspectorDto> {
    const values = normaliseInspectorInput(input);
    if (!bureaus.exists(values.bureauId)) throw new AppError('BUREAU_NOT_FOUND', { field: 'bureauId' });
    return db
      .write(async (tx) => {
        await assertUnique(tx, values, 0, assertBureau);
        const id = await insertInspector(tx, values, now());
        const { row, snapshot } = await loadInspectorSnapshot(tx, id);
        await audit.record(tx, { actor, action: 'inspectors.create', entity: 'inspector', entityId: id, after: snapshot });
        return inspectorToDto(row);
      })
      .catch(mapUniqueViolation);
  }

  /** Read, check scope and version, write new values, audit: one transaction. */
  async function change(actor: AuditActor, action: string, id: number, expectedVersion: number | undefined, assertBureau: AssertBureau, next: (current: InspectorValues) => InspectorValues) {
    return db
      .write(async (tx) => {
        const before = await findInspector(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'inspector', id });
        assertBureau(before.bureauId);
        if (expectedVersion !== undefined && before.version !== expectedVersion) throw new AppError('INSPECTOR_VERSION_CONFLICT', { current: before.version });
        const values = next(inspectorValues(before));
        await assertUnique(tx, values, id, assertBureau, before.userId);
        await updateInspector(tx, id, values, now());
        const { row, snapshot } = await loadInspectorSnapshot(tx, id);
        await audit.record(tx, { actor, action, entity: 'inspector', entityId: id, after: snapshot });
        return inspectorToDto(row);
      })
      .catch(mapUniqueViolation);
  }

  async function update(actor: AuditActor, input: InspectorUpdateInput, assertBureau: AssertBureau): Promise<InspectorDto> {
    const values = normaliseInspectorInput(input);
    if (!bureaus.exists(values.bureauId)) throw new AppError('BUREAU_NOT_FOUND', { field: 'bureauId' });
    return change(actor, 'inspectors.update', input.id, input.expectedVersion, assertBureau, () => values);
  }

  async function setStatus(actor: AuditActor, input: { id: number; status: InspectorStatus; expectedVersion?: number }, assertBureau: AssertBureau): Promise<InspectorDto> {
    return change(actor, 'inspectors.setStatus', input.id, input.expectedVersion, assertBureau, (current) => ({ ...current, status: input.status }));
  }

  /** Away periods may overlap (a training inside a leave); the overlapping ones are reported back. */
  async function addAbsence(actor: AuditActor, input: AbsenceAddInput, assertBureau: AssertBureau): Promise<{ absence: AbsenceDto; overlaps: AbsenceDto[] }> {
    if (input.fromDate > input.toDate) throw new AppError('INSPECTOR_ABSENCE_DATES', { field: 'toDate' });
    return db.write(async (tx) => {
      const inspector = await findInspector(tx, input.inspectorId);
      if (!inspector) throw new AppError('NOT_FOUND', { entity: 'inspector', id: input.inspectorId });
      assertBureau(inspector.bureauId);
      const overlaps = (await listAbsences(tx, inspector.id)).filter((a) => periodsOverlap(a, input));
      const { lastId } = await tx.run('INSERT INTO inspector_absences (inspector_id, from_date, to_date, reason) VALUES (?, ?, ?, ?)', [
        inspector.id,
        input.fromDate,
        input.toDate,
        input.reason,
      ]);
      const { snapshot } = await loadInspectorSnapshot(tx, inspector.id);
      await audit.record(tx, { actor, action: 'inspectors.addAbsence', entity: 'inspector', entityId: inspector.id, after: snapshot, detail: { absenceId: lastId } });
      return { absence: absenceToDto((await findAbsence(tx, lastId)) as AbsenceRow), overlaps: overlaps.map(absenceToDto) };
    });
  }

  async function removeAbsence(actor: AuditActor, id: number, assertBureau: AssertBureau): Promise<void> {
    await db.write(async (tx) => {
      const absence = await findAbsence(tx, id);
      if (!absence) throw new AppError('NOT_FOUND', { entity: 'absence', id });
      const inspector = await findInspector(tx, absence.inspectorId);
      assertBureau(inspector?.bureauId ?? 0);
      await tx.run('DELETE FROM inspector_absences WHERE id = ?', [id]);
      const { snapshot } = await loadInspectorSnapshot(tx, absence.inspectorId);
      await audit.record(tx, { actor, action: 'inspectors.removeAbsence', entity: 'inspector', entityId: absence.inspectorId, after: snapshot, detail: { absence } });
    });
  }

  async function get(id: number): Promise<InspectorDto> {
    const row = await findInspector(db, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'inspector', id });
    return inspectorToDto(row);
  }

  async function detail(id: number): Promise<InspectorDetailDto> {
    const inspector = await get(id);
    const absences = (await listAbsences(db, id)).map(absenceToDto);
    return { ...inspector, absences, recusals: await recusals.list({ inspectorId: id }) };
  }

  async function list(filter: InspectorFilter) {
    const { rows, total } = await listInspectors(db, filter);
    return { items: rows.map(inspectorToDto), total, page: filter.page, pageSize: filter.pageSize };
  }

  return { create, update, setStatus, addAbsence, removeAbsence, get, detail, list, history: (id: number) => audit.history('inspector', id) };
}

/** A concurrent insert of the same 执法证号 or account (another process) loses at the unique index. */
function mapUniqueViolation(error: unknown): never {
  const message = String((error as Error)?.message);
  if (/UNIQUE constraint failed: inspectors\.cert_no/.test(message)) throw new AppError('INSPECTOR_DUPLICATE', { field: 'certNo' }, { cause: error });
  if (/UNIQUE constraint failed: inspectors\.user_id/.test(message)) throw new AppError('INSPECTOR_USER_LINKED', { field: 'userId' }, { cause: error });
  throw error;
}

export type InspectorService = ReturnType<typeof createInspectorService>;

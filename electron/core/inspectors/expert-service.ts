import type { ExpertCreateInput, ExpertDto, ExpertUpdateInput } from '../../../shared/contract';
import { likeContains } from '../db/where';
import { normalisePhone, type ExpertStatus } from '../../../shared/domain/inspectors';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { selectColumns } from '../db/entities';
import { ExpertEntity, type ExpertRow } from './inspector-entities';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService };
type Db = Database | Tx;
type AssertBureau = (bureauId: number) => void;
type ExpertValues = Omit<ExpertDto, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

const COLUMNS = selectColumns(ExpertEntity, 'e');
const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null);

const toDto = (r: ExpertRow): ExpertDto => ({ ...r, status: r.status as ExpertStatus });

/** The audited state: business fields and version (no timestamps). */
export function expertSnapshot(r: ExpertRow): object {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = toDto(r);
  return rest;
}

export async function loadExpertSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<ExpertRow>(`SELECT ${COLUMNS} FROM experts e`);
  return new Map(rows.map((r) => [String(r.id), expertSnapshot(r)]));
}

const findExpert = (db: Db, id: number) => db.get<ExpertRow>(`SELECT ${COLUMNS} FROM experts e WHERE e.id = ?`, [id]);

function normalise(input: ExpertCreateInput): ExpertValues {
  return {
    bureauId: input.bureauId,
    name: input.name.trim(),
    organisation: blank(input.organisation),
    field: input.field.trim(),
    title: blank(input.title),
    phone: normalisePhone(input.phone),
    email: blank(input.email),
    status: input.status,
  };
}

const params = (v: ExpertValues) => [v.bureauId, v.name, v.organisation, v.field, v.title, v.phone, v.email, v.status];

/** 非执法人员专家库 (Art. 3, 11): experts and professional bodies that may assist an inspection. */
export function createExpertService({ db, clock, audit, bureaus }: Deps) {
  const now = () => clock.now().toISOString();

  /** One bureau's library names each person once per organisation. */
  async function assertUnique(tx: Tx, v: ExpertValues, exceptId: number) {
    const existing = await tx.get<{ id: number }>('SELECT id FROM experts WHERE bureau_id = ? AND name = ? AND organisation IS ? AND id <> ?', [v.bureauId, v.name, v.organisation, exceptId]);
    if (existing) throw new AppError('EXPERT_DUPLICATE', { field: 'name', existingId: existing.id });
  }

  async function create(actor: AuditActor, input: ExpertCreateInput): Promise<ExpertDto> {
    const v = normalise(input);
    if (!bureaus.exists(v.bureauId)) throw new AppError('BUREAU_NOT_FOUND', { field: 'bureauId' });
    return db.write(async (tx) => {
      await assertUnique(tx, v, 0);
      const t = now();
      const { lastId } = await tx.run(
        'INSERT INTO experts (bureau_id, name, organisation, field, title, phone, email, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [...params(v), t, t],
      );
      const row = (await findExpert(tx, lastId)) as ExpertRow;
      await audit.record(tx, { actor, action: 'experts.create', entity: 'expert', entityId: lastId, after: expertSnapshot(row) });
      return toDto(row);
    });
  }

  async function update(actor: AuditActor, input: ExpertUpdateInput, assertBureau: AssertBureau): Promise<ExpertDto> {
    const v = normalise(input);
    if (!bureaus.exists(v.bureauId)) throw new AppError('BUREAU_NOT_FOUND', { field: 'bureauId' });
    return db.write(async (tx) => {
      const before = await findExpert(tx, input.id);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'expert', id: input.id });
      assertBureau(before.bureauId);
      if (before.version !== input.expectedVersion) throw new AppError('EXPERT_VERSION_CONFLICT', { current: before.version });
      await assertUnique(tx, v, input.id);
      await tx.run(
        `UPDATE experts SET bureau_id = ?, name = ?, organisation = ?, field = ?, title = ?, phone = ?, email = ?, status = ?,
           version = version + 1, updated_at = ? WHERE id = ?`,
        [...params(v), now(), input.id],
      );
      const after = (await findExpert(tx, input.id)) as ExpertRow;
      await audit.record(tx, { actor, action: 'experts.update', entity: 'expert', entityId: input.id, after: expertSnapshot(after) });
      return toDto(after);
    });
  }

  async function get(id: number): Promise<ExpertDto> {
    const row = await findExpert(db, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'expert', id });
    return toDto(row);
  }

  async function list(f: { bureauIds: number[]; query?: string; status?: string; page: number; pageSize: number }) {
    const where = [`e.bureau_id IN (${f.bureauIds.map(() => '?').join(',') || 'NULL'})`];
    const args: unknown[] = [...f.bureauIds];
    if (f.query) {
      const like = likeContains(f.query.normalize('NFKC').trim());
      where.push(`(e.name LIKE ? ESCAPE '\\' OR e.organisation LIKE ? ESCAPE '\\' OR e.field LIKE ? ESCAPE '\\')`);
      args.push(like, like, like);
    }
    if (f.status) {
      where.push('e.status = ?');
      args.push(f.status);
    }
    const sql = where.join(' AND ');
    const total = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM experts e WHERE ${sql}`, args))?.n ?? 0;
    const rows = await db.all<ExpertRow>(`SELECT ${COLUMNS} FROM experts e WHERE ${sql} ORDER BY e.id DESC LIMIT ? OFFSET ?`, [...args, f.pageSize, (f.page - 1) * f.pageSize]);
    return { items: rows.map(toDto), total, page: f.page, pageSize: f.pageSize };
  }

  return { create, update, get, list, history: (id: number) => audit.history('expert', id) };
}

export type ExpertService = ReturnType<typeof createExpertService>;

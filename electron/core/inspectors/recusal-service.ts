import type { RecusalDto } from '../../../shared/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { selectColumns } from '../db/entities';
import { RecusalEntity, type RecusalRow } from './inspector-entities';

type Deps = { db: Database; clock: Clock; audit: AuditService };
type Db = Database | Tx;
type AssertBureau = (bureauId: number) => void;
type RecusalJoined = RecusalRow & { inspectorName: string; inspectorBureauId: number; targetName: string };

const COLUMNS = selectColumns(RecusalEntity, 'r');
const JOINED = `SELECT ${COLUMNS}, i.name AS "inspectorName", i.bureau_id AS "inspectorBureauId", t.name AS "targetName"
  FROM recusals r JOIN inspectors i ON i.id = r.inspector_id JOIN targets t ON t.id = r.target_id`;

const toDto = (r: RecusalJoined): RecusalDto => ({
  id: r.id,
  inspectorId: r.inspectorId,
  inspectorName: r.inspectorName,
  targetId: r.targetId,
  targetName: r.targetName,
  reason: r.reason,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

/** The audited state of a recusal (no timestamp). */
export const recusalSnapshot = (r: RecusalRow): object => ({ inspectorId: r.inspectorId, targetId: r.targetId, reason: r.reason, createdBy: r.createdBy });

async function findJoined(db: Db, id: number): Promise<RecusalJoined | undefined> {
  return db.get<RecusalJoined>(`${JOINED} WHERE r.id = ?`, [id]);
}

export async function loadRecusalSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<RecusalRow>(`SELECT ${COLUMNS} FROM recusals r`);
  return new Map(rows.map((r) => [String(r.id), recusalSnapshot(r)]));
}

/**
 * 回避: an inspector who must not be sent to a target (近亲属、曾任职、利害关系 …). The target may lie in
 * another bureau; the caller must be able to act on the inspector.
 */
export function createRecusalService({ db, clock, audit }: Deps) {
  /** By inspector, or by target (then only inspectors in `bureauIds`, when given). */
  async function list(filter: { inspectorId?: number; targetId?: number; bureauIds?: number[] }): Promise<RecusalDto[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.inspectorId !== undefined) {
      where.push('r.inspector_id = ?');
      args.push(filter.inspectorId);
    }
    if (filter.targetId !== undefined) {
      where.push('r.target_id = ?');
      args.push(filter.targetId);
    }
    if (filter.bureauIds) {
      where.push(`i.bureau_id IN (${filter.bureauIds.map(() => '?').join(',') || 'NULL'})`);
      args.push(...filter.bureauIds);
    }
    const rows = await db.all<RecusalJoined>(`${JOINED} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY r.id`, args);
    return rows.map(toDto);
  }

  async function add(actor: AuditActor, input: { inspectorId: number; targetId: number; reason: string }, assertBureau: AssertBureau): Promise<RecusalDto> {
    return db
      .write(async (tx) => {
        const inspector = await tx.get<{ bureau_id: number }>('SELECT bureau_id FROM inspectors WHERE id = ?', [input.inspectorId]);
        if (!inspector) throw new AppError('NOT_FOUND', { entity: 'inspector', id: input.inspectorId });
        assertBureau(inspector.bureau_id);
        if (!(await tx.get('SELECT id FROM targets WHERE id = ?', [input.targetId]))) throw new AppError('NOT_FOUND', { entity: 'target', id: input.targetId });
        const existing = await tx.get<{ id: number }>('SELECT id FROM recusals WHERE inspector_id = ? AND target_id = ?', [input.inspectorId, input.targetId]);
        if (existing) throw new AppError('RECUSAL_DUPLICATE', { existingId: existing.id });
        const { lastId } = await tx.run('INSERT INTO recusals (inspector_id, target_id, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?)', [
          input.inspectorId,
          input.targetId,
          input.reason,
          actor.userId,
          clock.now().toISOString(),
        ]);
        const row = (await findJoined(tx, lastId)) as RecusalJoined;
        await audit.record(tx, { actor, action: 'recusals.add', entity: 'recusal', entityId: lastId, after: recusalSnapshot(row) });
        return toDto(row);
      })
      .catch((error: unknown) => {
        if (/UNIQUE constraint failed: recusals\./.test(String((error as Error)?.message))) throw new AppError('RECUSAL_DUPLICATE', {}, { cause: error });
        throw error;
      });
  }

  /** The row goes; its last state and the reason stay in the audit log (history ends with null). */
  async function remove(actor: AuditActor, input: { id: number; reason: string }, assertBureau: AssertBureau): Promise<void> {
    await db.write(async (tx) => {
      const row = await findJoined(tx, input.id);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'recusal', id: input.id });
      assertBureau(row.inspectorBureauId);
      await tx.run('DELETE FROM recusals WHERE id = ?', [input.id]);
      await audit.record(tx, { actor, action: 'recusals.remove', entity: 'recusal', entityId: input.id, after: null, detail: { reason: input.reason, removed: recusalSnapshot(row) } });
    });
  }

  return { list, add, remove, history: (id: number) => audit.history('recusal', id) };
}

export type RecusalService = ReturnType<typeof createRecusalService>;

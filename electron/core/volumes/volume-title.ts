import { DEFAULT_VOLUME_TITLE_PATTERN, titlePatternProblems, volumeTitle } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { beijingDate } from '../inspections/inspection-deadlines';

/** A bureau's 案卷题名 pattern (migration 0020), or the default when it set none. */
export async function titlePatternOf(tx: Database | Tx, bureauId: number): Promise<{ pattern: string; isDefault: boolean }> {
  const row = await tx.get<{ pattern: string }>('SELECT pattern FROM volume_title_patterns WHERE bureau_id = ?', [bureauId]);
  return row ? { pattern: row.pattern, isDefault: false } : { pattern: DEFAULT_VOLUME_TITLE_PATTERN, isDefault: true };
}

/** 案卷题名规则 per bureau: read by anyone of the bureau, changed by its admins (audited); existing titles are never renamed. */
export function createVolumeTitleSettings({ db, audit, clock }: { db: Database; audit: AuditService; clock: Clock }) {
  async function get(bureauId: number) {
    const { pattern, isDefault } = await titlePatternOf(db, bureauId);
    const year = Number(beijingDate(clock.now()).slice(0, 4));
    return { bureauId, pattern, isDefault, example: volumeTitle('沈阳市××食品有限公司', null, pattern, year), exampleByHand: volumeTitle('沈阳市××食品有限公司', 'complaint', pattern, year) };
  }

  async function update(actor: AuditActor, input: { bureauId: number; pattern: string }) {
    const pattern = input.pattern.trim();
    const problems = titlePatternProblems(pattern);
    if (problems.length > 0) throw new AppError('VOLUME_TITLE_PATTERN_INVALID', { field: 'pattern', problems });
    await db.write(async (tx) => {
      await tx.run(
        `INSERT INTO volume_title_patterns (bureau_id, pattern, updated_by, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (bureau_id) DO UPDATE SET pattern = excluded.pattern, updated_by = excluded.updated_by, updated_at = excluded.updated_at, version = version + 1`,
        [input.bureauId, pattern, actor.userId, clock.now().toISOString()],
      );
      const after = await tx.get<{ pattern: string; updated_by: number | null; version: number }>('SELECT pattern, updated_by, version FROM volume_title_patterns WHERE bureau_id = ?', [input.bureauId]);
      await audit.record(tx, { actor, action: 'volumes.updateTitleSettings', entity: 'volume_title_pattern', entityId: input.bureauId, after: after as object });
    });
    return get(input.bureauId);
  }

  return { get, update };
}

export type VolumeTitleSettings = ReturnType<typeof createVolumeTitleSettings>;

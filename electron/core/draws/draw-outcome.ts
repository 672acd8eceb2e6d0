import type { DrawRecord } from '../../../shared/domain/draws';
import { volumeTitle } from '../../../shared/domain/volumes/volumes';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { Clock } from '../config';
import type { Tx } from '../db/database';
import type { TaskContext } from './draw-population';
import { inspectionSnapshot, volumeSnapshot } from './draw-repository';
import { titlePatternOf } from '../volumes/volume-title';

type Deps = { clock: Clock; audit: AuditService };

const CHUNK = 2000;

/**
 * What a completed draw sets in motion (Art. 14): per drawn target one inspection (待检查) with its matched
 * inspectors and experts, and one case volume (随机抽查专卷) opened at the target's custody bureau.
 * Bulk inserts through json_each; each entity's state goes to the audit history.
 */
export function createDrawOutcome({ clock, audit }: Deps) {
  async function open(tx: Tx, actor: AuditActor, task: TaskContext, record: DrawRecord, custodyOf: (targetId: number) => number): Promise<void> {
    const now = clock.now().toISOString();
    const bureauId = task.task.executing_bureau_id;
    const byTarget = new Map(record.matching.assignments.map((a) => [a.targetId, a]));
    // One bulk audit event at a time: each takes the next sequence number when it begins.
    const inspections = await audit.beginBulk(tx, { actor, action: 'draws.openInspections', entity: 'inspection', entityId: `draw:${record.drawId}` });
    const firstInspection = await nextId(tx, 'inspections');
    for (let i = 0; i < record.selected.length; i += CHUNK) {
      const chunk = record.selected.slice(i, i + CHUNK);
      const rows = chunk.map((s, k) => [firstInspection + i + k, s.targetId]);
      await tx.run(
        `INSERT INTO inspections (id, task_id, draw_id, target_id, inspecting_bureau_id, year, purpose, status, created_at, updated_at)
         SELECT value->>0, ?, ?, value->>1, ?, ?, ?, 'pending', ?, ? FROM json_each(?)`,
        [task.task.id, record.drawId, bureauId, task.plan.year, task.task.purpose, now, now, JSON.stringify(rows)],
      );
      const members: [number, string, number, number][] = [];
      for (const [k, s] of chunk.entries()) {
        const inspectionId = firstInspection + i + k;
        const team = byTarget.get(s.targetId) ?? { inspectorIds: [], expertIds: [] };
        team.expertIds.forEach((id, p) => members.push([inspectionId, 'expert', id, p + 1]));
        team.inspectorIds.forEach((id, p) => members.push([inspectionId, 'inspector', id, p + 1]));
        const own: [string, number][] = [...team.expertIds.map((id): [string, number] => ['expert', id]), ...team.inspectorIds.map((id): [string, number] => ['inspector', id])];
        const inspection = { task_id: task.task.id, draw_id: record.drawId, target_id: s.targetId, inspecting_bureau_id: bureauId, year: task.plan.year, purpose: task.task.purpose, status: 'pending' };
        await inspections.add(inspectionId, inspectionSnapshot(inspection, own));
      }
      await tx.run(`INSERT INTO inspection_members (inspection_id, kind, member_id, position) SELECT value->>0, value->>1, value->>2, value->>3 FROM json_each(?)`, [JSON.stringify(members)]);
    }
    await inspections.finish({ drawId: record.drawId, count: record.selected.length });

    const { pattern } = await titlePatternOf(tx, bureauId); // the executing bureau 立卷
    const volumes = await audit.beginBulk(tx, { actor, action: 'draws.openVolumes', entity: 'volume', entityId: `draw:${record.drawId}` });
    const firstVolume = await nextId(tx, 'volumes');
    for (let i = 0; i < record.selected.length; i += CHUNK) {
      const rows: [number, number, number, number, string][] = [];
      for (const [k, s] of record.selected.slice(i, i + CHUNK).entries()) {
        const volume = { task_id: task.task.id, target_id: s.targetId, inspection_id: firstInspection + i + k, custody_bureau_id: custodyOf(s.targetId), inspecting_bureau_id: bureauId, title: volumeTitle(s.name, null, pattern, task.plan.year), opened_by: 'draw', status: 'open' };
        rows.push([firstVolume + i + k, s.targetId, volume.inspection_id, volume.custody_bureau_id, volume.title]);
        await volumes.add(firstVolume + i + k, volumeSnapshot(volume));
      }
      await tx.run(
        `INSERT INTO volumes (id, task_id, target_id, inspection_id, custody_bureau_id, inspecting_bureau_id, title, opened_by, status, created_at, updated_at)
         SELECT value->>0, ?, value->>1, value->>2, value->>3, ?, value->>4, 'draw', 'open', ?, ? FROM json_each(?)`,
        [task.task.id, bureauId, now, now, JSON.stringify(rows)],
      );
    }
    await volumes.finish({ drawId: record.drawId, count: record.selected.length });
  }

  return { open };
}

async function nextId(tx: Tx, table: 'inspections' | 'volumes'): Promise<number> {
  return ((await tx.get<{ id: number | null }>(`SELECT max(id) AS id FROM ${table}`))?.id ?? 0) + 1;
}

import { SYSTEM_ACTOR, type AuditActor, type AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock, Logger } from '../config';
import type { Database } from '../db/database';
import type { Fixity } from './fixity';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService; fixity: Fixity; logger: Logger };

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/**
 * Periodic four-property checks (DA/T 70 §6: at archiving, periodically, before transfer): a bureau may ask
 * for a check of its volumes every N days (off by default). The host process looks at startup and every
 * hour; a due bureau gets a normal 'archives.verify' job started by the system, over the bureau and the
 * bureaus under it. Any full check of the bureau (started by a person or by the schedule) counts as the last.
 */
export function createFixitySchedule({ db, clock, audit, bureaus, fixity, logger }: Deps) {
  let timer: NodeJS.Timeout | null = null;
  let checking: Promise<number[]> | null = null;

  async function lastRunAt(bureauId: number): Promise<string | null> {
    const row = await db.get<{ at: string | null }>(
      `SELECT max(r.started_at) AS at FROM fixity_runs r WHERE r.volume_id IS NULL AND EXISTS (SELECT 1 FROM json_each(r.bureau_ids) WHERE value = ?)`,
      [bureauId],
    );
    return row?.at ?? null;
  }

  async function of(bureauId: number) {
    const row = await db.get<{ interval_days: number | null }>('SELECT interval_days FROM fixity_schedules WHERE bureau_id = ?', [bureauId]);
    const days = row?.interval_days ?? null;
    const last = await lastRunAt(bureauId);
    const next = days === null ? null : last === null ? clock.now().toISOString() : new Date(new Date(last).getTime() + days * DAY).toISOString();
    return { fixityIntervalDays: days, lastFixityAt: last, nextFixityAt: next };
  }

  async function update(actor: AuditActor, input: { bureauId: number; intervalDays: number | null }) {
    bureaus.get(input.bureauId);
    await db.write(async (tx) => {
      await tx.run(
        `INSERT INTO fixity_schedules (bureau_id, interval_days, updated_by, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (bureau_id) DO UPDATE SET interval_days = excluded.interval_days, updated_by = excluded.updated_by, updated_at = excluded.updated_at, version = version + 1`,
        [input.bureauId, input.intervalDays, actor.userId, clock.now().toISOString()],
      );
      const after = await tx.get<object>('SELECT interval_days, updated_by, version FROM fixity_schedules WHERE bureau_id = ?', [input.bureauId]);
      await audit.record(tx, { actor, action: 'archives.updateFixitySchedule', entity: 'fixity_schedule', entityId: input.bureauId, after: after as object });
    });
  }

  /** Start a check for every bureau whose periodic check is due; returns the runs started. */
  async function checkDue(): Promise<number[]> {
    const started: number[] = [];
    const rows = await db.all<{ bureau_id: number }>('SELECT bureau_id FROM fixity_schedules WHERE interval_days IS NOT NULL ORDER BY bureau_id');
    for (const { bureau_id: bureauId } of rows) {
      const { nextFixityAt } = await of(bureauId);
      if (nextFixityAt === null || new Date(nextFixityAt).getTime() > clock.now().getTime()) continue;
      const bureauIds = bureaus.list().filter((b) => bureaus.within(b.id, bureauId)).map((b) => b.id);
      const { runId } = await fixity.start(SYSTEM_ACTOR, { bureauIds, scheduled: true });
      logger.info('periodic four-property check started', { bureauId, runId });
      started.push(runId);
    }
    return started;
  }

  /** One look at a time: a slow look is not overlapped by the next tick. */
  const tick = () => (checking ??= checkDue().finally(() => void (checking = null))).catch((error: unknown) => {
    logger.error('periodic four-property check failed to start', { error: String(error) });
    return [];
  });

  return {
    of,
    update,
    checkDue,
    /** At startup and every hour (the host process: desktop app or web host). */
    start() {
      if (timer) return;
      void tick();
      timer = setInterval(() => void tick(), HOUR);
      timer.unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await checking?.catch(() => undefined);
    },
  };
}

export type FixitySchedule = ReturnType<typeof createFixitySchedule>;

export async function loadScheduleSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<{ bureau_id: number }>('SELECT bureau_id, interval_days, updated_by, version FROM fixity_schedules')).map(({ bureau_id, ...rest }) => [String(bureau_id), rest]));
}

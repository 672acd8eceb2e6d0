import fs from 'node:fs/promises';
import path from 'node:path';
import type { BureauDto } from '../../../shared/contract';
import { bureauWithin } from '../../../shared/domain/bureau-scope';
import { AppError } from '../../../shared/errors/app-error';
import { SYSTEM_ACTOR, type AuditActor, type AuditService } from '../audit/audit-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { BureauEntity, selectColumns, type BureauRow } from '../db/entities';

export const CITY_DIVISION_CODE = '210100';
const COLUMNS = selectColumns(BureauEntity);

/** Default document-number short names (e.g. 沈和市监检告〔2026〕15号); editable per bureau. */
const SHORT_NAMES: Record<string, string> = {
  '210100': '沈市监', '210102': '沈和市监', '210103': '沈河市监', '210104': '沈东市监', '210105': '沈皇市监',
  '210106': '沈铁市监', '210111': '沈苏市监', '210112': '沈浑市监', '210113': '沈北市监', '210114': '沈于市监',
  '210115': '沈辽市监', '210123': '康平市监', '210124': '法库市监', '210181': '新民市监',
};

type Deps = { db: Database; clock: Clock; audit: AuditService; resourcesDir: string };

const toDto = (r: BureauRow): BureauDto => ({
  id: r.id,
  divisionCode: r.divisionCode,
  name: r.name,
  level: r.level,
  parentId: r.parentId,
  fondsCode: r.fondsCode,
  orgCode: r.orgCode,
  shortName: r.shortName,
  version: r.version,
});
const snapshot = (r: BureauRow) => ({ ...toDto(r), id: undefined });

/** 沈阳市市场监督管理局 and its 13 district/county bureaus, with their archive settings. */
export function createBureauService({ db, clock, audit, resourcesDir }: Deps) {
  let cache = new Map<number, BureauDto>();

  async function refresh(): Promise<void> {
    const rows = await db.all<BureauRow>(`SELECT ${COLUMNS} FROM bureaus ORDER BY division_code`);
    cache = new Map(rows.map((r) => [r.id, toDto(r)]));
  }

  /** Idempotent: inserts the bureaus missing from the table (first run, or an upgrade adding one). */
  async function seed(): Promise<number> {
    const csv = await fs.readFile(path.join(resourcesDir, 'divisions', 'divisions.csv'), 'utf8');
    const divisions = csv
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter(([code, , parent]) => code === CITY_DIVISION_CODE || parent === CITY_DIVISION_CODE);
    let inserted = 0;
    await db.write(async (tx) => {
      let cityId = (await tx.get<{ id: number }>('SELECT id FROM bureaus WHERE division_code = ?', [CITY_DIVISION_CODE]))?.id;
      for (const [code = '', name = ''] of divisions.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''))) {
        if (await tx.get('SELECT id FROM bureaus WHERE division_code = ?', [code])) continue;
        const isCity = code === CITY_DIVISION_CODE;
        const index = divisions.findIndex((d) => d[0] === code);
        const now = clock.now().toISOString();
        const { lastId } = await tx.run(
          `INSERT INTO bureaus (division_code, name, level, parent_id, fonds_code, org_code, short_name, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [code, `${name}市场监督管理局`, isCity ? 'city' : 'district', isCity ? null : cityId, `J${String(index + 1).padStart(3, '0')}`, 'SCJG', SHORT_NAMES[code] ?? name.slice(0, 2), now, now],
        );
        if (isCity) cityId = lastId;
        await audit.record(tx, { actor: SYSTEM_ACTOR, action: 'bureaus.seed', entity: 'bureau', entityId: lastId, after: snapshot(await row(tx, lastId)) });
        inserted++;
      }
    });
    await refresh();
    return inserted;
  }

  async function row(tx: Tx | Database, id: number): Promise<BureauRow> {
    const r = await tx.get<BureauRow>(`SELECT ${COLUMNS} FROM bureaus WHERE id = ?`, [id]);
    if (!r) throw new AppError('BUREAU_NOT_FOUND', { id });
    return r;
  }

  async function updateSettings(actor: AuditActor, input: { bureauId: number; fondsCode?: string; orgCode?: string; shortName?: string }): Promise<BureauDto> {
    const result = await db.write(async (tx) => {
      const before = await row(tx, input.bureauId);
      await tx.run('UPDATE bureaus SET fonds_code = ?, org_code = ?, short_name = ?, version = version + 1, updated_at = ? WHERE id = ?', [
        input.fondsCode ?? before.fondsCode,
        input.orgCode ?? before.orgCode,
        input.shortName ?? before.shortName,
        clock.now().toISOString(),
        before.id,
      ]);
      const after = await row(tx, before.id);
      await audit.record(tx, { actor, action: 'bureaus.updateSettings', entity: 'bureau', entityId: before.id, after: snapshot(after) });
      return toDto(after);
    });
    await refresh();
    return result;
  }

  function get(id: number): BureauDto {
    const b = cache.get(id);
    if (!b) throw new AppError('BUREAU_NOT_FOUND', { id });
    return b;
  }

  return {
    seed,
    refresh,
    updateSettings,
    get,
    exists: (id: number) => cache.has(id),
    list: () => [...cache.values()],
    city: () => [...cache.values()].find((b) => b.divisionCode === CITY_DIVISION_CODE) ?? null,
    /** Is `candidate` the bureau `ancestor` or one below it? */
    within: (candidate: number, ancestor: number) => bureauWithin(cache, candidate, ancestor),
    /** The ids a user of `bureauId` may act on. */
    subtree: (bureauId: number) => [...cache.keys()].filter((id) => bureauWithin(cache, id, bureauId)),
    snapshots: async () => new Map((await db.all<BureauRow>(`SELECT ${COLUMNS} FROM bureaus`)).map((r) => [String(r.id), snapshot(r) as object])),
  };
}

export type BureauService = ReturnType<typeof createBureauService>;

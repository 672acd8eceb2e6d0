import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditVerifyReport } from '../../shared/contract';
import { DrawRecord, parsePopulationCsv, replayDraw } from '../../shared/domain/draws';
import { nodeDrawCrypto } from '../../electron/core/draws/node-draw-crypto';
import { approvePlan, drawWorld, runDraw } from '../support/draw-fixtures';
import { makeTestContext, tempDir } from '../support/test-context';

const SEED = 'a3'.repeat(32);

async function auditOk(t: Awaited<ReturnType<typeof makeTestContext>>) {
  const { jobId } = await t.admin.call('audit.verify', {});
  await t.app.services.jobs.idle();
  return (await t.admin.call('jobs.get', { id: jobId })).result as AuditVerifyReport;
}

describe('plans → draw → inspections and volumes', () => {
  it('draws by stratum with a committed seed, matches two inspectors each, opens inspections and volumes, and verifies', async () => {
    const t = await makeTestContext();
    const world = await drawWorld(t);
    // Not drawable before approval.
    expect(await t.admin.raw('draws.commit', { taskId: world.task.id })).toMatchObject({ ok: false, error: { code: 'TASK_NOT_DRAWABLE' } });
    // The submitter may not approve their own plan.
    await t.admin.call('plans.submit', { id: world.plan.id });
    expect(await t.admin.raw('plans.review', { id: world.plan.id, decision: 'approve', note: null })).toMatchObject({ ok: false, error: { code: 'PLAN_SELF_REVIEW' } });
    await world.legal.call('plans.review', { id: world.plan.id, decision: 'approve', note: '同意' });
    const published = await world.legal.call('plans.publish', { id: world.plan.id });
    expect(published).toMatchObject({ status: 'published', planVersion: 1 });

    const preview = await t.admin.call('tasks.previewPopulation', { id: world.task.id });
    expect(preview.size).toBe(120);

    const committed = await t.admin.call('draws.commit', { taskId: world.task.id, seedHex: SEED, witness: '王监督' });
    expect(committed).toMatchObject({ status: 'committed', seedHex: null, seedCommitment: nodeDrawCrypto.sha256Hex(Buffer.from(SEED, 'hex')) });
    const { jobId } = await t.admin.call('draws.run', { id: committed.id });
    await t.app.services.jobs.idle();
    expect(await t.admin.call('jobs.get', { id: jobId })).toMatchObject({ state: 'succeeded' });
    const draw = await t.admin.call('draws.get', { id: committed.id });
    expect(draw).toMatchObject({ status: 'completed', seedHex: SEED, populationSize: 120, selectedCount: preview.sampleTotal });

    const page = await t.admin.call('draws.selections', { drawId: draw.id, pageSize: 500 });
    expect(page.items).toHaveLength(preview.sampleTotal);
    for (const s of page.items) {
      expect(s.inspectors).toHaveLength(2);
      expect(new Set(s.inspectors.map((i) => i.id)).size).toBe(2);
      expect(s.inspectionId).not.toBeNull();
      expect(s.volumeId).not.toBeNull();
    }
    // High-risk strata (50 %) are drawn far more often than the 5 % ones.
    const highShare = page.items.filter((s) => s.stratum.startsWith('high/')).length / page.items.length;
    expect(highShare).toBeGreaterThan(0.4);

    const verified = await t.admin.call('draws.verify', { id: draw.id });
    expect(verified.ok, JSON.stringify(verified.checks)).toBe(true);
    expect((await auditOk(t)).ok).toBe(true);

    // The record is immutable in the database itself.
    await expect(t.app.db.write((tx) => tx.run(`UPDATE draws SET witness = 'x' WHERE id = ?`, [draw.id]))).rejects.toThrow(/immutable/);
    await expect(t.app.db.write((tx) => tx.run(`DELETE FROM draw_selections WHERE draw_id = ?`, [draw.id]))).rejects.toThrow(/immutable/);

    // A third party replays from the exported files alone.
    const files = await t.admin.call('draws.exportFiles', { id: draw.id });
    const exportsDir = path.join(t.dataDir, 'exports');
    const record = DrawRecord.parse(JSON.parse(fs.readFileSync(path.join(exportsDir, files.record), 'utf8')));
    const population = parsePopulationCsv(fs.readFileSync(path.join(exportsDir, files.population), 'utf8'));
    if (!population.ok) throw new Error(population.problem);
    expect(replayDraw(nodeDrawCrypto, record, population.entries).ok).toBe(true);
    // …and the PDF names the seed, the population digest and a drawn target.
    const text = execFileSync('pdftotext', ['-layout', path.join(exportsDir, files.pdf), '-'], { encoding: 'utf8' });
    expect(text).toContain(SEED);
    expect(text).toContain(record.population.digest);
    expect(text).toContain(page.items[0]!.code);
    await t.app.close();
  });

  it('same seed and population → the same list on another installation; a second general task this year skips those inspected', async () => {
    const lists: number[][] = [];
    for (let run = 0; run < 2; run++) {
      const t = await makeTestContext({ dataDir: path.join(tempDir(), `data-${run}`) });
      const world = await drawWorld(t, { targets: 60 });
      await approvePlan(t, world);
      const { draw } = await runDraw(t, world.task.id, SEED);
      const items = (await t.admin.call('draws.selections', { drawId: draw.id, pageSize: 500 })).items;
      lists.push(items.map((s) => s.targetId));
      if (run === 1) {
        await t.admin.call('plans.adjust', { id: world.plan.id, changeNote: '增加第二批次' });
        const second = await t.admin.call('tasks.create', {
          planId: world.plan.id,
          name: '第二批次',
          executingBureauId: world.bureauId,
          itemIds: [world.items.general.id],
          ratios: { defaultBp: 10000, overrides: {} },
          windowFrom: '2026-07-01',
          windowTo: '2026-09-30',
        });
        await approvePlan(t, world);
        const detail = await t.admin.call('plans.get', { id: world.plan.id });
        expect(detail.versions.map((v) => v.planVersion)).toEqual([2, 1]);
        expect(detail.versions[0]!.changes).toContain('新增任务「第二批次」');
        const preview = await t.admin.call('tasks.previewPopulation', { id: second.id });
        expect(preview.exclusions).toEqual({ inspected_this_year: items.length });
        expect(preview.size).toBe(60 - items.length);
      }
      await t.app.close();
    }
    expect(lists[0]).toEqual(lists[1]);
  });

  it('stops with MATCH_INFEASIBLE per target when recusals leave too few inspectors, and records the failed draw', async () => {
    const t = await makeTestContext();
    const world = await drawWorld(t, { targets: 20, inspectors: 3, task: { ratios: { defaultBp: 10000, overrides: {} } } });
    await approvePlan(t, world);
    const victim = world.targetIds[3]!;
    for (const inspectorId of world.inspectorIds.slice(0, 2)) await t.admin.call('recusals.add', { inspectorId, targetId: victim, reason: '近亲属' });
    const { job, draw } = await runDraw(t, world.task.id, SEED);
    expect(job).toMatchObject({ state: 'failed', errorCode: 'MATCH_INFEASIBLE' });
    const details = job.errorDetails as { count: number; targets: { targetId: number; excluded: Record<string, number> }[] };
    expect(details.count).toBe(1);
    expect(details.targets[0]).toMatchObject({ targetId: victim, excluded: { recused: 2 } });
    expect(draw).toMatchObject({ status: 'failed', errorCode: 'MATCH_INFEASIBLE', seedHex: SEED });
    expect((await t.admin.call('draws.selections', { drawId: draw.id })).items).toEqual([]);
    expect((await auditOk(t)).ok).toBe(true);
    await t.app.close();
  });

  it('refuses an empty population with DRAW_POPULATION_EMPTY and a second pending commitment', async () => {
    const t = await makeTestContext();
    const world = await drawWorld(t, { targets: 3, task: { scope: { kinds: [], bureauIds: [], industries: ['不存在的行业'], tagItemIds: [], regStatuses: ['active'] } } });
    await approvePlan(t, world);
    const committed = await t.admin.call('draws.commit', { taskId: world.task.id, witness: null });
    expect(await t.admin.raw('draws.commit', { taskId: world.task.id })).toMatchObject({ ok: false, error: { code: 'DRAW_STATE_INVALID' } });
    await t.admin.call('draws.run', { id: committed.id });
    await t.app.services.jobs.idle();
    expect(await t.admin.call('draws.get', { id: committed.id })).toMatchObject({ status: 'failed', errorCode: 'DRAW_POPULATION_EMPTY' });
    await t.app.close();
  });
});

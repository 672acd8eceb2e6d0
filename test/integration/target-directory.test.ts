import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { TargetDto } from '../../shared/contract';
import { completeUscc } from '../../shared/domain/uscc';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

/** Inspection items to tag with: returns their ids in order. */
async function makeItems(t: TestContext, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push((await t.admin.call('items.create', { bureauId: t.bureauId('210100'), businessLine: '信用监管', category: '登记事项检查', name: `测试事项${i}`, itemClass: 'general' } as never)).id);
  }
  return ids;
}

async function seed(t: TestContext) {
  const made: TargetDto[] = [];
  const specs = [
    ['210102', '沈阳鑫源食品有限公司', 'high', 'A', 'active', '批发和零售业'],
    ['210102', '沈阳宏伟建材商行', 'low', 'B', 'active', '建筑业'],
    ['210102', '沈阳食品加工厂', 'medium', 'C', 'deregistered', '制造业'],
    ['210103', '沈河区示例餐饮店', 'high', 'D', 'active', '住宿和餐饮业'],
    ['210103', '沈河区食品经销处', 'low', 'A', 'revoked', '批发和零售业'],
  ] as const;
  for (const [i, [code, name, riskLevel, creditClass, regStatus, industry]] of specs.entries()) {
    made.push(await t.admin.call('targets.create', { kind: 'for_profit', creditCode: completeUscc(`91${code}MA000${String(i).padStart(3, '0')}`), name, riskLevel, creditClass, regStatus, industry, territorialBureauId: t.bureauId(code) }));
  }
  return made;
}

describe('target directory filters, search, tags and export', () => {
  it('filters by risk, credit, status, industry and kind; two-character names use the bigram index', async () => {
    t = await makeTestContext();
    await seed(t);
    const list = (input: object) => t.admin.call('targets.list', input as never).then((r) => r.items.map((x) => x.name).sort());
    expect(await list({ riskLevel: 'high' })).toEqual(['沈河区示例餐饮店', '沈阳鑫源食品有限公司']);
    expect(await list({ creditClass: 'A', regStatus: 'active' })).toEqual(['沈阳鑫源食品有限公司']);
    expect(await list({ industry: '批发和零售业', bureauId: t.bureauId('210103') })).toEqual(['沈河区食品经销处']);
    expect(await list({ query: '食品' })).toEqual(['沈河区食品经销处', '沈阳食品加工厂', '沈阳鑫源食品有限公司'].sort());
    expect(await list({ query: '餐' })).toEqual(['沈河区示例餐饮店']); // one character: LIKE
    const plan = await t.app.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT rowid FROM targets_bigram WHERE targets_bigram MATCH '"食品"'`);
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/VIRTUAL TABLE INDEX/);
    expect(await t.admin.call('targets.industries', {})).toContainEqual({ industry: '批发和零售业', count: 2 });
  });

  it('tags one target and tags/untags in bulk from a filter, audited per target', async () => {
    t = await makeTestContext();
    const [first] = await seed(t);
    const [i3, i7, i9] = (await makeItems(t, 3)) as [number, number, number];
    expect(await t.admin.raw('targets.setTags', { id: (first as TargetDto).id, itemIds: [i3, 999] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { field: 'itemIds', missing: [999] } } });
    const tagged = await t.admin.call('targets.setTags', { id: (first as TargetDto).id, itemIds: [i7, i3, i7] });
    expect(tagged).toMatchObject({ tags: [i3, i7], version: 2 });
    const { jobId } = await t.admin.call('targets.tagBulk', { filter: { query: '食品' }, itemIds: [i9], action: 'add' });
    await t.app.services.jobs.idle();
    expect((await t.admin.call('jobs.get', { id: jobId })).result).toEqual({ changed: 3, matched: 3 });
    expect((await t.admin.call('targets.list', { tagItemId: i9 })).total).toBe(3);
    await t.admin.call('targets.tagBulk', { filter: { bureauId: t.bureauId('210102') }, itemIds: [i3, i9], action: 'remove' });
    await t.app.services.jobs.idle();
    expect((await t.admin.call('targets.get', { id: (first as TargetDto).id })).tags).toEqual([i7]);
    expect(await t.admin.raw('items.delete', { id: i7 } as never)).toMatchObject({ ok: false, error: { code: 'ITEM_IN_USE' } });
    const history = await t.admin.call('targets.history', { id: (first as TargetDto).id });
    expect(history.map((h) => h.action)).toEqual(['targets.tagBulk.remove', 'targets.tagBulk.add', 'targets.setTags', 'targets.create']);
    const { jobId: v } = await t.admin.call('audit.verify', {});
    await t.app.services.jobs.idle();
    expect((await t.admin.call('jobs.get', { id: v })).result).toMatchObject({ ok: true });
  });

  it("a district clerk's bulk tagging and export cover only their bureau", async () => {
    t = await makeTestContext();
    await seed(t);
    const [item] = (await makeItems(t, 1)) as [number];
    const clerk = await t.createUser('hp.clerk', '210102', ['clerk']);
    expect(await clerk.raw('targets.tagBulk', { filter: { bureauId: t.bureauId('210103') }, itemIds: [item], action: 'add' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { jobId } = await clerk.call('targets.tagBulk', { filter: {}, itemIds: [item], action: 'add' });
    await t.app.services.jobs.idle();
    expect((await clerk.call('jobs.get', { id: jobId })).result).toEqual({ changed: 3, matched: 3 });
  });

  it('exports the filtered directory as CSV with BOM and as XLSX that the import reads back', async () => {
    t = await makeTestContext();
    await seed(t);
    const csvJob = await t.admin.call('targets.export', { filter: { query: '食品' }, format: 'csv' });
    await t.app.services.jobs.idle();
    const csv = (await t.admin.call('jobs.get', { id: csvJob.jobId })).result as { path: string; rows: number; fileName: string };
    expect(csv.rows).toBe(3);
    expect(path.dirname(csv.path)).toBe(path.join(t.dataDir, 'exports'));
    const text = fs.readFileSync(csv.path, 'utf8');
    expect(text.startsWith('\uFEFF统一社会信用代码,名称,主体类型')).toBe(true);
    expect(text).toContain('沈河区市场监督管理局');
    expect(text).toContain(',高,A,存续');

    const xlsxJob = await t.admin.call('targets.export', { filter: {}, format: 'xlsx' });
    await t.app.services.jobs.idle();
    const xlsx = (await t.admin.call('jobs.get', { id: xlsxJob.jobId })).result as { path: string; rows: number };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path);
    expect(wb.worksheets[0]?.rowCount).toBe(6);
    // Round trip: importing the export changes nothing.
    const staged = await t.admin.call('imports.stageFile', { path: xlsx.path });
    const { jobId } = await t.admin.call('imports.start', { stagedId: staged.id, directory: 'targets' } as never);
    await t.app.services.jobs.idle();
    expect((await t.admin.call('jobs.get', { id: jobId })).result).toMatchObject({ inserted: 0, updated: 0, unchanged: 5, rejected: 0 });
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditVerifyReport } from '../../shared/contract';
import { cli } from '../support/cli';
import { seedCorrection, seededWorld, seedResult } from '../support/result-seed';
import { createAppContext } from '../../electron/core/app-context';
import { createHeadlessPlatform } from '../../electron/host/headless-platform';
import { makeTestContext, memoryLogger, RESOURCES_DIR, tempDir, type TestContext } from '../support/test-context';

const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
/** pdftotext -layout may spread a table cell over columns; compare without any whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');
/** Rendered pages are kept here to be looked at, next to the notice and register of documents.test.ts. */
const SHOTS = path.resolve(__dirname, '../../test-results/documents');

async function auditOk(t: TestContext) {
  const { jobId } = await t.admin.call('audit.verify', {});
  await t.app.services.jobs.idle();
  return (await t.admin.call('jobs.get', { id: jobId })).result as AuditVerifyReport;
}

/** A drawn inspection with an address and legal representative, a result with a finding, and a correction order. */
async function orderWorld(t: TestContext) {
  const w = await seededWorld(t);
  const [first, second] = w.inspections;
  if (!first || !second) throw new Error('draw created too few inspections');
  const target = await t.admin.call('targets.get', { id: first.targetId });
  await t.admin.call('targets.update', {
    id: target.id, expectedVersion: target.version, kind: target.kind, creditCode: target.creditCode, name: target.name, territorialBureauId: target.territorialBureauId,
    riskLevel: target.riskLevel, creditClass: target.creditClass, industry: target.industry, address: '沈阳市和平区太原北街8号', legalRep: '李法人',
  });
  await seedResult(t, {
    inspectionId: first.inspectionId, endedOn: '2026-04-20', formedOn: '2026-04-24', categories: ['corrected'], measures: ['order_correction'], followUp: 'open',
    items: [{ itemId: w.itemIds[0]!, checked: true, finding: '食品经营许可证未在经营场所显著位置悬挂' }, { itemId: w.itemIds[1]!, checked: true }],
  });
  const correctionId = await seedCorrection(t, { inspectionId: first.inspectionId, content: '在经营场所显著位置悬挂食品经营许可证正本', issuedOn: '2026-04-24', deadlineOn: '2026-05-15' });
  return { w, first, second, correctionId };
}

describe('责令改正通知书 (documents.render kind order)', () => {
  it('renders the order with its own gapless 文号, prints the party, problems, content, basis and deadline, and points the correction at it', async () => {
    const t = await makeTestContext();
    const { w, first, second, correctionId } = await orderWorld(t);
    const bureau = t.app.services.bureaus.get(w.bureauId);

    const order = await t.admin.call('documents.render', { inspectionId: first.inspectionId, kind: 'order', correctionId });
    expect(order).toMatchObject({ kind: 'order', version: 1, docNo: `${bureau.shortName}责改〔2026〕1号`, title: '责令改正通知书', responsible: bureau.name, docDate: '2026-04-24' });
    expect(order.volumeId).not.toBeNull();
    const exported = await t.admin.call('documents.exportFile', { id: order.id });
    const file = path.join(t.dataDir, 'exports', exported.fileName);
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
    const text = squash(pdftotext(file));
    for (const expected of [
      '责令改正通知书', order.docNo!, first.name, first.code, '沈阳市和平区太原北街8号', '李法人',
      '食品经营许可证未在经营场所显著位置悬挂', '在经营场所显著位置悬挂食品经营许可证正本',
      '2026年5月15日前', '《中华人民共和国食品安全法》第三十五条', '《中华人民共和国食品安全法》第六十七条',
      '逾期不改正', '陈述、申辩', '行政复议', '行政诉讼', `${bureau.name}（印章）`, '2026年4月24日', '送达回执',
    ]) {
      expect(text, expected).toContain(squash(expected));
    }

    // The correction points at its latest 通知书; its version moved.
    const correction = await t.app.db.get<{ document_id: number; version: number }>('SELECT document_id, version FROM correction_orders WHERE id = ?', [correctionId]);
    expect(correction).toMatchObject({ document_id: order.id, version: 2 });

    // Rendered again: version 2, the next number of the order sequence (the notice sequence is separate).
    const again = await t.admin.call('documents.render', { inspectionId: first.inspectionId, kind: 'order', correctionId });
    expect(again).toMatchObject({ version: 2, docNo: `${bureau.shortName}责改〔2026〕2号` });
    expect((await t.admin.call('documents.render', { inspectionId: first.inspectionId, kind: 'notice' })).docNo).toBe(`${bureau.shortName}检告〔2026〕1号`);
    expect((await t.app.db.get<{ document_id: number }>('SELECT document_id FROM correction_orders WHERE id = ?', [correctionId]))?.document_id).toBe(again.id);

    // An order needs its correction; the correction must be this inspection's; other kinds take none.
    expect(await t.admin.raw('documents.render', { inspectionId: first.inspectionId, kind: 'order' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.admin.raw('documents.render', { inspectionId: first.inspectionId, kind: 'notice', correctionId })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.admin.raw('documents.render', { inspectionId: second.inspectionId, kind: 'order', correctionId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The refused attempts consumed no number.
    const third = await t.admin.call('documents.render', { inspectionId: first.inspectionId, kind: 'order', correctionId });
    expect(third.docNo).toBe(`${bureau.shortName}责改〔2026〕3号`);

    fs.mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', file, path.join(SHOTS, 'order-page1')]);
    expect(fs.statSync(path.join(SHOTS, 'order-page1.png')).size).toBeGreaterThan(10_000);

    const report = await auditOk(t);
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    await t.app.close();
  });

  it('casebinder docs render order takes the latest correction of the inspection by default', async () => {
    const t = await makeTestContext();
    const { w, first } = await orderWorld(t);
    const later = await seedCorrection(t, { inspectionId: first.inspectionId, content: '建立进货查验记录制度并如实记录', issuedOn: '2026-05-06', deadlineOn: '2026-05-20' });
    const short = t.app.services.bureaus.get(w.bureauId).shortName;
    await t.app.close();
    const out = path.join(tempDir(), 'order.pdf');
    const { code, stdout, stderr } = await cli(['docs', 'render', 'order', '--inspection', String(first.inspectionId), '--out', out, '--data-dir', t.dataDir, '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'order', docNo: `${short}责改〔2026〕1号`, file: out });
    const text = squash(pdftotext(out));
    expect(text).toContain('建立进货查验记录制度并如实记录');
    expect(text).toContain('2026年5月20日前');
    const reopened = await createAppContext({ dataDir: t.dataDir, resourcesDir: RESOURCES_DIR, platform: createHeadlessPlatform(), clock: t.clock, logger: memoryLogger().logger });
    expect((await reopened.db.get<{ document_id: number | null }>('SELECT document_id FROM correction_orders WHERE id = ?', [later]))?.document_id).toBe(JSON.parse(stdout).documentId);
    await reopened.close();
  });
});

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MASKED_TEXT } from '../../shared/domain/documents/doc-fields';
import { verifyArchive } from '../support/archive-fixtures';
import { reviewedInspection, todayOf } from '../support/inspection-fixtures';
import { makeTestContext, type TestContext } from '../support/test-context';
import { bindVolume, importBytes, textPdf } from '../support/volume-fixtures';

const ADDRESS = '沈阳市和平区南京北街一百零八号';
const LEGAL_REP = '甄隐私';
const squash = (s: string) => s.replace(/\s+/g, '');
const text = (file: string) => squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));

/** A reviewed inspection whose target has an address and a legal representative, with its notice and register rendered. */
async function volumeWithPersonalFacts(t: TestContext) {
  const reviewed = await reviewedInspection(t);
  const target = await t.admin.call('targets.get', { id: reviewed.inspection.targetId });
  await t.admin.call('targets.update', {
    id: target.id, expectedVersion: target.version, kind: target.kind, creditCode: target.creditCode, name: target.name, territorialBureauId: target.territorialBureauId,
    riskLevel: target.riskLevel, creditClass: target.creditClass, industry: target.industry, address: ADDRESS, legalRep: LEGAL_REP,
  });
  await t.admin.call('documents.render', { inspectionId: reviewed.inspectionId, kind: 'notice' });
  await t.admin.call('documents.render', { inspectionId: reviewed.inspectionId, kind: 'register' });
  const volumeId = reviewed.inspection.volumeId as number;
  const bureau = t.app.services.bureaus.get(reviewed.inspection.inspectingBureauId).divisionCode as string;
  const clerk = await t.createUser('clerk-f', bureau, ['clerk']);
  await clerk.call('publish.mark', { inspectionIds: [reviewed.inspectionId], publishedOn: todayOf(t), platforms: ['gsxt'] });
  const proof = await importBytes(t, volumeId, 'receipt.pdf', await textPdf(['SERVICE RECEIPT']), { docType: 'service_proof', title: '送达回证' });
  if (!proof.ok) throw new Error(JSON.stringify(proof));
  const volume = await t.admin.call('volumes.get', { id: volumeId });
  const notice = volume.entries.find((e) => e.docType === 'notice')!;
  const register = volume.entries.find((e) => e.docType === 'register')!;
  return { ...reviewed, bureau, volumeId, notice, register, certNos: reviewed.inspection.members.filter((m) => m.kind === 'inspector').map((m) => m.certNo).filter((c): c is string => Boolean(c)) };
}

async function exportedText(t: TestContext, volumeId: number, isPublic: boolean) {
  const { fileName } = await t.admin.call('volumes.exportFile', { id: volumeId, public: isPublic });
  return text(path.join(t.dataDir, 'exports', fileName));
}

describe('non-public fields of generated documents (issue 7 item 6)', () => {
  it('the public copy re-renders the notice and register with the marked fields masked; the full version keeps them', async () => {
    const t = await makeTestContext();
    const v = await volumeWithPersonalFacts(t);
    expect(v.certNos.length).toBeGreaterThan(0);
    await t.admin.call('volumes.markNonPublic', { entryId: v.notice.id, pageIndex: null, field: 'address', reason: 'privacy', note: '个体经营者住址' });
    await t.admin.call('volumes.markNonPublic', { entryId: v.notice.id, pageIndex: null, field: 'legal_rep', reason: 'privacy', note: null });
    await t.admin.call('volumes.markNonPublic', { entryId: v.notice.id, pageIndex: null, field: 'inspector_cert', reason: 'privacy', note: null });
    await t.admin.call('volumes.markNonPublic', { entryId: v.register.id, pageIndex: null, field: 'address', reason: 'privacy', note: null });
    await t.admin.call('volumes.markNonPublic', { entryId: v.register.id, pageIndex: null, field: 'legal_rep', reason: 'privacy', note: null });
    const marked = await t.admin.call('volumes.markNonPublic', { entryId: v.register.id, pageIndex: null, field: 'inspector_cert', reason: 'privacy', note: null });
    expect(marked.marks.map((m) => [m.field, m.pageIndex, m.region])).toEqual([['address', null, null], ['legal_rep', null, null], ['inspector_cert', null, null]]);

    await bindVolume(t, v.volumeId);
    const { jobId } = await t.admin.call('volumes.bindPublic', { id: v.volumeId });
    await t.app.services.jobs.idle();
    const job = await t.admin.call('jobs.get', { id: jobId });
    expect(job.state, JSON.stringify(job.errorDetails)).toBe('succeeded');
    expect((job.result as { withheldPages: number }).withheldPages).toBe(0); // masked fields withhold no page

    const full = await exportedText(t, v.volumeId, false);
    const pub = await exportedText(t, v.volumeId, true);
    for (const secret of [ADDRESS, LEGAL_REP, ...v.certNos]) {
      expect(full, `full version keeps ${secret}`).toContain(squash(secret));
      expect(pub, `public copy leaks ${secret}`).not.toContain(squash(secret));
    }
    expect(pub).toContain(squash(MASKED_TEXT));
    // The rest of the forms is there, as printed: the notice's 文号 and the inspectors' names.
    expect(pub).toContain(squash(v.notice.docNo!));
    for (const m of v.inspection.members.filter((x) => x.kind === 'inspector')) expect(pub).toContain(squash(m.name));
    // The full version's 备考表 lists the masked fields; the public one says fields were masked, not what they held.
    expect(full).toContain(squash('住所（经营场所）'));
    expect(full).toContain('栏目不予公开');
    expect(pub).toContain(squash('相关文书已按原样重新生成并隐去该栏目内容'));
    // A re-rendered form is not a withheld page: the four-property check reports no leak.
    const run = await verifyArchive(t, v.volumeId);
    expect(run.failures.filter((f) => f.code === 'PUBLIC_COPY_LEAK')).toEqual([]);
  });

  it('refuses a field mark on an imported document, on a field the form does not print, and twice on one field; lifting is audited', async () => {
    const t = await makeTestContext();
    const v = await volumeWithPersonalFacts(t);
    const imported = await importBytes(t, v.volumeId, 'licence.pdf', await textPdf(['LICENCE']), { docType: 'evidence', title: '营业执照' });
    if (!imported.ok) throw new Error(JSON.stringify(imported));
    const importedId = (imported.value as { id: number }).id;
    const refused = async (input: object) => (await t.admin.raw('volumes.markNonPublic', { pageIndex: null, reason: 'privacy', note: null, ...input })) as { ok: boolean; error?: { code: string; message: string } };
    expect(await refused({ entryId: importedId, field: 'address' })).toMatchObject({ ok: false, error: { code: 'VOLUME_FIELD_INVALID' } });
    expect(await refused({ entryId: v.notice.id, field: 'experts' })).toMatchObject({ ok: false, error: { code: 'VOLUME_FIELD_INVALID' } });
    expect(await refused({ entryId: v.notice.id, field: 'address', pageIndex: 0 })).toMatchObject({ ok: false, error: { code: 'VOLUME_FIELD_INVALID' } });
    const first = await t.admin.call('volumes.markNonPublic', { entryId: v.notice.id, pageIndex: null, field: 'address', reason: 'privacy', note: null });
    expect(await refused({ entryId: v.notice.id, field: 'address' })).toMatchObject({ ok: false, error: { code: 'VOLUME_MARK_EXISTS' } });
    // A field mark and a whole-document mark live side by side.
    await t.admin.call('volumes.markNonPublic', { entryId: v.notice.id, pageIndex: null, reason: 'trade_secret', note: null });
    const markId = first.marks.find((m) => m.field === 'address')!.id;
    const legal = await t.createUser('legal-f', v.bureau, ['legal']);
    const lifted = await legal.call('volumes.liftNonPublic', { id: markId, reason: '经营场所地址已在营业执照公示' });
    expect(lifted.marks.find((m) => m.id === markId)).toMatchObject({ field: 'address', liftReason: '经营场所地址已在营业执照公示' });
    const history = await t.app.services.audit.history('volume_redaction', markId);
    expect(history.map((e) => e.action)).toEqual(['volumes.liftNonPublic', 'volumes.markNonPublic']); // newest first
    // The chain and every entity's snapshot (the new field column included) still verify.
    const { jobId } = await t.admin.call('audit.verify', {});
    await t.app.services.jobs.idle();
    expect((await t.admin.call('jobs.get', { id: jobId })).result).toMatchObject({ ok: true, problems: [] });
  });
});

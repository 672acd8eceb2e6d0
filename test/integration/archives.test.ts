import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../support/test-context';
import { archiveStaff, completeVolume, manualItems, verifyArchive } from '../support/archive-fixtures';
import { bindVolume, importBytes, textPdf } from '../support/volume-fixtures';

describe('archives: legal review (法制审核) → archiving (档号, read-only)', () => {
  it('submit → review with automatic findings → return → resubmit → approve → archive, 档号 gapless over two volumes, read-only afterwards', async () => {
    const t = await makeTestContext();
    const a = await completeVolume(t);
    const b = await completeVolume(t, a.drawn, 1);
    const c = await completeVolume(t, a.drawn, 2);
    const { clerk, legal, legalBinder } = await archiveStaff(t);
    const bureau = t.app.services.bureaus.get(t.bureauId('210102'));

    // Only a bound volume whose latest binding is current can be submitted.
    expect(await clerk.raw('archives.submitForReview', { volumeId: a.volumeId })).toMatchObject({ ok: false, error: { code: 'VOLUME_NOT_BOUND' } });
    await bindVolume(t, a.volumeId, clerk);
    t.clock.advance(60_000);
    expect((await importBytes(t, a.volumeId, 'late.pdf', await textPdf(['LATE ADDITION']), { docType: 'evidence', title: '补充材料' }, clerk)).ok).toBe(true);
    expect(await clerk.raw('archives.submitForReview', { volumeId: a.volumeId })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_BINDING_STALE' } });
    await bindVolume(t, a.volumeId, clerk);
    const round1 = await clerk.call('archives.submitForReview', { volumeId: a.volumeId });
    expect(round1).toMatchObject({ round: 1, bindingVersion: 2, decision: null, submittedByName: 'dag1' });
    expect(await clerk.raw('archives.submitForReview', { volumeId: a.volumeId })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_STATE_INVALID' } });

    // The sheet: automatic findings from the volume and its inspection, manual items to tick.
    const sheet = await legal.call('archives.getReview', { volumeId: a.volumeId });
    expect(sheet.volumeStatus).toBe('in_review');
    expect(sheet.open?.round).toBe(1);
    expect(Object.fromEntries(sheet.findings.map((f) => [f.key, f.status]))).toEqual({
      completeness: 'ok', deadlines: 'ok', signatures: 'ok', non_public: 'not_applicable', custody: 'ok', result_follow_up: 'ok',
    });
    expect(sheet.findings.find((f) => f.key === 'signatures')?.notes).toEqual(['已签字的登记表尚未扫描入卷']);
    expect(sheet.manualItems).toHaveLength(5);

    // In review the volume is read-only.
    const before = await t.admin.call('volumes.get', { id: a.volumeId });
    expect(await clerk.raw('volumes.update', { id: a.volumeId, version: before.version, title: '改名' })).toMatchObject({ ok: false, error: { code: 'VOLUME_IN_REVIEW' } });

    // Who decides: the legal role only, never the clerk who submitted or bound it; a return needs comments.
    const decision = { volumeId: a.volumeId, round: 1, items: manualItems(), comments: null };
    expect(await clerk.raw('archives.decide', { ...decision, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.admin.raw('archives.decide', { ...decision, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await legal.raw('archives.decide', { ...decision, decision: 'return' })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_REVIEW_ITEMS' } });
    expect(await legal.raw('archives.decide', { ...decision, decision: 'approve', items: manualItems().slice(1) })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_REVIEW_ITEMS' } });
    const returned = await legal.call('archives.decide', { ...decision, decision: 'return', items: manualItems({ documents_standard: '补充材料未写明文号' }), comments: '请补正后重新装订提交' });
    expect(returned).toMatchObject({ decision: 'return', reviewerName: 'fzsh1', returnList: ['文书制作规范、填写完整：补充材料未写明文号', '请补正后重新装订提交'] });
    expect(returned.findings).toHaveLength(6);
    expect(await legal.raw('archives.decide', { ...decision, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_STATE_INVALID' } });

    // Back with the clerk: editable again; fix, rebind, resubmit; approve; archive.
    let volume = await clerk.call('volumes.get', { id: a.volumeId });
    expect(volume.status).toBe('bound');
    const late = volume.entries.find((e) => e.title === '补充材料');
    await clerk.call('volumes.updateDocument', { id: late!.id, version: late!.version, docType: 'evidence', docNo: '补-1', responsible: '被检查人', title: '补充材料', docDate: '2026-03-02', remark: null });
    expect(await clerk.raw('archives.archive', { volumeId: a.volumeId })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_NOT_APPROVED' } });
    await bindVolume(t, a.volumeId, clerk);
    expect(await clerk.call('archives.submitForReview', { volumeId: a.volumeId })).toMatchObject({ round: 2, bindingVersion: 3 });
    const approved = await legal.call('archives.decide', { volumeId: a.volumeId, round: 2, decision: 'approve', items: manualItems(), comments: null });
    expect(approved).toMatchObject({ round: 2, decision: 'approve', returnList: [] });
    expect(await clerk.raw('archives.archive', { volumeId: a.volumeId, retention: 'Y' })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_RETENTION_INVALID' } });
    expect(await clerk.raw('archives.archive', { volumeId: a.volumeId, retention: 'D30', retentionReason: '重要' })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_RETENTION_INVALID' } });
    const archivedA = await clerk.call('archives.archive', { volumeId: a.volumeId });
    const prefix = `${bureau.fondsCode}-WS·2026-D10-${bureau.orgCode}`;
    expect(archivedA).toMatchObject({ archiveNo: `${prefix}-001`, seq: 1, retention: 'D10', year: 2026, bindingVersion: 3, reviewId: approved.id, archivedByName: 'dag1' });

    // The second volume: bound by a legal user, who therefore may not review it.
    await bindVolume(t, b.volumeId, legalBinder);
    const roundB = await clerk.call('archives.submitForReview', { volumeId: b.volumeId });
    expect(await legalBinder.raw('archives.decide', { volumeId: b.volumeId, round: roundB.round, decision: 'approve', items: manualItems(), comments: null })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_SELF_REVIEW' } });
    await legal.call('archives.decide', { volumeId: b.volumeId, round: roundB.round, decision: 'approve', items: manualItems(), comments: null });
    expect((await clerk.call('archives.archive', { volumeId: b.volumeId })).archiveNo).toBe(`${prefix}-002`);

    // Retention raised to 永久 with a reason: its own counter.
    await bindVolume(t, c.volumeId, clerk);
    const roundC = await clerk.call('archives.submitForReview', { volumeId: c.volumeId });
    await legal.call('archives.decide', { volumeId: c.volumeId, round: roundC.round, decision: 'approve', items: manualItems(), comments: null });
    const archivedC = await clerk.call('archives.archive', { volumeId: c.volumeId, retention: 'Y', retentionReason: '典型案例，永久保存' });
    expect(archivedC).toMatchObject({ archiveNo: `${bureau.fondsCode}-WS·2026-Y-${bureau.orgCode}-001`, retention: 'Y', retentionReason: '典型案例，永久保存', seq: 1 });
    expect((await clerk.call('volumes.get', { id: c.volumeId })).retention).toBe('Y');

    // Archived: the DTO carries the 档号; every mutation is refused and nothing changes.
    volume = await clerk.call('volumes.get', { id: a.volumeId });
    expect(volume).toMatchObject({ status: 'archived', archiveNo: `${prefix}-001`, retention: 'D10' });
    const entry = volume.entries[0]!;
    const attempts: [string, unknown][] = [
      ['volumes.update', { id: a.volumeId, version: volume.version, title: '改名' }],
      ['volumes.updateDocument', { id: entry.id, version: entry.version, docType: entry.docType, docNo: entry.docNo, responsible: entry.responsible, title: entry.title, docDate: entry.docDate, remark: '改' }],
      ['volumes.reorder', { volumeId: a.volumeId, entryIds: [...volume.entries].reverse().map((e) => e.id) }],
      ['volumes.setPageState', { entryId: entry.id, pageIndex: 0, rotation: 90, excluded: false, reason: null }],
      ['volumes.markNonPublic', { entryId: entry.id, pageIndex: null, reason: 'privacy', note: null }],
      ['volumes.bind', { id: a.volumeId }],
      ['volumes.bindPublic', { id: a.volumeId }],
      ['archives.submitForReview', { volumeId: a.volumeId }],
      ['archives.archive', { volumeId: a.volumeId }],
      ['documents.render', { inspectionId: a.inspectionId, kind: 'notice' }],
    ];
    for (const [method, input] of attempts) expect(await t.admin.raw(method, input), method).toMatchObject({ ok: false, error: { code: 'VOLUME_ARCHIVED' } });
    expect((await importBytes(t, a.volumeId, 'x.pdf', await textPdf(['X']), { docType: 'other' })).ok).toBe(false);
    expect(await clerk.call('volumes.get', { id: a.volumeId })).toEqual(volume);
    // The archived file (cover with the 档号) is made by a job after archiving: the only addition.
    await t.app.services.jobs.idle();
    expect(await clerk.call('archives.get', { volumeId: a.volumeId })).toEqual({ ...archivedA, fileState: 'current', fileJobId: null, files: [expect.objectContaining({ version: 1, bindingVersion: archivedA.bindingVersion })] });

    // A later addition is a supplement (补充件) noted for the 备考表; the archived volume stays as it was.
    expect(await clerk.raw('archives.addSupplement', { volumeId: (await t.admin.call('volumes.list', {})).items.find((x) => x.status !== 'archived')!.id, note: 'x' })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_STATE_INVALID' } });
    const supplemented = await clerk.call('archives.addSupplement', { volumeId: a.volumeId, note: '2026-05-10 补充整改复查照片 3 张（纸质，存盒内）' });
    expect(supplemented.supplements).toMatchObject([{ note: '2026-05-10 补充整改复查照片 3 张（纸质，存盒内）', addedByName: 'dag1' }]);
    expect(supplemented.archiveNo).toBe(archivedA.archiveNo);
    expect(await clerk.call('volumes.get', { id: a.volumeId })).toEqual(volume);

    // Paper originals: where the box is, with its history.
    await clerk.call('archives.setLocation', { volumeId: a.volumeId, room: '一号库房', cabinet: '3', shelf: '2', box: '2026-D10-001' });
    t.clock.advance(60_000);
    const moved = await clerk.call('archives.setLocation', { volumeId: a.volumeId, room: '二号库房', cabinet: '1', shelf: '1', box: '2026-D10-001', reason: '库房调整' });
    expect(moved.locations).toMatchObject([{ room: '二号库房', reason: '库房调整', movedByName: 'dag1' }, { room: '一号库房', reason: null }]);
    expect(await clerk.raw('archives.setLocation', { volumeId: a.volumeId, room: ' ', cabinet: '', shelf: '', box: '1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    // Audited throughout, and the chain holds; the archive passes its four-property check.
    const actions = (await t.admin.call('audit.list', { limit: 500 })).map((e) => e.action);
    for (const action of ['archives.submitForReview', 'archives.decide', 'archives.returnVolume', 'archives.archive', 'archives.addSupplement', 'archives.setLocation']) expect(actions, action).toContain(action);
    const run = await verifyArchive(t);
    expect(run, JSON.stringify(run.failures)).toMatchObject({ ok: true, checked: 3, failures: [] });
    expect(run.pages).toBeGreaterThan(0);

    // 归档过程安全性: the approval behind an archive, edited behind the app's back, is caught.
    await t.app.db.write(async (tx) => {
      await tx.run('DROP TRIGGER legal_reviews_frozen');
      await tx.run(`UPDATE legal_reviews SET decision = 'return' WHERE id = ?`, [approved.id]);
    });
    const tampered = await verifyArchive(t, a.volumeId);
    expect(tampered.failures.map((f) => `${f.code} ${f.item}`)).toEqual(expect.arrayContaining([`REVIEW_INVALID archive:${a.volumeId}`, `AUDIT_ROW_MISMATCH legal_review:${approved.id}`]));
    await t.app.close();
  }, 240_000);

  it('档号 pattern per bureau: validated, with an example', async () => {
    const t = await makeTestContext();
    const heping = t.bureauId('210102');
    expect((await t.admin.call('archives.getSettings', { bureauId: heping })).isDefault).toBe(true);
    expect(await t.admin.raw('archives.updateSettings', { bureauId: heping, pattern: '{全宗号}-{年度}' })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_PATTERN_INVALID' } });
    const set = await t.admin.call('archives.updateSettings', { bureauId: heping, pattern: '{全宗号}-WS·{年度}-{保管期限}-{案卷号}' });
    expect(set.example).toMatch(/^J\d{3}-WS·2026-D10-001$/);
    await t.app.close();
  });
});

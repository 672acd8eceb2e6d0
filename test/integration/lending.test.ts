import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveStaff } from '../support/archive-fixtures';
import { archivedVolumeWithSecret, KEPT_TEXT, WITHHELD_TEXT } from '../support/lending-fixtures';
import { makeTestContext, type TestContext } from '../support/test-context';

/** pdftotext -raw keeps a diagonal line together; compare without whitespace. */
const textOf = (file: string) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
const exported = (t: TestContext, fileName: string) => path.join(t.dataDir, 'exports', fileName);
type Caller = Awaited<ReturnType<TestContext['signIn']>>;
/** Let days pass; the callers stay signed in (sessions end after 12 idle hours). */
async function passDays(t: TestContext, days: number, callers: Caller[]) {
  for (let h = 0; h < days * 24; h += 8) {
    t.clock.advance(8 * 3600_000);
    for (const c of callers) await c.call('auth.me', {});
  }
}

describe('lending (借阅): request → approve → watermarked copy; paper out/return; overdue; audit', () => {
  it('hands an inspector the watermarked public copy and the legal role the full version; refuses self-approval, expired loans and other bureaus', async () => {
    const t = await makeTestContext();
    const v = await archivedVolumeWithSecret(t);
    const { clerk, legal } = await archiveStaff(t);
    const inspector = await t.createUser('jcy-lend', '210102', ['inspector']);
    const otherClerk = await t.createUser('dag-other', '210103', ['clerk']);
    const archiveNo = v.archive.archiveNo;

    // Not archived: refused.
    expect(await inspector.raw('lending.request', { volumeId: 999, form: 'electronic', purpose: 'consult', days: 7 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // An inspector asks for an electronic loan; the clerk approves it.
    const asked = await inspector.call('lending.request', { volumeId: v.volumeId, form: 'electronic', purpose: 'consult', purposeNote: '复查前查阅', days: 7 });
    expect(asked).toMatchObject({ status: 'requested', state: 'requested', borrowerName: 'jcy-lend', archiveNo, dueOn: null, copyAvailable: false });
    expect(await inspector.raw('lending.approve', { id: asked.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await inspector.raw('lending.openCopy', { id: asked.id })).toMatchObject({ ok: false, error: { code: 'LENDING_EXPIRED' } });
    // Bureau scope: another district's clerk neither sees the volume nor decides its loans.
    expect(await otherClerk.raw('lending.request', { volumeId: v.volumeId, form: 'electronic', purpose: 'consult', days: 7 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await otherClerk.raw('lending.approve', { id: asked.id })).toMatchObject({ ok: false, error: { code: 'LENDING_NOT_CUSTODY' } });
    expect(await otherClerk.raw('lending.get', { id: asked.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await otherClerk.call('lending.list', {})).total).toBe(0);
    const approved = await clerk.call('lending.approve', { id: asked.id });
    expect(approved).toMatchObject({ status: 'approved', state: 'approved', dueOn: '2026-03-09', decidedByName: 'dag1', copyAvailable: true });
    expect(await clerk.raw('lending.approve', { id: asked.id })).toMatchObject({ ok: false, error: { code: 'LENDING_STATE_INVALID' } });

    // The copy: the public copy (the withheld page is a placeholder), watermarked on every page.
    expect(await clerk.raw('lending.openCopy', { id: asked.id })).toMatchObject({ ok: false, error: { code: 'LENDING_NOT_BORROWER' } });
    const copy = await inspector.call('lending.openCopy', { id: asked.id });
    expect(copy).toMatchObject({ variant: 'public', version: 1 });
    const copyFile = exported(t, copy.fileName);
    const bytes = fs.readFileSync(copyFile);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(copy.sha256);
    const text = textOf(copyFile);
    expect(text).toContain(`借阅：jcy-lend2026-03-02${archiveNo}`.replace(/\s+/g, ''));
    expect(text).toContain(KEPT_TEXT.replace(/\s+/g, ''));
    expect(text).not.toContain(WITHHELD_TEXT.replace(/\s+/g, ''));
    const pages = execFileSync('pdfinfo', [copyFile], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1];
    expect(Number(pages)).toBe(copy.pages);
    // Otherwise the public copy as it is: every page kept, none added.
    const volume = await clerk.call('volumes.get', { id: v.volumeId });
    expect(copy.pages).toBe(volume.publicCopies[0]!.pages);
    expect(copy.sha256).not.toBe(volume.publicCopies[0]!.sha256);
    const watermarks = execFileSync('pdftotext', ['-raw', copyFile, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.replace(/\s+/g, '').includes('借阅：jcy-lend'));
    expect(watermarks).toHaveLength(copy.pages);
    const exportedCopy = await inspector.call('lending.openCopy', { id: asked.id, mode: 'export' });
    expect(exportedCopy.sha256).toBe(copy.sha256); // same day, same copy

    // The legal role borrows the full archived version: the withheld page is there.
    const legalLoan = await legal.call('lending.request', { volumeId: v.volumeId, form: 'electronic', purpose: 'evidence', days: 3 });
    expect(await legal.raw('lending.approve', { id: legalLoan.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The clerk borrowing: not approvable by the clerk themself.
    const clerkLoan = await clerk.call('lending.request', { volumeId: v.volumeId, form: 'electronic', purpose: 'copy', days: 3 });
    expect(await clerk.raw('lending.approve', { id: clerkLoan.id })).toMatchObject({ ok: false, error: { code: 'LENDING_SELF_APPROVAL' } });
    expect(await clerk.raw('lending.reject', { id: clerkLoan.id, note: '撤回' })).toMatchObject({ ok: false, error: { code: 'LENDING_SELF_APPROVAL' } });
    await t.admin.call('lending.approve', { id: legalLoan.id, note: null });
    const full = await legal.call('lending.openCopy', { id: legalLoan.id });
    expect(full).toMatchObject({ variant: 'full', version: v.archive.bindingVersion });
    const fullText = textOf(exported(t, full.fileName));
    expect(fullText).toContain(WITHHELD_TEXT.replace(/\s+/g, ''));
    expect(fullText).toContain(`借阅：fzsh1`);
    // The archived file (档号 on its cover, 备考表（续）): the reviewed version plus its continuation page.
    const archived = await t.admin.call('archives.get', { volumeId: v.volumeId });
    expect(archived?.files.length).toBeGreaterThan(0);
    expect(full.pages).toBe(archived!.files[0]!.pages);
    expect(full.pages).toBe(volume.bindings.find((b) => b.version === v.archive.bindingVersion)!.pages + 1);
    expect(fullText).toContain(archiveNo);

    // Every view and export is an audit event with what was handed out.
    const events = await t.app.db.all<{ action: string; actor_login: string; entity_id: string; payload: string }>(`SELECT action, actor_login, entity_id, payload FROM audit_events WHERE action IN ('lending.viewCopy','lending.exportCopy') ORDER BY seq`);
    expect(events.map((e) => [e.action, e.actor_login, Number(e.entity_id)])).toEqual([['lending.viewCopy', 'jcy-lend', asked.id], ['lending.exportCopy', 'jcy-lend', asked.id], ['lending.viewCopy', 'fzsh1', legalLoan.id]]);
    expect(JSON.parse(events[0]!.payload).detail).toMatchObject({ variant: 'public', version: 1, sha256: copy.sha256, archiveNo, fileName: copy.fileName });
    expect(JSON.parse(events[2]!.payload).detail).toMatchObject({ variant: 'full', sha256: full.sha256 });

    // Due date passed: the electronic loan has expired and gives no copy.
    await passDays(t, 8, [inspector, clerk, t.admin]);
    expect(await inspector.call('lending.get', { id: asked.id })).toMatchObject({ state: 'expired', copyAvailable: false, overdue: false });
    expect(await inspector.raw('lending.openCopy', { id: asked.id })).toMatchObject({ ok: false, error: { code: 'LENDING_EXPIRED' } });
    expect((await clerk.call('lending.list', { states: ['expired'] })).items.map((l) => l.id)).toEqual([legalLoan.id, asked.id]);
    // The inspector lists only their own loans.
    expect((await inspector.call('lending.list', {})).items.map((l) => l.id)).toEqual([asked.id]);

    const report = await t.admin.call('audit.verify', {});
    await t.app.services.jobs.idle();
    expect((await t.admin.call('jobs.get', { id: report.jobId })).result).toMatchObject({ ok: true });
  });

  it('paper loans: out and back, one at a time, overdue listed; external borrowers only on paper; no public copy → refused, not leaked', async () => {
    const t = await makeTestContext();
    const v = await archivedVolumeWithSecret(t, { publicCopy: false });
    const { clerk } = await archiveStaff(t);
    const inspector = await t.createUser('jcy-paper', '210102', ['inspector']);

    // No public copy: an inspector's electronic loan cannot give a copy.
    const e = await inspector.call('lending.request', { volumeId: v.volumeId, form: 'electronic', purpose: 'consult', days: 5 });
    await clerk.call('lending.approve', { id: e.id });
    expect(await inspector.raw('lending.openCopy', { id: e.id })).toMatchObject({ ok: false, error: { code: 'LENDING_NO_PUBLIC_COPY' } });
    expect(fs.readdirSync(path.join(t.dataDir, 'exports')).filter((f) => f.startsWith('借阅'))).toEqual([]);

    // An outside person at the counter: paper only, recorded by the custody clerk.
    expect(await inspector.raw('lending.request', { volumeId: v.volumeId, form: 'paper', purpose: 'copy', days: 5, external: { name: '王五', unit: '某律师事务所' } })).toMatchObject({ ok: false, error: { code: 'LENDING_NOT_CUSTODY' } });
    expect(await clerk.raw('lending.request', { volumeId: v.volumeId, form: 'electronic', purpose: 'copy', days: 5, external: { name: '王五', unit: '某律师事务所' } })).toMatchObject({ ok: false, error: { code: 'LENDING_EXTERNAL_ELECTRONIC' } });
    const outside = await clerk.call('lending.request', { volumeId: v.volumeId, form: 'paper', purpose: 'evidence', purposeNote: '诉讼举证', days: 5, external: { name: '王五', unit: '某律师事务所' } });
    expect(outside).toMatchObject({ borrowerUserId: null, borrowerName: '王五', borrowerUnit: '某律师事务所' });
    const mine = await inspector.call('lending.request', { volumeId: v.volumeId, form: 'paper', purpose: 'consult', days: 10 });
    expect(await clerk.raw('lending.checkOut', { id: outside.id })).toMatchObject({ ok: false, error: { code: 'LENDING_STATE_INVALID' } });
    await clerk.call('lending.approve', { id: outside.id });
    await clerk.call('lending.approve', { id: mine.id });
    expect(await clerk.raw('lending.checkOut', { id: e.id })).toMatchObject({ ok: false, error: { code: 'LENDING_STATE_INVALID' } });
    await passDays(t, 1, [inspector, clerk, t.admin]);
    const out = await clerk.call('lending.checkOut', { id: outside.id });
    expect(out).toMatchObject({ status: 'out', state: 'out', dueOn: '2026-03-08', outByName: 'dag1', overdue: false });
    expect(await clerk.raw('lending.checkOut', { id: mine.id })).toMatchObject({ ok: false, error: { code: 'LENDING_PAPER_OUT' } });
    expect((await clerk.call('lending.list', { volumeId: v.volumeId, states: ['out'] })).items.map((l) => l.id)).toEqual([outside.id]);

    // Past due and not back: overdue.
    await passDays(t, 6, [inspector, clerk, t.admin]);
    const overdue = await clerk.call('lending.list', { overdue: true });
    expect(overdue.items.map((l) => [l.id, l.overdue])).toEqual([[outside.id, true]]);
    const back = await clerk.call('lending.return', { id: outside.id, condition: '完好' });
    expect(back).toMatchObject({ status: 'returned', returnCondition: '完好', returnedByName: 'dag1', overdue: false });
    expect((await clerk.call('lending.list', { overdue: true })).total).toBe(0);
    expect(await clerk.raw('lending.return', { id: outside.id, condition: '完好' })).toMatchObject({ ok: false, error: { code: 'LENDING_STATE_INVALID' } });
    expect((await clerk.call('lending.checkOut', { id: mine.id })).status).toBe('out');

    const actions = (await t.admin.call('audit.list', { limit: 200 })).map((x) => x.action);
    for (const a of ['lending.request', 'lending.approve', 'lending.checkOut', 'lending.return']) expect(actions).toContain(a);
    // The row cannot go back behind the app's back.
    await expect(t.app.db.write((tx) => tx.run(`UPDATE loans SET status = 'approved' WHERE id = ?`, [outside.id]))).rejects.toThrow(/forward/);
  });
});

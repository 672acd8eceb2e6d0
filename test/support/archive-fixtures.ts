import type { MethodInput } from '../../shared/contract';
import { MANUAL_ITEM_KEYS } from '../../shared/domain/archives/archives';
import { drawnWorld, reviewedInspection, todayOf, type DrawnWorld } from './inspection-fixtures';
import type { TestContext } from './test-context';
import { bindVolume, importBytes, scanJpeg } from './volume-fixtures';

type Caller = Awaited<ReturnType<TestContext['signIn']>>;

/** Heping's clerk (档案员), legal reviewers (one who may also bind) and the publishing clerk, once per context. */
const staff = new WeakMap<TestContext, { clerk: Caller; legal: Caller; legalBinder: Caller }>();

export async function archiveStaff(t: TestContext) {
  const known = staff.get(t);
  if (known) return known;
  const created = {
    clerk: await t.createUser('dag1', '210102', ['clerk']),
    legal: await t.createUser('fzsh1', '210102', ['legal']),
    legalBinder: await t.createUser('fzsh2', '210102', ['clerk', 'legal']),
  };
  staff.set(t, created);
  return created;
}

/**
 * A complete volume ready to bind: a reviewed inspection (result 未发现问题, signed), its generated 告知书 and
 * 登记表, a JPEG 送达回证, the result published. Several per drawn world by `index`.
 */
export async function completeVolume(t: TestContext, drawn?: DrawnWorld, index = 0) {
  const world = drawn ?? (await drawnWorld(t));
  const reviewed = await reviewedInspection(t, { drawn: world, index });
  const volumeId = reviewed.inspection.volumeId as number;
  await t.admin.call('documents.render', { inspectionId: reviewed.inspectionId, kind: 'notice' });
  await t.admin.call('documents.render', { inspectionId: reviewed.inspectionId, kind: 'register' });
  const jpeg = await scanJpeg(`SERVICE PROOF ${index}`);
  const proof = await importBytes(t, volumeId, 'proof.jpg', jpeg, { docType: 'service_proof', title: '送达回证' });
  if (!proof.ok) throw new Error(JSON.stringify(proof));
  const { clerk } = await archiveStaff(t);
  await clerk.call('publish.mark', { inspectionIds: [reviewed.inspectionId], publishedOn: todayOf(t), platforms: ['gsxt'] });
  return { ...reviewed, drawn: world, volumeId, jpeg, proofEntryId: (proof.value as { id: number }).id };
}

/** Every manual item of the legal review answered (all met unless `failed` says otherwise). */
export function manualItems(failed: Partial<Record<(typeof MANUAL_ITEM_KEYS)[number], string>> = {}): MethodInput<'archives.decide'>['items'] {
  return MANUAL_ITEM_KEYS.map((key) => ({ key, ok: failed[key] === undefined, note: failed[key] ?? null }));
}

/** Run a four-property check through dispatch to its end and return the run. */
export async function verifyArchive(t: TestContext, volumeId?: number, caller = t.admin) {
  const { jobId, runId } = await caller.call('archives.verify', volumeId === undefined ? {} : { volumeId });
  await t.app.services.jobs.idle();
  const job = await caller.call('jobs.get', { id: jobId });
  if (job.state !== 'succeeded') throw new Error(`verify job ${job.state}: ${job.errorCode} ${JSON.stringify(job.errorDetails)}`);
  return caller.call('archives.fixityRun', { id: runId });
}

/** The clerk submits the bound volume for the legal review and the legal division approves it (ready to archive). */
export async function approveForArchive(t: TestContext, volumeId: number) {
  const { clerk, legal } = await archiveStaff(t);
  const round = await clerk.call('archives.submitForReview', { volumeId });
  return legal.call('archives.decide', { volumeId, round: round.round, decision: 'approve', items: manualItems(), comments: null });
}

/** Bound by Heping's clerk, reviewed, approved and archived; the archived-file job run to its end. */
export async function archivedVolume(t: TestContext, world?: DrawnWorld, index = 0) {
  const v = await completeVolume(t, world, index);
  const { clerk } = await archiveStaff(t);
  await bindVolume(t, v.volumeId, clerk);
  await approveForArchive(t, v.volumeId);
  const archived = await clerk.call('archives.archive', { volumeId: v.volumeId });
  await t.app.services.jobs.idle();
  return { ...v, archived, clerk };
}

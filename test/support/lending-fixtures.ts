import { archiveStaff, completeVolume, manualItems } from './archive-fixtures';
import type { TestContext } from './test-context';
import { bindVolume, importBytes, textPdf } from './volume-fixtures';

export const KEPT_TEXT = 'KEPT PAGE TEXT';
export const WITHHELD_TEXT = 'WITHHELD REVENUE FIGURES';

/**
 * An archived volume at Heping (210102) with a two-page evidence document whose second page is marked
 * 不予公开 (trade secret), bound, with its public copy made from that binding, reviewed and archived.
 * `publicCopy: false` archives it without a public copy.
 */
export async function archivedVolumeWithSecret(t: TestContext, options: { publicCopy?: boolean; index?: number; drawn?: Awaited<ReturnType<typeof completeVolume>>['drawn'] } = {}) {
  const v = await completeVolume(t, options.drawn, options.index ?? 0);
  const { clerk, legal } = await archiveStaff(t);
  const evidence = await importBytes(t, v.volumeId, 'evidence.pdf', await textPdf([KEPT_TEXT, WITHHELD_TEXT]), { docType: 'evidence', title: '经营情况' }, clerk);
  if (!evidence.ok) throw new Error(JSON.stringify(evidence));
  await clerk.call('volumes.markNonPublic', { entryId: (evidence.value as { id: number }).id, pageIndex: 1, reason: 'trade_secret', note: null });
  await bindVolume(t, v.volumeId, clerk);
  if (options.publicCopy ?? true) {
    const { jobId } = await clerk.call('volumes.bindPublic', { id: v.volumeId });
    await t.app.services.jobs.idle();
    const job = await clerk.call('jobs.get', { id: jobId });
    if (job.state !== 'succeeded') throw new Error(`public copy job ${job.state}: ${job.errorCode}`);
  }
  const round = await clerk.call('archives.submitForReview', { volumeId: v.volumeId });
  await legal.call('archives.decide', { volumeId: v.volumeId, round: round.round, decision: 'approve', items: manualItems(), comments: (options.publicCopy ?? true) ? null : '公开版另行制作' });
  const archive = await clerk.call('archives.archive', { volumeId: v.volumeId });
  return { ...v, archive };
}

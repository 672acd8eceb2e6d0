import type { archivesMethods } from '../../../shared/contract';
import { AppError } from '../../../shared/errors/app-error';
import { findVolume } from '../volumes/volume-repository';
import type { Database } from '../db/database';
import type { CallContext, Handlers } from '../rpc/call-context';
import type { AssertAnyBureau } from '../volumes/volume-service';
import type { ArchiveService } from './archive-service';
import type { ArchivePrints } from './archive-prints';
import type { ArchivedFileJob } from './archived-file-job';
import type { Fixity } from './fixity';
import type { FixitySchedule } from './fixity-schedule';

type Names = keyof typeof archivesMethods;

/** A volume is the business of its custody bureau and of the bureau that inspected it (Art. 8). */
const anyBureau = (call: CallContext): AssertAnyBureau => (ids) => {
  if (!ids.some((id) => call.canAccessBureau(id))) call.assertBureau(ids[0] as number);
};

export function buildArchiveHandlers(d: { archives: ArchiveService; fixity: Fixity; db: Database; archivePrints: ArchivePrints; archivedFiles: ArchivedFileJob; fixitySchedule: FixitySchedule }): Pick<Handlers, Names> {
  const runBureaus = (call: CallContext) => (ids: number[]) => anyBureau(call)(ids.length > 0 ? ids : [call.requireSession().bureauId]);
  return {
    'archives.submitForReview': (input, call) => d.archives.submitForReview(call.actor, input.volumeId, anyBureau(call)),
    'archives.getReview': (input, call) => d.archives.getReview(input.volumeId, anyBureau(call)),
    'archives.decide': (input, call) => d.archives.decide(call.actor, call.requireSession().roles, input, anyBureau(call)),
    // Archiving happens at the custody bureau only (Art. 15: 统一存放于检查对象所在市场监管部门).
    'archives.archive': (input, call) => d.archives.archive(call.actor, input, (id) => {
      if (!call.canAccessBureau(id)) throw new AppError('ARCHIVE_NOT_CUSTODY', { custodyBureauId: id });
    }, anyBureau(call)),
    'archives.addSupplement': (input, call) =>
      d.archives.addSupplement(call.actor, input, (id) => {
        if (!call.canAccessBureau(id)) throw new AppError('ARCHIVE_NOT_CUSTODY', { custodyBureauId: id });
      }, anyBureau(call)),
    'archives.regenerateArchivedFile': (input, call) =>
      d.archives.regenerateArchivedFile(call.actor, call.requireSession().roles, input.volumeId, (id) => {
        if (!call.canAccessBureau(id)) throw new AppError('ARCHIVE_NOT_CUSTODY', { custodyBureauId: id });
      }, anyBureau(call)),
    'archives.setLocation': (input, call) =>
      d.archives.setLocation(call.actor, input, (id) => {
        if (!call.canAccessBureau(id)) throw new AppError('ARCHIVE_NOT_CUSTODY', { custodyBureauId: id });
      }, anyBureau(call)),
    'archives.get': (input, call) => d.archives.get(input.volumeId, anyBureau(call)),
    'archives.getSettings': async (input, call) => {
      call.assertBureau(input.bureauId);
      return d.archives.settings(input.bureauId);
    },
    'archives.updateSettings': (input, call) => {
      call.assertBureau(input.bureauId);
      return d.archives.updateSettings(call.actor, input);
    },
    'archives.verify': async (input, call) => {
      if (input.volumeId === undefined) return d.fixity.start(call.actor, { bureauIds: call.bureauScope() });
      const volume = await findVolume(d.db, input.volumeId);
      anyBureau(call)([volume.custody_bureau_id, volume.inspecting_bureau_id]);
      return d.fixity.start(call.actor, { volumeId: input.volumeId, bureauIds: [volume.custody_bureau_id, volume.inspecting_bureau_id] });
    },
    'archives.fixityRun': (input, call) => d.fixity.get(input.id, runBureaus(call)),
    'archives.fixityReport': (input, call) => d.archivePrints.fixityReport(input.id, runBureaus(call)),
    'archives.printLabels': (input, call) => d.archivePrints.printLabels(input, anyBureau(call)),
    'archives.exportArchivedFile': async (input, call) => {
      await d.archives.get(input.volumeId, anyBureau(call));
      const { fileName, version, sha256 } = await d.archivedFiles.exportFile(input.volumeId, input.version);
      return { fileName, version, sha256 };
    },
    'archives.updateFixitySchedule': async (input, call) => {
      call.assertBureau(input.bureauId);
      await d.fixitySchedule.update(call.actor, input);
      return d.archives.settings(input.bureauId);
    },
  };
}

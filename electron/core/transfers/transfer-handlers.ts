import type { backupMethods, transfersMethods } from '../../../shared/contract';
import type { BackupService } from '../backup/backup-service';
import type { JobService } from '../jobs/job-service';
import type { CallContext, Handlers } from '../rpc/call-context';
import type { BureauAccess, TransferService } from './transfer-service';

type Names = keyof typeof transfersMethods | keyof typeof backupMethods;

const accessOf = (call: CallContext): BureauAccess => ({ bureauId: call.requireSession().bureauId, canAccess: (id) => call.canAccessBureau(id) });

export function buildTransferHandlers(d: { transfers: TransferService; backup: BackupService; jobs: JobService }): Pick<Handlers, Names> {
  return {
    'transfers.list': (input, call) => d.transfers.list(input.direction, accessOf(call)),
    'transfers.export': (input, call) => d.transfers.startExport(call.actor, input, accessOf(call)),
    'transfers.import': (input, call) => d.transfers.startImport(call.actor, input, accessOf(call)),
    'transfers.importReceipt': (input, call) => d.transfers.importReceipt(call.actor, input.file, accessOf(call)),
    'transfers.exportKey': async (input, call) => {
      const bureauId = input.bureauId ?? call.requireSession().bureauId;
      call.assertBureau(bureauId);
      return d.transfers.exportKey(call.actor, bureauId, input.out);
    },
    'transfers.trustKey': (input, call) => d.transfers.trustKey(call.actor, input.file),
    'transfers.keys': () => d.transfers.listKeys(),
    'backup.run': async (input, call) => ({ jobId: (await d.jobs.start('backup.run', { dir: input.dir, actor: call.actor }, call.actor.userId)).id }),
    'backup.verify': async (input, call) => ({ jobId: (await d.jobs.start('backup.verify', { dir: input.dir }, call.actor.userId)).id }),
    'backup.restore': async (input, call) => ({ jobId: (await d.jobs.start('backup.restore', { dir: input.dir, dataDir: input.dataDir, actor: call.actor }, call.actor.userId)).id }),
  };
}

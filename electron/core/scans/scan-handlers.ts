import type { scansMethods } from '../../../shared/contract';
import type { CallContext, Handlers } from '../rpc/call-context';
import type { CanSee, ScanService } from './scan-service';

type Names = keyof typeof scansMethods;

const canSee = (call: CallContext): CanSee => (bureauId) => call.canAccessBureau(bureauId);

export function buildScanHandlers(d: { scans: ScanService }): Pick<Handlers, Names> {
  return {
    'scans.createBatch': (input, call) => {
      const bureauId = input.bureauId ?? call.requireSession().bureauId;
      return d.scans.createBatchFromStaged(call.actor, { ...input, bureauId }, canSee(call));
    },
    'scans.batches': (input, call) => d.scans.listBatches({ ...input, bureauIds: call.bureauScope(input.bureauId) }),
    'scans.batch': (input, call) => d.scans.getBatch(input.id, canSee(call)),
    'scans.inbox': (input, call) => d.scans.inbox({ bureauIds: call.bureauScope(input.bureauId) }),
    'scans.page': (input, call) => d.scans.getPage(input.id, canSee(call)),
    'scans.pageImage': (input, call) => d.scans.pageImage(input, canSee(call)),
    'scans.correctText': (input, call) => d.scans.correctText(call.actor, input, canSee(call)),
    'scans.rotatePage': (input, call) => d.scans.rotatePage(call.actor, input, canSee(call)),
    'scans.updateDocument': (input, call) => d.scans.updateDocument(call.actor, input, canSee(call)),
    'scans.splitDocument': (input, call) => d.scans.splitDocument(call.actor, input, canSee(call)),
    'scans.mergeDocuments': (input, call) => d.scans.mergeDocuments(call.actor, input, canSee(call)),
    'scans.fileDocument': (input, call) => d.scans.fileDocument(call.actor, input, canSee(call)),
    'scans.search': (input, call) => d.scans.search({ ...input, bureauIds: call.bureauScope(input.bureauId) }),
    'scans.separatorSheet': (input, call) => d.scans.separatorSheet(call.actor, input, canSee(call)),
  };
}

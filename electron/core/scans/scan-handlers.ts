import type { scansMethods } from '../../../shared/contract';
import type { CallContext, Handlers } from '../rpc/call-context';
import type { ScanAcquire } from './scan-acquire';
import type { CanSee, ScanService } from './scan-service';
import type { WatchedFolders } from './watched-folders';

type Names = keyof typeof scansMethods;

const canSee = (call: CallContext): CanSee => (bureauId) => call.canAccessBureau(bureauId);

export function buildScanHandlers(d: { scans: ScanService; scanAcquire: ScanAcquire; watchedFolders: WatchedFolders }): Pick<Handlers, Names> {
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
    'scans.folders': (input, call) => d.watchedFolders.list(call.bureauScope(input.bureauId)),
    'scans.addFolder': (input, call) => d.watchedFolders.add(call.actor, { path: input.path, label: input.label, bureauId: input.bureauId ?? call.requireSession().bureauId }, canSee(call)),
    'scans.setFolderEnabled': (input, call) => d.watchedFolders.setEnabled(call.actor, input, canSee(call)),
    'scans.scanners': () => d.scanAcquire.list(),
    'scans.scannerOptions': (input) => d.scanAcquire.options(input.device),
    'scans.acquire': (input, call) => {
      const bureauId = input.bureauId ?? call.requireSession().bureauId;
      return d.scanAcquire.start(call.actor, { ...input, bureauId }, canSee(call));
    },
  };
}

import type { volumesMethods } from '../../../shared/contract';
import type { CallContext, Handlers } from '../rpc/call-context';
import type { VolumeMarkService } from './volume-marks';
import type { AssertAnyBureau, VolumeService } from './volume-service';

type Names = keyof typeof volumesMethods;

/** A volume is the business of its custody bureau and of the bureau that inspected (they may differ, Art. 8). */
const anyBureau = (call: CallContext): AssertAnyBureau => (ids) => {
  if (!ids.some((id) => call.canAccessBureau(id))) call.assertBureau(ids[0] as number);
};

export function buildVolumeHandlers(d: { volumes: VolumeService; volumeMarks: VolumeMarkService }): Pick<Handlers, Names> {
  return {
    'volumes.list': async (input, call) => d.volumes.list({ ...input, bureauIds: call.bureauScope(input.bureauId) }),
    'volumes.get': (input, call) => d.volumes.get(input.id, anyBureau(call)),
    'volumes.open': (input, call) => {
      const inspectingBureauId = input.inspectingBureauId ?? call.requireSession().bureauId;
      call.assertBureau(inspectingBureauId);
      return d.volumes.open(call.actor, { ...input, inspectingBureauId }, anyBureau(call));
    },
    'volumes.titleSettings': (input) => d.volumes.titles.get(input.bureauId),
    'volumes.updateTitleSettings': (input, call) => d.volumes.titles.update(call.actor, input),
    'volumes.update': (input, call) => d.volumes.update(call.actor, input, anyBureau(call)),
    'volumes.importDocument': (input, call) => d.volumes.importDocument(call.actor, input, anyBureau(call)),
    'volumes.updateDocument': (input, call) => d.volumes.updateDocument(call.actor, input, anyBureau(call)),
    'volumes.reorder': (input, call) => d.volumes.reorder(call.actor, input, anyBureau(call)),
    'volumes.setPageState': (input, call) => d.volumes.setPageState(call.actor, input, anyBureau(call)),
    'volumes.check': (input, call) => d.volumes.check(input.id, anyBureau(call)),
    'volumes.bind': (input, call) => d.volumes.bind(call.actor, call.requireSession().roles, input, anyBureau(call)),
    'volumes.versions': (input, call) => d.volumes.versions(input.id, anyBureau(call)),
    'volumes.markNonPublic': (input, call) => d.volumeMarks.mark(call.actor, input, anyBureau(call)),
    'volumes.liftNonPublic': (input, call) => d.volumeMarks.lift(call.actor, call.requireSession().roles, input, anyBureau(call)),
    'volumes.bindPublic': (input, call) => d.volumes.bindPublic(call.actor, input, anyBureau(call)),
    'volumes.exportEntry': (input, call) => d.volumes.exportEntry(input, anyBureau(call)),
    'volumes.exportFile': async (input, call) => {
      const { fileName, version, sha256 } = await d.volumes.exportFile(input, anyBureau(call));
      return { fileName, version, sha256 };
    },
  };
}

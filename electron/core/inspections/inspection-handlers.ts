import type { inspectionsMethods } from '../../../shared/contract';
import type { Handlers } from '../rpc/call-context';
import type { InspectionService } from './inspection-service';

type Names = keyof typeof inspectionsMethods;

/** Handlers of inspections.*: the service checks each inspection's inspecting bureau against the caller's subtree. */
export function buildInspectionHandlers(d: { inspections: InspectionService }): Pick<Handlers, Names> {
  const s = d.inspections;
  return {
    'inspections.list': (input, call) =>
      s.list({
        bureauIds: call.bureauScope(input.bureauId),
        taskId: input.taskId,
        status: input.status,
        followUpStatus: input.followUpStatus,
        due: input.due,
        mineOf: input.mine ? call.actor.userId : undefined,
        q: input.q,
        page: input.page,
        pageSize: input.pageSize,
      }),
    'inspections.get': (input, call) => s.get(input.id, call.assertBureau),
    'inspections.update': (input, call) => s.update(call.actor, input, call.assertBureau),
    'inspections.changeMembers': (input, call) => s.changeMembers(call.actor, input, call.assertBureau),
    'inspections.start': (input, call) => s.start(call.actor, input, call.assertBureau),
    'inspections.finish': (input, call) => s.finish(call.actor, input, call.assertBureau),
    'inspections.setSigning': (input, call) => s.setSigning(call.actor, input, call.assertBureau),
    'inspections.saveResult': (input, call) => s.saveResult(call.actor, input, call.assertBureau),
    'inspections.submitResult': (input, call) => s.submitResult(call.actor, input, call.assertBureau),
    'inspections.review': (input, call) => s.review(call.actor, input, call.assertBureau),
    'inspections.addCorrection': (input, call) => s.addCorrection(call.actor, input, call.assertBureau),
    'inspections.recheck': (input, call) => s.recheck(call.actor, input, call.assertBureau),
    'inspections.handOver': (input, call) => s.handOver(call.actor, input, call.assertBureau),
    'inspections.publishCorrection': (input, call) => s.publishCorrection(call.actor, input, call.assertBureau, call.requireSession().bureauId),
    'inspections.closeFollowUp': (input, call) => s.closeFollowUp(call.actor, input, call.assertBureau),
  };
}

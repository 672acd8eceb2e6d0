import type { publishMethods } from '../../../shared/contract';
import type { CallContext, Handlers } from '../rpc/call-context';
import type { Publisher, PublishService } from './publish-service';

type Names = keyof typeof publishMethods;

/** 谁检查谁公示: an RPC caller always publishes as its own bureau (dispatch has already checked roles and scope). */
const publisherOf = (call: CallContext): Publisher => ({ actor: call.actor, ownBureauId: call.requireSession().bureauId });

export function buildPublishHandlers(d: { publish: PublishService }): Pick<Handlers, Names> {
  return {
    'publish.preview': (input, call) => d.publish.preview(publisherOf(call), input),
    'publish.export': async (input, call) => {
      const { fileName, rows, inspections, withheld } = await d.publish.exportFile(publisherOf(call), input);
      return { fileName, rows, inspections, withheld };
    },
    'publish.mark': (input, call) => d.publish.mark(publisherOf(call), input),
  };
}

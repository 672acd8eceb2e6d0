import type { MethodName } from '../../../shared/contract';
import type { JobService } from '../jobs/job-service';
import type { CallContext, Handler } from '../rpc/call-context';
import type { ItemService } from './item-service';

type ItemMethod = Extract<MethodName, `items.${string}`>;

/** One bureau when asked for (dispatch checked it lies in the caller's subtree), else the whole subtree. */
const bureausOf = (requested: number | undefined, call: CallContext) => (requested === undefined ? call.bureauScope() : [requested]);

/** Handlers of the items.* methods; spread into buildHandlers. `d.items` is read per call. */
export function buildItemHandlers(d: { items: ItemService; jobs: JobService }): { [M in ItemMethod]: Handler<M> } {
  return {
    'items.list': (input, call) => d.items.list({ ...input, bureauIds: bureausOf(input.bureauId, call) }),
    'items.export': async (input, call) => {
      const { bureauId, ...filter } = input.filter;
      if (bureauId !== undefined) call.assertBureau(bureauId); // nested in `filter`: dispatch does not see it
      const jobInput = { filter: { ...filter, bureauIds: bureausOf(bureauId, call) }, format: input.format };
      return { jobId: (await d.jobs.start('items.export', jobInput, call.actor.userId)).id };
    },
    'items.get': async (input, call) => {
      const item = await d.items.get(input.id);
      call.assertBureau(item.bureauId);
      return item;
    },
    'items.create': async (input, call) => {
      call.assertBureau(input.bureauId);
      return d.items.create(call.actor, input);
    },
    'items.update': (input, call) => d.items.update(call.actor, input, call.assertBureau),
    'items.retire': (input, call) => d.items.retire(call.actor, input, call.assertBureau),
    'items.delete': (input, call) => d.items.remove(call.actor, input.id, call.assertBureau),
    'items.history': async (input, call) => {
      call.assertBureau((await d.items.get(input.id)).bureauId);
      return d.items.history(input.id);
    },
    'items.versions': async (input, call) => {
      call.assertBureau(input.bureauId);
      return d.items.versions(input);
    },
    'items.businessLines': async (input, call) => d.items.businessLines({ bureauIds: bureausOf(input.bureauId, call), ...(input.level ? { level: input.level } : {}) }),
  };
}

import type { JobService } from '../jobs/job-service';
import type { Handlers } from '../rpc/call-context';
import type { TargetService } from './target-service';

type Deps = { targets: TargetService; jobs: JobService };
type TargetHandlers = Pick<
  Handlers,
  'targets.list' | 'targets.get' | 'targets.create' | 'targets.update' | 'targets.history' | 'targets.industries' | 'targets.setTags' | 'targets.tagBulk' | 'targets.export'
>;

export function buildTargetHandlers({ targets, jobs }: Deps): TargetHandlers {
  return {
    'targets.list': (input, call) => targets.list({ ...input, bureauIds: call.bureauScope(input.bureauId) }),
    'targets.get': async (input, call) => {
      const target = await targets.get(input.id);
      call.assertBureau(target.territorialBureauId);
      return target;
    },
    'targets.create': async (input, call) => {
      call.assertBureau(input.territorialBureauId);
      return targets.create(call.actor, input);
    },
    'targets.update': async (input, call) => {
      call.assertBureau(input.territorialBureauId);
      return targets.update(call.actor, input, call.assertBureau);
    },
    'targets.history': async (input, call) => {
      call.assertBureau((await targets.get(input.id)).territorialBureauId);
      return targets.history(input.id);
    },
    'targets.industries': (input, call) => targets.industries(call.bureauScope(input.bureauId)),
    'targets.setTags': (input, call) => targets.setTags(call.actor, input.id, input.itemIds, call.assertBureau),
    'targets.tagBulk': async (input, call) => {
      if (input.action === 'add') await targets.assertItems(input.itemIds);
      const { bureauId, ...filter } = input.filter;
      const jobInput = { filter: { ...filter, bureauIds: call.bureauScope(bureauId) }, itemIds: input.itemIds, action: input.action, userId: call.actor.userId, login: call.actor.login };
      return { jobId: (await jobs.start('targets.tagBulk', jobInput, call.actor.userId)).id };
    },
    'targets.export': async (input, call) => {
      const { bureauId, ...filter } = input.filter;
      const jobInput = { filter: { ...filter, bureauIds: call.bureauScope(bureauId) }, format: input.format };
      return { jobId: (await jobs.start('targets.export', jobInput, call.actor.userId)).id };
    },
  };
}

import type { expertsMethods, inspectorsMethods, recusalsMethods } from '../../../shared/contract';
import type { JobService } from '../jobs/job-service';
import type { Handlers } from '../rpc/call-context';
import type { InspectorDirectory } from './inspector-directory';

type Names = keyof typeof inspectorsMethods | keyof typeof expertsMethods | keyof typeof recusalsMethods;

/**
 * Handlers of the inspector directory, experts and recusals. Every entity is checked against the
 * caller's bureau subtree; `d` is read lazily so the contract test can build handlers without services.
 */
export function buildInspectorHandlers(d: { inspectorDirectory: InspectorDirectory; jobs: JobService }): Pick<Handlers, Names> {
  const inspectors = () => d.inspectorDirectory.inspectors;
  const experts = () => d.inspectorDirectory.experts;
  const recusals = () => d.inspectorDirectory.recusals;
  return {
    'inspectors.list': async (input, call) => inspectors().list({ ...input, bureauIds: call.bureauScope(input.bureauId) }),
    'inspectors.export': async (input, call) => {
      const { bureauId, ...filter } = input.filter;
      const jobInput = { filter: { ...filter, bureauIds: call.bureauScope(bureauId) }, format: input.format };
      return { jobId: (await d.jobs.start('inspectors.export', jobInput, call.actor.userId)).id };
    },
    'inspectors.get': async (input, call) => {
      call.assertBureau((await inspectors().get(input.id)).bureauId);
      return inspectors().detail(input.id);
    },
    'inspectors.create': (input, call) => inspectors().create(call.actor, input, call.assertBureau),
    'inspectors.update': (input, call) => inspectors().update(call.actor, input, call.assertBureau),
    'inspectors.setStatus': (input, call) => inspectors().setStatus(call.actor, input, call.assertBureau),
    'inspectors.addAbsence': (input, call) => inspectors().addAbsence(call.actor, input, call.assertBureau),
    'inspectors.removeAbsence': async (input, call) => {
      await inspectors().removeAbsence(call.actor, input.id, call.assertBureau);
      return { ok: true };
    },
    'inspectors.history': async (input, call) => {
      call.assertBureau((await inspectors().get(input.id)).bureauId);
      return inspectors().history(input.id);
    },

    'experts.list': async (input, call) => experts().list({ ...input, bureauIds: call.bureauScope(input.bureauId) }),
    'experts.history': async (input, call) => {
      call.assertBureau((await experts().get(input.id)).bureauId);
      return experts().history(input.id);
    },
    'experts.get': async (input, call) => {
      const expert = await experts().get(input.id);
      call.assertBureau(expert.bureauId);
      return expert;
    },
    'experts.create': (input, call) => experts().create(call.actor, input),
    'experts.update': (input, call) => experts().update(call.actor, input, call.assertBureau),

    'recusals.list': async (input, call) => {
      if (input.inspectorId === undefined) return recusals().list({ targetId: input.targetId, bureauIds: call.bureauScope() });
      call.assertBureau((await inspectors().get(input.inspectorId)).bureauId);
      return recusals().list(input);
    },
    'recusals.add': (input, call) => recusals().add(call.actor, input, call.assertBureau),
    'recusals.remove': async (input, call) => {
      await recusals().remove(call.actor, input, call.assertBureau);
      return { ok: true };
    },
  };
}

import type { plansMethods } from '../../../shared/contract';
import type { Handlers } from '../rpc/call-context';
import type { PlanService } from './plan-service';
import type { TaskService } from './task-service';

type Names = keyof typeof plansMethods;

/** Handlers of plans and tasks; every plan/task is checked against the caller's bureau subtree in the services. */
export function buildPlanHandlers(d: { plans: PlanService; tasks: TaskService }): Pick<Handlers, Names> {
  return {
    'plans.list': (input, call) => d.plans.list({ bureauIds: call.bureauScope(input.bureauId), year: input.year, status: input.status }),
    'plans.get': (input, call) => d.plans.detail(input.id, call.assertBureau),
    'plans.create': (input, call) => d.plans.create(call.actor, input),
    'plans.update': (input, call) => d.plans.update(call.actor, input, call.assertBureau),
    'plans.submit': (input, call) => d.plans.submit(call.actor, input.id, call.assertBureau),
    'plans.review': (input, call) => d.plans.review(call.actor, input, call.assertBureau),
    'plans.publish': (input, call) => d.plans.publish(call.actor, input.id, call.assertBureau),
    'plans.adjust': (input, call) => d.plans.adjust(call.actor, input, call.assertBureau),
    'tasks.create': (input, call) => d.tasks.create(call.actor, input, call.assertBureau),
    'tasks.update': (input, call) => d.tasks.update(call.actor, input, call.assertBureau),
    'tasks.get': (input, call) => d.tasks.get(input.id, call.assertBureau),
    'tasks.merge': (input, call) => d.tasks.merge(call.actor, input, call.assertBureau),
    'tasks.previewPopulation': (input, call) => d.tasks.previewPopulation(input.id, call.assertBureau),
  };
}

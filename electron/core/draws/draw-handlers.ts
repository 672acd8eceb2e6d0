import type { drawsMethods } from '../../../shared/contract';
import type { UserService } from '../auth/user-service';
import type { Handlers } from '../rpc/call-context';
import type { DrawService } from './draw-service';

type Names = keyof typeof drawsMethods;

export function buildDrawHandlers(d: { draws: DrawService; users: UserService }): Pick<Handlers, Names> {
  return {
    'draws.commit': (input, call) => d.draws.commit(call.actor, input, call.assertBureau),
    'draws.run': async (input, call) => {
      const user = await d.users.get(call.requireSession().userId);
      return d.draws.start(call.actor, { userId: user.id, login: user.login, name: user.displayName }, input.id, call.assertBureau);
    },
    'draws.abandon': (input, call) => d.draws.abandon(call.actor, input, call.assertBureau),
    'draws.list': (input, call) => d.draws.list(input.taskId, call.assertBureau),
    'draws.get': (input, call) => d.draws.get(input.id, call.assertBureau),
    'draws.selections': (input, call) => d.draws.selections(input, call.assertBureau),
    'draws.verify': (input, call) => d.draws.verify(input.id, call.assertBureau),
    'draws.exportFiles': (input, call) => d.draws.exportFiles(input.id, call.assertBureau),
  };
}

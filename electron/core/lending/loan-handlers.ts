import type { lendingMethods } from '../../../shared/contract';
import type { CallContext, Handlers } from '../rpc/call-context';
import type { LoanCaller, LoanService } from './loan-service';

type Names = keyof typeof lendingMethods;

function caller(call: CallContext): LoanCaller {
  const session = call.requireSession();
  return {
    actor: call.actor,
    userId: session.userId,
    displayName: session.displayName,
    bureauId: session.bureauId,
    roles: session.roles,
    canAccessBureau: (id) => call.canAccessBureau(id),
    bureauScope: () => call.bureauScope(),
  };
}

/** Roles are checked by dispatch (contract access); custody, borrower and bureau rules in the loan service. */
export function buildLendingHandlers(d: { loans: LoanService }): Pick<Handlers, Names> {
  return {
    'lending.request': (input, call) => d.loans.request(caller(call), input),
    'lending.approve': (input, call) => d.loans.approve(caller(call), input.id, input.note),
    'lending.reject': (input, call) => d.loans.reject(caller(call), input.id, input.note),
    'lending.checkOut': (input, call) => d.loans.checkOut(caller(call), input.id),
    'lending.return': (input, call) => d.loans.giveBack(caller(call), input.id, input.condition),
    'lending.list': (input, call) => d.loans.list(caller(call), input),
    'lending.get': (input, call) => d.loans.get(caller(call), input.id),
    'lending.openCopy': async (input, call) => d.loans.openCopy(caller(call), input.id, input.mode),
  };
}

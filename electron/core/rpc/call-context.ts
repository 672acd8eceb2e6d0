import type { MethodName, MethodOutput, MethodParsedInput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor } from '../audit/audit-service';
import type { Session } from '../auth/session';
import type { BureauService } from '../bureaus/bureau-service';

/** What a handler knows about its caller; bureau checks live here so every handler applies the same rule. */
export type CallContext = {
  session: Session | null;
  actor: AuditActor;
  /** The caller's own session; throws UNAUTHENTICATED for public methods that need one. */
  requireSession(): Session;
  canAccessBureau(bureauId: number): boolean;
  assertBureau(bureauId: number): void;
  /** Bureaus a list covers: the requested one (already checked by dispatch) or the caller's subtree. */
  bureauScope(requested?: number): number[];
};

export type Handler<M extends MethodName> = (input: MethodParsedInput<M>, call: CallContext) => Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export function makeCallContext(session: Session | null, bureaus: BureauService): CallContext {
  const canAccessBureau = (bureauId: number) => session !== null && bureaus.within(bureauId, session.bureauId);
  return {
    session,
    actor: session ? { userId: session.userId, login: session.login } : { userId: null, login: null },
    requireSession() {
      if (!session) throw new AppError('UNAUTHENTICATED');
      return session;
    },
    canAccessBureau,
    assertBureau(bureauId) {
      if (!canAccessBureau(bureauId)) throw new AppError('FORBIDDEN', { bureauId });
    },
    bureauScope(requested) {
      if (!session) return [];
      if (requested === undefined) return bureaus.subtree(session.bureauId);
      if (!canAccessBureau(requested)) throw new AppError('FORBIDDEN', { bureauId: requested });
      return bureaus.subtree(requested);
    },
  };
}

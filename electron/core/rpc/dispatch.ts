import { contract, isMethodName, type Envelope, type MethodDef, type RpcRequest } from '../../../shared/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { ErrorCode } from '../../../shared/errors/codes';
import type { AuthService } from '../auth/auth-service';
import type { Session } from '../auth/session';
import type { BureauService } from '../bureaus/bureau-service';
import type { Logger } from '../config';
import { makeCallContext, type Handlers } from './call-context';

export type DispatchDeps = { handlers: Handlers; auth: AuthService; bureaus: BureauService; logger: Logger };

const fail = (code: ErrorCode, details: Record<string, unknown> = {}): Envelope<never> => ({ ok: false, error: { code, details } });

/**
 * The single choke point of every transport: look up, authenticate, check role, validate input,
 * check bureau scope, run, map errors. Never throws.
 * `trustedSession` is for local callers that already established who they are (CLI `--user`).
 */
export async function dispatch(deps: DispatchDeps, request: RpcRequest, trustedSession?: Session): Promise<Envelope<unknown>> {
  const { handlers, auth, bureaus, logger } = deps;
  const name = typeof request?.method === 'string' ? request.method : '';
  if (!isMethodName(name)) return fail('METHOD_NOT_FOUND', { method: name });
  const def: MethodDef = contract[name];
  try {
    const session = trustedSession ?? (def.access === 'public' ? null : await auth.resolve(request.sessionToken));
    if (def.access !== 'public') {
      if (!session) return fail('UNAUTHENTICATED');
      if (def.access !== 'any' && !def.access.some((role) => session.roles.includes(role))) {
        return fail('FORBIDDEN', { method: name, requiredRoles: def.access });
      }
    }
    const parsed = def.input.safeParse(request.input ?? {});
    if (!parsed.success) {
      return fail('INVALID_INPUT', { issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), code: i.code, message: i.message })) });
    }
    const call = makeCallContext(session, bureaus);
    const input = parsed.data as Record<string, unknown>;
    if (def.scope === 'bureau' && typeof input.bureauId === 'number' && session) {
      if (!bureaus.exists(input.bureauId)) return fail('BUREAU_NOT_FOUND', { field: 'bureauId' });
      if (!call.canAccessBureau(input.bureauId)) return fail('FORBIDDEN', { bureauId: input.bureauId });
    }
    const handler = handlers[name] as (input: unknown, call: unknown) => Promise<unknown>;
    const value = await handler(parsed.data, call);
    const checked = def.output.safeParse(value);
    if (!checked.success) {
      logger.error('handler output does not match the contract', { method: name, issues: checked.error.issues });
      return fail('INTERNAL');
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    return mapError(error, name, logger);
  }
}

function mapError(error: unknown, method: string, logger: Logger): Envelope<never> {
  if (error instanceof AppError) return fail(error.code, error.details);
  const text = String((error as Error)?.message ?? error);
  if (/SQLITE_FULL|ENOSPC/.test(text)) return fail('DISK_FULL');
  if (/SQLITE_READONLY|EROFS/.test(text)) return fail('DATA_READONLY');
  logger.error('unexpected error in handler', { method, error });
  return fail('INTERNAL');
}

import type { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * Who may call a method:
 * - 'public': no session needed (login only);
 * - 'any': any signed-in user;
 * - a list of roles: a signed-in user holding at least one of them.
 * scope 'bureau': the method works on one bureau's data; dispatch checks `input.bureauId` (when given)
 * lies within the caller's bureau subtree, and handlers check every entity they touch the same way.
 */
export type Access = 'public' | 'any' | readonly Role[];
export type Scope = 'bureau' | 'global';

export type MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  input: I;
  output: O;
  access: Access;
  scope: Scope;
  summary: string;
  /** Methods that change data; the UI uses it to refresh queries, the audit log to name actions. */
  mutates: boolean;
};

export function method<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I;
  output: O;
  access: Access;
  scope?: Scope;
  summary: string;
  mutates?: boolean;
}): MethodDef<I, O> {
  return { scope: 'global', mutates: false, ...def };
}

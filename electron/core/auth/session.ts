import type { Role } from '../../../shared/domain/roles';

/** Who is calling. Built from a session token (UI) or directly for trusted local callers (CLI --user). */
export type Session = {
  userId: number;
  login: string;
  displayName: string;
  bureauId: number;
  roles: Role[];
  /** Hash of the session token, when the session came from one (logout removes it). */
  tokenHash: string | null;
};

import { createContext, useContext } from 'react';
import type { UserDto } from '../../../shared/contract/auth';
import type { HostProblem } from '../../rpc/rpc-failure';

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; notice: string | null }
  | { status: 'signed-in'; user: UserDto; pendingPassword: string | null }
  | { status: 'host-failure'; problem: HostProblem };

export type SessionApi = {
  state: SessionState;
  /** Signs in; the one-time password is kept in memory only until the forced password change. */
  signIn(login: string, password: string): Promise<UserDto>;
  signOut(): Promise<void>;
  /** Re-reads auth.me (e.g. after changing the password). */
  refreshUser(): Promise<void>;
  retry(): void;
};

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside <SessionProvider>');
  return api;
}

/** The signed-in user; only for components rendered inside the app shell. */
export function useCurrentUser(): UserDto {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser without a signed-in user');
  return state.user;
}

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { useRpcClient } from '../../rpc/rpc-context';
import { HostFailure } from '../../rpc/rpc-failure';
import { SessionContext, type SessionApi, type SessionState } from './session-context';

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useRpcClient();
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);

  // Startup probe: auth.me tells us both whether the host token works and whether a session exists.
  useEffect(() => {
    let live = true;
    client.call('auth.me', {}).then(
      (user) => live && setState({ status: 'signed-in', user, pendingPassword: null }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof HostFailure) setState({ status: 'host-failure', problem: error.problem });
        else setState({ status: 'signed-out', notice: null });
      },
    );
    return () => {
      live = false;
    };
  }, [client, attempt]);

  useEffect(
    () =>
      client.onSignal((signal) => {
        if (signal.type === 'unauthenticated') {
          client.session.clear();
          queryClient.clear();
          setState((prev) => (prev.status === 'signed-in' ? { status: 'signed-out', notice: MESSAGES_ZH.UNAUTHENTICATED } : prev));
        } else if (signal.failure.problem === 'token-invalid') {
          setState({ status: 'host-failure', problem: 'token-invalid' });
        }
      }),
    [client, queryClient],
  );

  const signIn = useCallback<SessionApi['signIn']>(
    async (login, password) => {
      const { sessionToken, user } = await client.call('auth.login', { login, password });
      client.session.set(sessionToken);
      queryClient.clear();
      setState({ status: 'signed-in', user, pendingPassword: user.mustChangePassword ? password : null });
      return user;
    },
    [client, queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await client.call('auth.logout', {});
    } catch {
      // Signing out locally is what matters; an expired session is fine.
    }
    client.session.clear();
    queryClient.clear();
    setState({ status: 'signed-out', notice: null });
  }, [client, queryClient]);

  const refreshUser = useCallback(async () => {
    const user = await client.call('auth.me', {});
    setState({ status: 'signed-in', user, pendingPassword: null });
  }, [client]);

  const api = useMemo<SessionApi>(
    () => ({ state, signIn, signOut, refreshUser, retry: () => setAttempt((n) => n + 1) }),
    [state, signIn, signOut, refreshUser],
  );
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

import { QueryClient } from '@tanstack/react-query';
import { HostFailure, RpcFailure } from '../rpc/rpc-failure';

/** Backend errors are answers, not glitches: never retry them. Retry a transport hiccup once. */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof RpcFailure) && !(error instanceof HostFailure && error.problem === 'token-invalid') && count < 1,
        refetchOnWindowFocus: false,
        staleTime: 5_000,
      },
      mutations: { retry: false },
    },
  });
}

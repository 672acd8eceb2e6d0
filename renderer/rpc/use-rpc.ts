import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index';
import { useRpcClient } from './rpc-context';

export type RpcQueryKey<M extends MethodName> = readonly [M, MethodInput<M>];

export function rpcKey<M extends MethodName>(method: M, input: MethodInput<M>): RpcQueryKey<M> {
  return [method, input] as const;
}

type QueryOptions<M extends MethodName> = Omit<
  UseQueryOptions<MethodOutput<M>, Error, MethodOutput<M>, RpcQueryKey<M>>,
  'queryKey' | 'queryFn'
>;

/** A read call through TanStack Query; the key is [method, input]. */
export function useRpc<M extends MethodName>(method: M, input: MethodInput<M>, options?: QueryOptions<M>) {
  const client = useRpcClient();
  return useQuery({
    queryKey: rpcKey(method, input),
    queryFn: () => client.call(method, input),
    ...options,
  });
}

/** A changing call; after success every cached query is refreshed (reads are cheap, staleness is not). */
export function useRpcMutation<M extends MethodName>(method: M) {
  const client = useRpcClient();
  const queryClient = useQueryClient();
  return useMutation<MethodOutput<M>, Error, MethodInput<M>>({
    mutationKey: [method],
    mutationFn: (input) => client.call(method, input),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

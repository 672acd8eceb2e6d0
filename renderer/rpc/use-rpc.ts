import { useMutation, useQueries, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput, StagedFileDto } from '../../shared/contract/index';
import type { ExportHandoff } from './transport';
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

/** The same read call for several inputs (e.g. items.get for each id a target is tagged with). */
export function useRpcMany<M extends MethodName>(method: M, inputs: readonly MethodInput<M>[], options?: { staleTime?: number }) {
  const client = useRpcClient();
  return useQueries({
    queries: inputs.map((input) => ({
      queryKey: rpcKey(method, input),
      queryFn: () => client.call(method, input),
      staleTime: options?.staleTime,
    })),
  });
}

/**
 * A changing call; after success every cached query is refreshed (reads are cheap, staleness is not).
 * The refresh is not awaited: a caller's own onSuccess (a toast, closing a modal) must run before the
 * refreshed data re-keys and remounts the calling component, or TanStack drops those callbacks.
 */
export function useRpcMutation<M extends MethodName>(method: M) {
  const client = useRpcClient();
  const queryClient = useQueryClient();
  return useMutation<MethodOutput<M>, Error, MethodInput<M>>({
    mutationKey: [method],
    mutationFn: (input) => client.call(method, input),
    onSuccess: () => {
      void queryClient.invalidateQueries();
    },
  });
}

/** A read made on demand (a download, a report): like a mutation, but it changes nothing, so nothing is refreshed. */
export function useRpcAction<M extends MethodName>(method: M) {
  const client = useRpcClient();
  return useMutation<MethodOutput<M>, Error, MethodInput<M>>({ mutationKey: [method], mutationFn: (input) => client.call(method, input) });
}

/** Stages a picked or dropped file for an import (web host upload or Electron path; see transport.ts). */
export function useStageFile() {
  const client = useRpcClient();
  return useMutation<StagedFileDto, Error, File>({ mutationKey: ['imports.stageFile'], mutationFn: (file) => client.stageFile(file) });
}

/** Hands over a finished export's file: a Blob to save (web host) or shown in its folder (Electron). */
export function useFetchExport() {
  const client = useRpcClient();
  return useMutation<ExportHandoff, Error, string>({ mutationKey: ['exports.fetch'], mutationFn: (fileName) => client.fetchExport(fileName) });
}

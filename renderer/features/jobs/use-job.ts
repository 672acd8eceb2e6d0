import { useRpc } from '../../rpc/use-rpc';
import { isJobActive } from './job-labels';

/**
 * Follows one background job: job.progress events patch the cached copy (rpc/use-app-events.ts), and a
 * one-second poll covers a dropped event stream until the job ends. Pass null before the job exists.
 */
export function useJob(jobId: number | null) {
  return useRpc('jobs.get', { id: jobId ?? 0 }, {
    enabled: jobId !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && !isJobActive(query.state.data) ? false : 1_000),
  });
}

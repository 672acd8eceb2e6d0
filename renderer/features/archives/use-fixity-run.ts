import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useRpc } from '../../rpc/use-rpc';
import { isJobActive } from '../jobs/job-labels';
import { useJob } from '../jobs/use-job';

/** One four-property check run, followed through its job (events + poll) and re-read when the job ends. */
export function useFixityRun(runId: number, jobId: number | null) {
  const queryClient = useQueryClient();
  const job = useJob(jobId);
  const run = useRpc('archives.fixityRun', { id: runId }, {
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 2_000 : false),
  });
  const ended = job.data !== undefined && !isJobActive(job.data);
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: ['archives.fixityRun', { id: runId }] });
  }, [ended, runId, queryClient]);
  return { run, job };
}

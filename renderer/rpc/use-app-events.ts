import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { JobDto } from '../../shared/contract/jobs';
import type { AppEvent } from '../../shared/contract/events';
import { useRpcClient } from './rpc-context';

const TERMINAL_STATES = new Set<JobDto['state']>(['succeeded', 'failed', 'cancelled']);

/**
 * Keeps the query cache in step with backend events: job.progress patches cached jobs (and refetches
 * them once they end, for the result); entity.changed refreshes queries, batched.
 */
export function useAppEvents(): void {
  const client = useRpcClient();
  const queryClient = useQueryClient();

  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | null = null;
    const refreshSoon = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'auth.me' });
      }, 250);
    };

    const onEvent = (event: AppEvent) => {
      switch (event.type) {
        case 'job.progress': {
          const patch = (job: JobDto): JobDto =>
            job.id === event.jobId ? { ...job, state: event.state, phase: event.phase, done: event.done, total: event.total } : job;
          queryClient.setQueriesData<JobDto[]>({ queryKey: ['jobs.list'] }, (jobs) => jobs?.map(patch));
          queryClient.setQueryData<JobDto>(['jobs.get', { id: event.jobId }], (job) => (job ? patch(job) : job));
          const known = queryClient.getQueriesData<JobDto[]>({ queryKey: ['jobs.list'] }).some(([, jobs]) => jobs?.some((j) => j.id === event.jobId));
          if (!known || TERMINAL_STATES.has(event.state)) {
            void queryClient.invalidateQueries({ queryKey: ['jobs.list'] });
            void queryClient.invalidateQueries({ queryKey: ['jobs.get', { id: event.jobId }] });
          }
          if (TERMINAL_STATES.has(event.state)) refreshSoon();
          return;
        }
        case 'entity.changed':
          refreshSoon();
          return;
        default: {
          const unexpected: never = event;
          console.warn('[events] unexpected event', unexpected);
        }
      }
    };

    const unsubscribe = client.subscribe(onEvent);
    return () => {
      unsubscribe();
      if (pending) clearTimeout(pending);
    };
  }, [client, queryClient]);
}

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DrawDto } from '../../../shared/contract/draws';
import { useRpc } from '../../rpc/use-rpc';
import { isJobActive } from '../jobs/job-labels';
import { useJob } from '../jobs/use-job';

export type DrawStage = 'commit' | 'run' | 'result';

/**
 * The draw screen's state for one task, all read from the server (a reload resumes where it was):
 * the task, its plan, its draws, the draw in hand and the job running it.
 * The draw in hand: the completed one, else the latest unless it was abandoned.
 */
export function useTaskDraw(taskId: number) {
  const queryClient = useQueryClient();
  const task = useRpc('tasks.get', { id: taskId }, { staleTime: 0 });
  const plan = useRpc('plans.get', { id: task.data?.planId ?? 0 }, { enabled: task.data !== undefined });
  const draws = useRpc('draws.list', { taskId }, { staleTime: 0 });
  const list = draws.data ?? [];
  const latest = list[0];
  const current: DrawDto | null = list.find((d) => d.status === 'completed') ?? (latest && latest.status !== 'abandoned' ? latest : null);
  const job = useJob(current?.status === 'running' ? current.jobId : null);
  const jobDone = job.data !== undefined && !isJobActive(job.data);

  // The job ended (event or poll) while the cached draw still says 摇号中: read the draw again.
  useEffect(() => {
    if (jobDone && current?.status === 'running') {
      void queryClient.invalidateQueries({ queryKey: ['draws.list'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks.get'] });
    }
  }, [jobDone, current?.status, queryClient]);

  const stage: DrawStage = !current || current.status === 'failed' ? 'commit' : current.status === 'completed' ? 'result' : 'run';
  return { task, plan, draws, current, job, stage };
}

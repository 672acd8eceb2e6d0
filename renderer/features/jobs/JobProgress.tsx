import { Progress } from 'antd';
import type { JobDto } from '../../../shared/contract/jobs';
import { jobPercent } from './job-labels';

const STATUS = { queued: 'normal', running: 'active', succeeded: 'success', failed: 'exception', cancelled: 'normal' } as const;

export function JobProgress({ job, compact = false }: { job: JobDto; compact?: boolean }) {
  return (
    <Progress
      percent={jobPercent(job)}
      status={STATUS[job.state]}
      size={compact ? 'small' : undefined}
      format={() => (job.total > 0 ? `${job.done}/${job.total}` : '—')}
    />
  );
}

import { Alert, Progress, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { JobDto } from '../../../shared/contract/jobs';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { JOB_KIND_LABELS, isJobActive } from '../jobs/job-labels';
import { JobProgress } from '../jobs/JobProgress';
import { useJob } from '../jobs/use-job';

/**
 * A background job started from a form: its progress, then the coded failure in Chinese or `done(result)`.
 * Closing the screen does not stop it (the header's job list keeps following it).
 */
export function JobOutcome({ jobId, done, testId }: { jobId: number; done(result: unknown, job: JobDto): ReactNode; testId: string }) {
  const job = useJob(jobId);
  if (!job.data) return <Progress percent={0} status="active" data-testid={testId} />;
  const j = job.data;
  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid={testId} data-state={j.state}>
      {isJobActive(j) ? (
        <>
          <Typography.Text>{JOB_KIND_LABELS[j.kind]}：进行中…（关闭本页不会中断）</Typography.Text>
          <JobProgress job={j} />
        </>
      ) : null}
      {/* A progress event marks the job succeeded before the re-read brings its result. */}
      {j.state === 'succeeded' ? (j.result == null ? <Progress percent={100} /> : done(j.result, j)) : null}
      {j.state === 'failed' ? <Alert type="error" showIcon title={MESSAGES_ZH[j.errorCode ?? 'INTERNAL']} description={detailLines(j.errorDetails)} data-testid={`${testId}-failed`} /> : null}
      {j.state === 'cancelled' ? <Alert type="warning" showIcon title="任务已取消" /> : null}
    </div>
  );
}

/** The few details worth showing a user (paths and counts), never a stack. */
function detailLines(details: Record<string, unknown> | null): ReactNode {
  if (!details) return undefined;
  const shown = ['dir', 'file', 'path', 'packageId', 'problem'].flatMap((k) => (typeof details[k] === 'string' ? [`${k === 'dir' || k === 'path' || k === 'file' ? '位置' : k === 'packageId' ? '移交包编号' : '说明'}：${details[k] as string}`] : []));
  return shown.length > 0 ? shown.join('；') : undefined;
}

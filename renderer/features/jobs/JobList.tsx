import { Button, Empty, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import type { JobDto } from '../../../shared/contract/jobs';
import { JOB_KIND_LABELS, JOB_STATE_COLORS, JOB_STATE_LABELS, isJobActive } from './job-labels';
import { JobProgress } from './JobProgress';

type Props = { jobs: JobDto[]; cancellingId: number | null; onCancel(job: JobDto): void };

export function JobList({ jobs, cancellingId, onCancel }: Props) {
  if (jobs.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="最近没有后台任务" />;
  return (
    <div data-testid="jobs-list" role="list">
      {jobs.map((job, index) => (
        <div key={job.id} role="listitem" style={{ padding: '8px 0', borderTop: index === 0 ? undefined : '1px solid #f0f0f0' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
            <Typography.Text strong>{JOB_KIND_LABELS[job.kind] ?? job.kind}</Typography.Text>
            <span>
              <Tag color={JOB_STATE_COLORS[job.state]} style={{ marginInlineEnd: isJobActive(job) ? 8 : 0 }}>
                {JOB_STATE_LABELS[job.state]}
              </Tag>
              {isJobActive(job) ? (
                <Button size="small" danger loading={cancellingId === job.id} onClick={() => onCancel(job)}>
                  取消
                </Button>
              ) : null}
            </span>
          </div>
          <JobProgress job={job} compact />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(job.createdAt).format('MM-DD HH:mm:ss')}
            {job.errorCode ? ` · ${MESSAGES_ZH[job.errorCode]}` : ''}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}

import { Button, Empty, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import type { JobDto } from '../../../shared/contract/jobs';
import { JOB_KIND_LABELS, JOB_STATE_COLORS, JOB_STATE_LABELS, isJobActive } from './job-labels';
import { JobProgress } from './JobProgress';

type Props = { jobs: JobDto[]; cancellingId: number | null; onCancel(job: JobDto): void };

export function JobList({ jobs, cancellingId, onCancel }: Props) {
  if (jobs.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="最近没有后台任务" />;
  return (
    <List
      size="small"
      dataSource={jobs}
      data-testid="jobs-list"
      renderItem={(job) => (
        <List.Item
          key={job.id}
          actions={
            isJobActive(job)
              ? [
                  <Button key="cancel" size="small" danger loading={cancellingId === job.id} onClick={() => onCancel(job)}>
                    取消
                  </Button>,
                ]
              : []
          }
        >
          <div style={{ width: '100%' }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text strong>{JOB_KIND_LABELS[job.kind] ?? job.kind}</Typography.Text>
              <Tag color={JOB_STATE_COLORS[job.state]} style={{ marginInlineEnd: 0 }}>
                {JOB_STATE_LABELS[job.state]}
              </Tag>
            </div>
            <JobProgress job={job} compact />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(job.createdAt).format('MM-DD HH:mm:ss')}
              {job.errorCode ? ` · ${MESSAGES_ZH[job.errorCode]}` : ''}
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  );
}

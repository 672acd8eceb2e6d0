import { CloudSyncOutlined } from '@ant-design/icons';
import { App, Badge, Button, Popover, Tooltip } from 'antd';
import { useState } from 'react';
import type { JobDto } from '../../../shared/contract/jobs';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { isJobActive } from './job-labels';
import { JobList } from './JobList';

export function JobsIndicator() {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const jobs = useRpc('jobs.list', { limit: 20 }, {
    // Events keep it live; a slow poll covers a dropped event stream while something runs.
    refetchInterval: (query) => (query.state.data?.some(isJobActive) ? 5_000 : false),
  });
  const cancel = useRpcMutation('jobs.cancel');
  const active = jobs.data?.filter(isJobActive).length ?? 0;

  const onCancel = (job: JobDto) =>
    cancel.mutate({ id: job.id }, { onError: (e) => void message.error(failureMessage(e)), onSuccess: () => void message.info('已请求取消任务') });

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title="后台任务"
      content={
        <div style={{ width: 340, maxHeight: 420, overflow: 'auto' }}>
          <JobList jobs={jobs.data ?? []} cancellingId={cancel.isPending ? (cancel.variables?.id ?? null) : null} onCancel={onCancel} />
        </div>
      }
    >
      <Tooltip title={active ? `${active} 个任务进行中` : '后台任务'} open={open ? false : undefined}>
        <Button type="text" aria-label="后台任务" data-testid="jobs-indicator" style={{ color: 'rgba(255,255,255,0.92)' }}>
          <Badge count={active} size="small" offset={[4, -2]}>
            <CloudSyncOutlined style={{ color: 'rgba(255,255,255,0.92)', fontSize: 16 }} />
          </Badge>
        </Button>
      </Tooltip>
    </Popover>
  );
}

import { RedoOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { VolumeArchiveDto } from '../../../shared/contract/archives';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { useRpcMutation } from '../../rpc/use-rpc';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { useInspectionAction } from '../inspections/use-inspection-action';
import { isJobActive } from '../jobs/job-labels';
import { JobProgress } from '../jobs/JobProgress';
import { useJob } from '../jobs/use-job';

/**
 * The archived file's job while it runs (after archiving, a 补充件 or a restart), and — only when the latest
 * archiving or 补充件 has no archived file and no job making it — the clerk's 重新生成 (the core checks the
 * role and the custody bureau; an archived file that exists is never made again).
 */
export function ArchivedFileStatus({ archive: a, canEdit }: { archive: VolumeArchiveDto; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const regenerate = useRpcMutation('archives.regenerateArchivedFile');
  const action = useInspectionAction();
  const job = useJob(a.fileState === 'pending' ? a.fileJobId : null);
  const running = job.data !== undefined && isJobActive(job.data);
  const ended = job.data !== undefined && !running;

  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: ['archives.get'] });
  }, [ended, queryClient]);

  if (a.fileState === 'current') return null;
  if (a.fileState === 'pending') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="archived-file-pending">
        <Typography.Text type="secondary">正在生成归档文件…</Typography.Text>
        {job.data ? <JobProgress job={job.data} compact /> : null}
      </Space>
    );
  }
  return (
    <div data-testid="archived-file-missing">
      <Alert
        type="warning"
        showIcon
        title="本卷缺少归档文件"
        description={
          a.fileLastError
            ? `上次生成失败：${MESSAGES_ZH[a.fileLastError]}（${a.fileLastError}）。排除原因后可重新生成；重新生成不会改变已有的归档文件。`
            : '归档或最近一次登记补充件之后，归档文件没有生成（如程序中途退出）。重新生成不会改变已有的归档文件。'
        }
        action={
          canEdit ? (
            <Button size="small" icon={<RedoOutlined />} loading={action.busy} onClick={() => void action.run(() => regenerate.mutateAsync({ volumeId: a.volumeId }), '已开始生成归档文件')} data-testid="archived-file-regenerate">
              重新生成
            </Button>
          ) : undefined
        }
      />
      <ProblemAlert problem={action.problem} testId="archived-file-problem" />
    </div>
  );
}

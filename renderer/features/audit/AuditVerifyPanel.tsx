import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { AuditVerifyReport } from '../../../shared/contract/jobs';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { isJobActive, JOB_STATE_LABELS } from '../jobs/job-labels';
import { JobProgress } from '../jobs/JobProgress';
import { AuditReportView } from './AuditReportView';

/** Starts audit.verify as a background job and follows it (job.progress events, with a slow poll as backup). */
export function AuditVerifyPanel() {
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<number | null>(null);
  const start = useRpcMutation('audit.verify');
  const job = useRpc('jobs.get', { id: jobId ?? 0 }, {
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && !isJobActive(query.state.data) ? false : 2_000),
  });
  const report = job.data?.state === 'succeeded' ? AuditVerifyReport.safeParse(job.data.result) : null;
  const running = job.data ? isJobActive(job.data) : jobId !== null;

  const onStart = () =>
    start.mutate({}, { onSuccess: ({ jobId: id }) => setJobId(id), onError: (e) => void message.error(failureMessage(e)) });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="audit-verify-panel">
      <Space>
        <Button icon={<SafetyCertificateOutlined />} onClick={onStart} loading={start.isPending || running} data-testid="audit-verify">
          校验审计链
        </Button>
        <Typography.Text type="secondary">逐条核对哈希链，并核对各记录与最后一次审计状态是否一致。</Typography.Text>
      </Space>
      {job.data ? (
        <div style={{ maxWidth: 560 }}>
          <Typography.Text>
            任务 #{job.data.id}：{JOB_STATE_LABELS[job.data.state]}
          </Typography.Text>
          <JobProgress job={job.data} />
        </div>
      ) : null}
      {job.error ? <Alert type="error" showIcon title={failureMessage(job.error)} /> : null}
      {job.data?.state === 'failed' ? <Alert type="error" showIcon title={job.data.errorCode ? MESSAGES_ZH[job.data.errorCode] : '校验任务失败。'} data-testid="audit-verify-result" /> : null}
      {job.data?.state === 'cancelled' ? <Alert type="warning" showIcon title={MESSAGES_ZH.JOB_CANCELLED} data-testid="audit-verify-result" /> : null}
      {report?.success ? <AuditReportView report={report.data} /> : null}
      {report && !report.success ? <Alert type="error" showIcon title="校验已完成，但结果格式无法识别，请联系管理员。" data-testid="audit-verify-result" /> : null}
    </Space>
  );
}

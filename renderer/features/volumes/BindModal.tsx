import { Alert, Input, Modal, Progress, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PAGE_NUMBER_POSITION_LABELS, PAGE_NUMBER_POSITIONS, type PageNumberPosition, type VolumeDto } from '../../../shared/contract/volumes';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { useQueryClient } from '@tanstack/react-query';
import { useRpcMutation } from '../../rpc/use-rpc';
import { actionProblem } from '../inspections/action-problem';
import { ProblemAlert } from '../inspections/ProblemAlert';
import type { Problem } from '../inspections/use-inspection-action';
import { isJobActive, jobPercent } from '../jobs/job-labels';
import { useJob } from '../jobs/use-job';
import { testId, type VolumePermissions } from './volume-labels';

const STATUS = { queued: 'normal', running: 'active', succeeded: 'success', failed: 'exception', cancelled: 'normal' } as const;

/**
 * 装订: what is missing (an incomplete volume needs the legal role and a reason), then the binding job
 * followed like a draw (events + poll) until the new version exists.
 */
export function BindModal({ volume: v, can, open, onClose }: { volume: VolumeDto; can: VolumePermissions; open: boolean; onClose(done: number | null): void }) {
  const queryClient = useQueryClient();
  const bind = useRpcMutation('volumes.bind');
  const [reason, setReason] = useState('');
  // 页号位置 (§3.4): the previous version's choice, else front top-right.
  const [pageNumbers, setPageNumbers] = useState<PageNumberPosition>(v.bindings[0]?.pageNumbers ?? 'top-right');
  const [jobId, setJobId] = useState<number | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const job = useJob(jobId);
  const missing = v.checklist.filter((i) => i.status === 'missing');
  const incomplete = missing.length > 0;
  const running = jobId !== null && (!job.data || isJobActive(job.data));
  const result = job.data?.state === 'succeeded' ? (job.data.result as { version?: number } | null) : null;

  useEffect(() => {
    if (job.data && !isJobActive(job.data)) void queryClient.invalidateQueries({ queryKey: ['volumes.get'] });
  }, [job.data?.state, queryClient]);

  const close = () => {
    const version = result?.version ?? null;
    setReason('');
    setJobId(null);
    setProblem(null);
    onClose(version);
  };

  const start = async () => {
    setProblem(null);
    try {
      const { jobId: id } = await bind.mutateAsync({ id: v.id, pageNumbers, ...(incomplete ? { incompleteReason: reason.trim() } : {}) });
      setJobId(id);
    } catch (error) {
      setProblem(actionProblem(error));
    }
  };

  const blocked = incomplete && (!can.legal || reason.trim() === '');
  const finished = job.data !== undefined && !isJobActive(job.data);
  return (
    <Modal
      open={open}
      title="装订专卷"
      okText={finished ? '完成' : '开始装订'}
      cancelText="关闭"
      onOk={() => (finished ? close() : void start())}
      onCancel={close}
      confirmLoading={bind.isPending || running}
      okButtonProps={{ disabled: !finished && blocked, ...testId('bind-ok') }}
      cancelButtonProps={{ style: finished ? { display: 'none' } : undefined }}
      width={560}
      destroyOnHidden
      maskClosable={false}
    >
      {jobId === null ? (
        <div style={{ display: 'grid', gap: 12 }} data-testid="bind-form">
          <Typography.Text>装订生成封面、卷内文件目录、编有页号的正文和卷内备考表，形成第 {(v.bindings[0]?.version ?? 0) + 1} 版（以前的版本保留不变）。</Typography.Text>
          <Space wrap>
            <Typography.Text>页号位置</Typography.Text>
            <Select<PageNumberPosition>
              value={pageNumbers}
              onChange={setPageNumbers}
              options={PAGE_NUMBER_POSITIONS.map((p) => ({ value: p, label: `${PAGE_NUMBER_POSITION_LABELS[p]}${p === 'top-right' ? '（默认）' : ''}` }))}
              style={{ width: 200 }}
              aria-label="页号位置"
              data-testid="bind-page-numbers"
            />
          </Space>
          {incomplete ? (
            <Alert
              type="warning"
              showIcon
              title="专卷材料不齐全"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="bind-missing">
                  {missing.map((m) => (
                    <li key={m.key}>
                      {m.label}
                      {m.note ? `（${m.note}）` : ''}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : (
            <Alert type="success" showIcon title="材料齐全" />
          )}
          {incomplete && can.legal ? (
            <div>
              <Typography.Text>不齐全装订的理由（必填，写入卷内备考表）</Typography.Text>
              <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} style={{ marginTop: 6 }} data-testid="bind-reason" />
            </div>
          ) : null}
          {incomplete && !can.legal ? (
            <Alert type="info" showIcon title="请补齐材料，或由法制审核人员填写理由后装订" description="材料不齐全的专卷只能由具有法制审核角色的人员说明理由后装订。" data-testid="bind-legal-needed" />
          ) : null}
          <ProblemAlert problem={problem} testId="bind-problem" />
        </div>
      ) : (
        <div style={{ display: 'grid', gap: 12 }} data-testid="bind-progress">
          <Typography.Text>{finished ? (job.data?.state === 'succeeded' ? '装订完成' : '装订未完成') : '正在装订…'}</Typography.Text>
          <Progress percent={job.data ? jobPercent(job.data) : 0} status={job.data ? STATUS[job.data.state] : 'active'} />
          {result?.version ? (
            <Alert type="success" showIcon title={`已形成第 ${result.version} 版`} data-testid="bind-done" />
          ) : null}
          {job.data?.state === 'failed' ? <Alert type="error" showIcon title={MESSAGES_ZH[job.data.errorCode ?? 'INTERNAL']} data-testid="bind-failed" /> : null}
          <Typography.Text type="secondary">装订在后台进行：关闭本窗口不会中断，完成后新版本出现在“装订版本”中。</Typography.Text>
        </div>
      )}
    </Modal>
  );
}

import { Alert, App, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { VolumeDto } from '../../../shared/contract/volumes';
import type { RetentionPeriod } from '../../../shared/domain/volumes/volumes';
import { useRpcMutation } from '../../rpc/use-rpc';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { actionProblem } from '../inspections/action-problem';
import type { Problem } from '../inspections/use-inspection-action';
import { testId } from '../volumes/volume-labels';
import { retentionText } from './archive-labels';

/**
 * 归档: the §3.6 default retention, or 永久 (Y) with a reason; the core assigns the 档号 (gapless per bureau,
 * year and retention) and the volume becomes read-only.
 */
export function ArchiveModal({ volume: v, open, onClose }: { volume: VolumeDto; open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const archive = useRpcMutation('archives.archive');
  const [retention, setRetention] = useState<RetentionPeriod>(v.retention);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const raised = retention !== v.retention;
  const options = [...new Set<RetentionPeriod>([v.retention, 'Y'])].map((r) => ({ value: r, label: r === v.retention ? `${retentionText(r)} · 默认` : retentionText(r) }));

  const close = () => {
    setRetention(v.retention);
    setReason('');
    setProblem(null);
    onClose();
  };
  const run = async () => {
    setProblem(null);
    try {
      const done = await archive.mutateAsync({ volumeId: v.id, ...(raised ? { retention, retentionReason: reason.trim() } : {}) });
      void message.success(`已归档，档号 ${done.archiveNo}`);
      close();
    } catch (error) {
      setProblem(actionProblem(error));
    }
  };

  return (
    <Modal
      open={open}
      title="归档"
      okText="归档"
      cancelText="取消"
      onOk={() => void run()}
      onCancel={close}
      confirmLoading={archive.isPending}
      okButtonProps={{ disabled: raised && reason.trim() === '', ...testId('archive-ok') }}
      width={520}
      destroyOnHidden
      maskClosable={false}
    >
      <div style={{ display: 'grid', gap: 12 }} data-testid="archive-form">
        <Typography.Text>
          归档第 {v.bindings[0]?.version ?? '—'} 版（已通过法制审核）。归档后按本单位档号规则编定档号，专卷只读，以后补充的材料登记为补充件。
        </Typography.Text>
        <div>
          <Typography.Text>保管期限</Typography.Text>
          <Select value={retention} onChange={setRetention} options={options} style={{ width: '100%', marginTop: 6 }} data-testid="archive-retention" aria-label="保管期限" />
        </div>
        {raised ? (
          <div>
            <Typography.Text>改为永久的理由（必填）</Typography.Text>
            <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} autoSize={{ minRows: 2, maxRows: 4 }} style={{ marginTop: 6 }} data-testid="archive-reason" />
          </div>
        ) : null}
        <Alert type="warning" showIcon title="归档后不能撤销，专卷不能再修改或重新装订。" />
        <ProblemAlert problem={problem} testId="archive-problem" />
      </div>
    </Modal>
  );
}

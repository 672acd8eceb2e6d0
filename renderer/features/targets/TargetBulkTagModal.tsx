import { Alert, Button, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import type { TargetFilterInput } from '../../../shared/contract/targets';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import { isJobActive } from '../jobs/job-labels';
import { JobProgress } from '../jobs/JobProgress';
import { useJob } from '../jobs/use-job';
import { ItemPicker } from '../items/ItemPicker';

type Props = { open: boolean; onClose(): void; filter: TargetFilterInput; matching: number; capped: boolean; filtered: boolean };

/** 批量标注: add or remove inspection items on every target the current filter matches (a background job). */
export function TargetBulkTagModal({ open, onClose, filter, matching, capped, filtered }: Props) {
  return (
    <Modal open={open} onCancel={onClose} title="批量分类标注" width={640} footer={null} destroyOnHidden mask={{ closable: false }}>
      {open ? <BulkTagBody onClose={onClose} filter={filter} matching={matching} capped={capped} filtered={filtered} /> : null}
    </Modal>
  );
}

function BulkTagBody({ onClose, filter, matching, capped, filtered }: Omit<Props, 'open'>) {
  const count = `${capped ? '超过 ' : ''}${matching}`;
  const [itemIds, setItemIds] = useState<number[]>([]);
  const [action, setAction] = useState<'add' | 'remove'>('add');
  const [jobId, setJobId] = useState<number | null>(null);
  const start = useRpcMutation('targets.tagBulk');
  const job = useJob(jobId);
  const result = job.data?.state === 'succeeded' ? (job.data.result as { changed?: number; matched?: number } | null) : null;
  const running = start.isPending || (job.data ? isJobActive(job.data) : jobId !== null);

  return (
    <div data-testid="bulk-tag" style={{ display: 'grid', gap: 14 }}>
      <Alert
        type={filtered ? 'info' : 'warning'}
        showIcon
        title={`将作用于当前筛选条件下的 ${count} 个检查对象${filtered ? '' : '（未设置筛选条件：名录中的全部检查对象）'}。`}
      />
      <Radio.Group value={action} onChange={(e) => setAction(e.target.value as 'add' | 'remove')} disabled={jobId !== null} optionType="button" buttonStyle="solid">
        <Radio.Button value="add">添加标注</Radio.Button>
        <Radio.Button value="remove">移除标注</Radio.Button>
      </Radio.Group>
      <ItemPicker multiple maxCount={50} value={itemIds} onChange={setItemIds} style={{ width: '100%' }} disabled={jobId !== null} placeholder="选择抽查事项（最多 50 项）" testId="bulk-tag-items" ariaLabel="抽查事项" autoFocus />
      {job.data ? <JobProgress job={job.data} /> : null}
      {start.error ? <Alert type="error" showIcon title={failureMessage(start.error)} /> : null}
      {job.data?.state === 'failed' ? <Alert type="error" showIcon title={MESSAGES_ZH[job.data.errorCode ?? 'INTERNAL']} /> : null}
      {result ? (
        <Alert type="success" showIcon data-testid="bulk-tag-result" title={`已处理 ${result.matched ?? 0} 个检查对象，其中 ${result.changed ?? 0} 个的分类标注发生了变化。`} />
      ) : null}
      <Space style={{ justifyContent: 'flex-end', display: 'flex' }}>
        {jobId === null ? (
          <>
            <Button onClick={onClose}>取消</Button>
            <Button
              type="primary"
              disabled={itemIds.length === 0 || matching === 0}
              loading={running}
              onClick={() => start.mutate({ filter, itemIds, action }, { onSuccess: ({ jobId: id }) => setJobId(id) })}
              data-testid="bulk-tag-start"
            >
              {action === 'add' ? '添加到' : '移除自'} {count} 个检查对象
            </Button>
          </>
        ) : (
          <Button type="primary" onClick={onClose} autoFocus={!running} data-testid="bulk-tag-close">
            {running ? '在后台继续' : '完成'}
          </Button>
        )}
      </Space>
    </div>
  );
}

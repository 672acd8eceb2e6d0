import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import type { VolumeArchiveDto } from '../../../shared/contract/archives';
import { useRpcMutation } from '../../rpc/use-rpc';
import { dateTimeText } from '../inspections/inspection-labels';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { useInspectionAction } from '../inspections/use-inspection-action';

/** 补充件: later additions noted for the 备考表; the archived version itself never changes. */
export function SupplementSection({ archive: a, canEdit }: { archive: VolumeArchiveDto; canEdit: boolean }) {
  const add = useRpcMutation('archives.addSupplement');
  const action = useInspectionAction();
  const [note, setNote] = useState('');
  const save = () => void action.run(() => add.mutateAsync({ volumeId: a.volumeId, note: note.trim() }), '已登记补充件').then((ok) => ok && setNote(''));

  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid="archive-supplements">
      <Typography.Text strong>补充件（{a.supplements.length}）</Typography.Text>
      {a.supplements.length > 0 ? (
        <List
          size="small"
          bordered
          dataSource={a.supplements}
          renderItem={(s) => (
            <List.Item data-testid="supplement-row">
              <div style={{ width: '100%' }}>
                <div>{s.note}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.addedByName ?? '—'} · {dateTimeText(s.addedAt)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">没有补充件。</Typography.Text>
      )}
      {canEdit ? (
        <>
          <Space.Compact style={{ width: '100%' }}>
            <Input value={note} onChange={(e) => setNote(e.target.value)} onPressEnter={() => note.trim() && save()} maxLength={500} placeholder="补充材料的说明，如：2026-05-10 补充整改复查照片 3 张（纸质，存盒内）" data-testid="supplement-note" />
            <Button icon={<PlusOutlined />} disabled={note.trim() === ''} loading={add.isPending} onClick={save} data-testid="supplement-add">
              登记补充件
            </Button>
          </Space.Compact>
          <ProblemAlert problem={action.problem} testId="supplement-problem" />
        </>
      ) : null}
    </div>
  );
}

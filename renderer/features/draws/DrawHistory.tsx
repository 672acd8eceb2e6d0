import { App, Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DRAW_STATUS_LABELS, type DrawDto } from '../../../shared/contract/draws';
import { isErrorCode } from '../../../shared/errors/codes';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { useRpcMutation } from '../../rpc/use-rpc';
import { dateTimeText } from '../plans/plan-labels';
import { NoteModal } from '../plans/NoteModal';
import { DRAW_STATUS_COLORS } from './draw-labels';

function note(d: DrawDto): string {
  if (d.status === 'abandoned') return typeof d.errorDetails?.reason === 'string' ? `作废原因：${d.errorDetails.reason}` : '';
  if (d.status === 'failed' && d.errorCode) return isErrorCode(d.errorCode) ? MESSAGES_ZH[d.errorCode] : d.errorCode;
  if (d.status === 'completed') return `抽中 ${d.selectedCount ?? 0} 户（对象库 ${d.populationSize ?? 0} 户）`;
  return '';
}

/** Every draw of the task (newest first): committed ones may be abandoned with a reason. */
export function DrawHistory({ draws, canAbandon }: { draws: DrawDto[]; canAbandon: boolean }) {
  const { message } = App.useApp();
  const [abandoning, setAbandoning] = useState<DrawDto | null>(null);
  const abandon = useRpcMutation('draws.abandon');
  return (
    <>
      <Table<DrawDto>
        data-testid="draw-history"
        rowKey="id"
        size="small"
        dataSource={draws}
        pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: '尚未摇号' }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 70, render: (id: number) => `#${id}` },
          { title: '状态', dataIndex: 'status', width: 130, render: (s: DrawDto['status']) => <Tag color={DRAW_STATUS_COLORS[s]}>{DRAW_STATUS_LABELS[s]}</Tag> },
          {
            title: '种子承诺',
            dataIndex: 'seedCommitment',
            width: 200,
            render: (c: string) => (
              <Typography.Text style={{ fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace', fontSize: 12 }} title={c}>
                {c.slice(0, 16)}…
              </Typography.Text>
            ),
          },
          { title: '生成承诺', dataIndex: 'committedAt', width: 170, render: (at: string) => dateTimeText(at) },
          { title: '摇号时间', dataIndex: 'drawnAt', width: 170, render: (at: string | null) => dateTimeText(at) },
          { title: '说明', key: 'note', ellipsis: true, render: (_: unknown, d) => note(d) },
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_: unknown, d) =>
              d.status === 'committed' && canAbandon ? (
                <Button size="small" type="link" danger onClick={() => setAbandoning(d)}>
                  作废
                </Button>
              ) : null,
          },
        ]}
      />
      <NoteModal
        open={abandoning !== null}
        title="作废本次种子承诺"
        label="作废原因"
        required
        danger
        okText="作废"
        onSubmit={(reason) => abandon.mutateAsync({ id: abandoning?.id ?? 0, reason: reason ?? '' }).then(() => void message.success('已作废'))}
        onClose={() => setAbandoning(null)}
      />
    </>
  );
}

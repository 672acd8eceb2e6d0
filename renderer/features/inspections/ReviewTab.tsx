import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { InspectionDto, ReviewDto } from '../../../shared/contract/inspections';
import { FOLLOW_UP_MEASURE_LABELS, NON_PUBLIC_REASON_LABELS, overallResultText } from '../../../shared/domain/inspections/inspections';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { useRpcMutation } from '../../rpc/use-rpc';
import { NoteModal } from '../plans/NoteModal';
import { dateTimeText } from './inspection-labels';
import type { InspectionPermissions } from './inspection-permissions';

/** 复核 (谁复核、谁负责): a reviewer other than the entrant approves (the result is formed) or returns it with a comment. */
export function ReviewTab({ inspection: i, can }: { inspection: InspectionDto; can: InspectionPermissions }) {
  const [asking, setAsking] = useState<'approve' | 'return' | null>(null);
  const review = useRpcMutation('inspections.review');
  const r = i.result;
  const pending = i.status === 'awaiting_review';
  const mayReview = pending && can.review && !can.isEntrant;

  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="inspection-review">
      {r ? (
        <Descriptions
          bordered
          size="small"
          column={2}
          styles={{ label: { whiteSpace: 'nowrap', width: 120 } }}
          items={[
            { key: 'overall', label: '检查结果', children: r.categories.length ? overallResultText(r.categories) : '—', span: 'filled' },
            { key: 'measures', label: '后续处置措施', children: r.measures.map((m) => (m === 'other' ? `其他：${r.measureOther ?? ''}` : FOLLOW_UP_MEASURE_LABELS[m])).join('；') || '—', span: 'filled' },
            { key: 'items', label: '分事项', children: r.items.map((it) => `${it.itemName}：${it.checked ? (it.finding ?? '未发现问题') : '未检查'}`).join('；'), span: 'filled' },
            { key: 'remark', label: '备注', children: r.remark ? `${r.remark}${r.remarkNonPublic ? `（不予公开：${NON_PUBLIC_REASON_LABELS[r.remarkNonPublic]}）` : ''}` : '—' },
            { key: 'public', label: '公示', children: r.nonPublic ? <Tag color="red">不予公示（{NON_PUBLIC_REASON_LABELS[r.nonPublic]}）</Tag> : '公示' },
            { key: 'by', label: '录入人', children: r.enteredByName ?? '—' },
            { key: 'submitted', label: '提交复核', children: dateTimeText(r.submittedAt) },
          ]}
          data-testid="review-result"
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未录入检查结果" />
      )}
      {pending && can.isEntrant ? <Alert type="warning" showIcon title={MESSAGES_ZH.RESULT_SELF_REVIEW} data-testid="review-self" /> : null}
      {pending && !can.review ? <Alert type="info" showIcon title="等待复核人员复核。" /> : null}
      {pending && can.review ? (
        <Space>
          <Button onClick={() => setAsking('return')} icon={<RollbackOutlined />} disabled={!mayReview} data-testid="review-return">
            退回
          </Button>
          <Button type="primary" onClick={() => setAsking('approve')} icon={<CheckOutlined />} disabled={!mayReview} data-testid="review-approve">
            复核通过
          </Button>
        </Space>
      ) : null}
      <div>
        <Typography.Title level={5}>复核记录</Typography.Title>
        <Table<ReviewDto>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={i.reviews}
          locale={{ emptyText: '暂无复核记录' }}
          columns={[
            { title: '时间', dataIndex: 'reviewedAt', width: 150, render: dateTimeText },
            { title: '复核人', dataIndex: 'reviewerName', width: 110 },
            { title: '结论', dataIndex: 'decision', width: 90, render: (d: ReviewDto['decision']) => (d === 'approve' ? <Tag color="success">通过</Tag> : <Tag color="warning">退回</Tag>) },
            { title: '意见', dataIndex: 'comment', render: (c: string | null) => c ?? '—' },
          ]}
          data-testid="review-history"
        />
      </div>
      <NoteModal
        open={asking === 'approve'}
        title="复核通过"
        label="复核意见"
        placeholder="如：结果属实，同意（选填）"
        okText="复核通过"
        onSubmit={(comment) => review.mutateAsync({ id: i.id, version: i.version, decision: 'approve', comment })}
        onClose={() => setAsking(null)}
      />
      <NoteModal
        open={asking === 'return'}
        title="退回录入人"
        label="退回意见"
        required
        okText="退回"
        danger
        onSubmit={(comment) => review.mutateAsync({ id: i.id, version: i.version, decision: 'return', comment })}
        onClose={() => setAsking(null)}
      />
    </div>
  );
}

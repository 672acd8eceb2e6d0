import { CheckCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { InspectionDto } from '../../../shared/contract/inspections';
import { FOLLOW_UP_STATUS_LABELS, INSPECTION_STATUSES, INSPECTION_STATUS_LABELS } from '../../../shared/domain/inspections/inspections';
import { hrefOf } from '../../router/navigation';
import { useRpcMutation } from '../../rpc/use-rpc';
import { DateActionModal } from './DateActionModal';
import { dateText, FOLLOW_UP_COLORS, INSPECTION_STATUS_COLORS } from './inspection-labels';
import type { InspectionPermissions } from './inspection-permissions';

/** Subtitles under the steps: the day each one was reached, where the record knows it. */
function stepDates(i: InspectionDto): Partial<Record<(typeof INSPECTION_STATUSES)[number], string>> {
  return {
    in_progress: i.startedOn ?? undefined,
    awaiting_entry: i.endedOn ?? undefined,
    awaiting_review: i.result?.submittedAt ? dateText(i.result.submittedAt) : undefined,
    reviewed: i.result?.formedOn ?? undefined,
    published: i.publication?.publishedOn ?? undefined,
  };
}

/** The target, where the inspection stands (待检查 → … → 已公示) and the step's own actions. */
export function InspectionHeader({ inspection: i, can }: { inspection: InspectionDto; can: InspectionPermissions }) {
  const [asking, setAsking] = useState<'start' | 'finish' | null>(null);
  const start = useRpcMutation('inspections.start');
  const finish = useRpcMutation('inspections.finish');
  const current = INSPECTION_STATUSES.indexOf(i.status);
  const dates = stepDates(i);
  const lastReview = i.reviews[i.reviews.length - 1];
  const returned = i.status === 'awaiting_entry' && lastReview?.decision === 'return';

  return (
    <Card
      data-testid="inspection-header"
      title={
        <Space size={8} wrap>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="inspection-target">
            {i.targetName}
          </Typography.Text>
          <Typography.Text type="secondary" className="cb-code">
            {i.targetCode}
          </Typography.Text>
          <Tag color={INSPECTION_STATUS_COLORS[i.status]} data-testid="inspection-status">
            {INSPECTION_STATUS_LABELS[i.status]}
          </Tag>
          {i.followUpStatus !== 'none' ? <Tag color={FOLLOW_UP_COLORS[i.followUpStatus]}>后续处置{FOLLOW_UP_STATUS_LABELS[i.followUpStatus]}</Tag> : null}
        </Space>
      }
      extra={
        can.edit ? (
          <Space>
            {i.status === 'pending' ? (
              <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setAsking('start')} data-testid="inspection-start">
                开始检查
              </Button>
            ) : null}
            {i.status === 'in_progress' ? (
              <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setAsking('finish')} data-testid="inspection-finish">
                检查结束
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {i.planTitle} · {i.taskTitle}
        {i.taskNo ? `（${i.taskNo}）` : ''} · 实施机关：{i.inspectingBureauName}
        {i.volumeId !== null ? (
          <>
            {' · '}
            <a href={hrefOf(`/volumes/${i.volumeId}`)} data-testid="inspection-volume-link">
              打开专卷
            </a>
          </>
        ) : null}
      </Typography.Paragraph>
      <Steps
        size="small"
        current={current}
        status={i.status === 'published' ? 'finish' : returned ? 'error' : 'process'}
        items={INSPECTION_STATUSES.map((s) => ({ title: INSPECTION_STATUS_LABELS[s], content: s === 'awaiting_entry' && returned ? '复核退回' : dates[s] }))}
        data-testid="inspection-steps"
      />
      {returned ? (
        <Alert type="warning" showIcon title={`复核退回${lastReview.comment ? `：${lastReview.comment}` : ''}`} description="请按复核意见修改检查结果后重新提交复核。" style={{ marginTop: 16 }} data-testid="inspection-returned" />
      ) : null}
      <DateActionModal
        open={asking === 'start'}
        title="开始检查"
        label="检查开始日期"
        okText="开始检查"
        onSubmit={(startedOn) => start.mutateAsync({ id: i.id, version: i.version, startedOn })}
        onClose={() => setAsking(null)}
      />
      <DateActionModal
        open={asking === 'finish'}
        title="检查结束"
        label="检查结束日期"
        extra="自结束之日起 10 个工作日内录入检查结果（谁检查、谁录入）。"
        okText="检查结束"
        onSubmit={(endedOn) => finish.mutateAsync({ id: i.id, version: i.version, endedOn })}
        onClose={() => setAsking(null)}
      />
    </Card>
  );
}

import { Alert, Card, Descriptions, Space, Steps, Tag, Typography } from 'antd';
import type { PlanDto } from '../../../shared/contract/plans';
import { PLAN_STATUS_LABELS } from '../../../shared/domain/plans/plans';
import { useBureaus } from '../bureaus/use-bureaus';
import { dateText, PLAN_STATUS_COLORS, PLAN_STEPS, versionText } from './plan-labels';
import { PlanActions } from './PlanActions';

/** The plan's title, its place in the workflow (steps), the actions of that step and its fields. */
export function PlanHeader({ plan }: { plan: PlanDto }) {
  const bureaus = useBureaus();
  const current = PLAN_STEPS.findIndex((s) => s.status === plan.status);
  const returned = plan.status === 'draft' && plan.reviewedBy !== null;
  const adjusting = plan.status === 'draft' && plan.planVersion > 1;

  return (
    <Card
      data-testid="plan-header"
      title={
        <Space size={8} wrap>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="plan-title">
            {plan.title}
          </Typography.Text>
          <Tag color={PLAN_STATUS_COLORS[plan.status]} data-testid="plan-status">
            {PLAN_STATUS_LABELS[plan.status]}
          </Tag>
          <Tag>{versionText(plan.planVersion)}</Tag>
        </Space>
      }
      extra={<PlanActions plan={plan} />}
    >
      <Steps
        size="small"
        current={current}
        status={plan.status === 'published' ? 'finish' : returned ? 'error' : 'process'}
        items={PLAN_STEPS.map((s, i) => ({
          title: s.title,
          content: i === 0 && returned ? '已退回' : i === 3 && plan.publishedAt ? dateText(plan.publishedAt) : undefined,
        }))}
        style={{ maxWidth: 860, marginBottom: 16 }}
        data-testid="plan-steps"
      />
      {returned ? <Alert type="warning" showIcon title={`法制审核已退回${plan.reviewNote ? `：${plan.reviewNote}` : ''}`} description="请修改后重新报送审核。" style={{ marginBottom: 12 }} data-testid="plan-returned" /> : null}
      {adjusting ? (
        <Alert type="info" showIcon title={`动态调整中（${versionText(plan.planVersion)}）：${plan.changeNote ?? ''}`} description="调整完成后须重新报送审核并公示；已摇号的任务不受影响。" style={{ marginBottom: 12 }} />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        styles={{ label: { whiteSpace: 'nowrap', width: 110 } }}
        data-testid="plan-fields"
        items={[
          { key: 'year', label: '年度', children: `${plan.year} 年度` },
          { key: 'line', label: '业务条线', children: plan.businessLine },
          { key: 'bureau', label: '制定单位', children: bureaus.nameOf(plan.bureauId) },
          { key: 'version', label: '当前版本', children: versionText(plan.planVersion) },
          { key: 'tasks', label: '抽查任务', children: `${plan.taskCount} 个批次` },
          { key: 'published', label: '公示日期', children: dateText(plan.publishedAt) },
          ...(plan.reviewNote && !returned ? [{ key: 'review', label: '审核意见', children: plan.reviewNote, span: 'filled' as const }] : []),
          ...(plan.description ? [{ key: 'description', label: '说明', children: <span style={{ whiteSpace: 'pre-wrap' }}>{plan.description}</span>, span: 'filled' as const }] : []),
        ]}
      />
    </Card>
  );
}

import { Collapse, Tag, Typography } from 'antd';
import type { LegalReviewDto } from '../../../shared/contract/archives';
import { dateTimeText } from '../inspections/inspection-labels';
import { DECISION_LABELS } from './archive-labels';
import { FindingList } from './FindingList';

const decisionTag = (r: LegalReviewDto) =>
  r.decision ? <Tag color={r.decision === 'approve' ? 'success' : 'error'}>{DECISION_LABELS[r.decision]}</Tag> : <Tag color="processing">待审核</Tag>;

/** 审核记录: every round, newest first, with the findings as they stood at the decision and the return list. */
export function ReviewRounds({ rounds }: { rounds: readonly LegalReviewDto[] }) {
  if (rounds.length === 0) return null;
  return (
    <Collapse
      size="small"
      data-testid="review-rounds"
      items={rounds.map((r) => ({
        key: r.id,
        label: (
          <span>
            第 {r.round} 轮 · 第 {r.bindingVersion} 版 · {r.submittedByName ?? '—'} 提交于 {dateTimeText(r.submittedAt)} {decisionTag(r)}
          </span>
        ),
        children: (
          <div style={{ display: 'grid', gap: 8 }}>
            {r.decision ? (
              <Typography.Text>
                {r.reviewerName ?? '—'} 于 {dateTimeText(r.decidedAt)} {DECISION_LABELS[r.decision]}
                {r.comments ? `：${r.comments}` : ''}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">尚未审核。</Typography.Text>
            )}
            {r.returnList.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {r.returnList.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
            {r.findings ? <FindingList findings={r.findings} /> : null}
          </div>
        ),
      }))}
    />
  );
}

import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewSheetDto } from '../../../shared/contract/archives';
import { decisionProblems, type ManualItem, type ManualItemKey, type ReviewDecision } from '../../../shared/domain/archives/archives';
import { useRpcMutation } from '../../rpc/use-rpc';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { useInspectionAction } from '../inspections/use-inspection-action';

type Draft = Record<ManualItemKey, { ok: boolean; note: string }>;

/**
 * 人工审核项目 and the decision, for the legal role: each item ticked when met (a note when not), comments;
 * 审核通过 needs every item met and, where an automatic check found a problem, comments; 退回 needs comments.
 */
export function ReviewDecisionForm({ sheet, editable }: { sheet: ReviewSheetDto; editable: boolean }) {
  const decide = useRpcMutation('archives.decide');
  const action = useInspectionAction();
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(sheet.manualItems.map((i) => [i.key, { ok: false, note: '' }])) as Draft);
  const [comments, setComments] = useState('');
  const items: ManualItem[] = sheet.manualItems.map((i) => ({ key: i.key, ok: draft[i.key].ok, note: draft[i.key].ok ? null : draft[i.key].note.trim() || null }));
  const problemsOf = (d: ReviewDecision) => decisionProblems(d, sheet.findings, items, comments.trim() || null);
  const round = sheet.open?.round ?? 0;

  const submit = (decision: ReviewDecision) =>
    void action.run(
      () => decide.mutateAsync({ volumeId: sheet.volumeId, round, decision, items, comments: comments.trim() || null }),
      decision === 'approve' ? '已审核通过，档案员可以归档' : '已退回档案员',
    );
  const set = (key: ManualItemKey, patch: Partial<Draft[ManualItemKey]>) => setDraft((d) => ({ ...d, [key]: { ...d[key], ...patch } }));
  const approveProblems = problemsOf('approve');
  const returnProblems = problemsOf('return');

  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid="review-decision">
      <Typography.Text strong>人工审核项目{editable ? '（符合的打勾，不符合的说明原因）' : ''}</Typography.Text>
      {sheet.manualItems.map((i) => (
        <div key={i.key} style={{ display: 'grid', gap: 4 }}>
          <Checkbox checked={draft[i.key].ok} disabled={!editable} onChange={(e) => set(i.key, { ok: e.target.checked })} data-testid={`manual-${i.key}`}>
            {i.label}
          </Checkbox>
          {editable && !draft[i.key].ok ? (
            <Input size="small" placeholder="不符合的原因（可选，退回时列入退回清单）" value={draft[i.key].note} onChange={(e) => set(i.key, { note: e.target.value })} maxLength={300} style={{ marginInlineStart: 24, width: 'calc(100% - 24px)' }} aria-label={`${i.label} 的说明`} />
          ) : null}
        </div>
      ))}
      {editable ? (
        <>
          <Typography.Text strong style={{ marginTop: 8 }}>审核意见</Typography.Text>
          <Input.TextArea value={comments} onChange={(e) => setComments(e.target.value)} maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} placeholder="退回时必填；自动检查有问题而审核通过时，须说明理由" data-testid="review-comments" />
          {approveProblems.length > 0 ? (
            <Alert type="info" showIcon title="审核通过前还需：" description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{approveProblems.map((p) => <li key={p}>{p}</li>)}</ul>} data-testid="review-approve-hint" />
          ) : null}
          <ProblemAlert problem={action.problem} testId="review-problem" />
          <Space>
            <Button type="primary" icon={<CheckOutlined />} disabled={approveProblems.length > 0} loading={action.busy && decide.variables?.decision === 'approve'} onClick={() => submit('approve')} data-testid="review-approve">
              审核通过
            </Button>
            <Button danger icon={<RollbackOutlined />} disabled={returnProblems.length > 0} title={returnProblems.join('；') || undefined} loading={action.busy && decide.variables?.decision === 'return'} onClick={() => submit('return')} data-testid="review-return">
              退回档案员
            </Button>
          </Space>
        </>
      ) : (
        <Typography.Text type="secondary" data-testid="review-waiting">
          由法制审核人员（不能是装订或提交本卷的人）逐项审核并作出决定。
        </Typography.Text>
      )}
    </div>
  );
}

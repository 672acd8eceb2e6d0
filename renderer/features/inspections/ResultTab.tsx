import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Divider, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { InspectionDto } from '../../../shared/contract/inspections';
import { overallResultText, resultProblems, signingProblems } from '../../../shared/domain/inspections/inspections';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { useRpcMutation } from '../../rpc/use-rpc';
import { dateTimeText } from './inspection-labels';
import type { InspectionPermissions } from './inspection-permissions';
import { ProblemAlert } from './ProblemAlert';
import { draftOf, saveInput, type ResultDraft } from './result-draft';
import { CategoryAndMeasureFields, ItemResultsTable, PublicityFields } from './ResultFields';
import { useInspectionAction } from './use-inspection-action';

/** 检查结果: entered by a member inspector (谁检查、谁录入) while 待录入; 暂存 keeps a draft, 提交复核 hands it on. */
export function ResultTab({ inspection: i, can }: { inspection: InspectionDto; can: InspectionPermissions }) {
  // Keyed by version: a saved or refreshed inspection starts the form from what the core now holds.
  // The action (and a refusal it shows) lives here so it survives that remount.
  const action = useInspectionAction();
  return <ResultEditor key={i.version} inspection={i} can={can} action={action} />;
}

type EditorProps = { inspection: InspectionDto; can: InspectionPermissions; action: ReturnType<typeof useInspectionAction> };

function ResultEditor({ inspection: i, can, action }: EditorProps) {
  const [draft, setDraft] = useState<ResultDraft>(() => draftOf(i));
  const save = useRpcMutation('inspections.saveResult');
  const submit = useRpcMutation('inspections.submitResult');
  const editable = can.enter && i.status === 'awaiting_entry';
  const onChange = (patch: Partial<ResultDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const problems = [
    ...resultProblems({ categories: draft.categories, measures: draft.measures, measureOther: draft.measureOther || null }),
    ...signingProblems({ status: i.signing?.status ?? null, reason: i.signing?.reason ?? null, witnessName: i.signing?.witnessName ?? null, witnessIdNo: i.signing?.witnessIdNo ?? null }),
  ];

  const saveDraft = () => void action.run(() => save.mutateAsync(saveInput(i, draft)), '检查结果已暂存');
  const submitForReview = () =>
    void action.run(async () => {
      const saved = await save.mutateAsync(saveInput(i, draft));
      await submit.mutateAsync({ id: saved.id, version: saved.version });
    }, '已提交复核');

  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="inspection-result">
      {!can.enter && i.status === 'awaiting_entry' ? <Alert type="info" showIcon title={MESSAGES_ZH.RESULT_NOT_MEMBER} data-testid="result-not-member" /> : null}
      {['pending', 'in_progress'].includes(i.status) ? <Alert type="info" showIcon title="检查结束后录入检查结果（自结束之日起 10 个工作日内）。" /> : null}
      {i.result ? (
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'overall', label: '结果', children: <span data-testid="result-overall">{i.result.categories.length ? overallResultText(i.result.categories) : '（未选择）'}</span>, span: 'filled' },
            { key: 'by', label: '录入人', children: i.result.enteredByName ?? '—' },
            { key: 'at', label: '录入时间', children: dateTimeText(i.result.enteredAt) },
            { key: 'sub', label: '提交复核', children: dateTimeText(i.result.submittedAt) },
          ]}
        />
      ) : null}
      <CategoryAndMeasureFields draft={draft} onChange={onChange} disabled={!editable} />
      <Divider style={{ margin: '8px 0' }} />
      <Typography.Title level={5}>分事项检查情况</Typography.Title>
      <ItemResultsTable draft={draft} onChange={onChange} disabled={!editable} />
      <Typography.Text strong>检查情况（内部记录，不公示）</Typography.Text>
      <Input.TextArea value={draft.summary} onChange={(e) => onChange({ summary: e.target.value })} disabled={!editable} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} style={{ maxWidth: 720 }} data-testid="result-summary" />
      <PublicityFields draft={draft} onChange={onChange} disabled={!editable} />
      {editable && problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title="提交复核前请处理："
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
          data-testid="result-problems"
        />
      ) : null}
      <ProblemAlert problem={action.problem} />
      {editable ? (
        <Space>
          <Button icon={<SaveOutlined />} onClick={saveDraft} loading={action.busy && save.isPending} data-testid="result-save">
            暂存
          </Button>
          <Button type="primary" icon={<SendOutlined />} onClick={submitForReview} disabled={problems.length > 0} loading={action.busy && submit.isPending} data-testid="result-submit">
            提交复核
          </Button>
        </Space>
      ) : null}
    </div>
  );
}

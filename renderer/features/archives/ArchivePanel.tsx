import { InboxOutlined, SafetyCertificateOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewSheetDto } from '../../../shared/contract/archives';
import type { VolumeDto } from '../../../shared/contract/volumes';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { useInspectionAction } from '../inspections/use-inspection-action';
import { archivePermissions } from './archive-labels';
import { ArchiveModal } from './ArchiveModal';
import { ArchiveRecord } from './ArchiveRecord';
import { FindingList } from './FindingList';
import { FixityStartButton } from './FixityStartButton';
import { ReviewDecisionForm } from './ReviewDecisionForm';
import { ReviewRounds } from './ReviewRounds';

/**
 * 归档 in the volume workspace: submit a bound volume for 法制审核 (clerk), the review sheet (automatic
 * findings, manual items, decision by the legal role), the return list, 归档 once approved, then the
 * archive record (档号, location, supplements).
 */
export function ArchivePanel({ volume: v }: { volume: VolumeDto }) {
  const sheet = useRpc('archives.getReview', { volumeId: v.id }, { staleTime: 0 });
  const can = archivePermissions(useCurrentUser().roles);
  const check = can.check && v.status === 'archived' ? <FixityStartButton volumeId={v.id} label="四性检测" /> : null;
  return (
    <Card size="small" title="归档" extra={check} data-testid="archive-panel">
      {sheet.error ? <Alert type="error" showIcon title={failureMessage(sheet.error)} /> : sheet.data ? <ArchiveSteps volume={v} sheet={sheet.data} /> : <Skeleton active />}
    </Card>
  );
}

function ArchiveSteps({ volume: v, sheet }: { volume: VolumeDto; sheet: ReviewSheetDto }) {
  const user = useCurrentUser();
  const can = archivePermissions(user.roles);
  const submit = useRpcMutation('archives.submitForReview');
  const action = useInspectionAction();
  const [archiving, setArchiving] = useState(false);
  const latest = sheet.rounds[0] ?? null;
  const approved = v.status === 'in_review' && latest?.decision === 'approve';
  const returned = v.status === 'bound' && latest?.decision === 'return';
  const selfReview = sheet.open !== null && (sheet.open.submittedBy === user.id || v.bindings[0]?.boundBy === user.id);

  let body: React.ReactNode;
  if (v.status === 'archived') {
    body = <ArchiveRecord volumeId={v.id} canEdit={can.clerk} />;
  } else if (v.status === 'open') {
    body = <Typography.Text type="secondary">专卷装订后，由档案员提交法制审核，审核通过后归档。</Typography.Text>;
  } else if (v.status === 'bound') {
    body = (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {returned ? (
          <Alert
            type="warning"
            showIcon
            title={`第 ${latest.round} 轮法制审核退回（${latest.reviewerName ?? '—'}）：请按下列意见整改，重新装订后再提交`}
            description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{latest.returnList.map((l) => <li key={l}>{l}</li>)}</ul>}
            data-testid="review-return-list"
          />
        ) : null}
        <Typography.Text>第 {v.bindings[0]?.version ?? '—'} 版已装订：提交法制审核后，审核期间专卷不能修改。</Typography.Text>
        {can.clerk ? (
          <Button type="primary" icon={<SendOutlined />} loading={action.busy} onClick={() => void action.run(() => submit.mutateAsync({ volumeId: v.id }), '已提交法制审核')} data-testid="review-submit">
            提交法制审核
          </Button>
        ) : (
          <Typography.Text type="secondary">由档案员提交法制审核。</Typography.Text>
        )}
        <ProblemAlert problem={action.problem} testId="review-submit-problem" />
      </Space>
    );
  } else if (approved) {
    body = (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon title={`法制审核已通过（${latest.reviewerName ?? '—'}${latest.comments ? `：${latest.comments}` : ''}）`} data-testid="review-approved" />
        {can.clerk ? (
          <Button type="primary" icon={<InboxOutlined />} onClick={() => setArchiving(true)} data-testid="archive-start">
            归档
          </Button>
        ) : (
          <Typography.Text type="secondary">由保管单位的档案员归档。</Typography.Text>
        )}
        <ArchiveModal volume={v} open={archiving} onClose={() => setArchiving(false)} />
      </Space>
    );
  } else {
    body = (
      <div style={{ display: 'grid', gap: 12 }} data-testid="review-sheet">
        <Typography.Text>
          第 {sheet.open?.round ?? '—'} 轮法制审核 · 第 {sheet.open?.bindingVersion ?? '—'} 版 · {sheet.open?.submittedByName ?? '—'} 提交
        </Typography.Text>
        <div>
          <Typography.Text strong>
            <SafetyCertificateOutlined /> 自动检查
          </Typography.Text>
          <FindingList findings={sheet.findings} />
        </div>
        {selfReview && can.review ? <Alert type="info" showIcon title="您装订或提交了本卷，不能审核；请由其他法制审核人员审核。" /> : null}
        {sheet.open ? <ReviewDecisionForm key={sheet.open.id} sheet={sheet} editable={can.review && !selfReview} /> : null}
      </div>
    );
  }

  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {body}
      <ReviewRounds rounds={sheet.rounds} />
    </div>
  );
}

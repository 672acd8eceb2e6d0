import { AuditOutlined, CheckOutlined, EditOutlined, NotificationOutlined, RollbackOutlined, SendOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { PlanDto } from '../../../shared/contract/plans';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { versionText } from './plan-labels';
import { mayEditPlans, mayReviewPlans } from './plan-permissions';
import { NoteModal } from './NoteModal';
import { PlanFormModal } from './PlanFormModal';

/** A test id on a props object (Popconfirm's button props). */
const testId = (id: string) => ({ 'data-testid': id }) as Record<`data-${string}`, string>;

type Asking = 'approve' | 'return' | 'adjust' | null;

/** What may be done with the plan now, by its status and the user's roles (the core checks again). */
export function PlanActions({ plan }: { plan: PlanDto }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);
  const submit = useRpcMutation('plans.submit');
  const review = useRpcMutation('plans.review');
  const publish = useRpcMutation('plans.publish');
  const adjust = useRpcMutation('plans.adjust');
  const editor = mayEditPlans(user.roles);
  const reviewer = mayReviewPlans(user.roles);

  const run = (action: Promise<unknown>, done: string) =>
    void action.then(
      () => void message.success(done),
      (e: unknown) => void message.error(failureMessage(e)),
    );

  return (
    <Space wrap>
      {plan.status === 'draft' && editor ? (
        <>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit">
            编辑
          </Button>
          <Popconfirm
            title="报送审核"
            description={plan.taskCount === 0 ? '计划中还没有抽查任务，请先新增任务。' : '报送后计划与任务不可修改，由法制审核部门审核。确定报送？'}
            okText="报送"
            cancelText="取消"
            okButtonProps={{ disabled: plan.taskCount === 0, ...testId('plan-submit-confirm') }}
            onConfirm={() => run(submit.mutateAsync({ id: plan.id }), '已报送审核')}
          >
            <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} data-testid="plan-submit">
              报送审核
            </Button>
          </Popconfirm>
        </>
      ) : null}
      {plan.status === 'submitted' && reviewer ? (
        <>
          <Button onClick={() => setAsking('return')} icon={<RollbackOutlined />} data-testid="plan-return">
            退回
          </Button>
          <Button type="primary" onClick={() => setAsking('approve')} icon={<CheckOutlined />} data-testid="plan-approve">
            审核通过
          </Button>
        </>
      ) : null}
      {plan.status === 'approved' && reviewer ? (
        <Popconfirm
          title="向社会公示"
          description={`公示后记录为 ${versionText(plan.planVersion)}，此后调整须经“动态调整”重新审核公示。确定公示？`}
          okText="公示"
          cancelText="取消"
          okButtonProps={testId('plan-publish-confirm')}
          onConfirm={() => run(publish.mutateAsync({ id: plan.id }), `已公示 ${versionText(plan.planVersion)}`)}
        >
          <Button type="primary" icon={<NotificationOutlined />} loading={publish.isPending} data-testid="plan-publish">
            公示
          </Button>
        </Popconfirm>
      ) : null}
      {plan.status === 'published' && editor ? (
        <Button icon={<SwapOutlined />} onClick={() => setAsking('adjust')} data-testid="plan-adjust">
          动态调整
        </Button>
      ) : null}
      {plan.status === 'submitted' && !reviewer ? (
        <Button icon={<AuditOutlined />} disabled>
          等待法制审核
        </Button>
      ) : null}

      <PlanFormModal plan={plan} open={editing} onClose={() => setEditing(false)} />
      <NoteModal
        open={asking === 'approve'}
        title="审核通过"
        label="审核意见"
        placeholder="如：同意（选填）"
        okText="审核通过"
        onSubmit={(note) => review.mutateAsync({ id: plan.id, decision: 'approve', note }).then(() => void message.success('已审核通过'))}
        onClose={() => setAsking(null)}
      />
      <NoteModal
        open={asking === 'return'}
        title="退回修改"
        label="退回原因"
        required
        okText="退回"
        danger
        onSubmit={(note) => review.mutateAsync({ id: plan.id, decision: 'return', note }).then(() => void message.success('已退回，计划回到草稿'))}
        onClose={() => setAsking(null)}
      />
      <NoteModal
        open={asking === 'adjust'}
        title="动态调整计划"
        label="调整说明"
        required
        placeholder="说明调整的内容与原因，将随新版本一并公示"
        okText="开始调整"
        onSubmit={(note) => adjust.mutateAsync({ id: plan.id, changeNote: note ?? '' }).then(() => void message.success(`已生成 ${versionText(plan.planVersion + 1)} 草稿，调整后请重新报送审核`))}
        onClose={() => setAsking(null)}
      />
    </Space>
  );
}

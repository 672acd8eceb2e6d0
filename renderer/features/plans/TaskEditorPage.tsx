import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Skeleton, Space, Tag, Typography } from 'antd';
import { planAllowsDraw, planAllowsEdit, TASK_STATUS_LABELS } from '../../../shared/domain/plans/plans';
import { failureMessage } from '../../rpc/rpc-failure';
import { hrefOf, navigate } from '../../router/navigation';
import { useRpc } from '../../rpc/use-rpc';
import { ForbiddenPage } from '../../shell/ForbiddenPage';
import { useCurrentUser } from '../auth/session-context';
import { TASK_STATUS_COLORS } from './plan-labels';
import { mayEditPlans } from './plan-permissions';
import { TaskForm } from './TaskForm';

/** 新增任务 (taskId = null) or one task of a plan: editable while the plan is a draft, read-only after. */
export function TaskEditorPage({ planId, taskId }: { planId: number; taskId: number | null }) {
  const user = useCurrentUser();
  const detail = useRpc('plans.get', { id: planId }, { staleTime: 0 });
  // The task by itself: right after 保存任务 the plan's cached list may not have it yet.
  const saved = useRpc('tasks.get', { id: taskId ?? 0 }, { enabled: taskId !== null, staleTime: 0 });
  const preview = useRpc('tasks.previewPopulation', { id: taskId ?? 0 }, { enabled: taskId !== null, staleTime: 0 });
  const error = detail.error ?? saved.error;
  if (error) return <Alert type="error" showIcon title={failureMessage(error)} action={<a href={hrefOf('/plans')}>返回计划列表</a>} />;
  if (!detail.data || (taskId !== null && !saved.data)) return <Skeleton active />;
  const { plan } = detail.data;
  const task = taskId === null ? null : (saved.data ?? null);
  if (task && task.planId !== planId) return <Alert type="error" showIcon title="该任务不属于此计划。" action={<a href={hrefOf(`/plans/${task.planId}`)}>打开任务所属计划</a>} />;
  const editable = mayEditPlans(user.roles) && planAllowsEdit(plan.status) && (task === null || task.status === 'open');
  if (task === null && !editable) return <ForbiddenPage />;

  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="task-page">
      <Breadcrumb
        items={[{ title: <a href={hrefOf('/plans')}>年度抽查计划</a> }, { title: <a href={hrefOf(`/plans/${plan.id}`)}>{plan.title}</a> }, { title: task ? `第 ${task.batchNo} 批 · ${task.name}` : '新增任务' }]}
      />
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
        <Space size={8}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="task-title">
            {task ? `第 ${task.batchNo} 批 · ${task.name}` : '新增抽查任务'}
          </Typography.Title>
          {task ? <Tag color={TASK_STATUS_COLORS[task.status]}>{TASK_STATUS_LABELS[task.status]}</Tag> : null}
        </Space>
        {task && task.status === 'open' && planAllowsDraw(plan.status) && mayEditPlans(user.roles) ? (
          <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => navigate(`/draws?task=${task.id}`)} data-testid="task-go-draw">
            摇号
          </Button>
        ) : null}
      </div>
      {!editable && task ? (
        <Alert
          type="info"
          showIcon
          title={task.status !== 'open' ? `任务${TASK_STATUS_LABELS[task.status]}，不可修改。` : '计划已报送审核或已公示，任务不可修改；已公示的计划可在计划页“动态调整”后修改。'}
        />
      ) : null}
      <TaskForm key={task?.id ?? 'new'} plan={plan} task={task} editable={editable} preview={taskId === null ? null : { data: preview.data, error: preview.error }} />
    </div>
  );
}

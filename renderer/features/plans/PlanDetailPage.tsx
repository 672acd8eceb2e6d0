import { Alert, Breadcrumb, Card, Skeleton } from 'antd';
import { failureMessage } from '../../rpc/rpc-failure';
import { hrefOf } from '../../router/navigation';
import { useRpc } from '../../rpc/use-rpc';
import { PlanHeader } from './PlanHeader';
import { PlanTasksCard } from './PlanTasksCard';
import { PlanVersions } from './PlanVersions';

/** One 年度抽查计划: its workflow and actions, its tasks (批次) and its published versions. */
export function PlanDetailPage({ id }: { id: number }) {
  const detail = useRpc('plans.get', { id }, { staleTime: 0 });
  if (detail.error) return <Alert type="error" showIcon title={failureMessage(detail.error)} action={<a href={hrefOf('/plans')}>返回计划列表</a>} />;
  if (!detail.data) return <Skeleton active />;
  const { plan, tasks, versions } = detail.data;

  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="plan-page">
      <Breadcrumb items={[{ title: <a href={hrefOf('/plans')}>年度抽查计划</a> }, { title: plan.title }]} />
      <PlanHeader plan={plan} />
      <PlanTasksCard plan={plan} tasks={tasks} />
      <Card title="公示版本" size="small">
        <PlanVersions versions={versions} />
      </Card>
    </div>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { navigate } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { DirectoryTable } from '../directory/DirectoryTable';
import { planColumns } from './plan-columns';
import { planListPath, readPlanListState, toPlanListInput, type PlanListState } from './plan-list-params';
import { mayEditPlans } from './plan-permissions';
import { PlanFilterBar } from './PlanFilterBar';
import { PlanFormModal } from './PlanFormModal';

/** 年度抽查计划: filters in the address, the plans of the user's scope, a row opens the plan. */
export function PlanListPage({ params }: { params: URLSearchParams }) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const state = readPlanListState(params);
  const [creating, setCreating] = useState(false);
  const list = useRpc('plans.list', toPlanListInput(state), { placeholderData: keepPreviousData });
  const update = (patch: Partial<PlanListState>) => navigate(planListPath({ ...state, page: 1, ...patch }), { replace: true });
  const plans = list.data ?? [];
  const filtered = Boolean(state.year || state.status || state.bureauId);

  return (
    <Card
      title="年度抽查计划"
      data-testid="plans-page"
      extra={
        mayEditPlans(user.roles) ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plans-new">
            新建计划
          </Button>
        ) : null
      }
    >
      <PlanFilterBar state={state} onChange={update} />
      {list.error ? <Alert type="error" showIcon title={failureMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <DirectoryTable
        testId="plans-table"
        columns={planColumns(bureaus.nameOf)}
        page={list.data ? { items: plans.slice((state.page - 1) * state.pageSize, state.page * state.pageSize), total: plans.length } : undefined}
        loading={list.isFetching && !list.data}
        current={state.page}
        pageSize={state.pageSize}
        onPageChange={(page, pageSize) => navigate(planListPath({ ...state, page, pageSize }), { replace: true })}
        onOpen={(plan) => navigate(`/plans/${plan.id}`)}
        emptyText={filtered ? '没有符合条件的抽查计划' : '还没有年度抽查计划，可点击“新建计划”开始'}
        chrome={300}
      />
      <PlanFormModal plan={null} open={creating} onClose={() => setCreating(false)} onSaved={(plan) => navigate(`/plans/${plan.id}`)} />
    </Card>
  );
}

import { MergeCellsOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table } from 'antd';
import { useState, type Key } from 'react';
import type { PlanDto, TaskDto } from '../../../shared/contract/plans';
import { planAllowsDraw, planAllowsEdit } from '../../../shared/domain/plans/plans';
import { navigate } from '../../router/navigation';
import { useCurrentUser } from '../auth/session-context';
import { mayEditPlans } from './plan-permissions';
import { MergeTasksModal } from './MergeTasksModal';
import { taskColumns } from './task-columns';

/** 抽查任务 of a plan: 新增任务 / 编辑 while a draft, 合并任务 (≥ 2 open tasks), 摇号 once approved. */
export function PlanTasksCard({ plan, tasks }: { plan: PlanDto; tasks: TaskDto[] }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<Key[]>([]);
  const [merging, setMerging] = useState(false);
  const editor = mayEditPlans(user.roles);
  const editable = editor && planAllowsEdit(plan.status);
  const drawable = editor && planAllowsDraw(plan.status);
  const chosen = tasks.filter((t) => selected.includes(t.id) && t.status === 'open');

  const actions = (task: TaskDto) => (
    <Space size={4}>
      <Button size="small" type="link" onClick={() => navigate(`/plans/${plan.id}/tasks/${task.id}`)} data-testid="task-open">
        {editable && task.status === 'open' ? '编辑' : '查看'}
      </Button>
      {task.status === 'open' && drawable ? (
        <Button size="small" type="link" icon={<ThunderboltOutlined />} onClick={() => navigate(`/draws?task=${task.id}`)} data-testid="task-draw">
          摇号
        </Button>
      ) : null}
      {task.status === 'drawn' ? (
        <Button size="small" type="link" onClick={() => navigate(`/draws?task=${task.id}`)} data-testid="task-draw-result">
          摇号结果
        </Button>
      ) : null}
    </Space>
  );

  return (
    <Card
      title="抽查任务"
      size="small"
      data-testid="plan-tasks"
      extra={
        editable ? (
          <Space>
            <Button icon={<MergeCellsOutlined />} disabled={chosen.length < 2} onClick={() => setMerging(true)} data-testid="tasks-merge">
              合并任务{chosen.length >= 2 ? `（${chosen.length}）` : ''}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/plans/${plan.id}/tasks/new`)} data-testid="tasks-new">
              新增任务
            </Button>
          </Space>
        ) : null
      }
    >
      <Table<TaskDto>
        data-testid="tasks-table"
        rowKey="id"
        size="small"
        dataSource={tasks}
        columns={taskColumns(tasks, actions)}
        pagination={false}
        scroll={{ x: 1100 }}
        rowSelection={
          editable
            ? {
                selectedRowKeys: selected,
                onChange: setSelected,
                getCheckboxProps: (t) => ({ disabled: t.status !== 'open', 'aria-label': `选择任务 ${t.name}` }),
                columnWidth: 40,
              }
            : undefined
        }
        locale={{ emptyText: editable ? '还没有抽查任务，可点击“新增任务”添加批次' : '没有抽查任务' }}
      />
      <MergeTasksModal
        planId={plan.id}
        tasks={chosen}
        open={merging}
        onClose={() => setMerging(false)}
        onMerged={(task) => {
          setSelected([]);
          void message.success(`已合并为第 ${task.batchNo} 批：${task.name}`);
        }}
      />
    </Card>
  );
}

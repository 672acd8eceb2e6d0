import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Space, Typography } from 'antd';
import type { PlanDto, PopulationPreviewDto, TaskDto } from '../../../shared/contract/plans';
import { useEntityForm } from '../../forms/use-entity-form';
import { navigate } from '../../router/navigation';
import { PopulationSummary } from './PopulationSummary';
import { RatioTableField } from './RatioTableField';
import { RatioWarnings } from './RatioWarnings';
import { TASK_FIELD_NAMES, ratioTableOf, taskValues, toTaskFields, type RatioDraft, type TaskValues } from './task-form-values';
import { TaskBasicsFields } from './TaskBasicsFields';
import { TaskMatchingFields } from './TaskMatchingFields';
import { TaskScopeFields } from './TaskScopeFields';

type Props = {
  plan: PlanDto;
  /** null: a new task. */
  task: TaskDto | null;
  editable: boolean;
  preview: { data: PopulationPreviewDto | undefined; error: Error | null } | null;
};

/**
 * The task editor: basics, scope, inspector matching and the ratio table with the live preview of a saved
 * task. Enter in a text field saves; the first field has the focus.
 */
export function TaskForm({ plan, task, editable, preview }: Props) {
  const { form, problem, saving, submit } = useEntityForm({
    create: 'tasks.create',
    update: 'tasks.update',
    fieldNames: TASK_FIELD_NAMES,
    onSaved: (saved) => (task ? undefined : navigate(`/plans/${plan.id}/tasks/${saved.id}`, { replace: true })),
    onClose: () => undefined,
  });
  const ratios = Form.useWatch<RatioDraft | undefined>('ratios', form);
  const table = ratioTableOf(ratios ?? taskValues(task, plan).ratios);

  const onFinish = (values: TaskValues) => {
    const fields = toTaskFields(values);
    return submit(task ? { update: { id: task.id, expectedVersion: task.version, ...fields } } : { create: { planId: plan.id, ...fields } });
  };

  return (
    <Form<TaskValues> form={form} layout="vertical" name="task" initialValues={taskValues(task, plan)} onFinish={onFinish} disabled={!editable || saving} scrollToFirstError data-testid="task-form">
      <div style={{ display: 'grid', gap: 16 }}>
        {problem ? <Alert type="error" showIcon title={problem} data-testid="task-form-error" /> : null}
        <Card title="基本信息" size="small">
          <TaskBasicsFields plan={plan} />
        </Card>
        <Card title="抽查范围" size="small">
          <TaskScopeFields />
        </Card>
        <Card title="人员匹配" size="small">
          <TaskMatchingFields />
        </Card>
        <Card
          title="抽查比例（风险等级 × 信用等级）"
          size="small"
          data-testid="task-ratio-card"
          extra={<Typography.Text type="secondary">{preview ? '各分层对象数为当前名录的实时统计' : '保存后显示各分层的对象数与应抽数'}</Typography.Text>}
        >
          <div style={{ display: 'grid', gap: 12 }}>
            <Form.Item name="ratios" noStyle>
              <RatioTableField preview={preview?.data} />
            </Form.Item>
            {preview ? <PopulationSummary preview={preview.data} error={preview.error} ratios={table} /> : null}
            <RatioWarnings table={table} />
          </div>
        </Card>
        {editable ? (
          <div style={{ position: 'sticky', bottom: -16, zIndex: 2, background: '#fff', borderTop: '1px solid #e8e8e8', padding: '10px 16px', margin: '0 -16px -16px', display: 'flex', justifyContent: 'flex-end' }}>
            <Space>
              <Button onClick={() => navigate(`/plans/${plan.id}`)} disabled={false}>
                返回计划
              </Button>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="task-save">
                {task ? '保存修改' : '保存任务'}
              </Button>
            </Space>
          </div>
        ) : null}
      </div>
    </Form>
  );
}

import { SaveOutlined } from '@ant-design/icons';
import { Button, DatePicker, Descriptions, Form, Input, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { InspectionDto } from '../../../shared/contract/inspections';
import { INSPECTION_METHODS, INSPECTION_METHOD_LABELS, type InspectionMethod } from '../../../shared/domain/inspections/inspections';
import { SUBJECT_KIND_LABELS, type SubjectKind } from '../../../shared/domain/targets';
import { useRpcMutation } from '../../rpc/use-rpc';
import { dateText } from './inspection-labels';
import type { InspectionPermissions } from './inspection-permissions';
import { ProblemAlert } from './ProblemAlert';
import { useInspectionAction } from './use-inspection-action';

type Values = { methods: InspectionMethod[]; planned: [Dayjs | null, Dayjs | null] | null; reuseNote?: string };

const kindText = (kind: string) => SUBJECT_KIND_LABELS[kind as SubjectKind] ?? kind;

/** 基本情况: the target and task facts, the items to check, and the plan of the inspection (methods, dates). */
export function BasicsTab({ inspection: i, can }: { inspection: InspectionDto; can: InspectionPermissions }) {
  const [form] = Form.useForm<Values>();
  const update = useRpcMutation('inspections.update');
  const action = useInspectionAction();
  const editable = can.edit && ['pending', 'in_progress', 'awaiting_entry'].includes(i.status);
  const methods = Form.useWatch('methods', form) ?? i.methods;

  const save = (v: Values) =>
    void action.run(
      () =>
        update.mutateAsync({
          id: i.id,
          version: i.version,
          methods: v.methods,
          plannedStart: v.planned?.[0]?.format('YYYY-MM-DD') ?? null,
          plannedEnd: v.planned?.[1]?.format('YYYY-MM-DD') ?? null,
          reuseNote: v.reuseNote?.trim() || null,
        }),
      '已保存检查方式与计划日期',
    );

  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="inspection-basics">
      <Descriptions
        bordered
        size="small"
        column={2}
        styles={{ label: { whiteSpace: 'nowrap', width: 130 } }}
        items={[
          { key: 'name', label: '被检查人', children: i.target.name },
          { key: 'code', label: i.target.creditCode ? '统一社会信用代码' : '标识', children: <span className="cb-code">{i.target.creditCode ?? i.target.identifier ?? '—'}</span> },
          { key: 'rep', label: '法定代表人（负责人）', children: i.target.legalRep ?? '—' },
          { key: 'kind', label: '主体类型', children: kindText(i.target.kind) },
          { key: 'address', label: '住所（经营场所）', children: i.target.address ?? '—', span: 'filled' },
          { key: 'task', label: '抽查任务', children: `${i.taskTitle}${i.taskNo ? `（${i.taskNo}）` : ''}` },
          { key: 'plan', label: '抽查计划', children: i.planTitle },
          { key: 'bureau', label: '检查实施机关', children: i.inspectingBureauName },
          { key: 'custody', label: '专卷保管单位', children: i.custodyBureauName ?? '—' },
          { key: 'planned', label: '计划检查日期', children: i.plannedStart ? `${dateText(i.plannedStart)} 至 ${dateText(i.plannedEnd)}` : '—' },
          { key: 'done', label: '实际检查日期', children: i.startedOn ? `${dateText(i.startedOn)} 至 ${i.endedOn ? dateText(i.endedOn) : '（进行中）'}` : '—' },
        ]}
      />
      <div>
        <Typography.Title level={5}>检查事项</Typography.Title>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={i.items}
          columns={[
            { title: '序号', key: 'seq', width: 60, render: (_: unknown, __: unknown, n: number) => n + 1 },
            { title: '检查事项', dataIndex: 'name' },
            { title: '类别', dataIndex: 'category', width: 200 },
            { title: '检查依据', dataIndex: 'basis', width: 260, ellipsis: true, render: (b: string | null) => b ?? '—' },
          ]}
          data-testid="inspection-items"
        />
      </div>
      <div>
        <Typography.Title level={5}>检查方式与计划</Typography.Title>
        <ProblemAlert problem={action.problem} />
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={!editable}
          onFinish={save}
          initialValues={{
            methods: i.methods,
            planned: i.plannedStart ? [dayjs(i.plannedStart), i.plannedEnd ? dayjs(i.plannedEnd) : null] : null,
            reuseNote: i.reuseNote ?? '',
          }}
          style={{ maxWidth: 720 }}
          data-testid="inspection-plan-form"
        >
          <Form.Item name="methods" label="检查方式" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一种检查方式' }]}>
            <Select mode="multiple" options={INSPECTION_METHODS.map((m) => ({ value: m, label: INSPECTION_METHOD_LABELS[m] }))} placeholder="可多选" data-testid="inspection-methods" />
          </Form.Item>
          <Form.Item name="planned" label="计划检查日期">
            <DatePicker.RangePicker style={{ width: 320 }} data-testid="inspection-planned" />
          </Form.Item>
          {methods.includes('other_dept') ? (
            <Form.Item name="reuseNote" label="借用其他部门检查结果或专业意见的说明" extra="写明出具部门、文书名称与日期（企业信息公示暂行条例第十四条）。">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="inspection-reuse-note" />
            </Form.Item>
          ) : null}
          {editable ? (
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={action.busy} data-testid="inspection-plan-save">
              保存
            </Button>
          ) : null}
        </Form>
      </div>
    </div>
  );
}

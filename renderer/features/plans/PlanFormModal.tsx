import { Alert, App, AutoComplete, Button, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { PlanDto } from '../../../shared/contract/plans';
import { optionalText } from '../../forms/form-values';
import { applyServerError } from '../../forms/server-errors';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';

type Values = { title: string; year: number; businessLine: string; bureauId: number; description?: string };
const FIELDS = ['title', 'year', 'businessLine', 'bureauId', 'description'] as const;

type Props = { plan: PlanDto | null; open: boolean; onClose(): void; onSaved?(plan: PlanDto): void };

/** 新建计划 (plan = null) or edit a draft's fields. Enter in a field saves. */
export function PlanFormModal({ plan, open, onClose, onSaved }: Props) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const create = useRpcMutation('plans.create');
  const update = useRpcMutation('plans.update');
  const lines = useRpc('items.businessLines', {}, { staleTime: 60_000, enabled: open });
  const lineOptions = [...new Set((lines.data ?? []).map((l) => l.businessLine))].sort((a, b) => a.localeCompare(b, 'zh-CN')).map((l) => ({ value: l }));
  const saving = create.isPending || update.isPending;
  const initial: Values = plan
    ? { title: plan.title, year: plan.year, businessLine: plan.businessLine, bureauId: plan.bureauId, description: plan.description ?? undefined }
    : { title: '', year: dayjs().year(), businessLine: '', bureauId: user.bureauId };

  const onFinish = (v: Values) => {
    setProblem(null);
    const fields = { title: v.title.trim(), year: v.year, businessLine: v.businessLine.trim(), bureauId: v.bureauId, description: optionalText(v.description) };
    const saved = plan ? update.mutateAsync({ id: plan.id, expectedVersion: plan.version, ...fields }) : create.mutateAsync(fields);
    void saved.then(
      (result) => {
        void message.success(plan ? '已保存修改' : `已新建计划：${result.title}`);
        onSaved?.(result);
        onClose();
      },
      (error: unknown) => setProblem(applyServerError(form, error, { fieldNames: FIELDS })),
    );
  };

  return (
    <Modal
      open={open}
      title={plan ? '编辑计划' : '新建年度抽查计划'}
      width={640}
      onCancel={onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values> form={form} layout="vertical" name="plan" initialValues={initial} onFinish={onFinish} disabled={saving} preserve={false} data-testid="plan-form">
          {dom}
        </Form>
      )}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" loading={saving} data-testid="plan-form-submit">
          {plan ? '保存' : '创建'}
        </Button>,
      ]}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item label="计划名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写计划名称' }]}>
            <Input maxLength={100} autoFocus placeholder="如：和平区局 2026 年度食品安全双随机抽查计划" data-testid="plan-title" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="plan-year" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label="业务条线" name="businessLine" rules={[{ required: true, whitespace: true, message: '请填写业务条线' }]}>
            <AutoComplete options={lineOptions} maxLength={50} placeholder="如：食品安全" data-testid="plan-businessLine" filterOption />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="制定单位" name="bureauId" rules={[{ required: true, message: '请选择单位' }]}>
            <Select options={bureauOptions(bureaus.within(user.bureauId))} showSearch={{ optionFilterProp: 'label' }} data-testid="plan-bureau" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="说明" name="description">
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="可填写计划依据、总体安排等（选填）" />
          </Form.Item>
        </Col>
      </Row>
    </Modal>
  );
}

import { Alert, App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import type { ExpertCreateInput, ExpertDto } from '../../../shared/contract/inspectors';
import { EXPERT_STATUSES, EXPERT_STATUS_LABELS, type ExpertStatus } from '../../../shared/domain/inspectors';
import { applyServerError } from '../../forms/server-errors';
import { useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';

type Values = { bureauId: number; name: string; organisation?: string; field: string; title?: string; phone?: string; email?: string; status: ExpertStatus };
const FIELDS = ['bureauId', 'name', 'organisation', 'field', 'title', 'phone', 'email', 'status'] as const;
const opt = (v: string | undefined) => (v?.trim() ? v.trim() : null);

type Props = { expert: ExpertDto | null; open: boolean; onClose(): void; onSaved?(expert: ExpertDto): void };

/** New expert (expert = null) or edit one (专家库: 非执法人员). */
export function ExpertFormModal({ expert, open, onClose, onSaved }: Props) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const create = useRpcMutation('experts.create');
  const update = useRpcMutation('experts.update');
  const saving = create.isPending || update.isPending;
  const e = expert;
  const initial: Partial<Values> = e
    ? { ...e, organisation: e.organisation ?? undefined, title: e.title ?? undefined, phone: e.phone ?? undefined, email: e.email ?? undefined }
    : { bureauId: user.bureauId, status: 'active' };

  const onFinish = async (v: Values) => {
    setProblem(null);
    const input: ExpertCreateInput = { bureauId: v.bureauId, name: v.name, organisation: opt(v.organisation), field: v.field, title: opt(v.title), phone: opt(v.phone), email: opt(v.email), status: v.status };
    try {
      const saved = e ? await update.mutateAsync({ ...input, id: e.id, expectedVersion: e.version }) : await create.mutateAsync(input);
      void message.success(e ? '已保存修改' : `已新增：${saved.name}`);
      onSaved?.(saved);
      onClose();
    } catch (error) {
      setProblem(applyServerError(form, error, { fieldNames: FIELDS }));
    }
  };

  const half = { xs: 24, md: 12 };
  return (
    <Modal open={open} title={e ? `编辑专家：${e.name}` : '新增专家'} width={680} okText="保存" onOk={() => form.submit()} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} disabled={saving} preserve={false} name="expert" data-testid="expert-form">
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input maxLength={40} autoFocus />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="专业领域" name="field" rules={[{ required: true, whitespace: true, message: '请填写专业领域' }]}>
              <Input maxLength={100} placeholder="如：特种设备、食品检验" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="工作单位" name="organisation">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="职称" name="title">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="联系电话" name="phone">
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="电子邮箱" name="email">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="所属单位" name="bureauId" rules={[{ required: true }]}>
              <Select options={bureauOptions(bureaus.within(user.bureauId))} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="状态" name="status">
              <Select options={EXPERT_STATUSES.map((s) => ({ value: s, label: EXPERT_STATUS_LABELS[s] }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

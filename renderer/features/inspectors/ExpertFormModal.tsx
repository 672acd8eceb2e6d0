import { Col, Form, Input, Select } from 'antd';
import type { ExpertCreateInput, ExpertDto } from '../../../shared/contract/inspectors';
import { EXPERT_STATUSES, EXPERT_STATUS_LABELS, type ExpertStatus } from '../../../shared/domain/inspectors';
import { FormModalShell } from '../../forms/FormModalShell';
import { HALF_COLUMN as half, optionalText as opt } from '../../forms/form-values';
import { useEntityForm } from '../../forms/use-entity-form';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';

type Values = { bureauId: number; name: string; organisation?: string; field: string; title?: string; phone?: string; email?: string; status: ExpertStatus };
const FIELDS = ['bureauId', 'name', 'organisation', 'field', 'title', 'phone', 'email', 'status'] as const;

type Props = { expert: ExpertDto | null; open: boolean; onClose(): void; onSaved?(expert: ExpertDto): void };

/** New expert (expert = null) or edit one (专家库: 非执法人员). */
export function ExpertFormModal({ expert, open, onClose, onSaved }: Props) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const { submit, ...shell } = useEntityForm({ create: 'experts.create', update: 'experts.update', fieldNames: FIELDS, onSaved, onClose });
  const e = expert;
  const initial: Partial<Values> = e
    ? { ...e, organisation: e.organisation ?? undefined, title: e.title ?? undefined, phone: e.phone ?? undefined, email: e.email ?? undefined }
    : { bureauId: user.bureauId, status: 'active' };

  const onFinish = (v: Values) => {
    const input: ExpertCreateInput = { bureauId: v.bureauId, name: v.name, organisation: opt(v.organisation), field: v.field, title: opt(v.title), phone: opt(v.phone), email: opt(v.email), status: v.status };
    return submit(e ? { update: { ...input, id: e.id, expectedVersion: e.version } } : { create: input });
  };

  return (
    <FormModalShell<Values> {...shell} open={open} title={e ? `编辑专家：${e.name}` : '新增专家'} width={680} onClose={onClose} name="expert" initialValues={initial} onFinish={onFinish}>
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
    </FormModalShell>
  );
}

import { Button, Form, Input, Modal, Select } from 'antd';
import type { InspectionDto } from '../../../shared/contract/inspections';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { ProblemAlert } from './ProblemAlert';
import { useInspectionAction } from './use-inspection-action';

type Values = { inspectorIds: number[]; expertIds: number[]; reason: string };

/** 调整人员: at least two enforcement inspectors of the inspecting bureau; the core checks 回避 and absences. */
export function ChangeMembersModal({ inspection: i, open, onClose }: { inspection: InspectionDto; open: boolean; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const change = useRpcMutation('inspections.changeMembers');
  const action = useInspectionAction();
  const inspectors = useRpc('inspectors.list', { bureauId: i.inspectingBureauId, status: 'active', page: 1, pageSize: 500 }, { enabled: open, staleTime: 30_000 });
  const experts = useRpc('experts.list', { bureauId: i.inspectingBureauId, status: 'active', page: 1, pageSize: 500 }, { enabled: open, staleTime: 30_000 });

  const save = (v: Values) =>
    void action
      .run(() => change.mutateAsync({ id: i.id, version: i.version, inspectorIds: v.inspectorIds, expertIds: v.expertIds ?? [], reason: v.reason.trim() }), '已调整检查人员')
      .then((ok) => ok && onClose());

  return (
    <Modal open={open} title="调整检查人员" onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <ProblemAlert problem={action.problem} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          inspectorIds: i.members.filter((m) => m.kind === 'inspector').map((m) => m.memberId),
          expertIds: i.members.filter((m) => m.kind === 'expert').map((m) => m.memberId),
          reason: '',
        }}
        data-testid="members-form"
      >
        <Form.Item name="inspectorIds" label="执法检查人员（第一位为主办）" rules={[{ required: true, type: 'array', min: 2, message: '至少需要两名执法检查人员' }]}>
          <Select
            mode="multiple"
            loading={inspectors.isLoading}
            optionFilterProp="label"
            options={(inspectors.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.certNo ?? '无执法证号'}）`, disabled: !p.enforcementQualified }))}
            data-testid="members-inspectors"
          />
        </Form.Item>
        <Form.Item name="expertIds" label="专家（选填）">
          <Select mode="multiple" loading={experts.isLoading} optionFilterProp="label" options={(experts.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.field}）` }))} data-testid="members-experts" />
        </Form.Item>
        <Form.Item name="reason" label="调整原因" rules={[{ required: true, whitespace: true, message: '请填写调整原因' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder="如：原检查人员申请回避 / 临时借调" data-testid="members-reason" />
        </Form.Item>
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={action.busy} data-testid="members-save">
            确定调整
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

import { Alert, App, Button, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { MANUAL_VOLUME_BASIS_LABELS, MANUAL_VOLUME_PURPOSE_LABELS, MANUAL_VOLUME_PURPOSES, volumeTitle, type ManualVolumePurpose } from '../../../shared/domain/volumes/volumes';
import { optionalText } from '../../forms/form-values';
import { applyServerError } from '../../forms/server-errors';
import { navigate } from '../../router/navigation';
import { RpcFailure } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';
import { ItemPicker } from '../items/ItemPicker';
import { TargetPicker } from '../targets/TargetPicker';

type Values = { targetId?: number; purpose: ManualVolumePurpose; basis: string; itemIds: number[]; inspectingBureauId: number; title?: string };
const FIELDS = ['targetId', 'purpose', 'basis', 'itemIds', 'inspectingBureauId', 'title'] as const;

/**
 * 新建专卷 by hand, for an inspection that was not drawn (投诉举报 / 转办交办). The custody bureau is not chosen
 * here: the core takes it from the items' Art. 8 rule, so a clerk cannot file the volume in the wrong archive.
 */
export function OpenVolumeModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<{ text: string | null; existing: number | null }>({ text: null, existing: null });
  const openVolume = useRpcMutation('volumes.open');
  const purpose = Form.useWatch('purpose', form) ?? 'complaint';

  const onFinish = (v: Values) => {
    setProblem({ text: null, existing: null });
    void openVolume
      .mutateAsync({ targetId: v.targetId as number, purpose: v.purpose, basis: v.basis.trim(), itemIds: v.itemIds, inspectingBureauId: v.inspectingBureauId, ...(optionalText(v.title) ? { title: optionalText(v.title) as string } : {}) })
      .then(
        (volume) => {
          void message.success(`已建立专卷：${volume.title}`);
          onClose();
          navigate(`/volumes/${volume.id}`);
        },
        (error: unknown) => {
          const existing = error instanceof RpcFailure && error.code === 'VOLUME_EXISTS' && typeof error.details.volumeId === 'number' ? error.details.volumeId : null;
          setProblem({ text: applyServerError(form, error, { fieldNames: FIELDS }), existing });
        },
      );
  };

  return (
    <Modal
      open={open}
      title="新建专卷（投诉举报 / 转办交办）"
      width={640}
      onCancel={onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          name="open-volume"
          initialValues={{ purpose: 'complaint', basis: '', itemIds: [], inspectingBureauId: user.bureauId }}
          onFinish={onFinish}
          disabled={openVolume.isPending}
          preserve={false}
          data-testid="open-volume-form"
        >
          {dom}
        </Form>
      )}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" loading={openVolume.isPending} data-testid="open-volume-submit">
          建立专卷
        </Button>,
      ]}
    >
      {problem.text ? (
        <Alert
          type="error"
          showIcon
          title={problem.text}
          style={{ marginBottom: 12 }}
          data-testid="open-volume-problem"
          action={
            problem.existing !== null ? (
              <Button size="small" onClick={() => (onClose(), navigate(`/volumes/${problem.existing}`))}>
                打开已有专卷
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Form.Item label="检查对象" name="targetId" rules={[{ required: true, message: '请选择检查对象' }]}>
        <TargetPicker value={undefined} onChange={() => undefined} testId="open-volume-target" />
      </Form.Item>
      <Form.Item label="检查来源" name="purpose" rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={MANUAL_VOLUME_PURPOSES.map((p) => ({ value: p, label: MANUAL_VOLUME_PURPOSE_LABELS[p] }))} data-testid="open-volume-purpose" />
      </Form.Item>
      <Form.Item label={MANUAL_VOLUME_BASIS_LABELS[purpose]} name="basis" rules={[{ required: true, whitespace: true, message: `请填写${MANUAL_VOLUME_BASIS_LABELS[purpose]}` }]}>
        <Input maxLength={100} placeholder={purpose === 'complaint' ? '如：TS-2026-0012' : '如：沈市监交〔2026〕3号'} data-testid="open-volume-basis" />
      </Form.Item>
      <Form.Item
        label="涉及的检查事项"
        name="itemIds"
        extra="保管单位按事项的管辖规则确定：所选事项都由登记机关管辖时，专卷由检查对象的登记机关保管；否则（或未选事项）由属地单位保管。"
      >
        <ItemPicker multiple value={[]} onChange={() => undefined} maxCount={50} testId="open-volume-items" ariaLabel="涉及的检查事项" placeholder="搜索抽查事项（选填）" />
      </Form.Item>
      <Form.Item label="实施检查单位" name="inspectingBureauId" rules={[{ required: true, message: '请选择单位' }]}>
        <Select options={bureauOptions(bureaus.within(user.bureauId))} showSearch={{ optionFilterProp: 'label' }} data-testid="open-volume-bureau" aria-label="实施检查单位" />
      </Form.Item>
      <Form.Item label="案卷题名" name="title" extra="可在专卷中随时修改。">
        <Input maxLength={300} placeholder={`留空则为：${volumeTitle('（检查对象名称）', purpose)}`} data-testid="open-volume-title" />
      </Form.Item>
    </Modal>
  );
}

import { Alert, Checkbox, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { LOAN_PURPOSES, MAX_LOAN_DAYS, type LoanForm, type LoanPurpose } from '../../../shared/domain/lending/lending';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import { LOAN_FORM_LABELS, LOAN_PURPOSE_LABELS } from '../../../shared/domain/lending/lending';
import { testId } from './lending-labels';

type Values = { form: LoanForm; purpose: LoanPurpose; purposeNote?: string; days: number; external: boolean; name?: string; unit?: string };

/** 申请借阅 for one archived volume; the custody clerk may record an outside borrower's paper loan. Enter submits. */
export function LoanRequestModal({ volumeId, canRecordExternal, open, onClose }: { volumeId: number; canRecordExternal: boolean; open: boolean; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const request = useRpcMutation('lending.request');
  const [problem, setProblem] = useState<string | null>(null);
  const external = Form.useWatch('external', form);
  const submit = (v: Values) => {
    setProblem(null);
    request.mutate(
      { volumeId, form: v.external ? 'paper' : v.form, purpose: v.purpose, purposeNote: v.purposeNote?.trim() || null, days: v.days, ...(v.external ? { external: { name: v.name ?? '', unit: v.unit ?? '' } } : {}) },
      { onSuccess: onClose, onError: (e) => setProblem(failureMessage(e)) },
    );
  };
  return (
    <Modal open={open} title="申请借阅" okText="提交申请" onOk={() => form.submit()} confirmLoading={request.isPending} onCancel={onClose} destroyOnHidden okButtonProps={testId('loan-request-submit')}>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="loan-request-problem" /> : null}
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ form: 'electronic', purpose: 'consult', days: 7, external: false }} onFinish={submit} {...testId('loan-request-form')}>
        <Form.Item name="form" label="借阅方式">
          <Radio.Group disabled={external} options={(['electronic', 'paper'] as const).map((f) => ({ value: f, label: LOAN_FORM_LABELS[f] }))} />
        </Form.Item>
        <Form.Item name="purpose" label="借阅目的" rules={[{ required: true }]}>
          <Select autoFocus options={LOAN_PURPOSES.map((p) => ({ value: p, label: LOAN_PURPOSE_LABELS[p] }))} {...testId('loan-purpose')} />
        </Form.Item>
        <Form.Item name="purposeNote" label="具体用途">
          <Input maxLength={300} placeholder="如：复查前查阅检查记录" {...testId('loan-purpose-note')} />
        </Form.Item>
        <Form.Item name="days" label="借阅天数" rules={[{ required: true, message: '请填写借阅天数' }]} extra={`自批准（纸质为借出）之日起算，最长 ${MAX_LOAN_DAYS} 天`}>
          <InputNumber min={1} max={MAX_LOAN_DAYS} precision={0} style={{ width: 160 }} {...testId('loan-days')} />
        </Form.Item>
        {canRecordExternal ? (
          <Form.Item name="external" valuePropName="checked">
            <Checkbox {...testId('loan-external')}>外单位人员借阅（登记纸质借出）</Checkbox>
          </Form.Item>
        ) : null}
        {external ? (
          <>
            <Form.Item name="name" label="借阅人姓名" rules={[{ required: true, whitespace: true, message: '请填写借阅人姓名' }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="unit" label="借阅人单位" rules={[{ required: true, whitespace: true, message: '请填写借阅人单位' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        ) : null}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

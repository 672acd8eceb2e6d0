import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { LoanDto } from '../../../shared/contract/lending';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import { testId } from './lending-labels';

export type LoanAction = 'approve' | 'reject' | 'checkOut' | 'return';

const TEXT = {
  approve: { title: '批准借阅', ok: '批准', field: '审批意见', required: false },
  reject: { title: '不予借阅', ok: '不予借阅', field: '理由', required: true },
  checkOut: { title: '纸质案卷借出', ok: '确认借出', field: null, required: false },
  return: { title: '纸质案卷归还', ok: '确认归还', field: '案卷状况', required: true },
} as const satisfies Record<LoanAction, { title: string; ok: string; field: string | null; required: boolean }>;

/** One clerk step on a loan, in a small dialog: the note field takes focus and Enter confirms. */
export function LoanActionModal({ loan, action, onClose }: { loan: LoanDto; action: LoanAction; onClose(): void }) {
  const [form] = Form.useForm<{ note?: string }>();
  const approve = useRpcMutation('lending.approve');
  const reject = useRpcMutation('lending.reject');
  const checkOut = useRpcMutation('lending.checkOut');
  const giveBack = useRpcMutation('lending.return');
  const [problem, setProblem] = useState<string | null>(null);
  const t = TEXT[action];
  const pending = approve.isPending || reject.isPending || checkOut.isPending || giveBack.isPending;
  const submit = ({ note }: { note?: string }) => {
    setProblem(null);
    const done = { onSuccess: onClose, onError: (e: Error) => setProblem(failureMessage(e)) };
    const text = note?.trim() ?? '';
    if (action === 'approve') approve.mutate({ id: loan.id, note: text || null }, done);
    else if (action === 'reject') reject.mutate({ id: loan.id, note: text }, done);
    else if (action === 'checkOut') checkOut.mutate({ id: loan.id }, done);
    else giveBack.mutate({ id: loan.id, condition: text }, done);
  };
  return (
    <Modal open title={t.title} okText={t.ok} onOk={() => form.submit()} confirmLoading={pending} onCancel={onClose} destroyOnHidden okButtonProps={{ ...testId('loan-action-ok'), autoFocus: t.field === null }}>
      <p style={{ marginTop: 0 }}>
        {loan.archiveNo} · {loan.volumeTitle}
        <br />
        借阅人：{loan.borrowerName}
        {loan.borrowerUnit ? `（${loan.borrowerUnit}）` : ''} · {loan.days} 天
      </p>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="loan-action-problem" /> : null}
      <Form form={form} layout="vertical" preserve={false} onFinish={submit} initialValues={{ note: action === 'return' ? '完好' : '' }}>
        {t.field ? (
          <Form.Item name="note" label={t.field} rules={t.required ? [{ required: true, whitespace: true, message: `请填写${t.field}` }] : []}>
            <Input autoFocus maxLength={300} {...testId('loan-action-note')} />
          </Form.Item>
        ) : null}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

import { Alert, Button, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { actionProblem } from './action-problem';

type Props = {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  extra?: string;
  /** Resolves when done (the modal closes); a rejection shows its Chinese message in the modal. */
  onSubmit(date: string): Promise<unknown>;
  onClose(): void;
};

/** Asks one date (today by default; a future day is refused) before an action such as 开始检查 / 检查结束. */
export function DateActionModal({ open, title, label, okText, extra, onSubmit, onClose }: Props) {
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    if (!date) return;
    setBusy(true);
    setProblem(null);
    void onSubmit(date.format('YYYY-MM-DD')).then(
      () => {
        setBusy(false);
        onClose();
      },
      (e: unknown) => {
        setBusy(false);
        setProblem(actionProblem(e).message);
      },
    );
  };
  return (
    <Modal open={open} title={title} onCancel={onClose} destroyOnHidden width={420} footer={null} afterOpenChange={(o) => o && setDate(dayjs())}>
      <Form layout="vertical" onFinish={submit} data-testid="date-action-form">
        {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="date-action-problem" /> : null}
        <Form.Item label={label} extra={extra} required>
          <DatePicker value={date} onChange={setDate} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid="date-action-date" />
        </Form.Item>
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={busy} autoFocus data-testid="date-action-ok">
            {okText}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

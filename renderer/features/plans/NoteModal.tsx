import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { failureMessage } from '../../rpc/rpc-failure';

type Props = {
  open: boolean;
  title: string;
  label: string;
  /** Required notes refuse an empty text. */
  required?: boolean;
  placeholder?: string;
  okText: string;
  danger?: boolean;
  /** Resolves when done (the modal closes); a rejection shows its Chinese message above the field. */
  onSubmit(note: string | null): Promise<unknown>;
  onClose(): void;
};

/** A short note asked before an action (审核意见, 退回原因, 调整说明, 作废原因). Enter submits, Shift+Enter breaks the line. */
export function NoteModal({ open, title, label, required = false, placeholder, okText, danger, onSubmit, onClose }: Props) {
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden width={520}>
      {open ? <NoteForm label={label} required={required} placeholder={placeholder} okText={okText} danger={danger} onSubmit={onSubmit} onClose={onClose} /> : null}
    </Modal>
  );
}

function NoteForm({ label, required, placeholder, okText, danger, onSubmit, onClose }: Omit<Props, 'open' | 'title'>) {
  const [form] = Form.useForm<{ note?: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = ({ note }: { note?: string }) => {
    setProblem(null);
    setBusy(true);
    void onSubmit(note?.trim() ? note.trim() : null).then(
      () => {
        setBusy(false);
        onClose();
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(failureMessage(error));
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} disabled={busy} data-testid="note-form">
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="note-problem" /> : null}
      <Form.Item label={label} name="note" rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []} extra="Enter 提交，Shift+Enter 换行">
        <Input.TextArea
          autoFocus
          maxLength={1000}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={placeholder}
          data-testid="note-input"
          onPressEnter={(event) => {
            if (event.shiftKey || event.nativeEvent.isComposing) return;
            event.preventDefault();
            form.submit();
          }}
        />
      </Form.Item>
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        <Button onClick={onClose} disabled={false}>
          取消
        </Button>
        <Button type="primary" danger={danger} htmlType="submit" loading={busy} data-testid="note-submit">
          {okText}
        </Button>
      </div>
    </Form>
  );
}

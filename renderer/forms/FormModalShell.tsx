import { Alert, Form, Modal, Row, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';

type Props<Values> = {
  open: boolean;
  title: ReactNode;
  width: number;
  onClose(): void;
  /** From useEntityForm. */
  form: FormInstance;
  problem: string | null;
  saving: boolean;
  /** The form's name; its test id is `${name}-form`. */
  name: string;
  initialValues: FormProps<Values>['initialValues'];
  onFinish(values: Values): void;
  /** The form's columns (Col), laid out in one Row. */
  children: ReactNode;
};

/** The Modal + vertical Form of a new/edit form (保存 submits; the problem shows above the fields). */
export function FormModalShell<Values>({ open, title, width, onClose, form, problem, saving, name, initialValues, onFinish, children }: Props<Values>) {
  return (
    <Modal open={open} title={title} width={width} okText="保存" onOk={() => form.submit()} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} disabled={saving} preserve={false} name={name} data-testid={`${name}-form`}>
        <Row gutter={16}>{children}</Row>
      </Form>
    </Modal>
  );
}

import { Alert, Button, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { UserDto } from '../../../shared/contract/auth';
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/domain/roles';
import { applyServerError } from '../../forms/server-errors';
import { useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';

type Values = { login: string; displayName: string; bureauId: number; roles: Role[] };

type Props = { open: boolean; onClose(): void; onCreated(user: UserDto, initialPassword: string): void };

export function CreateUserModal({ open, onClose, onCreated }: Props) {
  const me = useCurrentUser();
  const bureaus = useBureaus();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useRpcMutation('users.create');

  const onFinish = async (values: Values) => {
    setError(null);
    try {
      const { user, initialPassword } = await create.mutateAsync({ ...values, login: values.login.trim(), displayName: values.displayName.trim() });
      form.resetFields();
      onCreated(user, initialPassword);
    } catch (e) {
      setError(applyServerError(form, e, { fieldNames: ['login', 'displayName', 'bureauId', 'roles'] }));
    }
  };

  return (
    <Modal
      open={open}
      title="新建用户"
      onCancel={onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values> form={form} layout="vertical" name="create-user" onFinish={onFinish} initialValues={{ bureauId: me.bureauId, roles: ['inspector'] }}>
          {dom}
        </Form>
      )}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" loading={create.isPending} data-testid="create-user-submit">
          创建
        </Button>,
      ]}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form.Item
        label="登录名"
        name="login"
        rules={[
          { required: true, whitespace: true, message: '请输入登录名' },
          { pattern: /^[A-Za-z0-9_.-]{2,40}$/, message: '登录名为 2–40 位，只能使用字母、数字、下划线、点和连字符' },
        ]}
      >
        <Input autoFocus autoComplete="off" data-testid="create-user-login" />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, max: 40, message: '请输入姓名（不超过 40 字）' }]}>
        <Input data-testid="create-user-name" />
      </Form.Item>
      <Form.Item label="所属单位" name="bureauId" rules={[{ required: true, message: '请选择所属单位' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={bureauOptions(bureaus.within(me.bureauId))} />
      </Form.Item>
      <Form.Item label="角色" name="roles" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个角色' }]}>
        <Checkbox.Group options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))} />
      </Form.Item>
    </Modal>
  );
}

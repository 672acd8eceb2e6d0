import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { isRpcFailure } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import { applyServerError } from '../../forms/server-errors';
import { confirmPasswordRules, newPasswordRules } from './password-rules';

type Values = { oldPassword: string; newPassword: string; confirm: string };

type Props = {
  open: boolean;
  /** Forced change after signing in with a one-time password: cannot be dismissed. */
  forced: boolean;
  /** The password just used to sign in, so the user does not have to type it again. */
  knownOldPassword: string | null;
  /** For password managers and accessibility: the account whose password changes. */
  login: string;
  onDone(): void;
  onCancel(): void;
};

export function ChangePasswordModal({ open, forced, knownOldPassword, login, onDone, onCancel }: Props) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const change = useRpcMutation('auth.changePassword');

  const onFinish = async (values: Values) => {
    setError(null);
    try {
      await change.mutateAsync({ oldPassword: knownOldPassword ?? values.oldPassword, newPassword: values.newPassword });
      form.resetFields();
      onDone();
    } catch (e) {
      if (isRpcFailure(e, 'AUTH_WEAK_PASSWORD')) form.setFields([{ name: 'newPassword', errors: [MESSAGES_ZH.AUTH_WEAK_PASSWORD] }]);
      else if (isRpcFailure(e, 'AUTH_BAD_CREDENTIALS') && !knownOldPassword) form.setFields([{ name: 'oldPassword', errors: ['原密码不正确。'] }]);
      else setError(applyServerError(form, e, { fieldNames: ['oldPassword', 'newPassword'] }));
    }
  };

  return (
    <Modal
      open={open}
      title={forced ? '请先修改初始密码' : '修改密码'}
      closable={!forced}
      keyboard={!forced}
      mask={{ closable: false }}
      onCancel={onCancel}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} name="change-password" requiredMark={false}>
          {dom}
        </Form>
      )}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {forced ? '退出登录' : '取消'}
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" loading={change.isPending} data-testid="change-password-submit">
          确定
        </Button>,
      ]}
      data-testid="change-password-modal"
    >
      {forced ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="您正在使用一次性初始密码。为保证账户安全，请设置只有您知道的新密码后再继续。" />
      ) : null}
      {error ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} /> : null}
      <input type="text" name="username" autoComplete="username" value={login} readOnly hidden />
      {knownOldPassword ? null : (
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" autoFocus data-testid="change-password-old" />
        </Form.Item>
      )}
      <Form.Item label="新密码" name="newPassword" rules={newPasswordRules} extra="至少 10 位，且同时包含字母和数字。">
        <Input.Password autoComplete="new-password" autoFocus={!!knownOldPassword} data-testid="change-password-new" />
      </Form.Item>
      <Form.Item label="确认新密码" name="confirm" dependencies={['newPassword']} rules={confirmPasswordRules('newPassword')}>
        <Input.Password autoComplete="new-password" data-testid="change-password-confirm" />
      </Form.Item>
    </Modal>
  );
}

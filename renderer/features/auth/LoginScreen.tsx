import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { failureMessage } from '../../rpc/rpc-failure';
import { useSession } from './session-context';

type LoginValues = { login: string; password: string };

export function LoginScreen({ notice }: { notice: string | null }) {
  const { signIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.login.trim(), values.password);
    } catch (e) {
      setError(failureMessage(e));
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100%', display: 'grid', placeItems: 'center', background: 'linear-gradient(180deg, #14345e 0, #14345e 42%, #f0f2f5 42%)' }}>
      <Card style={{ width: 380, boxShadow: '0 6px 24px rgba(0,0,0,0.12)' }} data-testid="login-card">
        <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
          casebinder 抽查专卷管理
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
          “双随机、一公开”抽查专卷与档案管理
        </Typography.Paragraph>
        {notice && !error ? <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
        <Form<LoginValues> layout="vertical" onFinish={onFinish} requiredMark={false} name="login" disabled={busy}>
          <Form.Item label="用户名" name="login" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}

import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';

type Props = { shown: { login: string; displayName: string; password: string; reason: 'created' | 'reset' } | null; onClose(): void };

async function copyText(text: string, fallbackInput: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API unavailable (e.g. insecure context): select the text and use the legacy command.
    fallbackInput?.select();
    return document.execCommand('copy');
  }
}

/** Shows a one-time password exactly once; it is not kept anywhere after the dialog closes. */
export function OneTimePasswordModal({ shown, onClose }: Props) {
  const [copied, setCopied] = useState(false);
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  return (
    <Modal
      open={shown !== null}
      title={shown?.reason === 'reset' ? '密码已重置' : '用户已创建'}
      onCancel={onClose}
      afterClose={() => setCopied(false)}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="one-time-password-done">
          我已记下，关闭
        </Button>
      }
    >
      {shown ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {shown.displayName}（登录名 <Typography.Text code>{shown.login}</Typography.Text>）的一次性初始密码：
          </Typography.Text>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              readOnly
              value={shown.password}
              className="cb-code"
              ref={(el) => setInput(el?.input ?? null)}
              data-testid="one-time-password"
              style={{ fontSize: 16 }}
            />
            <Button icon={<CopyOutlined />} onClick={async () => setCopied(await copyText(shown.password, input))} data-testid="one-time-password-copy">
              {copied ? '已复制' : '复制'}
            </Button>
          </Space.Compact>
          <Alert type="warning" showIcon title="此密码只显示这一次。请当面或通过安全方式交给本人；对方首次登录后必须修改密码。" />
        </Space>
      ) : null}
    </Modal>
  );
}

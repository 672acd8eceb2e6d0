import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';

type Source = 'csprng' | 'text' | 'hex';
type Values = { source: Source; seedText?: string; seedHex?: string; witness?: string };

const MONO = { fontFamily: 'ui-monospace, "DejaVu Sans Mono", Consolas, monospace' };

/** ① 生成种子承诺: the seed (system random, a public number, or given hex) is fixed and its SHA-256 shown before the draw. */
export function SeedCommitForm({ taskId }: { taskId: number }) {
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form) ?? 'csprng';
  const [problem, setProblem] = useState<string | null>(null);
  const commit = useRpcMutation('draws.commit');

  const onFinish = (v: Values) => {
    setProblem(null);
    const witness = v.witness?.trim() ? v.witness.trim() : null;
    void commit
      .mutateAsync({ taskId, witness, ...(v.source === 'text' ? { seedText: v.seedText?.trim() } : v.source === 'hex' ? { seedHex: v.seedHex?.trim() } : {}) })
      .catch((e: unknown) => setProblem(failureMessage(e)));
  };

  return (
    <Form<Values> form={form} layout="vertical" name="seed-commit" initialValues={{ source: 'csprng' }} onFinish={onFinish} disabled={commit.isPending} style={{ maxWidth: 720 }} data-testid="seed-commit-form">
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form.Item label="种子来源" name="source">
        <Radio.Group
          options={[
            { value: 'csprng', label: '系统随机（推荐）' },
            { value: 'text', label: '外部公开数' },
            { value: 'hex', label: '十六进制种子' },
          ]}
          data-testid="seed-source"
        />
      </Form.Item>
      {source === 'text' ? (
        <Form.Item label="外部公开数" name="seedText" rules={[{ required: true, whitespace: true, message: '请填写公开数' }]} extra="如约定日期的福利彩票开奖号码；种子为该文本的 SHA-256，任何人都可复核。">
          <Input maxLength={200} autoFocus placeholder="如：2026-04-01 福彩 3D 开奖号 5 2 8" data-testid="seed-text" />
        </Form.Item>
      ) : null}
      {source === 'hex' ? (
        <Form.Item
          label="十六进制种子"
          name="seedHex"
          rules={[{ required: true, pattern: /^\s*[0-9a-fA-F]{64}\s*$/, message: '种子应为 64 位十六进制（32 字节）' }]}
          extra="由监督人提供的 32 字节随机数。"
        >
          <Input maxLength={70} autoFocus style={MONO} data-testid="seed-hex" />
        </Form.Item>
      ) : null}
      <Form.Item label="监督人（见证人）" name="witness" extra="选填；记入摇号记录。">
        <Input maxLength={100} autoFocus={source === 'csprng'} placeholder="如：纪检监察室 王监督" data-testid="seed-witness" />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} loading={commit.isPending} data-testid="seed-commit">
        生成种子承诺
      </Button>
    </Form>
  );
}
